// Package notes is the speaker-notes view: a second window for a presenter
// showing the current step's notes, the next step's title and the clock,
// following the presenter's lesson.
package notes

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jakstat/content"
	"jakstat/model/internal/ui"
	"jakstat/views"
)

// KeyMap is the view's one key: it only follows.
type KeyMap struct {
	Quit key.Binding
}

// DefaultKeyMap returns the view's standard keys.
func DefaultKeyMap() KeyMap { return KeyMap{Quit: ui.Quit()} }

// ShortHelp is the view's help: none is shown, the view has no help bar.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Quit} }

// FullHelp is every key of the view.
func (k KeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Quit}} }

// Model is the view.
type Model struct {
	KeyMap KeyMap

	lesson    *content.Lesson
	styles    *views.Styles
	step      int
	connected bool
	elapsed   time.Duration
	width     int
	height    int
}

// New returns the view of l's notes at the first step, waiting for a presenter.
func New(l *content.Lesson, s *views.Styles) Model {
	return Model{KeyMap: DefaultKeyMap(), lesson: l, styles: s}
}

// SetSize fits the view to the window.
func (m *Model) SetSize(width, height int) { m.width, m.height = width, height }

// SetStep shows the notes of step (zero-based) and marks the presenter connected.
func (m *Model) SetStep(step int) {
	m.step, m.connected = step, true
}

// SetConnected says whether a presenter is connected.
func (m *Model) SetConnected(c bool) { m.connected = c }

// SetElapsed sets the clock.
func (m *Model) SetElapsed(d time.Duration) { m.elapsed = d }

// Update handles a key (only quitting does anything) or new styles. It
// reports tea.QuitMsg or nil.
func (m Model) Update(msg tea.Msg) (Model, tea.Msg) {
	switch msg := msg.(type) {
	case ui.StylesMsg:
		m.styles = msg.Styles
	case tea.KeyPressMsg:
		if key.Matches(msg, m.KeyMap.Quit) {
			return m, tea.QuitMsg{}
		}
	}
	return m, nil
}

// View draws the whole window.
func (m Model) View() string {
	s := *m.styles
	width := min(m.width, ui.MaxTextWidth)
	total := len(m.lesson.Steps)
	var b strings.Builder
	status := s.Warning.Render("waiting for the presenter (jakstat --present)")
	if m.connected {
		status = s.Muted.Render("following the presenter")
	}
	clock := views.Clock(m.elapsed)
	st := m.lesson.Steps[m.step]
	head := fmt.Sprintf("Speaker notes · step %d/%d", m.step+1, total)
	b.WriteString(s.AppName.Render(views.Truncate(head, width-len(clock)-1)) + strings.Repeat(" ", max(width-ansi.StringWidth(head)-len(clock), 1)) + s.Counter.Render(clock) + "\n")
	b.WriteString(s.Title.Render(views.Truncate(st.Title, width)) + "\n\n")
	notes := strings.TrimSpace(st.Notes)
	if notes == "" {
		notes = "No notes for this step."
	}
	b.WriteString(s.Value.Render(views.Wrap(notes, width)) + "\n\n")
	if m.step+1 < total {
		b.WriteString(s.Label.Render("Next: ") + s.Value.Render(views.Truncate(m.lesson.Steps[m.step+1].Title, width-6)) + "\n")
	} else {
		b.WriteString(s.Label.Render("Next: the end of the lesson") + "\n")
	}
	lines := views.SplitLines(strings.TrimRight(b.String(), "\n"))
	body := views.Window(lines, 0, max(m.height-2, 1))
	return body + "\n\n" + views.Truncate(status, m.width)
}
