package model

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"jakstat/content"
	"jakstat/model/quiz"
)

// TestPasteIntoEveryInput: a terminal's paste (tea.PasteMsg) lands in
// whichever input is open, filtered as typing is; with no input open it
// changes nothing.
func TestPasteIntoEveryInput(t *testing.T) {
	tests := map[string]struct {
		open  []string
		paste string
		then  []string
		check func(t *testing.T, m Model)
	}{
		"search": {[]string{"/"}, "itch", nil, func(t *testing.T, m Model) {
			if s := screen(m); !strings.Contains(s, "/itch▏") || strings.Contains(s, " 0 matches") {
				t.Errorf("the pasted query is not searched:\n%s", s)
			}
		}},
		"search, then enter": {[]string{"/"}, "ORAL Surveillance", []string{"enter"}, func(t *testing.T, m Model) {
			if m.found.query != "ORAL Surveillance" || !onStep(m) {
				t.Errorf("enter after a paste did not go to the match: %+v", m.found)
			}
		}},
		"glossary": {[]string{"d"}, "nasoph", nil, func(t *testing.T, m Model) {
			if s := screen(m); !strings.Contains(s, "nasopharyngitis") || !strings.Contains(s, "1 of") {
				t.Errorf("the pasted filter is not applied:\n%s", s)
			}
		}},
		"explorer filter": {[]string{"t", "/"}, "rinvoq", []string{"enter"}, func(t *testing.T, m Model) {
			if q := explorerQuery(m); q.Text != "rinvoq" || explorerRows(m) != 1 {
				t.Errorf("the pasted filter gives %q and %d rows", q.Text, explorerRows(m))
			}
		}},
		"jump prompt keeps digits": {[]string{":"}, "1x2\n", []string{"enter"}, func(t *testing.T, m Model) {
			if m.Step() != 11 {
				t.Errorf("pasting 1x2 into the prompt went to step %d, want 12", m.Step()+1)
			}
		}},
		"no input open": {nil, "3G", nil, func(t *testing.T, m Model) {
			if m.Step() != 0 || !onStep(m) {
				t.Errorf("a paste on the step moved it to %d", m.Step()+1)
			}
		}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			m := press(t, sized(t, 100, 30), tc.open...)
			m = send(t, m, tea.PasteMsg{Content: tc.paste})
			tc.check(t, press(t, m, tc.then...))
		})
	}
}

