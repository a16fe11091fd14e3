package search

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"jakstat/internal/fixture"
	"jakstat/views"
)

func TestSearchReports(t *testing.T) {
	s := views.NewStyles(true)
	m := New(&s).Open(fixture.Lesson(t))
	m.SetSize(80, 20)
	m, _ = m.Update(tea.PasteMsg{Content: "jak"})
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	if _, out := m.Update(tea.KeyPressMsg{Code: tea.KeyEnter}); out != (GoMsg{Query: "jak", Hit: 1}) {
		t.Errorf("enter reported %#v", out)
	}
	if _, out := m.Update(tea.KeyPressMsg{Code: tea.KeyEscape}); out != (CloseMsg{}) {
		t.Errorf("esc reported %#v", out)
	}
	if _, out := m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"}); out != nil {
		t.Error("q quit the search instead of being typed")
	}
	m, _ = m.Update(tea.PasteMsg{Content: "zzz"})
	if _, out := m.Update(tea.KeyPressMsg{Code: tea.KeyEnter}); out != nil {
		t.Errorf("enter with no matches reported %#v", out)
	}
}
