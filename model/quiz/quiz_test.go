package quiz

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jakstat/internal/fixture"
	"jakstat/views"
)

func newQuiz(t *testing.T, present bool) Model {
	t.Helper()
	s := views.NewStyles(true)
	m := New(fixture.Lesson(t), &s, present)
	m.SetSize(80, 20)
	return m
}

func press(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	}
	return tea.KeyPressMsg{Code: rune(k[0]), Text: k}
}

// send feeds messages and returns the model and the last report.
func send(m Model, msgs ...tea.Msg) (Model, tea.Msg) {
	var out tea.Msg
	for _, msg := range msgs {
		m, out = m.Update(msg)
	}
	return m, out
}

func TestAnsweringReportsAndMovesOn(t *testing.T) {
	m := newQuiz(t, false)
	m, _ = send(m, ShowMsg{Questions: []string{"what-a-signal-does", "jaks-sit-inside"}, Then: 3})
	if !strings.Contains(ansi.Strip(m.View()), "question 1 of 2") {
		t.Fatalf("no question shown:\n%s", ansi.Strip(m.View()))
	}
	m, out := send(m, press("2"))
	a, ok := out.(AnsweredMsg)
	if !ok || a.Question != "what-a-signal-does" || a.Right || !slices.Equal(a.Response, []int{1}) {
		t.Fatalf("a wrong choice reported %#v", out)
	}
	if m, out = send(m, press("1")); out != nil || m.Position().Current != 0 {
		t.Error("a choice after the answer did something")
	}
	m, out = send(m, press("v"))
	if g, ok := out.(GoStepMsg); !ok || g.Step != 2 {
		t.Errorf("v reported %#v, want the step that teaches it (3)", out)
	}
	m, _ = send(m, press("enter"))
	if p := m.Position(); p.Current != 1 || p.Answered {
		t.Fatalf("enter did not go on to the next question: %+v", p)
	}
	m, out = send(m, press("1"), press("enter"))
	if d, ok := out.(DoneMsg); !ok || d.Then != 3 {
		t.Errorf("the end of the run reported %#v", out)
	}
	if _, out = send(m, press("q")); out != (tea.QuitMsg{}) {
		t.Errorf("q reported %#v", out)
	}
}

func TestOrderQuestionPicksAndUndoes(t *testing.T) {
	m := newQuiz(t, false)
	m, _ = send(m, ShowMsg{Questions: []string{"signal-order"}, Then: ThenScore})
	q := fixture.Lesson(t).Questions[2]
	shown := q.ShownOrder()
	var keys []tea.Msg
	for item := range q.Choices {
		keys = append(keys, press(string(rune('1'+slices.Index(shown, item)))))
	}
	m, _ = send(m, keys...)
	m, _ = send(m, press("backspace"))
	if len(m.Position().Picked) != len(q.Choices)-1 {
		t.Fatalf("backspace did not take back the last pick: %v", m.Position().Picked)
	}
	if m, out := send(m, press("enter")); out != nil || m.Position().Answered {
		t.Fatal("an order question was checked before every item was placed")
	}
	m, out := send(m, keys[len(keys)-1], press("enter"))
	if a, ok := out.(AnsweredMsg); !ok || !a.Right {
		t.Errorf("the right order reported %#v", out)
	}
	if _, out = send(m, press("esc")); out != (DoneMsg{Then: ThenScore}) {
		t.Errorf("esc reported %#v", out)
	}
}

func TestPresenterRoomMarksThenReveals(t *testing.T) {
	m := newQuiz(t, true)
	m, _ = send(m, ShowMsg{Questions: []string{"cream-or-tablet"}})
	m, out := send(m, press("2"))
	if out != nil || m.Position().Answered || m.Position().Cursor != 1 {
		t.Fatalf("a presenter's choice should only be marked: %#v %+v", out, m.Position())
	}
	m, out = send(m, RevealMsg{})
	if a, ok := out.(AnsweredMsg); !ok || !a.Right || !strings.Contains(ansi.Strip(m.View()), "Right.") {
		t.Errorf("reveal reported %#v", out)
	}
	if _, out = send(m, RevealMsg{}); out != nil {
		t.Error("a second reveal answered again")
	}
}

func TestScoreReviewAndLeave(t *testing.T) {
	l := fixture.Lesson(t)
	m := newQuiz(t, false)
	answers := map[string]bool{l.Questions[0].ID: false, l.Questions[1].ID: true}
	m, _ = send(m, ScoreMsg{Answers: answers})
	if s := ansi.Strip(m.View()); !strings.Contains(s, "In all: 1 of 4.") {
		t.Fatalf("score screen:\n%s", s)
	}
	m, _ = send(m, press("r"))
	if p := m.Position(); p.Score || !p.Review || !slices.Equal(p.Questions, []string{l.Questions[0].ID}) {
		t.Fatalf("r should review the one missed question: %+v", p)
	}
	if _, out := send(m, press("esc")); out != (DoneMsg{Then: ThenScore}) {
		t.Errorf("leaving a review reported %#v", out)
	}
	m, _ = send(m, ScoreMsg{Answers: map[string]bool{}})
	if m.KeyMap.Review.Enabled() {
		t.Error("review is offered with nothing missed")
	}
	if _, out := send(m, press("esc")); out != (LeaveMsg{}) {
		t.Errorf("esc on the score reported %#v", out)
	}
}

func TestPositionRoundTrip(t *testing.T) {
	m := newQuiz(t, false)
	m, _ = send(m, ShowMsg{Questions: []string{"what-a-signal-does", "signal-order"}, Then: 4}, press("1"), press("enter"), press("2"))
	p := m.Position()
	other := newQuiz(t, false).Apply(p)
	if !slices.Equal(other.Position().Questions, p.Questions) || other.Position().Current != 1 || !slices.Equal(other.Position().Picked, p.Picked) {
		t.Errorf("Apply gave %+v, want %+v", other.Position(), p)
	}
	if other.View() != m.View() {
		t.Errorf("the same position looks different:\n%s\n%s", other.View(), m.View())
	}
	if empty := newQuiz(t, false).Apply(Position{Questions: []string{"gone"}}); empty.open() {
		t.Error("a position with no known question opened one")
	}
}
