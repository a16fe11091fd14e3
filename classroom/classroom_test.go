package classroom

import (
	"context"
	"fmt"
	"image/color"
	"strings"
	"testing"

	"jakstat/model"
)

func TestStudentSeesTheLessonAndNavigates(t *testing.T) {
	srv, addr := start(t, Config{})
	st := connect(t, addr, "ada", "")
	st.waitScreen(t, "JAK inhibitors for eczema")
	st.keys("ll")
	eventually(t, "step 3", func() bool { return steps(srv) == "[3]" })
	st.waitScreen(t, fmt.Sprintf("3/%d", len(lesson(t).Steps)))
}

func TestFollowersFollowThePresenter(t *testing.T) {
	srv, addr := start(t, Config{PresenterPass: "teach"})
	a := connect(t, addr, "a", "")
	connect(t, addr, "b", "")
	eventually(t, "two students", func() bool { return students(srv) == 2 })
	teacher := connect(t, addr, "presenter", "teach")
	teacher.waitScreen(t, "0:0")
	teacher.keys("5G")
	eventually(t, "everyone at step 5", func() bool { return steps(srv) == "[5 5]" && teacherAt(srv) == 5 })
	a.waitFollowing(t, 5)
	teacher.waitScreen(t, "2/2 following")
}

func TestBreakAwayAndSnapBack(t *testing.T) {
	srv, addr := start(t, Config{PresenterPass: "teach"})
	teacher := connect(t, addr, "teacher", "teach")
	st := connect(t, addr, "s", "")
	eventually(t, "a student", func() bool { return students(srv) == 1 })
	last := len(lesson(t).Steps)
	at := sectionRun(t, 2) // "l" from here moves on rather than opening questions
	teacher.keys(fmt.Sprintf("%dG", at))
	eventually(t, "the student follows", func() bool { return steps(srv) == fmt.Sprint([]int{at}) })
	st.keys("G") // the student explores: breaks away
	eventually(t, "the student at the end", func() bool { return steps(srv) == fmt.Sprint([]int{last}) })
	teacher.keys("l")
	eventually(t, "the teacher moves on alone", func() bool { return teacherAt(srv) == at+1 && steps(srv) == fmt.Sprint([]int{last}) })
	st.waitScreen(t, fmt.Sprintf("teacher: step %d · F: follow", at+1))
	teacher.waitScreen(t, "0/1 following")
	st.keys("F")
	eventually(t, "the student snaps back", func() bool { return steps(srv) == fmt.Sprint([]int{at + 1}) })
}

func TestPresenterLeavingKeepsStudentsPlace(t *testing.T) {
	srv, addr := start(t, Config{PresenterPass: "teach"})
	teacher := connect(t, addr, "teacher", "teach")
	st := connect(t, addr, "s", "")
	teacher.keys("6G")
	eventually(t, "following", func() bool { return steps(srv) == "[6]" })
	teacher.close()
	st.waitScreen(t, "no teacher connected")
	st.keys("l")
	eventually(t, "the student carries on", func() bool { return steps(srv) == "[7]" })
}

// TestPresenterComesBackWhereTheRoomIs: the room, not the presenter's
// session, holds the place; a teacher who reconnects resumes there, the
// clock goes on, and the first key moves on from there.
func TestPresenterComesBackWhereTheRoomIs(t *testing.T) {
	srv, addr := start(t, Config{PresenterPass: "teach"})
	total := len(lesson(t).Steps)
	at := sectionRun(t, 3)
	teacher := connect(t, addr, "presenter", "teach")
	st := connect(t, addr, "s", "")
	teacher.keys(fmt.Sprintf("%dG", at))
	eventually(t, "the room at the step", func() bool { return steps(srv) == fmt.Sprint([]int{at}) })
	started := srv.room.started
	teacher.close()
	st.waitScreen(t, "no teacher connected")
	st.waitScreen(t, fmt.Sprintf("%d/%d", at, total))

	again := connect(t, addr, "presenter", "teach")
	again.waitScreen(t, fmt.Sprintf("%d/%d", at, total))
	st.waitFollowing(t, at)
	if srv.room.started != started {
		t.Error("the presentation's clock started again")
	}
	again.keys("l")
	eventually(t, "the first key moves on from the room's place", func() bool {
		return teacherAt(srv) == at+1 && steps(srv) == fmt.Sprint([]int{at + 1})
	})
}

// TestRestartComesBackToThePlace: the room's place is kept in its Store,
// and a server started again for the same lesson begins there.
func TestRestartComesBackToThePlace(t *testing.T) {
	store := &memStore{}
	srv, addr, stop := serveFor(t, Config{PresenterPass: "teach", Store: store})
	teacher := connect(t, addr, "presenter", "teach")
	teacher.keys("9G")
	eventually(t, "the teacher at step 9", func() bool { return teacherAt(srv) == 9 })
	stop()
	if !strings.Contains(store.String(), `"step":8`) {
		t.Fatalf("the place was not kept: %s", store)
	}

	srv2, addr2 := start(t, Config{PresenterPass: "teach", Store: store})
	if teacherAt(srv2) != 9 {
		t.Fatalf("the restarted room is at step %d", teacherAt(srv2))
	}
	st := connect(t, addr2, "s", "")
	st.waitScreen(t, fmt.Sprintf("9/%d", len(lesson(t).Steps)))
	back := connect(t, addr2, "presenter", "teach")
	back.waitScreen(t, fmt.Sprintf("9/%d", len(lesson(t).Steps)))
	st.waitFollowing(t, 9)
	srv2.Shutdown(context.Background())

	// A room nobody can present in has no teacher's place: a student
	// starts at the beginning, and the kept place waits for a room with a
	// presenter.
	srv3, addr3 := start(t, Config{Store: store})
	if teacherAt(srv3) != 1 {
		t.Errorf("a room with no presenter starts at step %d", teacherAt(srv3))
	}
	alone := connect(t, addr3, "s", "")
	alone.waitScreen(t, fmt.Sprintf("1/%d", len(lesson(t).Steps)))
	if !strings.Contains(store.String(), `"step":8`) {
		t.Errorf("the kept place was lost: %s", store)
	}
}

