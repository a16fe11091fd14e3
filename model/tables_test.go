package model

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"jakstat/views"
)

// sizes are the windows the tables are drawn at: a projector, a terminal,
// and three larger ones.
var sizes = [][2]int{{60, 16}, {80, 24}, {100, 30}, {120, 40}, {200, 60}}

// TestGoldenStepTables draws the shipped lesson's tables as their steps
// show them, the table focused, at every size: the JAK pairs table (whose
// text says to look down the JAKs column) and the trials (each against its
// own comparator). Review by eye: go test ./model -run TestGoldenStepTables -update
func TestGoldenStepTables(t *testing.T) {
	for _, id := range []string{"cytokines", "trials"} {
		step := strconv.Itoa(stepWithTable(t, id) + 1)
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s-%dx%d", id, sz[0], sz[1]), func(t *testing.T) {
				m := press(t, sized(t, sz[0], sz[1]), ":", step, "enter", "tab", "j")
				assertFits(t, m)
				golden.RequireEqual(t, []byte(screen(m)))
			})
		}
	}
}

// TestGoldenExplorerSizes: every explorer tab of the fixture at the sizes
// TestGoldenExplorer leaves out.
func TestGoldenExplorerSizes(t *testing.T) {
	for tab := range 5 {
		for _, sz := range [][2]int{{100, 30}, {120, 40}, {200, 60}} {
			t.Run(fmt.Sprintf("tab%d-%dx%d", tab+1, sz[0], sz[1]), func(t *testing.T) {
				m := press(t, onFixture(t, sz[0], sz[1], Options{}), "t", fmt.Sprint(tab+1))
				assertFits(t, m)
				golden.RequireEqual(t, []byte(screen(m)))
			})
		}
	}
}

// TestStepColumnsAreNeverCut: at every size, every cell of a column a
// step's text points at shows whole, in the table's columns or its cards,
// as the learner moves down the rows.
func TestStepColumnsAreNeverCut(t *testing.T) {
	l := shipped(t)
	for i, st := range l.Steps {
		if len(st.Columns) == 0 {
			continue
		}
		g := l.Table(st.Table).WithFocus(st.Columns)
		for _, sz := range sizes {
			m := press(t, sized(t, sz[0], sz[1]), ":", strconv.Itoa(i+1), "enter", "tab")
			for r := range g.Rows {
				for c, col := range g.Columns {
					if col.Focus && !shownWhole(m, g.Rows[r][c], c) {
						t.Fatalf("%s at %dx%d, row %d: the %s cell %q is not whole:\n%s", st.ID, sz[0], sz[1], r+1, col.Title, g.Rows[r][c], screen(m))
					}
				}
				m = press(t, m, "j")
			}
		}
	}
}

// shownWhole says whether the step's table shows cell, of column c, whole:
// each line it wraps onto in its column, or in a card its words in order.
func shownWhole(m Model, cell string, c int) bool {
	s := screen(m)
	if m.panes.cards {
		return strings.Contains(strings.Join(strings.Fields(s), " "), strings.Join(strings.Fields(cell), " "))
	}
	for _, ln := range strings.Split(views.Wrap(cell, m.panes.tableWidths[c]), "\n") {
		if !strings.Contains(s, ln) {
			return false
		}
	}
	return true
}

// TestProjectorKeepsTheDrugGrid: at exactly 80x24, --present draws the
// drug table in columns, not cards.
func TestProjectorKeepsTheDrugGrid(t *testing.T) {
	m := press(t, presenter(t, 80, 24), ":", strconv.Itoa(stepWithTable(t, "drugs")+1), "enter", "tab")
	if m.panes.cards {
		t.Fatalf("the projector shows the drugs as cards:\n%s", screen(m))
	}
	if s := screen(m); !strings.Contains(s, "Drug ") || !strings.Contains(s, "Brand") || !strings.Contains(ansi.Strip(s), "JAKs") {
		t.Errorf("no drug grid:\n%s", s)
	}
}
