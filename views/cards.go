package views

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"jakstat/content"
)

// Cards stacks a table's rows as cards for windows too narrow for columns:
// the first cell is the card's title, the others are "Column: value" lines
// wrapped at word boundaries (empty cells are left out, and columns of
// marks, like the matrix's drugs, are listed on one line after a mark).
// selected < 0 marks no card. It returns the text and the line each card
// starts on, so the caller can scroll to one.
func Cards(g content.Table, width, selected int, s Styles) (string, []int) {
	var b strings.Builder
	starts := make([]int, 0, len(g.Rows))
	line := 0
	inner := max(width-2, 8)
	marks := markColumns(g)
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
		for j, ln := range wrapLines(cell(row, 0), inner) {
			if j > 0 {
				marker = "  "
			}
			b.WriteString(marker)
			b.WriteString(title.Render(ln))
			b.WriteByte('\n')
			line++
		}
		var marked []string
		for c := 1; c < len(g.Columns); c++ {
			v := cell(row, c)
			switch {
			case marks[c]:
				if v != "" {
					marked = append(marked, g.Columns[c].Title)
				}
				continue
			case v == "":
				continue
			}
			line += cardField(&b, g.Columns[c].Title+": ", v, inner, s)
		}
		if len(marked) > 0 {
			line += cardField(&b, markText+" ", strings.Join(marked, ", "), inner, s)
		}
	}
	return strings.TrimRight(b.String(), "\n"), starts
}

// markText is the mark a table puts in a cell to say yes.
const markText = "●"

// markColumns says which columns hold only marks or nothing (the matrix's
// drugs): a card lists them on one line rather than one line each.
func markColumns(g content.Table) []bool {
	out := make([]bool, len(g.Columns))
	for c := 1; c < len(g.Columns); c++ {
		out[c] = true
		for _, r := range g.Rows {
			if v := cell(r, c); v != "" && v != markText {
				out[c] = false
				break
			}
		}
	}
	return out
}

// cardField writes a card's "label value" lines, wrapped to width and
// indented under the title, and returns how many it wrote.
func cardField(b *strings.Builder, label, value string, width int, s Styles) int {
	lines := wrapLines(label+value, width)
	for i, ln := range lines {
		b.WriteString("  ")
		if i == 0 && strings.HasPrefix(ln, label) {
			b.WriteString(s.Label.Render(label) + s.Value.Render(ln[len(label):]))
		} else if i == 0 {
			b.WriteString(s.Label.Render(ln)) // a label too long for its line
		} else {
			b.WriteString(s.Value.Render(ln))
		}
		b.WriteByte('\n')
	}
	return len(lines)
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
	widths, ok := FitGrid(g, width, false)
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
	gr := layoutGrid(g, widths, -1, false, false)
	var b strings.Builder
	for _, ln := range gr.head {
		b.WriteString(head.Render(strings.TrimRight(ln, " ")) + "\n")
	}
	b.WriteString(ruleStyle.Render(strings.Repeat(rule, GridWidth(widths)-cellPad)) + "\n")
	for i, row := range gr.rows {
		if i > 0 && gr.spaced {
			b.WriteByte('\n')
		}
		for _, ln := range row {
			b.WriteString(strings.TrimRight(ln, " ") + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}
