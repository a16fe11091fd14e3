package classroom

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// TestAPanicEndsOnlyItsSession: a panic in one session's handling is
// recovered and logged, that session is told and ends with status 1, and
// the room and everyone else carry on.
func TestAPanicEndsOnlyItsSession(t *testing.T) {
	var log syncBuffer
	srv, addr := start(t, Config{Log: &log})
	srv.testHook = func(sess ssh.Session) {
		if sess.User() == "boom" {
			panic("a bug")
		}
	}
	ok := connect(t, addr, "ada", "")
	ok.waitScreen(t, "JAK inhibitors")
	boom := connect(t, addr, "boom", "")
	if code := boom.ended(t); code != 1 {
		t.Errorf("the failed session ended with %d", code)
	}
	if !strings.Contains(boom.errs.String(), "Something went wrong on the server") {
		t.Errorf("the failed session was told %q", boom.errs.String())
	}
	if !strings.Contains(log.String(), "failed: a bug") {
		t.Errorf("the panic was not logged:\n%s", log.String())
	}
	ok.keys("l")
	eventually(t, "the other student carries on", func() bool { return steps(srv) == "[2]" })
	connect(t, addr, "late", "").waitScreen(t, "JAK inhibitors")
}

// panicky is a lesson that panics on "!".
type panicky struct{ tea.Model }

func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.Text == "!" {
		panic("a bug in a lesson")
	}
	next, cmd := p.Model.Update(msg)
	return panicky{next}, cmd
}

func TestAPanickingLessonEndsOnlyItsSession(t *testing.T) {
	srv, addr := start(t, Config{})
	srv.wrapModel = func(m tea.Model) tea.Model { return panicky{m} }
	ok := connect(t, addr, "ada", "")
	boom := connect(t, addr, "boom", "")
	boom.waitScreen(t, "JAK inhibitors")
	boom.keys("!")
	if code := boom.ended(t); code != 1 {
		t.Errorf("the crashed lesson's session ended with %d", code)
	}
	<-boom.done
	if out := boom.raw.String(); !strings.Contains(out, "\x1b[?1049l") {
		t.Error("the crashed lesson's terminal was not given back")
	}
	ok.keys("l")
	eventually(t, "the other student carries on", func() bool { return steps(srv) == "[2]" })
}

// TestKilledClientsLeaveNothingBehind: clients that vanish mid-session
// (their connections cut) leave the room, and the server's goroutines go
// back to where they were.
func TestKilledClientsLeaveNothingBehind(t *testing.T) {
	baseline := runtime.NumGoroutine()
	srv, addr, stop := serveFor(t, Config{PresenterPass: "teach"})
	teacher := connect(t, addr, "presenter", "teach")
	var terms []*term
	for i := range 5 {
		terms = append(terms, connect(t, addr, fmt.Sprint("s", i), ""))
	}
	eventually(t, "five students", func() bool { return students(srv) == 5 })
	teacher.keys("3G")
	for _, tm := range terms {
		tm.client.Close() // the connection cut, no goodbye
	}
	eventually(t, "the room empty of students", func() bool { return students(srv) == 0 })
	teacher.close()
	eventually(t, "no teacher", func() bool { return !srv.room.Status().Teacher })
	stop()
	eventually(t, "goroutines back to where they started", func() bool { return runtime.NumGoroutine() <= baseline+2 })
}

// TestPastesAndBadBytes: a paste of 24 MiB into the search and bytes that are
// not UTF-8 neither stall nor end the session.
func TestPastesAndBadBytes(t *testing.T) {
	srv, addr := start(t, Config{})
	st := connect(t, addr, "ada", "")
	st.waitScreen(t, "JAK inhibitors")
	st.keys("/")
	st.waitScreen(t, "type to search")
	// A paste that goes on and on costs the server no more than the paste
	// limit while it lasts, and ends as a paste should.
	heap := func() int64 {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return int64(ms.HeapInuse)
	}
	before := heap()
	st.keys("\x1b[200~")
	for range 24 { // the SSH window lets at most 2 MiB be in flight
		st.keys(strings.Repeat("cytokine ", 1<<20/9))
	}
	grown := (heap() - before) >> 20
	t.Logf("24 MiB of a paste not yet ended grew the heap in use %d MiB", grown)
	if grown > 12 {
		t.Errorf("the heap grew %d MiB while a paste went on", grown)
	}
	st.keys("\x1b[201~")
	st.waitScreen(t, "No matches")
	st.keys("\x1b")
	st.waitScreen(t, "Welcome")
	st.keys("\xff\xfe\xc3\x28l")
	eventually(t, "the student moved on", func() bool { return steps(srv) == "[2]" })
	st.keys("l")
	eventually(t, "and again", func() bool { return steps(srv) == "[3]" })
}

