package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"jakstat/content"
	"jakstat/internal/fixture"
)

func presenter(t *testing.T, w, h int) Model {
	t.Helper()
	return presenting(t, shipped(t), w, h)
}

// presenting is a presenter's lesson of l, 1:23 into the presentation.
func presenting(t *testing.T, l *content.Lesson, w, h int) Model {
	t.Helper()
	m := New(l, Options{Theme: ThemeDark, Present: true, NoQuiz: true})
	start := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	return send(t, m, tea.WindowSizeMsg{Width: w, Height: h}, PositionMsg{Step: -1, Started: start},
		clockMsg{at: start.Add(83 * time.Second), gen: m.present.clockGen})
}

func TestPresenterScreen(t *testing.T) {
	m := presenting(t, fixture.Lesson(t), 60, 16)
	s := screen(m)
	lines := strings.Split(s, "\n")
	if !strings.Contains(lines[0], "1:23 · 1/7") {
		t.Errorf("the clock and step should head the screen: %q", lines[0])
	}
	if strings.Contains(s, "q quit") {
		t.Errorf("presenter mode shows no help bar:\n%s", s)
	}
	if strings.HasPrefix(lines[0], "JAK") {
		t.Error("presenter mode should keep side margins")
	}
	assertFits(t, m)
	golden.RequireEqual(t, []byte(s))
}

func TestPresenterClock(t *testing.T) {
	m := presenter(t, 80, 24)
	start := m.present.startedAt
	next, cmd := m.Update(clockMsg{at: start.Add(time.Hour + 2*time.Second), gen: m.present.clockGen})
	m = next.(Model)
	if !strings.Contains(screen(m), "1:00:02") || cmd == nil {
		t.Errorf("the clock did not move on or stopped ticking:\n%s", screen(m))
	}
	next, cmd = m.Update(clockMsg{at: start.Add(5 * time.Hour), gen: m.present.clockGen - 1})
	if strings.Contains(screen(next.(Model)), "5:00:00") || cmd != nil {
		t.Error("a stale clock tick was used")
	}
	if New(shipped(t), Options{}).clockCmd() != nil {
		t.Error("a learner's lesson should not tick a clock")
	}
}

func TestBlankScreen(t *testing.T) {
	m := presenter(t, 80, 24)
	m = press(t, m, "b")
	if strings.TrimSpace(m.Render()) != "" {
		t.Fatal("b did not blank the screen: a projector shows nothing, not even a hint")
	}
	m = press(t, m, "right", "G")
	if m.Step() != 0 {
		t.Error("keys moved the lesson behind a blank screen")
	}
	m = press(t, m, "b")
	if !strings.Contains(screen(m), fmt.Sprintf("1/%d", len(shipped(t).Steps))) {
		t.Error("b again did not bring the lesson back")
	}
	assertFits(t, m)
}

func TestNumberThenEnterJumps(t *testing.T) {
	m := press(t, presenter(t, 80, 24), "1", "2", "enter")
	if m.Step() != 11 {
		t.Errorf("12 enter: step %d", m.Step()+1)
	}
}

func TestPresenterQuizRevealsOnRequest(t *testing.T) {
	l := shipped(t)
	m := New(l, Options{Theme: ThemeDark, Present: true})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = gotoStep(t, m, lastOfSection(t, "Safety"))
	m = press(t, m, "right")
	if !onQuestion(m) {
		t.Fatal("no question")
	}
	q := l.Questions[question(t, m)]
	m = press(t, m, "2")
	if m.quiz.Position().Answered || strings.Contains(screen(m), "Right.") || strings.Contains(screen(m), "Not quite") {
		t.Fatal("a presenter's question showed its answer before it was revealed")
	}
	m = press(t, m, "a")
	if !m.quiz.Position().Answered || !strings.Contains(screen(m), q.Explain[:20]) {
		t.Errorf("a did not reveal the answer:\n%s", screen(m))
	}
	if len(m.answers) != 0 {
		t.Error("a class's answers were recorded as a learner's")
	}
}

func TestNotesViewFollows(t *testing.T) {
	l := fixture.Lesson(t)
	m := send(t, New(l, Options{Theme: ThemeDark, Notes: true}), tea.WindowSizeMsg{Width: 80, Height: 24})
	if s := screen(m); !strings.Contains(s, "waiting for the presenter") {
		t.Errorf("a notes view with no presenter should say it is waiting:\n%s", s)
	}
	start := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	m = send(t, m, PositionMsg{Step: 4, Started: start}, clockMsg{at: start.Add(5 * time.Minute), gen: m.present.clockGen})
	s := screen(m)
	firstNote := strings.SplitN(strings.TrimSpace(l.Steps[4].Notes), " ", 4)
	for _, want := range []string{fmt.Sprintf("step 5/%d", len(l.Steps)), "5:00", l.Steps[4].Title, "Next: " + l.Steps[5].Title, "following the presenter", strings.Join(firstNote[:3], " ")} {
		if !strings.Contains(s, want) {
			t.Errorf("notes view lacks %q:\n%s", want, s)
		}
	}
	// The presenter blanks the screen, and brings it back.
	if s := screen(send(t, m, PositionMsg{Step: 4, Started: start, Blank: true})); !strings.Contains(s, "the screen is blanked") {
		t.Errorf("the notes do not say the screen is blanked:\n%s", s)
	}
	if m = send(t, m, PositionMsg{Step: 4, Started: start, Blank: true}, PositionMsg{Step: 4, Started: start}); strings.Contains(screen(m), "blanked") {
		t.Errorf("the notes still say the screen is blanked:\n%s", screen(m))
	}
	m = send(t, m, LinkMsg{Connected: false})
	if !strings.Contains(screen(m), "waiting for the presenter") {
		t.Error("a lost presenter is not shown")
	}
	m = press(t, m, "right")
	if m.Step() != 4 {
		t.Error("the notes view moved on its own")
	}
	golden.RequireEqual(t, []byte(screen(send(t, m, LinkMsg{Connected: true}))))
	assertFits(t, m)
}

