package model

import (
	"testing"

	"jakstat/content"
	"jakstat/model/quiz"
)

// What the tests ask of the model's state, in one place.

// onQuestion says whether a question (not the score) is showing.
func onQuestion(m Model) bool { return m.screen == screenQuiz && !m.quiz.Position().Score }

// onScore says whether the score screen is showing.
func onScore(m Model) bool { return m.screen == screenQuiz && m.quiz.Position().Score }

// onStep says whether the step itself shows, with nothing over it.
func onStep(m Model) bool { return m.screen == screenLesson && m.panes.overlay == overlayNone }

// asked is the id of the question showing.
func asked(m Model) string {
	p := m.quiz.Position()
	return p.Questions[p.Current]
}

// question is the question showing.
func question(t testing.TB, m Model) int {
	t.Helper()
	i := m.lesson.QuestionIndex(asked(m))
	if i < 0 {
		t.Fatal("no question is showing")
	}
	return i
}

// ask opens a run through the questions with the given indices.
func ask(t testing.TB, m Model, idx ...int) Model {
	t.Helper()
	var ids []string
	for _, i := range idx {
		ids = append(ids, m.lesson.Questions[i].ID)
	}
	next, _ := m.openQuiz(quiz.ShowMsg{Questions: ids, Then: m.nav.Step})
	return next
}

// What the explorer shows, from its position: the tab, the query, the
// selected row, and how many rows the query leaves (worked out by content,
// as any other screen of the table would).
func explorerTab(m Model) string { return m.explorer.Position().Tab }

func explorerQuery(m Model) content.Query { return m.explorer.Position().Query }

func explorerRow(m Model) string { return m.explorer.Position().Row }

func explorerRows(m Model) int {
	p := m.explorer.Position()
	return len(m.lesson.Apply(m.lesson.Table(p.Tab), p.Query))
}
