package views

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"jakstat/content"
	"jakstat/internal/fixture"
)

// TestPrintFitsEveryWidth: --width N wraps every printed line, down to the
// narrowest width allowed, for every lesson and with --ascii; the one
// exception is a source's address, which is never broken (a reader copies
// it whole), so one longer than the line stands alone at its edge.
func TestPrintFitsEveryWidth(t *testing.T) {
	lessons := map[string]*content.Lesson{"shipped": shipped(t), "antihistamines": fixture.Antihistamines(t), "fixture": fixture.Lesson(t)}
	for name, l := range lessons {
		for _, w := range []int{20, 21, 23, 27, 32, 40, 47, 60, 80} {
			for _, ascii := range []bool{false, true} {
				over := 0
				out := Print(l, PrintOptions{Width: w, ASCII: ascii})
				for _, src := range l.Sources {
					if src.URL != "" && strings.Contains(out, "["+src.ID+"] ") && !strings.Contains(out, "\n"+src.URL+"\n") && !strings.Contains(out, " "+src.URL+"\n") {
						t.Errorf("%s at %d: the address %s is not whole on a line of its own", name, w, src.URL)
					}
				}
				for i, ln := range strings.Split(out, "\n") {
					if ansi.StringWidth(ln) > w && !isAddress(ln) {
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

// isAddress says whether a line is a web address alone, from its start.
func isAddress(ln string) bool {
	return (strings.HasPrefix(ln, "https://") || strings.HasPrefix(ln, "http://")) && !strings.ContainsRune(ln, ' ')
}
