package model

import (
	tea "charm.land/bubbletea/v2"

	"jakstat/content"

	"jakstat/model/explorer"
	"jakstat/model/live"
	"jakstat/model/quiz"
)

// Screen names what a ViewPosition shows.
type Screen string

// The screens a ViewPosition can name.
const (
	ScreenLesson   Screen = "lesson"
	ScreenHelp     Screen = "help"    // every key, over the step
	ScreenDetails  Screen = "details" // the selected table row's details, over the step
	ScreenExplorer Screen = "explorer"
	ScreenQuestion Screen = "question"
	ScreenScore    Screen = "score"
	ScreenSearch   Screen = "search"
	ScreenGlossary Screen = "glossary"
	ScreenResume   Screen = "resume"
	ScreenLive     Screen = "live" // a classroom's live check, as the teacher runs it
)

// ViewPosition is what a lesson shows, as plain data that survives JSON:
// enough for another lesson of the same content to show the same thing (a
// student following a teacher's whole view), or for this one to find its
// place again in an edited lesson (StepID). Take it with ViewPosition and
// give it with ApplyView, or send it in a ViewMsg.
type ViewPosition struct {
	Step    int    `json:"step"`             // zero-based
	StepID  string `json:"stepId,omitempty"` // when a lesson has a step with this id, it wins over Step
	Frame   int    `json:"frame"`            // the scene's frame
	Playing bool   `json:"playing,omitempty"`
	Screen  Screen `json:"screen"`
	Scroll  int    `json:"scroll,omitempty"` // the first line of the step's text shown
	Table   bool   `json:"table,omitempty"`  // the step's table has the focus
	Row     int    `json:"row,omitempty"`    // its selected row
	Blank   bool   `json:"blank,omitempty"`  // a presenter blanked the screen
	Zoom    bool   `json:"zoom,omitempty"`   // the scene fills the window (z)
	// Explorer is the explorer's state when Screen is ScreenExplorer.
	Explorer *explorer.Position `json:"explorer,omitempty"`
	// Quiz is the questions' state when Screen is ScreenQuestion.
	Quiz *quiz.Position `json:"quiz,omitempty"`
	// Live is the teacher's live check when Screen is ScreenLive.
	Live *live.Position `json:"live,omitempty"`
}

// ViewMsg shows a ViewPosition, as ApplyView does.
type ViewMsg struct{ ViewPosition }

// LessonMsg puts an edited lesson in place of the one showing (an author
// saved a change): the learner keeps their answers and their place, found
// by step id, and the step is drawn afresh. Notice, if any, shows on the
// status line until the next key ("Reloaded: 02-binding.md").
type LessonMsg struct {
	Lesson *content.Lesson
	Notice string
}

// reload shows l where the learner was in the lesson it replaces. The
// steps it left unchanged keep their renders (the cache is keyed by
// content); the others are drawn afresh. A lesson that loads clears the
// panel of problems an earlier edit left.
func (m Model) reload(msg LessonMsg) (Model, tea.Cmd) {
	l := msg.Lesson
	p := m.ViewPosition()
	m.opts.Progress = Progress{Answers: m.answers}
	m.problems = nil
	m.opts.Cache = nil // the cache is this lesson's own from now on
	m.setLesson(l, m.cache.reloaded)
	m.notice = msg.Notice
	return m.ApplyView(p)
}

// ViewPosition is what the lesson shows now.
func (m Model) ViewPosition() ViewPosition {
	p := ViewPosition{Step: m.nav.Step, Frame: m.anim.frame, Playing: m.anim.playing, Screen: ScreenLesson,
		Scroll: m.panes.text.Top(), Table: m.panes.focus == focusTable, Row: m.panes.row, Blank: m.present.blank,
		Zoom: m.panes.zoom}
	if m.lesson != nil {
		p.StepID = m.current().ID
	}
	switch m.screen {
	case screenExplorer:
		e := m.explorer.Position()
		p.Screen, p.Explorer = ScreenExplorer, &e
	case screenQuiz:
		q := m.quiz.Position()
		p.Screen = ScreenQuestion
		if q.Score {
			p.Screen = ScreenScore
		} else {
			p.Quiz = &q
		}
	case screenSearch:
		p.Screen = ScreenSearch
	case screenGlossary:
		p.Screen = ScreenGlossary
	case screenResume:
		p.Screen = ScreenResume
	case screenLive:
		if m.opts.Present {
			l := m.live.Position()
			p.Screen, p.Live = ScreenLive, &l
		}
	default:
		switch m.panes.overlay {
		case overlayHelp:
			p.Screen = ScreenHelp
		case overlayDetails:
			p.Screen = ScreenDetails
		}
	}
	return p
}

// ApplyView shows p: its step and scene frame, the step's scroll and
// table row, the screen over it, or a blank screen (esc brings the lesson
// back). The score is this learner's own; a search, the glossary and the
// resume offer are a learner's own too, so they show the step under them.
// A teacher's live check shows only on a teacher's lesson.
func (m Model) ApplyView(p ViewPosition) (Model, tea.Cmd) {
	if m.lesson == nil {
		return m, nil
	}
	if i := m.lesson.StepIndex(p.StepID); i >= 0 {
		p.Step = i
	}
	m, moved := m.goTo(p.Step, p.Frame, p.Playing)
	m.screen, m.panes.overlay, m.present.blank = screenLesson, overlayNone, p.Blank
	m.panes.zoom = p.Zoom && m.sceneName() != ""
	if p.Table && m.current().Table != "" {
		m.panes.focus, m.panes.row = focusTable, p.Row
	} else {
		m.panes.focus, m.panes.row = focusText, 0
	}
	switch p.Screen {
	case ScreenHelp:
		m.panes.overlay = overlayHelp
	case ScreenDetails:
		if m.panes.focus == focusTable {
			m.panes.overlay = overlayDetails
		}
	case ScreenExplorer:
		if !m.explorable {
			break // an edited lesson may have lost its tables
		}
		m = m.openExplorer()
		if p.Explorer != nil {
			m.explorer = m.explorer.Apply(*p.Explorer)
		}
	case ScreenQuestion:
		if p.Quiz != nil {
			m.screen, m.quiz = screenQuiz, m.quiz.Apply(*p.Quiz)
		}
	case ScreenScore:
		m, _ = m.openScore()
	case ScreenLive:
		if p.Live != nil && m.opts.Present {
			m.screen, m.live = screenLive, m.live.Apply(*p.Live)
		}
	}
	m.layout(moved)
	m.panes.text.ScrollTo(p.Scroll)
	var cmd tea.Cmd
	if moved {
		cmd = m.prerenderCmd(m.dims().textW)
		m.announceMove()
	}
	wake := m.wake() // the scene plays on, or a zoom draws one the window could not
	return m, tea.Batch(cmd, wake)
}
