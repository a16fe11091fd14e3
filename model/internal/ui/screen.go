package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"jakstat/views"
)

// StylesMsg gives a screen the styles of a new theme to draw in. The root
// sends it to every screen when the terminal's background changes.
type StylesMsg struct{ Styles *views.Styles }

// Matches is what a list screen lists (search hits, glossary terms): it
// finds the matches for the typed text, draws them, and says what choosing
// one or closing the screen reports to the lesson.
type Matches interface {
	Find(typed string) []int
	Draw(s views.Styles, found []int, sel int, typed views.Field, width, height int) string
	Choose(found []int, sel int, typed string) tea.Msg
	Close() tea.Msg
}

// ListScreen is a screen listing matches for typed text, as it narrows
// while the learner types: the search and the glossary are two of them.
type ListScreen[M Matches] struct {
	KeyMap  ListKeys
	Matches M

	styles *views.Styles
	list   List
	found  []int
	width  int
	height int
	view   string
}

// NewListScreen returns a list screen of m with nothing typed.
func NewListScreen[M Matches](m M, s *views.Styles) ListScreen[M] {
	return ListScreen[M]{KeyMap: DefaultListKeys(), Matches: m, styles: s, list: List{}}
}

// Reset starts afresh with nothing typed, listing every match of m.
func (s ListScreen[M]) Reset(m M) ListScreen[M] {
	s.Matches, s.list = m, List{}
	s.render()
	return s
}

// SetSize fits the screen to the content area.
func (s *ListScreen[M]) SetSize(width, height int) {
	s.width, s.height = width, height
	s.render()
}

// Update handles a key, a paste or new styles. It reports what Matches
// says choosing or closing means, or tea.QuitMsg, or nil.
func (s ListScreen[M]) Update(msg tea.Msg) (ListScreen[M], tea.Msg) {
	if st, ok := msg.(StylesMsg); ok {
		s.styles = st.Styles
		s.render()
		return s, nil
	}
	list, act, redraw := s.list.Update(msg, s.KeyMap)
	s.list = list
	switch act {
	case ListQuit:
		return s, tea.QuitMsg{}
	case ListClose:
		return s, s.Matches.Close()
	case ListGo:
		if len(s.found) == 0 {
			return s, nil
		}
		return s, s.Matches.Choose(s.found, s.list.Sel, s.list.Input.Value())
	}
	if redraw {
		s.render()
	}
	return s, nil
}

func (s *ListScreen[M]) render() {
	if s.styles == nil || s.width <= 0 {
		return
	}
	s.found = s.Matches.Find(s.list.Input.Value())
	s.list.Sel = Clamp(s.list.Sel, len(s.found))
	s.view = s.Matches.Draw(*s.styles, s.found, s.list.Sel, s.list.Input.Field(), s.width, s.height)
}

// View is the content area.
func (s ListScreen[M]) View() string { return s.view }

// ShortHelp is what the help bar offers now.
func (s ListScreen[M]) ShortHelp() []key.Binding { return s.KeyMap.ShortHelp() }

// Scrolled counts the lines out of sight: the list keeps its selection in
// view, so none are reported.
func (s ListScreen[M]) Scrolled() (above, below int) { return 0, 0 }
