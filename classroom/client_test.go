package classroom

import (
	"bytes"
	"context"
	"fmt"
	"image/color"
	"io"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"

	"jakstat/content"
	"jakstat/internal/fixture"
)

// The tests drive real SSH clients (golang.org/x/crypto/ssh) with a
// terminal: each client's output goes through a terminal emulator, which
// also answers the lesson's terminal queries as a terminal would, so a test
// reads the screen a person would see.

func lesson(t testing.TB) *content.Lesson { return fixture.Shipped(t) }

// start runs a server for cfg on an ephemeral loopback port.
func start(t testing.TB, cfg Config) (*Server, string) {
	t.Helper()
	srv, addr, stop := serveFor(t, cfg)
	t.Cleanup(stop)
	return srv, addr
}

// serveFor runs a server and returns how to stop it.
func serveFor(t testing.TB, cfg Config) (*Server, string, func()) {
	t.Helper()
	if cfg.Lesson == nil {
		cfg.Lesson = lesson(t)
	}
	if cfg.Listen == "" {
		cfg.Listen = "127.0.0.1:0"
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := srv.Listen()
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { srv.Serve(ln); close(done) }()
	var once sync.Once
	return srv, ln.Addr().String(), func() {
		once.Do(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			srv.Shutdown(ctx)
			<-done
		})
	}
}

func dialWith(addr, user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            user,
		Auth:            auth,
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         10 * time.Second,
	})
}

func dial(addr, user, password string) (*gossh.Client, error) {
	return dialWith(addr, user, gossh.Password(password))
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

// term is one person's connected lesson, seen through a terminal emulator.
type term struct {
	client *gossh.Client
	sess   *gossh.Session
	raw    syncBuffer // every byte the server sent
	errs   syncBuffer // what it sent on standard error

	inMu sync.Mutex
	in   io.WriteCloser

	drawn atomic.Bool // the lesson has drawn a screen

	mu     sync.Mutex
	emu    *vt.Emulator
	onData func(screen string, at time.Time) // called after each chunk, for the load test
	done   chan struct{}                     // closed when the output ends
}

// connect signs in with a password and opens a lesson in an 80x24 terminal.
func connect(t testing.TB, addr, user, password string) *term {
	t.Helper()
	c, err := dial(addr, user, password)
	if err != nil {
		t.Fatalf("dial %s: %v", user, err)
	}
	return open(t, c, 80, 24)
}

// open opens a lesson on a connected client in a w x h terminal.
func open(t testing.TB, c *gossh.Client, w, h int) *term {
	t.Helper()
	tm, err := openTerm(c, w, h)
	if err != nil {
		c.Close()
		t.Fatal(err)
	}
	t.Cleanup(tm.close)
	return tm
}

func openTerm(c *gossh.Client, w, h int) (*term, error) {
	return openTermOn(c, w, h, nil)
}

// openTermOn opens a lesson in a terminal whose background is bg (nil: the
// emulator's own, black), as it answers the lesson's question about it.
func openTermOn(c *gossh.Client, w, h int, bg color.Color) (*term, error) {
	sess, err := c.NewSession()
	if err != nil {
		return nil, err
	}
	tm := &term{client: c, sess: sess, emu: vt.NewEmulator(w, h), done: make(chan struct{})}
	if bg != nil {
		tm.emu.SetDefaultBackgroundColor(bg)
	}
	out, _ := sess.StdoutPipe()
	sess.Stderr = &tm.errs
	tm.in, _ = sess.StdinPipe()
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		return nil, err
	}
	if err := sess.Shell(); err != nil {
		return nil, err
	}
	go tm.read(out)
	go tm.answerQueries()
	return tm, nil
}

// read feeds the server's output to the emulator.
func (tm *term) read(out io.Reader) {
	defer close(tm.done)
	buf := make([]byte, 32<<10)
	for {
		n, err := out.Read(buf)
		if n > 0 {
			at := time.Now()
			tm.raw.Write(buf[:n])
			tm.mu.Lock()
			tm.emu.Write(buf[:n])
			if tm.onData != nil {
				tm.onData(tm.emu.String(), at)
			}
			tm.mu.Unlock()
		}
		if err != nil {
			// Ends answerQueries (Emulator.Close would race with its Read).
			if pw, ok := tm.emu.InputPipe().(*io.PipeWriter); ok {
				pw.CloseWithError(io.EOF)
			}
			return
		}
	}
}

