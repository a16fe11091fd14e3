package model

import (
	"slices"

	"charm.land/bubbles/v2/key"

	"jakstat/content"
	"jakstat/model/internal/ui"
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
	d.contentH = max(m.height-d.headerH-m.footerHeight()-m.problemsHeight(), 1)
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

// fitTable fits the step's table to the frame: its columns (cells wrap,
// and the columns the text points at are never cut), or cards when the
// columns do not fit. It returns how tall the table wants to be: every
// row, or every card.
// The fit is the same for every lesson sharing the cache (a classroom), so
// it is worked out once per step and width.
func (m *Model) fitTable() int {
	p := &m.panes
	width, grid := m.dims().frameW, p.grid
	fit := m.cache.fits.do(fitKey{step: m.nav.Step, width: width}, func() tableFit {
		if widths, ok := views.FitGrid(grid, width, true); ok {
			return tableFit{widths: widths, lines: views.GridHeight(grid, widths)}
		}
		out, _ := views.Cards(grid, width, -1, views.Styles{})
		return tableFit{lines: len(views.SplitLines(out))}
	})
	p.tableWidths, p.cards = fit.widths, fit.widths == nil
	return fit.lines
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
	m.layoutProblems(min(m.width, ui.MaxFrameWidth))
	if st.Table != "" {
		p.grid = m.lesson.Table(st.Table).WithFocus(st.Columns)
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
		p.tableWant = m.fitTable()
	}
	d := m.dims()

	top := p.text.Top()
	body := m.body(m.textKey(m.nav.Step, d.textW, d.scene == sceneBeside))
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
	if p.grid.ID() == "" || d.tableH <= 0 {
		return
	}
	// The selected row is marked only while the table has focus: until
	// then nothing is selected.
	sel := -1
	if p.focus == focusTable {
		sel = p.row
	}
	if p.cards {
		p.tableView = ui.CardsView(p.grid, d.frameW, d.tableH, sel, *m.styles)
		return
	}
	key := tableKey{name: p.grid.ID(), step: m.nav.Step, width: d.frameW, height: d.tableH, row: sel,
		look: views.LookFor(m.isDark), ascii: m.glyphs.ASCII}
	grid, widths, styles := p.grid, p.tableWidths, *m.styles
	p.tableView = m.cache.tables.do(key, func() string {
		return views.Grid(grid, widths, views.GridOptions{Selected: key.row, SortCol: -1, Height: key.height}, styles)
	})
}

// layoutTable draws the table fitted by fitTable into its pane.
func (m *Model) layoutTable(dims) { m.refreshTable() }

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
	k.enableForLesson(m)
	groups := k.FullHelp()[:5]
	if m.opts.Present {
		groups = append(groups, []key.Binding{k.Blank, quiz.DefaultKeyMap().Reveal})
	}
	if m.opts.Follow {
		groups = append(groups, []key.Binding{k.Follow})
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
		m.explorer.SetSize(m.width, m.height-m.problemsHeight())
	case screenQuiz:
		m.quiz.SetSize(d.frameW, d.contentH)
	case screenSearch:
		m.search.SetSize(d.frameW, d.contentH)
	case screenGlossary:
		m.glossary.SetSize(d.frameW, d.contentH)
	case screenResume:
		m.resume.SetSize(d.frameW, d.contentH)
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
	// n and N work when the last search has another match to go to.
	k.NextHit.SetEnabled(m.found.of > 1)
	k.PrevHit.SetEnabled(m.found.of > 1)
	k.Follow.SetEnabled(m.opts.Follow)
	k.Blank.SetEnabled(m.opts.Present)
	k.enableForLesson(*m)
	if m.screen == screenExplorer || m.opts.Notes {
		return // they draw their own help, or none
	}
	if top := m.top(); top != nil {
		m.helpBar = views.HelpBar(*m.styles, top.ShortHelp(), m.dims().frameW)
		return
	}
	m.helpBar = views.HelpBar(*m.styles, m.lessonShortHelp(), m.dims().frameW)
}

// enableForLesson turns off the keys of what the lesson has nothing for:
// the explorer without tables, the glossary without terms, the diagram
// keys in a lesson without diagrams.
func (k *KeyMap) enableForLesson(m Model) {
	k.Explore.SetEnabled(m.explorable)
	k.Glossary.SetEnabled(m.lesson != nil && len(m.lesson.Glossary) > 0)
	if m.lesson != nil && !slices.ContainsFunc(m.lesson.Steps, func(st content.Step) bool { return st.Scene != "" }) {
		for _, b := range []*key.Binding{&k.Pause, &k.Replay, &k.FrameBack, &k.FrameFwd} {
			b.SetEnabled(false)
		}
	}
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
	if k.NextHit.Enabled() {
		// After a search: which match this is, and the keys to the others.
		hits := ui.Combine("n/N", views.MatchCount(m.found.hit, m.found.of)+": next/previous", k.NextHit, k.PrevHit)
		short = slices.Insert(short, min(2, len(short)), hits)
	}
	return short
}
