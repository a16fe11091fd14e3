// Package model is the interactive lesson: one tea.Model, the root, and a
// package per screen below it.
//
// The root Model holds what every screen shares (the lesson, where the
// learner is in it, the window, the theme, the render cache), draws the
// step itself (its text, table, scene, details and help), and hands keys
// to whichever screen is on top: the explorer, the checks of
// understanding (quiz), search, the glossary, the resume offer, or the
// speaker-notes view. Each screen is in the bubbles shape: a KeyMap with
// ShortHelp and FullHelp, Update, View and SetSize.
//
// A screen's Update returns a report rather than a command: a typed
// message (search.GoMsg, quiz.AnsweredMsg, explorer.CloseMsg, ...) that the
// root acts on at once. Commands run concurrently, so a key pressed next
// could overtake one; a report keeps what the learner did in order, and
// keeps every screen testable by calling Update.
package model

import (
	"cmp"
	"maps"
	"time"

	tea "charm.land/bubbletea/v2"

	"jakstat/content"
	"jakstat/model/explorer"
	"jakstat/model/glossary"
	"jakstat/model/internal/ui"
	"jakstat/model/live"
	"jakstat/model/notes"
	"jakstat/model/quiz"
	"jakstat/model/resume"
	"jakstat/model/search"
	"jakstat/views"
)

// Theme forces light or dark styling; ThemeAuto asks the terminal.
type Theme string

// The themes --theme accepts.
const (
	ThemeAuto  Theme = "auto"
	ThemeDark  Theme = "dark"
	ThemeLight Theme = "light"
)

// Options configure a Model.
type Options struct {
	Theme Theme
	// NoMotion shows each scene's last frame at once instead of playing it.
	NoMotion bool
	// ASCII draws with plain ASCII only: scenes, chrome and text.
	ASCII bool
	// NoQuiz leaves out the checks of understanding.
	NoQuiz bool
	// Progress is the learner's saved place and answers, if any.
	Progress Progress
	// Save is given the learner's progress whenever it changes, in order;
	// it must only queue the snapshot (the writing belongs off the update
	// loop). nil saves nothing.
	Save func(Snapshot)
	// Present is presenter mode, for a projector.
	Present bool
	// OnMove is told the step whenever the lesson moves, in order; it must
	// not block. (A presenter's notes view and a classroom are told the
	// whole view instead: OnView, Room.)
	OnMove func(step int)
	// Notes shows the speaker-notes view instead of the lesson; it moves
	// on PositionMsg.
	Notes bool
	// Follow makes this a student's lesson in a classroom: it follows the
	// teacher's FollowMsg until the student moves on their own.
	Follow bool
	// Cache, when set, is a render cache shared with other lessons showing
	// the same lesson with the same options; nil gives the lesson its own.
	// A shared cache is filled with every step as soon as the window's size
	// is known, so a classroom's first move finds them drawn.
	Cache *RenderCache
	// Room is the classroom the lesson sits in, if any: a presenter's
	// lesson tells it every change of view and runs its checks as live
	// checks; a student's tells it where the student is and sends it
	// answers. See Room.
	Room Room
	// OnView is told a presenter's whole view whenever it changes, in
	// order (for a speaker-notes view on the same machine); it must not
	// block.
	OnView func(ViewPosition)
	// Started is when a presentation began, for the presenter's clock;
	// zero starts it when the program starts.
	Started time.Time
	// Hyperlinks makes the links in a step, and its sources, OSC 8
	// hyperlinks: the text is clickable and the address is not printed.
	// Turn it on only for a terminal known to support them; the address is
	// shown in brackets otherwise.
	Hyperlinks bool
}

// screen is which screen is on top of the step.
type screenKind int

const (
	screenLesson screenKind = iota // the step itself, perhaps under its help or a row's details
	screenExplorer
	screenQuiz // a question or the score
	screenSearch
	screenGlossary
	screenResume
	screenLive // a classroom's live check
)

// Model is the interactive lesson.
type Model struct {
	lesson      *content.Lesson
	fingerprint string       // the lesson's, stamped on saved progress
	explorable  bool         // the lesson has a table for the explorer (t)
	digests     []stepDigest // what each step's rendered text depends on
	opts        Options
	keys        KeyMap
	promptKeys  PromptKeyMap
	styles      *views.Styles
	isDark      bool
	glyphs      views.Glyphs
	cache       *RenderCache

	width, height int
	nav           Nav
	screen        screenKind
	jumping       bool     // the ":" prompt is open
	jump          ui.Input // its digits
	panes         stepPanes
	anim          anim
	answers       map[string]bool // question id -> answered right
	found         found           // the last search, for n/N and highlighting
	notice        string          // shown on the status line until the first key
	problems      []string        // why the last edit of the lesson did not load (live reload)
	problemsView  string          // those problems' panel, drawn by layout
	visiting      bool            // a question waits while the learner reads its step (v)
	visitFrom     int             // the step the waiting question was asked over
	present       presentation
	class         follower

	// Pieces of the frame that change only with the step, the size, the
	// theme or the selection, kept so View only joins strings.
	header  string
	helpBar string

	explorer explorer.Model
	quiz     quiz.Model
	search   search.Model
	glossary glossary.Model
	resume   resume.Model
	notes    notes.Model
	live     live.Model

	// pending delivers the lesson when it is parsed in the background
	// (NewLoading); nil once it has arrived, or when New was given it.
	pending <-chan Loaded
	err     error // why the lesson could not be loaded; the program quits
}

// found is the last search the learner went to.
type found struct {
	query string
	hit   int // which of its matches is current
	of    int // how many matches it has
}

