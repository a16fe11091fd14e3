// Package explorer is the table explorer: every table of the lesson as a
// tab, with a text filter, quick filters, sorting, details beside or over
// the rows, and cross-links between drugs and side effects. It keeps each
// tab's query and selection, so coming back finds things as they were.
package explorer

import (
	"cmp"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"jakstat/content"
	"jakstat/model/internal/ui"
	"jakstat/views"
)

// Explorer geometry.
const (
	headerLines     = 3  // title, tabs, query line
	caveatLines     = 3  // the most the caveat under the table wraps onto
	minDetailsWidth = 40 // details beside the table need this much
	minWideFrame    = 100
)

// CloseMsg reports that the learner left the explorer.
type CloseMsg struct{}

// Model is the explorer.
type Model struct {
	KeyMap KeyMap

	lesson  *content.Lesson
	styles  *views.Styles
	tabs    []content.TableSpec // built when first opened
	full    []content.Table     // each tab's rows, built once
	tab     int
	queries []content.Query
	sel     []int // selected position in the shown rows, per tab
	input   ui.Input
	editing bool // typing the text filter
	details bool // the details panel covers the table (narrow windows)
	help    bool // every key covers the table
	width   int
	height  int
	step    int // where the learner came from, for the title line
	total   int
	// back holds where each cross-link was followed from, latest last:
	// esc goes back one. Switching tabs or reopening the explorer forgets it.
	back []Crumb

	// Derived by layout and refresh.
	view      content.Table // the tab's rows after filtering and sorting
	fitted    fitKey        // what widths were fitted for
	widths    []int         // the tab's columns; nil for cards
	cards     bool
	wide      bool // table and details side by side
	tableW    int
	tableView string
	panel     ui.Pane // details
	helpPane  ui.Pane
	helpBar   string
}

// Crumb is where a cross-link was followed from (a tab and the key of its
// selected row), and what the tab it led to showed before, so that going
// back restores both.
type Crumb struct {
	Tab     string        `json:"tab"`
	Row     string        `json:"row,omitempty"`
	Details bool          `json:"details,omitempty"`
	To      string        `json:"to"`
	ToQuery content.Query `json:"toQuery"`
	ToRow   string        `json:"toRow,omitempty"`
}

// Position is the explorer's state as data, for a follower to show the
// same thing: the tab (a table id), its query, the selected row's key,
// and the cross-links followed to get there.
type Position struct {
	Tab     string        `json:"tab"`
	Query   content.Query `json:"query"`
	Row     string        `json:"row,omitempty"`
	Details bool          `json:"details,omitempty"`
	Back    []Crumb       `json:"back,omitempty"`
}

// New returns the explorer of l's tables.
func New(l *content.Lesson, s *views.Styles) Model {
	return Model{KeyMap: DefaultKeyMap(), lesson: l, styles: s}
}

// ensure builds the tabs the first time the explorer opens: not before
// the lesson's first frame.
func (m *Model) ensure() {
	if m.tabs != nil {
		return
	}
	m.tabs = m.lesson.ExploreTabs()
	m.full = make([]content.Table, len(m.tabs))
	m.queries = make([]content.Query, len(m.tabs))
	m.sel = make([]int, len(m.tabs))
	for i, t := range m.tabs {
		m.full[i] = m.lesson.Table(t.ID)
		m.queries[i] = content.NewQuery()
	}
	m.KeyMap.numberTabs(len(m.tabs))
}

// own gives m slices of its own for the state it changes in place, so
// that the copy it was made from keeps its queries, selections and
// cross-link trail: a Model is a value, and a copy kept from before a key
// (a classroom keeps one to tell whether a student moved away from the
// teacher's view) must not change with the key. Every method that changes
// them calls it first; they hold one entry per tab, so copying is cheap.
func (m *Model) own() {
	m.queries, m.sel, m.back = slices.Clone(m.queries), slices.Clone(m.sel), slices.Clip(m.back)
}

// Open shows the explorer as it was left, but for cross-links: each opening
// starts with no link filter and nothing to go back to. From a lesson table
// (tableID and the key of its selected row) it opens on the matching tab
// with that row selected and no filter; with tableID "" it keeps the tab,
// filters and sort.
func (m Model) Open(tableID, rowKey string) Model {
	m.ensure()
	m.own()
	m.editing, m.details, m.help, m.back = false, false, false, nil
	for i := range m.queries {
		m.queries[i].Link = ""
	}
	if spec, ok := content.Spec(tableID); ok {
		if i := m.tabIndex(cmp.Or(spec.ExploreAs, spec.ID)); i >= 0 {
			m.tab, m.queries[i] = i, content.NewQuery()
			m.layout()
			m.selectKey(rowKey)
		}
	}
	m.layout()
	return m
}

// SetOrigin is the step the learner came from (zero-based), of total.
func (m *Model) SetOrigin(step, total int) { m.step, m.total = step, total }

// SetSize fits the explorer to the window.
func (m *Model) SetSize(width, height int) {
	m.own()
	m.width, m.height = width, height
	m.layout()
}

