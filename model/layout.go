package model

import (
	"slices"

	"jakstat/content"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/table"

	"jakstat/views"
)

// Layout limits, in cells.
const (
	maxFrameWidth = 140 // wider windows centre a frame this wide
	maxTextWidth  = 100 // lines longer than this are hard to read
	splitMinLines = 14  // below this a table step shows one pane at a time
)

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
	sceneGap            = 2
)

func (m Model) tooSmall() bool {
	return m.width < views.MinWidth || m.height < views.MinHeight
}

func (m Model) dims() dims {
	d := dims{frameW: min(m.width, maxFrameWidth)}
	if m.opts.Present && m.width >= 60 {
		d.frameW = min(m.width-4, maxFrameWidth) // a projector's edges are often cut off
	}
	d.margin = (m.width - d.frameW) / 2
	d.textW = min(d.frameW-2, maxTextWidth)
	d.headerH = views.HeaderHeight
	if m.height >= 28 || m.opts.Present && m.height >= 16 {
		d.headerH++ // a breathing line, where there is room for it
	}
	d.contentH = max(m.height-d.headerH-m.footerHeight(), 1)
	if m.grid.ID() == "" {
		d.textH = d.contentH
		m.placeScene(&d)
		return d
	}
	// A table step has a one-line label over each pane.
	room := d.contentH - 2
	if d.contentH >= splitMinLines {
		d.split = true
		d.tableH = min(m.tableWant, room*3/5)
		d.textH = room - d.tableH
		return d
	}
	if m.focus == focusTable {
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
	name := m.step().Scene
	if name == "" {
		return
	}
	for i, wide := range []bool{true, false} {
		w, h := m.sceneSizes[i][0], m.sceneSizes[i][1]
		minText := minTextBesideNarrow
		if wide {
			minText = minTextBesideWide
		}
		if h <= d.contentH && d.frameW-w-sceneGap >= minText {
			d.scene, d.sceneWide, d.sceneW, d.sceneH = sceneBeside, wide, w, h
			d.textW = min(d.frameW-w-sceneGap, maxTextWidth)
			return
		}
	}
	for i, wide := range []bool{true, false} {
		w, h := m.sceneSizes[i][0], m.sceneSizes[i][1]
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
	if _, ok := views.FitColumns(m.grid, width, false); ok {
		return len(m.grid.Rows) + 2 // header and its rule
	}
	out, _ := views.Cards(m.grid, width, -1, m.styles)
	return lineCount(out)
}

func lineCount(s string) int {
	n := 1
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			n++
		}
	}
	return n
}

// layout fits every pane to the window and the current step. With reset,
// the text goes back to the top (a new step); otherwise scroll is kept.
func (m *Model) layout(reset bool) {
	if m.width <= 0 || m.height <= 0 || m.lesson == nil {
		return
	}
	st := m.step()
	if st.Table != "" {
		m.grid = m.lesson.Table(st.Table)
	} else {
		m.grid = content.Table{}
		m.focus = focusText
	}
	m.row = min(max(m.row, 0), max(len(m.grid.Rows)-1, 0))
	m.sceneSizes = [2][2]int{}
	if st.Scene != "" {
		// Sizes depend only on the scene and the glyphs: work them out
		// here, not on every frame.
		for i, wide := range []bool{true, false} {
			m.sceneSizes[i][0], m.sceneSizes[i][1] = views.SceneSize(st.Scene, wide, m.glyphs)
		}
	}
	m.tableWant = 0
	if m.grid.ID() != "" {
		m.tableWant = m.tableLines(min(m.width, maxFrameWidth))
	}
	d := m.dims()

	top := m.text.top
	body := m.body(renderKey{step: m.nav.Step, width: d.textW, look: views.LookFor(m.isDark), pad: d.scene == sceneBeside})
	if d.scene == sceneCaption {
		// Too small to draw the scene: say in words what it would show.
		body = m.styles.Muted.Width(d.textW).Render("Diagram: "+views.SceneCaption(st.Scene)) + "\n\n" + body
	}
	m.text = newPane(body, d.textW, d.textH)
	m.highlight()
	if !reset {
		m.text.scrollTo(top)
	}
	m.refreshScene()
	m.header = m.renderHeader(d)

	m.layoutTable(d)
	m.layoutPanel(d)
	m.syncKeys()
}

