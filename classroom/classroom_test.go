package classroom

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"jakstat/content"
)

func lesson(t testing.TB) *content.Lesson {
	t.Helper()
	l, err := content.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// sectionRun returns the number (from 1) of the first step that begins n
// steps of one section, so a test can move forward n-1 times without
// reaching a section's end, where questions would open.
func sectionRun(t testing.TB, n int) int {
	t.Helper()
	steps := lesson(t).Steps
	for i := 0; i+n <= len(steps); i++ {
		same := true
		for j := i + 1; j < i+n; j++ {
			same = same && steps[j].Section == steps[i].Section
		}
		if same {
			return i + 1
		}
	}
	t.Fatalf("no section has %d steps", n)
	return 0
}

// start runs a server on an ephemeral loopback port.
func start(t testing.TB, cfg Config) (*Server, string) {
	t.Helper()
	cfg.Lesson = lesson(t)
	if cfg.Listen == "" {
		cfg.Listen = "127.0.0.1:0"
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { srv.Serve(ln); close(done) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		<-done
	})
	return srv, ln.Addr().String()
}

func dial(addr, user, password string) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            user,
		Auth:            []gossh.AuthMethod{gossh.Password(password)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         5 * time.Second,
	})
}

// client opens a connection for tests that make their own sessions.
func client(t *testing.T, addr string) *gossh.Client {
	t.Helper()
	c, err := dial(addr, "x", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// syncBuffer collects a session's output safely.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// term is one person's connected lesson.
type term struct {
	client *gossh.Client
	sess   *gossh.Session
	in     io.WriteCloser
	out    *syncBuffer
}

func connect(t testing.TB, addr, user, password string) *term {
	t.Helper()
	c, err := dial(addr, user, password)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out := &syncBuffer{}
	sess.Stdout = out
	sess.Stderr = out
	in, _ := sess.StdinPipe()
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	tm := &term{client: c, sess: sess, in: in, out: out}
	t.Cleanup(func() { sess.Close(); c.Close() })
	return tm
}

func (tm *term) keys(s string) { io.WriteString(tm.in, s) }

// eventually polls cond until it holds; it gives up (and fails) after a
// generous bound, which is not a speed target: CI machines are busy.
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("timed out: %s", what)
}

// stepsOf returns the steps of every session but the presenter's.
func sessions(srv *Server) []int {
	var out []int
	for _, v := range srv.Steps() {
		out = append(out, v)
	}
	sort.Ints(out)
	return out
}

func TestStudentSeesTheLessonAndNavigates(t *testing.T) {
	srv, addr := start(t, Config{})
	st := connect(t, addr, "ada", "")
	eventually(t, "the lesson on screen", func() bool { return strings.Contains(st.out.String(), "JAK inhibitors for eczema") })
	st.keys("ll")
	eventually(t, "step 3", func() bool { s := sessions(srv); return len(s) == 1 && s[0] == 2 })
}

func TestFollowersFollowThePresenter(t *testing.T) {
	srv, addr := start(t, Config{PresenterPass: "teach"})
	a := connect(t, addr, "a", "")
	b := connect(t, addr, "b", "")
	eventually(t, "two students", func() bool { return len(srv.Steps()) == 2 })
	teacher := connect(t, addr, "teacher", "teach")
	eventually(t, "three sessions", func() bool { return len(srv.Steps()) == 3 })
	teacher.keys("5G")
	eventually(t, "everyone at step 5", func() bool { s := sessions(srv); return fmt.Sprint(s) == "[4 4 4]" })
	eventually(t, "the status line", func() bool { return strings.Contains(a.out.String(), "following the teacher") })
	_ = b
}

func TestBreakAwayAndSnapBack(t *testing.T) {
	srv, addr := start(t, Config{PresenterPass: "teach"})
	teacher := connect(t, addr, "teacher", "teach")
	st := connect(t, addr, "s", "")
	eventually(t, "two sessions", func() bool { return len(srv.Steps()) == 2 })
	last := len(lesson(t).Steps) - 1
	at := sectionRun(t, 2) - 1 // "l" from here moves on rather than opening questions
	teacher.keys(fmt.Sprintf("%dG", at+1))
	eventually(t, "the student follows", func() bool { return fmt.Sprint(sessions(srv)) == fmt.Sprintf("[%d %d]", at, at) })
	st.keys("G") // the student explores: breaks away
	eventually(t, "the student at the end", func() bool { return fmt.Sprint(sessions(srv)) == fmt.Sprintf("[%d %d]", at, last) })
	teacher.keys("l")
	eventually(t, "the teacher moves on alone", func() bool { return fmt.Sprint(sessions(srv)) == fmt.Sprintf("[%d %d]", at+1, last) })
	eventually(t, "the student sees where the teacher is", func() bool { return strings.Contains(st.out.String(), "F: follow") })
	st.keys("F")
	eventually(t, "the student snaps back", func() bool { return fmt.Sprint(sessions(srv)) == fmt.Sprintf("[%d %d]", at+1, at+1) })
}

func TestPresenterLeavingKeepsStudentsPlace(t *testing.T) {
	srv, addr := start(t, Config{PresenterPass: "teach"})
	teacher := connect(t, addr, "teacher", "teach")
	st := connect(t, addr, "s", "")
	teacher.keys("6G")
	eventually(t, "following", func() bool { return fmt.Sprint(sessions(srv)) == "[5 5]" })
	teacher.sess.Close()
	teacher.client.Close()
	eventually(t, "the teacher gone", func() bool { return len(srv.Steps()) == 1 })
	eventually(t, "on your own", func() bool { return strings.Contains(st.out.String(), "no teacher connected") })
	st.keys("l")
	eventually(t, "the student carries on", func() bool { return fmt.Sprint(sessions(srv)) == "[6]" })
}

func TestNoPTYIsRefused(t *testing.T) {
	_, addr := start(t, Config{})
	c := client(t, addr)
	sess, _ := c.NewSession()
	out, err := sess.CombinedOutput("")
	if err == nil || !strings.Contains(string(out), "PTY") {
		t.Errorf("a session without a terminal got %q, %v", out, err)
	}
}

func TestCommandsAreRefused(t *testing.T) {
	_, addr := start(t, Config{})
	c := client(t, addr)
	sess, _ := c.NewSession()
	sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{})
	out, err := sess.CombinedOutput("cat /etc/passwd")
	if err == nil || !strings.Contains(string(out), "runs no commands") || strings.Contains(string(out), "root:") {
		t.Errorf("a command got %q, %v", out, err)
	}
}

