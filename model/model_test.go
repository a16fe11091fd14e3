package model

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jakstat/content"
	"jakstat/internal/fixture"
	"jakstat/model/internal/ui"
)

// shipped is the built-in lesson.
func shipped(t testing.TB) *content.Lesson { t.Helper(); return fixture.Shipped(t) }

// sized returns a model that has received its first window size. Its
// checks of understanding are off, so navigation tests are not stopped by
// questions at the ends of sections; quizzed turns them on.
func sized(t testing.TB, w, h int) Model {
	t.Helper()
	m := New(shipped(t), Options{Theme: ThemeDark, NoQuiz: true})
	return send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
}

// quizzed is sized with the checks of understanding on.
func quizzed(t testing.TB, w, h int) Model {
	t.Helper()
	m := New(shipped(t), Options{Theme: ThemeDark})
	return send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
}

func send(t testing.TB, m Model, msgs ...tea.Msg) Model {
	t.Helper()
	for _, msg := range msgs {
		next, _ := m.Update(msg)
		m = next.(Model)
	}
	return m
}

// keyMsg builds the message Bubble Tea sends for a named key or a character.
func keyMsg(k string) tea.KeyPressMsg {
	named := map[string]rune{
		"right": tea.KeyRight, "left": tea.KeyLeft, "up": tea.KeyUp, "down": tea.KeyDown,
		"enter": tea.KeyEnter, "tab": tea.KeyTab, "esc": tea.KeyEscape, "backspace": tea.KeyBackspace,
		"home": tea.KeyHome, "end": tea.KeyEnd, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
	}
	switch {
	case k == "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case k == "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case k == "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case named[k] != 0:
		return tea.KeyPressMsg{Code: named[k]}
	}
	r := []rune(k)
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

func press(t testing.TB, m Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		m = send(t, m, keyMsg(k))
	}
	return m
}

func screen(m Model) string { return ansi.Strip(m.Render()) }

func TestKeysMoveBetweenSteps(t *testing.T) {
	tests := map[string]struct {
		keys []string
		want int // one-based step; -1 for the last
	}{
		"right":                                {[]string{"right"}, 2},
		"l three times":                        {[]string{"l", "l", "l"}, 4},
		"space":                                {[]string{"space"}, 2},
		"enter on text is next":                {[]string{"enter"}, 2},
		"right then left":                      {[]string{"right", "left"}, 1},
		"h":                                    {[]string{"l", "l", "h"}, 2},
		"backspace at the start":               {[]string{"backspace"}, 1},
		"G":                                    {[]string{"G"}, -1},
		"end":                                  {[]string{"end"}, -1},
		"G then g":                             {[]string{"G", "g"}, 1},
		"home":                                 {[]string{"G", "home"}, 1},
		"3G":                                   {[]string{"3", "G"}, 3},
		"12G":                                  {[]string{"1", "2", "G"}, 12},
		"99G clamps":                           {[]string{"9", "9", "G"}, -1},
		"colon jump":                           {[]string{":", "7", "enter"}, 7},
		"colon jump cancelled":                 {[]string{":", "7", "esc"}, 1},
		"colon backspace":                      {[]string{":", "1", "5", "backspace", "enter"}, 1},
		"colon ignores letters":                {[]string{":", "x", "9", "enter"}, 9},
		"colon empty enter":                    {[]string{"right", ":", "enter"}, 2},
		"one read: 3G":                         {[]string{"3G"}, 3},
		"one read: lll":                        {[]string{"lll"}, 4},
		"next past the end":                    {[]string{"G", "right", "space"}, -1},
		"keys of other screens leave the step": {[]string{"t", "/", "n", "N", "b"}, 1},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			m := press(t, sized(t, 80, 24), tc.keys...)
			total := len(shipped(t).Steps)
			if tc.want < 0 {
				tc.want = total
			}
			if got := m.Step() + 1; got != tc.want {
				t.Errorf("after %q: step %d, want %d", tc.keys, got, tc.want)
			}
			if want := fmt.Sprintf("%d/%d", tc.want, total); !strings.Contains(screen(m), want) {
				t.Errorf("screen does not show %s:\n%s", want, screen(m))
			}
		})
	}
}

func TestQuitKeys(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		m := sized(t, 80, 24)
		_, cmd := m.Update(keyMsg(k))
		if cmd == nil {
			t.Fatalf("%s: no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Errorf("%s did not quit", k)
		}
	}
}

