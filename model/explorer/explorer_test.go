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
	if _, out := press(m, "esc"); out != (CloseMsg{}) {
		t.Errorf("esc reported %#v", out)
	}
	if _, out := press(m, "q"); out != (tea.QuitMsg{}) {
		t.Errorf("q reported %#v", out)
	}
}

func TestPositionRoundTrip(t *testing.T) {
	m, _ := press(opened(t, "", ""), "2", "s", "j", "enter")
	other := opened(t, "", "").Apply(m.Position())
	if other.Position().Tab != m.Position().Tab || other.selected() != m.selected() || other.View() != m.View() {
		t.Errorf("Apply gave %+v, want %+v", other.Position(), m.Position())
	}
}
