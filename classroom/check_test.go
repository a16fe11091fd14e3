package classroom

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
	"time"

	"jakstat/model"
	"jakstat/model/live"
)

// TestLiveCheck is a check as a room runs it: the teacher leaves a
// section, every follower is asked on their own screen and answers there,
// the teacher sees the count and nothing else until the reveal; with the
// answers in, a second vote (vote, discuss, vote again), and the reveal
// shows every screen both spreads and the right answer; the results are
// written when the room closes.
func TestLiveCheck(t *testing.T) {
	store := &memStore{}
	srv, addr, stop := serveFor(t, Config{PresenterPass: "teach", Results: store})
	end, qs := sectionEnd(t)
	q := qs[0]
	teacher := connect(t, addr, "presenter", "teach")
	var sts []*term
	for i := range 3 {
		sts = append(sts, connect(t, addr, fmt.Sprint("s", i), ""))
	}
	eventually(t, "three students", func() bool { return students(srv) == 3 })
	teacher.keys(fmt.Sprintf("%dG", end))
	eventually(t, "the room at the section's end", func() bool { return steps(srv) == fmt.Sprint([]int{end, end, end}) })
	teacher.keys("l")
	for _, st := range sts {
		st.waitScreen(t, "The teacher asks")
	}
	teacher.waitScreen(t, "Answered 0 of 3")
	answers := []string{"1", "1", "2"}
	if q.Kind == "order" {
		t.Skip("the first check question is an order question; this test answers choices")
	}
	for i, st := range sts {
		st.keys(answers[i])
	}
	teacher.waitScreen(t, "Answered 3 of 3")
	if s := teacher.screen(); strings.Contains(s, "%") {
		t.Errorf("the spread showed before the reveal:\n%s", s)
	}
	for _, st := range sts {
		st.waitScreen(t, "Your answer is in")
	}
	// Vote, discuss, vote again: R once the answers are in, then the
	// reveal shows both votes.
	teacher.keys("R")
	for _, st := range sts {
		st.waitScreen(t, "second vote")
		st.keys("1")
	}
	teacher.waitScreen(t, "Second vote: answered 3 of 3")
	if s := teacher.screen(); strings.Contains(s, "%") {
		t.Errorf("the spread showed before the reveal:\n%s", s)
	}
	teacher.keys("a")
	explain := strings.Fields(q.Explain)
	for _, st := range append(sts, teacher) {
		st.waitScreen(t, "%")
	}
	teacher.waitScreen(t, "Second vote (3 answered)")
	for _, st := range sts {
		st.waitScreen(t, "First vote (3 answered)")
		st.waitScreen(t, "You answered 1")
		st.keys("\x1b[6~\x1b[6~") // pgdn: the end of the reveal, why
		st.waitScreen(t, strings.Join(explain[:3], " "))
	}
	teacher.keys("\x1b") // esc: the check ends
	for _, st := range sts {
		st.waitScreen(t, "following the teacher")
	}
	stop()
	rows, err := csv.NewReader(strings.NewReader(store.String())).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("the results: %v\n%s", err, store)
	}
	if got := strings.Join(rows[0], ","); got != "check,opened,question,prompt,vote,answer,count,right" {
		t.Errorf("the header: %s", got)
	}
	counts := map[string]string{}
	for _, r := range rows[1:] {
		if r[2] != q.ID {
			t.Errorf("a row for %s", r[2])
		}
		counts[r[4]+" "+strings.SplitN(r[5], ")", 2)[0]] = r[6]
	}
	if counts["1 1"] != "2" || counts["1 2"] != "1" || counts["2 1"] != "3" || counts["2 2"] != "0" {
		t.Errorf("the spreads written: %v\n%s", counts, store)
	}
}

// TestExploringStudentsAnswerToo: a student who broke away is told of the
// question on the status line and answers it with a.
func TestExploringStudentsAnswerToo(t *testing.T) {
	srv, addr := start(t, Config{PresenterPass: "teach"})
	end, qs := sectionEnd(t)
	teacher := connect(t, addr, "presenter", "teach")
	st := connect(t, addr, "s", "")
	teacher.keys(fmt.Sprintf("%dG", end))
	eventually(t, "the student there", func() bool { return steps(srv) == fmt.Sprint([]int{end}) })
	st.keys("g") // away to the first step
	eventually(t, "the student away", func() bool { return steps(srv) == "[1]" })
	teacher.keys("l")
	st.waitScreen(t, "a: answer the question")
	st.keys("a")
	st.waitScreen(t, strings.Fields(qs[0].Prompt)[0])
	if qs[0].Kind == "order" {
		t.Skip("an order question")
	}
	st.keys("1")
	teacher.waitScreen(t, "Answered 1 of 1")
}

func TestResultsCSV(t *testing.T) {
	l := lesson(t)
	var choice, order int = -1, -1
	for i, q := range l.Questions {
		switch {
		case q.Kind == "order" && order < 0:
			order = i
		case q.Kind == "choice" && choice < 0:
			choice = i
		}
	}
	opened := time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)
	c, o := l.Questions[choice], l.Questions[order]
	right := []int{}
	for i := range o.Choices {
		right = append(right, i)
	}
	var buf bytes.Buffer
	err := WriteResults(&buf, l, []CheckResult{
		{Seq: 1, Question: c.ID, Opened: opened, Spreads: [][]live.Tally{{{Response: []int{c.Correct}, Count: 4}}}},
		{Seq: 2, Question: o.ID, Opened: opened, Spreads: [][]live.Tally{{{Response: right, Count: 2}, {Response: reversed(right), Count: 1}}}},
		{Seq: 3, Question: "gone", Opened: opened, Spreads: [][]live.Tally{{}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := csv.NewReader(&buf).ReadAll()
	if len(rows) != 1+len(c.Choices)+2 {
		t.Fatalf("%d rows:\n%v", len(rows), rows)
	}
	if r := rows[1+c.Correct]; r[0] != "1" || r[1] != "2026-11-26T09:30:00Z" || r[6] != "4" || r[7] != "true" {
		t.Errorf("the right choice's row: %v", r)
	}
	last := rows[len(rows)-2:]
	if last[0][6] != "2" || last[0][7] != "true" || last[1][6] != "1" || last[1][7] != "false" {
		t.Errorf("the order rows: %v", last)
	}
}

func reversed(s []int) []int {
	out := make([]int, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}

// TestABlockedLogDoesNotStallTheRoom: the server's log can block (its
// terminal paused with Ctrl+S, a pipe nobody reads); a check opening is
// logged, and while that write waits the room still answers everyone else.
func TestABlockedLogDoesNotStallTheRoom(t *testing.T) {
	l := lesson(t)
	_, qs := sectionEnd(t)
	logging, release := make(chan struct{}), make(chan struct{})
	room := NewRoom(RoomConfig{Lesson: l, Log: func(format string, _ ...any) {
		if strings.HasPrefix(format, "check") {
			close(logging)
			<-release
		}
	}})
	defer room.Close()
	teacher, err := room.Join(Presenter, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	student, err := room.Join(Student, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	at := live.Position{Questions: []string{qs[0].ID}, Vote: 1}
	go teacher.Presented(model.ViewPosition{Screen: model.ScreenLive, Live: &at})
	<-logging
	done := make(chan struct{})
	go func() {
		student.Seated(model.Seat{Step: 3})
		_ = room.Status()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Error("the room stalled while the log was blocked")
	}
	close(release)
}
