// Package model is the lesson's one tea.Model: it owns every piece of state
// (where the learner is, focus, scroll, window size, theme), turns messages
// into state changes, and composes the screen from the views package.
package model

import (
	"charm.land/bubbles/v2/table"
	tea "charm.land/bubbletea/v2"

	"jakstat/content"
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
}

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

// Model is the interactive lesson.
type Model struct {
	lesson *content.Lesson
	opts   Options
	keys   KeyMap
	styles views.Styles
	isDark bool

	width, height int
	nav           Nav
	focus         focus
	overlay       overlay
	prompt        *string // the ":" jump prompt's digits, nil when closed

	// Panes of the current step, rebuilt by layout() on every step change or resize.
	text  pane
	panel pane // details or full help
	tbl   table.Model
	grid  views.Grid // the step's table; Name is "" when it has none
	cards bool       // the table is shown as cards (too narrow for columns)
	row   int        // selected row of the table or cards

	// Pieces of the frame that change only with the step, the size, the
	// theme or the selection, kept so View only joins strings.
	header    string
	tableView string
	helpBar   string
	sceneView string
	tableWant int // lines the table would take in full

	glyphs views.Glyphs
	anim   anim

	explore     explorer
	exploreKeys ExploreKeyMap
	tabs        []views.ExploreTab

	cache *renderCache

	// pending delivers the lesson when it is parsed in the background
	// (NewLoading); nil once it has arrived, or when New was given it.
	pending <-chan Loaded
	err     error // why the lesson could not be loaded; the program quits
}

// Loaded is a lesson parsed off the update loop, or why it could not be.
type Loaded struct {
	Lesson *content.Lesson
	Err    error
}

// loadedMsg carries the background load's result into Update.
type loadedMsg Loaded

var _ tea.Model = Model{}

// New returns a lesson model at the first step.
func New(l *content.Lesson, opts Options) Model {
	m := newModel(opts)
	m.setLesson(l)
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
		opts:        opts,
		keys:        DefaultKeyMap(),
		cache:       newRenderCache(),
		glyphs:      views.UnicodeGlyphs(),
		exploreKeys: DefaultExploreKeyMap(),
	}
	if opts.ASCII {
		m.glyphs = views.ASCIIGlyphs()
	}
	m.setTheme(opts.Theme != ThemeLight)
	return m
}

func (m *Model) setLesson(l *content.Lesson) {
	if m.opts.ASCII {
		l = l.MapText(views.ASCIIText)
	}
	m.lesson = l
	m.nav = Nav{Total: len(l.Steps)}
	m.tabs = views.ExploreTabs(l)
	m.explore = newExplorer(len(m.tabs))
	m.startScene()
	m.layout(true)
}

// Err reports why the lesson could not be loaded, after the program quits.
func (m Model) Err() error { return m.err }

func (m *Model) setTheme(isDark bool) {
	m.isDark = isDark
	m.styles = views.NewStyles(isDark)
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
	return tea.Batch(cmds...)
}

// Step is the zero-based index of the step on screen.
func (m Model) Step() int { return m.nav.Step }

// step returns the current step.
func (m Model) step() content.Step { return m.lesson.Steps[m.nav.Step] }
