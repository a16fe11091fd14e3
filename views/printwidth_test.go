package views

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"jakstat/content"
	"jakstat/internal/fixture"
)

// TestPrintFitsEveryWidth: --width N wraps every printed line, down to the
// narrowest width allowed, for every lesson and with --ascii.
func TestPrintFitsEveryWidth(t *testing.T) {
	lessons := map[string]*content.Lesson{"shipped": shipped(t), "antihistamines": fixture.Antihistamines(t), "fixture": fixture.Lesson(t)}
	for name, l := range lessons {
		for _, w := range []int{20, 21, 23, 27, 32, 40, 47, 60, 80} {
			for _, ascii := range []bool{false, true} {
				over := 0
				for i, ln := range strings.Split(Print(l, PrintOptions{Width: w, ASCII: ascii}), "\n") {
					if ansi.StringWidth(ln) > w {
						if over++; over <= 3 {
							t.Errorf("%s at %d (ascii %v): line %d is %d wide: %q", name, w, ascii, i+1, ansi.StringWidth(ln), ln)
						}
					}
				}
				if over > 3 {
					t.Errorf("%s at %d (ascii %v): %d lines too wide in all", name, w, ascii, over)
				}
			}
		}
	}
}
