package views

import (
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

// canvas is a grid of cells, each a rune and a role.
type canvas struct {
	w, h int
	r    []rune
	role []Role
}

func newCanvas(w, h int) *canvas {
	c := &canvas{w: w, h: h, r: make([]rune, w*h), role: make([]Role, w*h)}
	for i := range c.r {
		c.r[i] = ' '
	}
	return c
}

func (c *canvas) set(x, y int, r rune, role Role) {
	if x < 0 || y < 0 || x >= c.w || y >= c.h {
		return
	}
	c.r[y*c.w+x] = r
	c.role[y*c.w+x] = role
}

// text writes s from (x, y); what falls outside the canvas is dropped.
func (c *canvas) text(x, y int, s string, role Role) {
	for _, r := range s {
		c.set(x, y, r, role)
		x++
	}
}

func (c *canvas) hline(x0, x1, y int, r rune, role Role) {
	for x := x0; x <= x1; x++ {
		c.set(x, y, r, role)
	}
}

func (c *canvas) box(x0, y0, x1, y1 int, g Glyphs, role Role) {
	c.hline(x0+1, x1-1, y0, g.BoxH, role)
	c.hline(x0+1, x1-1, y1, g.BoxH, role)
	for y := y0 + 1; y < y1; y++ {
		c.set(x0, y, g.BoxV, role)
		c.set(x1, y, g.BoxV, role)
	}
	c.set(x0, y0, g.BoxTL, role)
	c.set(x1, y0, g.BoxTR, role)
	c.set(x0, y1, g.BoxBL, role)
	c.set(x1, y1, g.BoxBR, role)
}

// render turns the grid into lines, one style run per role change. Each
// role's style is applied by wrapping runs in that style's opening and
// closing codes, worked out once per render instead of once per run.
func (c *canvas) render(styles *[roleCount]lipgloss.Style) string {
	var pre, post [roleCount]string
	for r, st := range styles {
		pre[r], post[r] = codes(st)
	}
	var b strings.Builder
	b.Grow(c.w * c.h * 2)
	for y := range c.h {
		if y > 0 {
			b.WriteByte('\n')
		}
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
					b.WriteString(post[cur])
				}
				cur, open = roles[x], true
				b.WriteString(pre[cur])
			}
			b.WriteRune(row[x])
		}
		if open {
			b.WriteString(post[cur])
		}
	}
	return b.String()
}

// roleStyles maps roles to the styles' scene colours.
func roleStyles(s Styles) *[roleCount]lipgloss.Style {
	return &[roleCount]lipgloss.Style{
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
	}
}
