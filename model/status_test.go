package model

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"jakstat/internal/fixture"
	"jakstat/model/internal/ui"
	"jakstat/model/live"
	"jakstat/views"
)

// statusBlock is the status line, one line or two: above the help bar, or
// the last lines in presenter mode.
func statusBlock(m Model) string {
	lines := strings.Split(screen(m), "\n")
	h := views.StatusHeight(m.lesson.Meta, m.dims().frameW, m.classroom())
	if m.screen == screenExplorer {
		h = views.StatusHeight(m.lesson.Meta, min(m.width, ui.MaxFrameWidth), false)
	}
	end := len(lines) - 1
	switch {
	case m.screen == screenExplorer:
		end -= m.problemsHeight() // the explorer's problems go under it
	case m.opts.Present:
		end = len(lines)
	}
	return strings.Join(lines[end-h:end], "\n")
}

// bareDate is a date the words before it do not explain.
var bareDate = regexp.MustCompile(`(^|[^d]) \d{4}-\d{2}-\d{2}`)

// assertDisclaimed checks what every screen of the lesson must say: that
// it is education, not medical advice, and the date its facts were
// checked, in words ("checked 2026-11-26", never a bare date); and on a
// classroom's step, its note (where the teacher is, or who is in the room).
// A window too small for the lesson, a blanked screen, the notes view and
// a notice (until the next key) are the exceptions.
func assertDisclaimed(t *testing.T, m Model) {
	t.Helper()
	if m.lesson == nil || m.width <= 0 || m.height <= 0 || m.tooSmall() || m.present.blank || m.opts.Notes || m.notice != "" {
		return
	}
	s, st := screen(m), statusBlock(m)
	meta := m.lesson.Meta
	if !strings.Contains(st, meta.ShortDisclaimer) || !strings.Contains(st, "checked "+meta.Checked) || bareDate.MatchString(st) {
		t.Fatalf("%dx%d: the disclaimer or the date the facts were checked is missing:\n%s", m.width, m.height, s)
	}
	if m.screen == screenExplorer {
		return
	}
	covered := m.screen != screenLesson || m.panes.overlay != overlayNone
	if n, ok := m.roomNote(covered); ok {
		shown := false
		for _, form := range []string{n.Long, n.Short, n.Tiny} {
			shown = shown || form != "" && strings.Contains(st, form)
		}
		if !shown {
			t.Fatalf("%dx%d: the classroom's note (%q) is missing:\n%s", m.width, m.height, n.Long, s)
		}
	}
}

// TestStatusKeepsTheDisclaimerDateAndRoom: at every size a student and a
// teacher use, the status line keeps the disclaimer and the date the facts
// were checked (in the same words), and beside them the classroom's note:
// a student's state, the teacher's room; the scroll marks and a diagram's
// stage give way first.
func TestStatusKeepsTheDisclaimerDateAndRoom(t *testing.T) {
	l := shipped(t)
	q := 0
	status := live.StatusMsg{Status: live.Status{Teacher: true, Students: 1, Following: 1}}
	roles := []struct {
		name string
		make func(w, h int) Model
		want string // a form of the note the status line must show
	}{
		{"following", func(w, h int) Model { return studentIn(t, l, &fakeRoom{}, w, h) }, "following"},
		{"exploring", func(w, h int) Model { return press(t, studentIn(t, l, &fakeRoom{}, w, h), "l", "l") }, "F: follow"},
		{"alone", func(w, h int) Model {
			return send(t, studentIn(t, l, &fakeRoom{}, w, h), FollowMsg{Teacher: false})
		}, "no teacher"},
		{"asked", func(w, h int) Model {
			return send(t, press(t, studentIn(t, l, &fakeRoom{}, w, h), "l"), checkOf(l, q, 1, 1))
		}, "a: answer"},
		{"teacher", func(w, h int) Model { return send(t, teacherIn(t, l, &fakeRoom{}, w, h), status) }, " following"},
		{"teacher on a diagram", func(w, h int) Model {
			return send(t, press(t, teacherIn(t, l, &fakeRoom{}, w, h), ":", sceneStep(t, "nucleus"), "enter"), status)
		}, " following"},
		{"learner on a diagram", func(w, h int) Model {
			return press(t, sized(t, w, h), ":", sceneStep(t, "nucleus"), "enter")
		}, ""},
	}
	for _, r := range roles {
		for _, sz := range [][2]int{{40, 12}, {41, 12}, {50, 14}, {60, 16}, {72, 20}, {80, 24}, {120, 40}, {160, 30}} {
			t.Run(fmt.Sprintf("%s-%dx%d", r.name, sz[0], sz[1]), func(t *testing.T) {
				m := r.make(sz[0], sz[1])
				assertFits(t, m)
				assertDisclaimed(t, m)
				st := statusBlock(m)
				if !strings.Contains(st, "Education, not medical advice") || !strings.Contains(st, "checked "+l.Meta.Checked) {
					t.Errorf("the status line lost the disclaimer or the date:\n%s", st)
				}
				if !strings.Contains(st, r.want) {
					t.Errorf("the status line lost %q:\n%s", r.want, st)
				}
			})
		}
	}
}

