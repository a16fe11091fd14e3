// Package search is the "/" screen: type to search every step's text,
// tables and speaker notes; the hits update as you type.
package search

import (
	tea "charm.land/bubbletea/v2"

	"jakstat/content"
	"jakstat/model/internal/ui"
	"jakstat/views"
)

// GoMsg reports the search to keep: its query, and which hit to open.
type GoMsg struct {
	Query string
	Hit   int
}

// CloseMsg reports that the learner closed the search.
type CloseMsg struct{}

// Model is the screen. Its KeyMap is every list screen's: ↑/↓ and
// pgup/pgdn move, enter goes, esc closes, ctrl+c quits; letters are typed.
type Model struct {
	ui.ListScreen[hits]
}

// hits are the lesson's lines that match the query.
type hits struct{ index []content.SearchLine }

func (h hits) Find(query string) []int { return content.Search(h.index, query) }

func (h hits) Draw(s views.Styles, found []int, sel int, typed views.Field, width, height int) string {
	return views.SearchResults(s, h.index, found, sel, typed, width, height)
}

func (hits) Choose(_ []int, sel int, query string) tea.Msg { return GoMsg{Query: query, Hit: sel} }

func (hits) Close() tea.Msg { return CloseMsg{} }

// New returns the screen; the lesson's index is built when it first opens.
func New(s *views.Styles) Model { return Model{ui.NewListScreen(hits{}, s)} }

// Open starts a new search in l, building the index the first time.
func (m Model) Open(l *content.Lesson) Model {
	index := m.Matches.index
	if index == nil {
		index = l.SearchIndex()
	}
	m.ListScreen = m.Reset(hits{index: index})
	return m
}

// Index is every searchable line of the lesson (nil until the first Open).
func (m Model) Index() []content.SearchLine { return m.Matches.index }

// Update handles a key, a paste or new styles. It reports GoMsg, CloseMsg
// or tea.QuitMsg for the lesson to act on, or nil.
func (m Model) Update(msg tea.Msg) (Model, tea.Msg) {
	var out tea.Msg
	m.ListScreen, out = m.ListScreen.Update(msg)
	return m, out
}
