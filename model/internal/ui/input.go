package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"jakstat/views"
)

// Input is a one-line text input: a bubbles textinput for the editing
// (cursor keys, word deletion, pasting) whose text views draws, so every
// prompt looks the same and the screen stays a pure render.
//
// The textinput is large (its styles alone are kilobytes) and models are
// copied on every message, so an Input holds it by pointer and never
// changes it in place: an edit makes a new one. The zero Input is empty,
// holds at most MaxInput runes, and makes its textinput when first typed
// into.
type Input struct {
	ti     *textinput.Model
	accept func(rune) bool
}

// InputKeys is the editing keys of every input: bubbles' textinput keys
// with suggestions off, and without ctrl+v, which would read the clipboard
// of the machine the program runs on (over SSH, not the learner's). A
// terminal's own paste arrives as a tea.PasteMsg.
func InputKeys() textinput.KeyMap {
	k := textinput.DefaultKeyMap()
	k.AcceptSuggestion.SetEnabled(false)
	k.NextSuggestion.SetEnabled(false)
	k.PrevSuggestion.SetEnabled(false)
	k.Paste.SetEnabled(false)
	return k
}

// MaxInput is the most an input holds when made without a limit: a search
// or a filter never needs more, and a longer one (a 100 KB paste) would
// cost every key a scan of it.
const MaxInput = 200

// NewInput returns a focused, empty input holding at most limit runes (0:
// MaxInput); accept, when not nil, drops every typed or pasted rune it
// refuses.
func NewInput(limit int, accept func(rune) bool) Input {
	if limit <= 0 || limit > MaxInput {
		limit = MaxInput
	}
	ti := textinput.New()
	ti.CharLimit = limit
	ti.SetVirtualCursor(false) // views draws the caret: no blink ticks
	ti.KeyMap = InputKeys()
	ti.Focus()
	return Input{ti: &ti, accept: accept}
}

// Update edits the text for a key or a paste and says whether the text or
// the caret changed (the prompt must be drawn again).
func (in Input) Update(msg tea.Msg) (Input, bool) {
	switch m := msg.(type) {
	case tea.KeyPressMsg:
		if in.accept != nil && m.Text != "" {
			if m.Text = in.filter(m.Text); m.Text == "" {
				return in, false
			}
		}
		msg = m
	case tea.PasteMsg:
		if in.accept != nil {
			m.Content = in.filter(m.Content)
		}
		msg = m
	default:
		return in, false
	}
	if in.ti == nil {
		in = NewInput(0, nil)
	}
	ti, _ := in.ti.Update(msg) // with no virtual cursor it asks for nothing
	changed := ti.Value() != in.ti.Value() || ti.Position() != in.ti.Position()
	in.ti = &ti
	return in, changed
}

func (in Input) filter(s string) string {
	return strings.Map(func(r rune) rune {
		if in.accept(r) {
			return r
		}
		return -1
	}, s)
}

// Value is the text typed so far.
func (in Input) Value() string {
	if in.ti == nil {
		return ""
	}
	return in.ti.Value()
}

// SetValue replaces the text, with the caret at its end.
func (in *Input) SetValue(s string) {
	if in.ti == nil {
		*in = NewInput(0, nil)
	}
	ti := *in.ti
	ti.SetValue(s)
	ti.CursorEnd()
	in.ti = &ti
}

// Field is the text and its caret, for views to draw.
func (in Input) Field() views.Field {
	if in.ti == nil {
		return views.Field{}
	}
	return views.Field{Text: in.ti.Value(), Cursor: in.ti.Position()}
}

// Erases says whether msg deletes the character before the caret
// (backspace), for a prompt that closes when it is pressed on no text.
func (in Input) Erases(msg tea.KeyPressMsg) bool {
	return key.Matches(msg, InputKeys().DeleteCharacterBackward)
}