func TestFollowingTheTeachersStepAndFrame(t *testing.T) {
	l := shipped(t)
	m := send(t, New(l, Options{Theme: ThemeDark, Follow: true}), tea.WindowSizeMsg{Width: 100, Height: 30})
	blocked := l.StepIndex("how-jak-inhibitors-work")
	m = send(t, m, FollowMsg{View: ViewPosition{Step: blocked, Frame: 12, Playing: false}, Teacher: true})
	if m.Step() != blocked || m.anim.frame != 12 || m.anim.playing {
		t.Fatalf("follower at step %d frame %d playing %v", m.Step()+1, m.anim.frame, m.anim.playing)
	}
	if !strings.Contains(screen(m), "following the teacher") {
		t.Error("the status line does not say the student is following")
	}
	m = press(t, m, "right") // the student breaks away
	m = send(t, m, FollowMsg{View: ViewPosition{Step: 2}, Teacher: true})
	if m.Step() != blocked+1 || !strings.Contains(screen(m), "teacher at step 3 · F: follow") {
		t.Errorf("a student exploring should stay put and see where the teacher is:\n%s", screen(m))
	}
	m = press(t, m, "F")
	if m.Step() != 2 {
		t.Errorf("F should snap back to the teacher's step 3, at %d", m.Step()+1)
	}
	m = send(t, m, FollowMsg{View: ViewPosition{Step: 2}, Teacher: false})
	if !strings.Contains(screen(m), "no teacher connected") {
		t.Error("a student should be told the teacher has gone")
	}
}

// BenchmarkFollow is a classroom student's lesson following the teacher to
// a step it has shown before: the cost each of a room's followers pays.
func BenchmarkFollow(b *testing.B) {
	m := send(b, New(shipped(b), Options{Theme: ThemeDark, Follow: true}), tea.WindowSizeMsg{Width: 80, Height: 24})
	steps := []int{13, 7}
	for _, s := range steps {
		m = send(b, m, FollowMsg{View: ViewPosition{Step: s}, Teacher: true})
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		next, _ := m.Update(FollowMsg{View: ViewPosition{Step: steps[i%2]}, Teacher: true})
		m = next.(Model)
		m.View()
	}
}

// TestNotesViewScrollsAndSaysItsKeys: the notes view has a help bar with
// its keys; notes longer than the window scroll (keys, pages, the wheel),
// saying what is out of sight, and start at the top on the next step; "?"
// is neither offered nor needed.
func TestNotesViewScrollsAndSaysItsKeys(t *testing.T) {
	l := *fixture.Lesson(t)
	l.Steps = slices.Clone(l.Steps)
	var long []string
	for i := range 40 {
		long = append(long, fmt.Sprintf("Point %d of the talk.", i+1))
	}
	l.Steps[1].Notes = strings.Join(long, "\n\n")
	m := send(t, New(&l, Options{Theme: ThemeDark, Notes: true}), tea.WindowSizeMsg{Width: 60, Height: 16}, PositionMsg{Step: 1})
	if bar := helpLine(m); bar != "↑/↓ scroll the notes • pgup/pgdn page • q quit" {
		t.Errorf("the help bar is %q", bar)
	}
	if s := screen(m); !strings.Contains(s, "Point 1 of") || !strings.Contains(s, "more below") || !strings.Contains(s, "Next: ") {
		t.Errorf("long notes should start at the top and say there is more:\n%s", s)
	}
	m = press(t, m, "j", "j")
	if s := screen(m); strings.Contains(s, "Point 1 of") || !strings.Contains(s, "Point 2 of") || !strings.Contains(s, "▲ 2 above") {
		t.Errorf("j should scroll the notes a line:\n%s", s)
	}
	m = press(t, m, "pgdown", "pgdown", "pgdown", "pgdown", "pgdown", "pgdown", "pgdown", "pgdown", "pgdown", "pgdown")
	if s := screen(m); !strings.Contains(s, "Point 40 of") || strings.Contains(s, "more below") {
		t.Errorf("pages should reach the end of the notes, and stop there:\n%s", s)
	}
	assertFits(t, m)
	golden.RequireEqual(t, []byte(screen(m)))
	m = send(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if s := screen(m); !strings.Contains(s, "more below") {
		t.Errorf("the wheel should scroll the notes back:\n%s", s)
	}
	if m = press(t, m, "?"); strings.Contains(helpLine(m), "?") || strings.Contains(screen(m), "All keys") {
		t.Errorf("? is offered, or opened something: %q", helpLine(m))
	}
	m = send(t, m, PositionMsg{Step: 2}, PositionMsg{Step: 1})
	if s := screen(m); !strings.Contains(s, "Point 1 of") {
		t.Errorf("another step's notes should start at the top:\n%s", s)
	}
	if m = send(t, m, PositionMsg{Step: 0}); helpLine(m) != "q quit" {
		t.Errorf("short notes offer scrolling: %q", helpLine(m))
	}
	if _, cmd := m.Update(keyMsg("q")); cmd == nil {
		t.Error("q did not quit the notes view")
	}
}
