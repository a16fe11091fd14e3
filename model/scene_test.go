package model

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jakstat/views"
)

// sceneSteps lists the one-based numbers of the steps with a scene, and
// their scenes.
func sceneSteps(t testing.TB) map[int]string {
	t.Helper()
	out := map[int]string{}
	for i, st := range shipped(t).Steps {
		if st.Scene != "" {
			out[i+1] = st.Scene
		}
	}
	return out
}

// TestDiagramsWhereTheClassCanSeeThem: every scene of the lesson is drawn
// beside or above its text at projector sizes (60x16, 80x22) as well as at
// a laptop's and a big screen's, with the text beside it kept readable; the
// one exception, compare beside a presenter's wider margins at 60x16, says
// in words what it shows and z draws it.
func TestDiagramsWhereTheClassCanSeeThem(t *testing.T) {
	l := shipped(t)
	for _, sz := range []struct {
		w, h    int
		present bool
	}{{60, 16, false}, {60, 16, true}, {80, 22, true}, {80, 24, false}, {100, 30, false}, {120, 40, false}, {200, 60, false}} {
		for n, scene := range sceneSteps(t) {
			t.Run(fmt.Sprintf("%dx%d-present=%v-step%d-%s", sz.w, sz.h, sz.present, n, scene), func(t *testing.T) {
				m := New(l, Options{Theme: ThemeDark, NoQuiz: true, NoMotion: true, Present: sz.present})
				m = press(t, send(t, m, tea.WindowSizeMsg{Width: sz.w, Height: sz.h}), ":", fmt.Sprint(n), "enter")
				assertFits(t, m)
				d := m.dims()
				if sz.present && sz.w == 60 && scene == "compare" {
					if d.sceneDrawn() || !strings.Contains(screen(m), "Diagram (z shows it)") {
						t.Fatalf("compare does not fit beside readable text at a presenter's 60x16:\n%s", screen(m))
					}
					m = press(t, m, "z")
					d = m.dims()
				}
				if !d.sceneDrawn() || !strings.Contains(screen(m), "DNA") {
					t.Fatalf("the diagram is not drawn:\n%s", screen(m))
				}
				if d.scene == sceneBeside && !d.zoom && d.textW < besideMinText(views.SceneCompact) {
					t.Errorf("the text beside the diagram is %d columns", d.textW)
				}
				// At 60 columns the disclaimer and date leave no room for
				// the stage: it gives way to them (the caption under the
				// diagram says what its stage shows).
				bottom := helpAndStatus(m)
				if sz.w > 60 && !strings.Contains(bottom, "stage ") {
					t.Errorf("nothing says which stage the diagram shows:\n%s", screen(m))
				}
				if !strings.Contains(bottom, "not medical advice · checked ") {
					t.Errorf("the disclaimer and date gave way:\n%s", screen(m))
				}
			})
		}
	}
}

// helpAndStatus is the bottom of the screen: the status line and, outside
// presenter mode, the help bar.
func helpAndStatus(m Model) string {
	lines := strings.Split(screen(m), "\n")
	return strings.Join(lines[len(lines)-2:], "\n")
}

// TestHelpOffersOnlyWhatWorks: where the window is too small to draw the
// scene, the help bar offers z to show it and none of the keys that would
// move a picture nobody sees; those keys do nothing there. Once z shows
// the scene they are offered and work.
func TestHelpOffersOnlyWhatWorks(t *testing.T) {
	m := press(t, sized(t, 60, 14), ":", sceneStep(t, "nucleus"), "enter")
	if m.dims().sceneDrawn() {
		t.Fatal("60x14 was expected to be too small for the scene beside its text")
	}
	bar := helpLine(m)
	if !strings.Contains(bar, "z show diagram") {
		t.Errorf("the help bar does not offer z: %q", bar)
	}
	for _, k := range []string{"p pause", "p play", "r replay", ",/. stage"} {
		if strings.Contains(bar, k) {
			t.Errorf("the help bar offers %q with no diagram drawn: %q", k, bar)
		}
	}
	before := m.anim
	if m = press(t, m, "p", ".", ">", "r"); m.anim.frame != before.frame || m.anim.playing != before.playing {
		t.Errorf("scene keys moved a scene that is not drawn: %+v -> %+v", before, m.anim)
	}
	m = press(t, m, "z")
	bar = helpLine(m)
	// 60 columns hold the bar's first keys and "? all keys"; the
	// scene's own keys are on the "?" screen.
	if !strings.Contains(bar, "z back to text") || !m.keys.Pause.Enabled() || !strings.HasSuffix(bar, "? all keys") {
		t.Errorf("zoomed, the help bar does not offer z, or p is off: %q", bar)
	}
	if n, of := m.stage(m.dims()); n != 1 || of == 0 || !m.keys.StageOn.Enabled() {
		t.Errorf("zoomed, the stage keys are not on: stage %d of %d", n, of)
	}
	if strings.Contains(bar, "scroll") {
		t.Errorf("zoomed, the help bar offers to scroll text that is not shown: %q", bar)
	}
	if m = press(t, m, "."); m.anim.frame == before.frame {
		t.Error(". did nothing on the zoomed scene")
	}
}