func TestScrollingATallStep(t *testing.T) {
	m := press(t, sized(t, 60, 16), "2", "G") // a long step in a small window
	if m.panes.text.Top() != 0 {
		t.Fatal("a new step should start at the top")
	}
	if s := screen(m); !strings.Contains(s, "more below") && !regexp.MustCompile(`▼\d+ `).MatchString(s) {
		t.Fatalf("a tall step should say there is more below:\n%s", screen(m))
	}
	m = press(t, m, "j", "j", "down")
	if got := m.panes.text.Top(); got != 3 {
		t.Errorf("after three lines down, offset %d", got)
	}
	if s := screen(m); !strings.Contains(s, "▲ 3 above") && !strings.Contains(s, "▲3 ") {
		t.Errorf("screen should say 3 lines are above:\n%s", screen(m))
	}
	m = press(t, m, "k")
	if got := m.panes.text.Top(); got != 2 {
		t.Errorf("after one up, offset %d", got)
	}
	m = press(t, m, "pgdown")
	if got := m.panes.text.Top(); got <= 2 {
		t.Errorf("page down did not move: %d", got)
	}
	before := m.panes.text.Top()
	m = send(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if got := m.panes.text.Top(); got != max(before-ui.WheelLines, 0) {
		t.Errorf("one wheel notch up: offset %d -> %d", before, got)
	}
	for range 20 {
		m = send(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	}
	if got := m.panes.text.Top(); got != 0 {
		t.Errorf("the wheel did not scroll back to the top: %d", got)
	}
	m = press(t, m, "5", "j")
	if got := m.panes.text.Top(); got != 5 {
		t.Errorf("5j scrolled to %d", got)
	}
	m = press(t, m, "right", "left")
	if m.panes.text.Top() != 0 {
		t.Error("coming back to a step should start at its top")
	}
}

func TestResizeKeepsPlaceAndFits(t *testing.T) {
	m := press(t, sized(t, 80, 24), "2", "G", "j", "j")
	m = send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	if m.Step() != 1 {
		t.Errorf("resize changed the step to %d", m.Step()+1)
	}
	assertFits(t, m)
}

// stepWithTable is the zero-based step of the shipped lesson that shows
// the table id, so tests follow the lesson as it grows.
func stepWithTable(t testing.TB, id string) int {
	t.Helper()
	for i, st := range shipped(t).Steps {
		if st.Table == id {
			return i
		}
	}
	t.Fatalf("no step shows the %s table", id)
	return -1
}

func TestTableFocusDetailsAndBack(t *testing.T) {
	l := shipped(t)
	drugStep := stepWithTable(t, "drugs")
	for _, size := range [][2]int{{120, 40}, {60, 16}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m := press(t, sized(t, size[0], size[1]), ":", fmt.Sprint(drugStep+1), "enter")
			if m.panes.grid.ID() != "drugs" {
				t.Fatalf("step %d has grid %q", drugStep+1, m.panes.grid.ID())
			}
			m = press(t, m, "tab")
			if m.panes.focus != focusTable {
				t.Fatal("tab did not focus the table")
			}
			m = press(t, m, "j")
			if m.panes.row != 1 {
				t.Fatalf("j moved to row %d", m.panes.row)
			}
			m = press(t, m, "enter")
			if m.panes.overlay != overlayDetails {
				t.Fatal("enter on a row did not open its details")
			}
			second := l.Drugs[1]
			if s := screen(m); !strings.Contains(s, second.Generic) || !strings.Contains(s, "Details") {
				t.Errorf("details do not show %s:\n%s", second.Generic, s)
			}
			m = press(t, m, "esc")
			if !onStep(m) || m.panes.focus != focusTable || m.Step() != drugStep {
				t.Fatalf("esc should close details only: overlay %d focus %d step %d", m.panes.overlay, m.panes.focus, m.Step())
			}
			m = press(t, m, "esc")
			if m.panes.focus != focusText {
				t.Fatal("esc did not return focus to the text")
			}
			m = press(t, m, "enter")
			if m.Step() != drugStep+1 && !onQuestion(m) {
				t.Errorf("enter on the text should go on to the next step, at %d", m.Step()+1)
			}
		})
	}
}

