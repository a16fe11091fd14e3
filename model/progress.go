package model

import (
	"maps"

	tea "charm.land/bubbletea/v2"

	"jakstat/model/quiz"
)

// Progress is what a learner brings from an earlier run.
type Progress struct {
	Step    int             // zero-based step they were on
	Answers map[string]bool // question id -> answered right
	Resume  bool            // offer to pick up at Step
	Notice  string          // a one-line notice for the first screen (a state file set aside)
}

// Snapshot is the progress to keep, handed to Options.Save.
type Snapshot struct {
	Lesson  string // the lesson's fingerprint
	Step    int
	Answers map[string]bool
}

// Side effects that must happen in order. They run right where they are
// called, not as commands: commands run concurrently, and an older
// snapshot saved last would lose progress, a classroom handed positions
// out of order would leave students on a stale step. Each callback only
// queues its value, so none blocks the update loop.

// saveProgress hands a snapshot of the learner's progress to Options.Save.
func (m Model) saveProgress() {
	if m.opts.Save != nil && m.lesson != nil {
		m.opts.Save(Snapshot{Lesson: m.fingerprint, Step: m.nav.Step, Answers: maps.Clone(m.answers)})
	}
}

// announceMove tells Options.OnMove the step.
func (m Model) announceMove() {
	if m.opts.OnMove != nil {
		m.opts.OnMove(m.nav.Step)
	}
}

// quizThenScore ends a run of questions on the score screen.
const quizThenScore = quiz.ThenScore

// quizzing says whether the lesson asks its questions at all.
func (m Model) quizzing() bool { return !m.opts.NoQuiz && len(m.lesson.Questions) > 0 }

// dueQuestions lists the questions to ask before leaving step s forward:
// the unanswered ones of its section, if s ends the section.
func (m Model) dueQuestions(s int) []string {
	if !m.quizzing() {
		return nil
	}
	sec := m.lesson.Steps[s].Section
	if s+1 < len(m.lesson.Steps) && m.lesson.Steps[s+1].Section == sec {
		return nil
	}
	var ids []string
	for _, i := range m.lesson.SectionQuestions(sec) {
		if id := m.lesson.Questions[i].ID; !hasKey(m.answers, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

func hasKey(answers map[string]bool, id string) bool {
	_, ok := answers[id]
	return ok
}

func quizShow(ids []string, then int) quiz.ShowMsg { return quiz.ShowMsg{Questions: ids, Then: then} }

// openQuiz asks questions, over the step; a classroom's teacher asks them
// of the whole room. A question the learner left to read its step (v) is
// given up: the new run asks what is left.
func (m Model) openQuiz(msg quiz.ShowMsg) (Model, tea.Cmd) {
	if m.inRoom() {
		m.visiting = false
		return m.openLive(msg)
	}
	m.screen, m.panes.overlay, m.visiting = screenQuiz, overlayNone, false
	var out tea.Msg
	m.quiz, out = m.quiz.Update(msg)
	m.layout(false)
	return m.report(out)
}

// openScore shows the score screen.
func (m Model) openScore() (Model, tea.Cmd) {
	m.screen, m.panes.overlay, m.visiting = screenQuiz, overlayNone, false
	m.quiz, _ = m.quiz.Update(quiz.ScoreMsg{Answers: m.answers})
	m.layout(false)
	return m, nil
}

// answered remembers a learner's answer and saves it. A presenter's room
// answers together: that is not one learner's score, so it is not kept.
func (m Model) answered(a quiz.AnsweredMsg) Model {
	m.syncKeys()
	if m.opts.Present {
		return m
	}
	m.answers = maps.Clone(m.answers)
	if m.answers == nil {
		m.answers = map[string]bool{}
	}
	m.answers[a.Question] = a.Right
	m.saveProgress()
	return m
}

// quizDone goes where the run of questions was heading.
func (m Model) quizDone(d quiz.DoneMsg) (Model, tea.Cmd) {
	if d.Then == quiz.ThenScore {
		return m.openScore()
	}
	return m.goStep(d.Then)
}

// visitStep shows the step that teaches the question on screen (v), with
// the question waiting: enter or esc on the step goes back to it, in the
// state the learner left it, over the step it was asked on.
func (m Model) visitStep(step int) (Model, tea.Cmd) {
	m.visiting, m.visitFrom = true, m.nav.Step
	return m.goStep(step)
}

// backToCheck shows the question the learner left with v.
func (m Model) backToCheck() (Model, tea.Cmd) {
	m.visiting = false
	var cmd tea.Cmd
	if m.visitFrom != m.nav.Step {
		m, cmd = m.move(ActGoto, m.visitFrom+1)
	}
	m.screen, m.panes.overlay, m.panes.zoom = screenQuiz, overlayNone, false
	m.layout(false)
	return m, cmd
}
