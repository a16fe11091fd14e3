package classroom

import (
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"
)

func TestHostKeyChecks(t *testing.T) {
	dir := t.TempDir()
	made := filepath.Join(dir, "keys", "host_ed25519")
	first, err := loadHostKey(made, true)
	if err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(made); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("a made host key has mode %v (%v)", info.Mode(), err)
	}
	again, err := loadHostKey(made, false)
	if err != nil || string(again.PublicKey().Marshal()) != string(first.PublicKey().Marshal()) {
		t.Errorf("the host key changed between runs: %v", err)
	}
	if _, err := loadHostKey(filepath.Join(dir, "typo"), false); err == nil || !strings.Contains(err.Error(), "typo does not exist") {
		t.Errorf("a missing --host-key: %v", err)
	}
	os.Chmod(made, 0o644)
	if _, err := loadHostKey(made, false); err == nil || !strings.Contains(err.Error(), made+" can be read by other users (mode 0644): run chmod 600") {
		t.Errorf("a host key others can read: %v", err)
	}
	junk := filepath.Join(dir, "junk")
	os.WriteFile(junk, []byte("not a key"), 0o600)
	if _, err := loadHostKey(junk, false); err == nil || !strings.Contains(err.Error(), "is not a private key") {
		t.Errorf("a host key that is not one: %v", err)
	}
	if _, err := os.Stat("id_ed25519"); err == nil {
		t.Error("a key was written into the working directory")
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

func TestBusyPortFailsAtListen(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	srv, err := New(Config{Listen: ln.Addr().String(), Lesson: lesson(t)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.Listen(); err == nil || !strings.Contains(err.Error(), "cannot listen on "+ln.Addr().String()+": bind: address already in use") {
		t.Errorf("a busy port: %v", err)
	}
}

func TestNoTerminalIsToldHowToConnect(t *testing.T) {
	_, addr := start(t, Config{})
	c := mustDial(t, addr, "x", gossh.Password(""))
	defer c.Close()
	sess, _ := c.NewSession()
	out, err := sess.CombinedOutput("")
	if err == nil || !strings.Contains(string(out), "connect with ssh -t") || strings.Contains(string(out), "PTY") {
		t.Errorf("a session without a terminal got %q, %v", out, err)
	}
}

func TestCommandsAreRefused(t *testing.T) {
	_, addr := start(t, Config{})
	c := mustDial(t, addr, "x", gossh.Password(""))
	defer c.Close()
	sess, _ := c.NewSession()
	sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{})
	out, err := sess.CombinedOutput("cat /etc/passwd")
	if err == nil || !strings.Contains(string(out), "runs no commands") || strings.Contains(string(out), "root:") {
		t.Errorf("a command got %q, %v", out, err)
	}
}

func TestForwardingIsRefused(t *testing.T) {
	_, addr := start(t, Config{})
	c := mustDial(t, addr, "x", gossh.Password(""))
	defer c.Close()
	if conn, err := c.Dial("tcp", addr); err == nil {
		conn.Close()
		t.Error("a session could forward a port")
	}
	if _, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		t.Error("a session could forward a port back")
	}
	sess, _ := c.NewSession()
	defer sess.Close()
	for _, req := range []string{"auth-agent-req@openssh.com", "x11-req", "subsystem", "no-such-request"} {
		if ok, err := sess.SendRequest(req, true, nil); ok || err != nil {
			t.Errorf("%s: granted %v (%v)", req, ok, err)
		}
	}
	refused := 0
	for i := range 40 {
		if sess.Setenv(fmt.Sprint("V", i), "x") != nil {
			refused++
		}
	}
	if refused != 40-maxEnv {
		t.Errorf("%d of 40 environment variables refused, want %d", refused, 40-maxEnv)
	}
}

// TestLoginGraceAndWaitingCap: connections that do not sign in are capped
// and closed after the grace time; a student gets in once they are gone.
func TestLoginGraceAndWaitingCap(t *testing.T) {
	var log syncBuffer
	_, addr := start(t, Config{MaxStartups: 2, LoginGrace: 500 * time.Millisecond, Log: &log})
	var idle []net.Conn
	for range 2 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		idle = append(idle, c)
	}
	// Let the server take both before the third comes.
	eventually(t, "both connections taken", func() bool { return len(readSome(idle[0])) > 0 && len(readSome(idle[1])) > 0 })
	third, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer third.Close()
	if _, err := io.ReadAll(third); err != nil {
		t.Errorf("the third connection: %v", err)
	}
	eventually(t, "the refusal logged", func() bool { return strings.Contains(log.String(), "already signing in") })
	for i, c := range idle {
		c.SetReadDeadline(time.Now().Add(30 * time.Second))
		if _, err := io.Copy(io.Discard, c); err != nil {
			t.Errorf("connection %d was not closed after the grace time: %v", i, err)
		}
	}
	eventually(t, "the grace time logged", func() bool { return strings.Contains(log.String(), "no lesson open after 500ms") })
	connect(t, addr, "ada", "").waitScreen(t, "JAK inhibitors")
}

