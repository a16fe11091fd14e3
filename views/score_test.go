package views

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"jakstat/content"
)

// TestScoreShowsWholeSectionNames: the score screen's names column is as
// wide as the longest name where the window has room, so no name is cut
// at 60 columns and up; narrower, names are cut with "…" and every line
// still fits, the results lined up.
func TestScoreShowsWholeSectionNames(t *testing.T) {
	s := NewStyles(true)
	scores := []content.SectionScore{
		{Section: "Eczema", Right: 1, Total: 1, Answered: 1},
		{Section: "Before and during treatment", Right: 1, Total: 2, Answered: 2, Missed: []string{"q"}},
		{Section: "Comparing and choosing", Right: 0, Total: 2, Answered: 1},
	}
	for _, tc := range []struct {
		width int
		whole bool
	}{{120, true}, {80, true}, {60, true}, {40, false}} {
		out := ansi.Strip(Score(s, scores, tc.width))
		lines := strings.Split(out, "\n")[2:5]
		col := -1
		for _, ln := range lines {
			if ansi.StringWidth(ln) > tc.width {
				t.Errorf("width %d: %q is wider", tc.width, ln)
			}
			at := ansi.StringWidth(ln[:strings.Index(ln, " of ")])
			if col >= 0 && at != col {
				t.Errorf("width %d: the results are not lined up:\n%s", tc.width, out)
			}
			col = at
		}
		if whole := strings.Contains(out, "Before and during treatment "); whole != tc.whole {
			t.Errorf("width %d: the whole name shown = %v:\n%s", tc.width, whole, out)
		}
	}
}
