package model

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"jakstat/model/internal/ui"
	"jakstat/views"
)

// View declares the frame: the lesson in the alternate screen, with the
// mouse wheel on.
func (m Model) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	if m.lesson != nil {
		v.WindowTitle = m.lesson.Meta.Title + " · " + m.current().Title
		if m.opts.ASCII {
			v.WindowTitle = views.ASCIIFrame(v.WindowTitle)
		}
	}
	return v
}

// Render composes the screen as a string exactly the window's size. It
// only arranges what layout and the screens prepared; nothing here
// renders Markdown. With --ascii, the glyphs it draws are folded to ASCII.
func (m Model) Render() string {
	out := m.render()
	if m.opts.ASCII {
		out = views.ASCIIFrame(out)
	}
	return out
}

// render is the screen before any glyphs are folded to ASCII.
func (m Model) render() string {
	if m.width <= 0 || m.height <= 0 || m.lesson == nil {
		return ""
	}
	if m.tooSmall() {
		return views.Frame(views.TooSmall(*m.styles, m.width, m.height), m.height, 0)
	}
	if m.present.blank {
		return m.blankScreen()
	}
	var out string
	switch {
	case m.opts.Notes:
		out = views.Frame(m.notes.View(), m.height, 0)
	case m.screen == screenExplorer:
		screen := m.explorer.View()
		if m.problemsView != "" {
			screen = views.Fit(screen, m.height-m.problemsHeight()) + "\n" + m.problemsView
		}
		out = views.Frame(screen, m.height, (m.width-min(m.width, ui.MaxFrameWidth))/2)
	default:
		out = m.renderStep()
	}
	return out
}

// renderStep is the step screen, or a screen drawn in its content area:
// header, content, the status line and the help bar.
func (m Model) renderStep() string {
	d := m.dims()
	var b strings.Builder
	b.WriteString(m.header)
	b.WriteByte('\n')
	if d.headerH > views.HeaderHeight {
		b.WriteByte('\n')
	}
	b.WriteString(views.Fit(m.content(d), d.contentH))
	b.WriteByte('\n')
	if m.problemsView != "" {
		b.WriteString(m.problemsView)
		b.WriteByte('\n')
	}
	b.WriteString(m.status(d))
	switch {
	case m.opts.Present:
	case m.jumping:
		// The prompt's own keys while it is open.
		b.WriteString("\n" + views.HelpBar(*m.styles, m.promptKeys.ShortHelp(), d.frameW))
	default:
		b.WriteString("\n" + m.helpBar)
	}
	return views.Frame(b.String(), m.height, d.margin)
}

// contentScreen is what the root needs of a screen drawn in the content
// area, between the header and the status line.
type contentScreen interface {
	View() string
	ShortHelp() []key.Binding
	Scrolled() (above, below int)
}

// top is the screen drawn in the content area, or nil for the step itself
// (and for the explorer, which draws the whole window).
func (m Model) top() contentScreen {
	switch m.screen {
	case screenQuiz:
		return m.quiz
	case screenSearch:
		return m.search
	case screenGlossary:
		return m.glossary
	case screenResume:
		return m.resume
	case screenLive:
		return m.live
	}
	return nil
}

// content is the area between the header and the status line.
func (m Model) content(d dims) string {
	s, p := *m.styles, m.panes
	if top := m.top(); top != nil {
		return top.View()
	}
	switch p.overlay {
	case overlayDetails:
		return views.PaneLabel(s, "Details", true, d.frameW, "esc or enter to close", "esc to close") + "\n" + p.panel.View()
	case overlayHelp:
		return views.PaneLabel(s, "All keys", true, d.frameW, "esc or ? to close", "esc to close") + "\n" + p.panel.View()
	}
	if d.zoom {
		return p.sceneView
	}
	if p.grid.ID() == "" {
		switch d.scene {
		case sceneBeside:
			return views.Beside(p.text.ViewLines(), d.textW, p.sceneView)
		case sceneAbove:
			return p.sceneView + "\n\n" + p.text.View()
		}
		return p.text.View()
	}
	var parts []string
	if p.focus == focusText {
		parts = append(parts, views.PaneLabel(s, "Text", true, d.frameW, "↑/↓ scroll · tab: table", "tab: table"))
	} else {
		parts = append(parts, views.PaneLabel(s, "Text", false, d.frameW, "tab or esc: back to the text", "esc: text"))
	}
	if d.textH > 0 {
		parts = append(parts, p.text.View())
	}
	n := len(p.grid.Rows)
	if p.focus == focusTable {
		parts = append(parts, views.PaneLabel(s, "Table", true, d.frameW,
			fmt.Sprintf("row %d of %d · ↑/↓ move · enter: details", p.row+1, n),
			fmt.Sprintf("row %d of %d · enter: details", p.row+1, n),
			fmt.Sprintf("%d/%d", p.row+1, n)))
	} else {
		parts = append(parts, views.PaneLabel(s, "Table", false, d.frameW,
			fmt.Sprintf("%s · tab to browse its %d rows", p.grid.Caption, n),
			fmt.Sprintf("%d rows · tab to browse", n), "tab"))
	}
	if d.tableH > 0 {
		parts = append(parts, p.tableView)
	}
	return strings.Join(parts, "\n")
}

// status is the status line (one line or two, views.StatusHeight): a
// note of what is being typed (the ":" prompt, a count), the classroom's
// state, a question waiting, the scene's stage, what is scrolled out of
// sight, and always the disclaimer and the date the facts were checked.
func (m Model) status(d dims) string {
	covered := m.screen != screenLesson || m.panes.overlay != overlayNone
	st := views.Status{Notice: m.notice, Classroom: m.classroom()}
	switch {
	case m.jumping:
		st.Notes = append(st.Notes, views.PromptNote(m.jump.Field(), m.nav.Total))
	case m.nav.Count > 0 && !covered:
		st.Notes = append(st.Notes, views.PendingNote(m.nav.Count))
	}
	if room, ok := m.roomNote(covered); ok {
		st.Notes = append(st.Notes, room)
	}
	switch top := m.top(); {
	case top != nil:
		st.Above, st.Below = top.Scrolled()
	case m.panes.overlay != overlayNone:
		st.Above, st.Below = m.panes.panel.Above(), m.panes.panel.Below()
	case d.textH > 0 && !d.zoom:
		st.Above, st.Below = m.panes.text.Above(), m.panes.text.Below()
	}
	if !covered {
		if m.keys.BackToCheck.Enabled() {
			n, of := m.quiz.Numbering()
			st.Notes = append(st.Notes, views.Note{Long: fmt.Sprintf("enter: back to question %d of %d", n, of),
				Short: fmt.Sprintf("enter: question %d/%d", n, of)})
		}
		if n, of := m.stage(d); of > 0 {
			st.Notes = append(st.Notes, views.Note{Long: fmt.Sprintf("stage %d of %d", n, of), Short: fmt.Sprintf("stage %d/%d", n, of)})
		}
	}
	return views.StatusBar(*m.styles, st, m.lesson.Meta, d.frameW)
}
