package views

import (
	"slices"

	"github.com/charmbracelet/x/ansi"

	"jakstat/content"
)

// cellPad is the space after each cell of a grid.
const cellPad = 1

// cellLines is how many lines a cell of a column that is not kept (see
// content.Column.Kept) wraps onto before it is cut with an ellipsis, when
// the rest of its row is no taller; the row's details always show it all.
const cellLines = 3

// cutCost is what a cut cell weighs against the lines a layout takes:
// FitGrid gives a column two lines' worth of room to keep one cell whole.
const cutCost = 2

// FitGrid sizes a table's columns to width (the whole table, padding
// included), for cells that wrap onto more lines rather than being cut.
// No column is narrower than its minimum (Column.Min, and the widest word,
// or number with its unit, in its title and cells), so nothing is split
// mid-word; ok is false when the minimums do not fit, and the caller shows
// cards instead. Focus columns get their full width first; the rest of the
// room goes where it saves the most lines. With cut, cells of columns that
// are not kept may be cut after cellLines lines (an interactive grid, whose
// details show everything); without, nothing is ever cut (a handout).
func FitGrid(g content.Table, width int, cut bool) (widths []int, ok bool) {
	n := len(g.Columns)
	if n == 0 {
		return nil, false
	}
	f := newFitter(g, cut)
	room := width - n*cellPad
	if sum(f.mins) > room {
		return nil, false
	}
	if sum(f.want) <= room {
		return f.want, true
	}
	widths = slices.Clone(f.mins)
	spare := room - sum(widths)
	f.measure()
	// A focus column is read down, so each gets the width that keeps its
	// cells on one line, narrowest first, leaving out an odd long cell (one
	// in six), which wraps: the JAKs column keeps "JAK1 + JAK3" whole
	// before any other column is widened.
	focus := make([]int, 0, n)
	for c, col := range g.Columns {
		if col.Focus {
			focus = append(focus, c)
		}
	}
	slices.SortStableFunc(focus, func(a, b int) int { return f.typical[a] - f.typical[b] })
	for _, c := range focus {
		if need := f.typical[c] - widths[c]; need <= spare {
			widths[c] = max(widths[c], f.typical[c])
			spare -= max(need, 0)
		}
	}
	spare = f.grow(widths, spare)
	// Room no column can use to save a line: first a row's name or a focus
	// column gets the width for one line a cell, then the rest is shared.
	whole := make([]int, 0, n)
	for c, col := range g.Columns {
		if col.Kept() {
			whole = append(whole, c)
		}
	}
	slices.SortStableFunc(whole, func(a, b int) int { return (f.want[a] - widths[a]) - (f.want[b] - widths[b]) })
	for _, c := range whole {
		if need := f.want[c] - widths[c]; need <= spare {
			widths[c] += need
			spare -= need
		}
	}
	f.share(widths, spare)
	return widths, true
}

// fitter holds what FitGrid weighs: each column's least and greatest useful
// width, and the width of every piece each cell may break into.
type fitter struct {
	kept    []bool
	want    []int
	mins    []int
	typical []int     // the width that keeps all but the longest sixth of a column's cells on one line
	runs    [][][]int // row, column: the widths of the cell's runs
	heights [][]int   // column, then (width - min) * rows + row: the lines a cell takes (see measure)
}

