package model

import (
	"sync"

	tea "charm.land/bubbletea/v2"

	"jakstat/content"
	"jakstat/views"
)

// renderKey names one rendered step body: Markdown output depends on the
// step, the wrap width and the light or dark look, and on nothing else.
type renderKey struct {
	step  int
	width int
	look  views.Look
}

// RenderCache keeps rendered step bodies so that View never renders
// Markdown and a step seen once comes back instantly. Lessons showing the
// same lesson with the same options may share one (a classroom's hundred
// students then render each step once, not a hundred times), so it is
// safe for concurrent use.
type RenderCache struct {
	mu   sync.RWMutex
	text map[renderKey]string
}

// NewRenderCache returns an empty cache.
func NewRenderCache() *RenderCache {
	return &RenderCache{text: map[renderKey]string{}}
}

func newRenderCache() *RenderCache { return NewRenderCache() }

func (c *RenderCache) get(k renderKey) (string, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	s, ok := c.text[k]
	return s, ok
}

func (c *RenderCache) put(k renderKey, s string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.text[k] = s
}

// renderBody renders a step's Markdown and appends its sources.
func renderBody(l *content.Lesson, k renderKey, s views.Styles) string {
	st := l.Steps[k.step]
	out, err := views.Markdown(st.Body, k.width, k.look)
	if err != nil {
		// The shipped lesson is tested to render; an author's own lesson
		// still shows its raw text rather than nothing.
		out = st.Body
	}
	if len(st.Sources.IDs) > 0 {
		out += "\n\n" + s.Label.Render("Sources") + "\n" + views.SourceList(l, st.Sources.IDs, k.width, s)
	}
	return out
}

// body returns the current step's rendered text, rendering it now if the
// cache does not have it yet.
func (m Model) body(k renderKey) string {
	if s, ok := m.cache.get(k); ok {
		return s
	}
	s := renderBody(m.lesson, k, m.styles)
	m.cache.put(k, s)
	return s
}

// prerenderedMsg carries step bodies rendered ahead, keyed by exactly what
// they were rendered for, so a result that arrives after a resize or a theme
// change is simply stored under its own key and never shown by mistake.
type prerenderedMsg struct {
	keys  []renderKey
	texts []string
}

// prerenderCmd renders the steps either side of the current one off the
// update loop, so the next key press finds them cached.
func (m Model) prerenderCmd(width int) tea.Cmd {
	var keys []renderKey
	for _, i := range []int{m.nav.Step + 1, m.nav.Step - 1} {
		k := renderKey{step: i, width: width, look: views.LookFor(m.isDark)}
		if i < 0 || i >= len(m.lesson.Steps) {
			continue
		}
		if _, ok := m.cache.get(k); !ok {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	l, s := m.lesson, m.styles
	return func() tea.Msg {
		texts := make([]string, len(keys))
		for i, k := range keys {
			texts[i] = renderBody(l, k, s)
		}
		return prerenderedMsg{keys: keys, texts: texts}
	}
}
