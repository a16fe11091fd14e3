package views

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
)

// Role says what a cell of a scene shows; colour follows the role, so the
// scene's meaning (the signal, the block) is coloured wherever it is drawn.
type Role uint8

// The roles a scene's cells can have.
const (
	RoleNone      Role = iota
	RoleLabel          // captions and names
	RoleMembrane       // the cell membrane
	RoleReceptor       // receptor chains
	RoleCytokine       // the messenger
	RoleJAK            // a JAK at rest
	RoleSignal         // anything switched on: active JAKs, marked STATs, a gene on
	RolePhosphate      // P marks
	RoleSTAT           // a STAT at rest
	RoleNucleus        // the nucleus and DNA
	RoleAntibody       // a biologic
	RoleDrug           // a JAK inhibitor
	RoleBlock          // where the signal stops
	roleCaption        // what is happening, under the drawing
	roleCount
)

// Glyphs are the characters scenes are drawn with: Unicode box drawing, or
// plain ASCII for terminals and printers that have nothing else. Scenes
// pick glyphs by purpose, so swapping the set never changes a scene.
type Glyphs struct {
	ASCII                                  bool
	Membrane, Chain, Cytokine, Antibody    rune
	Drug, Block, DNA, Arrow                rune
	BoxH, BoxV, BoxTL, BoxTR, BoxBL, BoxBR rune
}

// UnicodeGlyphs draws with box-drawing and geometric characters.
func UnicodeGlyphs() Glyphs {
	return Glyphs{
		Membrane: '═', Chain: '┃', Cytokine: '◆', Antibody: 'Y',
		Drug: '■', Block: '✕', DNA: '≈', Arrow: '↓',
		BoxH: '─', BoxV: '│', BoxTL: '╭', BoxTR: '╮', BoxBL: '╰', BoxBR: '╯',
	}
}

// ASCIIGlyphs draws with printable ASCII only.
func ASCIIGlyphs() Glyphs {
	return Glyphs{
		ASCII:    true,
		Membrane: '=', Chain: '|', Cytokine: '*', Antibody: 'Y',
		Drug: '#', Block: 'X', DNA: '~', Arrow: 'v',
		BoxH: '-', BoxV: '|', BoxTL: '+', BoxTR: '+', BoxBL: '+', BoxBR: '+',
	}
}

// canvas is a grid of cells, each a rune and a role. It also remembers
// which cells hold something that must stay legible (a word, an actor) as
// opposed to scenery (the membrane, the nucleus outline, the DNA strand),
// and counts every draw that would cover such a cell with something else
// or fall off the grid: the scene tests hold every frame to zero.
type canvas struct {
	w, h  int
	r     []rune
	role  []Role
	solid []bool
	clash int    // draws over solid cells or off the grid
	first string // the first clash, for a test's message
}

func newCanvas(w, h int) *canvas {
	n := w * h
	c := &canvas{w: w, h: h, r: make([]rune, n), role: make([]Role, n), solid: make([]bool, n)}
	for i := range c.r {
		c.r[i] = ' '
	}
	return c
}

// put writes one cell; solid cells are words and actors, the rest scenery.
func (c *canvas) put(x, y int, r rune, role Role, solid bool) {
	if x < 0 || y < 0 || x >= c.w || y >= c.h {
		c.note(x, y, r)
		return
	}
	i := y*c.w + x
	if c.solid[i] && c.r[i] != r {
		c.note(x, y, r)
	}
	if c.solid[i] && !solid {
		return // scenery never covers a word or an actor
	}
	c.r[i], c.role[i], c.solid[i] = r, role, solid
}

func (c *canvas) note(x, y int, r rune) {
	if c.clash == 0 {
		c.first = fmt.Sprintf("%q at (%d,%d)", r, x, y)
	}
	c.clash++
}

// set draws an actor's cell: a chain, a mark, a molecule.
func (c *canvas) set(x, y int, r rune, role Role) { c.put(x, y, r, role, true) }

