// Package quiz is the checks of understanding: a run through some
// questions (a section's at its end, the missed ones from the score
// screen, or whichever a classroom's teacher opens), and the score screen.
//
// The screen is driven by messages as well as keys: ShowMsg opens
// questions, RevealMsg shows a presenter's answer, ScoreMsg the score.
// What the learner does comes back from Update as a report (AnsweredMsg,
// DoneMsg, GoStepMsg, LeaveMsg) for the lesson to act on at once.
package quiz

import (
	"slices"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"jakstat/content"
	"jakstat/model/internal/ui"
	"jakstat/views"
)

// ThenScore, as ShowMsg.Then, ends a run on the score screen.
const ThenScore = -1

// ShowMsg opens a run through questions, by id; ids the lesson does not
// have are left out. Then is handed back in DoneMsg when the run ends
// (a step to open, or ThenScore); Review heads the screen "Review".
type ShowMsg struct {
	Questions []string
	Then      int
	Review    bool
}

// RevealMsg answers the open question with the choice marked so far (for
// an order question, the items placed so far), as a presenter's reveal
// key does; it does nothing once the question is answered.
type RevealMsg struct{}

// ScoreMsg shows the score screen for answers (question id -> answered right).
type ScoreMsg struct {
	Answers map[string]bool
}

// AnsweredMsg reports an answer: the question, the items chosen (for an
// order question, in the order given) and whether that was right.
type AnsweredMsg struct {
	Question string
	Response []int
	Right    bool
}

// DoneMsg reports that a run ended, answered or skipped, with its ShowMsg.Then.
type DoneMsg struct{ Then int }

// GoStepMsg reports that the learner asked for the step (zero-based) that
// teaches the question.
type GoStepMsg struct{ Step int }

// LeaveMsg reports that the learner left the score screen.
type LeaveMsg struct{}

// Model is the question and score screens.
type Model struct {
	KeyMap KeyMap

	lesson  *content.Lesson
	styles  *views.Styles
	present bool // a presenter's room: choices are marked, answers revealed on request
	width   int
	height  int

	score   bool            // the score screen is showing
	answers map[string]bool // what the score screen shows
	run     run
	panel   ui.Pane
}

// run is a run through some questions.
type run struct {
	qs       []int // indices into Lesson.Questions
	cur      int
	cursor   int   // highlighted choice, as listed
	picked   []int // order questions: listed positions chosen so far
	answered bool
	right    bool
	review   bool
	then     int
}

// New returns the screens for l's questions; present is a presenter's room.
func New(l *content.Lesson, s *views.Styles, present bool) Model {
	return Model{KeyMap: DefaultKeyMap(), lesson: l, styles: s, present: present}
}

// SetSize fits the screen to the content area.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.render(false)
}

// Update handles a message (including new styles) or a key. It reports AnsweredMsg, DoneMsg,
// GoStepMsg, LeaveMsg or tea.QuitMsg for the lesson to act on, or nil.
func (m Model) Update(msg tea.Msg) (Model, tea.Msg) {
	switch msg := msg.(type) {
	case ui.StylesMsg:
		m.styles = msg.Styles
		m.render(false)
	case ShowMsg:
		m.show(msg)
	case ScoreMsg:
		m.score, m.answers = true, msg.Answers
		m.render(true)
	case RevealMsg:
		if m.open() && !m.run.answered {
			return m.answer()
		}
	case tea.MouseWheelMsg:
		m.panel.Wheel(msg)
	case tea.KeyPressMsg:
		var out tea.Msg
		switch {
		case key.Matches(msg, m.KeyMap.Quit):
			return m, tea.QuitMsg{}
		case m.score:
			m, out = m.scoreKey(msg)
		case m.open():
			m, out = m.questionKey(msg)
		}
		m.sync()
		return m, out
	}
	m.sync()
	return m, nil
}

func (m *Model) show(msg ShowMsg) {
	var qs []int
	for _, id := range msg.Questions {
		if i := m.lesson.QuestionIndex(id); i >= 0 {
			qs = append(qs, i)
		}
	}
	m.score = false
	m.run = run{qs: qs, then: msg.Then, review: msg.Review}
	m.render(true)
}

func (m Model) open() bool { return m.run.cur < len(m.run.qs) }

