package explorer

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jakstat/internal/fixture"
	"jakstat/views"
)

func opened(t *testing.T, table, row string) Model {
	t.Helper()
	s := views.NewStyles(true)
	m := New(fixture.Lesson(t), &s)
	m.SetOrigin(4, 7)
	m.SetSize(80, 24)
	return m.Open(table, row)
}

func press(m Model, keys ...string) (Model, tea.Msg) {
	var out tea.Msg
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		case "tab":
			msg = tea.KeyPressMsg{Code: tea.KeyTab}
		case "shift+tab":
			msg = tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
		default:
			msg = tea.KeyPressMsg{Code: rune(k[0]), Text: k}
		}
		m, out = m.Update(msg)
	}
	return m, out
}

func TestOpenFromALessonTable(t *testing.T) {
	m := opened(t, "sideeffects", "shingles")
	if m.tabID() != "alleffects" || m.selected() != "shingles" {
		t.Errorf("a step's side-effect row opened tab %s on %s", m.tabID(), m.selected())
	}
	if s := ansi.Strip(m.View()); !strings.Contains(s, "from step 5/7") {
		t.Errorf("the title does not say where the learner came from:\n%s", s)
	}
	if m = opened(t, "", ""); m.tabID() != "drugs" || m.selected() != "examplinib" {
		t.Errorf("a plain open: tab %s row %s", m.tabID(), m.selected())
	}
}

func TestFilterTypedAndPasted(t *testing.T) {
	m, _ := press(opened(t, "", ""), "/", "s", "a", "m")
	if !m.editing || m.query().Text != "sam" || len(m.view.Rows) != 1 {
		t.Fatalf("typing filtered to %q, %d rows", m.query().Text, len(m.view.Rows))
	}
	m, _ = press(m, "esc")
	if m.editing || m.query().Text != "" {
		t.Fatal("esc should clear the filter and stop typing")
	}
	m, _ = press(m, "/")
	m, _ = m.Update(tea.PasteMsg{Content: "mock"})
	m, out := press(m, "enter")
	if out != nil || m.editing || m.query().Text != "mock" || m.selected() != "mockitinib" {
		t.Errorf("a pasted filter gave %q on %s", m.query().Text, m.selected())
	}
}

func TestQuickFiltersOnlyWhereTheyApply(t *testing.T) {
	m, _ := press(opened(t, "", ""), "o")
	if m.query().Filter("route") != "oral" || len(m.view.Rows) != 2 {
		t.Fatalf("o: %v, %d rows", m.query().Filters, len(m.view.Rows))
	}
	m, _ = press(m, "3", "o")
	if m.tabID() != "trials" || m.query().Active() || m.KeyMap.Route.Enabled() {
		t.Errorf("the route filter acts on the trials tab: %v", m.query().Filters)
	}
}

func TestCrossLinkAndClose(t *testing.T) {
	m, _ := press(opened(t, "", ""), "c")
	if m.tabID() != "alleffects" || m.query().Link != "examplinib" || len(m.view.Rows) != 3 {
		t.Fatalf("c from Examplinib: tab %s link %q, %d rows", m.tabID(), m.query().Link, len(m.view.Rows))
	}
	if _, out := press(m, "t"); out != (CloseMsg{}) {
		t.Errorf("t reported %#v", out)
	}
	if _, out := press(m, "q"); out != (tea.QuitMsg{}) {
		t.Errorf("q reported %#v", out)
	}
}

// helpBar is the explorer's help bar, as drawn.
func helpBar(m Model) string { return ansi.Strip(m.helpBar) }

// TestEscGoesBackAlongCrossLinks: esc after a cross-link goes back one
// level, to the row it was followed from, and the tab it led to is as it
// was; the help bar says where esc goes.
func TestEscGoesBackAlongCrossLinks(t *testing.T) {
	m, _ := press(opened(t, "", ""), "j", "c")
	if m.tabID() != "alleffects" || m.query().Link != "samplitinib-cream" {
		t.Fatalf("c from Samplitinib: tab %s link %q", m.tabID(), m.query().Link)
	}
	if !strings.Contains(helpBar(m), "esc back to Drugs") {
		t.Errorf("the help bar does not say where esc goes: %s", helpBar(m))
	}
	m, _ = press(m, "c") // the common cold -> the drugs listing it
	if m.tabID() != "drugs" || m.query().Link != "cold" {
		t.Fatalf("c from the common cold: tab %s link %q", m.tabID(), m.query().Link)
	}
	m, out := press(m, "esc")
	if out != nil || m.tabID() != "alleffects" || m.query().Link != "samplitinib-cream" || m.selected() != "cold" {
		t.Fatalf("first esc: %#v, tab %s link %q row %s", out, m.tabID(), m.query().Link, m.selected())
	}
	m, out = press(m, "esc")
	if out != nil || m.tabID() != "drugs" || m.selected() != "samplitinib-cream" || m.query().Link != "" {
		t.Fatalf("second esc: %#v, tab %s row %s link %q", out, m.tabID(), m.selected(), m.query().Link)
	}
	if m, _ = press(m, "tab"); m.query().Link != "" {
		t.Errorf("the side effects still filtered by the link gone back from: %q", m.query().Link)
	}
	m, _ = press(m, "shift+tab")
	if !strings.Contains(helpBar(m), "esc back to the lesson") {
		t.Errorf("with nothing to go back to: %s", helpBar(m))
	}
	if _, out = press(m, "esc"); out != (CloseMsg{}) {
		t.Errorf("the last esc reported %#v", out)
	}
}

