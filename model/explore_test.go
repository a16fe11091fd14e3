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

// TestExplorerFiltersOnMeaning: typing "topical" on the Drugs tab finds the
// creams and the ointment, whose cells say cream and ointment.
func TestExplorerFiltersOnMeaning(t *testing.T) {
	m := press(t, sized(t, 120, 40), "t", "/", "t", "o", "p", "i", "c", "a", "l", "enter")
	if n := explorerRows(m); n != 3 {
		t.Fatalf("topical: %d rows", n)
	}
	s := screen(m)
	for _, brand := range []string{"Opzelura", "Corectim", "Anzupgo"} {
		if !strings.Contains(s, brand) {
			t.Errorf("topical does not show %s:\n%s", brand, s)
		}
	}
}

// TestExplorerCrossLinkOnlyWhereItLeads: c is offered, and works, only on
// a row that has rows tied to it (Ivarmacitinib's label lists none here).
func TestExplorerCrossLinkOnlyWhereItLeads(t *testing.T) {
	m := press(t, sized(t, 120, 40), "t", "G")
	if explorerRow(m) != "ivarmacitinib" {
		t.Fatalf("G selected %s", explorerRow(m))
	}
	if m.explorer.KeyMap.Link.Enabled() || strings.Contains(screen(m), "c: the side effects") {
		t.Errorf("a drug with no side effects listed offers the cross-link:\n%s", screen(m))
	}
	if m = press(t, m, "c"); explorerTab(m) != "drugs" {
		t.Errorf("c went to %s", explorerTab(m))
	}
	if m = press(t, m, "g"); !m.explorer.KeyMap.Link.Enabled() || !strings.Contains(screen(m), "c cross-link") {
		t.Errorf("Abrocitinib does not offer its side effects:\n%s", screen(m))
	}
}

// TestExplorerReopensWithoutTheCrossLink: a cross-link's filter is gone the
// next time the explorer opens; the tab and a text filter stay.
func TestExplorerReopensWithoutTheCrossLink(t *testing.T) {
	m := press(t, sized(t, 100, 30), "t", "j", "c")
	if explorerQuery(m).Link == "" {
		t.Fatal("c did not follow the link")
	}
	m = press(t, m, "t", "t")
	if m.screen != screenExplorer || explorerTab(m) != "alleffects" || explorerQuery(m).Link != "" ||
		explorerRows(m) != len(m.lesson.Table("alleffects").Rows) {
		t.Errorf("reopened on %s with %+v, %d rows", explorerTab(m), explorerQuery(m), explorerRows(m))
	}
	if !strings.Contains(screen(m), "esc back to the lesson") {
		t.Errorf("esc still goes back along the old link:\n%s", screen(m))
	}
}