// tabID is the current tab's table id, or "" before the explorer opens.
func (m Model) tabID() string {
	if m.tab < len(m.tabs) {
		return m.tabs[m.tab].ID
	}
	return ""
}

// query is the current tab's query.
func (m Model) query() content.Query {
	if m.tab < len(m.queries) {
		return m.queries[m.tab]
	}
	return content.NewQuery()
}

// selected is the key of the selected row, or "" when no row is shown.
func (m Model) selected() string {
	if i := m.cur(); i < len(m.view.Keys) {
		return m.view.Keys[i]
	}
	return ""
}

// Position is the explorer's state as data.
func (m Model) Position() Position {
	return Position{Tab: m.tabID(), Query: m.query(), Row: m.selected(), Details: m.details, Back: slices.Clone(m.back)}
}

// Apply shows p: its tab, query, row and details.
func (m Model) Apply(p Position) Model {
	m.ensure()
	m.own()
	m.editing, m.help = false, false
	if i := m.tabIndex(p.Tab); i >= 0 {
		m.tab, m.queries[i] = i, p.Query
	}
	m.details, m.back = p.Details, slices.Clone(p.Back)
	m.layout()
	m.selectKey(p.Row)
	m.refresh()
	return m
}

func (m Model) tabIndex(id string) int {
	return slices.IndexFunc(m.tabs, func(t content.TableSpec) bool { return t.ID == id })
}

func (m Model) cur() int {
	if m.tab < len(m.sel) {
		return m.sel[m.tab]
	}
	return 0
}

// selectKey selects the shown row with key k, if there is one.
func (m *Model) selectKey(k string) {
	if i := slices.Index(m.view.Keys, k); i >= 0 && k != "" {
		m.sel[m.tab] = i
	}
}

// Update handles a key, a paste, the mouse wheel or new styles. It reports
// CloseMsg or tea.QuitMsg for the lesson to act on, or nil.
func (m Model) Update(msg tea.Msg) (Model, tea.Msg) {
	switch msg := msg.(type) {
	case ui.StylesMsg:
		m.styles = msg.Styles
		m.layout()
		return m, nil
	}
	if m.tabs == nil {
		return m, nil
	}
	m.own()
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if m.editing {
			return m.editKey(msg)
		}
		return m.browseKey(msg)
	case tea.PasteMsg:
		if m.editing {
			return m.editKey(msg)
		}
	case tea.MouseWheelMsg:
		if m.editing {
			break
		}
		switch msg.Mouse().Button {
		case tea.MouseWheelUp:
			m.move(-1)
		case tea.MouseWheelDown:
			m.move(1)
		}
		m.refresh()
	}
	return m, nil
}

// editKey types into the text filter.
func (m Model) editKey(msg tea.Msg) (Model, tea.Msg) {
	q := &m.queries[m.tab]
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, m.KeyMap.Interrupt):
			return m, tea.QuitMsg{}
		case key.Matches(k, m.KeyMap.Done):
			m.editing = false
			m.refresh()
			return m, nil
		case key.Matches(k, m.KeyMap.Cancel):
			m.editing, q.Text = false, ""
			m.sel[m.tab] = 0
			m.layout()
			return m, nil
		}
	}
	var changed bool
	if m.input, changed = m.input.Update(msg); !changed {
		return m, nil
	}
	if m.input.Value() != q.Text {
		q.Text, m.sel[m.tab] = m.input.Value(), 0
	}
	m.layout()
	return m, nil
}

// browseKey handles a key while the rows are shown.
func (m Model) browseKey(msg tea.KeyPressMsg) (Model, tea.Msg) {
	k := m.KeyMap
	if m.help {
		switch {
		case key.Matches(msg, k.Help, k.Close):
			m.help = false
			m.refresh()
			return m, nil
		case m.helpPane.ScrollKey(msg, k.Up, k.Down, k.PageUp, k.PageDown):
			return m, nil
		}
		m.help = false // any other key leaves the help and does what it always does
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.QuitMsg{}
	case key.Matches(msg, k.Leave):
		return m, CloseMsg{}
	case key.Matches(msg, k.Help):
		m.help = true
		m.helpPane = ui.NewPane(views.FullHelp(*m.styles, k.FullHelp()[:3], m.frameW()), m.frameW(), m.bodyHeight())
	case key.Matches(msg, k.Close):
		switch {
		case m.details && !m.wide:
			m.details = false
		case len(m.back) > 0:
			m.goBack()
			return m, nil
		default:
			return m, CloseMsg{}
		}
	case m.details && !m.wide && m.panel.ScrollKey(msg, k.Up, k.Down, k.PageUp, k.PageDown):
	case key.Matches(msg, k.Details):
		m.details = !m.details
		m.panel.ScrollTo(0)
	case key.Matches(msg, k.Link):
		m.followLink()
	case key.Matches(msg, k.Filter):
		m.editing = true
		m.input = ui.NewInput(0, nil)
		m.input.SetValue(m.queries[m.tab].Text)
	case m.moveKey(msg):
	default:
		if !m.changeView(msg) {
			return m, nil
		}
		m.layout()
		return m, nil
	}
	m.refresh()
	return m, nil
}

