package views

import (
	"math"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// A scene is a short film of the JAK-STAT pathway, drawn by code. Each frame
// is a pure function of (scene, frame, size, glyphs): a scene function says
// where every actor is at frame f, and one drawing routine draws any state,
// so every frame can be rendered and tested on its own.

// sceneSpec is a scene's length, its one-line description (shown when the
// window is too small to draw it) and its states.
type sceneSpec struct {
	frames  int
	caption string
	legend  []string // extra legend items beyond the cast every scene has
	state   func(f int) cellState
}

// cellState is the state of one cell (the biological kind) at one frame.
type cellState struct {
	shown     int     // build-up: how many parts are drawn (resting only); 0 = all
	cytoY     int     // row of the cytokine; -1 when absent
	close     float64 // 0: chains apart, 1: chains together
	jakOn     bool    // JAKs switched on
	jakP      bool    // JAKs have marked each other
	tailP     bool    // receptor tails marked
	stat      float64 // 0 resting, 1 docked; 2 marked; 3 let go and paired (dimer); 4 in the nucleus
	geneOn    bool
	antibody  float64 // -1 absent; 0..1 moving in to catch the cytokine
	drug      float64 // -1 absent; 0..1 moving into the JAKs' ATP pockets
	blocked   bool    // show where the signal stops
	caption   string
	statMoveT float64 // progress within the current STAT stage
}

// at returns how far frame f is through the span [a, b], from 0 to 1.
func at(f, a, b int) float64 {
	switch {
	case f <= a:
		return 0
	case f >= b:
		return 1
	}
	return float64(f-a) / float64(b-a)
}

func lerp(a, b int, t float64) int { return a + int(math.Round(float64(b-a)*t)) }

func rest() cellState { return cellState{cytoY: -1, antibody: -1, drug: -1} }

func bound() cellState {
	c := rest()
	c.cytoY, c.close = 2, 1
	return c
}

func activated() cellState {
	c := bound()
	c.jakOn, c.jakP, c.tailP = true, true, true
	return c
}

const statFrames = 30

// statState is the STAT film: dock, marked, let go and pair.
func statState(f int) cellState {
	c := activated()
	switch {
	case f < 10:
		c.stat, c.statMoveT = 0, at(f, 0, 10)
		c.caption = "5. STATs dock on the marks."
	case f < 18:
		c.stat = 2
		c.caption = "6. The JAKs mark the STATs."
	default:
		c.stat, c.statMoveT = 3, at(f, 18, 28)
		c.caption = "7. The STATs let go and pair up."
	}
	return c
}

// sceneSpecs is every scene; a function, so nothing can change the table.
func sceneSpecs() map[string]sceneSpec {
	return map[string]sceneSpec{
		"resting": {frames: 10, caption: "A cell at rest: receptor chains cross the membrane, a JAK on each inner tail, STATs waiting, DNA in the nucleus.",
			state: func(f int) cellState {
				c := rest()
				c.shown = min(f+1, 6)
				c.caption = "At rest: nothing is signalling."
				return c
			}},
		"binding": {frames: 24, caption: "A cytokine arrives and binds; the two receptor chains come together, bringing their JAKs close.",
			state: func(f int) cellState {
				c := rest()
				c.cytoY = lerp(0, 2, at(f, 0, 10))
				c.close = at(f, 10, 20)
				c.caption = "1. The cytokine arrives outside the cell."
				if f >= 10 {
					c.caption = "2. It binds: the chains come together."
				}
				return c
			}},
		"activation": {frames: 24, caption: "The JAKs switch each other on with phosphate (P) marks, then mark the receptor tails.",
			state: func(f int) cellState {
				c := bound()
				c.jakOn = f >= 4
				c.jakP = f >= 8
				c.tailP = f >= 16
				c.caption = "The chains have met; the JAKs are close."
				switch {
				case f >= 16:
					c.caption = "4. The JAKs mark the receptor tails (P)."
				case f >= 8:
					c.caption = "3. The JAKs mark and switch on each other."
				}
				return c
			}},
		"stat": {frames: statFrames, caption: "STATs dock on the marked tails, are marked in turn, let go and pair up.", state: statState},
		"nucleus": {frames: 54, caption: "STATs dock, are marked, pair up; the pair moves into the nucleus, binds DNA and switches genes on: inflammation, itch.",
			state: func(f int) cellState {
				// The whole third stage: the STAT film, then the nucleus.
				if f < statFrames {
					return statState(f)
				}
				f -= statFrames
				c := activated()
				c.stat, c.statMoveT = 4, at(f, 0, 12)
				c.geneOn = f >= 16
				c.caption = "8. The STAT pair enters the nucleus."
				if c.geneOn {
					c.caption = "9. Genes switch on: inflammation, itch."
				}
				return c
			}},
		"biologic": {frames: 24, caption: "A biologic (an antibody) catches the cytokine outside the cell; nothing happens inside.",
			legend: []string{"antibody"},
			state: func(f int) cellState {
				c := rest()
				c.cytoY = lerp(0, 1, at(f, 0, 6))
				c.antibody = at(f, 4, 14)
				c.caption = "A biologic waits outside the cell."
				if f >= 14 {
					c.caption = "It holds the cytokine: no signal inside."
				}
				return c
			}},
		"blocked": {frames: 30, caption: "A JAK inhibitor sits in the JAK's ATP pocket: the cytokine still binds and the chains meet, but no P marks appear; the signal stops at the JAK.",
			legend: []string{"drug", "block"},
			state: func(f int) cellState {
				c := rest()
				c.drug = at(f, 0, 8)
				c.cytoY = lerp(0, 2, at(f, 8, 16))
				c.close = at(f, 16, 22)
				c.blocked = f >= 24
				c.caption = "A JAK inhibitor enters the cell."
				switch {
				case f >= 24:
					c.caption = "No P marks: the signal stops at the JAK."
				case f >= 8:
					c.caption = "The cytokine still binds; the chains meet."
				}
				return c
			}},
	}
}

// SceneFrames is how many frames a scene has; its last frame is where it rests.
func SceneFrames(name string) int {
	if name == "compare" {
		return max(sceneSpecs()["biologic"].frames, sceneSpecs()["blocked"].frames)
	}
	return sceneSpecs()[name].frames
}

// SceneCaption is a scene in one sentence, for windows too small to draw it.
func SceneCaption(name string) string {
	if name == "compare" {
		return "Side by side: a biologic stops the signal outside the cell; a JAK inhibitor stops it inside, at the JAK."
	}
	return sceneSpecs()[name].caption
}

// geom is one layout of the cell: the wide one, the narrow one, or the
// mini one used twice side by side by compare.
type geom struct {
	w           int
	cx          int // between the two chains
	apart, near int // half the gap between the chains, apart and together
	jak1, jak2  string
	stat        string
	labels      bool // names down the right-hand side
}

// A scene is sceneRows of drawing, captionRows saying what is happening,
// then its legend.
const (
	sceneRows   = 13
	captionRows = 2
)

// captionLines wraps a caption to exactly captionRows lines, so the legend
// does not jump as captions change.
func captionLines(text string, width int, s Styles) string {
	lines := strings.Split(ansi.Wordwrap(text, width, ""), "\n")
	for len(lines) < captionRows {
		lines = append(lines, "")
	}
	if len(lines) > captionRows {
		lines = lines[:captionRows]
		lines[captionRows-1] = Truncate(lines[captionRows-1]+" …", width)
	}
	for i, ln := range lines {
		lines[i] = s.Title.Render(strings.TrimRight(ln, " "))
	}
	return strings.Join(lines, "\n")
}

func wideGeom() geom {
	return geom{w: 46, cx: 16, apart: 4, near: 1, jak1: "[JAK1]", jak2: "[JAK2]", stat: "(STAT)", labels: true}
}
func narrowGeom() geom {
	return geom{w: 30, cx: 10, apart: 3, near: 1, jak1: "JAK1", jak2: "JAK2", stat: "(S)", labels: true}
}
func miniGeom() geom {
	return geom{w: 22, cx: 8, apart: 3, near: 1, jak1: "J1", jak2: "J2", stat: "S"}
}

// SceneSize is the size of a scene's wide or narrow layout, legend included.
func SceneSize(name string, wide bool, g Glyphs) (w, h int) {
	w = sceneWidth(name, wide)
	return w, sceneRows + captionRows + len(legendLines(name, wide, g, w))
}

func sceneWidth(name string, wide bool) int {
	switch {
	case name == "compare" && wide:
		return 2*narrowGeom().w + 2
	case name == "compare":
		return 2*miniGeom().w + 2
	case wide:
		return wideGeom().w
	}
	return narrowGeom().w
}

// Scene draws frame f of a scene in its wide or narrow layout: the cellState,
// a caption saying what is happening, and a legend.
func Scene(name string, f int, wide bool, g Glyphs, s Styles) string {
	f = min(max(f, 0), SceneFrames(name)-1)
	styles := roleStyles(s)
	var drawing, caption string
	if name == "compare" {
		geo := miniGeom()
		if wide {
			geo = narrowGeom()
		}
		specs := sceneSpecs()
		left := drawCell(specs["biologic"].state(min(f, specs["biologic"].frames-1)), geo, g)
		right := drawCell(specs["blocked"].state(f), geo, g)
		drawing = lipgloss.JoinHorizontal(lipgloss.Top, left.render(styles), "  ", right.render(styles))
		pad := strings.Repeat(" ", geo.w+2-len("Biologic: outside"))
		caption = s.Title.Render("Biologic: outside"+pad+"JAK inhibitor: inside") + "\n"
	} else {
		geo := narrowGeom()
		if wide {
			geo = wideGeom()
		}
		st := sceneSpecs()[name].state(f)
		drawing = drawCell(st, geo, g).render(styles)
		caption = captionLines(st.caption, geo.w, s)
	}
	w := sceneWidth(name, wide)
	legend := legendLines(name, wide, g, w)
	for i, ln := range legend {
		legend[i] = styleLegend(ln, s, g)
	}
	return drawing + "\n" + caption + "\n" + strings.Join(legend, "\n")
}

// drawCell draws one state of the cell.
func drawCell(st cellState, geo geom, g Glyphs) *canvas {
	c := newCanvas(geo.w, sceneRows)
	show := func(part int) bool { return st.shown == 0 || st.shown > part }
	half := geo.apart - int(float64(geo.apart-geo.near)*st.close+0.5)
	left, right := geo.cx-half, geo.cx+half
	const yTop, yMem, yJAK, yTail, yDock, yRest, yPair, yNuc, yDNA = 2, 3, 5, 6, 7, 8, 9, 10, 11

	if show(0) {
		c.hline(0, geo.w-1, yMem, g.Membrane, RoleMembrane)
		if geo.labels {
			out, in := "outside", "inside"
			if geo.w > 40 {
				out, in = "outside the cell", "inside the cell"
			}
			rx := geo.w - max(len(out), len("membrane"))
			c.text(rx, 0, out, RoleLabel)
			c.text(rx, yMem-1, "membrane", RoleLabel)
			c.text(rx, yTail, in, RoleLabel)
		}
	}
	if show(1) {
		for y := yTop; y <= yTail; y++ {
			c.set(left, y, g.Chain, RoleReceptor)
			c.set(right, y, g.Chain, RoleReceptor)
		}
	}
	if show(2) {
		jak := RoleJAK
		if st.jakOn {
			jak = RoleSignal
		}
		c.text(left-len(geo.jak1), yJAK, geo.jak1, jak)
		c.text(right+1, yJAK, geo.jak2, jak)
		if st.jakP {
			c.set(left-2, yJAK-1, 'P', RolePhosphate)
			c.set(right+2, yJAK-1, 'P', RolePhosphate)
		}
		if st.tailP {
			c.set(left-1, yTail, 'P', RolePhosphate)
			c.set(right+1, yTail, 'P', RolePhosphate)
		}
	}
	if show(4) {
		c.box(0, yNuc, geo.w-1, sceneRows-1, g, RoleNucleus)
		c.text(2, yNuc, " nucleus ", RoleNucleus)
		dna := strings.Repeat(string(g.DNA), geo.w/2-4)
		c.text(2, yDNA, dna, RoleNucleus)
		c.text(3+len([]rune(dna)), yDNA, "DNA", RoleNucleus)
		gene, role := "gene off", RoleLabel
		if st.geneOn {
			gene, role = "gene ON", RoleSignal
		}
		if geo.w < 25 {
			gene = strings.TrimPrefix(gene, "gene ")
		}
		c.text(geo.w-2-len(gene), yDNA, gene, role)
	}
	if show(3) {
		drawSTATs(c, st, geo, left, right, yDock, yRest, yPair, yDNA)
	}
	if st.cytoY >= 0 {
		c.set(geo.cx, st.cytoY, g.Cytokine, RoleCytokine)
	}
	if st.antibody >= 0 {
		x := lerp(geo.w-2, geo.cx+1, st.antibody)
		c.set(x, 1, g.Antibody, RoleAntibody)
	}
	if st.drug >= 0 {
		c.set(lerp(1, left-2, st.drug), yJAK-1, g.Drug, RoleDrug)
		c.set(lerp(geo.w-2, right+2, st.drug), yJAK-1, g.Drug, RoleDrug)
	}
	if st.blocked {
		c.set(left-1, yTail, g.Block, RoleBlock)
		c.set(right+1, yTail, g.Block, RoleBlock)
		c.set(left-len(geo.jak1)-2, yJAK, g.Block, RoleBlock)
	}
	return c
}

// drawSTATs places the two STATs for the stage st.stat has reached.
func drawSTATs(c *canvas, st cellState, geo geom, left, right, yDock, yRest, yPair, yDNA int) {
	n := len(geo.stat)
	restL, restR := max(left-n-4, 0), right+4
	dockL, dockR := left-n, right+1
	pairL := geo.cx - n
	role := RoleSTAT
	switch {
	case st.stat < 1 && st.statMoveT == 0:
		c.text(restL, yRest, geo.stat, role)
		c.text(restR, yRest, geo.stat, role)
	case st.stat < 1:
		t := st.statMoveT
		yl := lerp(yRest, yDock, t)
		c.text(lerp(restL, dockL, t), yl, geo.stat, role)
		c.text(lerp(restR, dockR, t), yl, geo.stat, role)
	case st.stat < 3:
		c.text(dockL, yDock, geo.stat, RoleSignal)
		c.text(dockR, yDock, geo.stat, RoleSignal)
		c.set(dockL-1, yDock, 'P', RolePhosphate)
		c.set(dockR+n, yDock, 'P', RolePhosphate)
	case st.stat < 4:
		t := st.statMoveT
		y := lerp(yDock, yPair, t)
		c.text(lerp(dockL, pairL, t), y, geo.stat, RoleSignal)
		c.text(lerp(dockR, pairL+n, t), y, geo.stat, RoleSignal)
	default:
		y := lerp(yPair, yDNA, st.statMoveT)
		c.text(pairL, y, geo.stat+geo.stat, RoleSignal)
	}
}

// legendLines names what is on screen, packed into lines of width.
func legendLines(name string, wide bool, g Glyphs, width int) []string {
	jak, stat := "JAK1 JAK2: JAKs", "(S) STAT"
	switch {
	case name == "compare" && !wide:
		jak, stat = "J1 J2: JAK1, JAK2", "S STAT"
	case wide && name != "compare":
		jak, stat = "[JAK1] [JAK2] JAKs", "(STAT) STAT"
	}
	items := []string{
		string(g.Cytokine) + " cytokine",
		string(g.Chain) + " receptor",
		jak,
		stat,
		"P phosphate",
	}
	extra := sceneSpecs()[name].legend
	if name == "compare" {
		extra = []string{"antibody", "drug", "block"}
	}
	for _, e := range extra {
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
func styleLegend(ln string, s Styles, g Glyphs) string {
	var b strings.Builder
	for i, item := range strings.Split(ln, "  ") {
		if i > 0 {
			b.WriteString("  ")
		}
		sym, rest, _ := strings.Cut(item, " ")
		st := s.Muted
		switch []rune(sym)[0] {
		case g.Cytokine, 'P':
			st = s.SceneSignal
		case g.Antibody:
			st = s.SceneAntibody
		case g.Drug, g.Block:
			st = s.SceneBlock
		}
		b.WriteString(st.Render(sym) + s.Muted.Render(" "+rest))
	}
	return b.String()
}