// readSome reads what has arrived (the server's version line).
func readSome(c net.Conn) []byte {
	c.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
	buf := make([]byte, 256)
	n, _ := c.Read(buf)
	return buf[:n]
}

func TestPresenterSeatIsKept(t *testing.T) {
	srv, addr := start(t, Config{MaxSessions: 1, PresenterPass: "teach"})
	connect(t, addr, "a", "").waitScreen(t, "JAK inhibitors")
	full := connect(t, addr, "b", "")
	if code := full.ended(t); code != 1 {
		t.Errorf("the second student's session ended with %d", code)
	}
	if !strings.Contains(full.errs.String(), "The room is full. Please try again later.") {
		t.Errorf("the second student was told %q", full.errs.String())
	}
	connect(t, addr, "presenter", "teach").waitScreen(t, "0:0")
	connect(t, addr, "notes", "teach").waitScreen(t, "Speaker notes")
	if s := srv.room.Status(); !s.Teacher || s.Students != 1 {
		t.Errorf("the room: %+v", s)
	}
}

func TestASecondPresenterTakesOver(t *testing.T) {
	srv, addr := start(t, Config{PresenterPass: "teach"})
	first := connect(t, addr, "presenter", "teach")
	first.waitScreen(t, "0:0")
	first.keys("3G")
	eventually(t, "the room at step 3", func() bool { return teacherAt(srv) == 3 })
	second := connect(t, addr, "presenter", "teach")
	if code := first.ended(t); code != 0 {
		t.Errorf("the first presenter's session ended with %d", code)
	}
	<-first.done
	out := first.raw.String()
	if !strings.Contains(out, "signed in as the presenter somewhere else") || !strings.Contains(out, "\x1b[?1049l") {
		t.Errorf("the first presenter was not told, or the terminal not given back:\n%q", out[max(len(out)-300, 0):])
	}
	second.waitScreen(t, fmt.Sprintf("3/%d", len(lesson(t).Steps)))
	second.keys("l")
	eventually(t, "the second presenter moves the room", func() bool { return teacherAt(srv) == 4 })
}

// TestIdleMeansNoInput: a session whose screen keeps changing (a
// presenter's clock ticks every second) but whose client sends nothing is
// closed after the idle time, its terminal given back, with a word why.
func TestIdleMeansNoInput(t *testing.T) {
	_, addr := start(t, Config{PresenterPass: "teach", IdleTimeout: 1500 * time.Millisecond})
	teacher := connect(t, addr, "presenter", "teach")
	teacher.waitScreen(t, "0:01")
	if code := teacher.ended(t); code != 0 {
		t.Errorf("ended with %d", code)
	}
	<-teacher.done
	out := teacher.raw.String()
	last := strings.LastIndex(out, "\x1b[?1049l")
	if last < 0 || !strings.Contains(out[last:], "Closed after 1.5s without a key press") {
		t.Errorf("the idle session's end:\n%q", out[max(len(out)-300, 0):])
	}
	for _, mode := range []string{"\x1b[?25h", "\x1b[?1002l", "\x1b[?1006l"} {
		if !strings.Contains(out[max(last-400, 0):], mode) {
			t.Errorf("the terminal was not given back (%q)", mode)
		}
	}
}

func TestIdleInputCountsOnlyInput(t *testing.T) {
	in := &idleInput{r: strings.NewReader("keys")}
	if in.last.Load() != 0 {
		t.Fatal("a new input has had input")
	}
	buf := make([]byte, 2)
	in.Read(buf)
	first := in.last.Load()
	if first == 0 {
		t.Fatal("input was not noted")
	}
	in.Read(buf)
	in.Read(buf) // nothing left: EOF
	if in.last.Load() < first {
		t.Error("the last input went back in time")
	}
}

func TestWindowSizesAreClamped(t *testing.T) {
	srv, addr := start(t, Config{})
	var mu sync.Mutex
	var sizes [][2]int
	srv.wrapModel = func(m tea.Model) tea.Model {
		return sizeSpy{m, func(w, h int) {
			mu.Lock()
			defer mu.Unlock()
			sizes = append(sizes, [2]int{w, h})
		}}
	}
	c := mustDial(t, addr, "big", gossh.Password(""))
	tm := open(t, c, 1000, 1000)
	tm.waitScreen(t, "JAK inhibitors")
	if err := tm.sess.WindowChange(20, 5000); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the resize seen", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(sizes) > 0 && sizes[len(sizes)-1] == [2]int{MaxWidth, 20}
	})
	mu.Lock()
	defer mu.Unlock()
	for _, sz := range sizes {
		if sz[0] > MaxWidth || sz[1] > MaxHeight {
			t.Errorf("the lesson was given %dx%d", sz[0], sz[1])
		}
	}
}

// sizeSpy is a lesson whose window sizes a test sees.
type sizeSpy struct {
	tea.Model
	saw func(w, h int)
}

func (s sizeSpy) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m, ok := msg.(tea.WindowSizeMsg); ok {
		s.saw(m.Width, m.Height)
	}
	next, cmd := s.Model.Update(msg)
	return sizeSpy{next, s.saw}, cmd
}