func (m Model) question() content.Question { return m.lesson.Questions[m.run.qs[m.run.cur]] }

func (m Model) order() bool { return m.open() && m.question().Kind == content.KindOrder }

// questionKey handles a key on a question.
func (m Model) questionKey(msg tea.KeyPressMsg) (Model, tea.Msg) {
	k, r := m.KeyMap, &m.run
	switch {
	case key.Matches(msg, k.GoStep):
		return m, GoStepMsg{Step: m.lesson.StepIndex(m.question().Step)}
	case key.Matches(msg, k.Continue):
		if r.cur+1 < len(r.qs) {
			r.cur++
			r.cursor, r.picked, r.answered, r.right = 0, nil, false, false
			m.render(true)
			return m, nil
		}
		return m, DoneMsg{Then: r.then}
	case key.Matches(msg, k.Skip):
		return m, DoneMsg{Then: r.then}
	case r.answered:
		if m.panel.ScrollKey(msg, k.Up, k.Down, k.PageUp, k.PageDown) {
			return m, nil
		}
	case key.Matches(msg, k.Reveal):
		return m.answer()
	case key.Matches(msg, k.Choose):
		return m.choose(msg)
	case key.Matches(msg, k.Undo):
		if len(r.picked) > 0 {
			r.picked = r.picked[:len(r.picked)-1]
			m.render(false)
		}
	case key.Matches(msg, k.Up):
		r.cursor = max(r.cursor-1, 0)
		m.render(false)
	case key.Matches(msg, k.Down):
		r.cursor = min(r.cursor+1, len(m.question().Choices)-1)
		m.render(false)
	case key.Matches(msg, k.Answer):
		if m.order() && len(r.picked) < len(m.question().Choices) {
			return m, nil
		}
		return m.answer()
	}
	return m, nil
}

// choose takes a choice by its number: it answers, marks a presenter's
// room's guess, or places an order question's next item.
func (m Model) choose(msg tea.KeyPressMsg) (Model, tea.Msg) {
	r := &m.run
	n, _ := strconv.Atoi(msg.String())
	if n < 1 || n > len(m.question().Choices) {
		return m, nil
	}
	switch {
	case m.order():
		if !slices.Contains(r.picked, n-1) {
			// A fresh slice: an undo shortened this one, and an older copy of
			// the model may still hold the elements after it.
			r.picked = append(slices.Clip(r.picked), n-1)
		}
	case m.present:
		r.cursor = n - 1 // the room's guess: marked, not revealed until the presenter says so
	default:
		r.cursor = n - 1
		return m.answer()
	}
	m.render(false)
	return m, nil
}

// answer marks the current question and reports the result.
func (m Model) answer() (Model, tea.Msg) {
	r := &m.run
	q := m.question()
	picked := []int{r.cursor}
	if m.order() {
		picked = r.picked
	}
	response := q.Response(picked)
	r.answered, r.right = true, q.Check(response)
	m.render(false)
	m.sync()
	return m, AnsweredMsg{Question: q.ID, Response: response, Right: r.right}
}

// scoreKey handles the score screen: the questions left (skipped or
// missed), or leave.
func (m Model) scoreKey(msg tea.KeyPressMsg) (Model, tea.Msg) {
	k := m.KeyMap
	switch {
	case key.Matches(msg, k.Review):
		if left := m.left(); len(left) > 0 {
			m.show(ShowMsg{Questions: left, Then: ThenScore, Review: true})
		}
	case m.panel.ScrollKey(msg, k.Up, k.Down, k.PageUp, k.PageDown):
	case key.Matches(msg, k.Leave):
		return m, LeaveMsg{}
	}
	return m, nil
}

// left lists, in lesson order, the ids of the questions not yet answered
// and of those answered wrongly: what the score screen's r goes through.
func (m Model) left() []string {
	var out []string
	for _, q := range m.lesson.Questions {
		if right, ok := m.answers[q.ID]; !ok || !right {
			out = append(out, q.ID)
		}
	}
	return out
}

// leftCounts counts the questions not yet answered and those answered
// wrongly.
func (m Model) leftCounts() (skipped, missed int) {
	for _, q := range m.lesson.Questions {
		switch right, ok := m.answers[q.ID]; {
		case !ok:
			skipped++
		case !right:
			missed++
		}
	}
	return skipped, missed
}