func TestPasswords(t *testing.T) {
	_, addr := start(t, Config{Password: "room", PresenterPass: "teach"})
	if _, err := dial(addr, "x", "wrong"); err == nil {
		t.Error("a wrong password was accepted")
	}
	if _, err := dial(addr, "x", ""); err == nil {
		t.Error("no password was accepted on a guarded room")
	}
	for _, pw := range []string{"room", "teach"} {
		c, err := dial(addr, "x", pw)
		if err != nil {
			t.Errorf("password %q refused: %v", pw, err)
			continue
		}
		c.Close()
	}
}

func TestOpenRoomOnlyOnLoopback(t *testing.T) {
	_, err := New(Config{Listen: "0.0.0.0:2222", Lesson: lesson(t)})
	if err == nil || !strings.Contains(err.Error(), "without a room password") {
		t.Errorf("an open room on the network: %v", err)
	}
	if _, err := New(Config{Listen: "0.0.0.0:2222", Password: "p", Lesson: lesson(t)}); err != nil {
		t.Errorf("a guarded room on the network: %v", err)
	}
}

func TestMaxSessions(t *testing.T) {
	srv, addr := start(t, Config{MaxSessions: 2})
	connect(t, addr, "a", "")
	connect(t, addr, "b", "")
	eventually(t, "two sessions", func() bool { return len(srv.Steps()) == 2 })
	third := connect(t, addr, "c", "")
	eventually(t, "the room is full", func() bool { return strings.Contains(third.out.String(), "The room is full (2 people)") })
	if err := third.sess.Wait(); err == nil {
		t.Error("the third session should end with an error status")
	}
}

func TestIdleTimeout(t *testing.T) {
	_, addr := start(t, Config{IdleTimeout: 300 * time.Millisecond})
	st := connect(t, addr, "a", "")
	done := make(chan error, 1)
	go func() { done <- st.sess.Wait() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("an idle session was not closed")
	}
}

func TestShutdownClosesEverySession(t *testing.T) {
	cfg := Config{Lesson: lesson(t), Listen: "127.0.0.1:0"}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	go srv.Serve(ln)
	var terms []*term
	for i := range 3 {
		terms = append(terms, connect(t, ln.Addr().String(), fmt.Sprint(i), ""))
	}
	eventually(t, "three sessions", func() bool { return len(srv.Steps()) == 3 })
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	for i, tm := range terms {
		done := make(chan struct{})
		go func() { tm.sess.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("session %d still open after shutdown", i)
		}
		if !strings.Contains(tm.out.String(), "goodbye") {
			t.Errorf("session %d got no goodbye", i)
		}
	}
}

func TestHostKeyIsCreatedPrivately(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keys", "host_ed25519")
	pem, err := hostKeyPEM(path)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("host key mode %v, %v", info.Mode(), err)
	}
	again, _ := hostKeyPEM(path)
	if !bytes.Equal(pem, again) {
		t.Error("the host key changed between runs")
	}
	if _, err := os.Stat("id_ed25519"); err == nil {
		t.Error("a key was written into the working directory")
	}
}