func newFitter(g content.Table, cut bool) fitter {
	n := len(g.Columns)
	f := fitter{kept: make([]bool, n), want: make([]int, n), mins: make([]int, n), typical: make([]int, n),
		runs: make([][][]int, len(g.Rows))}
	cells := make([][]int, n) // each column's cell widths
	for c, col := range g.Columns {
		f.kept[c] = col.Kept() || !cut
		f.want[c] = ansi.StringWidth(col.Title)
		f.mins[c] = max(col.Min, longestRun(col.Title))
	}
	for r, row := range g.Rows {
		f.runs[r] = make([][]int, n)
		for c := range n {
			text := cell(row, c)
			for _, run := range runs(text) {
				f.runs[r][c] = append(f.runs[r][c], ansi.StringWidth(run))
			}
			cells[c] = append(cells[c], ansi.StringWidth(text))
			f.want[c] = max(f.want[c], cells[c][r])
			f.mins[c] = max(f.mins[c], longestRun(text))
		}
	}
	for c, col := range g.Columns {
		if col.Max > 0 && !f.kept[c] {
			f.want[c] = min(f.want[c], max(col.Max, f.mins[c]))
		}
		f.mins[c] = min(f.mins[c], f.want[c])
		slices.SortFunc(cells[c], func(a, b int) int { return b - a })
		f.typical[c] = f.want[c]
		if k := len(cells[c]) / 6; k > 0 {
			f.typical[c] = min(max(cells[c][k], ansi.StringWidth(col.Title), f.mins[c]), f.want[c])
		}
	}
	return f
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

// deficit is how much the columns that pick chooses still want.
func (f fitter) deficit(widths []int, pick func(int) bool) int {
	d := 0
	for c, w := range widths {
		if pick(c) {
			d += f.want[c] - w
		}
	}
	return d
}

// lines counts the lines runs of the given widths take at width w.
func lines(runs []int, w int) int {
	n, lineW := 1, 0
	for _, rw := range runs {
		switch {
		case lineW == 0:
			lineW = rw
		case lineW+1+rw <= w:
			lineW += 1 + rw
		default:
			n++
			lineW = rw
		}
	}
	return n
}

// measure works out, once, how many lines each cell takes at each width
// its column may have, so that weighing a layout is only arithmetic.
func (f *fitter) measure() {
	rows := len(f.runs)
	f.heights = make([][]int, len(f.want))
	for c := range f.want {
		f.heights[c] = make([]int, (f.want[c]-f.mins[c]+1)*rows)
		for w := f.mins[c]; w <= f.want[c]; w++ {
			for r, row := range f.runs {
				f.heights[c][(w-f.mins[c])*rows+r] = lines(row[c], w)
			}
		}
	}
}

// cost is what a layout weighs: the lines its rows take, and the cells it
// cuts (each counting cutCost lines). A row is as tall as its tallest kept
// cell, or as its other cells up to cellLines; a cell cut at that is cut.
func (f fitter) cost(widths []int) int {
	rows := len(f.runs)
	total := 0
	for r := range rows {
		keptH, otherH, tallest := 1, 1, 0
		for c, w := range widths {
			h := f.heights[c][(w-f.mins[c])*rows+r]
			if f.kept[c] {
				keptH = max(keptH, h)
			} else {
				otherH = max(otherH, min(h, cellLines))
				tallest = max(tallest, h)
			}
		}
		rowH := max(keptH, otherH)
		total += rowH
		if tallest > rowH {
			for c, w := range widths {
				if !f.kept[c] && f.heights[c][(w-f.mins[c])*rows+r] > rowH {
					total += cutCost
				}
			}
		}
	}
	return total
}

// grow hands out spare columns of width where they save the most lines
// (and cuts) per column given, until none saves anything. It returns
// what is left.
func (f fitter) grow(widths []int, spare int) int {
	now := f.cost(widths)
	for spare > 0 {
		best, bestStep, bestCost := -1, 0, now
		for c := range widths {
			w := widths[c]
			for step := 1; step <= min(spare, f.want[c]-w); step++ {
				widths[c] = w + step
				got := f.cost(widths)
				// Savings per column given, (now-got)/step, against the best so far.
				if got < now && (best < 0 || (now-got)*bestStep > (now-bestCost)*step) {
					best, bestStep, bestCost = c, step, got
				}
			}
			widths[c] = w
		}
		if best < 0 {
			break
		}
		widths[best] += bestStep
		spare -= bestStep
		now = bestCost
	}
	return spare
}

// share gives what no column can use to save a line to the columns that
// still want width, in proportion to what they want, so text is less
// crowded even where it takes as many lines.
func (f fitter) share(widths []int, spare int) {
	need := f.deficit(widths, func(int) bool { return true })
	if spare <= 0 || need == 0 {
		return
	}
	spare = min(spare, need)
	given := 0
	for c := range widths {
		extra := spare * (f.want[c] - widths[c]) / need
		widths[c] += extra
		given += extra
	}
	// Rounding leaves a few columns over; hand them out left to right.
	for c := 0; given < spare && c < len(widths); c++ {
		if widths[c] < f.want[c] {
			widths[c]++
			given++
		}
	}
}