// moveKey moves the selection for the row keys and says whether msg was one.
func (m *Model) moveKey(msg tea.KeyPressMsg) bool {
	k := m.KeyMap
	page := max(m.bodyHeight()-2, 1)
	switch {
	case key.Matches(msg, k.Up):
		m.move(-1)
	case key.Matches(msg, k.Down):
		m.move(1)
	case key.Matches(msg, k.PageUp):
		m.move(-page)
	case key.Matches(msg, k.PageDown):
		m.move(page)
	case key.Matches(msg, k.Top):
		m.move(-len(m.view.Rows))
	case key.Matches(msg, k.Bottom):
		m.move(len(m.view.Rows))
	default:
		return false
	}
	return true
}

// changeView handles the keys that change which rows are shown; it says
// whether msg was one of them.
func (m *Model) changeView(msg tea.KeyPressMsg) bool {
	k := m.KeyMap
	q := &m.queries[m.tab]
	switch {
	case key.Matches(msg, k.NextTab):
		m.tab, m.details, m.back = (m.tab+1)%len(m.tabs), false, nil
	case key.Matches(msg, k.PrevTab):
		m.tab, m.details, m.back = (m.tab+len(m.tabs)-1)%len(m.tabs), false, nil
	case key.Matches(msg, k.Tab):
		if n := int(msg.String()[0] - '1'); n < len(m.tabs) {
			m.tab, m.details, m.back = n, false, nil
		}
	case key.Matches(msg, k.Sort):
		q.SortCol = (q.SortCol+2)%(len(m.view.Columns)+1) - 1 // -1 (data order), 0, 1, ...
		q.Desc = false
	case key.Matches(msg, k.Reverse):
		q.SortCol = max(q.SortCol, 0)
		q.Desc = !q.Desc
	case key.Matches(msg, k.Clear):
		*q = q.Cleared()
	default:
		for _, fk := range m.KeyMap.filterKeys() {
			if key.Matches(msg, *fk.binding) {
				f, ok := m.tabs[m.tab].Filter(fk.id)
				if !ok {
					return false
				}
				*q = q.With(fk.id, f.Next(q.Filter(fk.id)))
				return true
			}
		}
		return false
	}
	return true
}

// move moves the selection by n rows, within the rows shown.
func (m *Model) move(n int) {
	m.sel[m.tab] = ui.Clamp(m.sel[m.tab]+n, len(m.view.Rows))
}

// linkTarget is the tab the selected row cross-links to and the query that
// shows the rows tied to it, or -1 when it links to none (the table has no
// link, or nothing is tied to this row).
func (m Model) linkTarget() (int, content.Query) {
	link, from := m.view.Spec.Link, m.selected()
	if link == nil || from == "" {
		return -1, content.Query{}
	}
	i := m.tabIndex(link.To)
	if i < 0 {
		return -1, content.Query{}
	}
	q := content.NewQuery()
	q.Link = from
	if len(m.lesson.Apply(m.full[i], q)) == 0 {
		return -1, content.Query{}
	}
	return i, q
}

// followLink jumps from the selected row to the rows it is tied to,
// remembering where it came from for esc.
func (m *Model) followLink() {
	i, q := m.linkTarget()
	if i < 0 {
		return
	}
	to := m.tabs[i].ID
	m.back = append(m.back, Crumb{Tab: m.tabID(), Row: m.selected(), Details: m.details,
		To: to, ToQuery: m.queries[i], ToRow: m.rowOf(i)})
	m.tab, m.queries[i], m.sel[i], m.details = i, q, 0, false
	m.layout()
}

// rowOf is the key of the row selected on tab i, or "".
func (m Model) rowOf(i int) string {
	shown := m.lesson.Apply(m.full[i], m.queries[i])
	if s := m.sel[i]; s < len(shown) {
		return m.full[i].Keys[shown[s]]
	}
	return ""
}

// goBack returns to where the last cross-link was followed from, and puts
// the tab it led to back as it was.
func (m *Model) goBack() {
	c := m.back[len(m.back)-1]
	m.back = m.back[:len(m.back)-1]
	if i := m.tabIndex(c.To); i >= 0 {
		m.tab, m.queries[i] = i, c.ToQuery
		m.layout()
		m.selectKey(c.ToRow)
	}
	if i := m.tabIndex(c.Tab); i >= 0 {
		m.tab = i
	}
	m.details = c.Details
	m.layout()
	m.selectKey(c.Row)
	m.refresh()
}

// linkHint says where the link key leads from the selected row, or "".
func (m Model) linkHint() string {
	if i, _ := m.linkTarget(); i >= 0 {
		return m.KeyMap.Link.Help().Key + ": " + m.view.Spec.Link.Says
	}
	return ""
}
