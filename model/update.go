package model

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// wheelLines is how far one notch of the mouse wheel scrolls.
const wheelLines = 3

// Update routes a message to the method that handles it.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.lesson == nil {
		return m.updateLoading(msg)
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout(false)
		if m.explore.open {
			m.layoutExplorer()
		}
		return m, m.prerenderCmd(m.dims().textW)
	case tea.BackgroundColorMsg:
		if m.opts.Theme == ThemeAuto && msg.IsDark() != m.isDark {
			m.setTheme(msg.IsDark())
			m.layout(false)
			if m.explore.open {
				m.layoutExplorer()
			}
		}
		return m, nil
	case prerenderedMsg:
		for i, k := range msg.keys {
			m.cache.put(k, msg.texts[i])
		}
		return m, nil
	case frameMsg:
		return m.onFrame(msg)
	case clockMsg:
		return m.onClock(msg)
	case PositionMsg:
		return m.onPosition(msg)
	case LinkMsg:
		m.connected = msg.Connected
		return m, nil
	case FollowMsg:
		return m.onFollow(msg)
	case tea.KeyPressMsg:
		return m.keyPress(msg)
	case tea.MouseWheelMsg:
		m.wheel(msg)
		return m, nil
	}
	return m, nil
}

// updateLoading handles the few messages that matter before the lesson
// arrives: the window size and theme (kept for when it does), quitting,
// and the lesson itself.
func (m Model) updateLoading(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case PositionMsg:
		if msg.Step < 0 {
			m.startedAt = msg.Started
		}
	case FollowMsg:
		m.teacher, m.teacherAt = msg.Teacher, msg.Position
	case clockMsg:
		return m.onClock(msg)
	case loadedMsg:
		m.pending = nil
		if msg.Err != nil {
			m.err = msg.Err
			return m, tea.Quit
		}
		m.opts.Progress = msg.Progress
		m.setLesson(msg.Lesson)
		if m.opts.Follow && m.teacher {
			return m.goTo(m.teacherAt)
		}
		return m, tea.Batch(m.prerenderCmd(m.dims().textW), m.tickCmd(), m.publishCmd())
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		if m.opts.Theme == ThemeAuto {
			m.setTheme(msg.IsDark())
		}
	case tea.KeyPressMsg:
		if key.Matches(msg, m.keys.Quit) {
			return m, tea.Quit
		}
	}
	return m, nil
}

// keyPress handles a key. Several keys can arrive in one read (a pasted
// "3G", or "lll" typed fast over a slow link); each one takes effect.
func (m Model) keyPress(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if runes := []rune(msg.Text); len(runes) > 1 && msg.Mod == 0 {
		var cmds []tea.Cmd
		var model tea.Model = m
		for _, r := range runes {
			var cmd tea.Cmd
			model, cmd = model.(Model).key(tea.KeyPressMsg{Code: r, Text: string(r)})
			cmds = append(cmds, cmd)
		}
		return model, tea.Batch(cmds...)
	}
	return m.key(msg)
}

