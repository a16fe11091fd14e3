package model

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"jakstat/content"
	"jakstat/internal/fixture"
	"jakstat/model/explorer"
	"jakstat/model/live"
)

// fakeRoom records what lessons tell their room.
type fakeRoom struct {
	views   []ViewPosition
	seats   []Seat
	answers []live.AnswerMsg
}

func (r *fakeRoom) Presented(v ViewPosition)  { r.views = append(r.views, v) }
func (r *fakeRoom) Seated(s Seat)             { r.seats = append(r.seats, s) }
func (r *fakeRoom) Answered(a live.AnswerMsg) { r.answers = append(r.answers, a) }

func (r *fakeRoom) last() ViewPosition { return r.views[len(r.views)-1] }

// teacherIn is a teacher's lesson of l in room, at w x h.
func teacherIn(t testing.TB, l *content.Lesson, room Room, w, h int) Model {
	t.Helper()
	return send(t, New(l, Options{Theme: ThemeDark, Present: true, Room: room}), tea.WindowSizeMsg{Width: w, Height: h})
}

// studentIn is a student's lesson of l in room, following a teacher at step 1.
func studentIn(t testing.TB, l *content.Lesson, room Room, w, h int) Model {
	t.Helper()
	m := New(l, Options{Theme: ThemeDark, Follow: true, Room: room})
	return send(t, m, tea.WindowSizeMsg{Width: w, Height: h}, FollowMsg{View: ViewPosition{}, Teacher: true})
}

// questionOf returns the index of l's first question of kind.
func questionOf(t testing.TB, l *content.Lesson, kind string) int {
	t.Helper()
	i := slices.IndexFunc(l.Questions, func(q content.Question) bool { return q.Kind == kind })
	if i < 0 {
		t.Fatalf("no %s question", kind)
	}
	return i
}

// checkOf is the room's news of an open check of question q.
func checkOf(l *content.Lesson, q int, seq, vote int) live.CheckMsg {
	return live.CheckMsg{Check: live.Check{Seq: seq, Question: l.Questions[q].ID, Vote: vote, Students: 23}}
}

func TestTeacherTellsTheRoomItsWholeView(t *testing.T) {
	l := fixture.Lesson(t)
	room := &fakeRoom{}
	m := teacherIn(t, l, room, 120, 40)
	if len(room.views) != 1 || room.last().Step != 0 {
		t.Fatalf("the first frame should tell the room where the teacher is: %+v", room.views)
	}
	scene := slices.IndexFunc(l.Steps, func(s content.Step) bool { return s.Scene != "" })
	table := slices.IndexFunc(l.Steps, func(s content.Step) bool { return s.Table != "" })
	steps := []struct {
		name string
		keys []string
		want func(ViewPosition) bool
	}{
		{"a move", []string{fmt.Sprint(scene + 1), "G"}, func(p ViewPosition) bool { return p.Step == scene && p.Playing }},
		{"a pause", []string{"p"}, func(p ViewPosition) bool { return p.Step == scene && !p.Playing }},
		{"a frame on", []string{"."}, func(p ViewPosition) bool { return !p.Playing && p.Frame >= 0 }},
		{"the table focused", []string{fmt.Sprint(table + 1), "G", "tab", "down"}, func(p ViewPosition) bool { return p.Table && p.Row == 1 }},
		{"its details", []string{"enter"}, func(p ViewPosition) bool { return p.Screen == ScreenDetails }},
		{"the explorer", []string{"esc", "t"}, func(p ViewPosition) bool { return p.Screen == ScreenExplorer && p.Explorer != nil }},
		{"blanked", []string{"esc", "b"}, func(p ViewPosition) bool { return p.Blank }},
	}
	for _, st := range steps {
		n := len(room.views)
		m = press(t, m, st.keys...)
		if len(room.views) == n || !st.want(room.last()) {
			t.Errorf("%s: the room was told %+v (%d views)", st.name, room.last(), len(room.views)-n)
		}
	}
	n := len(room.views)
	m = send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	if len(room.views) != n {
		t.Errorf("a resize is not news for the room: %+v", room.last())
	}
}

