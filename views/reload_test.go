package views

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

func TestReloadPanel(t *testing.T) {
	problems := []string{
		`02-binding.md:5: unknown scene "disco" (known: resting, binding, activation, stat, nucleus, biologic, blocked, compare)`,
		`lesson.yaml:3: checked must be the date the facts were checked, as YYYY-MM-DD (got "soon")`,
		"sources.yaml:14: invalid UTF-8 (byte 0xFF): save the file as UTF-8 text",
	}
	s := NewStyles(true)
	for _, tc := range []struct{ width, lines int }{{38, 2}, {38, 4}, {58, 5}, {78, 7}, {98, 12}} {
		t.Run(fmt.Sprintf("%dx%d", tc.width, tc.lines), func(t *testing.T) {
			out := ansi.Strip(ReloadPanel(s, problems, tc.width, tc.lines))
			lines := strings.Split(out, "\n")
			if len(lines) > tc.lines {
				t.Errorf("%d lines, at most %d:\n%s", len(lines), tc.lines, out)
			}
			for _, ln := range lines {
				if ansi.StringWidth(ln) > tc.width {
					t.Errorf("%q is wider than %d", ln, tc.width)
				}
			}
			if !strings.Contains(out, "02-binding.md:5:") || !strings.Contains(out, "Not reloaded: 3 problems") {
				t.Errorf("the first problem or the count is missing:\n%s", out)
			}
			golden.RequireEqual(t, []byte(out))
		})
	}
	if ReloadPanel(s, nil, 80, 10) != "" || ReloadPanel(s, problems, 80, 1) != "" {
		t.Error("a panel with no problems, or no room, should be empty")
	}
}