func TestStudentFollowsIntoTheExplorerAndDetails(t *testing.T) {
	srv, addr := start(t, Config{PresenterPass: "teach"})
	teacher := connect(t, addr, "presenter", "teach")
	st := connect(t, addr, "s", "")
	eventually(t, "a student", func() bool { return students(srv) == 1 })
	teacher.keys("t")
	st.waitScreen(t, "Drugs")
	teacher.keys("\x1b") // esc: back to the lesson
	eventually(t, "the teacher back on the step", func() bool { return srv.room.View().Screen == model.ScreenLesson })
	teacher.keys("b")
	// Blank but for one quiet line saying why.
	eventually(t, "the student's screen blank", func() bool {
		return strings.TrimSpace(st.screen()) == "The teacher has paused the screen · esc: show the lesson"
	})
	teacher.keys("b")
	st.waitScreen(t, "following the teacher")
	st.keys("d")
	st.waitScreen(t, "Glossary")
	st.keys("\x1b")
	st.waitScreen(t, "following the teacher")
	if students(srv) != 1 || srv.room.Status().Following != 1 {
		t.Error("the glossary broke the student away")
	}
}

func TestNotesConsoleOverSSH(t *testing.T) {
	srv, addr := start(t, Config{PresenterPass: "teach"})
	notes := connect(t, addr, "notes", "teach")
	notes.waitScreen(t, "Speaker notes")
	notes.waitScreen(t, "no presenter in the room yet")
	connect(t, addr, "s", "")
	teacher := connect(t, addr, "presenter", "teach")
	teacher.keys("4G")
	notes.waitScreen(t, fmt.Sprintf("step 4/%d", len(lesson(t).Steps)))
	notes.waitScreen(t, "1 in the room · 1 following")
	notes.waitScreen(t, "following the presenter")
	teacher.keys("b")
	notes.waitScreen(t, "the screen is blanked")
	teacher.keys("b")
	eventually(t, "the console told the screen is back", func() bool { return !strings.Contains(notes.screen(), "blanked") })
	if students(srv) != 1 {
		t.Error("the console counts as a student")
	}
}

func TestShutdownClosesEverySession(t *testing.T) {
	srv, addr, stop := serveFor(t, Config{})
	var terms []*term
	for i := range 3 {
		terms = append(terms, connect(t, addr, fmt.Sprint(i), ""))
	}
	eventually(t, "three sessions", func() bool { return students(srv) == 3 })
	for _, tm := range terms {
		tm.waitScreen(t, "JAK inhibitors")
	}
	stop()
	for i, tm := range terms {
		if code := tm.ended(t); code != 0 {
			t.Errorf("session %d ended with status %d", i, code)
		}
		<-tm.done
		out := tm.raw.String()
		if !strings.Contains(out, "The classroom is closing") {
			t.Errorf("session %d got no goodbye", i)
		}
		if last := strings.LastIndex(out, "\x1b[?1049l"); last < 0 || !strings.Contains(out[last:], "goodbye") {
			t.Errorf("session %d: the terminal was not given back before the goodbye", i)
		}
	}
}

// TestLessonTakesTheClientsBackground: a teacher whose terminal (or
// projector profile) is light gets the light theme, as they would running
// the lesson locally; a dark one stays dark.
func TestLessonTakesTheClientsBackground(t *testing.T) {
	_, addr := start(t, Config{})
	textColour := func(bg color.Color) color.Color {
		t.Helper()
		c, err := dial(addr, "ada", "")
		if err != nil {
			t.Fatal(err)
		}
		tm, err := openTermOn(c, 80, 24, bg)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(tm.close)
		tm.waitScreen(t, "Welcome")
		var fg color.Color
		eventually(t, "the theme settles", func() bool {
			tm.mu.Lock()
			defer tm.mu.Unlock()
			for x := range 80 {
				for y := range 24 {
					if c := tm.emu.CellAt(x, y); c != nil && c.Content == "W" && tm.emu.CellAt(x+1, y).Content == "e" {
						fg = c.Style.Fg
						return fg != nil && luminance(fg) < 0.5 == (luminance(bg) > 0.5)
					}
				}
			}
			return false
		})
		return fg
	}
	light, dark := textColour(color.White), textColour(color.Black)
	if luminance(light) >= 0.5 || luminance(dark) <= 0.5 {
		t.Errorf("heading colour on white %v, on black %v: want dark text on light and light on dark", light, dark)
	}
}

// luminance is c's brightness from 0 (black) to 1 (white).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xffff
}
