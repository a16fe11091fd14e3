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
