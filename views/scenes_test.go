package views

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"jakstat/content"
)

// TestSceneGolden pins the last frame of every stage of every scene (what
// the stage keys show) in each layout, the frame where the STAT pair
// crosses into the nucleus, and each scene's end in ASCII. Review changes
// by eye: go test ./views -run TestSceneGolden -update
func TestSceneGolden(t *testing.T) {
	s := NewStyles(true)
	type shot struct {
		name string
		f    int
		g    Glyphs
	}
	for _, name := range content.SceneNames() {
		var shots []shot
		for i, st := range SceneStages(name) {
			shots = append(shots, shot{fmt.Sprintf("stage%d", i+1), st.Last, UnicodeGlyphs()})
		}
		shots = append(shots, shot{"ascii-last", SceneFrames(name) - 1, ASCIIGlyphs()})
		if name == "nucleus" {
			shots = append(shots, shot{"entering", 35, UnicodeGlyphs()})
		}
		for _, l := range SceneLayouts() {
			for _, sh := range shots {
				t.Run(fmt.Sprintf("%s-%s-%s", name, l, sh.name), func(t *testing.T) {
					out := SceneAt(name, sh.f, l, sh.g, s)
					w, h := SceneLayoutSize(name, l, sh.g)
					checkBox(t, out, w, h)
					if sh.g.ASCII {
						for i := 0; i < len(out); i++ {
							if out[i] > 127 {
								t.Fatalf("byte %d is %#x in ASCII mode", i, out[i])
							}
						}
					}
					golden.RequireEqual(t, []byte(ansi.Strip(out)))
				})
			}
		}
	}
}

// checkBox fails unless out is exactly h lines, none wider than w.
func checkBox(t *testing.T, out string, w, h int) {
	t.Helper()
	lines := strings.Split(ansi.Strip(out), "\n")
	if len(lines) != h {
		t.Errorf("%d lines, want %d", len(lines), h)
	}
	for _, ln := range lines {
		if ansi.StringWidth(ln) > w {
			t.Errorf("line wider than %d: %q", w, ln)
		}
	}
}

// zoomSizes are areas the zoom is drawn in: the smallest window less a
// status line, projector sizes, and roomy ones.
var zoomSizes = [][2]int{{40, 11}, {60, 14}, {60, 15}, {80, 22}, {100, 28}, {120, 38}, {200, 58}}

// TestNoOverdraw draws every frame of every scene in every layout and
// zoom, and fails if anything is drawn over a word or an actor (a label,
// a JAK, a STAT), or off the edge: only scenery such as the membrane, the
// nucleus outline and the DNA strand may be crossed.
func TestNoOverdraw(t *testing.T) {
	for _, g := range []Glyphs{UnicodeGlyphs(), ASCIIGlyphs()} {
		for _, name := range content.SceneNames() {
			plans := map[string]plan{}
			for _, l := range SceneLayouts() {
				plans[l.String()] = planFor(name, l)
			}
			for _, sz := range zoomSizes {
				plans[fmt.Sprintf("zoom %dx%d", sz[0], sz[1])] = zoomPlan(name, sz[0], sz[1], g)
			}
			for label, p := range plans {
				for f := range SceneFrames(name) {
					for i, c := range planCanvases(p, name, f, g) {
						if c.clash > 0 {
							t.Errorf("%s %s (ascii %v) frame %d cell %d: %d cells overdrawn, first %s:\n%s",
								name, label, g.ASCII, f, i, c.clash, c.first, strings.Join(c.lines(&roleCodes{}, false), "\n"))
						}
					}
				}
			}
		}
	}
}

// planCanvases draws the cells of frame f as the plan would.
func planCanvases(p plan, name string, f int, g Glyphs) []*canvas {
	if p.compare {
		l, r := compareStates(f)
		return []*canvas{drawCell(l, p.cell, g), drawCell(r, p.cell, g)}
	}
	sp, _ := specFor(name)
	return []*canvas{drawCell(sp.state(f), p.cell, g)}
}

