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
// dropped. Nothing ticks unless a scene is playing.
type anim struct {
	frame   int
	playing bool
	gen     int
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
// frame, or, without motion, rest on the last.
func (m *Model) startScene() {
	m.anim.gen++
	m.anim.playing = false
	m.anim.frame = 0
	if m.sceneName() == "" {
		return
	}
	if m.opts.NoMotion {
		m.anim.frame = m.lastFrame()
		return
	}
	m.anim.playing = true
}

// tickCmd schedules the next frame, if a scene is playing.
func (m Model) tickCmd() tea.Cmd {
	if !m.anim.playing {
		return nil
	}
	step, gen := m.nav.Step, m.anim.gen
	return tea.Tick(frameInterval, func(time.Time) tea.Msg { return frameMsg{step: step, gen: gen} })
}

// onFrame advances the scene on a current tick and ignores stale ones.
func (m Model) onFrame(msg frameMsg) (Model, tea.Cmd) {
	if !m.anim.playing || msg.step != m.nav.Step || msg.gen != m.anim.gen {
		return m, nil
	}
	m.anim.frame++
	if m.anim.frame >= m.lastFrame() {
		m.anim.frame, m.anim.playing = m.lastFrame(), false
		m.syncKeys() // "pause" becomes "play"
	}
	m.refreshScene()
	return m, m.tickCmd()
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
	return m, m.tickCmd()
}

// replay starts the scene again; without motion it goes to the first frame
// and waits there for the frame keys.
func (m Model) replay() (Model, tea.Cmd) {
	if m.sceneName() == "" {
		return m, nil
	}
	m.anim.gen++
	m.anim.frame = 0
	m.anim.playing = !m.opts.NoMotion
	m.refreshScene()
	m.syncKeys()
	return m, m.tickCmd()
}

// stepFrame moves one frame back or on, pausing a playing scene first.
func (m Model) stepFrame(delta int) (Model, tea.Cmd) {
	m = m.shiftFrame(delta)
	return m, nil
}

func (m Model) shiftFrame(delta int) Model {
	if m.sceneName() == "" {
		return m
	}
	if m.anim.playing {
		m.anim.gen++
		m.anim.playing = false
	}
	m.anim.frame = min(max(m.anim.frame+delta, 0), m.lastFrame())
	m.refreshScene()
	m.syncKeys()
	return m
}
