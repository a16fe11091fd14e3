package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// ListKeys are the keys of a screen that lists matches for typed text (the
// search, the glossary): move through them, open one, close. Letters are
// typed, so only ctrl+c quits.
type ListKeys struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Go       key.Binding
	Close    key.Binding
	Quit     key.Binding
}

// DefaultListKeys returns the standard list keys.
func DefaultListKeys() ListKeys {
	return ListKeys{
		Up:       key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "previous")),
		Down:     key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "next")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "ten back")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "ten on")),
		Go:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go to the step")),
		Close:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		Quit:     Interrupt(),
	}
}

// ShortHelp is a list screen's help bar.
func (k ListKeys) ShortHelp() []key.Binding {
	return []key.Binding{Combine("↑/↓", "move", k.Up, k.Down), k.Go, k.Close}
}

// FullHelp is every key of a list screen.
func (k ListKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.Go, k.Close, k.Quit}}
}

// pageRows is how far PageUp and PageDown move a list's selection.
const pageRows = 10

// ListAction is what a key asks of a list screen beyond moving and typing.
type ListAction int

// The actions.
const (
	ListNone ListAction = iota
	ListGo
	ListClose
	ListQuit
)

// List is a list screen's typed text and selection. The screen keeps the
// selection within its matches when it redraws.
type List struct {
	Input Input
	Sel   int
}

// Update applies a key or a paste: selection keys move Sel, anything else
// edits the text (and selects the first match again). It returns what the
// key asks and whether the screen must redraw.
func (l List) Update(msg tea.Msg, k ListKeys) (List, ListAction, bool) {
	if msg, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(msg, k.Quit):
			return l, ListQuit, false
		case key.Matches(msg, k.Close):
			return l, ListClose, false
		case key.Matches(msg, k.Go):
			return l, ListGo, false
		case key.Matches(msg, k.Up):
			l.Sel--
			return l, ListNone, true
		case key.Matches(msg, k.Down):
			l.Sel++
			return l, ListNone, true
		case key.Matches(msg, k.PageUp):
			l.Sel -= pageRows
			return l, ListNone, true
		case key.Matches(msg, k.PageDown):
			l.Sel += pageRows
			return l, ListNone, true
		}
	}
	text := l.Input.Value()
	var changed bool
	if l.Input, changed = l.Input.Update(msg); l.Input.Value() != text {
		l.Sel = 0
	}
	return l, ListNone, changed
}
