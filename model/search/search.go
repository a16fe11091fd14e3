// Package search is the "/" screen: type to search every step's text,
// tables and speaker notes; the hits update as you type.
package search

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

// GoMsg reports the search to keep: its query, and which hit to open.
type GoMsg struct {
	Query string
	Hit   int
}

// CloseMsg reports that the learner closed the search.
type CloseMsg struct{}

// Model is the screen.
type Model struct {
	KeyMap KeyMap

	styles *views.Styles
	index  []content.SearchLine
	list   ui.List
	hits   []int
	width  int
	height int
	view   string
}

// New returns the screen; the lesson's index is built when it first opens.
func New(s *views.Styles) Model {
	return Model{KeyMap: DefaultKeyMap(), styles: s, list: ui.NewList()}
}

// Open starts a new search in l, building the index the first time.
func (m Model) Open(l *content.Lesson) Model {
	if m.index == nil {
		m.index = l.SearchIndex()
	}
	m.list = ui.NewList()
	m.render()
	return m
}

// Index is every searchable line of the lesson (nil until the first Open).
func (m Model) Index() []content.SearchLine { return m.index }

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
		if len(m.hits) == 0 {
			return m, nil
		}
		return m, GoMsg{Query: m.list.Input.Value(), Hit: m.list.Sel}
	}
	if redraw {
		m.render()
	}
	return m, nil
}

func (m *Model) render() {
	m.hits = content.Search(m.index, m.list.Input.Value())
	m.list.Sel = ui.Clamp(m.list.Sel, len(m.hits))
	m.view = views.SearchResults(*m.styles, m.index, m.hits, m.list.Sel, m.list.Input.Field(), m.width, m.height)
}

// View is the content area.
func (m Model) View() string { return m.view }

// ShortHelp is what the help bar offers now.
func (m Model) ShortHelp() []key.Binding { return m.KeyMap.ShortHelp() }

// Scrolled counts the lines out of sight: the hit list keeps its
// selection in view, so none are reported.
func (m Model) Scrolled() (above, below int) { return 0, 0 }
