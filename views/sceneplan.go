package views

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// plan is how a scene is laid out: the cell's geometry (compare draws two
// cells with an aisle between them), the caption rows under the drawing,
// and whether a legend follows.
type plan struct {
	cell    geom
	compare bool
	aisle   int  // compare: columns between the cells; the side labels go there when it is wide enough
	sides   bool // compare: say what happens on each side, not only where each acts
	legend  bool
}

// aisleLabels is the narrowest aisle that holds the side labels.
const aisleLabels = 10

// captionRows is how many lines a caption takes: always the same, so the
// legend and the text beside the scene never jump as captions change.
const captionRows = 2

// planFor is a fixed layout's plan.
func planFor(name string, l SceneLayout) plan {
	if name == "compare" {
		switch l {
		case SceneWide:
			return plan{cell: compareWideCell(), compare: true, aisle: aisleLabels, sides: true, legend: true}
		case SceneNarrow:
			return plan{cell: compareNarrowCell(), compare: true, aisle: aisleLabels, sides: true, legend: true}
		}
		return plan{cell: compareCompactCell(), compare: true, aisle: 2}
	}
	switch l {
	case SceneWide:
		return plan{cell: wideGeom(), legend: true}
	case SceneNarrow:
		return plan{cell: narrowGeom(), legend: true}
	}
	return plan{cell: compactGeom()}
}

func (p plan) width() int {
	if p.compare {
		return 2*p.cell.w + p.aisle
	}
	return p.cell.w
}

// captionRows: compare heads each side with its name, then says what
// happens there (the compact layout only where each side acts).
func (p plan) captionRows() int {
	if p.compare && p.sides {
		return captionRows + 1
	}
	return captionRows
}

func (p plan) size(name string, g Glyphs) (w, h int) {
	h = p.cell.h + p.captionRows()
	if p.legend {
		h += len(legendLines(name, p.cell, g, p.width()))
	}
	return p.width(), h
}

// render draws frame f: the drawing, the caption and the legend, one
// string per line.
func (p plan) render(name string, f int, g Glyphs, s Styles) []string {
	sp, ok := specFor(name)
	if !ok {
		return nil
	}
	f = min(max(f, 0), SceneFrames(name)-1)
	rc := &s.scene
	var out []string
	if p.compare {
		l, r := compareStates(f)
		out = p.compareDrawing(drawCell(l, p.cell, g), drawCell(r, p.cell, g), rc)
		out = append(out, p.compareCaption(l, r, rc)...)
	} else {
		st := sp.state(f)
		out = drawCell(st, p.cell, g).lines(rc, false)
		out = append(out, captionLines(st.caption, p.width(), captionRows, rc)...)
	}
	if p.legend {
		for _, ln := range legendLines(name, p.cell, g, p.width()) {
			out = append(out, styleLegend(ln, rc, g))
		}
	}
	return out
}

// compareDrawing puts the two cells side by side, the side labels in the
// aisle between them naming the rows for both.
func (p plan) compareDrawing(left, right *canvas, rc *roleCodes) []string {
	a, b := left.lines(rc, true), right.lines(rc, false)
	gap := make([]string, len(a))
	for i := range gap {
		gap[i] = strings.Repeat(" ", p.aisle)
	}
	if p.aisle >= aisleLabels {
		y := p.cell.y
		for _, lb := range []struct {
			row  int
			text string
		}{{y.cyto0, "outside"}, {y.top, "membrane"}, {y.tail, "inside"}} {
			pad := (p.aisle - len(lb.text)) / 2
			gap[lb.row] = strings.Repeat(" ", pad) + rc.wrap(RoleLabel, lb.text) + strings.Repeat(" ", p.aisle-pad-len(lb.text))
		}
	}
	out := make([]string, len(a))
	for i := range a {
		out[i] = strings.TrimRight(a[i]+gap[i]+b[i], " ")
	}
	return out
}

// compareCaption names each side in its own colour, then says what is
// happening on it.
func (p plan) compareCaption(l, r cellState, rc *roleCodes) []string {
	col := p.cell.w + p.aisle
	two := func(a, b string, ra, rb Role) string {
		if b == "" {
			return rc.wrap(ra, a)
		}
		return rc.wrap(ra, a) + strings.Repeat(" ", col-ansi.StringWidth(a)) + rc.wrap(rb, b)
	}
	out := []string{two("Biologic", "JAK inhibitor", RoleAntibody, RoleBlock)}
	if !p.sides {
		return append(out, two("acts outside", "acts inside", roleCaption, roleCaption))
	}
	la, ra := wrapRows(l.side, p.cell.w, captionRows), wrapRows(r.side, p.cell.w, captionRows)
	for i := range captionRows {
		out = append(out, two(la[i], ra[i], roleCaption, roleCaption))
	}
	return out
}

// wrapRows wraps text to exactly rows lines of width, the last ending in
// "…" if the text does not fit.
func wrapRows(text string, width, rows int) []string {
	lines := strings.Split(ansi.Wordwrap(text, width, ""), "\n")
	for len(lines) < rows {
		lines = append(lines, "")
	}
	if len(lines) > rows {
		lines = lines[:rows]
		lines[rows-1] = Truncate(lines[rows-1]+" …", width)
	}
	for i, ln := range lines {
		lines[i] = strings.TrimRight(ln, " ")
	}
	return lines
}

// captionLines is a caption in rows lines, styled.
func captionLines(text string, width, rows int, rc *roleCodes) []string {
	lines := wrapRows(text, width, rows)
	for i, ln := range lines {
		lines[i] = rc.wrap(roleCaption, ln)
	}
	return lines
}

// legendLines names what is on screen, spelled as the cell spells it,
// packed into lines of width.
func legendLines(name string, geo geom, g Glyphs, width int) []string {
	jak := geo.jak1 + " " + geo.jak2 + ": JAKs"
	if len(geo.jak1) <= 2 {
		jak = geo.jak1 + " " + geo.jak2 + ": JAK1, JAK2"
	}
	items := []string{
		string(g.Cytokine) + " cytokine",
		string(g.Chain) + " receptor",
		jak,
		geo.stat + " STAT",
		"P phosphate",
	}
	sp, _ := specFor(name)
	for _, e := range sp.legend {
		switch e {
		case "antibody":
			items = append(items, string(g.Antibody)+" antibody")
		case "drug":
			items = append(items, string(g.Drug)+" JAK inhibitor")
		case "block":
			items = append(items, string(g.Block)+" signal stops")
		}
	}
	var lines []string
	line := ""
	for _, it := range items {
		switch {
		case line == "":
			line = it
		case ansi.StringWidth(line)+2+ansi.StringWidth(it) <= width:
			line += "  " + it
		default:
			lines = append(lines, line)
			line = it
		}
	}
	return append(lines, line)
}

// styleLegend colours each legend item's symbol like the thing it names.
func styleLegend(ln string, rc *roleCodes, g Glyphs) string {
	var b strings.Builder
	for i, item := range strings.Split(ln, "  ") {
		if i > 0 {
			b.WriteString("  ")
		}
		sym, rest, _ := strings.Cut(item, " ")
		role := RoleLabel
		switch []rune(sym)[0] {
		case g.Cytokine, 'P':
			role = RoleSignal
		case g.Antibody:
			role = RoleAntibody
		case g.Drug, g.Block:
			role = RoleBlock
		}
		b.WriteString(rc.wrap(role, sym) + rc.wrap(RoleLabel, " "+rest))
	}
	return b.String()
}
