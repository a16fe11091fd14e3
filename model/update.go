package model

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"jakstat/model/explorer"
	"jakstat/model/glossary"
	"jakstat/model/internal/ui"
	"jakstat/model/live"
	"jakstat/model/quiz"
	"jakstat/model/resume"
	"jakstat/model/search"
)

// update routes a message to the method that handles it (Update, in
// room.go, then tells a classroom what changed).
func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.lesson == nil {
		return m.updateLoading(msg)
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout(false)
		wake := m.wake() // a scene too big for the old size may fit now
		return m, tea.Batch(m.prerenderCmd(m.dims().textW), wake)
	case tea.BackgroundColorMsg:
		if m.opts.Theme == ThemeAuto && msg.IsDark() != m.isDark {
			m.setTheme(msg.IsDark())
			m.layout(false)
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
		return m.onPosition(msg), nil
	case LinkMsg:
		m.notes.SetConnected(msg.Connected)
		return m, nil
	case FollowMsg:
		return m.onFollow(msg)
	case live.CheckMsg:
		return m.onCheck(msg)
	case live.StatusMsg:
		return m.onStatus(msg), nil
	case ViewMsg:
		return m.ApplyView(msg.ViewPosition)
	case LessonMsg:
		return m.reload(msg)
	case ReloadFailedMsg:
		return m.reloadFailed(msg.Err), nil
	case quiz.ShowMsg:
		return m.openQuiz(msg)
	case quiz.RevealMsg:
		if m.screen == screenQuiz {
			return m.toScreen(msg)
		}
		return m, nil
	case tea.KeyPressMsg:
		return m.keyPress(msg)
	case tea.PasteMsg:
		return m.paste(msg)
	case tea.MouseWheelMsg:
		return m.wheel(msg)
	}
	return m, nil
}

