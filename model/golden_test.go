package model

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"

	"jakstat/internal/fixture"
)

// The screens' goldens render the fixture lesson (package fixture), whose
// invented content stands still: re-checking the real lesson's facts
// rewrites none of them. TestGoldenShippedLesson keeps a few of the real
// lesson, where its content is the point. Review every change by eye:
// go test ./model -run TestGolden -update

// onFixture is the fixture lesson at a window size.
func onFixture(t testing.TB, w, h int, opts Options) Model {
	t.Helper()
	if opts.Theme == "" {
		opts.Theme = ThemeDark
	}
	return send(t, New(fixture.Lesson(t), opts), tea.WindowSizeMsg{Width: w, Height: h})
}

// TestGoldenScreens renders each kind of step at the sizes learners and
// projectors use.
func TestGoldenScreens(t *testing.T) {
	shots := map[string][]string{
		"welcome":       nil,
		"long-text":     {"2", "G"},
		"scene-binding": {"3", "G"},
		"scene-compare": {"4", "G"},
		"drugs":         {"5", "G"},
		"drugs-table":   {"5", "G", "tab", "j"},
		"drug-details":  {"5", "G", "tab", "enter"},
		"side-effects":  {"6", "G", "tab"},
		"help":          {"?"},
		"jump-prompt":   {":", "6"},
		"scene-zoom":    {"3", "G", "z"},
		"compare-zoom":  {"4", "G", "z", "."},
		"count-pending": {"1", "2"},
	}
	for name, keys := range shots {
		for _, sz := range [][2]int{{80, 24}, {120, 40}, {60, 16}} {
			t.Run(fmt.Sprintf("%s-%dx%d", name, sz[0], sz[1]), func(t *testing.T) {
				m := press(t, onFixture(t, sz[0], sz[1], Options{NoQuiz: true}), keys...)
				assertFits(t, m)
				golden.RequireEqual(t, []byte(screen(m)))
			})
		}
	}
}

// TestGoldenLearnScreens: a question before and after an answer, the score
// screen, the glossary and search results.
func TestGoldenLearnScreens(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {60, 16}} {
		quizzed := func(t *testing.T) Model { return onFixture(t, sz[0], sz[1], Options{}) }
		name := func(s string) string { return fmt.Sprintf("%s-%dx%d", s, sz[0], sz[1]) }
		shots := map[string]func(t *testing.T) Model{
			"question": func(t *testing.T) Model { return press(t, quizzed(t), "4", "G", "right") },
			"answered": func(t *testing.T) Model { return press(t, quizzed(t), "4", "G", "right", "2") },
			"order":    func(t *testing.T) Model { return press(t, quizzed(t), "6", "G", "right", "2") },
			// The order question answered wrongly: items 1 and 2 swapped.
			"order-wrong": func(t *testing.T) Model {
				return press(t, quizzed(t), "6", "G", "right", "2", "3", "1", "enter")
			},
			// v from an answered question: its step, with the question waiting.
			"question-waiting": func(t *testing.T) Model { return press(t, quizzed(t), "4", "G", "right", "2", "v") },
			"score": func(t *testing.T) Model {
				m := quizzed(t)
				m.answers = map[string]bool{}
				for i, q := range m.lesson.Questions {
					m.answers[q.ID] = i%4 != 1
				}
				return press(t, m, "G", "right")
			},
			"glossary": func(t *testing.T) Model { return press(t, quizzed(t), "2", "G", "d") },
			"search":   func(t *testing.T) Model { return press(t, quizzed(t), "/", "j", "a", "k") },
		}
		for shot, build := range shots {
			t.Run(name(shot), func(t *testing.T) {
				m := build(t)
				assertFits(t, m)
				golden.RequireEqual(t, []byte(screen(m)))
			})
		}
	}
}

