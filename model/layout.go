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
	zoom        bool // the scene alone fills the content area (z)
	text        ui.Pane
	panel       ui.Pane       // details or full help
	grid        content.Table // the step's table; its ID is "" when it has none
	tableWidths []int         // its fitted columns; nil for cards or no table
	cards       bool          // the table is shown as cards (too narrow for columns)
	row         int           // selected row of the table or cards
	tableView   string
	sceneView   string
	tableWant   int // lines the table would take in full
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

	scene       sceneMode
	sceneLayout views.SceneLayout // beside or above: which fixed layout
	sceneW      int
	sceneH      int
	// zoom: the scene alone fills the content area. The text keeps the
	// place it has without zoom, ready for when it closes.
	zoom bool
}

// sceneMode is where a step's scene goes, if it has one.
type sceneMode int

const (
	sceneNone    sceneMode = iota
	sceneBeside            // right of the text
	sceneAbove             // over the text, in tall narrow windows
	sceneCaption           // the window is too small: a sentence starts the text instead (z draws it)
)

// sceneDrawn says whether the scene is on screen, so its keys do something.
func (d dims) sceneDrawn() bool { return d.zoom || d.scene == sceneBeside || d.scene == sceneAbove }

// Scene placement limits: text beside a scene keeps a width that depends
// on how roomy the scene's layout is (besideMinText); text under one keeps
// at least minTextUnder lines.
const minTextUnder = 6

// besideMinText is the narrowest text a layout of a scene goes beside: the
// wide layout only beside a full measure of text, the narrow one beside a
// column, and the compact one (for projectors at 60x16) beside a few
// words a line.
func besideMinText(l views.SceneLayout) int {
	switch l {
	case views.SceneWide:
		return 60
	case views.SceneNarrow:
		return 32
	}
	return 28
}

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
	d.contentH = max(m.height-d.headerH-m.footerHeight(d.frameW)-m.problemsHeight(), 1)
	d.zoom = m.panes.zoom && m.sceneName() != ""
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

// footerHeight is the status line (one line or two, views.StatusHeight)
// and the help bar; presenters have no help bar (? still shows every key).
func (m Model) footerHeight(frameW int) int {
	h := views.StatusHeight(m.lesson.Meta, frameW, m.classroom())
	if m.opts.Present {
		return h
	}
	return h + 1
}