// Numbering is the open question's number and how many there are: its
// place among its section's questions, so a check resumed or asked again
// counts the same way ("question 2 of 3"); in a review from the score
// screen, its place in the review.
func (m Model) Numbering() (n, of int) {
	r := m.run
	if !m.open() {
		return 0, 0
	}
	if r.review {
		return r.cur + 1, len(r.qs)
	}
	q := m.question()
	sec := m.lesson.SectionQuestions(q.Section)
	return slices.Index(sec, r.qs[r.cur]) + 1, len(sec)
}

// render draws the screen into its pane; with reset it starts at the top.
func (m *Model) render(reset bool) {
	top := m.panel.Top()
	width := min(m.width, ui.MaxTextWidth)
	var text string
	switch {
	case m.score:
		text = views.Score(*m.styles, m.lesson.Score(m.answers), width)
	case m.open():
		r, q := m.run, m.question()
		at := m.lesson.StepIndex(q.Step)
		n, of := m.Numbering()
		text = views.Quiz(*m.styles, q, views.QuizState{
			Section: q.Section, Number: n, Of: of, Cursor: r.cursor, Picked: r.picked,
			Answered: r.answered, Right: r.right, StepNumber: at + 1, StepTitle: m.lesson.Steps[at].Title, Review: r.review,
			Height: m.height,
		}, width)
	}
	m.panel = ui.NewPane(text, m.width, m.height)
	if !reset {
		m.panel.ScrollTo(top)
	}
	m.sync()
}

// sync enables the bindings that work in the current state.
func (m *Model) sync() {
	k := &m.KeyMap
	asking := !m.score && m.open() && !m.run.answered
	answered := !m.score && m.open() && m.run.answered
	order := m.order()
	k.Choose.SetEnabled(asking)
	if m.open() {
		ui.DigitsUpTo(&k.Choose, len(m.question().Choices))
	}
	// What a number does: answers at once, marks a presenter's room's
	// guess, or places an order's next item.
	switch {
	case order:
		k.Choose.SetHelp(k.Choose.Help().Key, "place")
	case m.present:
		k.Choose.SetHelp(k.Choose.Help().Key, "mark")
	default:
		k.Choose.SetHelp(k.Choose.Help().Key, "answer")
	}
	k.Up.SetEnabled(asking && !order || answered || m.score)
	k.Down.SetEnabled(asking && !order || answered || m.score)
	k.PageUp.SetEnabled(answered || m.score)
	k.PageDown.SetEnabled(answered || m.score)
	k.Answer.SetEnabled(asking && (order || !m.present))
	k.Reveal.SetEnabled(asking && !order && m.present)
	k.Undo.SetEnabled(asking && order)
	k.Continue.SetEnabled(answered)
	k.GoStep.SetEnabled(answered)
	k.Skip.SetEnabled(!m.score && m.open())
	skipped, missed := m.leftCounts()
	k.Review.SetEnabled(m.score && skipped+missed > 0)
	switch {
	case skipped == 0:
		k.Review.SetHelp("r", "review missed")
	case missed == 0:
		k.Review.SetHelp("r", "answer skipped")
	default:
		k.Review.SetHelp("r", "answer the rest")
	}
	k.Leave.SetEnabled(m.score)
}

// ShortHelp is what the help bar offers now.
func (m Model) ShortHelp() []key.Binding {
	k := m.KeyMap
	switch {
	case m.score:
		return []key.Binding{k.Review, k.Leave}
	case m.run.answered:
		short := []key.Binding{k.Continue, k.GoStep}
		if m.panel.Above()+m.panel.Below() > 0 {
			short = append(short, k.Down)
		}
		return short
	case m.order():
		return []key.Binding{k.Choose, k.Undo, k.Answer, k.Skip}
	case m.present:
		return []key.Binding{k.Choose, k.Reveal, k.Skip}
	}
	return k.ShortHelp()
}

// FullHelp is every key of the screens.
func (m Model) FullHelp() [][]key.Binding { return m.KeyMap.FullHelp() }

// View is the content area.
func (m Model) View() string { return m.panel.View() }

// Scrolled counts the lines out of sight above and below.
func (m Model) Scrolled() (above, below int) { return m.panel.Above(), m.panel.Below() }
