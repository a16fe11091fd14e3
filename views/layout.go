package views

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// Helpers that arrange finished pieces into a frame: they cut, pad and
// join lines, and never style or wrap anything themselves.

// SplitLines splits s into its lines.
func SplitLines(s string) []string { return strings.Split(s, "\n") }

// Window returns n lines of lines starting at top, padding with blank lines.
func Window(lines []string, top, n int) string {
	out := make([]string, n)
	for i := range out {
		if j := top + i; j >= 0 && j < len(lines) {
			out[i] = lines[j]
		}
	}
	return strings.Join(out, "\n")
}

// Fit pads or cuts s to exactly n lines, so what comes under it never moves.
func Fit(s string, n int) string { return Window(SplitLines(s), 0, n) }

// Frame cuts a screen to height lines and shifts it right by margin to
// centre it. Widths need no check here: every piece was fitted to the
// frame when it was built.
func Frame(s string, height, margin int) string {
	lines := SplitLines(s)
	if len(lines) > height {
		lines = lines[:height]
	}
	if margin > 0 {
		pad := strings.Repeat(" ", margin)
		for i := range lines {
			lines[i] = pad + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// PadLines pads each line to width so a panel can sit to its right.
func PadLines(s string, width int) string {
	lines := SplitLines(s)
	for i, ln := range lines {
		if w := lipgloss.Width(ln); w < width {
			lines[i] = ln + strings.Repeat(" ", width-w)
		}
	}
	return strings.Join(lines, "\n")
}

// Beside puts right to the right of the left lines, which are already
// padded to width (an empty line stands for a blank one), two spaces apart.
func Beside(left []string, width int, right string) string {
	sc := SplitLines(right)
	blank := strings.Repeat(" ", width)
	var b strings.Builder
	for i, ln := range left {
		if i > 0 {
			b.WriteByte('\n')
		}
		if ln == "" {
			ln = blank
		}
		b.WriteString(ln)
		if i < len(sc) {
			b.WriteString("  ")
			b.WriteString(sc[i])
		}
	}
	return b.String()
}
