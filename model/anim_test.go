package model

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"jakstat/views"
)

// sceneStep is the one-based number of the first step showing the scene.
func sceneStep(t testing.TB, scene string) string {
	t.Helper()
	for i, st := range shipped(t).Steps {
		if st.Scene == scene {
			return strconv.Itoa(i + 1)
		}
	}
	t.Fatalf("no step shows %s", scene)
	return ""
}

// open goes to the step showing scene and returns the model and the tick
// command its opening scheduled.
func open(t *testing.T, scene string, opts Options) (Model, tea.Cmd) {
	t.Helper()
	m := New(shipped(t), opts)
	m = send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	n := sceneStep(t, scene)
	m = press(t, m, ":")
	for _, r := range n {
		m = press(t, m, string(r))
	}
	next, cmd := m.Update(keyMsg("enter"))
	return next.(Model), cmd
}

// tick delivers the current frame tick, as the clock would.
func tick(t *testing.T, m Model) (Model, tea.Cmd) {
	t.Helper()
	next, cmd := m.Update(frameMsg{step: m.nav.Step, gen: m.anim.gen})
	return next.(Model), cmd
}

func TestScenePlaysOnceThenRests(t *testing.T) {
	m, cmd := open(t, "binding", Options{Theme: ThemeDark})
	if !m.anim.playing || m.anim.frame != 0 || cmd == nil {
		t.Fatalf("a scene should start playing from frame 0: %+v", m.anim)
	}
	last := views.SceneFrames("binding") - 1
	for i := 0; i < last; i++ {
		m, cmd = tick(t, m)
	}
	if m.anim.frame != last || m.anim.playing {
		t.Fatalf("after %d ticks: %+v, want resting on %d", last, m.anim, last)
	}
	if cmd != nil {
		t.Error("the clock kept ticking after the last frame")
	}
	if m.keys.Pause.Help().Desc != "play" {
		t.Errorf("at rest the help should offer play, says %q", m.keys.Pause.Help().Desc)
	}
	m, _ = tick(t, m)
	if m.anim.frame != last {
		t.Error("a tick at rest moved the scene")
	}
}

func TestStaleTicksAreIgnored(t *testing.T) {
	m, _ := open(t, "activation", Options{})
	m, _ = tick(t, m)
	old := frameMsg{step: m.nav.Step, gen: m.anim.gen - 1}
	next, cmd := m.Update(old)
	if next.(Model).anim.frame != 1 || cmd != nil {
		t.Error("a tick from an earlier generation moved the scene")
	}
	other := frameMsg{step: m.nav.Step + 1, gen: m.anim.gen}
	if next, _ := m.Update(other); next.(Model).anim.frame != 1 {
		t.Error("a tick for another step moved the scene")
	}
}

func TestPauseResumeAndFrameKeys(t *testing.T) {
	m, _ := open(t, "nucleus", Options{})
	m, _ = tick(t, m)
	m, _ = tick(t, m)
	m = press(t, m, "p")
	if m.anim.playing {
		t.Fatal("p did not pause")
	}
	if next, _ := tick(t, m); next.anim.frame != 2 {
		t.Error("a paused scene moved on a tick")
	}
	m = press(t, m, ">", ">", ">")
	if m.anim.frame != 5 {
		t.Errorf("> three times from 2: frame %d", m.anim.frame)
	}
	m = press(t, m, "<")
	if m.anim.frame != 4 {
		t.Errorf("< from 5: frame %d", m.anim.frame)
	}
	next, cmd := m.Update(keyMsg("p"))
	m = next.(Model)
	if !m.anim.playing || cmd == nil {
		t.Fatal("p did not resume")
	}
	m, _ = tick(t, m)
	if m.anim.frame != 5 {
		t.Errorf("resumed from 4, one tick: frame %d", m.anim.frame)
	}
	m = press(t, m, ">")
	if m.anim.playing {
		t.Error("a frame key while playing should pause")
	}
	for range 100 {
		m = press(t, m, "<")
	}
	if m.anim.frame != 0 {
		t.Errorf("frames below the first: %d", m.anim.frame)
	}
	next, cmd = m.Update(keyMsg("r"))
	if m = next.(Model); !m.anim.playing || m.anim.frame != 0 || cmd == nil {
		t.Errorf("r did not replay: %+v", m.anim)
	}
}