func TestTeacherPlayingSceneIsToldOnce(t *testing.T) {
	l := fixture.Lesson(t)
	room := &fakeRoom{}
	scene := slices.IndexFunc(l.Steps, func(s content.Step) bool { return s.Scene != "" })
	m := press(t, teacherIn(t, l, room, 120, 40), fmt.Sprint(scene+1), "G")
	n := len(room.views)
	for range 5 {
		m = send(t, m, frameMsg{step: m.nav.Step, gen: m.anim.gen})
	}
	if len(room.views) != n {
		t.Errorf("a playing scene's frames were sent to the room: %d views", len(room.views)-n)
	}
	m = press(t, m, "r")
	if len(room.views) != n+1 || room.last().Frame != 0 || !room.last().Playing {
		t.Errorf("replaying the scene should tell the room: %+v", room.last())
	}
}

func TestStudentFollowsTheWholeView(t *testing.T) {
	l := fixture.Lesson(t)
	room := &fakeRoom{}
	m := studentIn(t, l, room, 120, 40)
	table := slices.IndexFunc(l.Steps, func(s content.Step) bool { return s.Table != "" })
	views := []struct {
		name  string
		view  ViewPosition
		check func(Model) bool
	}{
		{"a step with its table row", ViewPosition{Step: table, Table: true, Row: 2}, func(m Model) bool {
			return m.Step() == table && m.panes.focus == focusTable && m.panes.row == 2
		}},
		{"the row's details", ViewPosition{Step: table, Table: true, Row: 1, Screen: ScreenDetails}, func(m Model) bool {
			return m.panes.overlay == overlayDetails && m.panes.row == 1
		}},
		{"a blank screen, saying why", ViewPosition{Step: table, Blank: true}, func(m Model) bool {
			return strings.TrimSpace(screen(m)) == "The teacher has paused the screen · esc: show the lesson"
		}},
		{"the teacher's help is the teacher's own", ViewPosition{Step: 1, Screen: ScreenHelp}, func(m Model) bool {
			return m.Step() == 1 && onStep(m)
		}},
		{"the teacher's question reaches students as a live check", ViewPosition{Step: 2, Screen: ScreenLive, Live: &live.Position{Questions: []string{l.Questions[0].ID}, Vote: 1}}, func(m Model) bool {
			return m.Step() == 2 && onStep(m)
		}},
	}
	for _, v := range views {
		m = send(t, m, FollowMsg{View: v.view, Teacher: true})
		if !v.check(m) {
			t.Errorf("%s: not shown:\n%s", v.name, screen(m))
		}
		if !m.class.following {
			t.Fatalf("%s: the student stopped following", v.name)
		}
		assertFits(t, m)
	}
}

func TestStudentLooksThingsUpWithoutBreakingAway(t *testing.T) {
	l := fixture.Lesson(t)
	for name, keys := range map[string][]string{
		"the glossary":         {"d", "esc"},
		"help":                 {"?", "esc"},
		"a search left":        {"/", "a", "esc"},
		"scrolling":            {"j", "j", "k"},
		"a blank brought back": {"esc"},
	} {
		room := &fakeRoom{}
		m := studentIn(t, l, room, 80, 24)
		m = send(t, m, FollowMsg{View: ViewPosition{Step: 1, Blank: name == "a blank brought back"}, Teacher: true})
		m = press(t, m, keys...)
		if !m.class.following || !strings.Contains(screen(m), "following the teacher") {
			t.Errorf("%s broke away:\n%s", name, screen(m))
		}
		if last := room.seats[len(room.seats)-1]; !last.Following || last.Step != 1 {
			t.Errorf("%s: the room was told %+v", name, last)
		}
	}
}