// TestCompactFitsAProjector: at 60x16 the lesson has 11 rows between its
// header (3) and footer (2), and keeps at least 28 columns for text beside
// the scene.
func TestCompactFitsAProjector(t *testing.T) {
	rows := 16 - HeaderHeight - 2
	for _, name := range content.SceneNames() {
		w, h := SceneLayoutSize(name, SceneCompact, UnicodeGlyphs())
		if h > rows || w > 60-2-28 {
			t.Errorf("%s compact is %dx%d: does not fit %d rows beside 28 columns of text at 60x16", name, w, h, rows)
		}
		for _, l := range SceneLayouts() {
			lw, lh := SceneLayoutSize(name, l, UnicodeGlyphs())
			if cw, ch := SceneLayoutSize(name, SceneCompact, UnicodeGlyphs()); l != SceneCompact && (lw < cw || lh < ch) {
				t.Errorf("%s %s (%dx%d) is smaller than compact (%dx%d)", name, l, lw, lh, cw, ch)
			}
		}
	}
}

// TestCaptionsFit: no caption is cut short in any frame of any layout.
func TestCaptionsFit(t *testing.T) {
	for _, name := range content.SceneNames() {
		for _, l := range SceneLayouts() {
			for f := range SceneFrames(name) {
				if out := ansi.Strip(SceneAt(name, f, l, UnicodeGlyphs(), Styles{})); strings.Contains(out, "…") {
					t.Errorf("%s %s frame %d: caption cut:\n%s", name, l, f, out)
				}
			}
		}
	}
}

func TestFitScene(t *testing.T) {
	g := UnicodeGlyphs()
	for _, tc := range []struct {
		name string
		w, h int
		want SceneLayout
		ok   bool
	}{
		{"nucleus", 80, 40, SceneWide, true},
		{"nucleus", 46, 17, SceneWide, true},
		{"nucleus", 45, 40, SceneNarrow, true},
		{"nucleus", 46, 16, SceneCompact, true}, // narrow is taller than wide
		{"nucleus", 30, 18, SceneNarrow, true},
		{"nucleus", 34, 11, SceneCompact, true},
		{"nucleus", 24, 11, SceneCompact, true},
		{"nucleus", 23, 11, SceneCompact, false},
		{"nucleus", 24, 10, SceneCompact, false},
		{"compare", 46, 19, SceneNarrow, true},
		{"compare", 46, 18, SceneCompact, true},
		{"compare", 30, 11, SceneCompact, true},
	} {
		got, ok := FitScene(tc.name, tc.w, tc.h, g)
		if got != tc.want || ok != tc.ok {
			t.Errorf("FitScene(%s, %d, %d) = %v %v, want %v %v", tc.name, tc.w, tc.h, got, ok, tc.want, tc.ok)
		}
		if w, h := SceneLayoutSize(tc.name, got, g); ok && (w > tc.w || h > tc.h) {
			t.Errorf("FitScene(%s, %d, %d) chose %v, %dx%d", tc.name, tc.w, tc.h, got, w, h)
		}
	}
}

// TestSceneZoom: the zoom fills exactly the area at any size, stays
// within it, and grows with it.
func TestSceneZoom(t *testing.T) {
	s := NewStyles(false)
	for _, name := range content.SceneNames() {
		last := SceneFrames(name) - 1
		prev := 0
		for _, sz := range append([][2]int{{20, 6}, {1, 1}}, zoomSizes...) {
			for _, f := range []int{0, last / 2, last} {
				out := SceneZoom(name, f, sz[0], sz[1], UnicodeGlyphs(), s)
				checkBox(t, out, sz[0], sz[1])
			}
			if sz[0] < 40 {
				continue
			}
			drawn := 0
			for _, r := range ansi.Strip(SceneZoom(name, last, sz[0], sz[1], UnicodeGlyphs(), s)) {
				if r != ' ' && r != '\n' {
					drawn++
				}
			}
			if drawn < prev {
				t.Errorf("%s zoom at %v draws less (%d cells) than at a smaller size (%d)", name, sz, drawn, prev)
			}
			prev = drawn
		}
	}
}

// TestSceneZoomGolden pins the zoom at a projector's size, a laptop's and
// a big screen's. Review by eye.
func TestSceneZoomGolden(t *testing.T) {
	s := NewStyles(true)
	for _, tc := range []struct {
		name string
		f    int
		w, h int
	}{
		{"nucleus", 35, 60, 15},
		{"nucleus", 53, 120, 38},
		{"binding", 23, 40, 11},
		{"compare", 29, 60, 15},
		{"compare", 29, 100, 28},
		{"blocked", 29, 80, 22},
	} {
		t.Run(fmt.Sprintf("%s-%d-%dx%d", tc.name, tc.f, tc.w, tc.h), func(t *testing.T) {
			golden.RequireEqual(t, []byte(ansi.Strip(SceneZoom(tc.name, tc.f, tc.w, tc.h, UnicodeGlyphs(), s))))
		})
	}
}

