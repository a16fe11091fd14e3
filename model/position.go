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
// by step id, and the step is drawn afresh.
type LessonMsg struct{ Lesson *content.Lesson }

// reload shows l where the learner was in the lesson it replaces. Steps
// are cached by number, so the edited lesson gets a cache of its own.
func (m Model) reload(l *content.Lesson) (Model, tea.Cmd) {
	p := m.ViewPosition()
	m.opts.Progress = Progress{Answers: m.answers}
	m.opts.Cache, m.cache = nil, NewRenderCache()
	m.setLesson(l)
	return m.ApplyView(p)
}

// ViewPosition is what the lesson shows now.
func (m Model) ViewPosition() ViewPosition {
	p := ViewPosition{Step: m.nav.Step, Frame: m.anim.frame, Playing: m.anim.playing, Screen: ScreenLesson,
		Scroll: m.panes.text.Top(), Table: m.panes.focus == focusTable, Row: m.panes.row, Blank: m.present.blank}
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
	m, moved, cmd := m.goTo(p.Step, p.Frame, p.Playing)
	m.screen, m.panes.overlay, m.present.blank = screenLesson, overlayNone, p.Blank
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
	if moved {
		cmd = tea.Batch(cmd, m.prerenderCmd(m.dims().textW))
		m.announceMove()
	}
	return m, cmd
}