// TestStudentZoomsWithoutBreakingAway: seeing the teacher's diagram bigger
// (z) is the student's own, like scrolling.
func TestStudentZoomsWithoutBreakingAway(t *testing.T) {
	l := fixture.Lesson(t)
	room := &fakeRoom{}
	m := studentIn(t, l, room, 80, 24)
	m = send(t, m, FollowMsg{View: ViewPosition{Step: 2}, Teacher: true}) // the binding scene
	if m = press(t, m, "z"); !m.panes.zoom {
		t.Fatal("z did not zoom the diagram")
	}
	if !m.class.following {
		t.Errorf("zooming broke away:\n%s", screen(m))
	}
	if m = press(t, m, "z"); m.panes.zoom || !m.class.following {
		t.Errorf("zooming out broke away, or did not zoom out:\n%s", screen(m))
	}
	// The zoom stays while the teacher steps through the scene, and goes
	// when the teacher moves on or zooms themselves.
	m = press(t, m, "z")
	for _, v := range []ViewPosition{{Step: 2, Frame: 2}, {Step: 2, Frame: 3, Playing: true}, {Step: 2, Frame: 3, Screen: ScreenHelp}} {
		if m = send(t, m, FollowMsg{View: v, Teacher: true}); !m.panes.zoom || !m.class.following || m.anim.frame != v.Frame {
			t.Errorf("the teacher's %+v: zoom %v, following %v, frame %d", v, m.panes.zoom, m.class.following, m.anim.frame)
		}
	}
	if m = send(t, m, FollowMsg{View: ViewPosition{Step: 3}, Teacher: true}); m.panes.zoom {
		t.Error("the student's zoom outlived the teacher's move to another step")
	}
	m = send(t, press(t, send(t, m, FollowMsg{View: ViewPosition{Step: 2}, Teacher: true}), "z"), FollowMsg{View: ViewPosition{Step: 2, Zoom: true}, Teacher: true})
	if m = send(t, m, FollowMsg{View: ViewPosition{Step: 2}, Teacher: true}); m.panes.zoom {
		t.Error("the teacher's zooming out did not zoom the student out")
	}
}

func TestStudentsOwnScreenStaysOpenWhileFollowing(t *testing.T) {
	l := fixture.Lesson(t)
	m := press(t, studentIn(t, l, &fakeRoom{}, 80, 24), "d")
	m = send(t, m, FollowMsg{View: ViewPosition{Step: 3}, Teacher: true})
	if m.screen != screenGlossary || m.Step() != 3 {
		t.Fatalf("the glossary should stay open over the teacher's new step: screen %d step %d", m.screen, m.Step()+1)
	}
	m = press(t, m, "esc")
	if !onStep(m) || m.Step() != 3 || !m.class.following {
		t.Errorf("closing the glossary should show the teacher's step, still following:\n%s", screen(m))
	}
}

func TestStudentKeepsOwnScrollUntilTheTeacherMoves(t *testing.T) {
	l := fixture.Lesson(t)
	long := l.StepIndex("long-text")
	m := studentIn(t, l, &fakeRoom{}, 60, 16)
	m = send(t, m, FollowMsg{View: ViewPosition{Step: long}, Teacher: true})
	m = press(t, m, "j", "j", "j")
	m = send(t, m, FollowMsg{View: ViewPosition{Step: long, Frame: 3}, Teacher: true})
	if m.panes.text.Top() != 3 {
		t.Errorf("the student's own scroll was lost: top %d", m.panes.text.Top())
	}
	m = send(t, m, FollowMsg{View: ViewPosition{Step: long, Scroll: 1}, Teacher: true})
	if m.panes.text.Top() != 1 {
		t.Errorf("the teacher's scroll should win: top %d", m.panes.text.Top())
	}
}

