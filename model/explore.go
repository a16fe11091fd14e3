package model

import (
	"cmp"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/table"
	tea "charm.land/bubbletea/v2"

	"jakstat/content"
	"jakstat/views"
)

// explorer is the table explorer's state: which tab, and per tab the
// learner's query and selected row. Everything drawn is derived from it
// in layoutExplorer, so it is never out of date.
type explorer struct {
	open    bool
	tab     int
	queries []content.Query
	sel     []int // selected position in the shown rows, per tab
	editing bool  // typing the text filter
	details bool  // the details panel covers the table (narrow windows)

	// Derived by layoutExplorer.
	view      content.Table // the tab's rows after filtering and sorting
	total     int           // rows before filtering
	tbl       table.Model
	cards     bool
	wide      bool // table and details side by side
	tableW    int
	tableView string
	panel     pane // details
}

func newExplorer(tabs int) explorer {
	e := explorer{queries: make([]content.Query, tabs), sel: make([]int, tabs)}
	for i := range e.queries {
		e.queries[i] = content.NewQuery()
	}
	return e
}

// Explorer geometry.
const (
	exploreHeader   = 3  // title, tabs, query line
	exploreCaveat   = 1  // the caveat under the table
	minDetailsWidth = 40 // details beside the table need this much
	exploreFooter   = 2  // status line and help bar
)

// ExploreKeyMap is the explorer's keys; its help is generated from it.
type ExploreKeyMap struct {
	NextTab, PrevTab, Filter, Sort, Reverse, Route, Region, Boxed, Clear, Link, Details, Close key.Binding
}

// DefaultExploreKeyMap returns the explorer's standard keys.
func DefaultExploreKeyMap() ExploreKeyMap {
	return ExploreKeyMap{
		NextTab: key.NewBinding(key.WithKeys("tab", "right", "l"), key.WithHelp("tab", "next tab")),
		PrevTab: key.NewBinding(key.WithKeys("shift+tab", "left", "h"), key.WithHelp("shift+tab", "previous tab")),
		Filter:  key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Sort:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort column")),
		Reverse: key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "reverse")),
		Route:   key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "oral/topical")),
		Region:  key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "FDA/EU/Japan")),
		Boxed:   key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "boxed warning")),
		Clear:   key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "clear filters")),
		Link:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "cross-link")),
		Details: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "details")),
		Close:   key.NewBinding(key.WithKeys("esc", "t"), key.WithHelp("esc", "back to the lesson")),
	}
}

// ShortHelp is the explorer's help bar.
func (k ExploreKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Close, k.NextTab, k.Filter, k.Sort, k.Details, k.Link, k.Route, k.Region, k.Boxed, k.Clear}
}

// FullHelp is the explorer's part of the "?" screen.
func (k ExploreKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.NextTab, k.PrevTab, k.Details, k.Link, k.Close},
		{k.Filter, k.Sort, k.Reverse, k.Route, k.Region, k.Boxed, k.Clear},
	}
}

// openExplorer shows the explorer. From a lesson table it opens on the
// matching tab with the same record selected.
func (m *Model) openExplorer() {
	e := &m.explore
	e.open, e.editing, e.details = true, false, false
	m.overlay = overlayNone
	if m.focus == focusTable && m.grid.ID() != "" && m.row < len(m.grid.Keys) {
		want := cmp.Or(m.grid.Spec.ExploreAs, m.grid.ID())
		for i, t := range m.tabs {
			if t.ID == want {
				e.tab = i
				e.queries[i] = content.NewQuery()
				m.layoutExplorer()
				for pos, k := range e.view.Keys {
					if k == m.grid.Keys[m.row] {
						e.sel[i] = pos
					}
				}
			}
		}
	}
	m.layoutExplorer()
}

// closeExplorer returns to the lesson exactly where the learner left it.
func (m *Model) closeExplorer() {
	m.explore.open, m.explore.editing = false, false
	m.layout(false)
}

// layoutExplorer filters and sorts the tab's rows and fits the table,
// cards and details to the window.
func (m *Model) layoutExplorer() {
	e := &m.explore
	if m.width <= 0 || m.lesson == nil {
		return
	}
	tab := m.tabs[e.tab]
	full := m.lesson.Table(tab.ID)
	q := e.queries[e.tab]
	idx := m.lesson.Apply(full, q)
	e.total = len(full.Rows)
	e.view = full.Subset(idx)
	e.sel[e.tab] = min(max(e.sel[e.tab], 0), max(len(idx)-1, 0))

	frameW := min(m.width, maxFrameWidth)
	h := m.exploreBodyHeight()
	e.wide = false
	widths, ok := views.FitColumns(e.view, frameW-minDetailsWidth-sceneGap, false)
	if ok && frameW >= 100 {
		e.wide = true
	} else {
		widths, ok = views.FitColumns(e.view, frameW, false)
	}
	e.cards = !ok
	e.tableW = frameW
	if ok {
		e.tbl, e.tableW = newTable(e.view, widths, q.SortCol, q.Desc, max(h, 2), m.styles, true)
	}
	m.refreshExplorer()
}

