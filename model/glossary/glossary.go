// Package glossary is the glossary screen: type to filter the terms; those
// used on the current step come first; enter goes to a step using one.
package glossary

import (
	tea "charm.land/bubbletea/v2"

	"jakstat/content"
	"jakstat/model/internal/ui"
	"jakstat/views"
)

// GoMsg reports that the learner chose a term: open Step (zero-based), the
// next step using it.
type GoMsg struct{ Step int }

// CloseMsg reports that the learner closed the glossary (or chose a term
// no step uses).
type CloseMsg struct{}

// Model is the screen. Its KeyMap is every list screen's: ↑/↓ and
// pgup/pgdn move, enter goes, esc closes, ctrl+c quits; letters are typed.
type Model struct {
	ui.ListScreen[terms]
}

// terms are the glossary's terms that match the filter, those on the
// current step first.
type terms struct {
	lesson  *content.Lesson
	steps   [][]int // per term, the steps using it
	current int     // the step the learner is on
}

func (t terms) Find(filter string) []int {
	if t.steps == nil {
		return nil // not opened yet
	}
	return t.lesson.GlossaryOrder(t.steps, filter, t.current)
}

func (t terms) Draw(s views.Styles, order []int, sel int, typed views.Field, width, height int) string {
	return views.Glossary(s, t.lesson, t.steps, order, sel, t.current, typed, min(width, ui.MaxTextWidth), height)
}

func (t terms) Choose(order []int, sel int, _ string) tea.Msg {
	used := t.steps[order[sel]]
	if len(used) == 0 {
		return CloseMsg{}
	}
	return GoMsg{Step: content.NextUse(used, t.current)}
}

func (terms) Close() tea.Msg { return CloseMsg{} }

// New returns the glossary of l.
func New(l *content.Lesson, s *views.Styles) Model {
	return Model{ui.NewListScreen(terms{lesson: l}, s)}
}

// Open shows the glossary afresh from step current (zero-based), working
// out which steps use each term the first time.
func (m Model) Open(current int) Model {
	t := m.Matches
	if t.steps == nil {
		t.steps = t.lesson.TermSteps()
	}
	t.current = current
	m.ListScreen = m.Reset(t)
	return m
}

// Update handles a key, a paste or new styles. It reports GoMsg, CloseMsg
// or tea.QuitMsg for the lesson to act on, or nil.
func (m Model) Update(msg tea.Msg) (Model, tea.Msg) {
	var out tea.Msg
	m.ListScreen, out = m.ListScreen.Update(msg)
	return m, out
}