func TestStudentBreaksAwayByMoving(t *testing.T) {
	l := fixture.Lesson(t)
	table := slices.IndexFunc(l.Steps, func(s content.Step) bool { return s.Table != "" })
	for name, keys := range map[string][]string{
		"next":             {"l"},
		"the explorer":     {"t"},
		"the table":        {"tab"},
		"a search gone to": {"/", "s", "t", "a", "n", "d", "enter"},
		"a glossary step":  {"d", "enter"},
		"the first step":   {"g"},
	} {
		room := &fakeRoom{}
		m := studentIn(t, l, room, 120, 40)
		m = send(t, m, FollowMsg{View: ViewPosition{Step: table}, Teacher: true})
		m = press(t, m, keys...)
		if m.class.following && m.Step() != table {
			t.Errorf("%s moved the student without breaking away", name)
		}
		if name != "a glossary step" && m.class.following {
			t.Errorf("%s did not break away:\n%s", name, screen(m))
		}
		if len(room.seats) == 0 || room.seats[len(room.seats)-1].Following != m.class.following {
			t.Errorf("%s: the room was not told", name)
		}
	}
}

func TestStudentBreaksAwayInTheExplorer(t *testing.T) {
	l := fixture.Lesson(t)
	for name, keys := range map[string][]string{
		"a row down":     {"j"},
		"the last row":   {"G"},
		"a sort":         {"s"},
		"a quick filter": {"o"},
		"a filter typed": {"/", "a"},
	} {
		room := &fakeRoom{}
		m := studentIn(t, l, room, 120, 40)
		q := content.NewQuery()
		m = send(t, m, FollowMsg{View: ViewPosition{Screen: ScreenExplorer, Explorer: &explorer.Position{Tab: "drugs", Query: q}}, Teacher: true})
		if m.screen != screenExplorer || !m.class.following {
			t.Fatalf("the teacher's explorer is not shown:\n%s", screen(m))
		}
		row, was := explorerRow(m), explorerQuery(m)
		m = press(t, m, keys...)
		if explorerRow(m) == row && reflect.DeepEqual(explorerQuery(m), was) {
			t.Fatalf("%s changed nothing: the test shows nothing", name)
		}
		if m.class.following {
			t.Errorf("%s moved the student's explorer (row %s, query %+v) without breaking away", name, explorerRow(m), explorerQuery(m))
		}
		if len(room.seats) == 0 || room.seats[len(room.seats)-1].Following {
			t.Errorf("%s: the room was not told the student left", name)
		}
	}
}

func TestFollowSnapsBackToTheTeachersScroll(t *testing.T) {
	l := fixture.Lesson(t)
	m := studentIn(t, l, &fakeRoom{}, 60, 16)
	m = send(t, m, FollowMsg{View: ViewPosition{Step: 1, Scroll: 2}, Teacher: true})
	m = press(t, m, "l")
	if m.class.following {
		t.Fatal("l did not break away")
	}
	m = press(t, m, "F")
	if !m.class.following || m.Step() != 1 || m.panes.text.Top() != min(2, m.panes.text.Above()+m.panes.text.Below()) {
		t.Errorf("F: step %d top %d following %v", m.Step()+1, m.panes.text.Top(), m.class.following)
	}
}

