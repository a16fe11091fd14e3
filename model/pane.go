package model

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/charmbracelet/x/ansi"
)

// pane is a scrollable window onto pre-rendered lines. It replaces a bubbles
// viewport because a viewport re-wraps and re-pads its whole content on every
// View; here the lines are fitted to the width once, when the content is set,
// and a frame only slices them.
type pane struct {
	lines  []string
	top    int
	height int
}

// newPane fits content to width (cutting, never wrapping: renderers wrap)
// and shows height lines of it from the top.
func newPane(content string, width, height int) pane {
	lines := strings.Split(content, "\n")
	for i, ln := range lines {
		if len(ln) > width && ansi.StringWidth(ln) > width {
			lines[i] = ansi.Truncate(ln, width, "")
		}
	}
	return pane{lines: lines, height: max(height, 1)}
}

func (p *pane) scrollTo(top int) {
	p.top = min(max(top, 0), max(len(p.lines)-p.height, 0))
}

func (p *pane) scrollBy(n int) { p.scrollTo(p.top + n) }

// above and below count the lines out of sight.
func (p pane) above() int { return p.top }
func (p pane) below() int { return max(len(p.lines)-p.top-p.height, 0) }

// view is exactly height lines.
func (p pane) view() string { return window(p.lines, p.top, p.height) }

// viewLines is the visible lines, exactly height of them.
func (p pane) viewLines() []string {
	out := make([]string, p.height)
	for i := range out {
		if j := p.top + i; j < len(p.lines) {
			out[i] = p.lines[j]
		}
	}
	return out
}

// scrollKey scrolls for the line and page keys and says whether msg was one.
func (p *pane) scrollKey(msg tea.KeyPressMsg, k KeyMap) bool {
	switch {
	case key.Matches(msg, k.Up):
		p.scrollBy(-1)
	case key.Matches(msg, k.Down):
		p.scrollBy(1)
	case key.Matches(msg, k.PageUp):
		p.scrollBy(-p.height)
	case key.Matches(msg, k.PageDown):
		p.scrollBy(p.height)
	default:
		return false
	}
	return true
}
