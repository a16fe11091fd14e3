package model

import (
	"slices"

	"charm.land/bubbles/v2/key"

	"jakstat/content"
	"jakstat/model/internal/ui"
	"jakstat/model/live"
	"jakstat/model/quiz"
	"jakstat/views"
)

// splitMinLines is the content height below which a table step shows one
// pane at a time.
const splitMinLines = 14

// focus says which pane of a step the scroll keys move.
type focus int

const (
	focusText focus = iota
	focusTable
)

// overlay is what, if anything, covers the step's panes.
type overlay int

const (
	overlayNone overlay = iota
	overlayHelp
	overlayDetails
)

// stepPanes is the step screen: the panes of the current step, rebuilt by
// layout on every step change or resize, and what covers them.
type stepPanes struct {
	focus       focus
	overlay     overlay
	text        ui.Pane
	panel       ui.Pane       // details or full help
	grid        content.Table // the step's table; its ID is "" when it has none
	tableWidths []int         // its fitted columns; nil for cards or no table
	cards       bool          // the table is shown as cards (too narrow for columns)
	row         int           // selected row of the table or cards
	tableView   string
	sceneView   string
	tableWant   int       // lines the table would take in full
	sceneSizes  [2][2]int // the step's scene, wide and narrow: width, height
}

// dims is the geometry of the current screen, derived from the window size
// and the step. It is recomputed, never stored, so it cannot go stale.
type dims struct {
	frameW   int // width of the drawn frame
	margin   int // columns left of the frame, to centre it
	textW    int // wrap width of the step's text
	headerH  int // header plus the spacer line under it, when there is room
	contentH int // lines between the header and the status line
	split    bool
	textH    int // text pane lines (0 when the pane is collapsed)
	tableH   int // table pane lines (0 when collapsed or when the step has none)

	scene     sceneMode
	sceneWide bool // the scene's wide layout, else its narrow one
	sceneW    int
	sceneH    int
}

// sceneMode is where a step's scene goes, if it has one.
type sceneMode int

const (
	sceneNone    sceneMode = iota
	sceneBeside            // right of the text
	sceneAbove             // over the text, in tall narrow windows
	sceneCaption           // the window is too small: a sentence starts the text instead
)

// Scene placement limits: text beside a scene is at least this wide, and
// text under one keeps at least this many lines.
const (
	minTextBesideWide   = 60
	minTextBesideNarrow = 32
	minTextUnder        = 6
)

func (m Model) tooSmall() bool {
	return m.width < views.MinWidth || m.height < views.MinHeight
}

func (m Model) dims() dims {
	d := dims{frameW: min(m.width, ui.MaxFrameWidth)}
	if m.opts.Present && m.width >= 60 {
		d.frameW = min(m.width-4, ui.MaxFrameWidth) // a projector's edges are often cut off
	}
	d.margin = (m.width - d.frameW) / 2
	d.textW = min(d.frameW-2, ui.MaxTextWidth)
	d.headerH = views.HeaderHeight
	if m.height >= 28 || m.opts.Present && m.height >= 16 {
		d.headerH++ // a breathing line, where there is room for it
	}
	d.contentH = max(m.height-d.headerH-m.footerHeight(), 1)
	if m.panes.grid.ID() == "" {
		d.textH = d.contentH
		m.placeScene(&d)
		return d
	}
	// A table step has a one-line label over each pane.
	room := d.contentH - 2
	if d.contentH >= splitMinLines {
		d.split = true
		d.tableH = min(m.panes.tableWant, room*3/5)
		d.textH = room - d.tableH
		return d
	}
	if m.panes.focus == focusTable {
		d.tableH = room
	} else {
		d.textH = room
	}
	return d
}

// footerHeight is the status line and the help bar; presenters have no
// help bar (? still shows every key).
func (m Model) footerHeight() int {
	if m.opts.Present {
		return 1
	}
	return 2
}

// placeScene decides where the step's scene goes: beside the text in its
// wide layout if the text keeps a comfortable width, else in its narrow
// one; above the text in tall narrow windows; otherwise a sentence.
func (m Model) placeScene(d *dims) {
	if m.current().Scene == "" {
		return
	}
	sizes := m.panes.sceneSizes
	for i, wide := range []bool{true, false} {
		w, h := sizes[i][0], sizes[i][1]
		minText := minTextBesideNarrow
		if wide {
			minText = minTextBesideWide
		}
		if h <= d.contentH && d.frameW-w-ui.Gap >= minText {
			d.scene, d.sceneWide, d.sceneW, d.sceneH = sceneBeside, wide, w, h
			d.textW = min(d.frameW-w-ui.Gap, ui.MaxTextWidth)
			return
		}
	}
	for i, wide := range []bool{true, false} {
		w, h := sizes[i][0], sizes[i][1]
		if w <= d.frameW && h+1+minTextUnder <= d.contentH {
			d.scene, d.sceneWide, d.sceneW, d.sceneH = sceneAbove, wide, w, h
			d.textH = d.contentH - h - 1
			return
		}
	}
	d.scene = sceneCaption
}

