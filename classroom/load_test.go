package classroom

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"jakstat/content"
	"jakstat/internal/loadtest"
)

// The load test runs the server in a process of its own (this test binary,
// started again as a server), so its memory, CPU time and open files are
// the server's alone, and drives it from here with real SSH clients, each
// with a terminal and a terminal emulator reading its screen.
//
//	go test ./classroom -run TestLoad -v
//
// runs it with 100 followers (asked for by name); the ordinary suite runs
// it with 10, and the race detector's with 10 too. It reports figures; it
// asserts only that everything arrives. JAKSTAT_LOAD_PROFILE=FILE writes a
// CPU profile of the server process, JAKSTAT_LOAD_HEAP=FILE a heap profile
// while sessions are open.

func TestMain(m *testing.M) {
	if loadtest.Serve(GCPercent, loadServer) {
		return
	}
	os.Exit(m.Run())
}

// loadServer is the server of the load test's server process.
func loadServer() (loadtest.Server, error) {
	l, err := content.Shipped()
	if err != nil {
		return loadtest.Server{}, err
	}
	srv, err := New(Config{Lesson: l, Listen: "127.0.0.1:0", PresenterPass: "teach", MaxSessions: 1000, MaxStartups: 1000})
	if err != nil {
		return loadtest.Server{}, err
	}
	ln, err := srv.Listen()
	if err != nil {
		return loadtest.Server{}, err
	}
	go srv.Serve(ln)
	return loadtest.Server{Addrs: map[string]string{"ssh": ln.Addr().String()}, Sessions: srv.Sessions,
		Shutdown: func(ctx context.Context) { srv.Shutdown(ctx) }}, nil
}

// loadSize is how many followers the load test connects.
func loadSize() int {
	if run := flag.Lookup("test.run"); run != nil && strings.Contains(run.Value.String(), "TestLoad") && !testing.Short() && !raceEnabled {
		return 100
	}
	return 10
}

// watch returns a channel that gets the moment tm's screen first shows
// want (at once if it does already).
func watch(tm *term, want string) <-chan time.Time {
	got := make(chan time.Time, 1)
	var once sync.Once
	hit := func(screen string, at time.Time) {
		if strings.Contains(screen, want) {
			once.Do(func() { got <- at })
		}
	}
	tm.mu.Lock()
	tm.onData = hit
	hit(tm.emu.String(), time.Now())
	tm.mu.Unlock()
	return got
}

func TestLoad(t *testing.T) {
	n := loadSize()
	l := lesson(t)
	total := len(l.Steps)
	srv := loadtest.Start(t)
	addr := srv.Addr("ssh")
	before := srv.Stats(t)
	t.Logf("%d followers and a presenter on loopback (GOMAXPROCS %d)", n, runtime.GOMAXPROCS(0))
	t.Logf("before: %s", before)

	teacher := connect(t, addr, "presenter", "teach")
	var followers []*term
	for i := range n {
		followers = append(followers, connect(t, addr, fmt.Sprint("s", i), ""))
	}
	for _, f := range followers {
		f.waitFollowing(t, 1)
	}
	teacher.waitScreen(t, fmt.Sprintf("%d following", n))
	during := srv.Stats(t)
	t.Logf("connected: %s", during)
	t.Logf("server RSS per session: %.2f MiB (heap %.2f MiB)", (during.RSSMiB-before.RSSMiB)/float64(n+1), (during.HeapMiB-before.HeapMiB)/float64(n+1))

	move := func(step int) []time.Duration {
		var chans []<-chan time.Time
		for _, f := range followers {
			chans = append(chans, watch(f, fmt.Sprintf(" %d/%d", step, total)))
		}
		start := time.Now()
		teacher.keys(fmt.Sprintf("%dG", step))
		return loadtest.Latencies(t, fmt.Sprintf("the move to step %d", step), start, chans)
	}
	// The first move of the run, cold: straight away.
	first := move(2)
	t.Logf("first move (cold), presenter key to follower screen: %s", loadtest.Spread(first))

	var all []time.Duration
	cpu0, wall0 := srv.Stats(t).CPU, time.Now()
	targets, pause := []int{4, 7, 9, 13, 16, 18, 11, 5, 21, 3}, 1500*time.Millisecond
	if n < 100 {
		targets, pause = targets[:3], 200*time.Millisecond // the quick run of the ordinary suite
	}
	for _, step := range targets {
		// A teacher talks between moves: the last step's diagram finishes.
		time.Sleep(pause)
		lat := move(step)
		all = append(all, lat...)
		t.Logf("  to step %d (%s): %s", step, stepKind(l.Steps[step-1]), loadtest.Spread(lat))
	}
	moved := srv.Stats(t)
	t.Logf("%d more moves, key to screen: %s", len(targets), loadtest.Spread(all))
	t.Logf("server CPU over the moves: %v in %v of wall time", (moved.CPU - cpu0).Round(10*time.Millisecond), time.Since(wall0).Round(10*time.Millisecond))
	t.Logf("during the moves: %s", moved)

	loadCheck(t, teacher, followers, total)

	for _, f := range append(followers, teacher) {
		f.close()
	}
	srv.Finish(t, before)
}

// loadCheck runs a live check: everyone is asked, answers one after
// another, and the teacher's screen counts each answer; then the reveal.
func loadCheck(t *testing.T, teacher *term, followers []*term, total int) {
	end, qs := sectionEnd(t)
	var asked []<-chan time.Time
	teacher.keys(fmt.Sprintf("%dG", end))
	for _, f := range followers {
		f.waitScreen(t, fmt.Sprintf(" %d/%d", end, total))
		asked = append(asked, watch(f, "The teacher asks"))
	}
	start := time.Now()
	teacher.keys("l")
	t.Logf("check asked, presenter key to follower screen: %s", loadtest.Spread(loadtest.Latencies(t, "the question", start, asked)))
	answer := "1"
	if qs[0].Kind == content.KindOrder {
		answer = strings.Repeat("", 0)
		for i := range qs[0].Choices {
			answer += strconv.Itoa(i + 1)
		}
		answer += "\r"
	}
	var tally []time.Duration
	for i, f := range followers {
		got := watch(teacher, fmt.Sprintf("Answered %d of %d", i+1, len(followers)))
		start := time.Now()
		f.keys(answer)
		tally = append(tally, loadtest.Latencies(t, "the tally", start, []<-chan time.Time{got})...)
	}
	slices.Sort(tally)
	t.Logf("answer to the presenter's tally: %s", loadtest.Spread(tally))
	var shown []<-chan time.Time
	for _, f := range followers {
		shown = append(shown, watch(f, "%"))
	}
	start = time.Now()
	teacher.keys("a")
	t.Logf("reveal, presenter key to follower screen: %s", loadtest.Spread(loadtest.Latencies(t, "the reveal", start, shown)))
}

// stepKind says what a step shows beside its text.
func stepKind(s content.Step) string {
	switch {
	case s.Table != "":
		return "table " + s.Table
	case s.Scene != "":
		return "scene " + s.Scene
	}
	return "text"
}