func TestTeacherRunsALiveCheck(t *testing.T) {
	l := fixture.Lesson(t)
	room := &fakeRoom{}
	last := l.StepIndex("compare") // the end of the section with two questions
	m := press(t, teacherIn(t, l, room, 80, 24), fmt.Sprint(last+1), "G", "l")
	first, second := l.QuestionIndex("what-a-signal-does"), l.QuestionIndex("jaks-sit-inside")
	if m.screen != screenLive || room.last().Screen != ScreenLive || room.last().Live.Question() != l.Questions[first].ID {
		t.Fatalf("leaving the section should ask the room its first question: %+v\n%s", room.last(), screen(m))
	}
	// Nobody has answered: there is nothing to discuss, so no second vote.
	m = send(t, m, live.CheckMsg{Check: live.Check{Seq: 1, Question: l.Questions[first].ID, Vote: 1, Students: 23}})
	if m = press(t, m, "R"); strings.Contains(screen(m), "R: vote again") || room.last().Live.Vote != 1 {
		t.Errorf("a second vote before any answer:\n%s", screen(m))
	}
	m = send(t, m, live.CheckMsg{Check: live.Check{Seq: 1, Question: l.Questions[first].ID, Vote: 1, Answered: 17, Students: 23}})
	s := screen(m)
	if !strings.Contains(s, "Answered 17 of 23") || strings.Contains(s, "■") || strings.Contains(s, l.Questions[first].Explain) {
		t.Errorf("the count should show, the spread and answer should not:\n%s", s)
	}
	if !strings.Contains(strings.Join(strings.Fields(s), " "), "R: vote again") {
		t.Errorf("with answers in, a second vote is not offered:\n%s", s)
	}
	m = press(t, m, "R")
	if p := room.last().Live; p.Vote != 2 || p.Revealed {
		t.Errorf("R should start a second, hidden vote: %+v", p)
	}
	if s := screen(m); !strings.Contains(s, "second vote") || strings.Contains(s, "R: vote again") {
		t.Errorf("the second vote is not shown, or offers a third:\n%s", s)
	}
	m = press(t, m, "a")
	if !room.last().Live.Revealed {
		t.Error("a did not tell the room to reveal")
	}
	spread := [][]live.Tally{{{Response: []int{0}, Count: 12}, {Response: []int{1}, Count: 5}}, {{Response: []int{0}, Count: 15}, {Response: []int{1}, Count: 2}}}
	m = send(t, m, live.CheckMsg{Check: live.Check{Seq: 1, Question: l.Questions[first].ID, Vote: 2, Revealed: true, Answered: 17, Students: 23, Spreads: spread}})
	if s := screen(m); !strings.Contains(s, "70%") || !strings.Contains(s, "88%") {
		t.Errorf("the reveal should show both votes' spreads:\n%s", s)
	}
	if s := screen(press(t, m, "pgdown")); !strings.Contains(s, "The messenger binds its receptor") || strings.Contains(s, "R: vote again") {
		t.Errorf("the reveal should explain, and offer no more votes:\n%s", s)
	}
	m = press(t, m, "enter")
	if p := room.last().Live; p.Question() != l.Questions[second].ID || p.Vote != 1 {
		t.Errorf("enter should ask the next question: %+v", p)
	}
	m = press(t, m, "enter")
	if m.screen != screenLesson || m.Step() != last+1 || room.last().Screen != ScreenLesson {
		t.Errorf("the last question's enter should go on to step %d: at %d, told %+v", last+2, m.Step()+1, room.last())
	}
	if len(m.answers) != 0 {
		t.Error("the room's check was kept as the teacher's own answers")
	}
}

func TestTeacherComesBackToTheCheck(t *testing.T) {
	l := fixture.Lesson(t)
	p := live.Position{Questions: []string{l.Questions[0].ID, l.Questions[1].ID}, Current: 1, Then: 4, Vote: 2, Revealed: true}
	m := New(l, Options{Theme: ThemeDark, Present: true, Room: &fakeRoom{}})
	next, _ := m.Update(ViewMsg{ViewPosition{Step: 3, Screen: ScreenLive, Live: &p}})
	m = send(t, next.(Model), tea.WindowSizeMsg{Width: 80, Height: 24})
	got := m.ViewPosition()
	if m.screen != screenLive || got.Live == nil || !slices.Equal(got.Live.Questions, p.Questions) || got.Live.Current != 1 || got.Live.Vote != 2 || !got.Live.Revealed {
		t.Errorf("a returning teacher should be shown the check where it was: %+v", got.Live)
	}
}