// tableLines is how tall the table wants to be: every row, or every card.
func (m Model) tableLines(width int) int {
	g := m.panes.grid
	if _, ok := views.FitColumns(g, width, false); ok {
		return len(g.Rows) + 2 // header and its rule
	}
	out, _ := views.Cards(g, width, -1, *m.styles)
	return len(views.SplitLines(out))
}

// layout fits every pane to the window and the current step, and the
// screen on top to the room it has. With reset, the text goes back to the
// top (a new step); otherwise scroll is kept.
func (m *Model) layout(reset bool) {
	if m.width <= 0 || m.height <= 0 || m.lesson == nil {
		return
	}
	p := &m.panes
	st := m.current()
	if st.Table != "" {
		p.grid = m.lesson.Table(st.Table)
	} else {
		p.grid, p.focus = content.Table{}, focusText
	}
	p.row = ui.Clamp(p.row, len(p.grid.Rows))
	p.sceneSizes = [2][2]int{}
	if st.Scene != "" {
		// Sizes depend only on the scene and the glyphs: work them out
		// here, not on every frame.
		for i, wide := range []bool{true, false} {
			p.sceneSizes[i][0], p.sceneSizes[i][1] = views.SceneSize(st.Scene, wide, m.glyphs)
		}
	}
	p.tableWant = 0
	if p.grid.ID() != "" {
		p.tableWant = m.tableLines(min(m.width, ui.MaxFrameWidth))
	}
	d := m.dims()

	top := p.text.Top()
	body := m.body(renderKey{step: m.nav.Step, width: d.textW, look: views.LookFor(m.isDark), pad: d.scene == sceneBeside})
	if d.scene == sceneCaption {
		// Too small to draw the scene: say in words what it would show.
		body = m.styles.Muted.Width(d.textW).Render("Diagram: "+views.SceneCaption(st.Scene)) + "\n\n" + body
	}
	p.text = ui.NewPane(body, d.textW, d.textH)
	m.highlight()
	if !reset {
		p.text.ScrollTo(top)
	}
	m.refreshScene()
	m.header = m.renderHeader(d)

	m.layoutTable(d)
	m.layoutPanel(d)
	m.layoutScreen(d)
	m.syncKeys()
}

// refreshScene redraws the scene at the current frame.
func (m *Model) refreshScene() {
	m.panes.sceneView = ""
	d := m.dims()
	if d.scene != sceneBeside && d.scene != sceneAbove {
		return
	}
	name, frame, wide := m.current().Scene, m.anim.frame, d.sceneWide
	key := sceneKey{name: name, frame: frame, wide: wide, ascii: m.glyphs.ASCII, look: views.LookFor(m.isDark)}
	m.panes.sceneView = m.cache.scene(key, func() string { return views.Scene(name, frame, wide, m.glyphs, *m.styles) })
}

// refreshTable redraws the table or cards after the selection moves. A
// drawn table is a pure function of its key, so it comes from the shared
// cache: a classroom's followers on the same step draw it once between them.
func (m *Model) refreshTable() {
	p := &m.panes
	p.tableView = ""
	d := m.dims()
	if p.grid.ID() == "" || d.tableH == 0 {
		return
	}
	if p.cards {
		p.tableView = ui.CardsView(p.grid, d.frameW, d.tableH, p.row, *m.styles)
		return
	}
	key := tableKey{name: p.grid.ID(), width: d.frameW, height: max(d.tableH, 2), row: p.row,
		focused: p.focus == focusTable, look: views.LookFor(m.isDark), ascii: m.glyphs.ASCII}
	grid, widths, styles := p.grid, p.tableWidths, *m.styles
	p.tableView = m.cache.tables.do(key, func() string {
		t, _ := ui.NewTable(grid, widths, -1, false, key.height, styles, key.focused)
		t.SetCursor(key.row)
		return t.View()
	})
}

// layoutTable fits the table's columns, or chooses cards when they do not fit.
func (m *Model) layoutTable(d dims) {
	p := &m.panes
	p.cards, p.tableWidths = false, nil
	defer m.refreshTable()
	if p.grid.ID() == "" {
		return
	}
	widths, ok := views.FitColumns(p.grid, d.frameW, false)
	if !ok {
		p.cards = true
		return
	}
	p.tableWidths = widths
}