// exploreBodyHeight is the lines between the explorer's header and its caveat.
func (m Model) exploreBodyHeight() int {
	return max(m.height-exploreHeader-exploreCaveat-exploreFooter, 1)
}

// refreshExplorer redraws the table and details after the selection moves.
func (m *Model) refreshExplorer() {
	e := &m.explore
	h := m.exploreBodyHeight()
	frameW := min(m.width, maxFrameWidth)
	sel := e.sel[e.tab]
	switch {
	case len(e.view.Rows) == 0:
		e.tableView = m.styles.Warning.Render("No rows match.") + "\n" +
			m.styles.Muted.Render(views.Truncate("Press x to clear the filters, or / to change the text.", frameW))
	case e.cards:
		out, tops := views.Cards(e.view, frameW, sel, m.styles)
		lines := splitLines(out)
		top := 0
		if sel < len(tops) {
			end := len(lines)
			if sel+1 < len(tops) {
				end = tops[sel+1] - 1
			}
			top = min(max(end-h, 0), tops[sel])
		}
		e.tableView = window(lines, top, h)
	default:
		e.tbl.SetCursor(sel)
		e.tableView = e.tbl.View()
	}
	detailsW := frameW
	if e.wide {
		detailsW = frameW - e.tableW - sceneGap
	}
	top := e.panel.top
	var body string
	if len(e.view.Rows) > 0 {
		body = views.Details(m.lesson, e.view, sel, min(detailsW-1, maxTextWidth), m.styles)
		if hint := m.linkHint(); hint != "" {
			body += "\n\n" + m.styles.Muted.Render(hint)
		}
	}
	e.panel = newPane(body, detailsW, h)
	e.panel.scrollTo(top)
	short := m.exploreKeys.ShortHelp()
	_, route := m.tabs[e.tab].Filter("route")
	_, region := m.tabs[e.tab].Filter("region")
	_, boxed := m.tabs[e.tab].Filter("boxed")
	m.exploreKeys.Route.SetEnabled(route)
	m.exploreKeys.Region.SetEnabled(region)
	m.exploreKeys.Boxed.SetEnabled(boxed)
	m.exploreKeys.Link.SetEnabled(m.linkHint() != "")
	m.exploreKeys.Clear.SetEnabled(e.queries[e.tab].Active())
	m.helpBar = views.HelpBar(m.styles, short, frameW)
}

// linkHint says where "c" leads from the selected row, or "" if nowhere.
func (m Model) linkHint() string {
	if l := m.explore.view.Spec.Link; l != nil {
		return "c: " + l.Says
	}
	return ""
}

// followLink jumps from the selected row to the rows it is tied to.
func (m *Model) followLink() {
	e := &m.explore
	if len(e.view.Keys) == 0 {
		return
	}
	from := e.view.Keys[e.sel[e.tab]]
	link := e.view.Spec.Link
	if link == nil {
		return
	}
	for i, t := range m.tabs {
		if t.ID == link.To {
			e.tab = i
			q := content.NewQuery()
			q.Link = from
			e.queries[i], e.sel[i] = q, 0
			e.details = false
		}
	}
	m.layoutExplorer()
}

