// Package loadtest runs a load test's server in a process of its own (the
// test binary, started again), so that its memory, CPU time and open files
// are the server's alone while the test's clients run in the test's
// process, and reports timings the way every load test does.
//
// The test's TestMain calls Serve, which runs the server when the process
// was started as one; the test calls Start, then Stats as it goes.
package loadtest

import (
	"bufio"
	"context"
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
	"testing"
	"time"
)

// env marks a process started as a load test's server.
const env = "JAKSTAT_LOAD_SERVER"

// Server is what a server process runs: it is up, with addresses (by
// name) for the clients; Sessions counts its lessons; Shutdown ends it.
type Server struct {
	Addrs    map[string]string
	Sessions func() int
	Shutdown func(context.Context)
}

// Serve runs the server that start makes, when this process was started
// as one (it then returns true, and TestMain should return): it collects
// garbage as jakstat serve does (at gcPercent unless GOGC is set), prints
// its addresses, answers "stats" with its goroutines, heap and sessions
// (JAKSTAT_LOAD_HEAP=FILE also writes a heap profile while sessions are
// open; JAKSTAT_LOAD_PROFILE=FILE a CPU profile of the whole run), and
// ends on "shutdown" or when its input closes.
func Serve(gcPercent int, start func() (Server, error)) bool {
	if os.Getenv(env) == "" {
		return false
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	srv, err := start()
	if err != nil {
		fmt.Println("error", err)
		return true
	}
	if path := os.Getenv("JAKSTAT_LOAD_PROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	var addrs []string
	for name, addr := range srv.Addrs {
		addrs = append(addrs, name+"="+addr)
	}
	fmt.Println("addr", strings.Join(addrs, " "))
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		switch sc.Text() {
		case "stats":
			// Twice: what a closed connection held is freed only in the
			// cycle after the one that runs its finalizers (one cycle
			// left 88 MiB "in use" after every session had ended; two,
			// 5.7 MiB).
			runtime.GC()
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
			return true
		}
	}
	return true
}

// Proc is a load test's server process.
type Proc struct {
	cmd   *exec.Cmd
	in    io.WriteCloser
	out   *bufio.Scanner
	addrs map[string]string
}

// Start starts this test binary again as the server (see Serve) and waits
// for its addresses; it is killed when the test ends.
func Start(t testing.TB) *Proc {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), env+"=1")
	in, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &Proc{cmd: cmd, in: in, out: bufio.NewScanner(out), addrs: map[string]string{}}
	t.Cleanup(func() { in.Close(); cmd.Process.Kill() })
	line, ok := strings.CutPrefix(p.line(), "addr ")
	if !ok {
		t.Fatalf("the server process said %q", line)
	}
	for _, f := range strings.Fields(line) {
		name, addr, _ := strings.Cut(f, "=")
		p.addrs[name] = addr
	}
	return p
}

func (p *Proc) line() string {
	p.out.Scan()
	return p.out.Text()
}

// Addr is the server's address of that name.
func (p *Proc) Addr(name string) string { return p.addrs[name] }

// Stats is what the server process uses.
type Stats struct {
	Goroutines, Sessions int
	HeapMiB, RSSMiB      float64
	Files                int
	CPU                  time.Duration // user and system time so far
}

// Stats asks the server process what it uses now.
func (p *Proc) Stats(t testing.TB) Stats {
	t.Helper()
	fmt.Fprintln(p.in, "stats")
	var s Stats
	var heap int64
	if _, err := fmt.Sscanf(p.line(), "stats %d %d %d", &s.Goroutines, &heap, &s.Sessions); err != nil {
		t.Fatalf("the server process went away: %v", err)
	}
	s.HeapMiB = float64(heap) / (1 << 20)
	pid := strconv.Itoa(p.cmd.Process.Pid)
	if status, err := os.ReadFile("/proc/" + pid + "/status"); err == nil {
		for _, line := range strings.Split(string(status), "\n") {
			if kb, ok := strings.CutPrefix(line, "VmRSS:"); ok {
				n, _ := strconv.Atoi(strings.Fields(kb)[0])
				s.RSSMiB = float64(n) / 1024
			}
		}
	}
	if fds, err := os.ReadDir("/proc/" + pid + "/fd"); err == nil {
		s.Files = len(fds)
	}
	if stat, err := os.ReadFile("/proc/" + pid + "/stat"); err == nil {
		f := strings.Fields(string(stat)[strings.LastIndex(string(stat), ")")+2:])
		ut, _ := strconv.Atoi(f[11])
		st, _ := strconv.Atoi(f[12])
		s.CPU = time.Duration(ut+st) * 10 * time.Millisecond // clock ticks of 1/100 s
	}
	return s
}

func (s Stats) String() string {
	return fmt.Sprintf("%d goroutines, %d open files, RSS %.1f MiB, heap in use %.1f MiB, %d lessons running", s.Goroutines, s.Files, s.RSSMiB, s.HeapMiB, s.Sessions)
}

// Finish is the end of a load test whose clients have all gone: it waits
// for the server's sessions to end and its goroutines to come back to
// about where they were before, fails the test if open files did not,
// logs what the server uses, and stops it.
func (p *Proc) Finish(t testing.TB, before Stats) {
	t.Helper()
	var after Stats
	// Settled: every session gone, and its goroutines and memory with it.
	// What stays on the heap is the room's shared render cache (a few
	// MiB); a leak of even one session's screens in ten would show. Memory
	// a closed connection held can take a few collections to go, so the
	// heap is watched until it settles, as the goroutines are.
	settled := func(s Stats) bool {
		return s.Sessions == 0 && s.Goroutines <= before.Goroutines+2 && s.HeapMiB <= before.HeapMiB+32
	}
	deadline := time.Now().Add(30 * time.Second)
	for after = p.Stats(t); !settled(after); after = p.Stats(t) {
		if time.Now().After(deadline) {
			t.Fatalf("the server did not settle (sessions, goroutines or heap): %s (before: %s)", after, before)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("after: %s", after)
	if after.Files > before.Files+2 {
		t.Errorf("open files went from %d to %d", before.Files, after.Files)
	}
	p.stop(t)
}

// stop asks the server to shut down and waits for it to end.
func (p *Proc) stop(t testing.TB) {
	t.Helper()
	fmt.Fprintln(p.in, "shutdown")
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Error("the server process did not end")
	}
}

// Latencies waits for every channel and returns how long after start each
// fired, sorted.
func Latencies(t testing.TB, what string, start time.Time, chans []<-chan time.Time) []time.Duration {
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

// Spread is durations as their median, 99th percentile and worst.
func Spread(d []time.Duration) string {
	if len(d) == 0 {
		return "none"
	}
	d = slices.Sorted(slices.Values(d))
	p99 := d[min(len(d)-1, len(d)*99/100)]
	return fmt.Sprintf("median %v, p99 %v, worst %v (%d)", d[len(d)/2].Round(100*time.Microsecond), p99.Round(100*time.Microsecond), d[len(d)-1].Round(100*time.Microsecond), len(d))
}
