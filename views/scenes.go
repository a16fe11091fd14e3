package views

import (
	"math"
	"strings"
)

// A scene is a short film of the JAK-STAT pathway, drawn by code. Each frame
// is a pure function of (scene, frame, layout, glyphs): a scene function says
// where every actor is at frame f, and one drawing routine draws any state
// in any layout, so every frame can be rendered and tested on its own.

// sceneSpec is a scene's length, its one-line description (shown when the
// window is too small to draw it), the legend items beyond the cast every
// scene has, and its states.
type sceneSpec struct {
	frames  int
	caption string
	legend  []string
	state   func(f int) cellState
}

// cellState is the state of one cell (the biological kind) at one frame.
type cellState struct {
	shown     int     // build-up: how many parts are drawn (resting only); 0 = all
	cytoY     float64 // the cytokine: -1 absent; 0 arriving, 1 where a biologic catches it, 2 bound
	close     float64 // 0: chains apart, 1: chains together
	jakOn     bool    // JAKs switched on
	jakP      bool    // JAKs have marked each other
	tailP     bool    // receptor tails marked
	stat      float64 // 0 resting, 1 docked; 2 marked; 3 let go and paired (dimer); 4 in the nucleus
	geneOn    bool
	antibody  float64 // -1 absent; 0..1 moving in to catch the cytokine
	caught    bool    // a biologic holds the cytokine or covers the receptor: mark the empty binding site
	cover     float64 // -1 absent; 0..1 a biologic moving onto the receptor chain, to cover it
	drug      float64 // -1 absent; 0..1 moving into the JAKs' ATP pockets
	blocked   bool    // mark where the signal stops inside
	caption   string
	side      string  // the caption's short form, under one side of compare
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

func rest() cellState { return cellState{cytoY: -1, antibody: -1, drug: -1, cover: -1} }

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

// Scene lengths that other scenes build on. Every movement ends before
// its caption changes, so a stage's last frame shows what it says.
const (
	statFrames           = 30
	biologicCatchFrames  = 14
	coverFrames          = 24 // coveredState's two stages
	biologicFrames       = biologicCatchFrames + coverFrames + 8
	blockedCompareFrames = 30 // blockedState's first three stages: compare shows these
	blockedFrames        = blockedCompareFrames + 8
)

// restingState builds the cell up part by part, naming each.
func restingState(f int) cellState {
	c := rest()
	c.shown = min(f/10+1, 5)
	c.caption = []string{
		"The membrane: outside above, inside below.",
		"Receptor chains cross the membrane.",
		"A JAK rides on each chain's inner tail.",
		"STATs float inside the cell.",
		"The nucleus holds the DNA. All at rest.",
	}[c.shown-1]
	return c
}

func bindingState(f int) cellState {
	c := rest()
	c.cytoY = 2 * at(f, 0, 9)
	c.close = at(f, 10, 20)
	c.caption = "1. The cytokine arrives outside the cell."
	if f >= 10 {
		c.caption = "2. It binds: the chains come together."
	}
	return c
}

func activationState(f int) cellState {
	c := bound()
	c.jakOn, c.jakP = f >= 8, f >= 8
	c.tailP = f >= 16
	c.caption = "The chains have met; the JAKs are close."
	switch {
	case f >= 16:
		c.caption = "4. The JAKs mark the receptor tails (P)."
	case f >= 8:
		c.caption = "3. The JAKs mark and switch on each other."
	}
	return c
}

// statState is the STAT film: dock, marked, let go and pair.
func statState(f int) cellState {
	c := activated()
	switch {
	case f < 10:
		c.stat, c.statMoveT = 0, at(f, 0, 9)
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

// nucleusState is the whole third stage: the STAT film, then the nucleus.
func nucleusState(f int) cellState {
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
}

// biologicState shows the two ways a biologic works outside the cell:
// catching the cytokine itself (as tralokinumab and lebrikizumab catch
// IL-13), then covering the receptor so the cytokine cannot bind (as
// dupilumab covers IL-4R-alpha and nemolizumab IL-31RA).
func biologicState(f int) cellState {
	c := rest()
	if f < biologicCatchFrames {
		c.cytoY = at(f, 0, 5)
		c.antibody = at(f, 4, 10)
		c.caught = f >= 10
		c.caption, c.side = "Some biologics catch the cytokine itself.", "Catches the cytokine."
		return c
	}
	c = coveredState(f - biologicCatchFrames)
	if f >= biologicCatchFrames+coverFrames {
		c.caption = "Either way, no signal reaches inside."
	}
	return c
}

// coveredState is a biologic covering the receptor: it settles on the
// receptor chain, then the cytokine arrives and cannot bind. It is timed
// with blockedState, so compare's two sides change stage together.
func coveredState(f int) cellState {
	c := rest()
	c.cover = at(f, 0, 8)
	c.caption, c.side = "Others cover the receptor instead.", "Covers the receptor."
	if f >= 10 {
		c.cytoY = at(f, 10, 16)
		c.caught = f >= 16
		c.caption, c.side = "The cytokine cannot bind to it.", "The cytokine cannot bind."
	}
	if f >= 24 {
		c.side = "No signal inside."
	}
	return c
}

// blockedState is a JAK inhibitor at work: the cytokine binds and the
// chains meet, but the JAKs cannot pass the signal on. Its first three
// stages are timed with coveredState for compare.
func blockedState(f int) cellState {
	c := rest()
	c.drug = at(f, 0, 9)
	c.cytoY = 2 * at(f, 10, 16)
	c.close = at(f, 16, 22)
	c.blocked = f >= 24
	c.caption, c.side = "A JAK inhibitor fills each JAK's ATP pocket.", "Fills each JAK's ATP pocket."
	switch {
	case f >= blockedCompareFrames:
		c.caption, c.side = "No P on the tails: STATs cannot dock.", "STATs cannot dock."
	case f >= 24:
		c.caption, c.side = "The JAKs cannot pass the signal on.", "JAKs cannot pass the signal on."
	case f >= 10:
		c.caption, c.side = "The cytokine still binds; the chains meet.", "The cytokine still binds."
	}
	return c
}

// compareStates is both sides of compare at frame f: a biologic covering
// the receptor beside a JAK inhibitor, stage for stage.
func compareStates(f int) (biologic, blocked cellState) {
	f = min(f, blockedCompareFrames-1)
	return coveredState(f), blockedState(f)
}

// specFor is a scene's spec; a switch, so nothing can change the table.
func specFor(name string) (sceneSpec, bool) {
	switch name {
	case "resting":
		return sceneSpec{frames: 50, caption: "A cell at rest: receptor chains cross the membrane, a JAK on each inner tail, STATs waiting, DNA in the nucleus.", state: restingState}, true
	case "binding":
		return sceneSpec{frames: 24, caption: "A cytokine arrives and binds; the two receptor chains come together, bringing their JAKs close.", state: bindingState}, true
	case "activation":
		return sceneSpec{frames: 24, caption: "The JAKs switch each other on with phosphate (P) marks, then mark the receptor tails.", state: activationState}, true
	case "stat":
		return sceneSpec{frames: statFrames, caption: "STATs dock on the marked tails, are marked in turn, let go and pair up.", state: statState}, true
	case "nucleus":
		return sceneSpec{frames: 54, caption: "STATs dock, are marked, pair up; the pair moves into the nucleus, binds DNA and switches genes on: inflammation, itch.", state: nucleusState}, true
	case "biologic":
		return sceneSpec{frames: biologicFrames, caption: "A biologic (an antibody) works outside the cell: some catch the cytokine, others cover its receptor so it cannot bind; either way nothing happens inside.",
			legend: []string{"antibody", "block"}, state: biologicState}, true
	case "blocked":
		return sceneSpec{frames: blockedFrames, caption: "A JAK inhibitor fills the JAKs' ATP pockets: the cytokine still binds and the chains meet, but the JAKs cannot pass the signal on, so the receptor tails get no P and STATs cannot dock.",
			legend: []string{"drug", "block"}, state: blockedState}, true
	case "compare":
		return sceneSpec{frames: blockedCompareFrames, caption: "Side by side: a biologic stops the signal outside the cell (here by covering the receptor; some catch the cytokine instead); a JAK inhibitor stops it inside, where the JAKs cannot pass it on.",
			legend: []string{"antibody", "drug", "block"}}, true
	}
	return sceneSpec{}, false
}

// SceneFrames is how many frames a scene has; its last frame is where it
// rests. An unknown name has one frame, which draws nothing.
func SceneFrames(name string) int {
	sp, _ := specFor(name)
	return max(sp.frames, 1)
}

// SceneCaption is a scene in one sentence, for windows too small to draw it.
func SceneCaption(name string) string {
	sp, _ := specFor(name)
	return sp.caption
}

// SceneLayout is a way of drawing a scene, from the roomiest to the
// tightest. Every layout shows the same film with the same captions.
type SceneLayout int

// The fixed layouts, roomiest first. SceneZoom draws any other size.
const (
	// SceneWide spells names in full ([JAK1], (STAT), "outside the cell")
	// and adds a legend: about 46x17.
	SceneWide SceneLayout = iota
	// SceneNarrow is the same picture in short names: about 30x18.
	SceneNarrow
	// SceneCompact fits a 60x16 window beside about 34 columns of text:
	// 24x11 (compare: 30x11), the drawing squeezed to nine rows, two rows
	// of caption and no legend.
	SceneCompact
)

// SceneLayouts lists the fixed layouts, roomiest first.
func SceneLayouts() []SceneLayout { return []SceneLayout{SceneWide, SceneNarrow, SceneCompact} }

// String names the layout, for tests and messages.
func (l SceneLayout) String() string {
	switch l {
	case SceneWide:
		return "wide"
	case SceneNarrow:
		return "narrow"
	case SceneCompact:
		return "compact"
	}
	return "unknown"
}

// SceneLayoutSize is the size of a scene drawn in a layout, caption and
// legend included. Glyph sets are all one cell wide, so g never changes
// it; it is there so a future set could.
func SceneLayoutSize(name string, l SceneLayout, g Glyphs) (w, h int) {
	p := planFor(name, l)
	return p.size(name, g)
}

// FitScene picks the roomiest layout of a scene that fits in w x h cells,
// and reports false when even the compact one does not fit. The model
// calls it with the room left beside or above the text, so the placement
// policy (how much text to keep) stays with the model.
func FitScene(name string, w, h int, g Glyphs) (SceneLayout, bool) {
	for _, l := range SceneLayouts() {
		if lw, lh := SceneLayoutSize(name, l, g); lw <= w && lh <= h {
			return l, true
		}
	}
	return SceneCompact, false
}

// SceneAt draws frame f of a scene in a layout: the drawing, a caption
// saying what is happening and, in the roomier layouts, a legend. Frames
// outside the film are clamped to it. Every line is at most the layout's
// width, and there are exactly as many lines as SceneLayoutSize says.
func SceneAt(name string, f int, l SceneLayout, g Glyphs, s Styles) string {
	return strings.Join(planFor(name, l).render(name, f, g, s), "\n")
}

// Scene draws frame f of a scene in its wide or narrow layout.
//
// Deprecated: use SceneAt, which also has the compact layout.
func Scene(name string, f int, wide bool, g Glyphs, s Styles) string {
	return SceneAt(name, f, layoutFor(wide), g, s)
}

// SceneSize is the size of a scene's wide or narrow layout, legend included.
//
// Deprecated: use SceneLayoutSize.
func SceneSize(name string, wide bool, g Glyphs) (w, h int) {
	return SceneLayoutSize(name, layoutFor(wide), g)
}

func layoutFor(wide bool) SceneLayout {
	if wide {
		return SceneWide
	}
	return SceneNarrow
}

// SceneStage is a run of frames over which a scene's caption holds: one
// step of the story, such as "5. STATs dock on the marks." Movement within
// a stage ends by its Last frame, so Last shows what the caption says and
// First shows where the stage starts from.
type SceneStage struct {
	First, Last int // frames, inclusive
	Caption     string
}

// SceneStages lists a scene's stages in order; there is always at least
// one. The stage keys move between them: "stage 3 of 5" is stage index 2
// of len(SceneStages(name)), and its frames run from First to Last.
func SceneStages(name string) []SceneStage {
	n := SceneFrames(name)
	var out []SceneStage
	for f := range n {
		c := stageCaption(name, f)
		if len(out) > 0 && out[len(out)-1].Caption == c {
			out[len(out)-1].Last = f
			continue
		}
		out = append(out, SceneStage{First: f, Last: f, Caption: c})
	}
	return out
}

// SceneStageOf is the index of the stage frame f falls in; frames outside
// the film count as its first or last stage.
func SceneStageOf(name string, f int) int {
	stages := SceneStages(name)
	for i, st := range stages {
		if f <= st.Last {
			return i
		}
	}
	return len(stages) - 1
}

// stageCaption is what frame f of a scene says: its caption, or for
// compare what each side says.
func stageCaption(name string, f int) string {
	sp, ok := specFor(name)
	switch {
	case !ok:
		return ""
	case name == "compare":
		l, r := compareStates(f)
		return "Biologic: " + l.side + " JAK inhibitor: " + r.side
	}
	return sp.state(f).caption
}