// TestLoad connects a presenter and 100 students on loopback, moves the
// presenter, and checks every student reaches the new step; it reports the
// latency, memory per session and goroutines left behind. With -short, or
// under the race detector, it uses 20 students.
func TestLoad(t *testing.T) {
	n := 100
	if testing.Short() || raceEnabled {
		n = 20
	}
	baseline := runtime.NumGoroutine()
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)

	srv, err := New(Config{Lesson: lesson(t), Listen: "127.0.0.1:0", PresenterPass: "teach", MaxSessions: n + 1})
	if err != nil {
		t.Fatal(err)
	}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	served := make(chan struct{})
	go func() { srv.Serve(ln); close(served) }()
	addr := ln.Addr().String()
	var terms []*term
	for i := range n {
		terms = append(terms, connect(t, addr, fmt.Sprint("s", i), ""))
	}
	teacher := connect(t, addr, "teacher", "teach")
	eventually(t, "everyone connected", func() bool { return len(srv.Steps()) == n+1 })
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	perSession := float64(after.HeapAlloc-before.HeapAlloc) / float64(n+1) / (1 << 20)

	var all []time.Duration
	for _, target := range []int{4, 7, 9, 13, 2} {
		// A teacher talks between moves: let the last step's diagram finish
		// playing in every lesson, as it would in class, before moving on.
		time.Sleep(3100 * time.Millisecond)
		start := time.Now()
		teacher.keys(fmt.Sprintf("%dG", target+1))
		eventually(t, fmt.Sprintf("all at step %d", target+1), func() bool {
			for _, s := range srv.Steps() {
				if s != target {
					return false
				}
			}
			return true
		})
		// Each lesson stamps the moment it moved; the latency is from the
		// presenter's key to that moment (its screen is drawn on the
		// renderer's next frame, at most 1/60 s later).
		var lat []time.Duration
		for _, at := range srv.MovedAt() {
			lat = append(lat, at.Sub(start))
		}
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		t.Logf("%d sessions to step %d: median %v, worst %v", n+1, target+1, lat[len(lat)/2], lat[len(lat)-1])
		all = append(all, lat...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	t.Logf("all moves: median %v, worst %v", all[len(all)/2], all[len(all)-1])
	t.Logf("heap per session: %.2f MiB", perSession)
	if perSession > 2 {
		t.Errorf("%.2f MiB per session", perSession)
	}

	for _, tm := range append(terms, teacher) {
		tm.sess.Close()
		tm.client.Close()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Shutdown(ctx)
	<-served
	eventually(t, "goroutines back to where they started", func() bool {
		return runtime.NumGoroutine() <= baseline+2
	})
}

func TestNoWindowSizeAndFastFlipping(t *testing.T) {
	srv, addr := start(t, Config{PresenterPass: "teach"})
	c := client(t, addr)
	sess, _ := c.NewSession()
	out := &syncBuffer{}
	sess.Stdout = out
	sess.RequestPty("xterm", 0, 0, gossh.TerminalModes{}) // a client that never says its size
	sess.Shell()
	defer sess.Close()
	eventually(t, "a lesson at a default size", func() bool { return strings.Contains(out.String(), "JAK inhibitors") })

	teacher := connect(t, addr, "teacher", "teach")
	eventually(t, "both connected", func() bool { return len(srv.Steps()) == 2 })
	at := sectionRun(t, 5) - 1 // five steps of one section: no questions on the way
	teacher.keys(fmt.Sprintf("%dG", at+1))
	eventually(t, "at the first of them", func() bool { return fmt.Sprint(sessions(srv)) == fmt.Sprintf("[%d %d]", at, at) })
	teacher.keys(strings.Repeat("l", 4) + strings.Repeat("h", 2) + "l") // flipping fast: ends three steps on
	eventually(t, "the follower ends where the teacher does", func() bool { return fmt.Sprint(sessions(srv)) == fmt.Sprintf("[%d %d]", at+3, at+3) })
}

func TestNoPortForwarding(t *testing.T) {
	_, addr := start(t, Config{})
	c := client(t, addr)
	if conn, err := c.Dial("tcp", addr); err == nil {
		conn.Close()
		t.Error("a session could forward a port")
	}
}

func TestOnePresenterAtATime(t *testing.T) {
	srv, addr := start(t, Config{PresenterPass: "teach"})
	first := connect(t, addr, "t1", "teach")
	eventually(t, "the first presenter", func() bool { return len(srv.Steps()) == 1 })
	second := connect(t, addr, "t2", "teach")
	eventually(t, "the second is turned away", func() bool { return strings.Contains(second.out.String(), "A presenter is already connected") })
	first.sess.Close()
	first.client.Close()
	eventually(t, "the first gone", func() bool { return len(srv.Steps()) == 0 })
	connect(t, addr, "t3", "teach")
	eventually(t, "a new presenter can take the room", func() bool { return len(srv.Steps()) == 1 })
}