func (m Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	if msg.String() == "ctrl+c" {
		return m, tea.Quit
	}
	if m.prompt != nil {
		return m.promptKey(msg)
	}
	if m.tooSmall() {
		if key.Matches(msg, k.Quit) {
			return m, tea.Quit
		}
		return m, nil
	}
	m.notice = ""
	if m.opts.Notes {
		if key.Matches(msg, k.Quit) {
			return m, tea.Quit
		}
		return m, nil
	}
	if m.blank {
		// A blanked projector ignores everything but coming back (or quitting).
		switch {
		case key.Matches(msg, m.presentKeys.Blank, k.Back):
			m.blank = false
		case key.Matches(msg, k.Quit):
			return m, tea.Quit
		}
		return m, nil
	}
	if m.opts.Present && m.overlay == overlayNone && !m.explore.open && key.Matches(msg, m.presentKeys.Blank) {
		m.blank = true
		return m, nil
	}
	switch m.overlay {
	case overlayQuiz:
		return m.quizKey(msg)
	case overlayScore:
		return m.scoreKey(msg)
	case overlayGlossary, overlaySearch:
		return m.findKey(msg)
	case overlayResume:
		return m.resumeKey(msg)
	}
	if m.explore.open {
		return m.exploreKey(msg)
	}
	if key.Matches(msg, k.Explore) {
		m.openExplorer()
		return m, nil
	}
	if m.overlay != overlayNone {
		switch {
		case key.Matches(msg, k.Back), m.overlay == overlayHelp && key.Matches(msg, k.Help),
			m.overlay == overlayDetails && msg.String() == "enter":
			m.overlay = overlayNone
			m.syncKeys()
			return m, nil
		case key.Matches(msg, k.Up, k.Down, k.PageUp, k.PageDown):
			m.panel.scrollKey(msg, m.keys)
			return m, nil
		}
		// Any other key leaves the overlay and then does what it always does.
		m.overlay = overlayNone
		m.syncKeys()
	}

	// A count typed before a motion: 3G, 12g, 3l, 5j.
	if key.Matches(msg, k.Count) {
		d, _ := strconv.Atoi(msg.String())
		m.nav = m.nav.Apply(ActDigit, d)
		return m, nil
	}
	if m.opts.Follow {
		if key.Matches(msg, m.followKeys.Follow) {
			m.following = true
			if m.teacher {
				return m.goTo(m.teacherAt)
			}
			m.layout(false)
			return m, nil
		}
		if m.following && key.Matches(msg, k.Next, k.Prev, k.First, k.Last, k.Jump, m.learnKeys.Search, m.learnKeys.Glossary, k.Explore) {
			m.following = false // the student explores on their own
		}
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Next):
		return m.move(ActNext, 0)
	case key.Matches(msg, k.Prev):
		return m.move(ActPrev, 0)
	case key.Matches(msg, k.First):
		return m.move(ActFirst, 0)
	case key.Matches(msg, k.Last):
		return m.move(ActLast, 0)
	case key.Matches(msg, k.Jump):
		empty := ""
		m.prompt = &empty
	case key.Matches(msg, k.Up, k.Down, k.PageUp, k.PageDown):
		m.scroll(msg)
	case key.Matches(msg, k.Focus) && m.grid.ID() != "":
		if m.focus == focusText {
			m.focus = focusTable
		} else {
			m.focus = focusText
		}
		m.layout(false)
	case msg.String() == "enter" && m.nav.Count > 0:
		// A number then enter jumps, like 12G: handy on a presenter's remote.
		return m.move(ActGoto, m.nav.Count)
	case msg.String() == "enter":
		if m.focus == focusTable && len(m.grid.Rows) > 0 {
			m.overlay = overlayDetails
			m.panel.top = 0
			m.layout(false)
			return m, nil
		}
		return m.move(ActNext, 0)
	case key.Matches(msg, k.Back):
		switch {
		case m.focus == focusTable:
			m.focus = focusText
			m.layout(false)
		case m.search != "":
			m.search = "" // esc clears the search highlight
			m.layout(false)
		}
	case key.Matches(msg, k.Pause):
		return m.togglePause()
	case key.Matches(msg, k.Replay):
		return m.replay()
	case key.Matches(msg, k.FrameBack):
		return m.stepFrame(-1)
	case key.Matches(msg, k.FrameFwd):
		return m.stepFrame(1)
	case key.Matches(msg, m.learnKeys.Glossary):
		if m.termSteps == nil {
			m.termSteps = m.lesson.TermSteps()
		}
		m.overlay, m.find = overlayGlossary, finder{}
		m.layout(false)
	case key.Matches(msg, m.learnKeys.Search):
		if m.searchIndex == nil {
			m.searchIndex = m.lesson.SearchIndex()
		}
		m.overlay, m.find = overlaySearch, finder{}
		m.layout(false)
	case m.search != "" && key.Matches(msg, m.learnKeys.NextHit, m.learnKeys.PrevHit):
		if key.Matches(msg, m.learnKeys.NextHit) {
			m.hit++
		} else {
			m.hit--
		}
		return m.gotoHit()
	case key.Matches(msg, k.Help):
		m.overlay = overlayHelp
		m.panel.top = 0
		m.layout(false)
	}
	m.nav.Count = 0
	return m, nil
}

// move applies a navigation action; a new step starts at the top of its
// text with the text focused.
func (m Model) move(a Action, arg int) (tea.Model, tea.Cmd) {
	before := m.nav.Step
	if a == ActNext && m.nav.Count == 0 {
		// Leaving a section's last step: its questions come first; past
		// the last step, the score.
		last := before == m.nav.Total-1
		if m.quizDue(before) {
			var qs []int
			for _, i := range m.lesson.SectionQuestions(m.lesson.Steps[before].Section) {
				if _, done := m.answers[m.lesson.Questions[i].ID]; !done {
					qs = append(qs, i)
				}
			}
			then := before + 1
			if last {
				then = -1
			}
			m.startQuiz(qs, then, false)
			return m, nil
		}
		if last && !m.opts.NoQuiz && len(m.lesson.Questions) > 0 {
			m.overlay = overlayScore
			m.panel.top = 0
			m.layout(false)
			return m, nil
		}
	}
	m.nav = m.nav.Apply(a, arg)
	if m.nav.Step == before {
		return m, nil
	}
	m.focus, m.overlay, m.row = focusText, overlayNone, 0
	m.startScene()
	m.layout(true)
	return m, tea.Batch(m.prerenderCmd(m.dims().textW), m.tickCmd(), m.saveCmd(), m.moveCmd(), m.publishCmd())
}

