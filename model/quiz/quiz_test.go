package quiz

import (
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
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
	full := m
	kept := slices.Clone(full.Position().Picked)
	m, _ = send(m, press("backspace"))
	if len(m.Position().Picked) != len(q.Choices)-1 {
		t.Fatalf("backspace did not take back the last pick: %v", m.Position().Picked)
	}
	// A pick after two undos must not write into the copy before them:
	// picking the last item where the one before it was would.
	undone, _ := send(m, press("backspace"))
	send(undone, press(string(rune('1'+kept[len(kept)-1]))))
	if !slices.Equal(full.Position().Picked, kept) {
		t.Errorf("a pick after an undo changed an older copy: %v, was %v", full.Position().Picked, kept)
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

// TestScoreOffersWhatIsLeft: r on the score screen goes through what is
// left, skipped questions as well as missed ones, and is not offered when
// nothing is.
func TestScoreOffersWhatIsLeft(t *testing.T) {
	l := fixture.Lesson(t)
	ids := make([]string, len(l.Questions))
	for i, q := range l.Questions {
		ids[i] = q.ID
	}
	allRight := map[string]bool{}
	for _, id := range ids {
		allRight[id] = true
	}
	for name, tc := range map[string]struct {
		answers map[string]bool
		left    []string // what r asks, in lesson order; nil: r is not offered
		help    string
		says    string
	}{
		"one missed, two skipped": {map[string]bool{ids[0]: false, ids[1]: true}, []string{ids[0], ids[2], ids[3]},
			"answer the rest", "r: answer the 2 you skipped and review the 1 you missed"},
		"only skipped": {map[string]bool{ids[0]: true, ids[1]: true}, []string{ids[2], ids[3]},
			"answer skipped", "r: answer the 2 you skipped"},
		"only missed": {map[string]bool{ids[0]: true, ids[1]: false, ids[2]: true, ids[3]: true}, []string{ids[1]},
			"review missed", "r: review the 1 you missed"},
		"nothing left": {allRight, nil, "", "esc: back to the lesson"},
	} {
		t.Run(name, func(t *testing.T) {
			m, _ := send(newQuiz(t, false), ScoreMsg{Answers: tc.answers})
			screen := strings.Join(strings.Fields(ansi.Strip(m.View())), " ")
			if !strings.Contains(screen, tc.says) {
				t.Errorf("the score screen does not say %q:\n%s", tc.says, screen)
			}
			if m.KeyMap.Review.Enabled() != (tc.left != nil) {
				t.Fatalf("r offered: %v, with %d left", m.KeyMap.Review.Enabled(), len(tc.left))
			}
			if tc.left == nil {
				if strings.Contains(screen, "r:") || slices.ContainsFunc(m.ShortHelp(), func(b key.Binding) bool { return b.Enabled() && b.Help().Key == "r" }) {
					t.Errorf("r is offered with nothing left:\n%s", screen)
				}
				if _, out := send(m, press("r")); out != nil || !m.Position().Score {
					t.Error("r did something with nothing left")
				}
				return
			}
			if got := m.KeyMap.Review.Help().Desc; got != tc.help {
				t.Errorf("r is labelled %q, want %q", got, tc.help)
			}
			m, _ = send(m, press("r"))
			if p := m.Position(); p.Score || !p.Review || !slices.Equal(p.Questions, tc.left) {
				t.Fatalf("r asked %+v, want %v", p, tc.left)
			}
			if _, out := send(m, press("esc")); out != (DoneMsg{Then: ThenScore}) {
				t.Errorf("leaving a review reported %#v", out)
			}
		})
	}
	m, _ := send(newQuiz(t, false), ScoreMsg{Answers: allRight})
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

// TestNumberingCountsTheSection: a check asked again part-way (after the
// learner skipped the rest, say) numbers its questions within their
// section, not within the run; a review counts the review.
func TestNumberingCountsTheSection(t *testing.T) {
	for name, tc := range map[string]struct {
		show ShowMsg
		want []string // what each question in turn is headed
	}{
		"the second of two": {ShowMsg{Questions: []string{"jaks-sit-inside"}, Then: 3}, []string{"Basics · question 2 of 2"}},
		"a whole section":   {ShowMsg{Questions: []string{"signal-order", "cream-or-tablet"}, Then: 6}, []string{"question 1 of 2", "Medicines · question 2 of 2"}},
		"a review": {ShowMsg{Questions: []string{"jaks-sit-inside", "cream-or-tablet"}, Then: ThenScore, Review: true},
			[]string{"Review · Basics · question 1 of 2", "Review · Medicines · question 2 of 2"}},
	} {
		t.Run(name, func(t *testing.T) {
			m, _ := send(newQuiz(t, false), tc.show)
			for i, want := range tc.want {
				if s := ansi.Strip(m.View()); !strings.Contains(s, want) {
					t.Errorf("question %d is not headed %q:\n%s", i+1, want, s)
				}
				m, _ = send(m, RevealMsg{}, press("enter"))
			}
		})
	}
}

// TestOrderAnswerMarksWrongPlaces: a wrong order says how many items are
// in the right place, marks each item, and says where the learner put the
// ones that are wrong.
func TestOrderAnswerMarksWrongPlaces(t *testing.T) {
	q := fixture.Lesson(t).Questions[2]
	shown := q.ShownOrder()
	key := func(item int) tea.Msg { return press(string(rune('1' + slices.Index(shown, item)))) }
	m, _ := send(newQuiz(t, false), ShowMsg{Questions: []string{q.ID}, Then: ThenScore})
	// First right, the other two swapped.
	m, out := send(m, key(0), key(2), key(1), press("enter"))
	if a, ok := out.(AnsweredMsg); !ok || a.Right {
		t.Fatalf("a wrong order reported %#v", out)
	}
	s := ansi.Strip(m.View())
	for _, want := range []string{
		"Not quite. 1 of 3 in the right place.",
		"✓ 1. " + q.Choices[0],
		"✗ 2. " + q.Choices[1] + " (you put it 3rd)",
		"✗ 3. " + q.Choices[2] + " (you put it 2nd)",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("the answer lacks %q:\n%s", want, s)
		}
	}
}
