package model

import "charm.land/bubbles/v2/key"

// KeyMap is every key the lesson answers to. The help bar and the full help
// screen are generated from it, so a binding's keys and its help never drift.
// Keys that later features claim (/ n N b) are deliberately unbound.
type KeyMap struct {
	Next     key.Binding
	Prev     key.Binding
	First    key.Binding
	Last     key.Binding
	Count    key.Binding // a number before G (or g) jumps to that step
	Jump     key.Binding
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Focus    key.Binding
	Select   key.Binding
	Back     key.Binding
	Help     key.Binding
	Quit     key.Binding
	Explore  key.Binding

	// Scene keys, enabled on steps with a scene.
	Pause     key.Binding
	Replay    key.Binding
	FrameBack key.Binding
	FrameFwd  key.Binding
}

// DefaultKeyMap returns the lesson's standard keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next:     key.NewBinding(key.WithKeys("right", "l", "space"), key.WithHelp("→/l/space", "next")),
		Prev:     key.NewBinding(key.WithKeys("left", "h", "backspace"), key.WithHelp("←/h", "back")),
		First:    key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/home", "first step")),
		Last:     key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G/end", "last step")),
		Count:    key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("3G", "go to step 3")),
		Jump:     key.NewBinding(key.WithKeys(":"), key.WithHelp(":", "go to step…")),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Focus:    key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "text/table")),
		Select:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "details")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Explore:  key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "explore tables")),

		Pause:     key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "pause/play")),
		Replay:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "replay")),
		FrameBack: key.NewBinding(key.WithKeys(","), key.WithHelp(",", "frame back")),
		FrameFwd:  key.NewBinding(key.WithKeys("."), key.WithHelp(".", "frame on")),
	}
}

// ShortHelp is the one-line help bar: the keys a learner needs right now.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Prev, k.Down, k.Pause, k.Replay, k.FrameBack, k.FrameFwd, k.Focus, k.Select, k.Back, k.Explore, k.Help, k.Quit}
}

// FullHelp is the "?" screen, one column per kind of key.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Next, k.Prev, k.First, k.Last, k.Count, k.Jump},
		{k.Up, k.Down, k.PageUp, k.PageDown},
		{k.Pause, k.Replay, k.FrameBack, k.FrameFwd},
		{k.Focus, k.Select, k.Back, k.Explore, k.Help, k.Quit},
	}
}