// TestSTATsLandOnTheStrand: the STAT pair binds on the DNA strand, with a
// strand cell and a space before the DNA label, in every layout and zoom.
func TestSTATsLandOnTheStrand(t *testing.T) {
	last := SceneFrames("nucleus") - 1
	outs := map[string]string{}
	for _, l := range SceneLayouts() {
		outs[l.String()] = SceneAt("nucleus", last, l, UnicodeGlyphs(), Styles{})
	}
	for _, sz := range zoomSizes {
		outs[fmt.Sprint(sz)] = SceneZoom("nucleus", last, sz[0], sz[1], UnicodeGlyphs(), Styles{})
	}
	for name, out := range outs {
		var row string
		for _, ln := range strings.Split(out, "\n") {
			if strings.Contains(ln, "DNA") {
				row = ln
			}
		}
		if !regexp.MustCompile(`≈(\(STAT\)\(STAT\)|\(S\)\(S\)|SS)≈ DNA`).MatchString(row) {
			t.Errorf("%s: the pair is not on the strand: %q", name, row)
		}
	}
}

func TestSceneStages(t *testing.T) {
	want := map[string]int{"resting": 5, "binding": 2, "activation": 3, "stat": 3, "nucleus": 5, "biologic": 4, "blocked": 4, "compare": 3}
	for _, name := range content.SceneNames() {
		stages := SceneStages(name)
		if len(stages) != want[name] {
			t.Errorf("%s: %d stages, want %d", name, len(stages), want[name])
		}
		next := 0
		for i, st := range stages {
			if st.First != next || st.Last < st.First || st.Caption == "" {
				t.Errorf("%s stage %d: %+v after frame %d", name, i, st, next-1)
			}
			if i > 0 && st.Caption == stages[i-1].Caption {
				t.Errorf("%s stages %d and %d say the same", name, i-1, i)
			}
			for f := st.First; f <= st.Last; f++ {
				if got := SceneStageOf(name, f); got != i {
					t.Errorf("%s frame %d: stage %d, want %d", name, f, got, i)
				}
			}
			next = st.Last + 1
		}
		if next != SceneFrames(name) {
			t.Errorf("%s: stages end at %d of %d frames", name, next, SceneFrames(name))
		}
		if SceneStageOf(name, -5) != 0 || SceneStageOf(name, 999) != len(stages)-1 {
			t.Errorf("%s: frames outside the film are not clamped", name)
		}
	}
	// The captions the lesson's steps number match the stages.
	if got := SceneStages("nucleus")[2].Caption; got != "7. The STATs let go and pair up." {
		t.Errorf("nucleus stage 3 says %q", got)
	}
}

// TestStagesSettle: every movement ends by its stage's last frame, so the
// stage keys, which show that frame, show what the caption says rather
// than something in flight.
func TestStagesSettle(t *testing.T) {
	settled := func(v float64, ends ...float64) bool {
		for _, e := range ends {
			if v == e {
				return true
			}
		}
		return false
	}
	for _, name := range content.SceneNames() {
		sp, _ := specFor(name)
		for _, st := range SceneStages(name) {
			var states []cellState
			if name == "compare" {
				l, r := compareStates(st.Last)
				states = []cellState{l, r}
			} else {
				states = []cellState{sp.state(st.Last)}
			}
			for _, c := range states {
				if !settled(c.cytoY, -1, 0, 1, 2) || !settled(c.close, 0, 1) || !settled(c.statMoveT, 0, 1) ||
					!settled(c.antibody, -1, 0, 1) || !settled(c.drug, -1, 0, 1) || !settled(c.cover, -1, 0, 1) {
					t.Errorf("%s: frame %d ends stage %q mid-move: %+v", name, st.Last, st.Caption, c)
				}
			}
		}
	}
}

