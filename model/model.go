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

	cache *renderCache
}

var _ tea.Model = Model{}

// New returns a lesson model at the first step.
func New(l *content.Lesson, opts Options) Model {
	if opts.Theme == "" {
		opts.Theme = ThemeAuto
	}
	isDark := opts.Theme != ThemeLight
	m := Model{
		lesson: l,
		opts:   opts,
		keys:   DefaultKeyMap(),
		nav:    Nav{Total: len(l.Steps)},
		cache:  newRenderCache(),
	}
	m.setTheme(isDark)
	return m
}

func (m *Model) setTheme(isDark bool) {
	m.isDark = isDark
	m.styles = views.NewStyles(isDark)
}

// Init asks the terminal for its background colour unless a theme was forced.
func (m Model) Init() tea.Cmd {
	if m.opts.Theme == ThemeAuto {
		return tea.RequestBackgroundColor
	}
	return nil
}

// Step is the zero-based index of the step on screen.
func (m Model) Step() int { return m.nav.Step }

// step returns the current step.
func (m Model) step() content.Step { return m.lesson.Steps[m.nav.Step] }