func TestHelpToggles(t *testing.T) {
	m := press(t, sized(t, 80, 24), "?")
	if !strings.Contains(screen(m), "All keys") || !strings.Contains(screen(m), "go to step") {
		t.Fatalf("? did not show every key:\n%s", screen(m))
	}
	m = press(t, m, "?")
	if strings.Contains(screen(m), "All keys") {
		t.Fatal("? again did not close the help")
	}
	m = press(t, m, "?", "right")
	if !onStep(m) || m.Step() != 1 {
		t.Error("a motion key should close the help and move")
	}
}

func TestTooSmallAndRecovers(t *testing.T) {
	m := sized(t, 30, 10)
	if !strings.Contains(screen(m), "too small") {
		t.Fatalf("no too-small message:\n%s", screen(m))
	}
	m = press(t, m, "right") // ignored while too small
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if s := screen(m); strings.Contains(s, "too small") || !strings.Contains(s, fmt.Sprintf("1/%d", len(shipped(t).Steps))) {
		t.Errorf("did not recover:\n%s", s)
	}
}

func TestThemeFollowsTerminalUnlessForced(t *testing.T) {
	m := New(shipped(t), Options{})
	if m.Init() == nil {
		t.Error("auto theme should ask the terminal for its background")
	}
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24}, tea.BackgroundColorMsg{Color: lightBg{}})
	if m.isDark {
		t.Error("a light background should switch to light styles")
	}
	forced := New(shipped(t), Options{Theme: ThemeDark})
	if forced.Init() != nil {
		t.Error("a forced theme should not ask")
	}
	forced = send(t, forced, tea.BackgroundColorMsg{Color: lightBg{}})
	if !forced.isDark {
		t.Error("--theme dark was overridden by the terminal")
	}
}

type lightBg struct{}

func (lightBg) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

func TestPrerenderedStepsAreUsed(t *testing.T) {
	m := sized(t, 80, 24)
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if cmd == nil {
		t.Fatal("no prerender command for the next step")
	}
	msg, ok := cmd().(prerenderedMsg)
	if !ok || len(msg.keys) == 0 || msg.keys[0].text != m.digests[1] {
		t.Fatalf("prerender gave %#v", msg)
	}
	m = send(t, m, msg)
	if _, ok := m.cache.get(msg.keys[0]); !ok {
		t.Error("prerendered text was not cached")
	}
}

func assertFits(t *testing.T, m Model) {
	t.Helper()
	lines := strings.Split(m.Render(), "\n")
	if m.width <= 0 || m.height <= 0 {
		return
	}
	if len(lines) > m.height {
		t.Fatalf("%d lines in a %d-line window", len(lines), m.height)
	}
	for i, ln := range lines {
		if w := ansi.StringWidth(ln); w > m.width {
			t.Fatalf("line %d is %d wide in a %d-wide window: %q", i, w, m.width, ansi.Strip(ln))
		}
	}
}

// TestRandomKeysAndResizes feeds thousands of random keys and window sizes
// to the shipped lesson and to a lesson on another topic (no drugs, no
// scenes, a table of its own in its text): the model must never panic,
// always be on a real step, and always draw a frame that fits the window.
func TestRandomKeysAndResizes(t *testing.T) {
	keys := []string{"right", "left", "l", "h", "space", "backspace", "g", "G", "home", "end",
		"0", "1", "3", "9", ":", "enter", "esc", "tab", "shift+tab", "up", "down", "j", "k",
		"pgup", "pgdown", "?", "x", "p", "r", ",", ".", "<", ">", "z", "v", "/", "3G", "lll", "t", "d"}
	n := 2000
	if testing.Short() {
		n = 300
	}
	lessons := map[string]*content.Lesson{"shipped": shipped(t), "antihistamines": fixture.Antihistamines(t)}
	for name, l := range lessons {
		t.Run(name, func(t *testing.T) {
			for seed := uint64(1); seed <= 3; seed++ {
				randomWalk(t, l, rand.New(rand.NewPCG(seed, 42)), n, keys)
			}
		})
	}
}

