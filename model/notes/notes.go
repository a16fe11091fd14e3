// Package notes is the presenter's console: a second window showing the
// current step's speaker notes, the next step's title and the clock,
// following the presenter's lesson; in a classroom also who is in the room
// and where, and during a check its question, answer and live spread.
package notes

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jakstat/content"
	"jakstat/model/internal/ui"
	"jakstat/model/live"
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
	check     live.Check  // the check the presenter has open, if any
	room      live.Status // the classroom, when there is one
	inRoom    bool
	blank     bool // the presenter's screen is blanked
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

// SetCheck shows the check the presenter has open (a zero Check: none).
func (m *Model) SetCheck(c live.Check) { m.check = c }

// SetBlank says whether the presenter's screen is blanked.
func (m *Model) SetBlank(b bool) { m.blank = b }

// SetRoom shows how the classroom stands.
func (m *Model) SetRoom(s live.Status) { m.room, m.inRoom = s, true }

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

// View draws the whole window: the heading and clock, the notes and the
// next step's title, then the check and the room, and the link's state
// at the bottom. The notes give way when the window is short.
func (m Model) View() string {
	if m.height <= 0 {
		return ""
	}
	s := *m.styles
	width := min(m.width, ui.MaxTextWidth)
	total := len(m.lesson.Steps)
	var status string
	switch {
	case m.inRoom && !m.room.Teacher:
		status = s.Warning.Render("no presenter in the room yet; the notes follow one who signs in")
	case !m.connected && !m.inRoom:
		status = s.Warning.Render("waiting for the presenter (jakstat --present)")
	case m.blank:
		status = s.Warning.Render("following the presenter · the screen is blanked (b brings it back)")
	default:
		status = s.Muted.Render("following the presenter")
	}
	clock := views.Clock(m.elapsed)
	st := m.lesson.Steps[m.step]
	head := fmt.Sprintf("Speaker notes · step %d/%d", m.step+1, total)
	top := []string{
		s.AppName.Render(views.Truncate(head, width-len(clock)-1)) + strings.Repeat(" ", max(width-ansi.StringWidth(head)-len(clock), 1)) + s.Counter.Render(clock),
		s.Title.Render(views.Truncate(st.Title, width)), "",
	}
	notes := strings.TrimSpace(st.Notes)
	if notes == "" {
		notes = "No notes for this step."
	}
	next := s.Label.Render("Next: the end of the lesson")
	if m.step+1 < total {
		next = s.Label.Render("Next: ") + s.Value.Render(views.Truncate(m.lesson.Steps[m.step+1].Title, width-6))
	}
	var bottom []string
	if q := m.lesson.QuestionIndex(m.check.Question); m.check.Open() && q >= 0 {
		c := m.check
		bottom = append(bottom, "")
		bottom = append(bottom, views.SplitLines(views.CheckSummary(s, m.lesson.Questions[q], views.ConsoleCheck{
			Vote: c.Vote, Answered: c.Answered, Students: c.Students, Room: m.inRoom, Revealed: c.Revealed, Spreads: c.Spreads,
		}, width))...)
	}
	if m.inRoom {
		bottom = append(bottom, "")
		bottom = append(bottom, views.SplitLines(views.RoomDetail(s, m.room.Students, m.room.Following, m.room.Exploring, width))...)
	}
	bottom = append(bottom, "", views.Truncate(status, m.width))
	// The next step's title stays in view and long notes are cut; in a
	// window too short for the notes beside a check, the check wins, and
	// the link's state is always the last line.
	lines := top
	if room := m.height - len(top) - len(bottom) - 2; room > 0 {
		text := views.SplitLines(s.Value.Render(views.Wrap(notes, width)))
		if len(text) > room {
			text = append(text[:room-1], s.Muted.Render(views.Truncate("… (the notes go on: a taller window shows more)", width)))
		}
		lines = slices.Concat(top, text, []string{"", next})
	}
	if fill := m.height - len(lines) - len(bottom); fill > 0 {
		lines = append(lines, make([]string, fill)...)
	}
	lines = append(lines, bottom...)
	if len(lines) > m.height {
		lines = append(lines[:m.height-1], lines[len(lines)-1])
	}
	return views.Window(lines, 0, m.height)
}
