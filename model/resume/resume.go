// Package resume is the "welcome back" screen: a learner with saved
// progress is offered their place, or the beginning.
package resume

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"jakstat/model/internal/ui"
	"jakstat/views"
)

// KeyMap is the screen's keys; its help is generated from it.
type KeyMap struct {
	Resume    key.Binding
	StartOver key.Binding
	Quit      key.Binding
}

// DefaultKeyMap returns the screen's standard keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Resume:    key.NewBinding(key.WithKeys("enter", "y"), key.WithHelp("enter", "pick up there")),
		StartOver: key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "start from the beginning")),
		Quit:      ui.Quit(),
	}
}

// ShortHelp is the screen's help bar.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Resume, k.StartOver} }

// FullHelp is every key of the screen.
func (k KeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Resume, k.StartOver, k.Quit}} }

// ChoiceMsg reports the learner's choice: pick up at Step (zero-based), or
// start from the beginning (keeping the answers given so far).
type ChoiceMsg struct {
	Resume bool
	Step   int
}

// Model is the screen.
type Model struct {
	KeyMap KeyMap

	styles    *views.Styles
	step      int // zero-based
	total     int
	title     string
	answered  int // checks the learner has answered, kept either way
	questions int // checks in the lesson
	width     int
	height    int
	panel     ui.Pane
}

// New offers step (zero-based) of total, titled title, to a learner who
// has answered answered of the lesson's questions checks.
func New(step, total int, title string, answered, questions int, s *views.Styles) Model {
	return Model{KeyMap: DefaultKeyMap(), styles: s, step: step, total: total, title: title,
		answered: answered, questions: questions}
}

// SetSize fits the screen to the content area.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.render()
}

func (m *Model) render() {
	top := m.panel.Top()
	text := views.Resume(*m.styles, m.step+1, m.total, m.title, m.answered, m.questions, min(m.width, ui.MaxTextWidth))
	m.panel = ui.NewPane(text, m.width, m.height)
	m.panel.ScrollTo(top)
}

// Update handles a key, the mouse wheel or new styles; it reports a ChoiceMsg or
// tea.QuitMsg for the lesson to act on, or nil.
func (m Model) Update(msg tea.Msg) (Model, tea.Msg) {
	switch msg := msg.(type) {
	case ui.StylesMsg:
		m.styles = msg.Styles
		m.render()
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.KeyMap.Quit):
			return m, tea.QuitMsg{}
		case key.Matches(msg, m.KeyMap.Resume):
			return m, ChoiceMsg{Resume: true, Step: m.step}
		case key.Matches(msg, m.KeyMap.StartOver):
			return m, ChoiceMsg{}
		}
	case tea.MouseWheelMsg:
		m.panel.Wheel(msg)
	}
	return m, nil
}

// View is the content area.
func (m Model) View() string { return m.panel.View() }

// ShortHelp is what the help bar offers now.
func (m Model) ShortHelp() []key.Binding { return m.KeyMap.ShortHelp() }

// Scrolled counts the lines out of sight above and below.
func (m Model) Scrolled() (above, below int) { return m.panel.Above(), m.panel.Below() }
