package classroom

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"jakstat/content"
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
	if os.Getenv("JAKSTAT_LOAD_SERVER") != "" {
		loadServer()
		return
	}
	os.Exit(m.Run())
}

// loadServer is the server process of the load test: it prints its
// address, then answers "stats" with its goroutines and heap, and ends on
// "shutdown" (or when its input closes).
func loadServer() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(GCPercent) // as jakstat serve runs
	}
	l, err := content.Shipped()
	if err != nil {
		fmt.Println("error", err)
		return
	}
	srv, err := New(Config{Lesson: l, Listen: "127.0.0.1:0", PresenterPass: "teach", MaxSessions: 1000, MaxStartups: 1000})
	if err != nil {
		fmt.Println("error", err)
		return
	}
	ln, err := srv.Listen()
	if err != nil {
		fmt.Println("error", err)
		return
	}
	go srv.Serve(ln)
	if path := os.Getenv("JAKSTAT_LOAD_PROFILE"); path != "" {
		// A CPU profile of the server while the test runs, for go tool pprof.
		if f, err := os.Create(path); err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	fmt.Println("addr", ln.Addr())
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		switch sc.Text() {
		case "stats":
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			fmt.Printf("stats %d %d %d\n", runtime.NumGoroutine(), ms.HeapInuse, srv.Sessions())
			if path := os.Getenv("JAKSTAT_LOAD_HEAP"); path != "" && srv.Sessions() > 0 {
				if f, err := os.Create(path); err == nil {
					pprof.WriteHeapProfile(f)
					f.Close()
				}
			}
		case "shutdown":
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			srv.Shutdown(ctx)
			cancel()
			return
		}
	}
}

// loadSize is how many followers the load test connects.
func loadSize() int {
	if run := flag.Lookup("test.run"); run != nil && strings.Contains(run.Value.String(), "TestLoad") && !testing.Short() && !raceEnabled {
		return 100
	}
	return 10
}

// serverProc is the load test's server process.
type serverProc struct {
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Scanner
	addr string
}

func startServerProc(t *testing.T) *serverProc {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "JAKSTAT_LOAD_SERVER=1")
	in, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &serverProc{cmd: cmd, in: in, out: bufio.NewScanner(out)}
	if !p.out.Scan() || !strings.HasPrefix(p.out.Text(), "addr ") {
		t.Fatalf("the server process said %q", p.out.Text())
	}
	p.addr = strings.TrimPrefix(p.out.Text(), "addr ")
	t.Cleanup(func() { in.Close(); cmd.Process.Kill() })
	return p
}

// procStats is what the server process uses.
type procStats struct {
	goroutines, sessions int
	heapMiB, rssMiB      float64
	files                int
	cpu                  time.Duration // user and system time so far
}

func (p *serverProc) stats(t *testing.T) procStats {
	t.Helper()
	fmt.Fprintln(p.in, "stats")
	if !p.out.Scan() {
		t.Fatal("the server process went away")
	}
	var s procStats
	var heap int64
	fmt.Sscanf(p.out.Text(), "stats %d %d %d", &s.goroutines, &heap, &s.sessions)
	s.heapMiB = float64(heap) / (1 << 20)
	pid := strconv.Itoa(p.cmd.Process.Pid)
	if status, err := os.ReadFile("/proc/" + pid + "/status"); err == nil {
		for _, line := range strings.Split(string(status), "\n") {
			if kb, ok := strings.CutPrefix(line, "VmRSS:"); ok {
				n, _ := strconv.Atoi(strings.Fields(kb)[0])
				s.rssMiB = float64(n) / 1024
			}
		}
	}
	if fds, err := os.ReadDir("/proc/" + pid + "/fd"); err == nil {
		s.files = len(fds)
	}
	if stat, err := os.ReadFile("/proc/" + pid + "/stat"); err == nil {
		f := strings.Fields(string(stat)[strings.LastIndex(string(stat), ")")+2:])
		ut, _ := strconv.Atoi(f[11])
		st, _ := strconv.Atoi(f[12])
		s.cpu = time.Duration(ut+st) * 10 * time.Millisecond // clock ticks of 1/100 s
	}
	return s
}