func TestStudentAnswersALiveCheck(t *testing.T) {
	l := fixture.Lesson(t)
	room := &fakeRoom{}
	q := l.QuestionIndex("what-a-signal-does")
	m := send(t, studentIn(t, l, room, 80, 24), checkOf(l, q, 1, 1))
	if m.screen != screenLive || !strings.Contains(screen(m), l.Questions[q].Prompt) {
		t.Fatalf("a following student should be asked at once:\n%s", screen(m))
	}
	// A number sends at once, and the help bar says so.
	if bar := helpLine(m); !strings.HasPrefix(bar, "1-3 send •") {
		t.Errorf("the help bar does not say a number sends: %q", bar)
	}
	m = press(t, m, "2")
	if len(room.answers) != 1 || !slices.Equal(room.answers[0].Response, []int{1}) || room.answers[0].Seq != 1 || room.answers[0].Vote != 1 {
		t.Fatalf("the answer did not reach the room: %+v", room.answers)
	}
	m = press(t, m, "1")
	if len(room.answers) != 1 {
		t.Error("a second answer to the same vote was sent")
	}
	if !strings.Contains(screen(m), "Your answer is in: 2") {
		t.Errorf("the student is not told the answer went:\n%s", screen(m))
	}
	reveal := checkOf(l, q, 1, 1)
	reveal.Revealed, reveal.Spreads = true, [][]live.Tally{{{Response: []int{0}, Count: 3}, {Response: []int{1}, Count: 1}}}
	m = send(t, m, reveal)
	s := screen(m)
	for _, want := range []string{"✗ 2) ", "✓ 1) ", "You answered 2: not quite", "The messenger binds its receptor", "75%"} {
		if !strings.Contains(s, want) {
			t.Errorf("the reveal lacks %q:\n%s", want, s)
		}
	}
	m = send(t, m, checkOf(l, q, 1, 2))
	if s := screen(m); !strings.Contains(s, "second vote") || !strings.Contains(s, "Your first vote: 2") || !m.live.Waiting() {
		t.Errorf("a second vote should ask again and recall the first:\n%s", s)
	}
	m = press(t, m, "1")
	if len(room.answers) != 2 || room.answers[1].Vote != 2 {
		t.Errorf("the second vote's answer: %+v", room.answers)
	}
	m = send(t, m, live.CheckMsg{})
	if !onStep(m) || !m.class.following {
		t.Errorf("a closed check should leave the student on the step, following:\n%s", screen(m))
	}
}

func TestStudentOrdersALiveCheck(t *testing.T) {
	l := fixture.Lesson(t)
	room := &fakeRoom{}
	q := questionOf(t, l, content.KindOrder)
	m := press(t, send(t, studentIn(t, l, room, 80, 24), checkOf(l, q, 4, 1)), "3", "1", "backspace", "2", "1")
	if len(room.answers) != 0 {
		t.Fatal("an order was sent before enter")
	}
	m = press(t, m, "enter", "3", "enter")
	if len(room.answers) != 1 || len(room.answers[0].Response) != 3 {
		t.Fatalf("the order sent: %+v", room.answers)
	}
	assertFits(t, m)
}

func TestExploringStudentCanStillAnswer(t *testing.T) {
	l := fixture.Lesson(t)
	room := &fakeRoom{}
	q := l.QuestionIndex("cream-or-tablet")
	m := press(t, studentIn(t, l, room, 80, 24), "l", "l")
	m = send(t, m, checkOf(l, q, 2, 1))
	if !onStep(m) || !strings.Contains(screen(m), "a: answer the question") {
		t.Fatalf("an exploring student should be told, not taken there:\n%s", screen(m))
	}
	m = press(t, m, "a", "2")
	if len(room.answers) != 1 {
		t.Fatal("the exploring student's answer did not reach the room")
	}
	m = press(t, m, "esc")
	if !onStep(m) || m.Step() != 2 || m.class.following {
		t.Errorf("esc should go back to where the student was exploring:\n%s", screen(m))
	}
	reveal := checkOf(l, q, 2, 1)
	reveal.Revealed = true
	if m = send(t, m, reveal); m.screen != screenLive {
		t.Error("the reveal should reach every student's screen")
	}
}

