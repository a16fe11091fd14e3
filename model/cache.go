package model

import (
	"sync"
	"sync/atomic"

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
	pad   bool // every line padded to width, for a scene drawn to its right
}

// RenderCache keeps rendered step bodies, scene frames and lesson tables
// so that View never renders and a step seen once comes back instantly.
// Lessons showing the same lesson with the same options may share one: a
// classroom's hundred students then render each step and frame once, not
// a hundred times (and not a hundred at once: the first renders, the rest
// wait for it). It is safe for concurrent use. Entries are keyed by step
// number, not content: a lesson that is edited (reloaded) needs a new cache.
type RenderCache struct {
	text   onceMap[renderKey]
	scenes onceMap[sceneKey]
	tables onceMap[tableKey]
}

// tableKey names one drawn lesson table: its rows and columns depend on the
// table and the width, the highlight on the row and focus.
type tableKey struct {
	name    string
	width   int
	height  int
	row     int
	focused bool
	look    views.Look
	ascii   bool
}

// sceneKey names one drawn scene frame.
type sceneKey struct {
	name  string
	frame int
	wide  bool
	ascii bool
	look  views.Look
}

// NewRenderCache returns an empty cache.
func NewRenderCache() *RenderCache {
	return &RenderCache{
		text:   onceMap[renderKey]{m: map[renderKey]*onceEntry{}},
		scenes: onceMap[sceneKey]{m: map[sceneKey]*onceEntry{}},
		tables: onceMap[tableKey]{m: map[tableKey]*onceEntry{}},
	}
}

// scene returns a scene frame, drawing it the first time it is asked for.
func (c *RenderCache) scene(k sceneKey, draw func() string) string { return c.scenes.do(k, draw) }

func (c *RenderCache) get(k renderKey) (string, bool) { return c.text.get(k) }

func (c *RenderCache) put(k renderKey, s string) { c.text.do(k, func() string { return s }) }

// onceMap computes each key's value once, however many ask at the same time.
type onceMap[K comparable] struct {
	mu sync.Mutex
	m  map[K]*onceEntry
}

type onceEntry struct {
	once sync.Once
	v    string
	done atomic.Bool
}

func (o *onceMap[K]) entry(k K) *onceEntry {
	o.mu.Lock()
	defer o.mu.Unlock()
	e := o.m[k]
	if e == nil {
		e = &onceEntry{}
		o.m[k] = e
	}
	return e
}

// do returns k's value, computing it with f if no one has yet.
func (o *onceMap[K]) do(k K, f func() string) string {
	e := o.entry(k)
	e.once.Do(func() {
		e.v = f()
		e.done.Store(true)
	})
	return e.v
}

// get returns k's value if it has been computed.
func (o *onceMap[K]) get(k K) (string, bool) {
	o.mu.Lock()
	e := o.m[k]
	o.mu.Unlock()
	if e == nil || !e.done.Load() {
		return "", false
	}
	return e.v, true
}

// renderBody renders a step's Markdown and appends its sources.
func renderBody(l *content.Lesson, k renderKey, s views.Styles) string {
	if k.pad {
		plain := k
		plain.pad = false
		return views.PadLines(renderBody(l, plain, s), k.width)
	}
	st := l.Steps[k.step]
	out := views.Markdown(st.Body, k.width, k.look)
	if len(st.Sources.IDs) > 0 {
		out += "\n\n" + s.Label.Render("Sources") + "\n" + views.SourceList(l, st.Sources.IDs, k.width, s)
	}
	return out
}

// body returns the current step's rendered text, rendering it now if the
// cache does not have it yet.
func (m Model) body(k renderKey) string {
	return m.cache.text.do(k, func() string { return renderBody(m.lesson, k, *m.styles) })
}

// prerenderedMsg carries step bodies rendered ahead, keyed by exactly what
// they were rendered for, so a result that arrives after a resize or a theme
// change is simply stored under its own key and never shown by mistake.
type prerenderedMsg struct {
	keys  []renderKey
	texts []string
}

// prerenderCmd renders the steps either side of the current one off the
// update loop, so the next key press finds them cached. With a cache shared
// by a classroom it renders every step instead (see warmCmd).
func (m Model) prerenderCmd(width int) tea.Cmd {
	if m.opts.Cache != nil {
		return m.warmCmd()
	}
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
	l, s := m.lesson, *m.styles
	return func() tea.Msg {
		texts := make([]string, len(keys))
		for i, k := range keys {
			texts[i] = renderBody(l, k, s)
		}
		return prerenderedMsg{keys: keys, texts: texts}
	}
}

// warmCmd renders, off the update loop, every step's text as this window
// shows it, into the shared cache, so that a classroom's first move (and
// every one after) finds the text drawn. Whoever asks first for a window
// size does the work; the rest of a room with that size find it done.
func (m Model) warmCmd() tea.Cmd {
	if m.width <= 0 || m.height <= 0 || m.lesson == nil {
		return nil
	}
	var keys []renderKey
	for i := range m.lesson.Steps {
		if k := m.textKey(i); !m.cache.has(k) {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	l, s, c := m.lesson, *m.styles, m.cache
	return func() tea.Msg {
		for _, k := range keys {
			c.text.do(k, func() string { return renderBody(l, k, s) })
		}
		return nil
	}
}

// textKey is the key step i's text is drawn under in this window: its wrap
// width depends on whether a scene sits beside it, which dims works out
// from the step's scene and table.
func (m Model) textKey(i int) renderKey {
	m.nav.Step = i
	st := m.lesson.Steps[i]
	m.panes.grid, m.panes.sceneSizes = content.Table{Spec: content.TableSpec{ID: st.Table}}, [2][2]int{}
	if st.Scene != "" {
		for j, wide := range []bool{true, false} {
			m.panes.sceneSizes[j][0], m.panes.sceneSizes[j][1] = views.SceneSize(st.Scene, wide, m.glyphs)
		}
	}
	d := m.dims()
	return renderKey{step: i, width: d.textW, look: views.LookFor(m.isDark), pad: d.scene == sceneBeside}
}

// has says whether k's text is drawn.
func (c *RenderCache) has(k renderKey) bool {
	_, ok := c.get(k)
	return ok
}