// TestInputsEdit: the inputs are bubbles textinputs: the caret moves, and
// is drawn where it is; words and lines can be deleted.
func TestInputsEdit(t *testing.T) {
	m := press(t, sized(t, 100, 30), "/", "i", "t", "c", "h", "y", "left", "left", "backspace")
	if s := screen(m); !strings.Contains(s, "/it▏hy") {
		t.Errorf("after left, left, backspace the prompt should read it▏hy:\n%s", s)
	}
	m = send(t, m, tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	if s := screen(m); !strings.Contains(s, "/▏hy") {
		t.Errorf("ctrl+u should delete to the start:\n%s", s)
	}
	m = press(t, sized(t, 100, 30), ":", "1", "2", "3", "4", "5")
	if s := screen(m); !strings.Contains(s, ":1234▏") {
		t.Errorf("the prompt takes four digits:\n%s", s)
	}
	if m = press(t, m, "backspace", "backspace", "backspace", "backspace", "backspace"); m.jumping {
		t.Error("backspace on an empty prompt should close it")
	}
}

// TestQuizDrivenByMessages: a classroom can open questions, reveal the
// answer and show the score with messages; what the learner answers is
// recorded and saved as ever.
func TestQuizDrivenByMessages(t *testing.T) {
	l := shipped(t)
	var saved []Snapshot
	m := quizzed(t, 80, 24).WithSave(func(s Snapshot) { saved = append(saved, s) })
	q := l.Questions[0]
	m = send(t, m, quiz.ShowMsg{Questions: []string{q.ID, "no-such-question"}, Then: m.Step()})
	of := len(l.SectionQuestions(q.Section))
	if !onQuestion(m) || len(m.quiz.Position().Questions) != 1 || !strings.Contains(screen(m), fmt.Sprintf("question 1 of %d", of)) {
		t.Fatalf("ShowMsg did not open the one known question:\n%s", screen(m))
	}
	m = press(t, m, "down")
	m = send(t, m, quiz.RevealMsg{})
	p := m.quiz.Position()
	if !p.Answered || p.Right != (q.Correct == 1) {
		t.Fatalf("RevealMsg should answer with the highlighted choice: %+v", p)
	}
	if right, ok := m.answers[q.ID]; !ok || right != p.Right || len(saved) == 0 {
		t.Errorf("the revealed answer was not recorded and saved: %v %d", m.answers, len(saved))
	}
	m = press(t, m, "enter")
	if !onStep(m) || m.Step() != 0 {
		t.Errorf("the run should end back on the step: screen %d step %d", m.screen, m.Step()+1)
	}
	if m = send(t, m, quiz.RevealMsg{}); !onStep(m) {
		t.Error("a reveal with no question open opened one")
	}
}

// TestViewPositionRoundTrip: what a lesson shows survives JSON and shows
// the same on another lesson of the same size.
func TestViewPositionRoundTrip(t *testing.T) {
	l := shipped(t)
	withAnswers := func(m Model) Model {
		m.answers = map[string]bool{l.Questions[0].ID: false}
		return m
	}
	tests := map[string]Model{
		"scrolled text":     press(t, sized(t, 80, 24), "2", "G", "j", "j", "j"),
		"table row":         press(t, sized(t, 120, 40), "1", "4", "G", "tab", "j", "j"),
		"details":           press(t, sized(t, 120, 40), "1", "4", "G", "tab", "j", "enter"),
		"help":              press(t, sized(t, 80, 24), "3", "G", "?"),
		"scene frame":       press(t, sized(t, 120, 40), "5", "G", ",", ",", "."),
		"scene zoomed":      press(t, sized(t, 80, 24), "5", "G", "z", ">"),
		"explorer":          press(t, sized(t, 120, 40), "t", "2", "s", "j", "j"),
		"explorer details":  press(t, sized(t, 80, 24), "t", "o", "j", "enter"),
		"explorer filtered": press(t, sized(t, 120, 40), "t", "/", "r", "i", "enter", "c"),
		"question":          press(t, ask(t, quizzed(t, 80, 24), 0), "down"),
		"answered":          press(t, ask(t, quizzed(t, 80, 24), 0, 1), "2"),
		"score":             press(t, withAnswers(quizzed(t, 80, 24)), "G", "right"),
		"blank":             press(t, presenter(t, 80, 24), "3", "G", "b"),
	}
	for name, m := range tests {
		t.Run(name, func(t *testing.T) {
			data, err := json.Marshal(m.ViewPosition())
			if err != nil {
				t.Fatal(err)
			}
			var p ViewPosition
			if err := json.Unmarshal(data, &p); err != nil {
				t.Fatal(err)
			}
			other := New(l, m.opts)
			other.answers = m.answers
			other = send(t, other, tea.WindowSizeMsg{Width: m.width, Height: m.height}, ViewMsg{p})
			if got, want := other.ViewPosition(), m.ViewPosition(); !reflect.DeepEqual(got, want) {
				t.Errorf("position\n got %+v\nwant %+v\n(%s)", got, want, data)
			}
			if got, want := other.Render(), m.Render(); got != want {
				t.Errorf("the follower shows\n%s\nthe leader\n%s", screen(other), screen(m))
			}
		})
	}
}

// TestLessonReplacedInPlace: an edited lesson replaces the one showing;
// the learner stays on the same step (found by id), in the explorer they
// had open, with their answers, and the new text shows.
func TestLessonReplacedInPlace(t *testing.T) {
	l := shipped(t)
	m := press(t, sized(t, 100, 30), "6", "G", "t", "2")
	m.answers = map[string]bool{l.Questions[0].ID: true}
	edited := *l
	edited.Steps = append([]content.Step{l.Steps[0]}, l.Steps...)
	edited.Steps[0].ID, edited.Steps[6].Title = "a-new-first-step", "An edited title"
	m = send(t, m, LessonMsg{Lesson: &edited})
	if m.Step() != 6 || m.screen != screenExplorer || explorerTab(m) != "alleffects" || !m.answers[l.Questions[0].ID] {
		t.Fatalf("after the edit: step %d, screen %d, tab %s, answers %v", m.Step()+1, m.screen, explorerTab(m), m.answers)
	}
	if m = press(t, m, "esc"); !strings.Contains(screen(m), "An edited title") || !strings.Contains(screen(m), fmt.Sprintf("7/%d", len(edited.Steps))) {
		t.Errorf("the edited step is not shown:\n%s", screen(m))
	}
}

// TestViewPositionFindsTheStepByID: a lesson edited since (a step added in
// front) keeps the learner on the same step, found by its id.
func TestViewPositionFindsTheStepByID(t *testing.T) {
	l := shipped(t)
	p := press(t, sized(t, 80, 24), "5", "G").ViewPosition()
	edited := *l
	edited.Steps = append([]content.Step{l.Steps[0]}, l.Steps...)
	edited.Steps[0].ID = "a-new-first-step"
	m, _ := send(t, New(&edited, Options{Theme: ThemeDark}), tea.WindowSizeMsg{Width: 80, Height: 24}).ApplyView(p)
	if m.Step() != 5 || m.current().ID != l.Steps[4].ID {
		t.Errorf("the step was not found by its id: at %d (%s)", m.Step()+1, m.current().ID)
	}
	p.StepID = "gone"
	if m, _ = m.ApplyView(p); m.Step() != 4 {
		t.Errorf("an unknown id should fall back to the step number: at %d", m.Step()+1)
	}
}
