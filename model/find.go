package model

import (
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jakstat/content"
	"jakstat/views"
)

// The last search stays with the lesson after its screen closes: n and N
// go through its matches, and the step's text shows them highlighted.

// gotoHit opens the step of the current search hit with the match in view.
func (m Model) gotoHit() (Model, tea.Cmd) {
	index := m.search.Index()
	hits := content.Search(index, m.found.query)
	if len(hits) == 0 {
		return m, nil
	}
	m.found.hit = (m.found.hit%len(hits) + len(hits)) % len(hits)
	m.found.of = len(hits)
	next, cmd := m.goStep(index[hits[m.found.hit]].Step) // lays out the text with the match highlighted
	next.scrollToMatch()
	return next, cmd
}

// nextHit goes to the next match of the last search, or the previous one.
func (m Model) nextHit(forward bool) (Model, tea.Cmd) {
	if forward {
		m.found.hit++
	} else {
		m.found.hit--
	}
	return m.gotoHit()
}

// scrollToMatch scrolls the text so the first line showing the match is near the top.
func (m *Model) scrollToMatch() {
	for i, ln := range m.panes.text.Lines() {
		if content.StartsWord(ansi.Strip(ln), m.found.query) {
			m.panes.text.ScrollTo(i - 2)
			return
		}
	}
}

// highlight marks the search matches in the text pane's lines.
func (m *Model) highlight() {
	if m.found.query == "" {
		return
	}
	for i, ln := range m.panes.text.Lines() {
		if plain := ansi.Strip(ln); content.StartsWord(plain, m.found.query) {
			m.panes.text.SetLine(i, views.Highlight(*m.styles, plain, m.found.query))
		}
	}
}