// placeScene decides where the step's scene goes: beside the text in the
// roomiest layout that leaves the text its width (besideMinText), or above
// a few lines of text in the roomiest layout that fits there; of the two,
// the roomier layout wins (beside on a tie), so a tall narrow window draws
// the scene large above the text rather than small beside it. When no
// layout fits either way, a sentence says what the scene shows and z
// draws it alone.
func (m Model) placeScene(d *dims) {
	name := m.current().Scene
	if name == "" {
		return
	}
	g := m.glyphs
	beside, besideOK := views.SceneCompact, false
	for _, l := range views.SceneLayouts() {
		if w, h := views.SceneLayoutSize(name, l, g); h <= d.contentH && d.frameW-w-ui.Gap >= besideMinText(l) {
			beside, besideOK = l, true
			break
		}
	}
	above, aboveOK := views.FitScene(name, d.frameW, d.contentH-1-minTextUnder, g)
	switch {
	case besideOK && (!aboveOK || beside <= above):
		w, h := views.SceneLayoutSize(name, beside, g)
		d.scene, d.sceneLayout, d.sceneW, d.sceneH = sceneBeside, beside, w, h
		d.textW = min(d.frameW-w-ui.Gap, ui.MaxTextWidth)
	case aboveOK:
		w, h := views.SceneLayoutSize(name, above, g)
		d.scene, d.sceneLayout, d.sceneW, d.sceneH = sceneAbove, above, w, h
		d.textH = d.contentH - h - 1
	default:
		d.scene = sceneCaption
	}
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
	p.zoom = p.zoom && st.Scene != ""
	p.tableWant = 0
	if p.grid.ID() != "" {
		p.tableWant = m.fitTable()
	}
	d := m.dims()

	top := p.text.Top()
	body := m.body(m.textKey(m.nav.Step, d.textW, d.scene == sceneBeside))
	if d.scene == sceneCaption {
		// Too small to draw the scene beside the text: say in words what
		// it shows, and how to see it.
		body = m.styles.Muted.Width(d.textW).Render("Diagram (z shows it): "+views.SceneCaption(st.Scene)) + "\n\n" + body
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
	if !d.sceneDrawn() {
		return
	}
	key := sceneKey{name: m.current().Scene, frame: m.anim.frame, layout: d.sceneLayout,
		ascii: m.glyphs.ASCII, look: views.LookFor(m.isDark)}
	g, s := m.glyphs, *m.styles
	if d.zoom {
		key.zoomW, key.zoomH = d.frameW, d.contentH
		m.panes.sceneView = m.cache.scene(key, func() string {
			return views.SceneZoom(key.name, key.frame, key.zoomW, key.zoomH, g, s)
		})
		return
	}
	m.panes.sceneView = m.cache.scene(key, func() string { return views.SceneAt(key.name, key.frame, key.layout, g, s) })
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
	k.BackToCheck.SetEnabled(m.visiting) // only while a question waits
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
		m.explorer.SetSize(m.width, m.height-m.problemsHeight())
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
	d := m.dims()
	m.syncSceneKeys(d)
	hasTable := p.grid.ID() != "" && !d.zoom
	k.Focus.SetEnabled(hasTable && p.overlay == overlayNone)
	k.Up.SetEnabled(!d.zoom || p.overlay != overlayNone)
	k.Down.SetEnabled(!d.zoom || p.overlay != overlayNone)
	k.PageUp.SetEnabled(!d.zoom || p.overlay != overlayNone)
	k.PageDown.SetEnabled(!d.zoom || p.overlay != overlayNone)
	uncovered := p.overlay == overlayNone && !m.present.blank
	backToCheck := m.visiting && uncovered && !d.zoom && p.focus == focusText && m.found.query == ""
	k.BackToCheck.SetEnabled(backToCheck)
	k.Select.SetEnabled(!backToCheck)
	k.Back.SetEnabled(!backToCheck && (p.overlay != overlayNone || p.focus == focusTable || m.found.query != "" ||
		m.present.blank || d.zoom))
	switch {
	case p.overlay == overlayDetails:
		k.Back.SetHelp("esc", "close details")
	case p.overlay == overlayHelp:
		k.Back.SetHelp("esc", "close help")
	case d.zoom:
		k.Back.SetHelp("esc", "back to text")
	case p.focus == focusTable:
		k.Back.SetHelp("esc", "back to text")
	default:
		k.Back.SetHelp("esc", "clear search")
	}
	// n and N work when the last search has another match to go to.
	k.NextHit.SetEnabled(m.found.of > 1)
	k.PrevHit.SetEnabled(m.found.of > 1)
	k.Follow.SetEnabled(m.opts.Follow)
	k.Answer.SetEnabled(m.opts.Follow && m.live.Room().Open())
	k.Blank.SetEnabled(m.opts.Present)
	k.enableForLesson(*m)
	if m.screen == screenExplorer || m.opts.Notes {
		return // they draw their own help, or none
	}
	if top := m.top(); top != nil {
		m.helpBar = views.HelpBar(*m.styles, top.ShortHelp(), d.frameW)
		return
	}
	more := m.keys.Help
	if p.overlay == overlayHelp {
		more = key.Binding{} // every key is on screen; esc (or ?) closes it
	}
	m.helpBar = views.HelpBarMore(*m.styles, m.lessonShortHelp(d), more, d.frameW)
}

// syncSceneKeys enables the scene's keys while it is drawn, and z while
// the step has a scene: to zoom it, to show it when the window is too
// small to draw it beside the text, or to put the text back.
func (m *Model) syncSceneKeys(d dims) {
	k := &m.keys
	hasScene := m.lesson != nil && m.current().Scene != ""
	drawn := hasScene && d.sceneDrawn()
	k.Pause.SetEnabled(drawn && !m.opts.NoMotion)
	k.Replay.SetEnabled(drawn)
	k.StageBack.SetEnabled(drawn)
	k.StageOn.SetEnabled(drawn)
	k.FrameBack.SetEnabled(drawn)
	k.FrameFwd.SetEnabled(drawn)
	k.Zoom.SetEnabled(hasScene && m.panes.overlay == overlayNone)
	if m.anim.playing {
		k.Pause.SetHelp("p", "pause")
	} else {
		k.Pause.SetHelp("p", "play")
	}
	switch {
	case d.zoom:
		k.Zoom.SetHelp("z", "back to text")
	case d.scene == sceneCaption:
		k.Zoom.SetHelp("z", "show diagram")
	default:
		k.Zoom.SetHelp("z", "zoom")
	}
}

// enableForLesson turns off the keys of what the lesson has nothing for:
// the explorer without tables, the glossary without terms, the diagram
// keys in a lesson without diagrams.
func (k *KeyMap) enableForLesson(m Model) {
	k.Explore.SetEnabled(m.explorable)
	k.Glossary.SetEnabled(m.lesson != nil && len(m.lesson.Glossary) > 0)
	if m.lesson != nil && !slices.ContainsFunc(m.lesson.Steps, func(st content.Step) bool { return st.Scene != "" }) {
		for _, b := range []*key.Binding{&k.Pause, &k.Replay, &k.FrameBack, &k.FrameFwd, &k.StageBack, &k.StageOn, &k.Zoom} {
			b.SetEnabled(false)
		}
	}
}

// lessonShortHelp is the step screen's help bar: details only on a focused
// table, no scrolling when there is nothing to scroll, and the stage keys
// as one entry.
func (m Model) lessonShortHelp(d dims) []key.Binding {
	k, p := m.keys, m.panes
	var short []key.Binding
	for _, b := range k.ShortHelp() {
		switch b.Help() {
		case k.Select.Help():
			if p.overlay != overlayNone || p.focus != focusTable {
				continue
			}
		case k.Down.Help():
			if d.zoom || p.overlay == overlayNone && p.focus == focusText && p.text.Above()+p.text.Below() == 0 {
				continue
			}
		case k.Back.Help():
			if d.zoom {
				continue // z says it
			}
		case k.StageBack.Help():
			b = ui.Combine(",/.", "stage", k.StageBack, k.StageOn)
		case k.StageOn.Help():
			continue
		case k.Help.Help():
			if p.overlay == overlayHelp {
				continue
			}
		}
		short = append(short, b)
	}
	if k.NextHit.Enabled() {
		// After a search: which match this is, and the keys to the others.
		hits := ui.Combine("n/N", views.MatchCount(m.found.hit, m.found.of)+": next/previous", k.NextHit, k.PrevHit)
		short = slices.Insert(short, min(2, len(short)), hits)
	}
	return short
}
