package model

import (
	"crypto/sha256"
	"fmt"
	"io"
	"maps"
	"sync"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"

	"jakstat/content"
	"jakstat/views"
)

// renderKey names one rendered step body by what the render reads: the
// step's text and sources (its digest, so an edited lesson finds the
// renders of the steps it did not change), the wrap width, the light or
// dark look, padding, and whether links are OSC 8 hyperlinks.
type renderKey struct {
	text  stepDigest
	width int
	look  views.Look
	pad   bool // every line padded to width, for a scene drawn to its right
	links bool // links are OSC 8 hyperlinks (Options.Hyperlinks)
}

// stepDigest identifies what a step's rendered text depends on: its body,
// and the ids, titles and addresses of its sources.
type stepDigest [16]byte

// digestSteps works out every step's digest, once per lesson.
func digestSteps(l *content.Lesson) []stepDigest {
	out := make([]stepDigest, len(l.Steps))
	for i, st := range l.Steps {
		h := sha256.New()
		io.WriteString(h, st.Body)
		for _, id := range st.Sources.IDs {
			src, _ := l.Source(id)
			fmt.Fprintf(h, "\x00%s\x00%s\x00%s", id, src.Title, src.URL)
		}
		copy(out[i][:], h.Sum(nil))
	}
	return out
}

// RenderCache keeps rendered step bodies, scene frames and lesson tables
// (and how each step's table fits each width)
// so that View never renders and a step seen once comes back instantly.
// Lessons showing the same lesson with the same options may share one: a
// classroom's hundred students then render each step and frame once, not
// a hundred times (and not a hundred at once: the first renders, the rest
// wait for it). It is safe for concurrent use. Step bodies are keyed by
// their content, so an edited lesson reuses the renders of the steps it
// left alone (see reloaded).
type RenderCache struct {
	text   onceMap[renderKey, string]
	scenes onceMap[sceneKey, string]
	tables onceMap[tableKey, string]
	fits   onceMap[fitKey, tableFit]
}

// fitKey names a step's table fitted to a frame width.
type fitKey struct {
	step  int
	width int
}

// tableFit is a step's table fitted to a width: its columns, or cards, and
// how many lines it takes in full.
type tableFit struct {
	widths []int // nil for cards
	lines  int
}

// tableKey names one drawn lesson table: its rows and columns depend on the
// table, the step (the columns its text points at) and the width; what
// shows on the height and the selected row (-1 while the table has no focus).
type tableKey struct {
	name   string
	step   int
	width  int
	height int
	row    int
	look   views.Look
	ascii  bool
}

// sceneKey names one drawn scene frame: in a fixed layout, or zoomed to
// fill zoomW x zoomH (both 0 for a fixed layout).
type sceneKey struct {
	name         string
	frame        int
	layout       views.SceneLayout
	zoomW, zoomH int
	ascii        bool
	look         views.Look
}

// NewRenderCache returns an empty cache.
func NewRenderCache() *RenderCache {
	return &RenderCache{
		text:   onceMap[renderKey, string]{m: map[renderKey]*onceEntry[string]{}},
		scenes: onceMap[sceneKey, string]{m: map[sceneKey]*onceEntry[string]{}, limit: maxScenes},
		tables: onceMap[tableKey, string]{m: map[tableKey]*onceEntry[string]{}, limit: maxTables},
		fits:   onceMap[fitKey, tableFit]{m: map[fitKey]*onceEntry[tableFit]{}},
	}
}

// reloaded is the cache for an edited lesson whose steps have the digests
// in keep: the bodies of those steps and every scene frame carry over; the
// renders of steps that are gone are dropped, and the tables, whose data
// may have changed, start afresh.
func (c *RenderCache) reloaded(keep []stepDigest) *RenderCache {
	n := NewRenderCache()
	wanted := make(map[stepDigest]bool, len(keep))
	for _, d := range keep {
		wanted[d] = true
	}
	c.text.mu.Lock()
	for k, e := range c.text.m {
		if wanted[k.text] && e.done.Load() {
			n.text.m[k] = e
		}
	}
	c.text.mu.Unlock()
	c.scenes.mu.Lock()
	maps.Copy(n.scenes.m, c.scenes.m)
	c.scenes.mu.Unlock()
	return n
}

// scene returns a scene frame, drawing it the first time it is asked for.
func (c *RenderCache) scene(k sceneKey, draw func() string) string { return c.scenes.do(k, draw) }

func (c *RenderCache) get(k renderKey) (string, bool) { return c.text.get(k) }

func (c *RenderCache) put(k renderKey, s string) { c.text.do(k, func() string { return s }) }