func TestLiveCheckScreens(t *testing.T) {
	l := fixture.Lesson(t)
	q := l.QuestionIndex("what-a-signal-does")
	spreads := [][]live.Tally{{{Response: []int{0}, Count: 9}, {Response: []int{1}, Count: 8}, {Response: []int{2}, Count: 6}},
		{{Response: []int{0}, Count: 19}, {Response: []int{1}, Count: 4}}}
	revealed := live.CheckMsg{Check: live.Check{Seq: 1, Question: l.Questions[q].ID, Vote: 2, Revealed: true, Answered: 23, Students: 23, Spreads: spreads}}
	p := live.Position{Questions: []string{l.Questions[q].ID, l.Questions[q+1].ID}, Then: 3, Vote: 2, Revealed: true}
	for _, size := range [][2]int{{60, 16}, {80, 24}, {120, 40}} {
		w, h := size[0], size[1]
		screens := map[string]Model{
			"student asked":    send(t, studentIn(t, l, &fakeRoom{}, w, h), checkOf(l, q, 1, 1)),
			"student revealed": press(t, send(t, studentIn(t, l, &fakeRoom{}, w, h), checkOf(l, q, 1, 2)), "2"), // wrong: marked ✗
			"teacher counting": send(t, press(t, teacherIn(t, l, &fakeRoom{}, w, h), "4", "G", "l"), checkOf(l, q, 1, 1)),
			"teacher revealed": send(t, teacherIn(t, l, &fakeRoom{}, w, h), ViewMsg{ViewPosition{Step: 3, Screen: ScreenLive, Live: &p}}),
		}
		screens["student revealed"] = send(t, screens["student revealed"], revealed)
		screens["teacher revealed"] = send(t, screens["teacher revealed"], revealed)
		for name, m := range screens {
			t.Run(fmt.Sprintf("%s %dx%d", name, w, h), func(t *testing.T) {
				assertFits(t, m)
				golden.RequireEqual(t, []byte(screen(m)))
			})
		}
	}
}

func TestConsoleInAClassroom(t *testing.T) {
	l := fixture.Lesson(t)
	q := l.QuestionIndex("what-a-signal-does")
	for _, size := range [][2]int{{60, 16}, {80, 24}} {
		m := send(t, New(l, Options{Theme: ThemeDark, Notes: true, Room: &fakeRoom{}}), tea.WindowSizeMsg{Width: size[0], Height: size[1]},
			PositionMsg{Step: 3}, live.StatusMsg{Status: live.Status{Teacher: true, Students: 23, Following: 20, Exploring: []int{1, 4, 4}}})
		calm := screen(m)
		for _, want := range []string{"23 in the room · 20 following · 3 exploring: step 2, step 5 (2)", "following the presenter"} {
			if !strings.Contains(strings.Join(strings.Fields(calm), " "), want) {
				t.Errorf("%v: the console lacks %q:\n%s", size, want, calm)
			}
		}
		c := checkOf(l, q, 1, 1)
		c.Answered, c.Spreads = 17, [][]live.Tally{{{Response: []int{0}, Count: 12}, {Response: []int{2}, Count: 5}}}
		m = send(t, m, c)
		s := screen(m)
		for _, want := range []string{"answered 17 of 23", "Answer: 1) It binds a receptor", "■"} {
			if !strings.Contains(s, want) {
				t.Errorf("%v: the console's check lacks %q:\n%s", size, want, s)
			}
		}
		assertFits(t, m)
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) { golden.RequireEqual(t, []byte(s)) })
	}
}

