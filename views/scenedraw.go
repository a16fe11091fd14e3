package views

import (
	"math"
	"strings"
)

// geom is one drawing of the cell: its size, where the receptor stands,
// how the actors are spelled and the row of every level. The fixed layouts
// and the zoom are all geoms, so one drawing routine serves them all.
type geom struct {
	w, h        int // the canvas
	cx          int // between the two chains
	apart, near int // half the gap between the chains, apart and together
	drift       int // how far resting STATs wait beyond their docking sites
	strand      int // cells of DNA strand
	jak1, jak2  string
	stat        string
	out, mem    string // side labels, right of the cell; "" for none
	in          string
	labelX      int // column of the side labels (the cell's width without them)
	y           levels
}

// levels are the rows things happen on, top to bottom. In the compact
// levels some coincide: the cytokine is caught where it starts, the JAKs'
// marks sit beside them, and the STATs rest, dock and pair on one row.
type levels struct {
	cyto0 int // where the cytokine starts; the "outside" label
	catch int // where a biologic catches it
	top   int // the chains' outer ends, where it binds; the "membrane" label
	mem   int // the membrane
	jakP  int // marks on the JAKs and the drug's path; == jak: beside them
	jak   int
	tail  int // the chains' inner tails; the "inside" label
	dock  int // STATs docked on the tails
	rest  int // STATs at rest
	pair  int // where the STATs pair up
	nuc   int // the nucleus's top edge
	dna   int
	nucB  int // its bottom edge
}

// The two sets of levels the fixed layouts use: normalRows tall, or
// compactRows for windows such as 60x16 where the whole scene must fit
// in about eleven rows.
const (
	normalRows  = 13
	compactRows = 9
)

