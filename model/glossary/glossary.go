// Package glossary is the glossary screen: type to filter the terms; those
// used on the current step come first; enter goes to a step using one.
package glossary

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"jakstat/content"
	"jakstat/model/internal/ui"
	"jakstat/views"
)

// KeyMap is the screen's keys: the keys of every list screen. Letters are
// typed, so only ctrl+c quits here.
type KeyMap = ui.ListKeys

// DefaultKeyMap returns the screen's standard keys.
func DefaultKeyMap() KeyMap { return ui.DefaultListKeys() }

// GoMsg reports that the learner chose a term: open Step (zero-based), the
// next step using it.
type GoMsg struct{ Step int }

// CloseMsg reports that the learner closed the glossary (or chose a term
// no step uses).
type CloseMsg struct{}

// Model is the screen.
type Model struct {
	KeyMap KeyMap

	lesson  *content.Lesson
	styles  *views.Styles
	steps   [][]int // per term, the steps using it; worked out when first opened
	list    ui.List
	current int // the step the learner is on
	order   []int
	width   int
	height  int
	view    string
}

// New returns the glossary of l.
func New(l *content.Lesson, s *views.Styles) Model {
	return Model{KeyMap: DefaultKeyMap(), lesson: l, styles: s, list: ui.NewList()}
}

// Open shows the glossary afresh from step current (zero-based).
func (m Model) Open(current int) Model {
	if m.steps == nil {
		m.steps = m.lesson.TermSteps()
	}
	m.list, m.current = ui.NewList(), current
	m.render()
	return m
}

// SetSize fits the screen to the content area.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.render()
}

// SetStyles redraws the screen in new styles.
func (m *Model) SetStyles(s *views.Styles) {
	m.styles = s
	m.render()
}

// Update handles a key or a paste. It reports GoMsg, CloseMsg or
// tea.QuitMsg for the lesson to act on, or nil.
func (m Model) Update(msg tea.Msg) (Model, tea.Msg) {
	list, act, redraw := m.list.Update(msg, m.KeyMap)
	m.list = list
	switch act {
	case ui.ListQuit:
		return m, tea.QuitMsg{}
	case ui.ListClose:
		return m, CloseMsg{}
	case ui.ListGo:
		if len(m.order) == 0 {
			return m, nil
		}
		used := m.steps[m.order[m.list.Sel]]
		if len(used) == 0 {
			return m, CloseMsg{}
		}
		return m, GoMsg{Step: content.NextUse(used, m.current)}
	}
	if redraw {
		m.render()
	}
	return m, nil
}

func (m *Model) render() {
	if m.steps == nil {
		return // not opened yet
	}
	m.order = m.lesson.GlossaryOrder(m.steps, m.list.Input.Value(), m.current)
	m.list.Sel = ui.Clamp(m.list.Sel, len(m.order))
	m.view = views.Glossary(*m.styles, m.lesson, m.steps, m.order, m.list.Sel, m.current, m.list.Input.Field(), min(m.width, ui.MaxTextWidth), m.height)
}

// View is the content area.
func (m Model) View() string { return m.view }

// ShortHelp is what the help bar offers now.
func (m Model) ShortHelp() []key.Binding { return m.KeyMap.ShortHelp() }

// Scrolled counts the lines out of sight: the list keeps its selection in
// view, so none are reported.
func (m Model) Scrolled() (above, below int) { return 0, 0 }
