package model

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"jakstat/views"
)

// View declares the frame: the lesson in the alternate screen, with the
// mouse wheel on.
func (m Model) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	if m.lesson != nil {
		v.WindowTitle = m.lesson.Meta.Title + " · " + m.step().Title
		if m.opts.ASCII {
			v.WindowTitle = views.ASCIIFrame(v.WindowTitle)
		}
	}
	return v
}

// Render composes the screen as a string exactly the window's size: header,
// the step's panes (or an overlay), the status line and the help bar. It
// only arranges what layout() prepared; nothing here renders Markdown.
func (m Model) Render() string {
	if m.width <= 0 || m.height <= 0 || m.lesson == nil {
		return ""
	}
	if m.tooSmall() {
		return frame(views.TooSmall(m.styles, m.width, m.height), m.height, 0)
	}
	if m.blank {
		return m.blankScreen()
	}
	if m.opts.Notes {
		return m.renderNotes()
	}
	if m.explore.open {
		return m.renderExplorer()
	}
	d := m.dims()
	var b strings.Builder
	b.WriteString(m.header)
	b.WriteByte('\n')
	if d.headerH > views.HeaderHeight {
		b.WriteByte('\n')
	}
	b.WriteString(fit(m.content(d), d.contentH))
	b.WriteByte('\n')
	b.WriteString(m.status(d))
	if !m.opts.Present {
		b.WriteByte('\n')
		b.WriteString(m.helpBar)
	}
	out := frame(b.String(), m.height, d.margin)
	if m.opts.ASCII {
		out = views.ASCIIFrame(out)
	}
	return out
}

// content is the area between the header and the status line.
func (m Model) content(d dims) string {
	s := m.styles
	if out, ok := m.learnContent(); ok {
		return out
	}
	switch m.overlay {
	case overlayDetails:
		return views.PaneLabel(s, "Details", true, d.frameW, "esc or enter to close", "esc to close") + "\n" + m.panel.view()
	case overlayHelp:
		return views.PaneLabel(s, "All keys", true, d.frameW, "esc or ? to close", "esc to close") + "\n" + m.panel.view()
	}
	if m.grid.ID() == "" {
		switch d.scene {
		case sceneBeside:
			return besides(m.text.viewLines(), d.textW, m.sceneView)
		case sceneAbove:
			return m.sceneView + "\n\n" + m.text.view()
		}
		return m.text.view()
	}
	var parts []string
	if m.focus == focusText {
		parts = append(parts, views.PaneLabel(s, "Text", true, d.frameW, "↑/↓ scroll · tab: table", "tab: table"))
	} else {
		parts = append(parts, views.PaneLabel(s, "Text", false, d.frameW, "tab or esc: back to the text", "esc: text"))
	}
	if d.textH > 0 {
		parts = append(parts, m.text.view())
	}
	n := len(m.grid.Rows)
	if m.focus == focusTable {
		parts = append(parts, views.PaneLabel(s, "Table", true, d.frameW,
			fmt.Sprintf("row %d of %d · ↑/↓ move · enter: details", m.row+1, n),
			fmt.Sprintf("row %d of %d · enter: details", m.row+1, n),
			fmt.Sprintf("%d/%d", m.row+1, n)))
	} else {
		parts = append(parts, views.PaneLabel(s, "Table", false, d.frameW,
			fmt.Sprintf("%s · tab to browse its %d rows", m.grid.Caption, n),
			fmt.Sprintf("%d rows · tab to browse", n), "tab"))
	}
	if d.tableH > 0 {
		parts = append(parts, m.tableView)
	}
	return strings.Join(parts, "\n")
}

// status is the line above the help bar: the jump prompt while it is open,
// otherwise what is scrolled out of sight and the disclaimer.
func (m Model) status(d dims) string {
	if m.prompt != nil {
		return views.PromptLine(m.styles, views.Field{Text: *m.prompt, Cursor: len(*m.prompt)}, m.nav.Total, d.frameW)
	}
	if m.notice != "" {
		return m.styles.Warning.Render(views.Truncate(m.notice, d.frameW))
	}
	if f := m.followStatus(); f != "" && m.overlay == overlayNone {
		return m.styles.PaneFocus.Render(views.Truncate(f, d.frameW))
	}
	p := m.text
	if m.overlay != overlayNone {
		p = m.panel
	}
	above, below := 0, 0
	if m.overlay != overlayNone || d.textH > 0 {
		above, below = p.above(), p.below()
	}
	return views.StatusLine(m.styles, above, below, m.lesson.Meta.Checked, d.frameW)
}

// besides puts the scene to the right of the text lines, which are
// already padded to width.
func besides(text []string, width int, scene string) string {
	sc := splitLines(scene)
	blank := strings.Repeat(" ", width)
	var b strings.Builder
	for i, ln := range text {
		if i > 0 {
			b.WriteByte('\n')
		}
		if ln == "" {
			ln = blank
		}
		b.WriteString(ln)
		if i < len(sc) {
			b.WriteString("  ")
			b.WriteString(sc[i])
		}
	}
	return b.String()
}

// fit pads or cuts s to exactly n lines, so the footer never moves.
func fit(s string, n int) string {
	lines := splitLines(s)
	return window(lines, 0, n)
}

func splitLines(s string) []string { return strings.Split(s, "\n") }

// window returns n lines of lines starting at top, padding with blank lines.
func window(lines []string, top, n int) string {
	out := make([]string, n)
	for i := range out {
		if j := top + i; j >= 0 && j < len(lines) {
			out[i] = lines[j]
		}
	}
	return strings.Join(out, "\n")
}

// frame cuts the screen to the window's height and shifts it right by
// margin to centre it. Widths need no check here: every piece was fitted
// to the frame when it was built, and the property test holds them to it.
func frame(s string, height, margin int) string {
	lines := splitLines(s)
	if len(lines) > height {
		lines = lines[:height]
	}
	if margin > 0 {
		pad := strings.Repeat(" ", margin)
		for i := range lines {
			lines[i] = pad + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}
