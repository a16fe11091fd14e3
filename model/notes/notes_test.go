package notes

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jakstat/internal/fixture"
	"jakstat/views"
)

func TestNotesFollowAndQuit(t *testing.T) {
	s := views.NewStyles(true)
	l := fixture.Lesson(t)
	m := New(l, &s)
	m.SetSize(70, 16)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "waiting for the presenter") {
		t.Errorf("no presenter yet:\n%s", v)
	}
	m.SetStep(len(l.Steps) - 1)
	m.SetElapsed(61 * time.Second)
	v := ansi.Strip(m.View())
	for _, want := range []string{"step 7/7", "1:01", "No notes for this step.", "Next: the end of the lesson", "following the presenter"} {
		if !strings.Contains(v, want) {
			t.Errorf("notes lack %q:\n%s", want, v)
		}
	}
	if len(strings.Split(v, "\n")) != 16 {
		t.Errorf("the view is not the window's height:\n%s", v)
	}
	if _, out := m.Update(tea.KeyPressMsg{Code: 'q', Text: "q"}); out != (tea.QuitMsg{}) {
		t.Errorf("q reported %#v", out)
	}
}
