package model

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// In a classroom (Options.Follow) a student's lesson follows the teacher:
// it goes to the teacher's step and shows the teacher's scene frame. Any
// move of the student's own breaks away to explore; F snaps back to where
// the teacher is now. If the teacher leaves, students keep their place.

// Position is a presenter's place, as a classroom hands it to followers.
type Position struct {
	Step    int
	Frame   int
	Playing bool // the scene is playing (else it rests on Frame)
}

// FollowMsg tells a student's lesson where the teacher is.
type FollowMsg struct {
	Position
	Teacher bool // a teacher is connected
}

// FollowKeyMap is the classroom key.
type FollowKeyMap struct {
	Follow key.Binding
}

// DefaultFollowKeyMap returns the classroom key.
func DefaultFollowKeyMap() FollowKeyMap {
	return FollowKeyMap{Follow: key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "follow the teacher"))}
}

// position is where this lesson is, for a classroom to hand on.
func (m Model) position() Position {
	return Position{Step: m.nav.Step, Frame: m.anim.frame, Playing: m.anim.playing}
}

// publishCmd hands the presenter's position to Options.Publish. It is
// called right here, in order: commands run concurrently, and a classroom
// that got positions out of order would leave students on a stale step.
// Publish must not block (a classroom only queues the position).
func (m Model) publishCmd() tea.Cmd {
	if m.opts.Publish != nil && m.lesson != nil {
		m.opts.Publish(m.position())
	}
	return nil
}

// onFollow moves a following student to the teacher's step and frame.
func (m Model) onFollow(msg FollowMsg) (tea.Model, tea.Cmd) {
	m.teacher, m.teacherAt = msg.Teacher, msg.Position
	if !m.opts.Follow || !m.following || !msg.Teacher || m.lesson == nil {
		m.layout(false) // the status line shows where the teacher is
		return m, nil
	}
	return m.goTo(msg.Position)
}

// goTo shows a teacher's position: the step, and the scene as the teacher
// has it. It lays the screen out once, after both are set.
func (m Model) goTo(p Position) (tea.Model, tea.Cmd) {
	var cmds []tea.Cmd
	moved := p.Step != m.nav.Step && p.Step >= 0 && p.Step < m.nav.Total
	if moved {
		m.nav = Nav{Step: p.Step, Total: m.nav.Total}
		m.focus, m.overlay, m.row = focusText, overlayNone, 0
		m.startScene()
	}
	if m.sceneName() != "" {
		m.anim.gen++
		m.anim.frame = min(max(p.Frame, 0), m.lastFrame())
		m.anim.playing = p.Playing && !m.opts.NoMotion
		cmds = append(cmds, m.tickCmd())
	}
	m.layout(moved)
	if moved {
		cmds = append(cmds, m.prerenderCmd(m.dims().textW), m.moveCmd())
	}
	return m, tea.Batch(cmds...)
}

// followStatus is the status line's classroom part.
func (m Model) followStatus() string {
	switch {
	case !m.opts.Follow:
		return ""
	case !m.teacher:
		return "on your own (no teacher connected)"
	case m.following:
		return fmt.Sprintf("following the teacher (step %d)", m.teacherAt.Step+1)
	}
	return fmt.Sprintf("exploring · teacher at step %d · F: follow", m.teacherAt.Step+1)
}
