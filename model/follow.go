package model

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// In a classroom (Options.Follow) a student's lesson follows the teacher:
// it goes to the teacher's step and shows the teacher's scene frame. Any
// move of the student's own breaks away to explore; F snaps back to where
// the teacher is now. If the teacher leaves, students keep their place.

// Position is a presenter's place, as a classroom hands it to followers.
type Position struct {
	Step    int  `json:"step"`
	Frame   int  `json:"frame"`
	Playing bool `json:"playing,omitempty"` // the scene is playing (else it rests on Frame)
}

// FollowMsg tells a student's lesson where the teacher is.
type FollowMsg struct {
	Position
	Teacher bool // a teacher is connected
}

// follower is a student's side of a classroom.
type follower struct {
	following bool     // showing the teacher's place
	teacher   bool     // a teacher is connected
	teacherAt Position // where the teacher is
}

// position is where this lesson is, for a classroom to hand on.
func (m Model) position() Position {
	return Position{Step: m.nav.Step, Frame: m.anim.frame, Playing: m.anim.playing}
}

// onFollow moves a following student to the teacher's step and frame.
func (m Model) onFollow(msg FollowMsg) (Model, tea.Cmd) {
	m.class.teacher, m.class.teacherAt = msg.Teacher, msg.Position
	if !m.opts.Follow || !m.class.following || !msg.Teacher || m.lesson == nil {
		m.layout(false) // the status line shows where the teacher is
		return m, nil
	}
	return m.goTo(msg.Position)
}

// follow is the student pressing F: back to the teacher.
func (m Model) follow() (Model, tea.Cmd) {
	m.class.following = true
	if m.class.teacher {
		return m.goTo(m.class.teacherAt)
	}
	m.layout(false)
	return m, nil
}

// goTo shows a teacher's position: the step, and the scene as the teacher
// has it. It lays the screen out once, after both are set.
func (m Model) goTo(p Position) (Model, tea.Cmd) {
	var cmds []tea.Cmd
	moved := p.Step != m.nav.Step && p.Step >= 0 && p.Step < m.nav.Total
	if moved {
		m.nav = Nav{Step: p.Step, Total: m.nav.Total}
		m.screen = screenLesson
		m.panes.focus, m.panes.overlay, m.panes.row = focusText, overlayNone, 0
		m.startScene()
	}
	if m.sceneName() != "" {
		m.anim.gen++
		m.anim.frame = min(max(p.Frame, 0), m.lastFrame())
		m.anim.playing = p.Playing && !m.opts.NoMotion
	}
	m.layout(moved)
	cmds = append(cmds, m.tick())
	if moved {
		cmds = append(cmds, m.prerenderCmd(m.dims().textW))
		m.announceMove()
	}
	return m, tea.Batch(cmds...)
}

// followStatus is the status line's classroom part.
func (m Model) followStatus() string {
	switch {
	case !m.opts.Follow:
		return ""
	case !m.class.teacher:
		return "on your own (no teacher connected)"
	case m.class.following:
		return fmt.Sprintf("following the teacher (step %d)", m.class.teacherAt.Step+1)
	}
	return fmt.Sprintf("exploring · teacher at step %d · F: follow", m.class.teacherAt.Step+1)
}