func randomWalk(t *testing.T, l *content.Lesson, rng *rand.Rand, n int, keys []string) {
	t.Helper()
	m := New(l, Options{Theme: ThemeAuto})
	for i := 0; i < n; i++ {
		var msg tea.Msg
		switch r := rng.IntN(20); {
		case r == 0:
			msg = tea.WindowSizeMsg{Width: rng.IntN(220), Height: rng.IntN(70)}
		case r == 2:
			msg = frameMsg{step: m.nav.Step, gen: m.anim.gen}
		case r == 3 && rng.IntN(4) == 0: // an author's edit that does not load, then one that does
			msg = ReloadFailedMsg{Err: content.Errors{{File: "01-x.md", Line: rng.IntN(50), Msg: strings.Repeat("a problem ", rng.IntN(30))}}}
		case r == 4 && rng.IntN(4) == 0:
			msg = LessonMsg{Lesson: l}
		case r == 1:
			b := tea.MouseWheelUp
			if rng.IntN(2) == 0 {
				b = tea.MouseWheelDown
			}
			msg = tea.MouseWheelMsg{Button: b, X: rng.IntN(100), Y: rng.IntN(40)}
		default:
			msg = keyMsg(keys[rng.IntN(len(keys))])
		}
		next, _ := m.Update(msg)
		m = next.(Model)
		if m.Step() < 0 || m.Step() >= len(l.Steps) {
			t.Fatalf("message %d (%#v): step %d out of range", i, msg, m.Step())
		}
		assertFits(t, m)
		assertDisclaimed(t, m)
	}
}

// BenchmarkView measures composing a frame of a step whose body is already
// cached: the cost a key press pays once the step is rendered.
func BenchmarkView(b *testing.B) {
	for _, tc := range []struct {
		name string
		keys []string
	}{{"text", []string{"4", "G"}}, {"table", []string{"1", "4", "G", "tab"}}} {
		b.Run(tc.name, func(b *testing.B) {
			m := press(b, sized(b, 120, 40), tc.keys...)
			m.View()
			b.ReportAllocs()
			for b.Loop() {
				m.View()
			}
		})
	}
}

// BenchmarkNextStep measures a key press that moves to a step not yet
// rendered (the slow case), and one whose step was rendered ahead.
func BenchmarkNextStep(b *testing.B) {
	b.Run("uncached", func(b *testing.B) {
		for b.Loop() {
			m := sized(b, 120, 40)
			m.cache = NewRenderCache()
			next, _ := m.Update(keyMsg("right"))
			next.View()
		}
	})
	b.Run("cached", func(b *testing.B) {
		m := press(b, sized(b, 120, 40), "right", "left")
		b.ReportAllocs()
		for b.Loop() {
			next, _ := m.Update(keyMsg("right"))
			next.View()
		}
	})
}

func TestLessonLoadedInTheBackground(t *testing.T) {
	ch := make(chan Loaded, 1)
	m := NewLoading(ch, Options{Theme: ThemeDark})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24}, keyMsg("right"))
	if m.Render() != "" {
		t.Fatal("something was drawn before the lesson arrived")
	}
	ch <- Loaded{Lesson: shipped(t)}
	cmd := m.Init()
	if cmd == nil {
		t.Fatal("Init does not wait for the lesson")
	}
	// With a forced theme, waiting for the lesson is Init's only command.
	loaded, _ := cmd().(loadedMsg)
	if loaded.Lesson == nil {
		t.Fatal("no lesson from Init")
	}
	m = send(t, m, loaded)
	if s := screen(m); !strings.Contains(s, fmt.Sprintf("1/%d", len(shipped(t).Steps))) {
		t.Fatalf("the lesson did not appear at the size it was given:\n%s", s)
	}
	assertFits(t, m)
}

func TestLessonThatFailsToLoadQuits(t *testing.T) {
	ch := make(chan Loaded, 1)
	m := NewLoading(ch, Options{Theme: ThemeLight})
	next, cmd := m.Update(loadedMsg{Err: fmt.Errorf("drugs.yaml:3: broken")})
	if cmd == nil {
		t.Fatal("no command after a failed load")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("a failed load should quit")
	}
	if err := next.(Model).Err(); err == nil || !strings.Contains(err.Error(), "drugs.yaml:3") {
		t.Errorf("Err() = %v", err)
	}
}

func TestQuitWhileLoading(t *testing.T) {
	m := NewLoading(make(chan Loaded), Options{})
	_, cmd := m.Update(keyMsg("q"))
	if cmd == nil {
		t.Fatal("q did nothing while loading")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("q should quit while loading")
	}
}