// exploreKey handles a key while the explorer is open.
func (m Model) exploreKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	e := &m.explore
	k, ek := m.keys, m.exploreKeys
	if e.editing {
		q := &e.queries[e.tab]
		switch s := msg.String(); {
		case s == "enter":
			e.editing = false
		case s == "esc":
			e.editing, q.Text = false, ""
		case s == "backspace":
			if r := []rune(q.Text); len(r) > 0 {
				q.Text = string(r[:len(r)-1])
			}
		case msg.Text != "" && msg.Mod&^tea.ModShift == 0: // printable, shift allowed
			q.Text += msg.Text
		}
		e.sel[e.tab] = 0
		m.layoutExplorer()
		return m, nil
	}
	if m.overlay == overlayHelp {
		m.overlay = overlayNone
		if key.Matches(msg, k.Help, k.Back) {
			return m, nil
		}
	}
	sel := &e.sel[e.tab]
	q := &e.queries[e.tab]
	page := max(m.exploreBodyHeight()-2, 1)
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Help):
		m.overlay = overlayHelp
		m.panel = newPane(views.FullHelp(m.styles, append(ek.FullHelp(), []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Help, k.Quit}), min(m.width, maxFrameWidth)), min(m.width, maxFrameWidth), m.exploreBodyHeight()+exploreCaveat)
		return m, nil
	case key.Matches(msg, ek.Close):
		if e.details && !e.wide {
			e.details = false
			m.refreshExplorer()
			return m, nil
		}
		m.closeExplorer()
		return m, nil
	case e.details && !e.wide && e.panel.scrollKey(msg, k):
		return m, nil
	case key.Matches(msg, ek.Details):
		e.details = !e.details
		e.panel.top = 0
		m.refreshExplorer()
		return m, nil
	case key.Matches(msg, ek.NextTab, ek.PrevTab):
		d := 1
		if key.Matches(msg, ek.PrevTab) {
			d = len(m.tabs) - 1
		}
		e.tab, e.details = (e.tab+d)%len(m.tabs), false
	case len(msg.Text) == 1 && msg.Text[0] >= '1' && msg.Text[0] <= '9':
		if n := int(msg.Text[0] - '1'); n < len(m.tabs) {
			e.tab, e.details = n, false
		}
	case key.Matches(msg, k.Up):
		*sel--
	case key.Matches(msg, k.Down):
		*sel++
	case key.Matches(msg, k.PageUp):
		*sel -= page
	case key.Matches(msg, k.PageDown):
		*sel += page
	case key.Matches(msg, k.First):
		*sel = 0
	case key.Matches(msg, k.Last):
		*sel = len(e.view.Rows) - 1
	case key.Matches(msg, ek.Filter):
		e.editing = true
	case key.Matches(msg, ek.Sort):
		q.SortCol = (q.SortCol+2)%(len(e.view.Columns)+1) - 1 // -1 (data order), 0, 1, ...
		q.Desc = false
	case key.Matches(msg, ek.Reverse):
		if q.SortCol < 0 {
			q.SortCol = 0
		}
		q.Desc = !q.Desc
	case key.Matches(msg, ek.Route, ek.Region, ek.Boxed):
		id := map[bool]string{true: "route", false: "region"}[key.Matches(msg, ek.Route)]
		if key.Matches(msg, ek.Boxed) {
			id = "boxed"
		}
		f, ok := m.tabs[e.tab].Filter(id)
		if !ok {
			return m, nil
		}
		*q = q.With(id, f.Next(q.Filter(id)))
	case key.Matches(msg, ek.Clear):
		*q = q.Cleared()
	case key.Matches(msg, ek.Link):
		m.followLink()
		return m, nil
	default:
		return m, nil
	}
	m.layoutExplorer()
	return m, nil
}

// renderExplorer composes the explorer's screen.
func (m Model) renderExplorer() string {
	e := m.explore
	s := m.styles
	frameW := min(m.width, maxFrameWidth)
	margin := (m.width - frameW) / 2
	tab := m.tabs[e.tab]
	var b strings.Builder
	from := views.Truncate("from step "+strconv.Itoa(m.nav.Step+1)+"/"+strconv.Itoa(m.nav.Total), frameW)
	title := s.AppName.Render("Explorer") + s.Section.Render(" · "+m.lesson.Meta.Title)
	if w := frameW - lipgloss.Width(from) - 1; lipgloss.Width(title) > w {
		title = s.AppName.Render(views.Truncate("Explorer", w))
	}
	b.WriteString(title + strings.Repeat(" ", max(frameW-lipgloss.Width(title)-lipgloss.Width(from), 1)) + s.Muted.Render(from) + "\n")
	b.WriteString(views.TabBar(s, tabTitles(m.tabs), e.tab, frameW) + "\n")
	q := e.queries[e.tab]
	if e.editing {
		b.WriteString(views.PromptText(s, "/", views.Field{Text: q.Text, Cursor: len([]rune(q.Text))}, "  type to filter · enter: done · esc: clear", frameW) + "\n")
	} else {
		b.WriteString(s.Muted.Render(views.Truncate(q.Summary(m.lesson, e.total, e.view), frameW)) + "\n")
	}
	h := m.exploreBodyHeight()
	var body string
	switch {
	case m.overlay == overlayHelp:
		body = m.panel.view()
	case e.details && !e.wide:
		body = e.panel.view()
	case e.wide && len(e.view.Rows) > 0:
		body = besides(splitLines(padLines(fit(e.tableView, h), e.tableW)), e.tableW, e.panel.view())
	default:
		body = e.tableView
	}
	b.WriteString(fit(body, h) + "\n")
	b.WriteString(s.Muted.Render(views.Truncate(tab.Caveat(m.lesson), frameW)) + "\n")
	above, below := 0, 0
	if e.details || e.wide {
		above, below = e.panel.above(), e.panel.below()
	}
	b.WriteString(views.StatusLine(s, above, below, m.lesson.Meta.Checked, frameW) + "\n")
	b.WriteString(m.helpBar)
	out := frame(b.String(), m.height, margin)
	if m.opts.ASCII {
		out = views.ASCIIFrame(out)
	}
	return out
}

func tabTitles(tabs []content.TableSpec) []string {
	out := make([]string, len(tabs))
	for i, t := range tabs {
		out[i] = t.Title
	}
	return out
}

// padLines pads each line to width so a panel can sit to its right.
func padLines(s string, width int) string {
	lines := splitLines(s)
	for i, ln := range lines {
		if w := lipgloss.Width(ln); w < width {
			lines[i] = ln + strings.Repeat(" ", width-w)
		}
	}
	return strings.Join(lines, "\n")
}