// updateLoading handles the few messages that matter before the lesson
// arrives: the window size and theme (kept for when it does), quitting,
// and the lesson itself.
func (m Model) updateLoading(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case PositionMsg:
		m.present.startedAt = msg.Started
		if msg.Step >= 0 {
			m.present.early = &msg // shown when the lesson arrives
		}
	case FollowMsg:
		m.class.teacher, m.class.view = msg.Teacher, msg.View
	case clockMsg:
		return m.onClock(msg)
	case loadedMsg:
		m.pending = nil
		if msg.Err != nil {
			m.err = msg.Err
			return m, tea.Quit
		}
		m.opts.Progress = msg.Progress
		m.setLesson(msg.Lesson, nil)
		if p := m.present.early; p != nil {
			m = m.onPosition(*p)
		}
		if m.opts.Follow && m.class.teacher {
			return m.showTeacher()
		}
		tick := m.tick()
		return m, tea.Batch(m.prerenderCmd(m.dims().textW), tick)
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

// keyPress handles a key. Several keys can arrive as one message when they
// are typed faster than the terminal is read ("lll" over a slow link);
// each one takes effect. (A paste is a tea.PasteMsg, not keys.)
func (m Model) keyPress(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if runes := []rune(msg.Text); len(runes) > 1 && msg.Mod == 0 {
		var cmds []tea.Cmd
		for _, r := range runes {
			var cmd tea.Cmd
			m, cmd = m.key(tea.KeyPressMsg{Code: r, Text: string(r)})
			cmds = append(cmds, cmd)
		}
		return m, tea.Batch(cmds...)
	}
	return m.key(msg)
}

// key hands a key to whatever has it: the ":" prompt, the too-small
// screen, the notes view, a blanked projector, or the screen on top.
func (m Model) key(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	if m.jumping {
		return m.jumpKey(msg)
	}
	if m.tooSmall() {
		if key.Matches(msg, m.keys.Quit) {
			return m, tea.Quit
		}
		return m, nil
	}
	m.notice = ""
	switch {
	case m.opts.Notes:
		var out tea.Msg
		m.notes, out = m.notes.Update(msg)
		return m.report(out)
	case m.present.blank:
		return m.blankKey(msg)
	case m.screen != screenLesson:
		return m.toScreen(msg)
	}
	return m.lessonKey(msg)
}

// paste hands pasted text to the screen typing it, if any.
func (m Model) paste(msg tea.PasteMsg) (Model, tea.Cmd) {
	switch {
	case m.jumping:
		m.jump, _ = m.jump.Update(msg)
		return m, nil
	case m.screen == screenSearch, m.screen == screenGlossary, m.screen == screenExplorer:
		return m.toScreen(msg)
	}
	return m, nil
}

// wheel scrolls whatever is under the pointer.
func (m Model) wheel(msg tea.MouseWheelMsg) (Model, tea.Cmd) {
	if m.tooSmall() || m.jumping {
		return m, nil
	}
	if b := msg.Mouse().Button; b != tea.MouseWheelUp && b != tea.MouseWheelDown {
		return m, nil
	}
	if m.opts.Notes {
		m.notes, _ = m.notes.Update(msg)
		return m, nil
	}
	if m.screen != screenLesson {
		return m.toScreen(msg)
	}
	m.lessonWheel(msg)
	return m, nil
}

// toScreen hands a message to the screen on top and acts on its report.
func (m Model) toScreen(msg tea.Msg) (Model, tea.Cmd) {
	var out tea.Msg
	switch m.screen {
	case screenExplorer:
		m.explorer, out = m.explorer.Update(msg)
	case screenQuiz:
		m.quiz, out = m.quiz.Update(msg)
	case screenSearch:
		m.search, out = m.search.Update(msg)
	case screenGlossary:
		m.glossary, out = m.glossary.Update(msg)
	case screenResume:
		m.resume, out = m.resume.Update(msg)
	case screenLive:
		m.live, out = m.live.Update(msg)
		return m.liveReport(out)
	}
	return m.report(out)
}

// report acts on what a screen reported; nil means it only changed itself.
func (m Model) report(out tea.Msg) (Model, tea.Cmd) {
	switch out := out.(type) {
	case tea.QuitMsg:
		return m, tea.Quit
	case explorer.CloseMsg, glossary.CloseMsg, quiz.LeaveMsg:
		return m.closeScreen(), nil
	case search.CloseMsg:
		m.found = found{} // leaving the search clears its highlight
		return m.closeScreen(), nil
	case search.GoMsg:
		m.screen, m.found = screenLesson, found{query: out.Query, hit: out.Hit}
		return m.gotoHit()
	case glossary.GoMsg:
		return m.goStep(out.Step)
	case quiz.GoStepMsg:
		return m.visitStep(out.Step)
	case quiz.AnsweredMsg:
		return m.answered(out), nil
	case quiz.DoneMsg:
		return m.quizDone(out)
	case resume.ChoiceMsg:
		if out.Resume {
			return m.goStep(out.Step)
		}
		m = m.closeScreen()
		m.saveProgress()
		return m, nil
	}
	m.syncKeys()
	return m, nil
}

// jumpKey edits the ":" prompt: digits, enter, esc, backspace.
func (m Model) jumpKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	k := m.promptKeys
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Cancel):
		m.jumping = false
	case key.Matches(msg, k.Go):
		m.jumping = false
		if n, err := strconv.Atoi(m.jump.Value()); err == nil {
			return m.goNumber(n)
		}
	case m.jump.Erases(msg) && m.jump.Value() == "":
		m.jumping = false // backspace on nothing closes the prompt
	default:
		m.jump, _ = m.jump.Update(msg)
	}
	return m, nil
}

// openJump opens the ":" prompt for up to four digits.
func (m *Model) openJump() {
	m.jumping = true
	m.jump = ui.NewInput(4, func(r rune) bool { return r >= '0' && r <= '9' })
}
