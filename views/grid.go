package views

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"jakstat/content"
)

// A grid is a table drawn in columns whose cells wrap onto more lines
// rather than being cut (FitGrid sizes the columns): a header, a rule, and
// the rows, kept apart by a blank line when any of them wraps.

// GridOptions says how a grid is drawn beyond its cells and widths.
type GridOptions struct {
	// Selected is the row marked as the reader's, or -1 for none.
	Selected int
	// SortCol is the column the rows are sorted on (an arrow marks it), or -1.
	SortCol int
	Desc    bool
	// Height is the lines the grid may take: the header stays and the rows
	// scroll to keep the selected one in view. 0 draws every row.
	Height int
}

// gridRows is a grid's cells wrapped to their widths.
type gridRows struct {
	widths []int
	head   []string   // the header's lines
	rows   [][]string // each row's lines
	spaced bool       // a blank line between rows, when many wrap
}

// layoutGrid wraps a table's title and cells to widths. With cut, a cell
// of a column that is not kept takes at most cellLines lines, or as many as
// its row's kept cells, and is cut there with an ellipsis.
func layoutGrid(g content.Table, widths []int, sortCol int, desc, cut bool) gridRows {
	titles := make([]string, len(widths))
	for c := range widths {
		titles[c] = g.Columns[c].Title
		if c == sortCol {
			titles[c] += map[bool]string{false: " ▲", true: " ▼"}[desc]
		}
	}
	out := gridRows{widths: widths, head: joinCells(widths, wrapCells(titles, widths, nil))}
	wrapped := 0
	for _, row := range g.Rows {
		var keep []bool
		if cut {
			keep = make([]bool, len(widths))
			for c := range widths {
				keep[c] = g.Columns[c].Kept()
			}
		}
		cells := wrapCells(row, widths, keep)
		lines := joinCells(widths, cells)
		if len(lines) > 1 {
			wrapped++
		}
		// A row whose name wraps would run into the next one.
		out.spaced = out.spaced || len(widths) > 0 && len(cells[0]) > 1
		out.rows = append(out.rows, lines)
	}
	// Where a few rows wrap, the name starting each row is enough to tell
	// them apart; where many do, a blank line between rows is needed.
	out.spaced = out.spaced || wrapped*3 > len(g.Rows)
	return out
}

// wrapCells wraps each cell to its column. keep, when not nil, says which
// cells are never cut; the others are cut at cellLines lines, or at the
// height of the kept cells when that is more.
func wrapCells(cells []string, widths []int, keep []bool) [][]string {
	out := make([][]string, len(widths))
	keptH := 1
	for c, w := range widths {
		if keep == nil || keep[c] {
			out[c] = wrapLines(cell(cells, c), w)
			keptH = max(keptH, len(out[c]))
		}
	}
	for c, w := range widths {
		if out[c] == nil {
			out[c], _ = clip(cell(cells, c), w, max(cellLines, keptH))
		}
	}
	return out
}

// joinCells sets wrapped cells side by side, each line padded to its
// column and the pad after it.
func joinCells(widths []int, cells [][]string) []string {
	h := 1
	for _, c := range cells {
		h = max(h, len(c))
	}
	out := make([]string, h)
	for ln := range out {
		var b strings.Builder
		for c, w := range widths {
			text := ""
			if ln < len(cells[c]) {
				text = cells[c][ln]
			}
			b.WriteString(text)
			b.WriteString(strings.Repeat(" ", max(w-ansi.StringWidth(text), 0)+cellPad))
		}
		out[ln] = b.String()
	}
	return out
}

// GridWidth is how wide a grid of these column widths is, padding included.
func GridWidth(widths []int) int { return sum(widths) + len(widths)*cellPad }

// Grid draws a table in columns of the given widths (from FitGrid), the
// selected row in the table's selection style, every line GridWidth wide.
// With o.Height, the header stays and the rows scroll to show the
// selected one, near the middle when they cannot all show.
func Grid(g content.Table, widths []int, o GridOptions, s Styles) string {
	gr := layoutGrid(g, widths, o.SortCol, o.Desc, true)
	head := s.Table.Header.UnsetPadding().UnsetBorderStyle().UnsetBorderBottom()
	var lines []string
	for _, ln := range gr.head {
		lines = append(lines, head.Render(ln))
	}
	lines = append(lines, lipgloss.NewStyle().Foreground(s.Table.Header.GetBorderBottomForeground()).
		Render(strings.Repeat("─", GridWidth(widths))))
	var body []string
	var selTop, selEnd int
	starts := make([]int, 0, len(gr.rows))
	for r, row := range gr.rows {
		if r > 0 && gr.spaced {
			body = append(body, "")
		}
		starts = append(starts, len(body))
		if r == o.Selected {
			selTop, selEnd = len(body), len(body)+len(row)
		}
		for _, ln := range row {
			if r == o.Selected {
				ln = s.Table.Selected.Render(ln)
			}
			body = append(body, ln)
		}
	}
	room := o.Height - len(lines)
	if o.Height > 0 && room <= 0 {
		return Window(lines, 0, o.Height) // no room under the header
	}
	if o.Height <= 0 || len(body) <= room {
		return strings.Join(append(lines, body...), "\n")
	}
	return strings.Join(lines, "\n") + "\n" + Window(body, ScrollTop(starts, selTop, selEnd, len(body), room), room)
}

// ScrollTop is the first line to show, of n lines holding items that start
// at starts, so that the item from top to end shows in room lines: from
// the start when it fits there, else with it near the middle. The view
// always begins where an item does, so no item shows only its tail (and an
// item taller than the room shows from its first line).
func ScrollTop(starts []int, top, end, n, room int) int {
	if room <= 0 || end <= room {
		return 0
	}
	want := max(min(top-(room-(end-top))/2, n-room, top), 0)
	// The latest item start at or before want, moved on to the first from
	// which the item still shows whole.
	best := 0
	for _, s := range starts {
		if s <= want {
			best = s
		}
	}
	for _, s := range starts {
		if s >= best && s <= top && end-s <= room {
			return s
		}
	}
	return top
}

// GridHeight is how many lines Grid takes to draw every row.
func GridHeight(g content.Table, widths []int) int {
	gr := layoutGrid(g, widths, -1, false, true)
	n := len(gr.head) + 1
	for r, row := range gr.rows {
		if r > 0 && gr.spaced {
			n++
		}
		n += len(row)
	}
	return n
}

// GridCuts counts the cells Grid cuts short at these widths: the cells of
// columns that are not kept, taller than cellLines and than their row.
func GridCuts(g content.Table, widths []int) int {
	n := 0
	for _, row := range g.Rows {
		keptH := 1
		for c, w := range widths {
			if g.Columns[c].Kept() {
				keptH = max(keptH, len(wrapLines(cell(row, c), w)))
			}
		}
		for c, w := range widths {
			if !g.Columns[c].Kept() && len(wrapLines(cell(row, c), w)) > max(cellLines, keptH) {
				n++
			}
		}
	}
	return n
}
