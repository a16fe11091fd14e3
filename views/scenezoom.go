package views

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// maxZoom is how far the zoom stretches a layout, each way: beyond twice
// its size a picture made of single-cell glyphs only gets emptier.
const maxZoom = 2.0

// SceneZoom draws frame f of a scene to fill a w x h area, for a class to
// see: the drawing as large as the area allows (up to twice the wide
// layout each way, keeping its proportions), its caption and, where there
// is room, its legend, centred. It returns exactly h lines, none wider
// than w, at any size; below about 24x11 the picture is cut at the edges
// rather than refused.
func SceneZoom(name string, f, w, h int, g Glyphs, s Styles) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	p := zoomPlan(name, w, h, g)
	lines := p.render(name, f, g, s)
	left := strings.Repeat(" ", max((w-p.width())/2, 0))
	top := max((h-len(lines))/2, 0)
	out := make([]string, h)
	for i := range lines {
		if top+i >= h {
			break
		}
		ln := left + lines[i]
		if p.width() > w {
			ln = ansi.Truncate(ln, w, "")
		}
		out[top+i] = strings.TrimRight(ln, " ")
	}
	return strings.Join(out, "\n")
}

// zoomPlan fits a scene's plan to w x h: the roomiest layout whose width
// fits, given the normal rows (stretched) if the height allows, else the
// compact ones, widened in step with the height so the cell keeps its
// shape.
func zoomPlan(name string, w, h int, g Glyphs) plan {
	var p plan
	for _, l := range SceneLayouts() {
		if p = planFor(name, l); p.width() <= w {
			break
		}
	}
	if p.compare && w >= 2*p.cell.w+aisleLabels {
		p.aisle = aisleLabels
	}
	p.sides = p.compare && p.cell.w >= compareNarrowCell().w
	if p.sides && compactRows+p.captionRows() > h {
		p.sides = false // where each side acts, in one row: what it does would be cut
	}
	rows := h - p.captionRows()
	p.legend = rows-len(legendLines(name, p.cell, g, p.width())) >= normalRows
	if p.legend {
		rows -= len(legendLines(name, p.cell, g, p.width()))
	}
	if rows < normalRows {
		p.cell.y, p.cell.h = compactLevels(), compactRows
		return p
	}
	rows = min(rows, int(maxZoom*normalRows))
	p.cell.y = stretchedLevels(rows)
	p.cell.h = p.cell.y.nucB + 1
	sx := min(maxZoom, float64(rows)/normalRows)
	room := w
	if p.compare {
		room = (w - p.aisle) / 2
	}
	for ; sx > 1; sx -= 0.05 {
		if c := p.cell.scaled(sx); c.w <= room {
			p.cell = c
			break
		}
	}
	return p
}