// answerQueries sends the emulator's replies (to the lesson's questions
// about the terminal) back, as a terminal does.
func (tm *term) answerQueries() {
	buf := make([]byte, 1024)
	for {
		n, err := tm.emu.Read(buf)
		if n > 0 {
			tm.send(string(buf[:n]))
		}
		if err != nil {
			return
		}
	}
}

func (tm *term) send(s string) {
	tm.inMu.Lock()
	defer tm.inMu.Unlock()
	io.WriteString(tm.in, s)
}

// keys types s, once the lesson has drawn its first screen: keys typed
// before the lesson knows its window's size do nothing (its "too small"
// screen takes them), and a person cannot type at what they cannot see.
func (tm *term) keys(s string) {
	if !tm.drawn.Load() {
		for deadline := time.Now().Add(30 * time.Second); strings.TrimSpace(tm.screen()) == "" && time.Now().Before(deadline); {
			time.Sleep(5 * time.Millisecond)
		}
		tm.drawn.Store(true)
	}
	tm.send(s)
}

// screen is what the terminal shows now.
func (tm *term) screen() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.emu.String()
}

func (tm *term) close() {
	tm.sess.Close()
	tm.client.Close()
}

// ended waits for the session to end and returns its exit status.
func (tm *term) ended(t testing.TB) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- tm.sess.Wait() }()
	select {
	case err := <-done:
		if e, ok := err.(*gossh.ExitError); ok {
			return e.ExitStatus()
		}
		if err != nil {
			return -1
		}
		return 0
	case <-time.After(30 * time.Second):
		t.Fatal("the session did not end")
	}
	return 0
}

// waitScreen waits for the screen to show want.
func (tm *term) waitScreen(t testing.TB, want string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(tm.screen(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for the screen to show %q; it shows:\n%s", want, tm.screen())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitFollowing waits for a student's screen to say it follows the
// teacher, on step (one-based): the status line says the one, and the
// header the other (at 80 columns the status line has no room for the
// step beside the disclaimer and date).
func (tm *term) waitFollowing(t testing.TB, step int) {
	t.Helper()
	at := fmt.Sprintf(" %d/%d", step, len(lesson(t).Steps))
	eventually(t, "following the teacher at step "+at, func() bool {
		s := tm.screen()
		return strings.Contains(s, "following the teacher") && strings.Contains(s, at)
	})
}

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

// steps is every student's step (one-based), sorted, from the room.
func steps(srv *Server) string {
	r := srv.room
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []int
	for m := range r.students {
		out = append(out, m.seat.Step+1)
	}
	sort.Ints(out)
	return fmt.Sprint(out)
}

// students is how many students the room has.
func students(srv *Server) int { return srv.room.Status().Students }

// teacherAt is the teacher's step (one-based), as the room holds it.
func teacherAt(srv *Server) int { return srv.room.View().Step + 1 }

// sectionRun returns the number (from 1) of the first step that begins n
// steps of one section, so a test can move forward n-1 times without
// reaching a section's end, where questions would open.
func sectionRun(t testing.TB, n int) int {
	t.Helper()
	st := lesson(t).Steps
	for i := 0; i+n <= len(st); i++ {
		same := true
		for j := i + 1; j < i+n; j++ {
			same = same && st[j].Section == st[i].Section
		}
		if same {
			return i + 1
		}
	}
	t.Fatalf("no section has %d steps", n)
	return 0
}

// sectionEnd returns the number (from 1) of the last step of the first
// section with questions, and those questions.
func sectionEnd(t testing.TB) (int, []content.Question) { return fixture.FirstCheck(t, lesson(t)) }

// memStore is a Store in memory.
type memStore struct {
	mu   sync.Mutex
	data []byte
}

func (m *memStore) Load() ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.data, nil
}

func (m *memStore) Save(b []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.data = bytes.Clone(b)
	return nil
}

func (m *memStore) String() string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return string(m.data)
}
