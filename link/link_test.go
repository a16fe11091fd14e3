package link

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// follower records what a Follow call sees.
type follower struct {
	mu        sync.Mutex
	positions []Position
	connected bool
}

func (f *follower) onPosition(p Position) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.positions = append(f.positions, p)
}

func (f *follower) onState(c bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.connected = c
}

// waitFor polls until cond holds, failing after two seconds.
func (f *follower) waitFor(t *testing.T, what string, cond func(last Position, n int, connected bool) bool) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		f.mu.Lock()
		var last Position
		if n := len(f.positions); n > 0 {
			last = f.positions[n-1]
		}
		ok := cond(last, len(f.positions), f.connected)
		f.mu.Unlock()
		if ok {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

// endpoint is a fresh endpoint on network: a Unix socket, or a loopback
// port as on Windows.
func endpoint(t *testing.T, network string) Endpoint {
	// Unix socket paths are short; t.TempDir() can be too long.
	dir, err := os.MkdirTemp("", "jl")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if network == "tcp" {
		return Endpoint{Network: "tcp", Path: filepath.Join(dir, "present.port")}
	}
	return Endpoint{Network: "unix", Path: filepath.Join(dir, "s.sock")}
}

// networks runs a test once per kind of endpoint.
func networks(t *testing.T, test func(t *testing.T, network string)) {
	for _, n := range []string{"unix", "tcp"} {
		t.Run(n, func(t *testing.T) { test(t, n) })
	}
}

func TestFollowerThenPresenterThenRestart(t *testing.T) {
	networks(t, followerThenPresenterThenRestart)
}

func followerThenPresenterThenRestart(t *testing.T, network string) {
	path := endpoint(t, network)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var f follower
	done := make(chan struct{})
	go func() { Follow(ctx, path, 10*time.Millisecond, f.onPosition, f.onState); close(done) }()

	// The notes view started first: it waits, then picks up the presenter.
	s, err := Serve(path)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	s.Publish(Position{Step: 3, Started: start})
	f.waitFor(t, "step 4", func(p Position, _ int, c bool) bool { return c && p.Step == 3 })
	s.Publish(Position{Step: 4, Started: start})
	f.waitFor(t, "step 5", func(p Position, _ int, _ bool) bool { return p.Step == 4 })

	// The presenter restarts: the follower reconnects and gets the new position.
	s.Close()
	f.waitFor(t, "disconnect", func(_ Position, _ int, c bool) bool { return !c })
	s2, err := Serve(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	s2.Publish(Position{Step: 9, Started: start})
	f.waitFor(t, "step 10 after the restart", func(p Position, _ int, c bool) bool { return c && p.Step == 9 })

	cancel()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatal("Follow did not stop when its context ended")
	}
}

func TestLateFollowerGetsTheCurrentPosition(t *testing.T) {
	networks(t, lateFollowerGetsTheCurrentPosition)
}

func lateFollowerGetsTheCurrentPosition(t *testing.T, network string) {
	path := endpoint(t, network)
	s, err := Serve(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Publish(Position{Step: 7})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var f follower
	go Follow(ctx, path, 10*time.Millisecond, f.onPosition, f.onState)
	f.waitFor(t, "the current step", func(p Position, n int, _ bool) bool { return n > 0 && p.Step == 7 })
}

func TestSecondPresenterIsBusyAndStaleSocketsAreReplaced(t *testing.T) {
	networks(t, secondPresenterIsBusyAndStaleSocketsAreReplaced)
}

func secondPresenterIsBusyAndStaleSocketsAreReplaced(t *testing.T, network string) {
	path := endpoint(t, network)
	s, err := Serve(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Serve(path); err != ErrBusy {
		t.Errorf("a second presenter got %v, want ErrBusy", err)
	}
	s.Close()
	os.WriteFile(path.Path, nil, 0o600) // a stale file where the socket was
	s2, err := Serve(path)
	if err != nil {
		t.Fatalf("a stale socket file was not replaced: %v", err)
	}
	s2.Close()
}

// TestFollowerAsksForThePosition: a follower may ask for the presenter's
// place at any time (Follow asks as soon as it connects, so one that was
// not ready for the first push still gets it), and the check on the
// presenter's screen comes with it.
func TestFollowerAsksForThePosition(t *testing.T) {
	path := endpoint(t, "unix")
	s, err := Serve(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Publish(Position{Step: 5, Question: "jak-pairs", Revealed: true, Blank: true})
	c, err := net.Dial("unix", path.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	r := bufio.NewReader(c)
	first, _ := r.ReadString('\n')
	fmt.Fprintln(c, ask)
	second, _ := r.ReadString('\n')
	if first == "" || first != second || !strings.Contains(second, `"question":"jak-pairs","revealed":true,"blank":true`) {
		t.Errorf("pushed %q, then asked and got %q", first, second)
	}
}
