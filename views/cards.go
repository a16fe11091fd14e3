package views

import (
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"jakstat/content"
)

// Cards stacks a table's rows as cards for windows too narrow for columns:
// the first cell is the card's title, the others are "Column: value" lines
// wrapped at word boundaries. selected < 0 marks no card. It returns the
// text and the line each card starts on, so the caller can scroll to one.
func Cards(g content.Table, width, selected int, s Styles) (string, []int) {
	var b strings.Builder
	starts := make([]int, 0, len(g.Rows))
	line := 0
	inner := max(width-2, 8)
	for i, row := range g.Rows {
		if i > 0 {
			b.WriteByte('\n')
			line++
		}
		starts = append(starts, line)
		marker, title := "  ", s.CardTitle
		if i == selected {
			marker = s.CardCursor.Render("▸ ")
			title = title.Inherit(s.Table.Selected)
		}
		// The title wraps rather than being cut: a card is the narrow
		// layout, and a row's name is what the learner reads first.
		for j, ln := range strings.Split(ansi.Wrap(cell(row, 0), inner, ""), "\n") {
			if j > 0 {
				marker = "  "
			}
			b.WriteString(marker)
			b.WriteString(title.Render(ln))
			b.WriteByte('\n')
			line++
		}
		for c := 1; c < len(g.Columns); c++ {
			text := s.Label.Render(g.Columns[c].Title+": ") + s.Value.Render(cell(row, c))
			wrapped := lipgloss.NewStyle().Width(inner).Render(text)
			for _, ln := range strings.Split(wrapped, "\n") {
				b.WriteString("  ")
				b.WriteString(ln)
				b.WriteByte('\n')
				line++
			}
		}
	}
	return strings.TrimRight(b.String(), "\n"), starts
}

func cell(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// PlainTable lays a table out as plain text columns within width, each cell
// wrapped at word boundaries so nothing is cut, or as cards when the
// columns cannot fit. It is the print path's table.
func PlainTable(g content.Table, width int) string { return textTable(g, width, nil) }

// textTable is PlainTable, styled when s is not nil (a table in a step
// body): the header bold, the rule a faint line, the cards as the lesson's.
func textTable(g content.Table, width int, s *Styles) string {
	widths, ok := FitColumns(g, width, true)
	if !ok {
		if s != nil {
			out, _ := Cards(g, width, -1, *s)
			return out
		}
		out, _ := Cards(g, width, -1, Styles{})
		return ansi.Strip(out)
	}
	head, rule, ruleStyle := lipgloss.NewStyle(), "-", lipgloss.NewStyle()
	if s != nil {
		head, rule, ruleStyle = s.CardTitle, "─", s.Muted
	}
	var b strings.Builder
	writeRow := func(cells []string, style lipgloss.Style) {
		wrapped := make([][]string, len(widths))
		height := 1
		for i, w := range widths {
			wrapped[i] = strings.Split(ansi.Wordwrap(cell(cells, i), w, ""), "\n")
			height = max(height, len(wrapped[i]))
		}
		for ln := 0; ln < height; ln++ {
			var out strings.Builder
			for i, w := range widths {
				text := ""
				if ln < len(wrapped[i]) {
					text = wrapped[i][ln]
				}
				out.WriteString(style.Render(text))
				out.WriteString(strings.Repeat(" ", max(w-ansi.StringWidth(text), 0)+cellPad))
			}
			b.WriteString(strings.TrimRight(out.String(), " "))
			b.WriteByte('\n')
		}
	}
	titles := make([]string, len(g.Columns))
	ruleWidth := 0
	for i, c := range g.Columns {
		titles[i] = c.Title
		ruleWidth += widths[i] + cellPad
	}
	writeRow(titles, head)
	b.WriteString(ruleStyle.Render(strings.Repeat(rule, ruleWidth-cellPad)) + "\n")
	spaced := slices.ContainsFunc(g.Rows, func(r []string) bool { return multiLine(r, widths) })
	for i, r := range g.Rows {
		if i > 0 && spaced {
			b.WriteByte('\n')
		}
		writeRow(r, lipgloss.NewStyle())
	}
	return strings.TrimRight(b.String(), "\n")
}

// multiLine says whether a row wraps; when any does, blank lines keep rows apart.
func multiLine(r []string, widths []int) bool {
	for i, w := range widths {
		if ansi.StringWidth(cell(r, i)) > w {
			return true
		}
	}
	return false
}