func (s procStats) String() string {
	return fmt.Sprintf("%d goroutines, %d open files, RSS %.1f MiB, heap in use %.1f MiB, %d lessons running", s.goroutines, s.files, s.rssMiB, s.heapMiB, s.sessions)
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

// latencies waits for every channel and returns how long after start each
// fired, sorted.
func latencies(t *testing.T, what string, start time.Time, chans []<-chan time.Time) []time.Duration {
	t.Helper()
	var out []time.Duration
	timeout := time.After(60 * time.Second)
	for _, ch := range chans {
		select {
		case at := <-ch:
			out = append(out, at.Sub(start))
		case <-timeout:
			t.Fatalf("%s: only %d of %d screens got there", what, len(out), len(chans))
		}
	}
	slices.Sort(out)
	return out
}

func spread(d []time.Duration) string {
	if len(d) == 0 {
		return "none"
	}
	d = slices.Sorted(slices.Values(d))
	p99 := d[min(len(d)-1, len(d)*99/100)]
	return fmt.Sprintf("median %v, p99 %v, worst %v (%d)", d[len(d)/2].Round(100*time.Microsecond), p99.Round(100*time.Microsecond), d[len(d)-1].Round(100*time.Microsecond), len(d))
}

func TestLoad(t *testing.T) {
	n := loadSize()
	l := lesson(t)
	total := len(l.Steps)
	srv := startServerProc(t)
	before := srv.stats(t)
	t.Logf("%d followers and a presenter on loopback (GOMAXPROCS %d)", n, runtime.GOMAXPROCS(0))
	t.Logf("before: %s", before)

	teacher := connect(t, srv.addr, "presenter", "teach")
	var followers []*term
	for i := range n {
		followers = append(followers, connect(t, srv.addr, fmt.Sprint("s", i), ""))
	}
	for _, f := range followers {
		f.waitFollowing(t, 1)
	}
	teacher.waitScreen(t, fmt.Sprintf("%d following", n))
	during := srv.stats(t)
	t.Logf("connected: %s", during)
	t.Logf("server RSS per session: %.2f MiB (heap %.2f MiB)", (during.rssMiB-before.rssMiB)/float64(n+1), (during.heapMiB-before.heapMiB)/float64(n+1))

	move := func(step int) []time.Duration {
		var chans []<-chan time.Time
		for _, f := range followers {
			chans = append(chans, watch(f, fmt.Sprintf(" %d/%d", step, total)))
		}
		start := time.Now()
		teacher.keys(fmt.Sprintf("%dG", step))
		return latencies(t, fmt.Sprintf("the move to step %d", step), start, chans)
	}
	// The first move of the run, cold: straight away.
	first := move(2)
	t.Logf("first move (cold), presenter key to follower screen: %s", spread(first))

	var all []time.Duration
	cpu0, wall0 := srv.stats(t).cpu, time.Now()
	targets, pause := []int{4, 7, 9, 13, 16, 18, 11, 5, 21, 3}, 1500*time.Millisecond
	if n < 100 {
		targets, pause = targets[:3], 200*time.Millisecond // the quick run of the ordinary suite
	}
	for _, step := range targets {
		// A teacher talks between moves: the last step's diagram finishes.
		time.Sleep(pause)
		lat := move(step)
		all = append(all, lat...)
		t.Logf("  to step %d (%s): %s", step, stepKind(l.Steps[step-1]), spread(lat))
	}
	moved := srv.stats(t)
	t.Logf("%d more moves, key to screen: %s", len(targets), spread(all))
	t.Logf("server CPU over the moves: %v in %v of wall time", (moved.cpu - cpu0).Round(10*time.Millisecond), time.Since(wall0).Round(10*time.Millisecond))
	t.Logf("during the moves: %s", moved)

	// A live check: everyone is asked, answers one after another, and the
	// teacher's screen counts each answer.
	end, qs := sectionEnd(t)
	var asked []<-chan time.Time
	teacher.keys(fmt.Sprintf("%dG", end))
	for _, f := range followers {
		f.waitScreen(t, fmt.Sprintf(" %d/%d", end, total))
		asked = append(asked, watch(f, "The teacher asks"))
	}
	start := time.Now()
	teacher.keys("l")
	t.Logf("check asked, presenter key to follower screen: %s", spread(latencies(t, "the question", start, asked)))
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
		got := watch(teacher, fmt.Sprintf("Answered %d of %d", i+1, n))
		start := time.Now()
		f.keys(answer)
		tally = append(tally, latencies(t, "the tally", start, []<-chan time.Time{got})...)
	}
	slices.Sort(tally)
	t.Logf("answer to the presenter's tally: %s", spread(tally))
	var shown []<-chan time.Time
	for _, f := range followers {
		shown = append(shown, watch(f, "%"))
	}
	start = time.Now()
	teacher.keys("a")
	t.Logf("reveal, presenter key to follower screen: %s", spread(latencies(t, "the reveal", start, shown)))

	for _, f := range append(followers, teacher) {
		f.close()
	}
	eventually(t, "every session gone", func() bool { return srv.stats(t).sessions == 0 })
	var after procStats
	eventually(t, "the goroutines back", func() bool { after = srv.stats(t); return after.goroutines <= before.goroutines+2 })
	t.Logf("after: %s", after)
	if after.files > before.files+2 {
		t.Errorf("open files went from %d to %d", before.files, after.files)
	}
	fmt.Fprintln(srv.in, "shutdown")
	done := make(chan error, 1)
	go func() { done <- srv.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Error("the server process did not end")
	}
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
