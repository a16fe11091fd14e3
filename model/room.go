package model

import (
	"reflect"

	tea "charm.land/bubbletea/v2"

	"jakstat/model/live"
	"jakstat/model/quiz"
)

// A lesson in a classroom (Options.Room) is one of three: the teacher's
// (Options.Present), a student's (Options.Follow), or the teacher's
// console (Options.Notes). The room owns the teacher's place: the teacher's
// lesson tells it every change of view, students are shown it (FollowMsg),
// and a teacher who reconnects is given it back. Live checks run the same
// way: the teacher's check screen is part of the view, the room tells
// every screen how the check stands (live.CheckMsg), and a student's
// answer goes back to the room.

// Room is the classroom a lesson sits in. The lesson tells it what
// changed right after each change, in order, from its update loop: a Room
// only takes note and never blocks.
type Room interface {
	// Presented is the teacher's whole view, whenever it changes.
	Presented(ViewPosition)
	// Seated is a student's place, whenever it changes.
	Seated(Seat)
	// Answered is a student's answer to the room's live check.
	Answered(live.AnswerMsg)
}

// Seat is where a student is, for the teacher's view of the room.
type Seat struct {
	Step      int  // zero-based
	Following bool // showing the teacher's view, or exploring on their own
}

// Update routes a message to the method that handles it, then tells the
// room, if any, what changed (and a presenter's OnView its view).
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.update(msg)
	if m.lesson == nil || m.opts.Room == nil && m.opts.OnView == nil && !m.opts.Follow {
		return next, cmd
	}
	return next.(Model).tellRoom(m, msg), cmd
}

// tellRoom hands the room what changed from before to m: a teacher's view,
// a student's seat. A student's own key that changes what the teacher's
// view decides (the step, the scene, the table, the explorer) breaks away.
func (m Model) tellRoom(before Model, msg tea.Msg) Model {
	switch {
	case m.opts.Present:
		// A scene started again (the same view, played from the start) is
		// news too: the scene clock's generation says so.
		p := m.ViewPosition()
		if !m.class.told || !sameView(p, m.class.published, true) || m.anim.gen != m.class.publishedGen {
			m.class.told, m.class.published, m.class.publishedGen = true, p, m.anim.gen
			if m.opts.Room != nil {
				m.opts.Room.Presented(p)
			}
			if m.opts.OnView != nil {
				m.opts.OnView(p)
			}
		}
	case m.opts.Follow:
		// (F itself is not breaking away: the student was not following.)
		// A check of the student's own (l at a section's end) is their own
		// doing too, though it shows the same step under it.
		ownCheck := m.screen == screenQuiz && before.screen != screenQuiz
		if before.class.following && m.class.following && isInput(msg) &&
			(ownCheck || !sameView(before.ViewPosition(), m.ViewPosition(), false)) {
			m.class.following = false
			m.layout(false) // the status line says so
		}
		if s := (Seat{Step: m.nav.Step, Following: m.class.following}); m.opts.Room != nil && (!m.class.seated || s != m.class.seat) {
			m.class.seated, m.class.seat = true, s
			m.opts.Room.Seated(s)
		}
	}
	return m
}

// isInput says whether msg is the learner's own doing.
func isInput(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg, tea.MouseMsg:
		return true
	}
	return false
}

// sameView says whether two views show the same thing, as far as a room
// cares. A playing scene's frame moves on by itself everywhere, so only a
// resting one counts. For a teacher (whole) everything counts; a student
// leaves the teacher's view only by moving what the teacher's view decides:
// scrolling, blanking, zooming the diagram, help, search and the glossary
// are their own.
func sameView(a, b ViewPosition, whole bool) bool {
	for _, p := range []*ViewPosition{&a, &b} {
		if p.Playing {
			p.Frame = 0
		}
		if !whole {
			p.Scroll, p.Blank, p.Zoom, p.StepID = 0, false, false, ""
			p.Screen = followedScreen(p.Screen)
			if p.Screen == ScreenLesson {
				p.Live, p.Quiz = nil, nil
			}
		}
	}
	return reflect.DeepEqual(a, b)
}

// followedScreen is what a student shows for a screen of the teacher's:
// the teacher's own look-ups, the score and a check's screen show the step
// under them (a check reaches students as the room's live check).
func followedScreen(s Screen) Screen {
	switch s {
	case ScreenDetails, ScreenExplorer:
		return s
	}
	return ScreenLesson
}

// inRoom says whether the teacher's checks are live checks of a room.
func (m Model) inRoom() bool { return m.opts.Room != nil && m.opts.Present }

// openLive shows the teacher's live check of the questions in msg.
func (m Model) openLive(msg quiz.ShowMsg) (Model, tea.Cmd) {
	m.live = m.live.Ask(msg.Questions, msg.Then)
	m.screen, m.panes.overlay = screenLive, overlayNone
	m.layout(false)
	return m, nil
}

// showLive puts the room's live check on a student's screen.
func (m Model) showLive() Model {
	if m.screen == screenLive || !m.live.Room().Open() {
		return m
	}
	m.screen, m.panes.overlay, m.jumping = screenLive, overlayNone, false
	m.layout(false)
	return m
}

// onCheck takes the room's news of its live check. A following student is
// shown a new question (or a second vote) at once; a student exploring is
// told on the status line and answers with a. The reveal goes to every
// student's screen; a closed check leaves it.
func (m Model) onCheck(msg live.CheckMsg) (Model, tea.Cmd) {
	before := m.live.Room()
	m.live, _ = m.live.Update(msg)
	m.notes.SetCheck(msg.Check)
	if !m.opts.Follow {
		m.syncKeys() // the check's screen drew itself; the count is all that changed
		return m, nil
	}
	c := msg.Check
	switch {
	case !c.Open() && m.screen == screenLive:
		return m.closeScreen(), nil
	case c.Open() && c.Revealed && !before.Revealed:
		m = m.showLive()
	case c.Open() && m.class.following && (c.Seq != before.Seq || c.Vote != before.Vote):
		m = m.showLive()
	}
	m.syncKeys()
	return m, nil
}

// liveReport acts on what the live check screen reported.
func (m Model) liveReport(out tea.Msg) (Model, tea.Cmd) {
	switch out := out.(type) {
	case tea.QuitMsg:
		return m, tea.Quit
	case live.AnswerMsg:
		if m.opts.Room != nil {
			m.opts.Room.Answered(out)
		}
	case live.HideMsg:
		return m.closeScreen(), nil
	case live.DoneMsg:
		m.screen = screenLesson
		return m.quizDone(quiz.DoneMsg(out))
	}
	m.syncKeys()
	return m, nil
}