// TestZoomFillsTheWindow: z shows the scene alone between the header and
// the status line, exactly as views.SceneZoom draws it at that size; z or
// esc puts the text back where it was; a new step opens on its text; a
// step without a scene has no z.
func TestZoomFillsTheWindow(t *testing.T) {
	for _, sz := range [][2]int{{40, 12}, {60, 16}, {80, 24}, {120, 40}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := press(t, sized(t, sz[0], sz[1]), ":", sceneStep(t, "compare"), "enter", "j", "j", "z")
			assertFits(t, m)
			d := m.dims()
			if !d.zoom {
				t.Fatal("z did not zoom")
			}
			want := ansi.Strip(views.SceneZoom("compare", m.anim.frame, d.frameW, d.contentH, m.glyphs, *m.styles))
			lines := strings.Split(screen(m), "\n")[d.headerH : d.headerH+d.contentH]
			for i, ln := range lines {
				lines[i] = strings.TrimPrefix(ln, strings.Repeat(" ", d.margin))
			}
			got := strings.Join(lines, "\n")
			if stripRight(got) != stripRight(want) {
				t.Errorf("the content area is not the zoomed scene:\n%s\nwant:\n%s", got, want)
			}
			top := m.panes.text.Top()
			for _, k := range []string{"z", "esc"} {
				m = press(t, m, k)
				if m.dims().zoom || m.panes.text.Top() != top {
					t.Errorf("%s did not put the text back as it was (zoom %v, top %d, want %d)", k, m.dims().zoom, m.panes.text.Top(), top)
				}
				m = press(t, m, "z")
			}
			if m = press(t, m, "right"); m.panes.zoom {
				t.Error("the next step opened zoomed")
			}
			if m.current().Scene == "" && m.keys.Zoom.Enabled() {
				t.Error("z is offered on a step without a scene")
			}
		})
	}
}

func stripRight(s string) string {
	lines := strings.Split(s, "\n")
	for i, ln := range lines {
		lines[i] = strings.TrimRight(ln, " ")
	}
	return strings.Join(lines, "\n")
}

// TestHiddenSceneHoldsStill: a scene the window cannot draw does not tick
// (nothing moves, so nothing wakes the program); it plays from where it
// was once z, or a larger window, draws it.
func TestHiddenSceneHoldsStill(t *testing.T) {
	m := press(t, sized(t, 60, 14), ":", sceneStep(t, "binding"))
	next, cmd := m.Update(keyMsg("enter"))
	m = next.(Model)
	if cmd != nil && runBatch(cmd) > 0 {
		t.Fatal("a hidden scene scheduled a tick")
	}
	if m, _ = tick(t, m); m.anim.frame != 0 {
		t.Errorf("a hidden scene moved to frame %d", m.anim.frame)
	}
	next, cmd = m.Update(keyMsg("z"))
	m = next.(Model)
	if cmd == nil || !m.anim.playing {
		t.Fatal("z did not start the scene's clock")
	}
	if m, _ = tick(t, m); m.anim.frame != 1 {
		t.Errorf("the zoomed scene did not move: frame %d", m.anim.frame)
	}
	m = press(t, m, "esc") // hidden again
	if m, _ = tick(t, m); m.anim.frame != 1 {
		t.Errorf("the hidden scene moved on: frame %d", m.anim.frame)
	}
	next, cmd = m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m = next.(Model)
	if cmd == nil {
		t.Fatal("a larger window did not wake the scene")
	}
	if m, _ = tick(t, m); m.anim.frame != 2 {
		t.Errorf("the scene did not go on from where it was: frame %d", m.anim.frame)
	}
	if _, cmd := m.Update(tea.WindowSizeMsg{Width: 121, Height: 40}); cmd != nil {
		if msg := runBatch(cmd); msg > 0 {
			t.Errorf("a resize started a second clock beside the running one (%d ticks)", msg)
		}
	}
}

// runBatch runs a (batched) command and counts the frame ticks it
// delivers; a tick's timer is waited for.
func runBatch(cmd tea.Cmd) int {
	n := 0
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			if c != nil {
				n += runBatch(c)
			}
		}
	case frameMsg:
		n++
	}
	return n
}