// TestScenesSayWhatTheyShow checks each scene's last frame tells its story
// in the lesson's words, and that the blocked one stops at the JAK.
func TestScenesSayWhatTheyShow(t *testing.T) {
	s := Styles{}
	g := UnicodeGlyphs()
	last := func(name string) string { return SceneAt(name, SceneFrames(name)-1, SceneWide, g, s) }
	for _, name := range content.SceneNames() {
		out := last(name)
		for _, word := range []string{"cytokine", "receptor", "JAK", "STAT", "phosphate", "nucleus", "DNA"} {
			if !strings.Contains(out, word) {
				t.Errorf("%s: legend or labels never say %q", name, word)
			}
		}
	}
	if out := last("nucleus"); !strings.Contains(out, "gene ON") {
		t.Errorf("nucleus ends without a gene switched on:\n%s", out)
	}
	blocked := last("blocked")
	drawing := strings.Join(strings.Split(blocked, "\n")[:normalRows], "\n")
	if strings.Contains(blocked, "gene ON") || strings.Contains(drawing, "P") {
		t.Errorf("blocked scene shows the signal getting through:\n%s", blocked)
	}
	if !strings.Contains(blocked, string(g.Block)) || !strings.Contains(blocked, string(g.Drug)) {
		t.Errorf("blocked scene lacks the drug or the stop mark:\n%s", blocked)
	}
	if bio := last("biologic"); strings.Contains(bio, "gene ON") || !strings.Contains(bio, "antibody") {
		t.Errorf("biologic scene wrong:\n%s", bio)
	}
	// Both sides of compare mark where their signal stops, each in every layout.
	for _, l := range SceneLayouts() {
		p := planFor("compare", l)
		lines := strings.Split(SceneAt("compare", SceneFrames("compare")-1, l, g, s), "\n")[:p.cell.h]
		var left, right strings.Builder
		for _, ln := range lines {
			r := []rune(ln + strings.Repeat(" ", p.width()))
			left.WriteString(string(r[:p.cell.w]))
			right.WriteString(string(r[p.cell.w+p.aisle:]))
		}
		if !strings.ContainsRune(left.String(), g.Block) || !strings.ContainsRune(left.String(), g.Antibody) {
			t.Errorf("compare %s: the biologic side does not mark where the signal stops:\n%s", l, strings.Join(lines, "\n"))
		}
		if !strings.ContainsRune(right.String(), g.Block) || !strings.ContainsRune(right.String(), g.Drug) {
			t.Errorf("compare %s: the JAK side does not mark where the signal stops:\n%s", l, strings.Join(lines, "\n"))
		}
		for _, word := range []string{"outside", "membrane", "inside"} {
			if drawn := strings.Join(lines, "\n"); l != SceneCompact && !strings.Contains(drawn, word) {
				t.Errorf("compare %s lost its %q label:\n%s", l, word, drawn)
			}
		}
	}
}

// TestScenesMatchContentVocabulary: every scene a step may name can be drawn.
func TestScenesMatchContentVocabulary(t *testing.T) {
	for _, name := range content.SceneNames() {
		if SceneFrames(name) < 2 || SceneCaption(name) == "" {
			t.Errorf("scene %s has no frames or no caption", name)
		}
	}
}

// TestFramesArePure: drawing a frame twice, or out of order, gives the same picture.
func TestFramesArePure(t *testing.T) {
	s := NewStyles(false)
	for _, name := range content.SceneNames() {
		for _, l := range SceneLayouts() {
			a := SceneAt(name, 5, l, UnicodeGlyphs(), s)
			SceneAt(name, 9, l, UnicodeGlyphs(), s)
			if b := SceneAt(name, 5, l, UnicodeGlyphs(), s); a != b {
				t.Errorf("%s %s: frame 5 differs between draws", name, l)
			}
			if SceneAt(name, -3, l, ASCIIGlyphs(), s) != SceneAt(name, 0, l, ASCIIGlyphs(), s) {
				t.Errorf("%s %s: frames before the first are not clamped", name, l)
			}
		}
		if Scene(name, 7, false, UnicodeGlyphs(), s) != SceneAt(name, 7, SceneNarrow, UnicodeGlyphs(), s) {
			t.Errorf("%s: Scene and SceneAt disagree", name)
		}
	}
}

func TestPrintASCII(t *testing.T) {
	out := Print(shipped(t), PrintOptions{Width: 80, ASCII: true})
	for i := 0; i < len(out); i++ {
		if out[i] > 127 {
			t.Fatalf("byte %#x at %d: %q", out[i], i, out[max(0, i-30):min(len(out), i+10)])
		}
	}
	if !strings.Contains(out, "gamma") || !strings.Contains(out, "nucleus") {
		t.Error("ASCII print lost its Greek letters' names or its diagrams")
	}
}

// BenchmarkScene draws the nucleus scene frame by frame, as the clock
// does; wide=true/false keep the names they had before the compact layout
// and the zoom, so runs can be compared across versions.
func BenchmarkScene(b *testing.B) {
	s := NewStyles(true)
	for _, wide := range []bool{true, false} {
		b.Run(fmt.Sprint("wide=", wide), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				Scene("nucleus", i%SceneFrames("nucleus"), wide, UnicodeGlyphs(), s)
			}
		})
	}
}

