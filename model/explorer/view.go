package explorer

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"jakstat/model/internal/ui"
	"jakstat/views"
)

func (m Model) frameW() int { return min(m.width, ui.MaxFrameWidth) }

// bodyHeight is the lines between the header and the caveat.
func (m Model) bodyHeight() int {
	return max(m.height-headerLines-len(m.caveat())-m.footerLines(), 1)
}

// footerLines is the status line (one line or two, where the window is
// too narrow for the disclaimer and date beside each other) and the help bar.
func (m Model) footerLines() int { return views.StatusHeight(m.lesson.Meta, m.frameW(), false) + 1 }

// caveat is the tab's caveat wrapped to the frame, in at most caveatLines.
func (m Model) caveat() []string {
	if m.tab >= len(m.tabs) {
		return nil
	}
	text := m.tabs[m.tab].Caveat(m.lesson)
	if text == "" {
		return nil
	}
	lines := views.SplitLines(views.Wrap(text, m.frameW()))
	if len(lines) > caveatLines {
		lines = append(lines[:caveatLines-1], views.Truncate(strings.Join(lines[caveatLines-1:], " "), m.frameW()))
	}
	return lines
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
	m.fit()
	m.refresh()
}

// fit sizes the tab's columns for all of its rows, so they stand still
// while a filter narrows them, once per tab and window width: across the
// window, or as cards when the columns do not fit. In a wide window the
// details go beside the table when that costs the table little: it cuts
// no more cells, and takes at most a third more lines.
func (m *Model) fit() {
	frameW := m.frameW()
	if m.fitted == (fitKey{tab: m.tab, width: frameW, ok: true}) {
		return
	}
	m.fitted = fitKey{tab: m.tab, width: frameW, ok: true}
	full := m.full[m.tab]
	widths, ok := views.FitGrid(full, frameW, true)
	m.wide = false
	if ok && frameW >= minWideFrame {
		beside, fits := views.FitGrid(full, frameW-minDetailsWidth-ui.Gap, true)
		if fits && views.GridCuts(full, beside) <= views.GridCuts(full, widths) &&
			3*views.GridHeight(full, beside) <= 4*views.GridHeight(full, widths) {
			m.wide, widths = true, beside
		}
	}
	m.cards, m.widths, m.tableW = !ok, widths, frameW
	if ok {
		m.tableW = views.GridWidth(widths)
	}
}

// fitKey is what the columns were last fitted for.
type fitKey struct {
	tab, width int
	ok         bool // they were fitted at all
}

// refresh redraws the table and details after the selection moves, and
// the help bar for the keys that work now.
func (m *Model) refresh() {
	if m.width <= 0 || m.tabs == nil {
		return
	}
	h, frameW, sel := m.bodyHeight(), m.frameW(), m.cur()
	q := m.queries[m.tab]
	switch {
	case len(m.view.Rows) == 0:
		m.tableView = m.styles.Warning.Render("No rows match.") + "\n" +
			m.styles.Muted.Render(views.Truncate("Press x to clear the filters, or / to change the text.", frameW))
	case m.cards:
		m.tableView = ui.CardsView(m.view, frameW, h, sel, *m.styles)
	default:
		m.tableView = views.Grid(m.view, m.widths, views.GridOptions{Selected: sel, SortCol: q.SortCol, Desc: q.Desc, Height: h}, *m.styles)
	}
	detailsW := frameW
	if m.wide {
		detailsW = frameW - m.tableW - ui.Gap
	}
	var body string
	if len(m.view.Rows) > 0 {
		body = views.Details(m.lesson, m.view, sel, min(detailsW-1, ui.MaxTextWidth), *m.styles)
		if hint := m.linkHint(); hint != "" {
			body += "\n\n" + m.styles.Muted.Render(views.Wrap(hint, min(detailsW-1, ui.MaxTextWidth)))
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
		to, _ := m.linkTarget()
		k.Link.SetEnabled(to >= 0)
		// Details beside the table are always there: enter has nothing to open.
		k.Details.SetEnabled(!m.wide && len(m.view.Rows) > 0)
		k.Clear.SetEnabled(m.queries[m.tab].Changed())
		switch {
		case m.details && !m.wide:
			k.Close.SetHelp("esc", "close details")
		case len(m.back) > 0:
			k.Close.SetHelp("esc", "back to "+m.backTitle())
		default:
			k.Close.SetHelp("esc", "back to the lesson")
		}
	}
	short := k.ShortHelp()
	switch {
	case m.editing:
		short = []key.Binding{k.Done, k.Cancel}
	case m.details && !m.wide:
		// esc closes the details (enter does too, but one key is enough).
		short = slices.DeleteFunc(short, func(b key.Binding) bool { return b.Help() == k.Details.Help() })
	}
	m.helpBar = views.HelpBarMore(*m.styles, short, k.Help, m.frameW())
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
	for _, ln := range m.caveat() {
		b.WriteString(s.Muted.Render(ln) + "\n")
	}
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

// backTitle names the tab esc goes back to along the cross-links.
func (m Model) backTitle() string {
	if i := m.tabIndex(m.back[len(m.back)-1].Tab); i >= 0 {
		return m.tabs[i].Title
	}
	return "the last table"
}