// onceMap computes each key's value once, however many ask at the same time.
type onceMap[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]*onceEntry[V]
	// limit, when not 0, is the most entries kept: a map keyed by a window's
	// width and height (zoomed scenes, tables) would otherwise grow with
	// every size any member's window takes, for as long as a classroom
	// runs. Past it, a quarter of the finished entries are dropped, at
	// random; a render dropped is only drawn again when next asked for.
	limit int
}

// Limits of the maps keyed by a window's size: far more than a room's
// windows draw of a step, and at most a few tens of MiB (a zoomed scene
// or a table at the largest window is under 8 KiB).
const (
	maxScenes = 4096
	maxTables = 4096
)

type onceEntry[V any] struct {
	once sync.Once
	v    V
	done atomic.Bool
}

func (o *onceMap[K, V]) entry(k K) *onceEntry[V] {
	o.mu.Lock()
	defer o.mu.Unlock()
	e := o.m[k]
	if e == nil {
		if o.limit > 0 && len(o.m) >= o.limit {
			o.shrink()
		}
		e = &onceEntry[V]{}
		o.m[k] = e
	}
	return e
}

// shrink drops finished entries, in the map's random order, until a
// quarter of the limit is free. Under o.mu. An entry still being computed
// stays: its callers wait on it.
func (o *onceMap[K, V]) shrink() {
	for k, e := range o.m {
		if len(o.m) <= o.limit*3/4 {
			return
		}
		if e.done.Load() {
			delete(o.m, k)
		}
	}
}

// do returns k's value, computing it with f if no one has yet.
func (o *onceMap[K, V]) do(k K, f func() V) V {
	e := o.entry(k)
	e.once.Do(func() {
		e.v = f()
		e.done.Store(true)
	})
	return e.v
}

// get returns k's value if it has been computed.
func (o *onceMap[K, V]) get(k K) (V, bool) {
	o.mu.Lock()
	e := o.m[k]
	o.mu.Unlock()
	if e == nil || !e.done.Load() {
		var zero V
		return zero, false
	}
	return e.v, true
}

// renderBody renders step i's Markdown and appends its sources.
func renderBody(l *content.Lesson, i int, k renderKey, s views.Styles) string {
	if k.pad {
		plain := k
		plain.pad = false
		return views.PadLines(renderBody(l, i, plain, s), k.width)
	}
	st := l.Steps[i]
	out := views.RenderMarkdown(st.Body, views.MarkdownOptions{Width: k.width, Look: k.look, Hyperlinks: k.links})
	if len(st.Sources.IDs) > 0 {
		out += "\n\n" + s.Label.Render("Sources") + "\n" + views.LinkedSourceList(l, st.Sources.IDs, k.width, s, k.links)
	}
	return out
}

// textKey is the key of step i's body as the current window and options
// draw it.
func (m Model) textKey(i, width int, pad bool) renderKey {
	return renderKey{text: m.digests[i], width: width, look: views.LookFor(m.isDark), pad: pad, links: m.opts.Hyperlinks}
}

// body returns the current step's rendered text, rendering it now if the
// cache does not have it yet.
func (m Model) body(k renderKey) string {
	step := m.nav.Step
	return m.cache.text.do(k, func() string { return renderBody(m.lesson, step, k, *m.styles) })
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
	var steps []int
	for _, i := range []int{m.nav.Step + 1, m.nav.Step - 1} {
		if i < 0 || i >= len(m.lesson.Steps) {
			continue
		}
		k := m.textKey(i, width, false)
		if _, ok := m.cache.get(k); !ok {
			keys, steps = append(keys, k), append(steps, i)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	l, s := m.lesson, *m.styles
	return func() tea.Msg {
		texts := make([]string, len(keys))
		for i, k := range keys {
			texts[i] = renderBody(l, steps[i], k, s)
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
	var steps []int
	for i := range m.lesson.Steps {
		if k := m.warmKey(i); !m.cache.has(k) {
			keys, steps = append(keys, k), append(steps, i)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	l, s, c := m.lesson, *m.styles, m.cache
	return func() tea.Msg {
		for j, k := range keys {
			c.text.do(k, func() string { return renderBody(l, steps[j], k, s) })
		}
		return nil
	}
}

// warmKey is the key step i's text is drawn under in this window: its
// wrap width depends on whether a scene sits beside it, which dims works
// out from the step's scene and table.
func (m Model) warmKey(i int) renderKey {
	m.nav.Step = i
	m.panes.grid, m.panes.zoom = content.Table{Spec: content.TableSpec{ID: m.lesson.Steps[i].Table}}, false
	d := m.dims()
	return m.textKey(i, d.textW, d.scene == sceneBeside)
}

// has says whether k's text is drawn.
func (c *RenderCache) has(k renderKey) bool {
	_, ok := c.get(k)
	return ok
}
