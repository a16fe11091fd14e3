package model

import (
	"fmt"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"jakstat/model/internal/ui"
)

// The step screen's keys: moving through the lesson, scrolling the text or
// the table, the scene, and opening the other screens.

// lessonKey handles a key on the step screen.
func (m Model) lessonKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.keys
	if m.opts.Present && m.panes.overlay == overlayNone && key.Matches(msg, k.Blank) {
		m.present.blank = true
		m.syncKeys() // esc brings the screen back
		return m, nil
	}
	if m.opts.Follow {
		switch {
		case key.Matches(msg, k.Follow):
			return m.follow()
		case key.Matches(msg, k.Answer):
			return m.showLive(), nil
		}
	}
	if key.Matches(msg, k.Explore) {
		return m.openExplorer(), nil
	}
	if m.panes.overlay != overlayNone && m.overlayKey(msg) {
		return m, nil
	}
	// A count typed before a motion: 3G, 12g, 3l, 5j.
	if key.Matches(msg, k.Count) {
		d, _ := strconv.Atoi(msg.String())
		m.nav = m.nav.Apply(ActDigit, d)
		return m, nil
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.BackToCheck):
		return m.backToCheck()
	case key.Matches(msg, k.Next):
		return m.move(ActNext, 0)
	case key.Matches(msg, k.Prev):
		return m.move(ActPrev, 0)
	case key.Matches(msg, k.First, k.Last) && m.nav.Count > 0:
		return m.goNumber(m.nav.Count)
	case key.Matches(msg, k.First):
		return m.move(ActFirst, 0)
	case key.Matches(msg, k.Last):
		return m.move(ActLast, 0)
	case key.Matches(msg, k.Select):
		return m.selectKey()
	case key.Matches(msg, k.Pause):
		return m.togglePause()
	case key.Matches(msg, k.Replay):
		return m.replay()
	case key.Matches(msg, k.StageBack):
		return m.stepStage(-1)
	case key.Matches(msg, k.StageOn):
		return m.stepStage(1)
	case key.Matches(msg, k.FrameBack):
		return m.stepFrame(-1)
	case key.Matches(msg, k.FrameFwd):
		return m.stepFrame(1)
	case key.Matches(msg, k.Zoom):
		return m.toggleZoom()
	case key.Matches(msg, k.NextHit, k.PrevHit):
		return m.nextHit(key.Matches(msg, k.NextHit))
	}
	m = m.paneKey(msg)
	m.nav.Count = 0
	return m, nil
}

// paneKey handles the keys that change what the step screen shows without
// moving: scrolling, focus, esc, and opening a screen over it.
func (m Model) paneKey(msg tea.KeyPressMsg) Model {
	k := m.keys
	switch {
	case key.Matches(msg, k.Up, k.Down, k.PageUp, k.PageDown):
		m.scroll(msg)
	case key.Matches(msg, k.Focus):
		if m.panes.focus == focusText {
			m.panes.focus = focusTable
		} else {
			m.panes.focus = focusText
		}
		m.layout(false)
	case key.Matches(msg, k.Back):
		switch {
		case m.panes.zoom:
			m.panes.zoom = false
		case m.panes.focus == focusTable:
			m.panes.focus = focusText
		case m.found.query != "":
			m.found = found{} // esc clears the search highlight
		}
		m.layout(false)
	case key.Matches(msg, k.Jump):
		m.openJump()
	case key.Matches(msg, k.Glossary):
		m.screen, m.glossary = screenGlossary, m.glossary.Open(m.nav.Step)
		m.layout(false)
	case key.Matches(msg, k.Search):
		m.screen, m.search = screenSearch, m.search.Open(m.lesson)
		m.layout(false)
	case key.Matches(msg, k.Help):
		m.panes.overlay = overlayHelp
		m.panes.panel.ScrollTo(0)
		m.layout(false)
	}
	return m
}

// overlayKey handles a key while help or details cover the step, and says
// whether it was used up: esc (or the key that opened it) closes the
// overlay, the scroll keys scroll it, and any other key closes it and then
// does what it always does.
func (m *Model) overlayKey(msg tea.KeyPressMsg) bool {
	k := m.keys
	switch {
	case key.Matches(msg, k.Back),
		m.panes.overlay == overlayHelp && key.Matches(msg, k.Help),
		m.panes.overlay == overlayDetails && key.Matches(msg, k.Select):
		m.panes.overlay = overlayNone
		m.syncKeys()
		return true
	case m.panes.panel.ScrollKey(msg, k.Up, k.Down, k.PageUp, k.PageDown):
		return true
	}
	m.panes.overlay = overlayNone
	m.syncKeys()
	return false
}

// selectKey is enter: with a count it goes to that step, like 12G (handy on
// a presenter's remote); on a table row it opens the details; on the text
// it goes on.
func (m Model) selectKey() (Model, tea.Cmd) {
	switch {
	case m.nav.Count > 0:
		return m.goNumber(m.nav.Count)
	case m.panes.focus == focusTable && len(m.panes.grid.Rows) > 0:
		m.panes.overlay = overlayDetails
		m.panes.panel.ScrollTo(0)
		m.layout(false)
		m.nav.Count = 0
		return m, nil
	}
	return m.move(ActNext, 0)
}

// move applies a navigation action; a new step starts at the top of its
// text with the text focused. Next is l, which asks a section's questions
// on leaving its last step, and opens the score past the last step.
func (m Model) move(a Action, arg int) (Model, tea.Cmd) {
	if a == ActNext {
		return m.forward()
	}
	return m.arrive(m.nav.Apply(a, arg))
}