// TestRandomClassroomMessages feeds a teacher's, a student's and a
// console's lesson random keys, window sizes and room news (views of the
// teacher's, live checks in every state, the room's status): none may
// panic, leave the lesson, or draw outside the window; a teacher's room is
// told views that an ApplyView takes back.
func TestRandomClassroomMessages(t *testing.T) {
	l := shipped(t)
	keys := []string{"right", "left", "l", "h", "g", "G", "3G", "esc", "enter", "tab", "up", "down", "j",
		"pgdown", "?", "p", "r", ".", "/", "d", "t", "b", "a", "R", "F", "1", "2", "3", "backspace", "x"}
	n := 1500
	if testing.Short() {
		n = 250
	}
	for _, opts := range []Options{{Present: true}, {Follow: true}, {Notes: true}} {
		room := &fakeRoom{}
		opts.Theme, opts.Room = ThemeDark, room
		rng := rand.New(rand.NewPCG(uint64(len(keys)), 7))
		m := send(t, New(l, opts), tea.WindowSizeMsg{Width: 80, Height: 24})
		for i := range n {
			var msg tea.Msg
			switch r := rng.IntN(24); {
			case r == 0:
				msg = tea.WindowSizeMsg{Width: rng.IntN(220), Height: rng.IntN(70)}
			case r == 1:
				msg = frameMsg{step: m.nav.Step, gen: m.anim.gen}
			case r == 2:
				v := m.ViewPosition()
				if len(room.views) > 0 {
					v = room.views[rng.IntN(len(room.views))]
				}
				v.Step = rng.IntN(len(l.Steps) + 2)
				msg = FollowMsg{View: v, Teacher: rng.IntN(4) != 0}
			case r == 3:
				q := rng.IntN(len(l.Questions))
				c := checkOf(l, q, 1+rng.IntN(3), 1+rng.IntN(2))
				c.Revealed = rng.IntN(3) == 0
				if c.Revealed {
					c.Spreads = [][]live.Tally{{{Response: []int{0}, Count: rng.IntN(30)}}}
				}
				if rng.IntN(5) == 0 {
					c = live.CheckMsg{}
				}
				msg = c
			case r == 4:
				msg = live.StatusMsg{Status: live.Status{Teacher: true, Students: rng.IntN(40), Following: rng.IntN(40), Exploring: []int{rng.IntN(len(l.Steps))}}}
			default:
				msg = keyMsg(keys[rng.IntN(len(keys))])
			}
			next, _ := m.Update(msg)
			m = next.(Model)
			if m.Step() < 0 || m.Step() >= len(l.Steps) {
				t.Fatalf("%+v, message %d (%#v): step %d", opts, i, msg, m.Step())
			}
			assertFits(t, m)
			assertDisclaimed(t, m)
		}
		for _, v := range room.views {
			back, _ := New(l, opts).ApplyView(v)
			if back.Step() != v.Step {
				t.Errorf("a view told the room (%+v) did not come back: step %d", v, back.Step())
			}
		}
	}
}

// TestStudentsOwnCheckBreaksAway: l at a section's end opens the
// student's own check of it; that is their own doing, so they are no
// longer following (the teacher's next move would otherwise close it
// under them), and the room is told.
func TestStudentsOwnCheckBreaksAway(t *testing.T) {
	l := fixture.Lesson(t)
	end, _ := firstSectionEnd(t, l)
	room := &fakeRoom{}
	m := studentIn(t, l, room, 80, 24)
	m = send(t, m, FollowMsg{View: ViewPosition{Step: end}, Teacher: true})
	if m.Step() != end || !m.class.following {
		t.Fatalf("the student is not following at the section's end: step %d", m.Step()+1)
	}
	if m = press(t, m, "l"); !onQuestion(m) {
		t.Fatalf("l at the section's end asked nothing:\n%s", screen(m))
	}
	if m.class.following || len(room.seats) == 0 || room.seats[len(room.seats)-1].Following {
		t.Error("a check of the student's own did not break away from the teacher")
	}
}

// firstSectionEnd is the zero-based last step of l's first section with
// questions.
func firstSectionEnd(t testing.TB, l *content.Lesson) (int, []int) {
	t.Helper()
	for i := range l.Steps[:len(l.Steps)-1] {
		if qs := l.SectionQuestions(l.Steps[i].Section); l.Steps[i+1].Section != l.Steps[i].Section && len(qs) > 0 {
			return i, qs
		}
	}
	t.Fatal("no section with questions")
	return 0, nil
}
