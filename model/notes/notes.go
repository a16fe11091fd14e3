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

// KeyMap is the view's keys: it follows the presenter, and scrolls notes
// too long for the window.
type KeyMap struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Quit     key.Binding
}

// DefaultKeyMap returns the view's standard keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{Up: ui.Up(), Down: ui.Down(), PageUp: ui.PageUp(), PageDown: ui.PageDown(), Quit: ui.Quit()}
}

// ShortHelp is the view's help bar: scrolling, and quitting.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{ui.Combine("↑/↓", "scroll the notes", k.Up, k.Down), ui.Combine("pgup/pgdn", "page", k.PageUp, k.PageDown), k.Quit}
}

// FullHelp is every key of the view.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Quit}}
}

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
	scroll    int  // the first line of the notes shown
}

// New returns the view of l's notes at the first step, waiting for a presenter.
func New(l *content.Lesson, s *views.Styles) Model {
	return Model{KeyMap: DefaultKeyMap(), lesson: l, styles: s}
}

// SetSize fits the view to the window.
func (m *Model) SetSize(width, height int) { m.width, m.height = width, height }

// SetStep shows the notes of step (zero-based), from their top, and marks
// the presenter connected.
func (m *Model) SetStep(step int) {
	if step != m.step {
		m.scroll = 0
	}
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

// Update handles a key (scrolling the notes, quitting), the mouse wheel
// or new styles. It reports tea.QuitMsg or nil.
func (m Model) Update(msg tea.Msg) (Model, tea.Msg) {
	k := m.KeyMap
	text, room := m.notesLines()
	page := max(room-1, 1)
	switch msg := msg.(type) {
	case ui.StylesMsg:
		m.styles = msg.Styles
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelUp:
			m.scroll -= 3
		case tea.MouseWheelDown:
			m.scroll += 3
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Quit):
			return m, tea.QuitMsg{}
		case key.Matches(msg, k.Up):
			m.scroll--
		case key.Matches(msg, k.Down):
			m.scroll++
		case key.Matches(msg, k.PageUp):
			m.scroll -= page
		case key.Matches(msg, k.PageDown):
			m.scroll += page
		}
	}
	m.scroll = min(max(m.scroll, 0), max(len(text)-page, 0))
	return m, nil
}

// ShortHelp is the help bar now: scrolling only while the notes are
// longer than the window has room for.
func (m Model) ShortHelp() []key.Binding {
	if text, room := m.notesLines(); room > 0 && len(text) > room {
		return m.KeyMap.ShortHelp()
	}
	return []key.Binding{m.KeyMap.Quit}
}

// notesLines is the step's notes wrapped to the view, and how many lines
// the window has for them (0 or less: none; the check and the room come
// first).
func (m Model) notesLines() (text []string, room int) {
	if m.height <= 0 || m.styles == nil {
		return nil, 0
	}
	notes := strings.TrimSpace(m.lesson.Steps[m.step].Notes)
	if notes == "" {
		notes = "No notes for this step."
	}
	text = views.SplitLines(m.styles.Value.Render(views.Wrap(notes, m.width0())))
	// The next step's title and the blank line over it, and the help bar.
	return text, m.height - len(m.top()) - len(m.bottom()) - 3
}

// width0 is the width the notes wrap to.
func (m Model) width0() int { return min(m.width, ui.MaxTextWidth) }

// top is the heading and clock, and the step's title.
func (m Model) top() []string {
	s, width := *m.styles, m.width0()
	clock := views.Clock(m.elapsed)
	head := fmt.Sprintf("Speaker notes · step %d/%d", m.step+1, len(m.lesson.Steps))
	return []string{
		s.AppName.Render(views.Truncate(head, width-len(clock)-1)) + strings.Repeat(" ", max(width-ansi.StringWidth(head)-len(clock), 1)) + s.Counter.Render(clock),
		s.Title.Render(views.Truncate(m.lesson.Steps[m.step].Title, width)), "",
	}
}

// bottom is the check and the room, and the link's state; the help bar
// goes under it.
func (m Model) bottom() []string {
	s, width := *m.styles, m.width0()
	var status string
	switch {
	case m.inRoom && !m.room.Teacher:
		status = s.Warning.Render("no presenter in the room yet; the notes follow one who signs in")
	case !m.connected && !m.inRoom:
		status = s.Warning.Render("waiting for the presenter (jakstat --present)")
	case m.blank:
		status = s.Warning.Render("the screen is blanked (b brings it back)")
	default:
		status = s.Muted.Render("following the presenter")
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
	return append(bottom, "", views.Truncate(status, m.width))
}

// helpBar is the view's keys, generated from its bindings.
func (m Model) helpBar() string { return views.HelpBar(*m.styles, m.ShortHelp(), m.width) }

// View draws the whole window: the heading and clock, the notes and the
// next step's title, then the check and the room, the link's state and
// the help bar at the bottom. The notes give way when the window is
// short, and scroll when they are long.
func (m Model) View() string {
	if m.height <= 0 {
		return ""
	}
	s := *m.styles
	total := len(m.lesson.Steps)
	top, bottom := m.top(), append(m.bottom(), m.helpBar())
	next := s.Label.Render("Next: the end of the lesson")
	if m.step+1 < total {
		next = s.Label.Render("Next: ") + s.Value.Render(views.Truncate(m.lesson.Steps[m.step+1].Title, m.width0()-6))
	}
	// The next step's title stays in view and long notes scroll; in a
	// window too short for the notes beside a check, the check wins, and
	// the link's state and the help bar are always the last lines.
	lines := top
	if text, room := m.notesLines(); room > 0 {
		shown := text
		if len(text) > room {
			page := room - 1
			first := min(m.scroll, len(text)-page)
			shown = append(slices.Clone(text[first:first+page]), s.Overflow.Render(scrollNote(first, len(text)-first-page)))
		}
		lines = slices.Concat(top, shown, []string{"", next})
	}
	if fill := m.height - len(lines) - len(bottom); fill > 0 {
		lines = append(lines, make([]string, fill)...)
	}
	lines = append(lines, bottom...)
	if len(lines) > m.height {
		lines = append(lines[:max(m.height-2, 0)], lines[len(lines)-2:]...)
	}
	return views.Window(lines, 0, m.height)
}

// scrollNote says how much of the notes is out of sight.
func scrollNote(above, below int) string {
	var parts []string
	if above > 0 {
		parts = append(parts, fmt.Sprintf("▲ %d above", above))
	}
	if below > 0 {
		parts = append(parts, fmt.Sprintf("▼ %d more below", below))
	}
	return strings.Join(parts, "  ")
}