// text writes a word from (x, y), each cell solid.
func (c *canvas) text(x, y int, s string, role Role) {
	for _, r := range s {
		c.put(x, y, r, role, true)
		x++
	}
}

// scenery writes s from (x, y) as scenery, which actors may cross.
func (c *canvas) scenery(x, y int, s string, role Role) {
	for _, r := range s {
		c.put(x, y, r, role, false)
		x++
	}
}

func (c *canvas) hline(x0, x1, y int, r rune, role Role) {
	for x := x0; x <= x1; x++ {
		c.put(x, y, r, role, false)
	}
}

// box outlines a rectangle as scenery.
func (c *canvas) box(x0, y0, x1, y1 int, g Glyphs, role Role) {
	c.hline(x0+1, x1-1, y0, g.BoxH, role)
	c.hline(x0+1, x1-1, y1, g.BoxH, role)
	for y := y0 + 1; y < y1; y++ {
		c.put(x0, y, g.BoxV, role, false)
		c.put(x1, y, g.BoxV, role, false)
	}
	c.put(x0, y0, g.BoxTL, role, false)
	c.put(x1, y0, g.BoxTR, role, false)
	c.put(x0, y1, g.BoxBL, role, false)
	c.put(x1, y1, g.BoxBR, role, false)
}

// roleCodes holds each role's opening and closing escape codes. NewStyles
// works them out once, so drawing a frame renders no lipgloss style; the
// zero value, as in Styles{}, draws plain text.
type roleCodes struct{ pre, post [roleCount]string }

func newRoleCodes(s Styles) roleCodes {
	var rc roleCodes
	for r, st := range roleStyles(s) {
		rc.pre[r], rc.post[r] = codes(st)
	}
	return rc
}

// wrap styles text one line long in a role's colours.
func (rc *roleCodes) wrap(r Role, text string) string {
	if text == "" {
		return ""
	}
	return rc.pre[r] + text + rc.post[r]
}

// lines turns the grid into rows, one style run per role change; with pad
// every row is the full width, else trailing blanks are dropped.
func (c *canvas) lines(rc *roleCodes, pad bool) []string {
	out := make([]string, c.h)
	var b strings.Builder
	for y := range c.h {
		b.Reset()
		row := c.r[y*c.w : (y+1)*c.w]
		roles := c.role[y*c.w : (y+1)*c.w]
		end := len(row)
		for end > 0 && row[end-1] == ' ' {
			end--
		}
		cur, open := RoleNone, false
		for x := 0; x < end; x++ {
			if row[x] != ' ' && (roles[x] != cur || !open) {
				if open {
					b.WriteString(rc.post[cur])
				}
				cur, open = roles[x], true
				b.WriteString(rc.pre[cur])
			}
			b.WriteRune(row[x])
		}
		if open {
			b.WriteString(rc.post[cur])
		}
		if pad {
			b.WriteString(strings.Repeat(" ", c.w-end))
		}
		out[y] = b.String()
	}
	return out
}

// roleStyles maps roles to the styles' scene colours.
func roleStyles(s Styles) [roleCount]lipgloss.Style {
	return [roleCount]lipgloss.Style{
		RoleNone:      lipgloss.NewStyle(),
		RoleLabel:     s.Muted,
		RoleMembrane:  s.SceneMembrane,
		RoleReceptor:  s.Value,
		RoleCytokine:  s.SceneSignal,
		RoleJAK:       s.Value,
		RoleSignal:    s.SceneSignal,
		RolePhosphate: s.SceneSignal,
		RoleSTAT:      s.Value,
		RoleNucleus:   s.SceneMembrane,
		RoleAntibody:  s.SceneAntibody,
		RoleDrug:      s.SceneBlock,
		RoleBlock:     s.SceneBlock,
		roleCaption:   s.Title,
	}
}