// TestGoldenProjector renders the scene steps as a presenter shows them,
// at a projector's sizes: the diagram beside the text where it fits, in
// words (and z) where it does not, and zoomed.
func TestGoldenProjector(t *testing.T) {
	for _, tc := range []struct {
		name string
		keys []string
	}{
		{"binding", []string{"3", "G"}},
		{"compare", []string{"4", "G"}},
		{"compare-zoom", []string{"4", "G", "z"}},
	} {
		for _, sz := range [][2]int{{60, 16}, {80, 22}} {
			t.Run(fmt.Sprintf("%s-%dx%d", tc.name, sz[0], sz[1]), func(t *testing.T) {
				m := press(t, onFixture(t, sz[0], sz[1], Options{NoQuiz: true, NoMotion: true, Present: true}), tc.keys...)
				assertFits(t, m)
				golden.RequireEqual(t, []byte(screen(m)))
			})
		}
	}
}

// TestGoldenExplorer renders every tab wide and narrow, and details.
func TestGoldenExplorer(t *testing.T) {
	for tab := range 5 {
		for _, sz := range [][2]int{{140, 40}, {80, 24}, {60, 16}} {
			t.Run(fmt.Sprintf("tab%d-%dx%d", tab+1, sz[0], sz[1]), func(t *testing.T) {
				m := press(t, onFixture(t, sz[0], sz[1], Options{}), "t", fmt.Sprint(tab+1))
				assertFits(t, m)
				golden.RequireEqual(t, []byte(screen(m)))
			})
		}
	}
	for _, tc := range []struct {
		name string
		keys []string
	}{
		{"drug-details-80x24", []string{"t", "j", "enter"}},
		{"effect-details-80x24", []string{"t", "2", "j", "j", "j", "enter"}},
		{"filtered-80x24", []string{"t", "o", "s", "s", "/", "d", "e", "m"}},
		{"help-80x24", []string{"t", "?"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := press(t, onFixture(t, 80, 24, Options{}), tc.keys...)
			golden.RequireEqual(t, []byte(screen(m)))
		})
	}
}

// TestGoldenShippedLesson keeps a few screens of the real lesson, where its
// content is the point: the drug table and a drug's details.
func TestGoldenShippedLesson(t *testing.T) {
	drugs := strconv.Itoa(stepWithTable(t, "drugs") + 1)
	for _, tc := range []struct {
		name string
		w, h int
		keys []string
	}{
		{"drugs-table-120x40", 120, 40, []string{":", drugs, "enter", "tab", "j"}},
		{"drug-details-80x24", 80, 24, []string{":", drugs, "enter", "tab", "enter"}},
		{"explorer-drugs-140x40", 140, 40, []string{"t", "1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := press(t, sized(t, tc.w, tc.h), tc.keys...)
			golden.RequireEqual(t, []byte(screen(m)))
		})
	}
}

// TestGoldenColour keeps the escape codes of a few screens, so a style
// that stops marking something shows: the focused table row in both
// themes, and the same screen with colour off (NO_COLOR), where reverse
// video must still mark the row.
func TestGoldenColour(t *testing.T) {
	keys := []string{"5", "G", "tab", "j"}
	dark := press(t, onFixture(t, 80, 24, Options{NoQuiz: true}), keys...)
	light := press(t, onFixture(t, 80, 24, Options{NoQuiz: true, Theme: ThemeLight}), keys...)
	for _, tc := range []struct {
		name    string
		m       Model
		profile colorprofile.Profile
	}{
		{"table-row-dark", dark, colorprofile.TrueColor},
		{"table-row-light", light, colorprofile.TrueColor},
		{"table-row-no-color", dark, colorprofile.ASCII},
		{"table-row-256", light, colorprofile.ANSI256},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			w := &colorprofile.Writer{Forward: &b, Profile: tc.profile}
			if _, err := w.WriteString(tc.m.Render()); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, []byte(b.String()))
		})
	}
	var b strings.Builder
	w := &colorprofile.Writer{Forward: &b, Profile: colorprofile.ASCII}
	w.WriteString(dark.Render())
	if !strings.Contains(b.String(), "7m") {
		t.Error("with colour off, nothing marks the selected row")
	}
}