// TestStageKeys: , and . move by caption stage, resting on the frame that
// shows what the stage's caption says, and the status line says which
// stage of how many is showing.
func TestStageKeys(t *testing.T) {
	stages := views.SceneStages("nucleus")
	m, _ := open(t, "nucleus", Options{})
	m, _ = tick(t, m)
	for i, st := range stages {
		m = press(t, m, ".")
		if m.anim.playing || m.anim.frame != st.Last {
			t.Fatalf(". number %d: frame %d (playing %v), want stage %d's last frame %d", i+1, m.anim.frame, m.anim.playing, i+1, st.Last)
		}
		if want := fmt.Sprintf("stage %d of %d", i+1, len(stages)); !strings.Contains(statusLine(m), want) {
			t.Errorf("after . number %d the status line does not say %q: %q", i+1, want, statusLine(m))
		}
	}
	if m = press(t, m, "."); m.anim.frame != stages[len(stages)-1].Last {
		t.Errorf(". past the last stage moved to frame %d", m.anim.frame)
	}
	for i := len(stages) - 2; i >= 0; i-- {
		if m = press(t, m, ","); m.anim.frame != stages[i].Last {
			t.Errorf(", back to stage %d: frame %d, want %d", i+1, m.anim.frame, stages[i].Last)
		}
	}
	if m = press(t, m, ","); m.anim.frame != 0 {
		t.Errorf(", before the first stage's end goes to the start, not frame %d", m.anim.frame)
	}
	// Mid-stage, . finishes the stage the picture is in.
	m = press(t, m, ">", ">")
	if m = press(t, m, "."); m.anim.frame != stages[0].Last {
		t.Errorf(". from frame 2: frame %d, want %d", m.anim.frame, stages[0].Last)
	}
}

// statusLine is the line above the help bar (the last line in presenter mode).
func statusLine(m Model) string {
	lines := strings.Split(screen(m), "\n")
	if m.opts.Present {
		return lines[len(lines)-1]
	}
	return lines[len(lines)-2]
}

// helpLine is the help bar.
func helpLine(m Model) string {
	lines := strings.Split(screen(m), "\n")
	return lines[len(lines)-1]
}

func TestLeavingMidAnimationReplaysCleanly(t *testing.T) {
	m, _ := open(t, "nucleus", Options{})
	for range 5 {
		m, _ = tick(t, m)
	}
	inFlight := frameMsg{step: m.nav.Step, gen: m.anim.gen}
	m = press(t, m, "right")
	if m.anim.playing && m.current().Scene == "" {
		t.Error("the clock runs on a step without a scene")
	}
	m = send(t, m, inFlight)
	next, cmd := m.Update(keyMsg("left"))
	m = next.(Model)
	if m.anim.frame != 0 || !m.anim.playing || cmd == nil {
		t.Fatalf("coming back should replay from the start: %+v", m.anim)
	}
	m = send(t, m, inFlight)
	if m.anim.frame != 0 {
		t.Error("a tick from before leaving moved the replay")
	}
}

func TestNoMotion(t *testing.T) {
	m, _ := open(t, "blocked", Options{NoMotion: true})
	last := views.SceneFrames("blocked") - 1
	if m.anim.frame != last || m.anim.playing {
		t.Fatalf("no-motion should show the last frame at once: %+v", m.anim)
	}
	if m.tick() != nil {
		t.Error("no-motion scheduled a tick")
	}
	m = press(t, m, "<", "<")
	if m.anim.frame != last-2 {
		t.Errorf("frame keys should still work: %d", m.anim.frame)
	}
	m = press(t, m, "p")
	if m.anim.playing {
		t.Error("p started motion in no-motion mode")
	}
	next, cmd := m.Update(keyMsg("r"))
	if m = next.(Model); m.anim.frame != 0 || m.anim.playing || cmd != nil {
		t.Errorf("r in no-motion should go to the first frame and wait: %+v", m.anim)
	}
}

func TestScenesAppearOnTheirSteps(t *testing.T) {
	l := shipped(t)
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		m := send(t, New(l, Options{Theme: ThemeDark, NoMotion: true, NoQuiz: true}), tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for i, st := range l.Steps {
			s := screen(m)
			hasScene := strings.Contains(s, "receptor") && strings.Contains(s, "nucleus ─")
			if hasScene != (st.Scene != "") {
				t.Errorf("%dx%d step %d (%s, scene %q): scene drawn = %v\n%s", size[0], size[1], i+1, st.ID, st.Scene, hasScene, s)
			}
			lines := strings.Split(s, "\n")
			helpHasZoom := strings.Contains(lines[len(lines)-1], "z zoom")
			if helpHasZoom != (st.Scene != "") || m.keys.Replay.Enabled() != (st.Scene != "") {
				t.Errorf("step %d: scene keys in the help bar = %v, r on = %v", i+1, helpHasZoom, m.keys.Replay.Enabled())
			}
			m = press(t, m, "right")
		}
	}
	// Too small to draw: a sentence says what the diagram would show.
	m := press(t, sized(t, 60, 14), ":", sceneStep(t, "blocked"), "enter")
	if s := screen(m); !strings.Contains(s, "Diagram (z shows it): A JAK inhibitor") {
		t.Errorf("no description at 60x14:\n%s", s)
	}
}

func TestASCIIModeDrawsOnlyASCII(t *testing.T) {
	m := New(shipped(t), Options{ASCII: true, NoMotion: true})
	m = send(t, m, tea.WindowSizeMsg{Width: 100, Height: 40})
	for i := range m.lesson.Steps {
		for _, k := range []string{"", "tab", "enter", "?"} {
			mm := m
			if k != "" {
				mm = press(t, m, k)
			}
			out := mm.Render() + mm.View().WindowTitle
			for j := 0; j < len(out); j++ {
				if out[j] > 127 {
					t.Fatalf("step %d after %q: byte %#x in %q", i+1, k, out[j], out[max(0, j-20):min(len(out), j+10)])
				}
			}
		}
		m = press(t, m, "right")
	}
}