// forward is l, with its count: Nav.Forward moves as many presses of l
// would, and stops where one asks something; that is then asked.
func (m Model) forward() (Model, tea.Cmd) {
	next, ask := m.nav.Forward(m.leavingAsks)
	m, moved := m.arrive(next)
	if !ask {
		return m, moved
	}
	m, asked := m.askLeaving()
	return m, tea.Batch(moved, asked)
}

// leavingAsks says whether l on step s asks something before moving on:
// the section's questions not yet answered, or after the last step the
// score.
func (m Model) leavingAsks(s int) bool {
	return len(m.dueQuestions(s)) > 0 || s == m.nav.Total-1 && m.quizzing()
}

// askLeaving opens what leaving the step asks: its section's questions,
// then the next step (the score after the last one); or the score.
func (m Model) askLeaving() (Model, tea.Cmd) {
	s := m.nav.Step
	then := s + 1
	if s == m.nav.Total-1 {
		then = quizThenScore
	}
	if qs := m.dueQuestions(s); len(qs) > 0 {
		return m.openQuiz(quizShow(qs, then))
	}
	return m.openScore()
}

// arrive makes next the position; on a new step, the step starts at the
// top of its text, with the text focused, and the move is saved and told.
func (m Model) arrive(next Nav) (Model, tea.Cmd) {
	before := m.nav.Step
	m.nav = next
	if m.nav.Step == before {
		return m, nil
	}
	m.screen = screenLesson
	m.panes.focus, m.panes.overlay, m.panes.row = focusText, overlayNone, 0
	m.startScene()
	m.layout(true)
	m.saveProgress()
	m.announceMove()
	tick := m.tick()
	return m, tea.Batch(m.prerenderCmd(m.dims().textW), tick)
}

// goNumber goes to the step numbered n (one-based), as typed at the ":"
// prompt or before G, g or enter. A number past either end goes to that
// end and says so until the next key, rather than landing somewhere
// unexplained.
func (m Model) goNumber(n int) (Model, tea.Cmd) {
	to := min(max(n, 1), m.nav.Total)
	m.nav.Count = 0
	next, cmd := m.move(ActGoto, to)
	switch {
	case n > to:
		next.notice = fmt.Sprintf("No step %d: here is the last", n)
	case n < to:
		next.notice = fmt.Sprintf("No step %d: here is the first", n)
	}
	return next, cmd
}

// goStep closes the screen on top and opens step (zero-based); when it is
// the step already open, the step screen just comes back.
func (m Model) goStep(step int) (Model, tea.Cmd) {
	m.screen = screenLesson
	next, cmd := m.move(ActGoto, step+1)
	if next.nav.Step == m.nav.Step {
		next.layout(false)
	}
	return next, cmd
}

// closeScreen returns to the step exactly as the learner left it.
func (m Model) closeScreen() Model {
	m.screen = screenLesson
	m.layout(false)
	return m
}

// openExplorer shows the explorer. From a lesson table it opens on the
// matching tab with the same record selected.
func (m Model) openExplorer() Model {
	table, row := "", ""
	if p := m.panes; p.focus == focusTable && p.row < len(p.grid.Keys) {
		table, row = p.grid.ID(), p.grid.Keys[p.row]
	}
	m.screen, m.panes.overlay = screenExplorer, overlayNone
	m.explorer.SetOrigin(m.nav.Step, m.nav.Total)
	m.explorer.SetSize(m.width, m.height-m.problemsHeight()) // a reload's problems go under it
	m.explorer = m.explorer.Open(table, row)
	m.syncKeys()
	return m
}

// scroll moves the focused pane: the text by lines or pages, the table by rows.
func (m *Model) scroll(msg tea.KeyPressMsg) {
	n := max(m.nav.Count, 1)
	m.nav.Count = 0
	k := m.keys
	if m.panes.focus == focusTable {
		page := max(m.dims().tableH-2, 1)
		switch {
		case key.Matches(msg, k.Up):
			m.selectRow(m.panes.row - n)
		case key.Matches(msg, k.Down):
			m.selectRow(m.panes.row + n)
		case key.Matches(msg, k.PageUp):
			m.selectRow(m.panes.row - page*n)
		case key.Matches(msg, k.PageDown):
			m.selectRow(m.panes.row + page*n)
		}
		return
	}
	t := &m.panes.text
	switch {
	case key.Matches(msg, k.Up):
		t.ScrollBy(-n)
	case key.Matches(msg, k.Down):
		t.ScrollBy(n)
	case key.Matches(msg, k.PageUp):
		t.ScrollBy(-t.Height() * n)
	case key.Matches(msg, k.PageDown):
		t.ScrollBy(t.Height() * n)
	}
}

func (m *Model) selectRow(r int) {
	m.panes.row = ui.Clamp(r, len(m.panes.grid.Rows))
	m.refreshTable()
}

// lessonWheel scrolls the step's text or table, whichever is under the
// pointer, or the help or details over them.
func (m *Model) lessonWheel(msg tea.MouseWheelMsg) {
	if m.panes.overlay != overlayNone {
		m.panes.panel.Wheel(msg)
		return
	}
	mouse := msg.Mouse()
	up := mouse.Button == tea.MouseWheelUp
	d := m.dims()
	overTable := m.panes.grid.ID() != "" && (m.panes.focus == focusTable && !d.split ||
		d.split && mouse.Y >= d.headerH+1+d.textH+1)
	switch {
	case overTable && up:
		m.selectRow(m.panes.row - 1)
	case overTable:
		m.selectRow(m.panes.row + 1)
	default:
		m.panes.text.Wheel(msg)
	}
}