func normalLevels() levels {
	return levels{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
}

func compactLevels() levels {
	return levels{cyto0: 0, catch: 0, top: 1, mem: 2, jakP: 3, jak: 3, tail: 4,
		dock: 5, rest: 5, pair: 5, nuc: 6, dna: 7, nucB: 8}
}

// stretchedLevels spreads the normal levels over h rows (at most twice as
// many): the extra goes to the cytokine's approach, the STATs' journey and
// the nucleus, so movements get longer and the picture fills the window.
func stretchedLevels(h int) levels {
	e := min(max(h-normalRows, 0), normalRows)
	a, c := e/4, e/4&^1 // the nucleus grows in pairs of rows, keeping the DNA in its middle
	b := e - a - c
	b1, b2 := b/3, b/3
	l := normalLevels()
	l.catch += a
	l.top += a
	l.mem += a
	l.jakP += a
	l.jak += a
	l.tail += a
	l.dock += a
	l.rest += a + b1
	l.pair += a + b1 + b2
	l.nuc += a + b
	l.dna += a + b + c/2
	l.nucB += a + b + c
	return l
}

// The horizontal families. Each is drawn with normal levels unless a
// layout says otherwise.
func wideGeom() geom {
	return geom{w: 46, h: normalRows, cx: 16, apart: 4, near: 1, drift: 4,
		jak1: "[JAK1]", jak2: "[JAK2]", stat: "(STAT)",
		out: "outside the cell", mem: "membrane", in: "inside the cell", labelX: 30, y: normalLevels()}
}

func narrowGeom() geom {
	return geom{w: 30, h: normalRows, cx: 10, apart: 3, near: 1, drift: 4,
		jak1: "JAK1", jak2: "JAK2", stat: "(S)",
		out: "outside", mem: "membrane", in: "inside", labelX: 22, y: normalLevels()}
}

// compactGeom fits a 60x16 window beside about 34 columns of text.
func compactGeom() geom {
	return geom{w: 24, h: compactRows, cx: 7, apart: 3, near: 1, drift: 4,
		jak1: "J1", jak2: "J2", stat: "S",
		out: "outside", mem: "membrane", in: "inside", labelX: 16, y: compactLevels()}
}

// The compare scene's cells carry no side labels: one set, between the two
// cells, names the rows for both.
func compareWideCell() geom {
	g := narrowGeom()
	g.w, g.out, g.mem, g.in = g.labelX, "", "", ""
	g.strand = 7
	return g
}

func compareNarrowCell() geom {
	return geom{w: 18, h: normalRows, cx: 8, apart: 3, near: 1, drift: 4, strand: 5,
		jak1: "J1", jak2: "J2", stat: "S", labelX: 18, y: normalLevels()}
}

func compareCompactCell() geom {
	return geom{w: 14, h: compactRows, cx: 6, apart: 3, near: 1, drift: 3, strand: 4,
		jak1: "J1", jak2: "J2", stat: "S", labelX: 14, y: compactLevels()}
}

// scaled widens a geom by sx (1 to 2): the gaps grow, the words do not.
func (g geom) scaled(sx float64) geom {
	if sx <= 1 {
		return g
	}
	r := func(v int) int { return int(math.Round(float64(v) * sx)) }
	labels := g.w - g.labelX
	g.cx, g.drift = r(g.cx), r(g.drift)
	g.apart = max(r(g.apart), g.near+2)
	g.labelX = r(g.labelX)
	g.w = g.labelX + labels
	if g.strand > 0 {
		g.strand = r(g.strand) // a derived strand follows the pair by itself
	}
	return g
}

// pairX is the column the paired STATs start at.
func (g geom) pairX() int { return g.cx - len(g.stat) }

// strandLen is the DNA strand's length: by default it reaches one cell
// past where the STAT pair lands, so the pair sits on the strand, not
// against the DNA label.
func (g geom) strandLen() int {
	if g.strand > 0 {
		return g.strand
	}
	return g.pairX() + 2*len(g.stat) - 1
}

// drawCell draws one state of the cell.
func drawCell(st cellState, geo geom, g Glyphs) *canvas {
	c := newCanvas(geo.w, geo.h)
	y := geo.y
	show := func(part int) bool { return st.shown == 0 || st.shown > part }
	half := geo.apart - int(float64(geo.apart-geo.near)*st.close+0.5)
	left, right := geo.cx-half, geo.cx+half

	if show(0) {
		c.hline(0, geo.w-1, y.mem, g.Membrane, RoleMembrane)
		c.text(geo.labelX, y.cyto0, geo.out, RoleLabel)
		c.text(geo.labelX, y.top, geo.mem, RoleLabel)
		c.text(geo.labelX, y.tail, geo.in, RoleLabel)
	}
	if show(1) {
		for row := y.top; row <= y.tail; row++ {
			c.set(left, row, g.Chain, RoleReceptor)
			c.set(right, row, g.Chain, RoleReceptor)
		}
	}
	pL, pR := geo.jakMarks(left, right)
	if show(2) {
		jak := RoleJAK
		if st.jakOn {
			jak = RoleSignal
		}
		c.text(left-len(geo.jak1), y.jak, geo.jak1, jak)
		c.text(right+1, y.jak, geo.jak2, jak)
		if st.jakP {
			c.set(pL, y.jakP, 'P', RolePhosphate)
			c.set(pR, y.jakP, 'P', RolePhosphate)
		}
		if st.tailP {
			c.set(left-1, y.tail, 'P', RolePhosphate)
			c.set(right+1, y.tail, 'P', RolePhosphate)
		}
	}
	if show(4) {
		drawNucleus(c, st, geo, g)
	}
	if show(3) {
		drawSTATs(c, st, geo, left, right)
	}
	drawVisitors(c, st, geo, g, left, right, pL, pR)
	return c
}

// jakMarks are the columns of the marks the JAKs put on each other: above
// each JAK, or beside its name when the levels put them on one row. A
// drug sits in the same places, as it takes the place of those marks.
func (geo geom) jakMarks(left, right int) (int, int) {
	if geo.y.jakP == geo.y.jak {
		return left - len(geo.jak1) - 1, right + len(geo.jak2) + 1
	}
	return left - 2, right + 2
}

// drawNucleus draws the nucleus: its outline and name, the DNA strand and
// whether the gene is on. The name sits at the top right, out of the way
// of the STAT pair coming in, or along the bottom when the cell is too
// narrow for that.
func drawNucleus(c *canvas, st cellState, geo geom, g Glyphs) {
	y := geo.y
	c.box(0, y.nuc, geo.w-1, y.nucB, g, RoleNucleus)
	name := " nucleus "
	if x := geo.w - 3 - len(name); x > geo.pairX()+2*len(geo.stat) {
		c.text(x, y.nuc, name, RoleNucleus)
	} else {
		c.text(2, y.nucB, name, RoleNucleus)
	}
	strand := geo.strandLen()
	c.scenery(2, y.dna, strings.Repeat(string(g.DNA), strand), RoleNucleus)
	dnaX := 3 + strand
	c.text(dnaX, y.dna, "DNA", RoleNucleus)
	gene, role := "gene off", RoleLabel
	if st.geneOn {
		gene, role = "gene ON", RoleSignal
	}
	room := geo.w - 2 - (dnaX + 4) // after "DNA ", before " │"
	if len(gene) > room {
		gene = strings.TrimPrefix(gene, "gene ")
	}
	if len(gene) <= room {
		c.text(geo.w-2-len(gene), y.dna, gene, role)
	}
}

// drawVisitors draws what comes from elsewhere: the cytokine, a biologic,
// a drug, and the marks where the signal stops.
func drawVisitors(c *canvas, st cellState, geo geom, g Glyphs, left, right, pL, pR int) {
	y := geo.y
	if st.cytoY >= 0 {
		c.set(geo.cx, st.cytoRow(y), g.Cytokine, RoleCytokine)
	}
	if st.antibody >= 0 {
		// From the left, away from the side labels, to beside the cytokine.
		c.set(lerp(0, geo.cx-1, st.antibody), y.catch, g.Antibody, RoleAntibody)
	}
	if st.cover >= 0 {
		// From the left to the top of the left chain, which it covers.
		c.set(lerp(0, left, st.cover), y.catch, g.Antibody, RoleAntibody)
	}
	if st.caught {
		// The binding site the cytokine never reaches.
		c.set(geo.cx, y.top, g.Block, RoleBlock)
	}
	if st.drug >= 0 {
		c.set(lerp(0, pL, st.drug), y.jakP, g.Drug, RoleDrug)
		c.set(lerp(geo.w-1, pR, st.drug), y.jakP, g.Drug, RoleDrug)
	}
	if st.blocked {
		c.set(left-1, y.tail, g.Block, RoleBlock)
		c.set(right+1, y.tail, g.Block, RoleBlock)
	}
}

// cytoRow is the cytokine's row: cytoY runs from 0 (where it starts) to 1
// (caught by a biologic) to 2 (bound), mapped onto the geometry's levels.
func (st cellState) cytoRow(y levels) int {
	switch {
	case st.cytoY <= 1:
		return lerp(y.cyto0, y.catch, st.cytoY)
	default:
		return lerp(y.catch, y.top, st.cytoY-1)
	}
}

// drawSTATs places the two STATs for the stage st.stat has reached.
func drawSTATs(c *canvas, st cellState, geo geom, left, right int) {
	y := geo.y
	s, n := geo.stat, len(geo.stat)
	restL, restR := max(left-n-geo.drift, 0), right+geo.drift
	dockL, dockR := left-n, right+1
	pairL := geo.pairX()
	switch t := st.statMoveT; {
	case st.stat < 1:
		row := lerp(y.rest, y.dock, t)
		c.text(lerp(restL, dockL, t), row, s, RoleSTAT)
		c.text(lerp(restR, dockR, t), row, s, RoleSTAT)
	case st.stat < 3:
		c.text(dockL, y.dock, s, RoleSignal)
		c.text(dockR, y.dock, s, RoleSignal)
		c.set(dockL-1, y.dock, 'P', RolePhosphate)
		c.set(dockR+n, y.dock, 'P', RolePhosphate)
	case st.stat < 4:
		row := lerp(y.dock, y.pair, t)
		c.text(lerp(dockL, pairL, t), row, s, RoleSignal)
		c.text(lerp(dockR, pairL+n, t), row, s, RoleSignal)
	default:
		c.text(pairL, lerp(y.pair, y.dna, t), s+s, RoleSignal)
	}
}
