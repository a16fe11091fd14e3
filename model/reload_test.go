package model

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"jakstat/content"
	"jakstat/internal/fixture"
)

// edited returns a copy of l with step i's text changed.
func edited(l *content.Lesson, i int, body string) *content.Lesson {
	e := *l
	e.Steps = slices.Clone(l.Steps)
	e.Steps[i].Body = body
	return &e
}

// TestReloadRendersOnlyWhatChanged: after an edit, the steps the edit left
// alone come from the cache; the edited one is drawn afresh, and shown.
func TestReloadRendersOnlyWhatChanged(t *testing.T) {
	l := fixture.Antihistamines(t)
	m := press(t, send(t, New(l, Options{Theme: ThemeDark, NoQuiz: true}), tea.WindowSizeMsg{Width: 100, Height: 30}), "right", "right", "left")
	w := m.dims().textW
	for _, i := range []int{0, 1, 2} {
		if _, ok := m.cache.get(m.textKey(i, w, false)); !ok {
			t.Fatalf("step %d was never rendered", i+1)
		}
	}
	m = send(t, m, LessonMsg{Lesson: edited(l, 2, "An **edited** third step.")})
	if m.Step() != 1 {
		t.Fatalf("the reload moved the learner to step %d", m.Step()+1)
	}
	for i, want := range []bool{true, true, false} {
		if _, ok := m.cache.get(m.textKey(i, w, false)); ok != want {
			t.Errorf("step %d cached after the edit: %v, want %v", i+1, ok, want)
		}
	}
	if s := screen(press(t, m, "right")); !strings.Contains(s, "An edited third step.") {
		t.Errorf("the edited step does not show its new text:\n%s", s)
	}
}

// TestReloadProblemsPanel: an edit that does not load keeps the lesson and
// the learner's place, with a panel naming file and line that fits every
// window; the next edit that loads clears it.
func TestReloadProblemsPanel(t *testing.T) {
	l := fixture.Antihistamines(t)
	probs := content.Errors{
		{File: "03-switched-off.md", Line: 9, Msg: `unknown scene "disco" (known: resting, binding)`},
		{File: "lesson.yaml", Line: 3, Msg: `checked must be the date the facts were checked, as YYYY-MM-DD (got "soon")`},
		{File: "sources.yaml", Msg: "cannot read: permission denied"},
	}
	for _, size := range [][2]int{{40, 12}, {60, 16}, {80, 24}, {120, 40}, {200, 60}} {
		m := press(t, send(t, New(l, Options{Theme: ThemeLight, NoQuiz: true}), tea.WindowSizeMsg{Width: size[0], Height: size[1]}), "right", "right")
		m = send(t, m, ReloadFailedMsg{Err: probs})
		s := screen(m)
		if m.Step() != 2 || !strings.Contains(s, "Not reloaded") || !strings.Contains(s, "03-switched-off.md:9:") {
			t.Errorf("%dx%d: step %d, no panel:\n%s", size[0], size[1], m.Step()+1, s)
		}
		if size[1] >= 24 && !strings.Contains(s, "lesson.yaml:3:") {
			t.Errorf("%dx%d: the second problem is missing:\n%s", size[0], size[1], s)
		}
		assertFits(t, m)
		for _, k := range []string{"right", "t", "d", "?", "esc", "/", "esc", "left"} {
			m = press(t, m, k)
			assertFits(t, m)
		}
		if len(m.Problems()) != 3 {
			t.Errorf("%dx%d: keys cleared the panel", size[0], size[1])
		}
		m = send(t, m, LessonMsg{Lesson: l})
		if s := screen(m); strings.Contains(s, "Not reloaded") || m.Problems() != nil {
			t.Errorf("%dx%d: a lesson that loads did not clear the panel:\n%s", size[0], size[1], s)
		}
	}
	// Over the explorer too (it draws the whole window).
	m := press(t, sized(t, 100, 30), "t")
	m = send(t, m, ReloadFailedMsg{Err: probs})
	if s := screen(m); m.screen != screenExplorer || !strings.Contains(s, "03-switched-off.md:9:") {
		t.Errorf("no panel over the explorer:\n%s", s)
	}
	assertFits(t, m)
	// And the explorer opened under the panel fits above it, its
	// disclaimer and help bar in sight.
	m = press(t, send(t, sized(t, 100, 30), ReloadFailedMsg{Err: probs}), "t")
	if s := screen(m); !strings.Contains(s, "03-switched-off.md:9:") || !strings.Contains(s, "not medical advice") || !strings.Contains(s, "next tab") {
		t.Errorf("the explorer opened under the panel lost its last lines:\n%s", s)
	}
}

// BenchmarkReload is what a saved edit costs the model once the folder is
// loaded: the edited step drawn afresh (edit on the step shown), or only
// the screen rebuilt (edit elsewhere).
func BenchmarkReload(b *testing.B) {
	l, err := content.Shipped()
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		step int
	}{{"shown step edited", 3}, {"other step edited", 10}} {
		b.Run(tc.name, func(b *testing.B) {
			m := press(b, sized(b, 120, 40), "4", "G")
			versions := []*content.Lesson{edited(l, tc.step, l.Steps[tc.step].Body+"\n\nOne."), edited(l, tc.step, l.Steps[tc.step].Body+"\n\nTwo.")}
			n := 0
			for b.Loop() {
				n++
				next, _ := m.Update(LessonMsg{Lesson: versions[n%2]})
				m = next.(Model)
				m.View()
			}
		})
	}
}

// TestHyperlinksOption: with Options.Hyperlinks the sources under a step
// (and links in its text) are OSC 8 hyperlinks to their addresses; without
// it there are none, and the two are cached apart.
func TestHyperlinksOption(t *testing.T) {
	l := fixture.Antihistamines(t)
	src, _ := l.Source(l.Steps[0].Sources.IDs[0])
	for _, on := range []bool{false, true} {
		m := send(t, New(l, Options{Theme: ThemeDark, Hyperlinks: on}), tea.WindowSizeMsg{Width: 100, Height: 60})
		out := m.Render()
		if got := strings.Contains(out, "\x1b]8;;"+src.URL); got != on {
			t.Errorf("hyperlinks %v: a link to %s on screen: %v", on, src.URL, got)
		}
		if !strings.Contains(screen(m), "Simons FER") {
			t.Errorf("hyperlinks %v: the source's title is missing:\n%s", on, screen(m))
		}
		assertFits(t, m)
	}
}
