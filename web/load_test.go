package web

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"jakstat/classroom"
	"jakstat/content"
	"jakstat/internal/fixture"
	"jakstat/internal/loadtest"
)

// The load test runs a room with both doors in a process of its own (this
// test binary, started again as the server), so its memory and CPU time
// are the server's alone, and fills it from here: browser tabs (WebSocket
// clients that draw the frames they are sent) beside SSH followers (with
// terminals), and an SSH presenter who moves and asks a live check.
//
//	go test ./web -run TestLoad -v
//
// runs it with 100 tabs and 20 SSH followers, ten moves apart as a teacher
// talks (asked for by name); the ordinary suite runs 100 tabs and 5 SSH
// followers over three quick moves, the race detector's 10 and 2. It
// reports figures (a tab's delay from the presenter's key to the step on
// its screen, bytes sent per move, the server's memory per tab) and
// asserts only that everything arrives.

func TestMain(m *testing.M) {
	if loadtest.Serve(classroom.GCPercent, loadServer) {
		return
	}
	os.Exit(m.Run())
}

// loadServer is the server of the load test's server process: one room,
// served over SSH and to browsers.
func loadServer() (loadtest.Server, error) {
	l, err := content.Shipped()
	if err != nil {
		return loadtest.Server{}, err
	}
	dir, err := os.MkdirTemp("", "jakstat-load")
	if err != nil {
		return loadtest.Server{}, err
	}
	cfg := classroom.Config{Lesson: l, Listen: "127.0.0.1:0", PresenterPass: "teach", MaxSessions: 1000, MaxStartups: 1000,
		HostKey: filepath.Join(dir, "host_ed25519"), CreateHostKey: true}
	room, gate, err := classroom.Open(cfg)
	if err != nil {
		return loadtest.Server{}, err
	}
	cfg.Room, cfg.Gate = room, gate
	sshSrv, err := classroom.New(cfg)
	if err != nil {
		return loadtest.Server{}, err
	}
	webSrv, err := New(Config{Listen: "127.0.0.1:0", Room: room, Gate: gate})
	if err != nil {
		return loadtest.Server{}, err
	}
	sshLn, err := sshSrv.Listen()
	if err != nil {
		return loadtest.Server{}, err
	}
	webLn, err := webSrv.Listen()
	if err != nil {
		return loadtest.Server{}, err
	}
	go sshSrv.Serve(sshLn)
	go webSrv.Serve(webLn)
	return loadtest.Server{
		Addrs:    map[string]string{"ssh": sshLn.Addr().String(), "web": "http://" + webLn.Addr().String()},
		Sessions: func() int { return sshSrv.Sessions() + webSrv.Sessions() },
		Shutdown: func(ctx context.Context) {
			webSrv.Shutdown(ctx)
			sshSrv.Shutdown(ctx)
			room.Close()
			os.RemoveAll(dir)
		},
	}, nil
}

// loadPlan is how big a load test runs.
type loadPlan struct {
	tabs, ssh int
	moves     []int // the steps the presenter goes to, from 1
	pause     time.Duration
}

func plan(total int) loadPlan {
	moves := slices.DeleteFunc([]int{4, 7, 9, 13, 16, 18, 11, 5, 21, 3}, func(s int) bool { return s > total })
	run := flag.Lookup("test.run")
	switch {
	case raceEnabled:
		return loadPlan{tabs: 10, ssh: 2, moves: moves[:3], pause: 200 * time.Millisecond}
	case run != nil && strings.Contains(run.Value.String(), "TestLoad") && !testing.Short():
		return loadPlan{tabs: 100, ssh: 20, moves: moves, pause: 1500 * time.Millisecond}
	}
	return loadPlan{tabs: 100, ssh: 5, moves: moves[:3], pause: 200 * time.Millisecond}
}

func TestLoad(t *testing.T) {
	l := fixture.Shipped(t)
	total := len(l.Steps)
	p := plan(total)
	srv := loadtest.Start(t)
	r := &rig{base: srv.Addr("web"), ssh: srv.Addr("ssh")}
	before := srv.Stats(t)
	t.Logf("%d tabs, %d SSH followers and an SSH presenter on loopback (GOMAXPROCS %d)", p.tabs, p.ssh, runtime.GOMAXPROCS(0))
	t.Logf("before: %s", before)

	teacher := sshJoin(t, r.ssh, "presenter", "teach", 120, 40)
	var tabs []*tab
	for range p.tabs {
		tabs = append(tabs, joinAs(t, r, "student", "", 100, 30))
	}
	for _, tb := range tabs {
		tb.waitFollowing(t, 1)
	}
	withTabs := srv.Stats(t)
	t.Logf("with the tabs: %s", withTabs)
	t.Logf("server memory per tab: RSS %.2f MiB, heap %.2f MiB", (withTabs.RSSMiB-before.RSSMiB)/float64(p.tabs), (withTabs.HeapMiB-before.HeapMiB)/float64(p.tabs))
	var terms []*sshTerm
	for i := range p.ssh {
		terms = append(terms, sshJoin(t, r.ssh, fmt.Sprint("s", i), "", 100, 30))
	}
	for _, st := range terms {
		st.waitFollowing(t, 1)
	}
	roomStatus(t, teacher, p.tabs+p.ssh, p.tabs+p.ssh)
	withAll := srv.Stats(t)
	t.Logf("with the SSH followers too: %s", withAll)
	if p.ssh > 0 {
		t.Logf("server memory per SSH follower: RSS %.2f MiB, heap %.2f MiB", (withAll.RSSMiB-withTabs.RSSMiB)/float64(p.ssh), (withAll.HeapMiB-withTabs.HeapMiB)/float64(p.ssh))
	}

	moves(t, srv, teacher, tabs, terms, p, total)
	liveCheck(t, teacher, tabs, terms, l)

	for _, tb := range tabs {
		tb.conn.CloseNow()
	}
	for _, st := range terms {
		st.client.Close()
	}
	teacher.client.Close()
	srv.Finish(t, before)
}

