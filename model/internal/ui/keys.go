package ui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
)

// The bindings every screen shares. Each call returns a new binding, so a
// screen can relabel or disable its own copy without touching another's.

// Quit is q or ctrl+c, for screens that take no typing.
func Quit() key.Binding {
	return key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit"))
}

// Interrupt is ctrl+c alone, for screens where q is typed text.
func Interrupt() key.Binding {
	return key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit"))
}

// Up scrolls or moves up a line.
func Up() key.Binding {
	return key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up"))
}

// Down scrolls or moves down a line.
func Down() key.Binding {
	return key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down"))
}

// PageUp scrolls or moves up a page.
func PageUp() key.Binding {
	return key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up"))
}

// PageDown scrolls or moves down a page.
func PageDown() key.Binding {
	return key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down"))
}

// Digits is 1 to 9, a choice by its number, described as desc.
func Digits(desc string) key.Binding {
	return key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", desc))
}

// DigitsUpTo narrows a Digits binding to the n choices there are: its keys
// are 1 to n, and its help says so ("1/2", "1-4"), so a question with two
// choices never offers nine.
func DigitsUpTo(b *key.Binding, n int) {
	n = min(max(n, 1), 9)
	keys := make([]string, n)
	for i := range keys {
		keys[i] = strconv.Itoa(i + 1)
	}
	label := keys[0]
	switch {
	case n == 2:
		label = "1/2"
	case n > 2:
		label = "1-" + keys[n-1]
	}
	enabled := b.Enabled()
	b.SetKeys(keys...)
	b.SetHelp(label, b.Help().Desc)
	b.SetEnabled(enabled)
}

// Help opens or closes every key.
func Help() key.Binding {
	return key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys"))
}

// Combine is one help-bar entry standing for several bindings (↑ and ↓ as
// "↑/↓ move"): its keys are theirs, and it is enabled while any of them
// is. It is for showing only; the screen matches the bindings themselves.
func Combine(helpKey, desc string, bs ...key.Binding) key.Binding {
	var keys []string
	enabled := false
	for _, b := range bs {
		keys = append(keys, b.Keys()...)
		enabled = enabled || b.Enabled()
	}
	out := key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
	out.SetEnabled(enabled)
	return out
}
