package model

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jakstat/views"
)

// Presenter mode (Options.Present) is the lesson built for a projector:
// a breathing line under the header, wider side margins, no help bar (?
// still shows every key), a clock of the time elapsed, and b to blank the
// screen. The notes view (Options.Notes) is a second window for the
// presenter: the current step's speaker notes, the next step's title and
// the clock, following the presenter's window.

// PositionMsg tells a notes view where the presenter is.
type PositionMsg struct {
	Step    int
	Started time.Time
}

// LinkMsg tells a notes view whether it is connected to a presenter.
type LinkMsg struct{ Connected bool }

// clockMsg is the presenter clock's once-a-second tick.
type clockMsg struct {
	at  time.Time
	gen int
}

// PresentKeyMap is presenter mode's own key.
type PresentKeyMap struct {
	Blank  key.Binding
	Reveal key.Binding
}

// DefaultPresentKeyMap returns presenter mode's keys.
func DefaultPresentKeyMap() PresentKeyMap {
	return PresentKeyMap{
		Blank:  key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "blank the screen")),
		Reveal: key.NewBinding(key.WithKeys("a", "enter"), key.WithHelp("a", "reveal the answer")),
	}
}

// clockCmd schedules the next clock tick, for presenters and notes views.
func (m Model) clockCmd() tea.Cmd {
	if !m.opts.Present && !m.opts.Notes {
		return nil
	}
	gen := m.clockGen
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return clockMsg{at: t, gen: gen} })
}

// onClock updates the elapsed time; only the newest clock chain survives.
func (m Model) onClock(msg clockMsg) (Model, tea.Cmd) {
	if msg.gen != m.clockGen {
		return m, nil
	}
	if !m.startedAt.IsZero() {
		m.elapsed = msg.at.Sub(m.startedAt)
	}
	if m.opts.Present && m.lesson != nil {
		m.header = m.renderHeader(m.dims())
	}
	return m, m.clockCmd()
}

// clockText is the elapsed time as m:ss or h:mm:ss.
func clockText(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// renderHeader draws the header, with the clock in presenter mode.
func (m Model) renderHeader(d dims) string {
	st := m.step()
	clock := ""
	if m.opts.Present {
		clock = clockText(m.elapsed)
	}
	return views.Header(m.styles, m.lesson.Meta.Title, st.Section, st.Title, m.nav.Step, m.nav.Total, d.frameW, clock)
}

// moveCmd tells Options.OnMove the step, right here and in order, for the
// same reason as saveCmd; OnMove must not block.
func (m Model) moveCmd() tea.Cmd {
	if m.opts.OnMove != nil {
		m.opts.OnMove(m.nav.Step)
	}
	return nil
}

// blankScreen is an empty frame: a projector showing nothing.
func (m Model) blankScreen() string {
	return strings.TrimRight(strings.Repeat(strings.Repeat(" ", m.width)+"\n", m.height), "\n")
}

// renderNotes draws the speaker-notes view.
func (m Model) renderNotes() string {
	s := m.styles
	width := min(m.width, maxTextWidth)
	var b strings.Builder
	status := s.Warning.Render("waiting for the presenter (jakstat --present)")
	if m.connected {
		status = s.Muted.Render("following the presenter")
	}
	clock := clockText(m.elapsed)
	st := m.lesson.Steps[m.nav.Step]
	head := fmt.Sprintf("Speaker notes · step %d/%d", m.nav.Step+1, m.nav.Total)
	b.WriteString(s.AppName.Render(views.Truncate(head, width-len(clock)-1)) + strings.Repeat(" ", max(width-ansi.StringWidth(head)-len(clock), 1)) + s.Counter.Render(clock) + "\n")
	b.WriteString(s.Title.Render(views.Truncate(st.Title, width)) + "\n\n")
	notes := strings.TrimSpace(st.Notes)
	if notes == "" {
		notes = "No notes for this step."
	}
	b.WriteString(s.Value.Render(views.Wrap(notes, width)) + "\n\n")
	if m.nav.Step+1 < m.nav.Total {
		b.WriteString(s.Label.Render("Next: ") + s.Value.Render(views.Truncate(m.lesson.Steps[m.nav.Step+1].Title, width-6)) + "\n")
	} else {
		b.WriteString(s.Label.Render("Next: the end of the lesson") + "\n")
	}
	lines := splitLines(strings.TrimRight(b.String(), "\n"))
	body := window(lines, 0, max(m.height-2, 1))
	return frame(body+"\n\n"+views.Truncate(status, m.width), m.height, 0)
}
