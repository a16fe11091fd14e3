package model

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"jakstat/views"
)

// frameInterval paces the scenes: ten frames a second, so a scene of 24 to
// 30 frames plays in about three seconds.
const frameInterval = 100 * time.Millisecond

// anim is the scene clock. Frames advance only on frameMsg ticks carrying
// the current step and generation; every start, pause or step change bumps
// the generation, so a tick already in flight is recognised as stale and
// dropped. Nothing ticks unless a scene is playing where it can be seen: a
// scene the window is too small to draw holds still, and goes on when it
// is drawn again (z, or a larger window).
type anim struct {
	frame   int
	playing bool
	gen     int
	// tickGen is the generation of the tick on its way, if ticking: a tick
	// of an older generation is stale, so the clock needs a new one.
	ticking bool
	tickGen int
}

// frameMsg is one tick of the scene clock.
type frameMsg struct {
	step, gen int
}

func (m Model) sceneName() string {
	if m.lesson == nil {
		return ""
	}
	return m.current().Scene
}

func (m Model) lastFrame() int { return views.SceneFrames(m.sceneName()) - 1 }

// startScene sets the clock for a newly opened step: play from the first
// frame, or, without motion, rest on the last. The zoom closes: a new step
// starts with its text.
func (m *Model) startScene() {
	m.anim.gen++
	m.anim.playing = false
	m.anim.frame = 0
	m.panes.zoom = false
	if m.sceneName() == "" {
		return
	}
	if m.opts.NoMotion {
		m.anim.frame = m.lastFrame()
		return
	}
	m.anim.playing = true
}

// sceneDrawn says whether the step's scene is on screen.
func (m Model) sceneDrawn() bool {
	return m.lesson != nil && m.width > 0 && m.sceneName() != "" && m.dims().sceneDrawn()
}

// tick schedules the next frame if a scene is playing where it can be seen.
func (m *Model) tick() tea.Cmd {
	if !m.anim.playing || !m.sceneDrawn() {
		return nil
	}
	step, gen := m.nav.Step, m.anim.gen
	m.anim.ticking, m.anim.tickGen = true, gen
	return tea.Tick(frameInterval, func(time.Time) tea.Msg { return frameMsg{step: step, gen: gen} })
}

// wake restarts the clock of a playing scene that held still while it
// could not be seen, now that it can.
func (m *Model) wake() tea.Cmd {
	if m.anim.ticking && m.anim.tickGen == m.anim.gen {
		return nil // its clock is running
	}
	return m.tick()
}

// onFrame advances the scene on a current tick and ignores stale ones.
func (m Model) onFrame(msg frameMsg) (Model, tea.Cmd) {
	if msg.step != m.nav.Step || msg.gen != m.anim.gen {
		return m, nil
	}
	m.anim.ticking = false
	if !m.anim.playing || !m.sceneDrawn() {
		return m, nil // at rest, or hidden: wake starts it again
	}
	m.anim.frame++
	if m.anim.frame >= m.lastFrame() {
		m.anim.frame, m.anim.playing = m.lastFrame(), false
		m.syncKeys() // "pause" becomes "play"
	}
	m.refreshScene()
	cmd := m.tick()
	return m, cmd
}

// togglePause pauses a playing scene, resumes a paused one, and plays a
// finished one again from the start.
func (m Model) togglePause() (Model, tea.Cmd) {
	if m.sceneName() == "" || m.opts.NoMotion {
		return m, nil
	}
	m.anim.gen++
	switch {
	case m.anim.playing:
		m.anim.playing = false
	case m.anim.frame >= m.lastFrame():
		m.anim.frame, m.anim.playing = 0, true
	default:
		m.anim.playing = true
	}
	m.refreshScene()
	m.syncKeys()
	cmd := m.tick()
	return m, cmd
}

// replay starts the scene again; without motion it goes to the first frame
// and waits there for the stage and frame keys.
func (m Model) replay() (Model, tea.Cmd) {
	if m.sceneName() == "" {
		return m, nil
	}
	m.anim.gen++
	m.anim.frame = 0
	m.anim.playing = !m.opts.NoMotion
	m.refreshScene()
	m.syncKeys()
	cmd := m.tick()
	return m, cmd
}

// stepFrame moves one frame back or on, pausing a playing scene first.
func (m Model) stepFrame(delta int) (Model, tea.Cmd) {
	m = m.showFrame(m.anim.frame + delta)
	return m, nil
}

// stepStage moves to the end of the next or the previous caption stage,
// where the picture shows what its caption says, pausing a playing scene
// first. Back from the first stage goes to the very start.
func (m Model) stepStage(delta int) (Model, tea.Cmd) {
	name, f := m.sceneName(), m.anim.frame
	if name == "" {
		return m, nil
	}
	stages := views.SceneStages(name)
	target := f
	if delta > 0 {
		for _, st := range stages {
			if st.Last > f {
				target = st.Last
				break
			}
		}
	} else {
		target = 0
		for _, st := range stages {
			if st.Last < f {
				target = st.Last
			}
		}
	}
	m = m.showFrame(target)
	return m, nil
}

// showFrame pauses the scene on frame f (clamped to the film).
func (m Model) showFrame(f int) Model {
	if m.sceneName() == "" {
		return m
	}
	if m.anim.playing {
		m.anim.gen++
		m.anim.playing = false
	}
	m.anim.frame = min(max(f, 0), m.lastFrame())
	m.refreshScene()
	m.syncKeys()
	return m
}

// toggleZoom shows the scene alone, filling the window, or puts the text
// back. A scene that held still while it could not be drawn plays on.
func (m Model) toggleZoom() (Model, tea.Cmd) {
	if m.sceneName() == "" {
		return m, nil
	}
	m.panes.zoom = !m.panes.zoom
	m.layout(false)
	cmd := m.wake()
	return m, cmd
}

// stage is where the scene is in its story, as stage n of of, while it is
// drawn and has more than one stage; of is 0 otherwise.
func (m Model) stage(d dims) (n, of int) {
	name := m.sceneName()
	if name == "" || !d.sceneDrawn() {
		return 0, 0
	}
	if of = len(views.SceneStages(name)); of < 2 {
		return 0, 0
	}
	return views.SceneStageOf(name, m.anim.frame) + 1, of
}
