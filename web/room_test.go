package web

import (
	"fmt"
	"strings"
	"testing"

	"jakstat/classroom"
	"jakstat/content"
	"jakstat/internal/fixture"
)

// TestInTheRoom: a browser tab is a student like any other: it follows
// the presenter (over SSH), breaks away with a key of its own, snaps back
// with F, counts in the presenter's room status, hears of each move for
// its live region, and answers a live check that the presenter's tally
// counts.
func TestInTheRoom(t *testing.T) {
	r := newRig(t, classroom.Config{PresenterPass: "teach"}, rigOptions{ssh: true})
	l := r.room.Lesson()
	total := len(l.Steps)
	teacher := sshJoin(t, r.ssh, "presenter", "teach", 100, 30)
	st := joinAs(t, r, "student", "", 100, 30)
	st.waitScreen(t, fmt.Sprintf(" 1/%d", total))
	st.waitFollowing(t, 1)
	roomStatus(t, teacher, 1, 1)

	teacher.keys("3G")
	st.waitScreen(t, fmt.Sprintf(" 3/%d", total))
	st.wait(t, "news of step 3", func(m serverMsg) bool {
		return m.T == "step" && m.N == 3 && m.Of == total && m.Title == l.Steps[2].Title
	})

	st.key(t, "right")
	st.waitScreen(t, fmt.Sprintf(" 4/%d", total))
	st.waitScreen(t, "step 3 · F: follow")
	roomStatus(t, teacher, 0, 1)

	st.key(t, "F")
	st.waitFollowing(t, 3)
	st.waitScreen(t, fmt.Sprintf(" 3/%d", total))
	roomStatus(t, teacher, 1, 1)

	end, qs := fixture.FirstCheck(t, l)
	teacher.keys(fmt.Sprintf("%dG", end))
	st.waitScreen(t, fmt.Sprintf(" %d/%d", end, total))
	teacher.keys("l")
	st.waitScreen(t, "The teacher asks")
	teacher.waitScreen(t, "Answered 0 of 1")
	answer(t, st, qs[0])
	teacher.waitScreen(t, "Answered 1 of 1")
	st.waitScreen(t, "Your answer is in")
}

// answer answers a live check's question q on a tab: the first choice, or
// the items in the order shown.
func answer(t testing.TB, tb *tab, q content.Question) {
	t.Helper()
	if q.Kind != content.KindOrder {
		tb.key(t, "1")
		return
	}
	for i := range q.Choices {
		tb.key(t, fmt.Sprint(i+1))
	}
	tb.key(t, "enter")
}

// roomStatus waits for the presenter's status line to count students
// in the room, following of them (it says so in long or in short, as the
// line has room).
func roomStatus(t testing.TB, teacher *sshTerm, following, students int) {
	t.Helper()
	long, short := fmt.Sprintf("%d in the room · %d following", students, following), fmt.Sprintf("%d/%d following", following, students)
	eventually(t, "the presenter's screen to say "+short, func() bool {
		s := teacher.screen()
		return strings.Contains(s, long) || strings.Contains(s, short)
	})
}