// moves has the presenter go to each of the plan's steps, a pause apart,
// and reports how long each follower took to show it and what a tab was
// sent for it.
func moves(t *testing.T, srv *loadtest.Proc, teacher *sshTerm, tabs []*tab, terms []*sshTerm, p loadPlan, total int) {
	var tabDelays, sshDelays []time.Duration
	var shown, whole []int // bytes a tab received: until the step showed, and over the move
	cpu0, wall0 := srv.Stats(t).CPU, time.Now()
	for i, step := range append([]int{2}, p.moves...) {
		want := fmt.Sprintf(" %d/%d", step, total)
		var arrivals []<-chan arrival
		var bytes0 []int
		for _, tb := range tabs {
			bytes0 = append(bytes0, tb.received())
			arrivals = append(arrivals, tb.watch(want))
		}
		var sshArrivals []<-chan time.Time
		for _, st := range terms {
			sshArrivals = append(sshArrivals, st.watch(want))
		}
		start := time.Now()
		teacher.keys(fmt.Sprintf("%dG", step))
		var delays []time.Duration
		for j, ch := range arrivals {
			select {
			case a := <-ch:
				delays = append(delays, a.at.Sub(start))
				shown = append(shown, a.bytes-bytes0[j])
			case <-time.After(60 * time.Second):
				t.Fatalf("tab %d did not show step %d", j, step)
			}
		}
		ssh := loadtest.Latencies(t, fmt.Sprintf("the move to step %d", step), start, sshArrivals)
		// A teacher talks between moves: the step's diagram plays out.
		time.Sleep(p.pause)
		for j, tb := range tabs {
			whole = append(whole, tb.received()-bytes0[j])
		}
		if i == 0 {
			t.Logf("first move (cold), key to tab screen: %s; to SSH screen: %s", loadtest.Spread(delays), loadtest.Spread(ssh))
			continue
		}
		t.Logf("  to step %d, key to tab screen: %s; to SSH screen: %s", step, loadtest.Spread(delays), loadtest.Spread(ssh))
		tabDelays, sshDelays = append(tabDelays, delays...), append(sshDelays, ssh...)
	}
	moved := srv.Stats(t)
	t.Logf("%d moves, presenter key to tab screen: %s", len(p.moves), loadtest.Spread(tabDelays))
	t.Logf("%d moves, presenter key to SSH screen: %s", len(p.moves), loadtest.Spread(sshDelays))
	t.Logf("bytes sent to a tab per move: %s until the step shows; %s over the move and %v after it (diagrams play)",
		medianWorst(shown), medianWorst(whole), p.pause)
	t.Logf("server CPU over the moves: %v in %v of wall time", (moved.CPU - cpu0).Round(10*time.Millisecond), time.Since(wall0).Round(10*time.Millisecond))
	t.Logf("during the moves: %s", moved)
}

// liveCheck has the presenter ask the section's first question, every
// follower answer it one after another, and the presenter's screen count
// each; it reports a tab's answer-to-tally time.
func liveCheck(t *testing.T, teacher *sshTerm, tabs []*tab, terms []*sshTerm, l *content.Lesson) {
	end, qs := fixture.FirstCheck(t, l)
	teacher.keys(fmt.Sprintf("%dG", end))
	for _, tb := range tabs {
		tb.waitScreen(t, fmt.Sprintf(" %d/%d", end, len(l.Steps)))
	}
	teacher.keys("l")
	n := len(tabs) + len(terms)
	var tally []time.Duration
	for i, tb := range tabs {
		tb.waitScreen(t, "The teacher asks")
		got := teacher.watch(fmt.Sprintf("Answered %d of %d", i+1, n))
		start := time.Now()
		answer(t, tb, qs[0])
		tally = append(tally, loadtest.Latencies(t, "the tally", start, []<-chan time.Time{got})...)
	}
	for _, st := range terms {
		st.waitScreen(t, "The teacher asks")
		st.keys(sshAnswer(qs[0]))
	}
	teacher.waitScreen(t, fmt.Sprintf("Answered %d of %d", n, n))
	t.Logf("a tab's answer to the presenter's tally: %s", loadtest.Spread(tally))
}

// sshAnswer is what an SSH follower types to answer q (see answer).
func sshAnswer(q content.Question) string {
	if q.Kind != content.KindOrder {
		return "1"
	}
	var b strings.Builder
	for i := range q.Choices {
		fmt.Fprint(&b, i+1)
	}
	return b.String() + "\r"
}

// medianWorst is sizes in bytes as their median and largest.
func medianWorst(sizes []int) string {
	if len(sizes) == 0 {
		return "none"
	}
	s := slices.Sorted(slices.Values(sizes))
	return fmt.Sprintf("median %.1f KiB (worst %.1f KiB)", float64(s[len(s)/2])/1024, float64(s[len(s)-1])/1024)
}
