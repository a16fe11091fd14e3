package model

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"jakstat/views"
)

// In a classroom (Options.Follow) a student's lesson follows the teacher's
// whole view: the step and its scene frame, the step's scroll, its table
// row and details, the explorer's tab, filters and row, a blanked screen.
// Any move of the student's own that changes those breaks away to explore
// (see tellRoom); looking something up in the glossary, searching without
// going anywhere, help, scrolling or bringing back a blanked screen do not.
// F snaps back to where the teacher is now. If the teacher leaves,
// students keep their place.

// FollowMsg tells a student's lesson what the teacher's screen shows.
type FollowMsg struct {
	View    ViewPosition
	Teacher bool // a teacher is connected
}

// follower is a student's side of a classroom, and what a lesson has told
// its room.
type follower struct {
	following bool         // showing the teacher's view
	teacher   bool         // a teacher is connected
	view      ViewPosition // the teacher's view, as last told
	shown     ViewPosition // the teacher's view as last shown here
	hasShown  bool

	told         bool         // a teacher's lesson has told the room its view
	published    ViewPosition // and this was the last
	publishedGen int          // with the scene clock at this generation
	seated       bool         // a student's lesson has told the room its seat
	seat         Seat
}

// onFollow shows a following student the teacher's view.
func (m Model) onFollow(msg FollowMsg) (Model, tea.Cmd) {
	m.class.teacher, m.class.view = msg.Teacher, msg.View
	// A student who joins while the teacher is away starts where the
	// class is; one already following keeps their place when the teacher
	// leaves.
	if !m.opts.Follow || !m.class.following || m.lesson == nil || !msg.Teacher && m.class.hasShown {
		m.layout(false) // the status line shows where the teacher is
		return m, nil
	}
	return m.showTeacher()
}

// follow is the student pressing F: back to the teacher.
func (m Model) follow() (Model, tea.Cmd) {
	m.class.following = true
	if m.class.teacher {
		m.class.hasShown = false // the teacher's scroll too
		return m.showTeacher()
	}
	m.layout(false)
	return m, nil
}

// showTeacher shows the teacher's view under whatever of the student's own
// is open over it (the glossary, a search, help, the live check), which
// stays open. The student's own scroll and zoom are kept until the teacher
// scrolls (or zooms) or moves.
func (m Model) showTeacher() (Model, tea.Cmd) {
	p := m.class.view
	p.Screen = followedScreen(p.Screen)
	p.Quiz, p.Live = nil, nil
	screen, help, scroll := m.screen, m.panes.overlay == overlayHelp, m.panes.text.Top()
	ownScroll := m.class.hasShown && p.Step == m.class.shown.Step && p.Scroll == m.class.shown.Scroll
	// The student's zoom is kept the same way, until the teacher zooms or
	// moves to another step: a frame stepped or a pause must not undo it.
	ownZoom := m.class.hasShown && p.Step == m.class.shown.Step && p.Zoom == m.class.shown.Zoom
	m.class.shown, m.class.hasShown = p, true
	if ownZoom {
		p.Zoom = m.panes.zoom
	}
	m, cmd := m.ApplyView(p)
	switch {
	case screen == screenGlossary, screen == screenSearch, screen == screenLive:
		m.screen = screen
		m.layout(false)
	case help && m.screen == screenLesson:
		m.panes.overlay = overlayHelp
		m.layout(false)
	}
	if ownScroll {
		m.panes.text.ScrollTo(scroll)
	}
	return m, cmd
}

// goTo puts the lesson at a step and its scene at a frame, and says
// whether the step changed; the caller lays the screen out, once, and then
// wakes the scene's clock (whether it ticks depends on the layout).
func (m Model) goTo(step, frame int, playing bool) (Model, bool) {
	moved := step != m.nav.Step && step >= 0 && step < m.nav.Total
	if moved {
		m.nav = Nav{Step: step, Total: m.nav.Total}
		m.screen = screenLesson
		m.panes.focus, m.panes.overlay, m.panes.row = focusText, overlayNone, 0
		m.startScene()
	}
	if m.sceneName() != "" {
		m.anim.gen++
		m.anim.frame = min(max(frame, 0), m.lastFrame())
		m.anim.playing = playing && !m.opts.NoMotion
	}
	return m, moved
}

// roomNote is the status line's classroom note, which stays at every
// size: for a student, whether they follow the teacher and how to get
// back, or the teacher's open question; for the teacher, who is in the
// room. Under a screen of the student's own (covered) the keys that work
// only on the step are left out.
func (m Model) roomNote(covered bool) (views.Note, bool) {
	if m.opts.Present {
		return m.roomStatus()
	}
	if !m.opts.Follow {
		return views.Note{}, false
	}
	teacherAt := m.class.view.Step + 1
	n := views.Note{Keep: true}
	switch {
	case m.live.Waiting() && m.screen != screenLive:
		n.Long, n.Short, n.Tiny = "The teacher asks a question · a: answer it", "a: answer the question", "a: answer"
		if covered {
			n.Long, n.Short, n.Tiny = "The teacher asks a question", "a question is open", ""
		}
	case m.live.Room().Revealed && m.screen != screenLive:
		n.Long, n.Short, n.Tiny = "The teacher revealed the answers · a: see them", "a: see the answers", "a: answers"
		if covered {
			n.Long, n.Short, n.Tiny = "The teacher revealed the answers", "answers revealed", ""
		}
	case !m.class.teacher:
		n.Long, n.Short, n.Tiny = "on your own (no teacher connected)", "no teacher connected", "no teacher"
	case m.class.following:
		n.Long, n.Short, n.Tiny = fmt.Sprintf("following the teacher (step %d)", teacherAt), "following the teacher", "following"
	case covered:
		n.Long, n.Short, n.Tiny = fmt.Sprintf("exploring · teacher at step %d", teacherAt), "exploring", ""
	default:
		n.Long, n.Short, n.Tiny = fmt.Sprintf("exploring · teacher at step %d · F: follow", teacherAt), fmt.Sprintf("teacher: step %d · F: follow", teacherAt), "F: follow"
	}
	return n, true
}

// classroom says whether the lesson is a classroom's (a student's, or the
// teacher's in a room): its status line keeps room for the room's note.
func (m Model) classroom() bool { return m.opts.Follow || m.inRoom() }
