package model

import (
	"fmt"
	"strings"
	"testing"
)

// TestHelpBarAlwaysOffersEveryKey: on every step of the lesson, at the
// sizes learners use, the help bar either shows every key it has (down to
// q quit) or says "…" and ends with "? all keys", the key that shows the
// rest, whatever the step draws (a table, a diagram).
func TestHelpBarAlwaysOffersEveryKey(t *testing.T) {
	l := shipped(t)
	for _, sz := range [][2]int{{60, 16}, {80, 24}, {120, 40}} {
		for i := range l.Steps {
			t.Run(fmt.Sprintf("%dx%d-step%d", sz[0], sz[1], i+1), func(t *testing.T) {
				m := press(t, sized(t, sz[0], sz[1]), ":", fmt.Sprint(i+1), "enter")
				bar := helpLine(m)
				whole := strings.HasSuffix(bar, "? all keys • q quit")
				cut := strings.HasSuffix(bar, " … ? all keys")
				if whole == cut {
					t.Errorf("the help bar neither shows every key nor ends with the key to them: %q", bar)
				}
				if m = press(t, m, "?"); m.panes.overlay != overlayHelp {
					t.Errorf("? did not open every key")
				}
			})
		}
	}
}

// TestChoiceKeysMatchTheChoices: a check of understanding, on one's own
// or live in a classroom, offers the number keys its choices have ("1/2",
// "1-4"), never "1-9"; a number past them does nothing.
func TestChoiceKeysMatchTheChoices(t *testing.T) {
	l := shipped(t)
	label := func(n int) string {
		if n == 2 {
			return "1/2 "
		}
		return fmt.Sprintf("1-%d ", n)
	}
	seen := map[int]bool{}
	for i, q := range l.Questions {
		n := len(q.Choices)
		seen[n] = true
		t.Run(q.ID, func(t *testing.T) {
			m := ask(t, sized(t, 80, 24), i)
			if bar := helpLine(m); !strings.HasPrefix(bar, label(n)) || strings.Contains(bar, "1-9") {
				t.Errorf("%d choices: the help bar is %q", n, bar)
			}
			if n < 9 {
				if m = press(t, m, fmt.Sprint(n+1)); m.quiz.Position().Answered {
					t.Errorf("%d answered a question of %d choices", n+1, n)
				}
			}
			s := send(t, studentIn(t, l, &fakeRoom{}, 80, 24), checkOf(l, i, 1, 1))
			if bar := helpLine(s); !strings.HasPrefix(bar, label(n)) {
				t.Errorf("%d choices, live: the help bar is %q", n, bar)
			}
		})
	}
	if !seen[2] || len(seen) < 2 {
		t.Errorf("the lesson no longer has questions of two and more choices: %v", seen)
	}
}
