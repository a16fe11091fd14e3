package model

import (
	"maps"
	"slices"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jakstat/content"
	"jakstat/views"
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

// quizRun is a run through some questions: a section's at its end, or the
// missed ones from the score screen.
type quizRun struct {
	qs       []int // indices into Lesson.Questions
	cur      int
	cursor   int   // highlighted choice, as listed
	picked   []int // order questions: listed positions chosen so far
	answered bool
	right    bool
	review   bool
	then     int // step to open when the run ends; -1 means the score screen
}

// finder is the glossary's or the search's typed text and selection.
type finder struct {
	text string
	sel  int
}

// LearnKeyMap holds the keys of the quiz, glossary and search screens.
type LearnKeyMap struct {
	Choose, Move, Answer, Continue, GoStep, Skip, Glossary, Search, NextHit, PrevHit, Review key.Binding
	Leave, Go, Close, Resume, StartOver                                                      key.Binding
}

// DefaultLearnKeyMap returns the standard keys for those screens.
func DefaultLearnKeyMap() LearnKeyMap {
	return LearnKeyMap{
		Choose:   key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "choose")),
		Move:     key.NewBinding(key.WithKeys("up", "down", "k", "j"), key.WithHelp("↑/↓", "move")),
		Answer:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "answer")),
		Continue: key.NewBinding(key.WithKeys("enter", "right", "space", "l"), key.WithHelp("enter", "go on")),
		GoStep:   key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "view the step")),
		Skip:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "skip")),
		Glossary: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "glossary")),
		Search:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		NextHit:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n/N", "next/previous match")),
		PrevHit:  key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
		Review:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "review missed")),

		Leave:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the lesson")),
		Go:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go to the step")),
		Close:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		Resume:    key.NewBinding(key.WithKeys("enter", "y"), key.WithHelp("enter", "pick up there")),
		StartOver: key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "start from the beginning")),
	}
}

// saveCmd hands a snapshot of the learner's progress to Options.Save. It
// is called right here, in order (commands run concurrently, and an older
// snapshot saved last would lose progress); Save only queues it, and the
// writing happens off the update loop.
func (m Model) saveCmd() tea.Cmd {
	if m.opts.Save != nil && m.lesson != nil {
		m.opts.Save(Snapshot{Lesson: m.fingerprint, Step: m.nav.Step, Answers: maps.Clone(m.answers)})
	}
	return nil
}

// quizDue says whether leaving step s forward should first ask the
// section's questions: s ends its section and some are unanswered.
func (m Model) quizDue(s int) bool {
	if m.opts.NoQuiz || len(m.lesson.Questions) == 0 {
		return false
	}
	sec := m.lesson.Steps[s].Section
	if s+1 < len(m.lesson.Steps) && m.lesson.Steps[s+1].Section == sec {
		return false
	}
	for _, i := range m.lesson.SectionQuestions(sec) {
		if _, done := m.answers[m.lesson.Questions[i].ID]; !done {
			return true
		}
	}
	return false
}

// startQuiz opens a run through qs, then goes to step then (-1: score screen).
func (m *Model) startQuiz(qs []int, then int, review bool) {
	m.quiz = quizRun{qs: qs, then: then, review: review}
	m.overlay = overlayQuiz
	m.panel.top = 0
	m.layout(false)
}

