// Package model is the lesson's one tea.Model: it owns every piece of state
// (where the learner is, focus, scroll, window size, theme), turns messages
// into state changes, and composes the screen from the views package.
package model

import (
	"cmp"
	"maps"
	"time"

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
	// OnMove is told the step whenever the lesson moves (for the notes
	// view, or a classroom's records), in order; it must not block.
	OnMove func(step int)
	// Notes shows the speaker-notes view instead of the lesson; it moves
	// on PositionMsg.
	Notes bool
	// Follow makes this a student's lesson in a classroom: it follows the
	// teacher's FollowMsg until the student moves on their own.
	Follow bool
	// Cache, when set, is a render cache shared with other lessons showing
	// the same lesson with the same options; nil gives the lesson its own.
	Cache *RenderCache
	// Publish is given a presenter's position (step and scene frame) as it
	// changes, for a classroom's followers, in order; it must not block.
	Publish func(Position)
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
	overlayQuiz     // a check of understanding
	overlayScore    // the score screen at the end
	overlayGlossary // the glossary, filtered as you type
	overlaySearch   // search results, as you type
	overlayResume   // "welcome back": pick up where you left off?
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
	text        pane
	panel       pane          // details or full help
	tableWidths []int         // the lesson table's fitted columns; nil for cards or no table
	grid        content.Table // the step's table; its ID is "" when it has none
	cards       bool          // the table is shown as cards (too narrow for columns)
	row         int           // selected row of the table or cards

	// Pieces of the frame that change only with the step, the size, the
	// theme or the selection, kept so View only joins strings.
	header     string
	tableView  string
	helpBar    string
	sceneView  string
	tableWant  int       // lines the table would take in full
	sceneSizes [2][2]int // the step's scene, wide and narrow: width, height

	glyphs views.Glyphs
	anim   anim

	explore     explorer
	exploreKeys ExploreKeyMap
	tabs        []content.TableSpec

	learnKeys   LearnKeyMap
	answers     map[string]bool // question id -> answered right
	quiz        quizRun
	find        finder
	termSteps   [][]int              // glossary term -> steps using it
	searchIndex []content.SearchLine // built when first needed
	findView    string               // the glossary or search screen, drawn by layout
	search      string               // the last search, for n/N and highlighting
	hit         int                  // which of its matches is current
	resumeAt    int

	presentKeys PresentKeyMap
	blank       bool          // presenter: the screen is blanked
	startedAt   time.Time     // presenter: when the lesson started; notes: the presenter's start
	elapsed     time.Duration // shown on the clock
	clockGen    int
	connected   bool // notes: a presenter is connected

	followKeys  FollowKeyMap
	following   bool     // student: showing the teacher's place
	teacher     bool     // student: a teacher is connected
	teacherAt   Position // student: where the teacher is
	fingerprint string   // the lesson's, stamped on saved progress
	notice      string   // shown on the status line until the first key

	cache *RenderCache

	// pending delivers the lesson when it is parsed in the background
	// (NewLoading); nil once it has arrived, or when New was given it.
	pending <-chan Loaded
	err     error // why the lesson could not be loaded; the program quits
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
		cache:       cmp.Or(opts.Cache, newRenderCache()),
		glyphs:      views.UnicodeGlyphs(),
		exploreKeys: DefaultExploreKeyMap(),
		learnKeys:   DefaultLearnKeyMap(),
		presentKeys: DefaultPresentKeyMap(),
		followKeys:  DefaultFollowKeyMap(),
		following:   opts.Follow,
	}
	if opts.ASCII {
		m.glyphs = views.ASCIIGlyphs()
	}
	m.setTheme(opts.Theme != ThemeLight)
	return m
}

func (m *Model) setLesson(l *content.Lesson) {
	m.answers = maps.Clone(m.opts.Progress.Answers)
	m.notice = m.opts.Progress.Notice
	m.fingerprint = l.Fingerprint()
	if m.opts.ASCII {
		l = l.MapText(views.ASCIIText)
	}
	m.lesson = l
	m.nav = Nav{Total: len(l.Steps)}
	m.tabs = l.ExploreTabs()
	m.explore = newExplorer(len(m.tabs))
	m.termSteps, m.searchIndex = nil, nil // built when first needed: not before the first frame
	if p := m.opts.Progress; p.Resume && p.Step > 0 && p.Step < len(l.Steps) {
		m.resumeAt, m.overlay = p.Step, overlayResume
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

// WithPublish returns the model with a function given the presenter's
// position as it changes; see Options.Publish.
func (m Model) WithPublish(publish func(Position)) Model {
	m.opts.Publish = publish
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
	if m.opts.Present {
		// The presentation's clock starts now.
		cmds = append(cmds, func() tea.Msg { return PositionMsg{Step: -1, Started: time.Now()} })
	}
	cmds = append(cmds, m.clockCmd())
	return tea.Batch(cmds...)
}

// Step is the zero-based index of the step on screen.
func (m Model) Step() int { return m.nav.Step }

// step returns the current step.
func (m Model) step() content.Step { return m.lesson.Steps[m.nav.Step] }
