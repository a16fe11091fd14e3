package glossary

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"jakstat/internal/fixture"
	"jakstat/views"
)

func TestGlossaryGoesToTheNextUse(t *testing.T) {
	s := views.NewStyles(true)
	m := New(fixture.Lesson(t), &s).Open(1) // on step 2, which uses every term
	m.SetSize(80, 20)
	m, _ = m.Update(tea.PasteMsg{Content: "recep"})
	if _, out := m.Update(tea.KeyPressMsg{Code: tea.KeyEnter}); out != (GoMsg{Step: 2}) {
		t.Errorf("enter on receptor reported %#v, want its next use after step 2", out)
	}
	m, _ = m.Update(tea.PasteMsg{Content: "zzz"})
	if _, out := m.Update(tea.KeyPressMsg{Code: tea.KeyEnter}); out != nil {
		t.Errorf("enter with no term reported %#v", out)
	}
	if _, out := m.Update(tea.KeyPressMsg{Code: tea.KeyEscape}); out != (CloseMsg{}) {
		t.Errorf("esc reported %#v", out)
	}
}