// TestAStalledFollowerHoldsNoOneUp: a follower whose terminal stops
// reading (a suspended ssh) while the teacher moves 200 times neither
// slows the others nor makes the server's memory grow without bound.
func TestAStalledFollowerHoldsNoOneUp(t *testing.T) {
	srv, addr := start(t, Config{PresenterPass: "teach"})
	teacher := connect(t, addr, "presenter", "teach")
	var others []*term
	for i := range 3 {
		others = append(others, connect(t, addr, fmt.Sprint("s", i), ""))
	}
	stalled := stalledTerm(t, addr)
	eventually(t, "four students", func() bool { return students(srv) == 4 })
	for _, tm := range others {
		tm.waitScreen(t, "following the teacher")
	}
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	moves := stall(t, srv, teacher, others[0])
	a, b := sectionRun(t, 3), sectionRun(t, 3)+1
	for i := range 200 {
		teacher.keys(fmt.Sprintf("%dG", []int{a, b}[(moves+i)%2]))
	}
	teacher.keys(fmt.Sprintf("%dG", b))
	for _, tm := range others {
		tm.waitFollowing(t, b)
	}
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	grown := (int64(after.HeapInuse) - int64(before.HeapInuse)) >> 20
	t.Logf("the stalled follower backed up after %d moves; the heap in use grew %d MiB over those and 200 more", moves, grown)
	if grown > 64 {
		t.Errorf("the heap grew %d MiB", grown)
	}
	stalled.Close()
}

// stalledTerm is a follower that never reads what the server sends.
func stalledTerm(t *testing.T, addr string) *gossh.Client {
	t.Helper()
	c, err := dial(addr, "stalled", "")
	if err != nil {
		t.Fatal(err)
	}
	sess, _ := c.NewSession()
	out, _ := sess.StdoutPipe()
	_ = out // never read: the server's writes back up
	// A large window: every move redraws tens of kilobytes, so the SSH
	// window (2 MiB) fills within the test's moves and the server's
	// writes to this client block, as a suspended ssh's would.
	sess.RequestPty("xterm-256color", MaxHeight, MaxWidth, gossh.TerminalModes{})
	sess.Shell()
	t.Cleanup(func() { c.Close() })
	return c
}

// backedUp says whether some student has news waiting that its lesson has
// not taken: its program is stuck writing to a terminal that stopped
// reading.
func backedUp(srv *Server) bool {
	r := srv.room
	r.mu.Lock()
	defer r.mu.Unlock()
	for m := range r.students {
		m.box.mu.Lock()
		waiting := m.box.pending[kindView] != nil
		m.box.mu.Unlock()
		if waiting {
			return true
		}
	}
	return false
}

// TestShutdownWithAStalledClient: a client that stopped reading cannot
// hold the server's Ctrl+C up; everyone else still gets their goodbye.
func TestShutdownWithAStalledClient(t *testing.T) {
	srv, addr, stop := serveFor(t, Config{PresenterPass: "teach"})
	teacher := connect(t, addr, "presenter", "teach")
	st := connect(t, addr, "s", "")
	stalledTerm(t, addr)
	eventually(t, "two students", func() bool { return students(srv) == 2 })
	st.waitScreen(t, "following the teacher")
	stall(t, srv, teacher, st)
	stopped := make(chan struct{})
	go func() { stop(); close(stopped) }()
	select {
	case <-stopped:
	case <-time.After(30 * time.Second):
		t.Fatal("the shutdown hung on the stalled client")
	}
	<-st.done
	if !strings.Contains(st.raw.String(), "The classroom is closing") {
		t.Error("the other student got no goodbye")
	}
}

// stall moves the teacher back and forth until a stalled follower's news
// backs up (its lesson cannot take more: its screen cannot be written). At
// every twentieth move the teacher goes to a third step and waits until
// other, a follower that reads, shows it: other has then taken all its
// news, so news still waiting is the stalled follower's. It returns how
// many moves that took.
func stall(t *testing.T, srv *Server, teacher, other *term) int {
	t.Helper()
	a := sectionRun(t, 3)
	for moves := 0; moves < 5000; moves++ {
		teacher.keys(fmt.Sprintf("%dG", a+moves%2))
		if moves%20 != 19 {
			continue
		}
		teacher.keys(fmt.Sprintf("%dG", a+2))
		other.waitFollowing(t, a+2)
		if backedUp(srv) {
			return moves + 1
		}
	}
	t.Fatal("the stalled follower never backed up")
	return 0
}