// layoutPanel sizes what covers the step (details or every key) to the
// content area.
func (m *Model) layoutPanel(d dims) {
	p := &m.panes
	top := p.panel.Top()
	var content string
	switch p.overlay {
	case overlayDetails:
		content = views.Details(m.lesson, p.grid, p.row, min(d.frameW-1, ui.MaxTextWidth), *m.styles)
	case overlayHelp:
		content = views.FullHelp(*m.styles, m.helpGroups(), d.frameW)
	}
	p.panel = ui.NewPane(content, d.frameW, d.contentH-1)
	p.panel.ScrollTo(top)
}

// helpGroups is the "?" screen: every key of the step screen, including
// those that do nothing on this step, and those of the mode it runs in.
func (m Model) helpGroups() [][]key.Binding {
	k := DefaultKeyMap()
	groups := k.FullHelp()[:5]
	if m.opts.Present {
		groups = append(groups, []key.Binding{k.Blank, quiz.DefaultKeyMap().Reveal})
	}
	if m.inRoom() {
		groups[len(groups)-1] = append(groups[len(groups)-1], live.DefaultKeyMap().Revote)
	}
	if m.opts.Follow {
		groups = append(groups, []key.Binding{k.Follow, k.Answer})
	}
	return groups
}

// layoutScreen fits the screen on top, if any, to its room.
func (m *Model) layoutScreen(d dims) {
	if m.opts.Notes {
		m.notes.SetSize(m.width, m.height)
		return
	}
	switch m.screen {
	case screenExplorer:
		m.explorer.SetSize(m.width, m.height)
	case screenQuiz:
		m.quiz.SetSize(d.frameW, d.contentH)
	case screenSearch:
		m.search.SetSize(d.frameW, d.contentH)
	case screenGlossary:
		m.glossary.SetSize(d.frameW, d.contentH)
	case screenResume:
		m.resume.SetSize(d.frameW, d.contentH)
	case screenLive:
		m.live.SetSize(d.frameW, d.contentH)
	}
}

// syncKeys enables the bindings that do something in the current state, so
// the help bar only offers what works, and draws the help bar.
func (m *Model) syncKeys() {
	k, p := &m.keys, m.panes
	hasTable := p.grid.ID() != ""
	hasScene := m.lesson != nil && m.current().Scene != ""
	k.Pause.SetEnabled(hasScene && !m.opts.NoMotion)
	k.Replay.SetEnabled(hasScene)
	k.FrameBack.SetEnabled(hasScene)
	k.FrameFwd.SetEnabled(hasScene)
	if m.anim.playing {
		k.Pause.SetHelp("p", "pause")
	} else {
		k.Pause.SetHelp("p", "play")
	}
	k.Focus.SetEnabled(hasTable && p.overlay == overlayNone)
	k.Back.SetEnabled(p.overlay != overlayNone || p.focus == focusTable || m.found.query != "" || m.present.blank)
	switch {
	case p.overlay == overlayDetails:
		k.Back.SetHelp("esc", "close details")
	case p.overlay == overlayHelp:
		k.Back.SetHelp("esc", "close help")
	case p.focus == focusTable:
		k.Back.SetHelp("esc", "back to text")
	default:
		k.Back.SetHelp("esc", "clear search")
	}
	k.NextHit.SetEnabled(m.found.query != "")
	k.PrevHit.SetEnabled(m.found.query != "")
	k.Follow.SetEnabled(m.opts.Follow)
	k.Answer.SetEnabled(m.opts.Follow && m.live.Room().Open())
	k.Blank.SetEnabled(m.opts.Present)
	if m.screen == screenExplorer || m.opts.Notes {
		return // they draw their own help, or none
	}
	if top := m.top(); top != nil {
		m.helpBar = views.HelpBar(*m.styles, top.ShortHelp(), m.dims().frameW)
		return
	}
	m.helpBar = views.HelpBar(*m.styles, m.lessonShortHelp(), m.dims().frameW)
}

// lessonShortHelp is the step screen's help bar: details only on a focused
// table, and no scrolling when there is nothing to scroll.
func (m Model) lessonShortHelp() []key.Binding {
	k, p := m.keys, m.panes
	short := k.ShortHelp()
	if p.overlay != overlayNone || p.focus != focusTable {
		short = slices.DeleteFunc(short, func(b key.Binding) bool { return b.Help() == k.Select.Help() })
	}
	if p.overlay == overlayNone && p.focus == focusText && p.text.Above()+p.text.Below() == 0 {
		short = slices.DeleteFunc(short, func(b key.Binding) bool { return b.Help() == k.Down.Help() })
	}
	return short
}
