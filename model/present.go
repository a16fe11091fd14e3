package model

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"jakstat/model/live"
	"jakstat/views"
)

// Presenter mode (Options.Present) is the lesson built for a projector:
// a breathing line under the header, wider side margins, no help bar (?
// still shows every key), a clock of the time elapsed, and b to blank the
// screen. The notes view (Options.Notes, package notes) is a second window
// for the presenter, following the presenter's window.

// PositionMsg tells a notes view where the presenter is, and whether the
// presenter's screen is blanked; Step -1 only starts the presenter's clock.
type PositionMsg struct {
	Step    int
	Started time.Time
	Blank   bool
}

// LinkMsg tells a notes view whether it is connected to a presenter.
type LinkMsg struct{ Connected bool }

// clockMsg is the presenter clock's once-a-second tick.
type clockMsg struct {
	at  time.Time
	gen int
}

// presentation is the state of presenter mode and of the notes view's clock.
type presentation struct {
	blank     bool          // the screen is blanked
	startedAt time.Time     // when the presentation started
	elapsed   time.Duration // shown on the clock
	clockGen  int
	room      live.Status // a classroom's, as last told
	hasRoom   bool
	early     *PositionMsg // a notes view's position that came before its lesson
}

// clockCmd schedules the next clock tick, for presenters and notes views.
func (m Model) clockCmd() tea.Cmd {
	if !m.opts.Present && !m.opts.Notes {
		return nil
	}
	gen := m.present.clockGen
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return clockMsg{at: t, gen: gen} })
}

// onClock updates the elapsed time; only the newest clock chain survives.
func (m Model) onClock(msg clockMsg) (Model, tea.Cmd) {
	if msg.gen != m.present.clockGen {
		return m, nil
	}
	if !m.present.startedAt.IsZero() {
		m.present.elapsed = msg.at.Sub(m.present.startedAt)
	}
	if m.lesson != nil {
		m.notes.SetElapsed(m.present.elapsed)
		if m.opts.Present {
			m.header = m.renderHeader(m.dims())
		}
	}
	return m, m.clockCmd()
}

// onPosition follows the presenter (notes view), or starts the presenter's
// clock (Step -1).
func (m Model) onPosition(msg PositionMsg) Model {
	m.present.startedAt = msg.Started
	if msg.Step < 0 || !m.opts.Notes {
		return m
	}
	m.notes.SetConnected(true)
	m.notes.SetBlank(msg.Blank)
	if msg.Step < m.nav.Total && msg.Step != m.nav.Step {
		m.nav.Step = msg.Step
		m.notes.SetStep(msg.Step)
		m.layout(true)
	}
	return m
}

// renderHeader draws the header, with the clock in presenter mode.
func (m Model) renderHeader(d dims) string {
	st := m.current()
	clock := ""
	if m.opts.Present {
		clock = views.Clock(m.present.elapsed)
	}
	return views.Header(*m.styles, m.lesson.Meta.Title, st.Section, st.Title, m.nav.Step, m.nav.Total, d.frameW, clock)
}

// blankKey handles a key on a blanked projector: it ignores everything but
// coming back (or quitting).
func (m Model) blankKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Blank, m.keys.Back):
		m.present.blank = false
		m.syncKeys()
	case key.Matches(msg, m.keys.Quit):
		return m, tea.Quit
	}
	return m, nil
}

// blankScreen is an empty frame: a projector showing nothing. A student's
// screen, blanked by the teacher, says so in one quiet line, and how to
// see the lesson meanwhile.
func (m Model) blankScreen() string {
	if !m.opts.Follow {
		return strings.TrimRight(strings.Repeat(strings.Repeat(" ", m.width)+"\n", m.height), "\n")
	}
	hint := "The teacher has paused the screen"
	if long := hint + " · " + m.keys.Back.Help().Key + ": show the lesson"; lipgloss.Width(long) <= m.width {
		hint = long
	}
	return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, m.styles.Muted.Render(views.Truncate(hint, m.width)))
}

// onStatus takes the room's news of who is there, for the teacher's
// status line and console.
func (m Model) onStatus(msg live.StatusMsg) Model {
	m.present.room, m.present.hasRoom = msg.Status, true
	m.notes.SetRoom(msg.Status)
	return m
}

// roomStatus is the teacher's status line's classroom note: who is in the
// room, in words and in short. It stays at every size (views.Note.Keep).
func (m Model) roomStatus() (views.Note, bool) {
	if !m.opts.Present || !m.present.hasRoom {
		return views.Note{}, false
	}
	r := m.present.room
	return views.Note{Long: views.RoomSummary(r.Students, r.Following, len(r.Exploring)), Short: views.RoomSummaryShort(r.Students, r.Following), Keep: true}, true
}
