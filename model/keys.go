package model

import (
	"charm.land/bubbles/v2/key"

	"jakstat/model/internal/ui"
)

// KeyMap is every key of the step screen. The help bar and the "?" screen
// are generated from it, so a binding's keys and its help never drift.
// Each other screen has its own KeyMap in its package.
type KeyMap struct {
	Next     key.Binding
	Prev     key.Binding
	First    key.Binding
	Last     key.Binding
	Count    key.Binding // a number before G (or g, or enter) jumps to that step
	Jump     key.Binding
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Focus    key.Binding
	Select   key.Binding // a table row's details; on the text, the next step
	Back     key.Binding
	Help     key.Binding
	Quit     key.Binding
	Explore  key.Binding

	Search   key.Binding
	Glossary key.Binding
	NextHit  key.Binding
	PrevHit  key.Binding

	// Scene keys, enabled while a step's scene is drawn (z draws it when
	// the window is too small to draw it beside the text).
	Pause     key.Binding
	Replay    key.Binding
	StageBack key.Binding // the previous caption stage
	StageOn   key.Binding // the next caption stage
	FrameBack key.Binding // one frame, for pausing mid-movement
	FrameFwd  key.Binding
	Zoom      key.Binding // the scene alone, filling the window

	// BackToCheck returns to the question the learner left with v.
	BackToCheck key.Binding

	Follow key.Binding // in a classroom: follow the teacher again
	Answer key.Binding // in a classroom: open the teacher's question
	Blank  key.Binding // presenter mode: blank the screen
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
		Up:       ui.Up(),
		Down:     ui.Down(),
		PageUp:   ui.PageUp(),
		PageDown: ui.PageDown(),
		Focus:    key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "text/table")),
		Select:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "details")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		Help:     ui.Help(),
		Quit:     ui.Quit(),
		Explore:  key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "explore tables")),

		Search:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		Glossary: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "glossary")),
		NextHit:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		PrevHit:  key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),

		Pause:     key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "pause/play")),
		Replay:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "replay")),
		StageBack: key.NewBinding(key.WithKeys(","), key.WithHelp(",", "stage back")),
		StageOn:   key.NewBinding(key.WithKeys("."), key.WithHelp(".", "stage on")),
		FrameBack: key.NewBinding(key.WithKeys("<"), key.WithHelp("<", "frame back")),
		FrameFwd:  key.NewBinding(key.WithKeys(">"), key.WithHelp(">", "frame on")),
		Zoom:      key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "zoom")),

		BackToCheck: key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter/esc", "back to the question")),

		Follow: key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "follow the teacher")),
		Answer: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "answer the teacher's question")),
		Blank:  key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "blank the screen")),
	}
}

// ShortHelp is the one-line help bar: the keys a learner needs right now,
// the most needed first (z before scrolling: in a small window it is the
// only way to see the diagram). Bindings that do nothing at the moment are
// disabled, and the bar leaves them out; where the rest do not fit, the
// bar ends with "? all keys".
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.BackToCheck, k.Next, k.Prev, k.Zoom, k.Down, k.Pause, k.StageBack, k.StageOn, k.Replay,
		k.Focus, k.Select, k.Back, k.Explore, k.Search, k.Glossary, k.Help, k.Quit}
}

// FullHelp is the "?" screen, one column per kind of key.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Next, k.Prev, k.First, k.Last, k.Count, k.Jump},
		{k.Up, k.Down, k.PageUp, k.PageDown},
		{k.Pause, k.Replay, k.StageBack, k.StageOn, k.FrameBack, k.FrameFwd, k.Zoom},
		{k.Focus, k.Select, k.Back, k.BackToCheck, k.Explore, k.Help, k.Quit},
		{k.Search, k.NextHit, k.PrevHit, k.Glossary},
		{k.Follow, k.Answer, k.Blank},
	}
}

// PromptKeyMap is the keys of the ":" prompt; the digits are typed into it.
type PromptKeyMap struct {
	Go     key.Binding
	Cancel key.Binding
	Quit   key.Binding
}

// DefaultPromptKeyMap returns the prompt's standard keys.
func DefaultPromptKeyMap() PromptKeyMap {
	return PromptKeyMap{
		Go:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Quit:   ui.Interrupt(),
	}
}

// ShortHelp is the prompt's keys, the help bar while it is open.
func (k PromptKeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Go, k.Cancel} }

// FullHelp is every key of the prompt.
func (k PromptKeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Go, k.Cancel, k.Quit}} }
