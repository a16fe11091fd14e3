package model

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestExplorerKeepsTheLearnersPlace(t *testing.T) {
	m := press(t, sized(t, 100, 30), "1", "2", "G", "j", "j")
	step, top := m.Step(), m.panes.text.Top()
	m = press(t, m, "t")
	if m.screen != screenExplorer {
		t.Fatal("t did not open the explorer")
	}
	m = press(t, m, "tab", "/", "a", "c", "n", "e", "enter", "s", "j", "enter", "esc", "esc")
	if m.screen == screenExplorer {
		t.Fatal("esc did not close the explorer")
	}
	if m.Step() != step || m.panes.text.Top() != top {
		t.Errorf("back at step %d offset %d, left from step %d offset %d", m.Step()+1, m.panes.text.Top(), step+1, top)
	}
	m = press(t, m, "t")
	if explorerTab(m) != "alleffects" || explorerQuery(m).Text != "acne" {
		t.Error("the explorer forgot its tab and filter")
	}
}

func TestExplorerFromALessonTable(t *testing.T) {
	m := press(t, sized(t, 120, 40), ":", fmt.Sprint(stepWithTable(t, "drugs")+1), "enter", "tab", "j", "j", "t")
	if m.screen != screenExplorer || explorerTab(m) != "drugs" {
		t.Fatal("t on the drug table should open the Drugs tab")
	}
	if got := explorerRow(m); got != "baricitinib" {
		t.Errorf("selected %s, want the row the learner was on (baricitinib)", got)
	}
}

func TestExplorerFiltersAndCrossLinks(t *testing.T) {
	m := press(t, sized(t, 120, 40), "t")
	m = press(t, m, "o") // oral
	if n := explorerRows(m); n != 4 {
		t.Fatalf("oral drugs: %d rows", n)
	}
	if s := screen(m); !strings.Contains(s, "4 of 7 rows · oral") {
		t.Errorf("the count of rows shown is not visible:\n%s", s)
	}
	m = press(t, m, "o", "w") // topical, boxed warning
	if n := explorerRows(m); n != 1 {
		t.Fatalf("topical with boxed warning: %d rows", n)
	}
	m = press(t, m, "x", "/", "z", "z", "z", "enter")
	if s := screen(m); !strings.Contains(s, "No rows match") {
		t.Errorf("an empty result should say so:\n%s", s)
	}
	m = press(t, m, "x", "j", "c") // upadacitinib -> its side effects
	if explorerTab(m) != "alleffects" || explorerQuery(m).Link != "upadacitinib" || explorerRows(m) == 0 {
		t.Fatalf("c from Rinvoq: tab %s, link %q, %d rows", explorerTab(m), explorerQuery(m).Link, explorerRows(m))
	}
	if s := screen(m); !strings.Contains(s, "listed for Upadacitinib (Rinvoq)") {
		t.Errorf("the cross-link is not shown:\n%s", s)
	}
	m = press(t, m, "c") // first side effect -> drugs listing it
	if explorerTab(m) != "drugs" || !strings.Contains(screen(m), "listing") {
		t.Error("c from a side effect should list the drugs reporting it")
	}
}

func TestExplorerSort(t *testing.T) {
	m := press(t, sized(t, 120, 40), "t", "s", "s")
	if q := explorerQuery(m); q.SortCol != 1 || q.Desc {
		t.Fatalf("s twice: %+v", q)
	}
	if s := screen(m); !strings.Contains(s, "Brand ▲") || !strings.Contains(s, "sorted by Brand ▲") {
		t.Errorf("the header does not show the sort:\n%s", s)
	}
	m = press(t, m, "S")
	if s := screen(m); !strings.Contains(s, "Brand ▼") {
		t.Errorf("S did not reverse:\n%s", s)
	}
}

func TestExplorerRandomKeys(t *testing.T) {
	keys := []string{"t", "tab", "shift+tab", "1", "5", "/", "a", "backspace", "enter", "esc", "s", "S", "o", "f", "w", "x", "c", "j", "k", "pgdown", "G", "g", "?"}
	m := sized(t, 100, 30)
	for i := range 3000 {
		var msg tea.Msg = keyMsg(keys[(i*7+i/3)%len(keys)])
		if i%97 == 0 {
			msg = tea.WindowSizeMsg{Width: 40 + i%150, Height: 12 + i%50}
		}
		next, _ := m.Update(msg)
		m = next.(Model)
		assertFits(t, m)
	}
}