// quizKey handles a key on a question screen.
func (m Model) quizKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	lk := m.learnKeys
	qz := &m.quiz
	q := m.lesson.Questions[qz.qs[qz.cur]]
	order := q.Kind == "order"
	switch {
	case key.Matches(msg, m.keys.Quit) && msg.String() == "ctrl+c":
		return m, tea.Quit
	case qz.answered && key.Matches(msg, lk.GoStep):
		m.overlay = overlayNone
		return m.move(ActGoto, m.lesson.StepIndex(q.Step)+1)
	case qz.answered && key.Matches(msg, lk.Continue):
		if qz.cur+1 < len(qz.qs) {
			qz.cur++
			qz.cursor, qz.picked, qz.answered, qz.right = 0, nil, false, false
			m.panel.top = 0
			m.layout(false)
			return m, nil
		}
		return m.endQuiz()
	case key.Matches(msg, lk.Skip):
		return m.endQuiz()
	case qz.answered:
		if key.Matches(msg, m.keys.Up, m.keys.Down, m.keys.PageUp, m.keys.PageDown) {
			m.panel.scrollKey(msg, m.keys)
		}
		return m, nil
	case m.opts.Present && !order && key.Matches(msg, m.presentKeys.Reveal):
		return m.answer()
	case key.Matches(msg, lk.Choose):
		n, _ := strconv.Atoi(msg.String())
		if n < 1 || n > len(q.Choices) {
			return m, nil
		}
		if m.opts.Present && !order {
			// The room's guess: marked, not revealed until the presenter says so.
			qz.cursor = n - 1
			m.layout(false)
			return m, nil
		}
		if order {
			if !slices.Contains(qz.picked, n-1) {
				qz.picked = append(qz.picked, n-1)
			}
			m.layout(false)
			return m, nil
		}
		qz.cursor = n - 1
		return m.answer()
	case order && msg.String() == "backspace":
		if len(qz.picked) > 0 {
			qz.picked = qz.picked[:len(qz.picked)-1]
			m.layout(false)
		}
	case !order && key.Matches(msg, m.keys.Up):
		qz.cursor = max(qz.cursor-1, 0)
		m.layout(false)
	case !order && key.Matches(msg, m.keys.Down):
		qz.cursor = min(qz.cursor+1, len(q.Choices)-1)
		m.layout(false)
	case key.Matches(msg, lk.Answer):
		if order && len(qz.picked) < len(q.Choices) {
			return m, nil
		}
		return m.answer()
	case key.Matches(msg, m.keys.Quit):
		return m, tea.Quit
	}
	return m, nil
}

// answer marks the current question, remembers the result and saves it.
func (m Model) answer() (tea.Model, tea.Cmd) {
	qz := &m.quiz
	q := m.lesson.Questions[qz.qs[qz.cur]]
	var response []int
	if q.Kind == "order" {
		response = q.Response(qz.picked)
	} else {
		response = []int{qz.cursor}
	}
	qz.answered, qz.right = true, q.Check(response)
	if m.opts.Present {
		// A class's answer is not one learner's score.
		m.layout(false)
		return m, nil
	}
	if m.answers == nil {
		m.answers = map[string]bool{}
	}
	m.answers[q.ID] = qz.right
	m.layout(false)
	return m, m.saveCmd()
}

// endQuiz closes the run and goes where it was heading.
func (m Model) endQuiz() (tea.Model, tea.Cmd) {
	then := m.quiz.then
	m.overlay = overlayNone
	m.quiz = quizRun{}
	if then < 0 {
		m.overlay = overlayScore
		m.layout(false)
		return m, nil
	}
	if then == m.nav.Step {
		m.layout(false)
		return m, nil
	}
	return m.move(ActGoto, then+1)
}

// scoreKey handles the score screen: review the missed questions, or leave.
func (m Model) scoreKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case msg.String() == "ctrl+c", key.Matches(msg, m.keys.Quit):
		return m, tea.Quit
	case key.Matches(msg, m.learnKeys.Review):
		var missed []int
		for i, q := range m.lesson.Questions {
			if right, ok := m.answers[q.ID]; ok && !right {
				missed = append(missed, i)
			}
		}
		if len(missed) > 0 {
			m.startQuiz(missed, -1, true)
		}
	case key.Matches(msg, m.keys.Up, m.keys.Down, m.keys.PageUp, m.keys.PageDown):
		m.panel.scrollKey(msg, m.keys)
	default:
		m.overlay = overlayNone
		m.layout(false)
	}
	return m, nil
}

// findKey handles typing and moving in the glossary and the search.
func (m Model) findKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	f := &m.find
	glossary := m.overlay == overlayGlossary
	switch s := msg.String(); {
	case s == "ctrl+c":
		return m, tea.Quit
	case s == "esc":
		m.overlay = overlayNone
		if !glossary {
			m.search = ""
		}
		m.layout(false)
		return m, nil
	case s == "enter":
		return m.findGo()
	case s == "up":
		f.sel--
	case s == "down":
		f.sel++
	case s == "pgup":
		f.sel -= 10
	case s == "pgdown":
		f.sel += 10
	case s == "backspace":
		if r := []rune(f.text); len(r) > 0 {
			f.text = string(r[:len(r)-1])
			f.sel = 0
		}
	case msg.Text != "" && msg.Mod&^tea.ModShift == 0:
		f.text += msg.Text
		f.sel = 0
	default:
		return m, nil
	}
	m.layout(false)
	return m, nil
}

