package views

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"jakstat/content"
)

// cellPad is the space the table's cell style adds after each cell.
const cellPad = 1

// FitColumns sizes a table's columns to width (the whole table, padding
// included). Each column gets what its longest cell needs when that fits;
// otherwise the room left over the minimums is shared in proportion to what
// each column wants. ok is false when even the minimums do not fit: then the
// caller shows cards instead, which never split a word. With wholeWords,
// no column may be narrower than its longest word, for layouts that wrap
// cells instead of truncating them.
func FitColumns(g content.Table, width int, wholeWords bool) (widths []int, ok bool) {
	n := len(g.Columns)
	if n == 0 {
		return nil, false
	}
	want := make([]int, n)
	mins := make([]int, n)
	for i, c := range g.Columns {
		want[i] = ansi.StringWidth(c.Title)
		for _, r := range g.Rows {
			if i < len(r) {
				want[i] = max(want[i], ansi.StringWidth(r[i]))
			}
		}
		if c.Max > 0 {
			want[i] = min(want[i], c.Max)
		}
		mins[i] = min(max(c.Min, ansi.StringWidth(c.Title)), want[i])
		if c.Whole {
			mins[i] = want[i]
		}
		if wholeWords {
			for _, r := range g.Rows {
				if i < len(r) {
					mins[i] = max(mins[i], longestWord(r[i]))
				}
			}
			want[i] = max(want[i], mins[i])
		}
	}
	room := width - n*cellPad
	total, minTotal := 0, 0
	for i := range want {
		total += want[i]
		minTotal += mins[i]
	}
	if total <= room {
		return want, true
	}
	if minTotal > room {
		return nil, false
	}
	widths = make([]int, n)
	copy(widths, mins)
	spare, need := room-minTotal, total-minTotal
	given := 0
	for i := range widths {
		extra := spare * (want[i] - mins[i]) / need
		widths[i] += extra
		given += extra
	}
	// Rounding leaves a few columns over; hand them out left to right.
	for i := 0; given < spare && i < n; i++ {
		if widths[i] < want[i] {
			widths[i]++
			given++
		}
	}
	return widths, true
}

// Truncate shortens s to at most width columns. It cuts at the last space
// that leaves room for an ellipsis, so words are never split; a single word
// longer than width is cut at a grapheme boundary instead.
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
	cut := ansi.Truncate(s, width-1, "")
	wordEnds := len(cut) < len(s) && s[len(cut)] == ' '
	if i := strings.LastIndexByte(cut, ' '); i > 0 && !wordEnds {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:·+-/(") + "…"
}

func longestWord(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		n = max(n, ansi.StringWidth(w))
	}
	return n
}
