package model

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestJumpPromptShowsItsKeys: while the ":" prompt is open the help bar
// offers the prompt's keys, not the lesson's, and they come back after.
func TestJumpPromptShowsItsKeys(t *testing.T) {
	m := press(t, sized(t, 80, 24), ":", "1")
	if bar := helpLine(m); !strings.Contains(bar, "enter go") || !strings.Contains(bar, "esc cancel") || strings.Contains(bar, "next") {
		t.Errorf("the prompt's help bar is %q", bar)
	}
	if st := statusBlock(m); !strings.Contains(st, ":1▏") || !strings.Contains(st, "checked ") {
		t.Errorf("the prompt's status line is %q", st)
	}
	m = press(t, m, "esc")
	if bar := helpLine(m); !strings.Contains(bar, "→/l/space next") {
		t.Errorf("after esc the help bar is %q", bar)
	}
}

// TestJumpPastTheEndSaysSo: a step number past either end goes to that
// end and says so until the next key, however it was typed; one in range
// says nothing.
func TestJumpPastTheEndSaysSo(t *testing.T) {
	l := shipped(t)
	last := len(l.Steps)
	for _, tc := range []struct {
		name   string
		keys   []string
		step   int // one-based
		notice string
	}{
		{":99 enter", []string{":", "9", "9", "enter"}, last, "No step 99: here is the last"},
		{":0 enter", []string{"5", "G", ":", "0", "enter"}, 1, "No step 0: here is the first"},
		{"99G", []string{"9", "9", "G"}, last, "No step 99: here is the last"},
		{"99g", []string{"9", "9", "g"}, last, "No step 99: here is the last"},
		{"99 enter", []string{"9", "9", "enter"}, last, "No step 99: here is the last"},
		{":99 enter on the last step", []string{"G", ":", "9", "9", "enter"}, last, "No step 99: here is the last"},
		{":3 enter", []string{":", "3", "enter"}, 3, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, sz := range [][2]int{{80, 24}, {120, 40}, {60, 16}} {
				m := press(t, send(t, New(l, Options{Theme: ThemeDark, NoQuiz: true}), sizeMsg(sz)), tc.keys...)
				if m.Step()+1 != tc.step {
					t.Errorf("%v: step %d, want %d", sz, m.Step()+1, tc.step)
				}
				st := statusBlock(m)
				if tc.notice != "" && !strings.Contains(st, tc.notice) || tc.notice == "" && strings.Contains(st, "No step") {
					t.Errorf("%v: the status line is %q, want %q", sz, st, tc.notice)
				}
				assertFits(t, m)
				if m = press(t, m, "j"); strings.Contains(statusBlock(m), "No step") {
					t.Errorf("%v: the notice outlived the next key", sz)
				}
				assertDisclaimed(t, m)
			}
		})
	}
}

// sizeMsg is a window of sz's width and height.
func sizeMsg(sz [2]int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: sz[0], Height: sz[1]} }