// TestReopenedWithoutCrossLinks: the explorer opens again with its tabs,
// text filters and sorts, but no cross-link filter and nothing to go back to.
func TestReopenedWithoutCrossLinks(t *testing.T) {
	m, _ := press(opened(t, "", ""), "c", "/", "c", "enter", "s")
	m = m.Open("", "")
	if q := m.query(); m.tabID() != "alleffects" || q.Link != "" || q.Text != "c" || q.SortCol != 0 || len(m.back) != 0 {
		t.Errorf("reopened on %s with %+v, %d crumbs", m.tabID(), q, len(m.back))
	}
}

// TestDetailsSayWhatEscDoes: over a narrow table, the details' help bar
// says esc closes them, and it does; enter, which also does, is not shown.
func TestDetailsSayWhatEscDoes(t *testing.T) {
	m, _ := press(opened(t, "", ""), "enter")
	if bar := helpBar(m); !m.details || !strings.Contains(bar, "esc close details") || strings.Contains(bar, "enter") {
		t.Errorf("details' help bar: %s", bar)
	}
	m, out := press(m, "esc")
	if out != nil || m.details || !strings.Contains(helpBar(m), "esc back to the lesson") {
		t.Errorf("esc: %#v, details %v, help %s", out, m.details, helpBar(m))
	}
}

// TestSortReturnsToDataOrder: s goes through every column and back to the
// data order; x clears a sort as well as filters.
func TestSortReturnsToDataOrder(t *testing.T) {
	m := opened(t, "", "")
	for range m.view.Columns {
		m, _ = press(m, "s")
	}
	if m.query().SortCol != len(m.view.Columns)-1 {
		t.Fatalf("s on each column: %+v", m.query())
	}
	if m, _ = press(m, "s"); m.query().Sorted() {
		t.Errorf("s after the last column does not return to data order: %+v", m.query())
	}
	m, _ = press(m, "S")
	if !m.KeyMap.Clear.Enabled() {
		t.Error("x is not offered for a sort")
	}
	if m, _ = press(m, "x"); m.query().Changed() || m.selected() != "examplinib" {
		t.Errorf("x left %+v", m.query())
	}
}

// TestLinkOnlyWhereItLeads: a tab with no cross-link does not offer c.
func TestLinkOnlyWhereItLeads(t *testing.T) {
	m, _ := press(opened(t, "", ""), "3")
	if m.KeyMap.Link.Enabled() || strings.Contains(helpBar(m), "cross-link") || strings.Contains(ansi.Strip(m.View()), "c: ") {
		t.Errorf("trials offer a cross-link: %s", helpBar(m))
	}
}

func TestPositionRoundTrip(t *testing.T) {
	m, _ := press(opened(t, "", ""), "2", "s", "j", "enter")
	other := opened(t, "", "").Apply(m.Position())
	if other.Position().Tab != m.Position().Tab || other.selected() != m.selected() || other.View() != m.View() {
		t.Errorf("Apply gave %+v, want %+v", other.Position(), m.Position())
	}
}

// A Model is a value: the copy a key was given to must still show what it
// showed, whatever the key did to the result (a classroom compares the two
// to tell whether a student moved away from the teacher's view).
func TestUpdateLeavesTheOldCopyAlone(t *testing.T) {
	for name, keys := range map[string][]string{
		"down":          {"j"},
		"last row":      {"G"},
		"sort":          {"s"},
		"reverse":       {"S"},
		"quick filter":  {"o"},
		"filter typed":  {"/", "a"},
		"filter closed": {"/", "a", "enter"},
		"cross-link":    {"c"},
		"clear":         {"x"},
	} {
		before, _ := press(opened(t, "", ""), "j", "s") // a row, and a sort to clear
		want := before.Position()
		after, _ := press(before, keys...)
		if got := before.Position(); !samePosition(got, want) {
			t.Errorf("%s changed the copy it was given: %+v, was %+v", name, got, want)
		}
		if samePosition(after.Position(), want) {
			t.Errorf("%s changed nothing: the test shows nothing", name)
		}
	}
}

func TestResizeAndApplyLeaveTheOldCopyAlone(t *testing.T) {
	before, _ := press(opened(t, "", ""), "G")
	want := before.Position()
	resized := before
	resized.SetSize(80, 6)
	q := want.Query.With("route", "oral")
	applied := before.Apply(Position{Tab: want.Tab, Query: q})
	if got := before.Position(); !samePosition(got, want) {
		t.Errorf("a copy resized or given a position changed the one it came from: %+v, was %+v", got, want)
	}
	if applied.Position().Query.Filter("route") != "oral" {
		t.Errorf("Apply did not take the query: %+v", applied.Position())
	}
}

func samePosition(a, b Position) bool {
	return a.Tab == b.Tab && a.Row == b.Row && a.Details == b.Details && len(a.Back) == len(b.Back) &&
		a.Query.Text == b.Query.Text && a.Query.Link == b.Query.Link && a.Query.SortCol == b.Query.SortCol &&
		a.Query.Desc == b.Query.Desc && a.Query.Filter("route") == b.Query.Filter("route")
}
