package resume

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jakstat/views"
)

func TestChoices(t *testing.T) {
	s := views.NewStyles(false)
	m := New(6, 18, "The receptor", &s)
	m.SetSize(60, 10)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "step 7 of 18") {
		t.Errorf("the offer does not say where the learner was:\n%s", v)
	}
	for k, want := range map[string]tea.Msg{
		"y": ChoiceMsg{Resume: true, Step: 6},
		"n": ChoiceMsg{},
		"q": tea.QuitMsg{},
		"x": nil,
	} {
		if _, got := m.Update(tea.KeyPressMsg{Code: rune(k[0]), Text: k}); got != want {
			t.Errorf("%s reported %#v, want %#v", k, got, want)
		}
	}
}