func BenchmarkSceneCompactAndZoom(b *testing.B) {
	s := NewStyles(true)
	b.Run("compact", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			SceneAt("nucleus", i%SceneFrames("nucleus"), SceneCompact, UnicodeGlyphs(), s)
		}
	})
	for _, sz := range [][2]int{{60, 15}, {120, 38}} {
		b.Run(fmt.Sprintf("zoom-%dx%d", sz[0], sz[1]), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				SceneZoom("nucleus", i%SceneFrames("nucleus"), sz[0], sz[1], UnicodeGlyphs(), s)
			}
		})
	}
}

// TestBiologicsCoverTheReceptor: dupilumab and nemolizumab bind a receptor
// chain, not the cytokine, so compare's biologic side shows an antibody on
// top of a receptor chain with the cytokine held off, in every layout; the
// biologic scene shows both ways (catching the cytokine, then covering the
// receptor).
func TestBiologicsCoverTheReceptor(t *testing.T) {
	g := UnicodeGlyphs()
	onChain := func(lines []string, w int) bool {
		for y := 0; y+1 < len(lines); y++ {
			row, below := []rune(lines[y]+strings.Repeat(" ", w)), []rune(lines[y+1]+strings.Repeat(" ", w))
			for x := 0; x < w; x++ {
				if row[x] == g.Antibody && below[x] == g.Chain {
					return true
				}
			}
		}
		return false
	}
	for _, l := range SceneLayouts() {
		p := planFor("compare", l)
		lines := strings.Split(SceneAt("compare", SceneFrames("compare")-1, l, g, Styles{}), "\n")[:p.cell.h]
		if !onChain(lines, p.cell.w) {
			t.Errorf("compare %s: no antibody covers a receptor chain:\n%s", l, strings.Join(lines, "\n"))
		}
	}
	caught, covered := false, false
	for f := range SceneFrames("biologic") {
		lines := strings.Split(SceneAt("biologic", f, SceneWide, g, Styles{}), "\n")[:normalRows]
		drawing := strings.Join(lines, "\n")
		caught = caught || strings.Contains(drawing, string(g.Antibody)+string(g.Cytokine))
		covered = covered || onChain(lines, wideGeom().w)
	}
	if !caught || !covered {
		t.Errorf("the biologic scene should show a cytokine caught (%v) and a receptor covered (%v)", caught, covered)
	}
}

// TestBlockedSaysTheJAKsCannotPassItOn: the lesson says a JAK inhibitor
// leaves the JAKs unable to pass the signal on (some even leave the JAKs'
// own switch tagged), so the captions must not claim there are no marks
// at all; the tails, where the JAKs would hand the signal on, are marked
// as where it stops.
func TestBlockedSaysTheJAKsCannotPassItOn(t *testing.T) {
	says := ""
	for _, st := range SceneStages("blocked") {
		says += st.Caption + "\n"
	}
	says += SceneCaption("blocked")
	if !strings.Contains(says, "cannot pass the signal on") || strings.Contains(says, "No P marks") {
		t.Errorf("blocked captions: %s", says)
	}
	geo := wideGeom()
	c := drawCell(blockedState(SceneFrames("blocked")-1), geo, UnicodeGlyphs())
	left := geo.cx - geo.near
	if got := c.r[geo.y.tail*geo.w+left-1]; got != UnicodeGlyphs().Block {
		t.Errorf("the receptor tail is not marked as where the signal stops: %q", got)
	}
}

// TestZoomKeepsWholeCaptions: where the zoom has room for the compact
// drawing and its caption, the caption is never cut: compare at a
// projector's 60x11 content area says where each side acts rather than
// losing the end of what each does.
func TestZoomKeepsWholeCaptions(t *testing.T) {
	for _, name := range content.SceneNames() {
		for _, sz := range [][2]int{{60, 11}, {60, 12}, {80, 11}, {100, 14}} {
			for f := range SceneFrames(name) {
				out := ansi.Strip(SceneZoom(name, f, sz[0], sz[1], UnicodeGlyphs(), Styles{}))
				p := zoomPlan(name, sz[0], sz[1], UnicodeGlyphs())
				if _, h := p.size(name, UnicodeGlyphs()); h > sz[1] {
					t.Fatalf("%s at %v frame %d: the plan is %d rows:\n%s", name, sz, f, h, out)
				}
			}
		}
	}
}