// refreshScene redraws the scene at the current frame.
func (m *Model) refreshScene() {
	m.sceneView = ""
	d := m.dims()
	if d.scene != sceneBeside && d.scene != sceneAbove {
		return
	}
	name, frame, wide := m.step().Scene, m.anim.frame, d.sceneWide
	key := sceneKey{name: name, frame: frame, wide: wide, ascii: m.glyphs.ASCII, look: views.LookFor(m.isDark)}
	m.sceneView = m.cache.scene(key, func() string { return views.Scene(name, frame, wide, m.glyphs, m.styles) })
}

// refreshTable redraws the table or cards after the selection moves. A
// drawn table is a pure function of its key, so it comes from the shared
// cache: a classroom's followers on the same step draw it once between them.
func (m *Model) refreshTable() {
	m.tableView = ""
	d := m.dims()
	if m.grid.ID() == "" || d.tableH == 0 {
		return
	}
	if m.cards {
		m.tableView = m.cardsView(d.frameW, d.tableH)
		return
	}
	key := tableKey{name: m.grid.ID(), width: d.frameW, height: max(d.tableH, 2), row: m.row,
		focused: m.focus == focusTable, look: views.LookFor(m.isDark), ascii: m.glyphs.ASCII}
	grid, widths, styles := m.grid, m.tableWidths, m.styles
	m.tableView = m.cache.tables.do(key, func() string {
		t, _ := newTable(grid, widths, -1, false, key.height, styles, key.focused)
		t.SetCursor(key.row)
		return t.View()
	})
}

// layoutTable fits the table's columns, or chooses cards when they do not fit.
func (m *Model) layoutTable(d dims) {
	m.cards, m.tableWidths = false, nil
	defer m.refreshTable()
	if m.grid.ID() == "" {
		return
	}
	widths, ok := views.FitColumns(m.grid, d.frameW, false)
	if !ok {
		m.cards = true
		return
	}
	m.tableWidths = widths
}

// newTable builds a bubbles table of g's rows with the given column
// widths, cells cut at word boundaries, and the sort column marked when
// sortCol >= 0. It returns the table and its width.
func newTable(g content.Table, widths []int, sortCol int, desc bool, height int, s views.Styles, focused bool) (table.Model, int) {
	cols := make([]table.Column, len(widths))
	width := 0
	for i, w := range widths {
		title := g.Columns[i].Title
		if i == sortCol {
			title += map[bool]string{false: " ▲", true: " ▼"}[desc]
		}
		cols[i] = table.Column{Title: views.Truncate(title, w), Width: w}
		width += w + 1 // the cell style pads one column on the right
	}
	rows := make([]table.Row, len(g.Rows))
	for r, cells := range g.Rows {
		row := make(table.Row, len(widths))
		for i, w := range widths {
			if i < len(cells) {
				row[i] = views.Truncate(cells[i], w)
			}
		}
		rows[r] = row
	}
	t := table.New(table.WithColumns(cols), table.WithRows(rows), table.WithWidth(width),
		table.WithHeight(height), table.WithStyles(s.Table), table.WithKeyMap(table.KeyMap{}), table.WithFocused(focused))
	return t, width
}

// cardsView renders the cards scrolled so the selected one is in view.
func (m Model) cardsView(width, height int) string {
	out, tops := views.Cards(m.grid, width, m.row, m.styles)
	lines := splitLines(out)
	top := 0
	if m.row < len(tops) {
		start := tops[m.row]
		end := len(lines)
		if m.row+1 < len(tops) {
			end = tops[m.row+1] - 1
		}
		// Show the whole selected card, from its first line if it is taller than the pane.
		top = max(end-height, 0)
		top = min(top, start)
	}
	return window(lines, top, height)
}

