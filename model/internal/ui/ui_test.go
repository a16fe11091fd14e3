package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

func TestInputAcceptsOnlyWhatItIsGiven(t *testing.T) {
	in := NewInput(4, func(r rune) bool { return r >= '0' && r <= '9' })
	in, changed := in.Update(tea.PasteMsg{Content: "1a2\n345"})
	if !changed || in.Value() != "1234" {
		t.Errorf("pasting 1a2 345 into a four-digit input gave %q", in.Value())
	}
	if _, changed = in.Update(tea.KeyPressMsg{Code: 'x', Text: "x"}); changed {
		t.Error("a refused letter changed the input")
	}
	before := in
	in, _ = in.Update(tea.KeyPressMsg{Code: tea.KeyLeft})
	if in.Field().Cursor != 3 || before.Field().Cursor != 4 {
		t.Errorf("moving the caret: %d, and the earlier copy says %d", in.Field().Cursor, before.Field().Cursor)
	}
	if !in.Erases(tea.KeyPressMsg{Code: tea.KeyBackspace}) {
		t.Error("backspace does not erase")
	}
}

func TestListMovesAndTypes(t *testing.T) {
	k := DefaultListKeys()
	l := List{}
	l, act, redraw := l.Update(tea.KeyPressMsg{Code: tea.KeyDown}, k)
	if act != ListNone || !redraw || l.Sel != 1 {
		t.Errorf("down: %v %v %d", act, redraw, l.Sel)
	}
	l, _, _ = l.Update(tea.KeyPressMsg{Code: 'a', Text: "a"}, k)
	if l.Input.Value() != "a" || l.Sel != 0 {
		t.Errorf("typing should select the first match again: %q %d", l.Input.Value(), l.Sel)
	}
	for msg, want := range map[tea.KeyPressMsg]ListAction{
		{Code: tea.KeyEnter}:          ListGo,
		{Code: tea.KeyEscape}:         ListClose,
		{Code: 'c', Mod: tea.ModCtrl}: ListQuit,
		{Code: 'q', Text: "q"}:        ListNone,
	} {
		if _, act, _ := l.Update(msg, k); act != want {
			t.Errorf("%s: %v, want %v", msg, act, want)
		}
	}
}

func TestCombineAndPane(t *testing.T) {
	up, down := Up(), Down()
	down.SetEnabled(false)
	c := Combine("↑/↓", "move", up, down)
	if !c.Enabled() || len(c.Keys()) != 4 || c.Help() != (key.Help{Key: "↑/↓", Desc: "move"}) {
		t.Errorf("Combine = %v %+v", c.Keys(), c.Help())
	}
	p := NewPane("a\nb\nc\nd\ne", 10, 2)
	p.ScrollKey(tea.KeyPressMsg{Code: tea.KeyPgDown}, Up(), Down(), PageUp(), PageDown())
	if p.Top() != 2 || p.Above() != 2 || p.Below() != 1 || p.View() != "c\nd" {
		t.Errorf("page down: top %d view %q", p.Top(), p.View())
	}
	p.Wheel(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if p.Top() != 3 {
		t.Errorf("the wheel scrolled to %d, want the last page (3)", p.Top())
	}
}

// TestInputIsBounded: an input made without a limit still holds at most
// MaxInput runes, however much is pasted or typed into it.
func TestInputIsBounded(t *testing.T) {
	var in Input
	big := strings.Repeat("ab€", 40000) // about 100 KB
	in, _ = in.Update(tea.PasteMsg{Content: big})
	if n := utf8.RuneCountInString(in.Value()); n != MaxInput {
		t.Errorf("a 100 KB paste left %d runes", n)
	}
	in, _ = in.Update(tea.KeyPressMsg{Code: 'x', Text: "x"})
	if n := utf8.RuneCountInString(in.Value()); n != MaxInput {
		t.Errorf("typing past the bound left %d runes", n)
	}
	if in, _ := NewInput(1000, nil).Update(tea.PasteMsg{Content: big}); utf8.RuneCountInString(in.Value()) != MaxInput {
		t.Error("a larger limit than MaxInput was kept")
	}
}
