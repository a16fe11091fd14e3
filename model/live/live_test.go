package live

import (
	"slices"
	"testing"

	tea "charm.land/bubbletea/v2"

	"jakstat/internal/fixture"
	"jakstat/views"
)

func press(m Model, keys ...tea.KeyPressMsg) (Model, []tea.Msg) {
	var outs []tea.Msg
	for _, k := range keys {
		var out tea.Msg
		m, out = m.Update(k)
		if out != nil {
			outs = append(outs, out)
		}
	}
	return m, outs
}

func char(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

func TestTeacherRun(t *testing.T) {
	s := views.NewStyles(true)
	l := fixture.Lesson(t)
	m := New(l, &s, true).Ask([]string{"no-such-question", l.Questions[0].ID, l.Questions[1].ID}, 4)
	m.SetSize(80, 20)
	p := m.Position()
	if !slices.Equal(p.Questions, []string{l.Questions[0].ID, l.Questions[1].ID}) || p.Vote != 1 || p.Question() != l.Questions[0].ID {
		t.Fatalf("Ask: %+v", p)
	}
	// Vote, discuss, vote again: R once answers are in, before the reveal.
	if m, _ = press(m, char('R')); m.Position().Vote != 1 || m.KeyMap.Revote.Enabled() {
		t.Errorf("R before any answer: %+v", m.Position())
	}
	m, _ = m.Update(CheckMsg{Check{Seq: 1, Question: l.Questions[0].ID, Vote: 1, Answered: 3, Students: 5}})
	if !m.KeyMap.Revote.Enabled() {
		t.Error("R is not offered once answers are in")
	}
	m, _ = press(m, char('R'))
	if p := m.Position(); p.Vote != 2 || p.Revealed || m.KeyMap.Revote.Enabled() {
		t.Errorf("R: %+v", p)
	}
	m, _ = press(m, char('a'))
	if !m.Position().Revealed || m.KeyMap.Reveal.Enabled() || m.KeyMap.Revote.Enabled() {
		t.Error("a did not reveal, or a vote is offered after it")
	}
	// A first vote revealed is not voted again either.
	first := New(l, &s, true).Ask([]string{l.Questions[0].ID}, 4)
	first, _ = first.Update(CheckMsg{Check{Seq: 1, Question: l.Questions[0].ID, Vote: 1, Answered: 3, Students: 5}})
	if first, _ = press(first, char('a'), char('R')); first.Position().Vote != 1 {
		t.Errorf("R after the reveal: %+v", first.Position())
	}
	m, outs := press(m, tea.KeyPressMsg{Code: tea.KeyEnter})
	if p := m.Position(); p.Current != 1 || p.Vote != 1 || len(outs) != 0 {
		t.Errorf("enter on the first of two: %+v %v", p, outs)
	}
	_, outs = press(m, tea.KeyPressMsg{Code: tea.KeyEnter})
	if len(outs) != 1 || outs[0] != (DoneMsg{Then: 4}) {
		t.Errorf("enter on the last: %v", outs)
	}
	if _, outs = press(m, tea.KeyPressMsg{Code: tea.KeyEscape}); len(outs) != 1 || outs[0] != (DoneMsg{Then: 4}) {
		t.Errorf("esc: %v", outs)
	}
	if q := m.Apply(Position{Questions: p.Questions, Current: 9, Vote: 7}).Position(); q.Current != 1 || q.Vote != 2 {
		t.Errorf("Apply keeps a position within the check: %+v", q)
	}
}

func TestStudentVotes(t *testing.T) {
	s := views.NewStyles(true)
	l := fixture.Lesson(t)
	q := l.Questions[0]
	m := New(l, &s, false)
	m.SetSize(80, 20)
	if m.Waiting() {
		t.Error("waiting with no check open")
	}
	m, _ = m.Update(CheckMsg{Check{Seq: 3, Question: q.ID, Vote: 1}})
	if !m.Waiting() {
		t.Fatal("not asked")
	}
	m, outs := press(m, tea.KeyPressMsg{Code: tea.KeyDown}, tea.KeyPressMsg{Code: tea.KeyEnter})
	if len(outs) != 1 || !slices.Equal(outs[0].(AnswerMsg).Response, []int{1}) || outs[0].(AnswerMsg).Seq != 3 {
		t.Fatalf("down, enter sent %v", outs)
	}
	if m.Waiting() {
		t.Error("still waiting after answering")
	}
	m, _ = m.Update(CheckMsg{Check{Seq: 3, Question: q.ID, Vote: 2}})
	if !m.Waiting() || !slices.Equal(m.vote.first, []int{1}) {
		t.Errorf("a second vote should ask again and keep the first: %+v", m.vote)
	}
	m, _ = m.Update(CheckMsg{Check{Seq: 4, Question: q.ID, Vote: 1}})
	if m.vote.first != nil || !m.Waiting() {
		t.Errorf("a new check should start afresh: %+v", m.vote)
	}
	if _, outs = press(m, char('9')); len(outs) != 0 {
		t.Errorf("a choice that does not exist was sent: %v", outs)
	}
	if _, outs = press(m, tea.KeyPressMsg{Code: tea.KeyEscape}); len(outs) != 1 || outs[0] != (HideMsg{}) {
		t.Errorf("esc: %v", outs)
	}
}