// findGo jumps to the selected glossary term's next step, or the search hit.
func (m Model) findGo() (tea.Model, tea.Cmd) {
	if m.overlay == overlayGlossary {
		order := m.lesson.GlossaryOrder(m.termSteps, m.find.text, m.nav.Step)
		if len(order) == 0 {
			return m, nil
		}
		used := m.termSteps[order[m.find.sel]]
		m.overlay = overlayNone
		if len(used) == 0 {
			m.layout(false)
			return m, nil
		}
		return m.move(ActGoto, content.NextUse(used, m.nav.Step)+1)
	}
	hits := content.Search(m.searchIndex, m.find.text)
	if len(hits) == 0 {
		return m, nil
	}
	m.overlay = overlayNone
	m.search, m.hit = m.find.text, m.find.sel
	return m.gotoHit()
}

// gotoHit opens the step of the current search hit with the match in view.
func (m Model) gotoHit() (tea.Model, tea.Cmd) {
	hits := content.Search(m.searchIndex, m.search)
	if len(hits) == 0 {
		return m, nil
	}
	m.hit = (m.hit%len(hits) + len(hits)) % len(hits)
	line := m.searchIndex[hits[m.hit]]
	next, cmd := m.move(ActGoto, line.Step+1)
	mm := next.(Model)
	mm.layout(false) // the same step: move did nothing, so highlight now
	mm.scrollToMatch()
	return mm, cmd
}

// scrollToMatch scrolls the text so the first line showing the match is near the top.
func (m *Model) scrollToMatch() {
	for i, ln := range m.text.lines {
		if content.StartsWord(ansi.Strip(ln), m.search) {
			m.text.scrollTo(i - 2)
			return
		}
	}
}

// highlight marks the search matches in the text pane's lines.
func (m *Model) highlight() {
	if m.search == "" {
		return
	}
	for i, ln := range m.text.lines {
		if plain := ansi.Strip(ln); content.StartsWord(plain, m.search) {
			m.text.lines[i] = views.Highlight(m.styles, plain, m.search)
		}
	}
}

// learnContent is the content area for the quiz, score, glossary and
// search screens; ok is false for any other overlay.
func (m Model) learnContent() (string, bool) {
	switch m.overlay {
	case overlayQuiz, overlayScore, overlayResume:
		return m.panel.view(), true
	case overlayGlossary, overlaySearch:
		return m.findView, true
	}
	return "", false
}

// renderFind draws the glossary or the search results for the current
// text; layout calls it, so View only shows the result.
func (m Model) renderFind(d dims) string {
	switch m.overlay {
	case overlayGlossary:
		order := m.lesson.GlossaryOrder(m.termSteps, m.find.text, m.nav.Step)
		sel := min(max(m.find.sel, 0), max(len(order)-1, 0))
		return views.Glossary(m.styles, m.lesson, m.termSteps, order, sel, m.nav.Step, views.Field{Text: m.find.text, Cursor: len([]rune(m.find.text))}, min(d.frameW, maxTextWidth), d.contentH)
	case overlaySearch:
		hits := content.Search(m.searchIndex, m.find.text)
		sel := min(max(m.find.sel, 0), max(len(hits)-1, 0))
		return views.SearchResults(m.styles, m.searchIndex, hits, sel, views.Field{Text: m.find.text, Cursor: len([]rune(m.find.text))}, d.frameW, d.contentH)
	}
	return ""
}

// learnPanel is the scrollable text of the quiz, score and resume screens.
func (m Model) learnPanel(width int) string {
	switch m.overlay {
	case overlayQuiz:
		qz := m.quiz
		q := m.lesson.Questions[qz.qs[qz.cur]]
		at := m.lesson.StepIndex(q.Step)
		return views.Quiz(m.styles, q, views.QuizState{
			Section: q.Section, Number: qz.cur + 1, Of: len(qz.qs), Cursor: qz.cursor, Picked: qz.picked,
			Answered: qz.answered, Right: qz.right, StepNumber: at + 1, StepTitle: m.lesson.Steps[at].Title, Review: qz.review,
		}, width)
	case overlayScore:
		return views.Score(m.styles, m.lesson.Score(m.answers), width)
	case overlayResume:
		st := m.lesson.Steps[m.resumeAt]
		return views.Resume(m.styles, m.resumeAt+1, m.nav.Total, st.Title, width)
	}
	return ""
}

// clampFind keeps the finder's selection within its list.
func (m *Model) clampFind() {
	var n int
	switch m.overlay {
	case overlayGlossary:
		n = len(m.lesson.GlossaryOrder(m.termSteps, m.find.text, m.nav.Step))
	case overlaySearch:
		n = len(content.Search(m.searchIndex, m.find.text))
	default:
		return
	}
	m.find.sel = min(max(m.find.sel, 0), max(n-1, 0))
}
