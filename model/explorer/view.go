package explorer

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/table"
	"charm.land/lipgloss/v2"

	"jakstat/model/internal/ui"
	"jakstat/views"
)

func (m Model) frameW() int { return min(m.width, ui.MaxFrameWidth) }

// bodyHeight is the lines between the header and the caveat.
func (m Model) bodyHeight() int {
	return max(m.height-headerLines-caveatLines-footerLines, 1)
}

// layout filters and sorts the tab's rows and fits the table, cards and
// details to the window.
func (m *Model) layout() {
	if m.width <= 0 || m.tabs == nil {
		return
	}
	full, q := m.full[m.tab], m.queries[m.tab]
	m.view = full.Subset(m.lesson.Apply(full, q))
	m.sel[m.tab] = ui.Clamp(m.sel[m.tab], len(m.view.Rows))
	frameW, h := m.frameW(), m.bodyHeight()
	m.wide = false
	widths, ok := views.FitColumns(m.view, frameW-minDetailsWidth-ui.Gap, false)
	if ok && frameW >= minWideFrame {
		m.wide = true
	} else {
		widths, ok = views.FitColumns(m.view, frameW, false)
	}
	m.cards = !ok
	m.tableW = frameW
	if ok {
		var t table.Model
		t, m.tableW = ui.NewTable(m.view, widths, q.SortCol, q.Desc, max(h, 2), *m.styles, true)
		m.tbl = &t
	}
	m.refresh()
}

// refresh redraws the table and details after the selection moves, and
// the help bar for the keys that work now.
func (m *Model) refresh() {
	if m.width <= 0 || m.tabs == nil {
		return
	}
	h, frameW, sel := m.bodyHeight(), m.frameW(), m.cur()
	switch {
	case len(m.view.Rows) == 0:
		m.tableView = m.styles.Warning.Render("No rows match.") + "\n" +
			m.styles.Muted.Render(views.Truncate("Press x to clear the filters, or / to change the text.", frameW))
	case m.cards:
		m.tableView = ui.CardsView(m.view, frameW, h, sel, *m.styles)
	default:
		t := *m.tbl
		t.SetCursor(sel)
		m.tableView = t.View()
	}
	detailsW := frameW
	if m.wide {
		detailsW = frameW - m.tableW - ui.Gap
	}
	var body string
	if len(m.view.Rows) > 0 {
		body = views.Details(m.lesson, m.view, sel, min(detailsW-1, ui.MaxTextWidth), *m.styles)
		if hint := m.linkHint(); hint != "" {
			body += "\n\n" + m.styles.Muted.Render(hint)
		}
	}
	top := m.panel.Top()
	m.panel = ui.NewPane(body, detailsW, h)
	m.panel.ScrollTo(top)
	m.syncKeys()
}

// syncKeys enables the keys that do something now and draws the help bar.
func (m *Model) syncKeys() {
	k := &m.KeyMap
	k.browse(!m.editing)
	if !m.editing {
		for _, fk := range k.filterKeys() {
			_, ok := m.tabs[m.tab].Filter(fk.id)
			fk.binding.SetEnabled(ok)
		}
		k.Link.SetEnabled(m.view.Spec.Link != nil && len(m.view.Rows) > 0)
		k.Clear.SetEnabled(m.queries[m.tab].Active())
	}
	short := k.ShortHelp()
	if m.editing {
		short = []key.Binding{k.Done, k.Cancel}
	}
	m.helpBar = views.HelpBar(*m.styles, short, m.frameW())
}

// View draws the explorer's screen, frameW columns wide.
func (m Model) View() string {
	if m.tabs == nil || m.width <= 0 {
		return ""
	}
	s, frameW, h := *m.styles, m.frameW(), m.bodyHeight()
	var b strings.Builder
	b.WriteString(m.titleLine(frameW) + "\n")
	titles := make([]string, len(m.tabs))
	for i, t := range m.tabs {
		titles[i] = t.Title
	}
	b.WriteString(views.TabBar(s, titles, m.tab, frameW) + "\n")
	q := m.queries[m.tab]
	if m.editing {
		b.WriteString(views.PromptText(s, "/", m.input.Field(), "  type to filter · enter: done · esc: clear", frameW) + "\n")
	} else {
		b.WriteString(s.Muted.Render(views.Truncate(q.Summary(m.lesson, len(m.full[m.tab].Rows), m.view), frameW)) + "\n")
	}
	var body string
	switch {
	case m.help:
		body = m.helpPane.View()
	case m.details && !m.wide:
		body = m.panel.View()
	case m.wide && len(m.view.Rows) > 0:
		body = views.Beside(views.SplitLines(views.PadLines(views.Fit(m.tableView, h), m.tableW)), m.tableW, m.panel.View())
	default:
		body = m.tableView
	}
	b.WriteString(views.Fit(body, h) + "\n")
	b.WriteString(s.Muted.Render(views.Truncate(m.tabs[m.tab].Caveat(m.lesson), frameW)) + "\n")
	above, below := m.Scrolled()
	b.WriteString(views.StatusLine(s, above, below, m.lesson.Meta, frameW) + "\n")
	b.WriteString(m.helpBar)
	return b.String()
}

// titleLine is "Explorer · lesson" on the left and where the learner came
// from on the right.
func (m Model) titleLine(frameW int) string {
	s := *m.styles
	from := views.Truncate("from step "+strconv.Itoa(m.step+1)+"/"+strconv.Itoa(m.total), frameW)
	title := s.AppName.Render("Explorer") + s.Section.Render(" · "+m.lesson.Meta.Title)
	if w := frameW - lipgloss.Width(from) - 1; lipgloss.Width(title) > w {
		title = s.AppName.Render(views.Truncate("Explorer", w))
	}
	return title + strings.Repeat(" ", max(frameW-lipgloss.Width(title)-lipgloss.Width(from), 1)) + s.Muted.Render(from)
}

// Scrolled counts the lines out of sight above and below in the panel
// that scrolls: the help, or the details.
func (m Model) Scrolled() (above, below int) {
	switch {
	case m.help:
		return m.helpPane.Above(), m.helpPane.Below()
	case m.details || m.wide:
		return m.panel.Above(), m.panel.Below()
	}
	return 0, 0
}