// onPosition follows the presenter (notes view), or starts the presenter's
// clock (Step -1).
func (m Model) onPosition(msg PositionMsg) (tea.Model, tea.Cmd) {
	m.startedAt = msg.Started
	if msg.Step < 0 || !m.opts.Notes {
		return m, nil
	}
	m.connected = true
	if msg.Step < m.nav.Total && msg.Step != m.nav.Step {
		m.nav.Step = msg.Step
		m.layout(true)
	}
	return m, nil
}

// resumeKey answers the "welcome back" screen.
func (m Model) resumeKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch s := msg.String(); {
	case s == "ctrl+c", s == "q":
		return m, tea.Quit
	case key.Matches(msg, m.learnKeys.Resume):
		m.overlay = overlayNone
		return m.move(ActGoto, m.resumeAt+1)
	case key.Matches(msg, m.learnKeys.StartOver):
		m.overlay = overlayNone
		m.layout(false)
		return m, m.saveCmd()
	}
	return m, nil
}

// promptKey edits the ":" jump prompt: digits, backspace, enter, esc.
func (m Model) promptKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	text := *m.prompt
	switch s := msg.String(); {
	case s == "esc":
		m.prompt = nil
	case s == "enter":
		m.prompt = nil
		if n, err := strconv.Atoi(text); err == nil {
			return m.move(ActGoto, n)
		}
	case s == "backspace":
		if text == "" {
			m.prompt = nil
		} else {
			text = text[:len(text)-1]
			m.prompt = &text
		}
	case len(s) == 1 && s[0] >= '0' && s[0] <= '9' && len(text) < 4:
		text += s
		m.prompt = &text
	}
	return m, nil
}

// scroll moves the focused pane: the text by lines or pages, the table by rows.
func (m *Model) scroll(msg tea.KeyPressMsg) {
	n := max(m.nav.Count, 1)
	m.nav.Count = 0
	k := m.keys
	if m.focus == focusTable {
		page := max(m.dims().tableH-2, 1)
		switch {
		case key.Matches(msg, k.Up):
			m.selectRow(m.row - n)
		case key.Matches(msg, k.Down):
			m.selectRow(m.row + n)
		case key.Matches(msg, k.PageUp):
			m.selectRow(m.row - page*n)
		case key.Matches(msg, k.PageDown):
			m.selectRow(m.row + page*n)
		}
		return
	}
	switch {
	case key.Matches(msg, k.Up):
		m.text.scrollBy(-n)
	case key.Matches(msg, k.Down):
		m.text.scrollBy(n)
	case key.Matches(msg, k.PageUp):
		m.text.scrollBy(-m.text.height * n)
	case key.Matches(msg, k.PageDown):
		m.text.scrollBy(m.text.height * n)
	}
}

func (m *Model) selectRow(r int) {
	m.row = min(max(r, 0), max(len(m.grid.Rows)-1, 0))
	m.refreshTable()
}

// wheel scrolls whatever is under the pointer.
func (m *Model) wheel(msg tea.MouseWheelMsg) {
	if m.tooSmall() || m.prompt != nil {
		return
	}
	mouse := msg.Mouse()
	up := mouse.Button == tea.MouseWheelUp
	if mouse.Button != tea.MouseWheelUp && mouse.Button != tea.MouseWheelDown {
		return
	}
	if e := &m.explore; e.open {
		if e.editing {
			return
		}
		if up {
			e.sel[e.tab]--
		} else {
			e.sel[e.tab]++
		}
		e.sel[e.tab] = min(max(e.sel[e.tab], 0), max(len(e.view.Rows)-1, 0))
		m.refreshExplorer()
		return
	}
	if m.overlay != overlayNone {
		if up {
			m.panel.scrollBy(-wheelLines)
		} else {
			m.panel.scrollBy(wheelLines)
		}
		return
	}
	d := m.dims()
	overTable := m.grid.ID() != "" && (m.focus == focusTable && !d.split ||
		d.split && mouse.Y >= d.headerH+1+d.textH+1)
	switch {
	case overTable && up:
		m.selectRow(m.row - 1)
	case overTable:
		m.selectRow(m.row + 1)
	case up:
		m.text.scrollBy(-wheelLines)
	default:
		m.text.scrollBy(wheelLines)
	}
}