// TestStatusShrinksTheScrollMarkFirst: where the disclaimer and date leave
// little room, the scroll mark shrinks to its arrow rather than pushing
// them out.
func TestStatusShrinksTheScrollMarkFirst(t *testing.T) {
	for _, w := range []int{40, 41, 45, 49} {
		m := press(t, sized(t, w, 12), "2", "G")
		st := statusBlock(m)
		if m.panes.text.Below() == 0 || !strings.Contains(st, "▼") || !strings.Contains(st, "checked ") {
			t.Errorf("%d columns: the status line should keep the date and a scroll mark:\n%s", w, st)
		}
	}
}

// TestGoldenClassroomStatus keeps the bottom of a student's and a
// teacher's screens at the sizes they use: the room's note beside the
// disclaimer and date, on two lines where one cannot hold them.
func TestGoldenClassroomStatus(t *testing.T) {
	l := fixture.Lesson(t)
	status := live.StatusMsg{Status: live.Status{Teacher: true, Students: 23, Following: 20, Exploring: []int{1, 4, 4}}}
	for _, sz := range [][2]int{{40, 12}, {60, 16}, {80, 24}, {160, 30}} {
		w, h := sz[0], sz[1]
		shots := map[string]Model{
			"student":   send(t, studentIn(t, l, &fakeRoom{}, w, h), FollowMsg{View: ViewPosition{Step: 2}, Teacher: true}),
			"exploring": press(t, send(t, studentIn(t, l, &fakeRoom{}, w, h), FollowMsg{View: ViewPosition{Step: 1}, Teacher: true}), "l"),
			"teacher":   send(t, press(t, teacherIn(t, l, &fakeRoom{}, w, h), "2", "G"), status),
		}
		for name, m := range shots {
			t.Run(fmt.Sprintf("%s-%dx%d", name, w, h), func(t *testing.T) {
				assertFits(t, m)
				assertDisclaimed(t, m)
				golden.RequireEqual(t, []byte(screen(m)))
			})
		}
	}
}

// TestExplorerStatusFitsNarrowWindows: the explorer's status line takes a
// second line where the window is too narrow for the disclaimer and date
// side by side, and its table gives up the line.
func TestExplorerStatusFitsNarrowWindows(t *testing.T) {
	for _, w := range []int{40, 48, 60, 80} {
		m := press(t, sized(t, w, 14), "t")
		assertFits(t, m)
		assertDisclaimed(t, m)
		if got := len(strings.Split(screen(m), "\n")); got != 14 {
			t.Errorf("%d columns: the explorer draws %d lines in 14", w, got)
		}
	}
}