// layoutPanel sizes the overlay (details or full help) to the content area.
func (m *Model) layoutPanel(d dims) {
	top := m.panel.top
	var content string
	switch m.overlay {
	case overlayDetails:
		content = views.Details(m.lesson, m.grid, m.row, min(d.frameW-1, maxTextWidth), m.styles)
	case overlayHelp:
		// Every key, including those that do nothing on this step.
		lk := DefaultLearnKeyMap()
		groups := append(DefaultKeyMap().FullHelp(), []key.Binding{lk.Search, lk.NextHit, lk.Glossary})
		if m.opts.Present {
			pk := DefaultPresentKeyMap()
			groups = append(groups, []key.Binding{pk.Blank, pk.Reveal})
		}
		content = views.FullHelp(m.styles, groups, d.frameW)
	case overlayQuiz, overlayScore, overlayResume:
		m.panel = newPane(m.learnPanel(min(d.frameW, maxTextWidth)), d.frameW, d.contentH)
		m.panel.scrollTo(top)
		return
	case overlayGlossary, overlaySearch:
		m.clampFind()
		m.findView = m.renderFind(d)
	}
	m.panel = newPane(content, d.frameW, d.contentH-1)
	m.panel.scrollTo(top)
}

// syncKeys enables the bindings that do something in the current state, so
// the help bar only offers what works.
func (m *Model) syncKeys() {
	hasTable := m.grid.ID() != ""
	hasScene := m.lesson != nil && m.step().Scene != ""
	m.keys.Pause.SetEnabled(hasScene && !m.opts.NoMotion)
	m.keys.Replay.SetEnabled(hasScene)
	m.keys.FrameBack.SetEnabled(hasScene)
	m.keys.FrameFwd.SetEnabled(hasScene)
	if m.anim.playing {
		m.keys.Pause.SetHelp("p", "pause")
	} else {
		m.keys.Pause.SetHelp("p", "play")
	}
	m.keys.Focus.SetEnabled(hasTable && m.overlay == overlayNone)
	m.keys.Select.SetEnabled(m.overlay == overlayNone && hasTable && m.focus == focusTable)
	m.keys.Back.SetEnabled(m.overlay != overlayNone || m.focus == focusTable || m.search != "")
	if m.overlay == overlayDetails {
		m.keys.Back.SetHelp("esc", "close details")
	} else if m.overlay == overlayHelp {
		m.keys.Back.SetHelp("esc", "close help")
	} else if m.focus == focusTable {
		m.keys.Back.SetHelp("esc", "back to text")
	} else {
		m.keys.Back.SetHelp("esc", "clear search")
	}
	m.learnKeys.NextHit.SetEnabled(m.search != "")
	short := m.keys.ShortHelp()
	if m.lesson != nil {
		short = append(short[:len(short)-2], m.learnKeys.Search, m.learnKeys.Glossary, m.keys.Help, m.keys.Quit)
	}
	lk := m.learnKeys
	switch m.overlay {
	case overlayQuiz:
		short = []key.Binding{lk.Choose, lk.Move, lk.Answer, lk.Skip}
		if m.opts.Present {
			short = []key.Binding{lk.Choose, m.presentKeys.Reveal, lk.Skip}
		}
		if m.quiz.answered {
			short = []key.Binding{lk.Continue, lk.GoStep}
			if m.panel.above()+m.panel.below() > 0 {
				short = append(short, m.keys.Down)
			}
		}
	case overlayScore:
		short = []key.Binding{lk.Review, lk.Leave}
	case overlayGlossary, overlaySearch:
		short = []key.Binding{lk.Move, lk.Go, lk.Close}
	case overlayResume:
		short = []key.Binding{lk.Resume, lk.StartOver}
	}
	if m.overlay == overlayNone && m.focus == focusText && m.text.above()+m.text.below() == 0 {
		// Nothing to scroll: do not offer it.
		short = slices.DeleteFunc(short, func(b key.Binding) bool { return b.Help() == m.keys.Down.Help() })
	}
	m.helpBar = views.HelpBar(m.styles, short, m.dims().frameW)
}
