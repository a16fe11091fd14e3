package link

import (
	"context"
	"os"
	"path/filepath"
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

func socket(t *testing.T) string {
	// Unix socket paths are short; t.TempDir() can be too long.
	dir, err := os.MkdirTemp("", "jl")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return filepath.Join(dir, "s.sock")
}

func TestFollowerThenPresenterThenRestart(t *testing.T) {
	path := socket(t)
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
	path := socket(t)
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
	path := socket(t)
	s, err := Serve(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Serve(path); err != ErrBusy {
		t.Errorf("a second presenter got %v, want ErrBusy", err)
	}
	s.Close()
	os.WriteFile(path, nil, 0o600) // a stale file where the socket was
	s2, err := Serve(path)
	if err != nil {
		t.Fatalf("a stale socket file was not replaced: %v", err)
	}
	s2.Close()
}

func TestSocketPath(t *testing.T) {
	env := func(k string) string {
		if k == "XDG_RUNTIME_DIR" {
			return "/run/user/1000"
		}
		return ""
	}
	if got := SocketPath(env); got != "/run/user/1000/jakstat/present.sock" {
		t.Errorf("SocketPath = %s", got)
	}
	if got := SocketPath(func(string) string { return "" }); filepath.Base(got) != "present.sock" {
		t.Errorf("fallback SocketPath = %s", got)
	}
}
