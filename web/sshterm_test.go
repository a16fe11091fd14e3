package web

import (
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
)

// sshTerm is someone in the room over SSH (golang.org/x/crypto/ssh, with a
// terminal), their screen read through a terminal emulator that also
// answers the lesson's questions about the terminal.
type sshTerm struct {
	client *gossh.Client
	in     io.WriteCloser
	inMu   sync.Mutex

	mu     sync.Mutex
	emu    *vt.Emulator
	onData func(screen string, at time.Time) // called after each chunk, for the load test
}

// sshJoin signs in as user with password and opens a lesson in a w x h
// terminal.
func sshJoin(t testing.TB, addr, user, password string, w, h int) *sshTerm {
	t.Helper()
	c := sshDial(t, addr, user, password)
	t.Cleanup(func() { c.Close() })
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	st := &sshTerm{client: c, emu: vt.NewEmulator(w, h)}
	out, _ := sess.StdoutPipe()
	st.in, _ = sess.StdinPipe()
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go st.read(out)
	go st.answer()
	eventually(t, user+"'s lesson drawn", func() bool { return strings.Contains(st.screen(), "/") })
	return st
}

// read feeds the server's output to the emulator.
func (st *sshTerm) read(out io.Reader) {
	buf := make([]byte, 32<<10)
	for {
		n, err := out.Read(buf)
		at := time.Now()
		st.mu.Lock()
		st.emu.Write(buf[:n])
		if st.onData != nil {
			st.onData(st.emu.String(), at)
		}
		st.mu.Unlock()
		if err != nil {
			// Ends answer (Emulator.Close would race with its Read).
			if pw, ok := st.emu.InputPipe().(*io.PipeWriter); ok {
				pw.CloseWithError(io.EOF)
			}
			return
		}
	}
}

// answer sends the emulator's replies back, as a terminal does.
func (st *sshTerm) answer() {
	buf := make([]byte, 1024)
	for {
		n, err := st.emu.Read(buf)
		st.keys(string(buf[:n]))
		if err != nil {
			return
		}
	}
}

// keys types s.
func (st *sshTerm) keys(s string) {
	st.inMu.Lock()
	defer st.inMu.Unlock()
	io.WriteString(st.in, s)
}

func (st *sshTerm) screen() string {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.emu.String()
}

// waitScreen waits for the screen to show want.
func (st *sshTerm) waitScreen(t testing.TB, want string) {
	t.Helper()
	waitShows(t, "the SSH screen", st.screen, want)
}

// sshOutput signs in as user with password, asks for a lesson in a
// terminal, and returns all the session wrote (standard output and error)
// once it ends: for a session the server refuses.
func sshOutput(t testing.TB, addr, user, password string) string {
	t.Helper()
	c := sshDial(t, addr, user, password)
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	sess.Stdout, sess.Stderr = &out, &out
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { sess.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the SSH session did not end")
	}
	return out.String()
}

// sshDial connects and signs in as user with password.
func sshDial(t testing.TB, addr, user, password string) *gossh.Client {
	t.Helper()
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{User: user, Auth: []gossh.AuthMethod{gossh.Password(password)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second})
	if err != nil {
		t.Fatalf("ssh %s@%s: %v", user, addr, err)
	}
	return c
}

// watch returns a channel that gets the moment the screen first shows
// want (at once if it does already).
func (st *sshTerm) watch(want string) <-chan time.Time {
	got := make(chan time.Time, 1)
	var once sync.Once
	st.mu.Lock()
	defer st.mu.Unlock()
	st.onData = func(screen string, at time.Time) {
		if strings.Contains(screen, want) {
			once.Do(func() { got <- at })
		}
	}
	st.onData(st.emu.String(), time.Now())
	return got
}

func (st *sshTerm) waitFollowing(t testing.TB, step int) {
	t.Helper()
	waitFollowing(t, "the SSH screen", st.screen, step)
}
