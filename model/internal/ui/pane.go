package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jakstat/views"
)

// WheelLines is how far one notch of the mouse wheel scrolls.
const WheelLines = 3

// Pane is a scrollable window onto pre-rendered lines. It stands in for a
// bubbles viewport, which re-wraps and re-pads its whole content on every
// View: here the lines are fitted to the width once, when the content is
// set, and a frame only slices them.
type Pane struct {
	lines  []string
	top    int
	height int
}

// NewPane fits content to width (cutting, never wrapping: renderers wrap)
// and shows height lines of it from the top.
func NewPane(content string, width, height int) Pane {
	lines := strings.Split(content, "\n")
	for i, ln := range lines {
		if len(ln) > width && ansi.StringWidth(ln) > width {
			lines[i] = ansi.Truncate(ln, width, "")
		}
	}
	return Pane{lines: lines, height: max(height, 1)}
}

// ScrollTo shows the pane from line top, kept within the content.
func (p *Pane) ScrollTo(top int) {
	p.top = min(max(top, 0), max(len(p.lines)-p.height, 0))
}

// ScrollBy scrolls n lines down (up when n is negative).
func (p *Pane) ScrollBy(n int) { p.ScrollTo(p.top + n) }

// Top is the first line shown.
func (p Pane) Top() int { return p.top }

// Height is how many lines the pane shows.
func (p Pane) Height() int { return p.height }

// Lines is every line of the content, fitted to the width.
func (p Pane) Lines() []string { return p.lines }

// SetLine replaces line i of the content (to mark a search match).
func (p *Pane) SetLine(i int, s string) { p.lines[i] = s }

// Above and Below count the lines out of sight.
func (p Pane) Above() int { return p.top }

// Below counts the lines under the pane.
func (p Pane) Below() int { return max(len(p.lines)-p.top-p.height, 0) }

// View is exactly height lines.
func (p Pane) View() string { return views.Window(p.lines, p.top, p.height) }

// ViewLines is the visible lines, exactly height of them.
func (p Pane) ViewLines() []string {
	out := make([]string, p.height)
	for i := range out {
		if j := p.top + i; j < len(p.lines) {
			out[i] = p.lines[j]
		}
	}
	return out
}

// ScrollKey scrolls for the line and page bindings given and says whether
// msg was one of them.
func (p *Pane) ScrollKey(msg tea.KeyPressMsg, up, down, pageUp, pageDown key.Binding) bool {
	switch {
	case key.Matches(msg, up):
		p.ScrollBy(-1)
	case key.Matches(msg, down):
		p.ScrollBy(1)
	case key.Matches(msg, pageUp):
		p.ScrollBy(-p.height)
	case key.Matches(msg, pageDown):
		p.ScrollBy(p.height)
	default:
		return false
	}
	return true
}

// Wheel scrolls for a wheel notch; other buttons do nothing.
func (p *Pane) Wheel(msg tea.MouseWheelMsg) {
	switch msg.Mouse().Button {
	case tea.MouseWheelUp:
		p.ScrollBy(-WheelLines)
	case tea.MouseWheelDown:
		p.ScrollBy(WheelLines)
	}
}
