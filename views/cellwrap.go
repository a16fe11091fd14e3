package views

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// Wrapping and cutting the plain text of table cells, cards and details.
//
// Lines break only at spaces: the usual wrappers also break after hyphens,
// which splits dates (2022-01-14), names (IL-4R-alpha) and signed numbers
// ("-0.7 vs -" then "0.2"). A number also stays with its unit and its sign
// ("4 mg", "week 16", "- 3"): runs is where the places to break are found.

// runs splits text into the pieces a line may break between: words, with
// a number and its unit (or a leading word such as "week") glued into one.
func runs(text string) []string {
	words := strings.Fields(text)
	out := make([]string, 0, len(words))
	for _, w := range words {
		if n := len(out); n > 0 && glued(lastWord(out[n-1]), w) {
			out[n-1] += " " + w
			continue
		}
		out = append(out, w)
	}
	return out
}

func lastWord(run string) string {
	if i := strings.LastIndexByte(run, ' '); i >= 0 {
		return run[i+1:]
	}
	return run
}

// glued says whether no line may break between words a and b: a number and
// the unit after it ("4 mg", "75 %", "12 hours"), a word that counts and
// its number ("week 16", "day 4"), a lone sign and its number ("- 3"), or
// two figures either side of a slash ("44% / 24%").
func glued(a, b string) bool {
	switch {
	case endsInNumber(a) && isUnit(b):
		return true
	case isCounter(a) && startsNumber(b):
		return true
	case isSign(a) && startsNumber(b):
		return true
	case b == "/" && startsNumber(a) && (endsInNumber(a) || strings.HasSuffix(a, "%")):
		return true
	case a == "/" && startsNumber(b):
		return true
	}
	return false
}

// endsInNumber: "4", "1.5", "12+", "-0.7", "(2" and "2," all end a number
// a unit may follow ("2, 4 mg" glues only "4 mg").
func endsInNumber(w string) bool {
	w = strings.TrimRight(w, "+")
	r, _ := utf8.DecodeLastRuneInString(w)
	return unicode.IsDigit(r)
}

func startsNumber(w string) bool {
	w = strings.TrimLeft(w, "(-+−±~≈<>≤≥")
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r)
}

func isSign(w string) bool {
	switch w {
	case "-", "+", "−", "±", "~", "≈", "<", ">", "≤", "≥":
		return true
	}
	return false
}

// isUnit says whether w is a unit of measure, with any closing punctuation.
func isUnit(w string) bool {
	switch strings.ToLower(strings.TrimRight(w, ".,;:)")) {
	case "%", "mg", "mg/g", "mg/kg", "g", "kg", "ml", "µg", "mcg", "mm", "cm",
		"h", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
		"point", "points", "times", "fold", "x", "×", "patients", "adults", "people":
		return true
	}
	return false
}

// isCounter says whether w is a word that a number follows ("week 16").
func isCounter(w string) bool {
	switch strings.ToLower(strings.TrimLeft(w, "(")) {
	case "week", "weeks", "day", "days", "month", "months", "year", "years", "step", "grade", "phase", "ages", "age":
		return true
	}
	return false
}

// wrapLines word-wraps text to width at the places runs allows; a run
// wider than a whole line is cut at grapheme boundaries. Each paragraph
// (a "\n" in text) starts a new line.
func wrapLines(text string, width int) []string {
	width = max(width, 1)
	var out []string
	for _, para := range strings.Split(text, "\n") {
		line, lineW := "", 0
		for _, r := range runs(para) {
			rw := ansi.StringWidth(r)
			for rw > width {
				if lineW > 0 {
					out = append(out, line)
					line, lineW = "", 0
				}
				head := ansi.Truncate(r, width, "")
				if head == "" {
					// A character wider than the whole line: it goes on a line alone.
					head, _, _, _ = uniseg.FirstGraphemeClusterInString(r, -1)
				}
				out = append(out, head)
				r = strings.TrimLeft(r[len(head):], " ")
				rw = ansi.StringWidth(r)
			}
			switch {
			case r == "": // a run that was wider than the line, all split off
			case line == "":
				line, lineW = r, rw
			case lineW+1+rw <= width:
				line, lineW = line+" "+r, lineW+1+rw
			default:
				out = append(out, line)
				line, lineW = r, rw
			}
		}
		out = append(out, line)
	}
	return out
}

// wrap word-wraps text to width; see wrapLines.
func wrap(text string, width int) string { return strings.Join(wrapLines(text, width), "\n") }

// Wrap word-wraps text to width, breaking only at spaces and never between
// a number and its unit or sign.
func Wrap(text string, width int) string { return wrap(text, width) }

// Truncate shortens s to at most width columns. It cuts where a line may
// break, leaving room for an ellipsis, so words are never split and a
// number keeps its unit; a single word longer than width is cut at a
// grapheme boundary instead. Punctuation the cut leaves at the end goes
// (a full stop, a comma, a dash): "IL-31RA…", never "IL-31RA.…".
func Truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	if width == 1 {
		return "…"
	}
	kept, keptW := "", 0
	for _, r := range runs(s) {
		rw := ansi.StringWidth(r)
		gap := 0
		if keptW > 0 {
			gap = 1
		}
		if keptW+gap+rw > width-1 {
			if keptW == 0 {
				kept = ansi.Truncate(r, width-1, "") // one run longer than the line
			}
			break
		}
		if gap > 0 {
			kept += " "
		}
		kept, keptW = kept+r, keptW+gap+rw
	}
	return strings.TrimRight(kept, " .,;:!?·+-–—/(") + "…"
}

// clip wraps text to width in at most n lines (n <= 0: no limit); when
// more would follow, the last line shown ends in an ellipsis instead.
func clip(text string, width, n int) (lines []string, cut bool) {
	lines = wrapLines(text, width)
	if n <= 0 || len(lines) <= n {
		return lines, false
	}
	rest := strings.Join(lines[n-1:], " ")
	lines = append(lines[:n-1:n-1], Truncate(rest, width))
	return lines, true
}

// longestRun is the width of the widest piece a line cannot break in.
func longestRun(s string) int {
	n := 0
	for _, r := range runs(s) {
		n = max(n, ansi.StringWidth(r))
	}
	return n
}
