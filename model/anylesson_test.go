package model

import (
	"strings"
	"testing"
	"testing/fstest"

	tea "charm.land/bubbletea/v2"

	"jakstat/content"
	"jakstat/internal/fixture"
)

// Any lesson runs: one on another topic, without the JAK lesson's data,
// shows its own title, disclaimer and date, and offers no key for a screen
// it has nothing for.

// TestAnotherLessonWalksThrough steps through the antihistamine lesson from
// first step to score, taking its checks of understanding on the way, at
// the sizes a classroom meets: every step shows with the lesson's own
// title and disclaimer, its table of its own is drawn, and nothing of the
// JAK lesson appears on any screen.
func TestAnotherLessonWalksThrough(t *testing.T) {
	l := fixture.Antihistamines(t)
	for _, size := range [][2]int{{60, 16}, {80, 24}, {120, 40}} {
		m := send(t, New(l, Options{Theme: ThemeLight}), tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		seen := map[int]bool{}
		var frames strings.Builder
		for i := 0; i < 200 && !onScore(m); i++ {
			s := screen(m)
			frames.WriteString(s + "\n")
			if onQuestion(m) {
				m = press(t, m, "esc") // skip: the questions have tests of their own
				continue
			}
			seen[m.Step()] = true
			if !strings.Contains(s, "Education, not medical advice") {
				t.Fatalf("%dx%d step %d: no disclaimer:\n%s", size[0], size[1], m.Step()+1, s)
			}
			for m.panes.text.Below() > 0 { // read to the end of the step
				m = press(t, m, "pgdown")
				frames.WriteString(screen(m) + "\n")
			}
			m = press(t, m, "right")
		}
		if len(seen) != len(l.Steps) || !onScore(m) {
			t.Fatalf("%dx%d: saw %d of %d steps, on the score: %v", size[0], size[1], len(seen), len(l.Steps), onScore(m))
		}
		all := frames.String()
		for _, want := range []string{"antihistamines", "famotidine", "2026-11-26"} {
			if !strings.Contains(all, want) {
				t.Errorf("%dx%d: %q never shown", size[0], size[1], want)
			}
		}
		for _, foreign := range []string{"JAK", "eczema", "Drugs"} {
			if strings.Contains(all, foreign) {
				t.Errorf("%dx%d: the JAK lesson's %q shows in another lesson", size[0], size[1], foreign)
			}
		}
	}
}

// TestKeysForScreensTheLessonLacks: t with no tables and d with no
// glossary are neither offered (help bar, every-key help) nor do anything.
func TestKeysForScreensTheLessonLacks(t *testing.T) {
	bare, err := content.Load(fstest.MapFS{
		"lesson.yaml": {Data: []byte("title: Sleep\nchecked: 2026-11-20\ndisclaimer: Education only. Ask a doctor.\n")},
		"01-a.md":     {Data: []byte("---\nid: a\ntitle: Why we sleep\nsection: Sleep\n---\nBody text.\n")},
		"02-b.md":     {Data: []byte("---\nid: b\ntitle: How much\nsection: Sleep\n---\nMore text.\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]struct {
		lesson                *content.Lesson
		explorer, glossary    bool
		helpBar, explorerHelp string
	}{
		"no tables, no glossary": {lesson: bare},
		"no tables":              {lesson: fixture.Antihistamines(t), glossary: true},
		"both":                   {lesson: fixture.Lesson(t), explorer: true, glossary: true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			m := send(t, New(tc.lesson, Options{Theme: ThemeDark, NoQuiz: true}), tea.WindowSizeMsg{Width: 200, Height: 40})
			bar, help := screen(m), screen(press(t, m, "?"))
			for _, k := range []struct {
				key, words string
				has        bool
				screen     screenKind
			}{{"t", "explore tables", tc.explorer, screenExplorer}, {"d", "glossary", tc.glossary, screenGlossary}} {
				if strings.Contains(bar, k.words) != k.has || strings.Contains(help, k.words) != k.has {
					t.Errorf("%q offered: help bar %v, every key %v; want %v", k.words,
						strings.Contains(bar, k.words), strings.Contains(help, k.words), k.has)
				}
				if got := press(t, m, k.key).screen; (got == k.screen) != k.has {
					t.Errorf("%s opened screen %d", k.key, got)
				}
			}
		})
	}
	if help := screen(press(t, send(t, New(bare, Options{Theme: ThemeDark}), tea.WindowSizeMsg{Width: 200, Height: 40}), "?")); strings.Contains(help, "replay") {
		t.Errorf("a lesson without diagrams offers the diagram keys:\n%s", help)
	}
	m := send(t, New(bare, Options{Theme: ThemeDark}), tea.WindowSizeMsg{Width: 80, Height: 24})
	if s := screen(m); !strings.Contains(s, "Sleep") || !strings.Contains(s, "Education only · checked 2026-11-20") {
		t.Errorf("the lesson's own title and disclaimer are not shown:\n%s", s)
	}
	if title := m.View().WindowTitle; title != "Sleep · Why we sleep" {
		t.Errorf("window title %q", title)
	}
}
