package quiz

import (
	"charm.land/bubbles/v2/key"

	"jakstat/model/internal/ui"
)

// KeyMap is every key of the question and score screens. Which bindings
// are enabled depends on the screen's state (a question open or answered,
// an order question, a presenter's room), so the help bar only offers
// what works and no two enabled bindings share a key.
type KeyMap struct {
	Choose   key.Binding // a choice by its number: answers at once (a presenter's marks the room's guess; an order's places the next item)
	Up       key.Binding // the highlight up; once answered, scroll up
	Down     key.Binding // the highlight down; once answered, scroll down
	PageUp   key.Binding // scroll the feedback or the score
	PageDown key.Binding
	Answer   key.Binding
	Reveal   key.Binding // a presenter shows the answer
	Undo     key.Binding // an order question: take back the last pick
	Continue key.Binding
	GoStep   key.Binding // open the step that teaches the question
	Skip     key.Binding
	Review   key.Binding // from the score: ask the missed questions again
	Leave    key.Binding // from the score: back to the lesson
	Quit     key.Binding
}

// DefaultKeyMap returns the standard keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Choose:   ui.Digits("answer"),
		Up:       ui.Up(),
		Down:     ui.Down(),
		PageUp:   ui.PageUp(),
		PageDown: ui.PageDown(),
		Answer:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "answer")),
		Reveal:   key.NewBinding(key.WithKeys("a", "enter"), key.WithHelp("a", "reveal the answer")),
		Undo:     key.NewBinding(key.WithKeys("backspace"), key.WithHelp("backspace", "undo")),
		Continue: key.NewBinding(key.WithKeys("enter", "right", "space", "l"), key.WithHelp("enter", "go on")),
		GoStep:   key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "view the step")),
		Skip:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "skip")),
		Review:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "review missed")),
		Leave:    key.NewBinding(key.WithKeys("esc", "enter", "space", "right", "l", "left", "h"), key.WithHelp("esc", "back to the lesson")),
		Quit:     ui.Quit(),
	}
}

// ShortHelp is the help bar of a question not yet answered.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Choose, ui.Combine("↑/↓", "move", k.Up, k.Down), k.Answer, k.Skip}
}

// FullHelp is every key, one group per screen state.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Choose, k.Up, k.Down, k.Answer, k.Reveal, k.Undo, k.Skip},
		{k.Continue, k.GoStep, k.PageUp, k.PageDown},
		{k.Review, k.Leave, k.Quit},
	}
}
