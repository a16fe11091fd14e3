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
	m := New(6, 18, "The receptor", 0, 9, &s)
	m.SetSize(60, 10)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "step 7 of 18") || strings.Contains(v, "kept") {
		t.Errorf("the offer does not say where the learner was, or speaks of answers there are none of:\n%s", v)
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

// TestStartingOverKeepsAnswersAndSaysSo: a learner with answers is told
// that starting from the beginning keeps them, and how to forget them.
func TestStartingOverKeepsAnswersAndSaysSo(t *testing.T) {
	s := views.NewStyles(false)
	m := New(6, 18, "The receptor", 4, 9, &s)
	m.SetSize(80, 10)
	v := strings.Join(strings.Fields(ansi.Strip(m.View())), " ")
	for _, want := range []string{"answered 4 of the 9 checks", "start from the beginning (your answers are kept; --reset forgets them)"} {
		if !strings.Contains(v, want) {
			t.Errorf("the offer lacks %q:\n%s", want, v)
		}
	}
}
