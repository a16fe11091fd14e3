package ui

import (
	"charm.land/bubbles/v2/table"

	"jakstat/content"
	"jakstat/views"
)

// NewTable builds a bubbles table of t's rows with the given column
// widths, cells cut at word boundaries, and the sort column marked when
// sortCol >= 0. It returns the table and its width.
func NewTable(t content.Table, widths []int, sortCol int, desc bool, height int, s views.Styles, focused bool) (table.Model, int) {
	cols := make([]table.Column, len(widths))
	width := 0
	for i, w := range widths {
		title := t.Columns[i].Title
		if i == sortCol {
			title += map[bool]string{false: " ▲", true: " ▼"}[desc]
		}
		cols[i] = table.Column{Title: views.Truncate(title, w), Width: w}
		width += w + 1 // the cell style pads one column on the right
	}
	rows := make([]table.Row, len(t.Rows))
	for r, cells := range t.Rows {
		row := make(table.Row, len(widths))
		for i, w := range widths {
			if i < len(cells) {
				row[i] = views.Truncate(cells[i], w)
			}
		}
		rows[r] = row
	}
	tm := table.New(table.WithColumns(cols), table.WithRows(rows), table.WithWidth(width),
		table.WithHeight(height), table.WithStyles(s.Table), table.WithKeyMap(table.KeyMap{}), table.WithFocused(focused))
	return tm, width
}

// CardsView draws t's rows as cards, scrolled so the selected card shows
// whole (from its first line when it is taller than height).
func CardsView(t content.Table, width, height, sel int, s views.Styles) string {
	out, tops := views.Cards(t, width, sel, s)
	lines := views.SplitLines(out)
	top := 0
	if sel >= 0 && sel < len(tops) {
		end := len(lines)
		if sel+1 < len(tops) {
			end = tops[sel+1] - 1
		}
		top = min(max(end-height, 0), tops[sel])
	}
	return views.Window(lines, top, height)
}