// Loaded is a lesson parsed off the update loop, or why it could not be,
// with the learner's saved progress in it.
type Loaded struct {
	Lesson   *content.Lesson
	Err      error
	Progress Progress
}

// loadedMsg carries the background load's result into Update.
type loadedMsg Loaded

var _ tea.Model = Model{}

// New returns a lesson model at the first step.
func New(l *content.Lesson, opts Options) Model {
	m := newModel(opts)
	m.setLesson(l, nil)
	return m
}

// NewLoading returns a model that draws nothing until the lesson arrives on
// ch. Parsing the lesson then overlaps the terminal's start-up instead of
// delaying the first frame. If the load fails the program quits and Err
// says why.
func NewLoading(ch <-chan Loaded, opts Options) Model {
	m := newModel(opts)
	m.pending = ch
	return m
}

func newModel(opts Options) Model {
	if opts.Theme == "" {
		opts.Theme = ThemeAuto
	}
	m := Model{
		opts:       opts,
		keys:       DefaultKeyMap(),
		promptKeys: DefaultPromptKeyMap(),
		cache:      cmp.Or(opts.Cache, NewRenderCache()),
		glyphs:     views.UnicodeGlyphs(),
		class:      follower{following: opts.Follow},
	}
	if opts.ASCII {
		m.glyphs = views.ASCIIGlyphs()
	}
	m.setTheme(opts.Theme != ThemeLight)
	return m
}

// setLesson shows l from its first step (or offers the saved one), with
// every screen made afresh for it. reuse, when not nil, makes the render
// cache from the steps' digests before anything is drawn: a reload keeps
// the renders of the steps it did not change.
func (m *Model) setLesson(l *content.Lesson, reuse func([]stepDigest) *RenderCache) {
	m.answers = maps.Clone(m.opts.Progress.Answers)
	m.notice = m.opts.Progress.Notice
	m.visiting = false // the screens are new: no question waits
	m.fingerprint = l.Fingerprint()
	if m.opts.ASCII {
		l = l.MapText(views.ASCIIText)
	}
	m.lesson = l
	m.explorable = l.Explorable()
	m.digests = digestSteps(l)
	if reuse != nil {
		m.cache = reuse(m.digests)
	}
	m.nav = Nav{Total: len(l.Steps)}
	m.screen = screenLesson
	m.explorer = explorer.New(l, m.styles)
	m.quiz = quiz.New(l, m.styles, m.opts.Present)
	m.search = search.New(m.styles)
	m.glossary = glossary.New(l, m.styles)
	m.notes = notes.New(l, m.styles)
	m.live = live.New(l, m.styles, m.opts.Present)
	if p := m.opts.Progress; p.Resume && p.Step > 0 && p.Step < len(l.Steps) {
		answered := 0
		for _, q := range l.Questions {
			if hasKey(m.answers, q.ID) {
				answered++
			}
		}
		m.resume = resume.New(p.Step, len(l.Steps), l.Steps[p.Step].Title, answered, len(l.Questions), m.styles)
		m.screen = screenResume
	}
	m.startScene()
	m.layout(true)
}

// WithOnMove returns the model with a function told the step whenever it
// moves; see Options.OnMove.
func (m Model) WithOnMove(onMove func(step int)) Model {
	m.opts.OnMove = onMove
	return m
}

// WithOnView returns the model with a function told a presenter's view
// as it changes; see Options.OnView.
func (m Model) WithOnView(onView func(ViewPosition)) Model {
	m.opts.OnView = onView
	return m
}

// Options returns the options the model was made with.
func (m Model) Options() Options { return m.opts }

// WithSave returns the model with a function that saves the learner's
// progress as it changes; see Options.Save.
func (m Model) WithSave(save func(Snapshot)) Model {
	m.opts.Save = save
	return m
}

// Err reports why the lesson could not be loaded, after the program quits.
func (m Model) Err() error { return m.err }

func (m *Model) setTheme(isDark bool) {
	m.isDark = isDark
	s := views.NewStyles(isDark)
	m.styles = &s // shared with every screen, never changed: a new theme gets new styles
	if m.lesson == nil {
		return
	}
	msg := ui.StylesMsg{Styles: m.styles}
	m.explorer, _ = m.explorer.Update(msg)
	m.quiz, _ = m.quiz.Update(msg)
	m.search, _ = m.search.Update(msg)
	m.glossary, _ = m.glossary.Update(msg)
	m.resume, _ = m.resume.Update(msg)
	m.notes, _ = m.notes.Update(msg)
	m.live, _ = m.live.Update(msg)
}

// Init asks the terminal for its background colour unless a theme was
// forced, and waits for a lesson still loading.
func (m Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if m.opts.Theme == ThemeAuto {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if ch := m.pending; ch != nil {
		cmds = append(cmds, func() tea.Msg { return loadedMsg(<-ch) })
	}
	if m.opts.Present {
		// The presentation's clock starts now, or goes on from when a
		// classroom's presentation began.
		started := m.opts.Started
		cmds = append(cmds, func() tea.Msg { return PositionMsg{Step: -1, Started: cmp.Or(started, time.Now())} })
	}
	// A scene already playing (a classroom's lesson, joining the teacher
	// mid-way) starts its clock once the window's size says it is drawn.
	cmds = append(cmds, m.clockCmd())
	return tea.Batch(cmds...)
}

// Step is the zero-based index of the step on screen.
func (m Model) Step() int { return m.nav.Step }

// current returns the step on screen.
func (m Model) current() content.Step { return m.lesson.Steps[m.nav.Step] }
