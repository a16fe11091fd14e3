package model

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"jakstat/content"
)

func TestOnceMapLimit(t *testing.T) {
	o := onceMap[int, string]{m: map[int]*onceEntry[string]{}, limit: 8}
	for k := range 100 {
		if got := o.do(k, func() string { return fmt.Sprint(k) }); got != fmt.Sprint(k) {
			t.Fatalf("key %d gave %q", k, got)
		}
		if len(o.m) > o.limit {
			t.Fatalf("%d entries kept past a limit of %d", len(o.m), o.limit)
		}
	}
	// An entry still being computed is kept, whatever the limit: its
	// callers wait on it.
	var wg sync.WaitGroup
	started, release := make(chan struct{}), make(chan struct{})
	wg.Go(func() {
		o.do(-1, func() string { close(started); <-release; return "slow" })
	})
	<-started
	for k := 100; k < 200; k++ {
		o.do(k, func() string { return "" })
	}
	if o.m[-1] == nil {
		t.Error("an entry being computed was dropped")
	}
	close(release)
	wg.Wait()
	if v, ok := o.get(-1); !ok || v != "slow" {
		t.Errorf("the slow entry gave %q, %v", v, ok)
	}
}

// TestSharedCacheIsBounded: a classroom's cache does not grow with every
// window size its members take. Zoomed scenes and tables are keyed by the
// window's size, so a member who resizes (or a client that sends size after
// size) made it grow for as long as the server ran.
func TestSharedCacheIsBounded(t *testing.T) {
	l := shipped(t)
	c := NewRenderCache()
	c.scenes.limit, c.tables.limit = 16, 16
	scene := slices.IndexFunc(l.Steps, func(s content.Step) bool { return s.Scene != "" })
	table := slices.IndexFunc(l.Steps, func(s content.Step) bool { return s.Table != "" })
	for _, tc := range []struct {
		keys []string
		size func(Model) int
	}{
		{[]string{fmt.Sprint(scene + 1), "G", "z"}, func(Model) int { return len(c.scenes.m) }},
		{[]string{fmt.Sprint(table + 1), "G", "tab", "j"}, func(Model) int { return len(c.tables.m) }},
	} {
		m := send(t, New(l, Options{Theme: ThemeDark, NoMotion: true, Cache: c}), tea.WindowSizeMsg{Width: 100, Height: 30})
		m = press(t, m, tc.keys...)
		for w := 80; w <= 140; w += 4 {
			for h := 24; h <= 60; h += 6 {
				m = send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
				if n := tc.size(m); n > 16 {
					t.Fatalf("%v: %d entries at %dx%d, past the limit of 16", tc.keys, n, w, h)
				}
				assertFits(t, m)
			}
		}
		fresh := send(t, press(t, send(t, New(l, Options{Theme: ThemeDark, NoMotion: true}), tea.WindowSizeMsg{Width: 100, Height: 30}), tc.keys...), tea.WindowSizeMsg{Width: 140, Height: 60})
		if screen(m) != screen(fresh) {
			t.Errorf("%v: a bounded cache draws otherwise than a cache of its own:\n%s\n%s", tc.keys, screen(m), screen(fresh))
		}
	}
}
