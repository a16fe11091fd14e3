package live

import (
	"charm.land/bubbles/v2/key"

	"jakstat/model/internal/ui"
)

// KeyMap is every key of the live check, the teacher's and a student's.
// Which are enabled depends on who is looking and where the check is, so
// the help bar only offers what works and no two enabled bindings share a
// key.
type KeyMap struct {
	Choose   key.Binding // a student: send a choice by its number, or place an order's next item
	Up       key.Binding // a student's highlight up; otherwise scroll up
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Send     key.Binding // a student: send the highlighted choice, or the order placed
	Undo     key.Binding // a student, an order question: take back the last item
	Hide     key.Binding // a student: back to the lesson; the question stays open
	Reveal   key.Binding // the teacher: show everyone the spread and the answer
	Revote   key.Binding // the teacher: everyone votes again (once answers are in, before the reveal)
	Next     key.Binding // the teacher: the next question, or back to the lesson
	End      key.Binding // the teacher: end the check here
	Quit     key.Binding
}

// DefaultKeyMap returns the standard keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Choose:   ui.Digits("send"),
		Up:       ui.Up(),
		Down:     ui.Down(),
		PageUp:   ui.PageUp(),
		PageDown: ui.PageDown(),
		Send:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "send")),
		Undo:     key.NewBinding(key.WithKeys("backspace"), key.WithHelp("backspace", "undo")),
		Hide:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the lesson")),
		Reveal:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "reveal the answers")),
		Revote:   key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "vote again")),
		Next:     key.NewBinding(key.WithKeys("enter", "right", "l", "space"), key.WithHelp("enter", "go on")),
		End:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "end the check")),
		Quit:     ui.Quit(),
	}
}

// ShortHelp is a student's help bar while answering.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Choose, ui.Combine("↑/↓", "move", k.Up, k.Down), k.Send, k.Hide}
}

// FullHelp is every key, the student's then the teacher's.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Choose, k.Up, k.Down, k.Send, k.Undo, k.Hide},
		{k.Reveal, k.Revote, k.Next, k.End},
		{k.PageUp, k.PageDown, k.Quit},
	}
}
