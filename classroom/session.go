package classroom

import (
	"errors"
	"fmt"
	"io"
	"net"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2/bubbletea"

	"jakstat/model"
)

// A session is one person's lesson over SSH: checked (a terminal, no
// command, the role its sign-in proved), seated in the room, run, and
// ended in every case with the terminal given back as it was found: the
// lesson quits (which leaves the alternate screen, turns the mouse off and
// shows the cursor) and a last line says why it ended.

// Window limits, for every front door: a terminal (or a browser) may say
// it is any size, and a lesson's memory grows with its window; beyond
// these it is drawn in the top-left corner.
const (
	MaxWidth  = 300
	MaxHeight = 100
)

// quitWait is how long a lesson told to quit may take before its
// connection is closed under it (a client that stopped reading cannot take
// the last frame).
const quitWait = 3 * time.Second

// resetTerminal puts a terminal back as a lesson found it, for when the
// lesson could not: the main screen, no mouse reports, no bracketed paste,
// plain text, the cursor shown.
const resetTerminal = "\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?2004l\x1b[0m\x1b[?1049l\x1b[?25h\r\n"

// ending is why a session ends, set once by whoever ends it first.
type ending struct {
	once   sync.Once
	reason string
	code   int
}

func (e *ending) set(reason string, code int) {
	e.once.Do(func() { e.reason, e.code = reason, code })
}

// handle is a session: the whole life of one person's lesson.
func (s *Server) handle(sess ssh.Session) {
	s.active.Add(1)
	defer s.active.Add(-1)
	g, _ := sess.Context().Value(guardKey{}).(*guard)
	if g != nil {
		defer g.release()
	}
	var end ending
	defer func() {
		if r := recover(); r != nil {
			s.logf("a session of %q from %s failed: %v\n%s", sess.User(), sess.RemoteAddr(), r, debug.Stack())
			io.WriteString(sess, resetTerminal)
			end.set("Something went wrong on the server, so this session has ended; the room carries on. Please connect again.", 1)
		}
		s.sayGoodbye(sess, &end)
	}()
	if g != nil && !g.admit() {
		end.set(fmt.Sprintf("A connection may open %d lessons at most.", maxSessionsPerConn), 1)
		return
	}
	role, ok := s.gate.creds.provenRole(sess.User(), sess.Permissions().Extensions, sess.PublicKey())
	pty, windows, hasPty := sess.Pty()
	switch {
	case !ok:
		s.logf("refused %q from %s: its sign-in did not prove the %s's credential", sess.User(), sess.RemoteAddr(), role)
		end.set("This sign-in does not prove the "+role.String()+"'s credential.", 1)
		return
	case len(sess.Command()) > 0:
		end.set("This server only shows the lesson; it runs no commands.", 1)
		return
	case !hasPty:
		end.set("The lesson needs a terminal: connect with "+sshCommand(sess)+" (with -t, or without -T).", 1)
		return
	}
	if s.testHook != nil {
		s.testHook(sess)
	}
	kicked := make(chan struct{})
	member, err := s.room.Join(role, func(reason string) {
		end.set(reason, 0)
		close(kicked)
	})
	if err != nil {
		if errors.Is(err, ErrFull) {
			err = errors.New("the room is full. Please try again later")
		}
		end.set(upperFirst(err.Error())+".", 1)
		return
	}
	defer member.Leave()
	s.logf("%s joined as %s from %s", sess.User(), role, sess.RemoteAddr())
	defer s.logf("%s (%s) left", sess.User(), role)
	s.runLesson(sess, member, pty.Window, windows, kicked, &end)
}

// runLesson runs the member's lesson in the session until it quits, the
// client goes, the room closes, the seat is taken over (kicked) or the
// session has been idle too long.
func (s *Server) runLesson(sess ssh.Session, member *Member, win ssh.Window, windows <-chan ssh.Window, kicked <-chan struct{}, end *ending) {
	input := &idleInput{r: sess}
	var m tea.Model = member.Lesson(model.Options{Theme: model.ThemeAuto})
	if s.wrapModel != nil {
		m = s.wrapModel(m)
	}
	w, h := ClampWindow(win.Width, win.Height)
	opts := append(bubbletea.MakeOptions(sess),
		tea.WithInput(&pasteLimit{r: input}),
		tea.WithWindowSize(w, h),
		tea.WithContext(sess.Context()),
		// The server's own Ctrl+C is handled by Shutdown; a lesson must not
		// take it as its own.
		tea.WithoutSignalHandler(),
		tea.WithFilter(FilterMsg),
		tea.WithFPS(120),
	)
	p := tea.NewProgram(m, opts...)
	s.track(p, sess, end)
	defer s.untrack(p)
	member.Attach(p)

	idle := WatchIdle(&input.Activity, s.cfg.IdleTimeout, func() {
		end.set(fmt.Sprintf("Closed after %v without a key press. Connect again to carry on.", s.cfg.IdleTimeout), 0)
		s.quit(p, sess)
	})
	defer idle.Stop()
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for {
			select {
			case <-stop:
				return
			case <-kicked:
				s.quit(p, sess)
				kicked = nil
			case w, ok := <-windows:
				if !ok {
					return
				}
				// Clamped here: Bubble Tea drops a size it finds implausible
				// before any filter sees it.
				width, height := ClampWindow(w.Width, w.Height)
				p.Send(tea.WindowSizeMsg{Width: width, Height: height})
			}
		}
	}()

	if _, err := p.Run(); err != nil {
		// A lesson that was killed (a panic, a lost connection) could not
		// put the terminal back itself.
		io.WriteString(sess, resetTerminal)
		if errors.Is(err, tea.ErrProgramPanic) {
			s.logf("the lesson of %q from %s crashed (its stack is above); only that session ended", sess.User(), sess.RemoteAddr())
			end.set("Something went wrong on the server, so this session has ended; the room carries on. Please connect again.", 1)
		}
	}
}

// quit asks a lesson to end and, if it cannot (its client stopped reading),
// closes the session under it.
func (s *Server) quit(p *tea.Program, sess ssh.Session) {
	go p.Quit()
	time.AfterFunc(quitWait, func() { sess.Close() })
}

// sayGoodbye writes the session's last line and its exit status.
func (s *Server) sayGoodbye(sess ssh.Session, end *ending) {
	end.set("Goodbye!", 0)
	if s.closing.Load() && end.code == 0 {
		end.reason = "The classroom is closing. Thank you for joining, and goodbye!"
	}
	w := io.Writer(sess)
	if end.code != 0 {
		w = sess.Stderr()
	}
	fmt.Fprintf(w, "%s\r\n", end.reason)
	sess.Exit(end.code)
}

// FilterMsg keeps a lesson's window within the limits, and turns a
// suspend (ctrl+z) into nothing: a session cannot be suspended. Every
// front door's lessons run with it (tea.WithFilter).
func FilterMsg(_ tea.Model, msg tea.Msg) tea.Msg {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		msg.Width, msg.Height = ClampWindow(msg.Width, msg.Height)
		return msg
	case tea.SuspendMsg:
		return tea.ResumeMsg{}
	}
	return msg
}

// ClampWindow keeps a window size within the limits (MaxWidth x
// MaxHeight); a client that never said its size gets 80x24.
func ClampWindow(w, h int) (int, int) {
	if w <= 0 || h <= 0 {
		return 80, 24
	}
	return min(w, MaxWidth), min(h, MaxHeight)
}

// idleInput is a session's input that notes when the client last typed.
type idleInput struct {
	r io.Reader
	Activity
}

func (in *idleInput) Read(p []byte) (int, error) {
	n, err := in.r.Read(p)
	if n > 0 {
		in.Touch()
	}
	return n, err
}

// Activity is when a member last gave input: idle means no input from
// that client, whatever its screen shows.
type Activity struct {
	last atomic.Int64 // unix nanoseconds
}

// Touch notes input now.
func (a *Activity) Touch() { a.last.Store(time.Now().UnixNano()) }

// IdleWatch calls its expire once an Activity has been idle too long.
type IdleWatch struct {
	mu      sync.Mutex
	t       *time.Timer
	stopped bool
}

// WatchIdle notes input now, and calls expire (once, on a goroutine of its
// own) when a has had none for timeout, until Stop.
func WatchIdle(a *Activity, timeout time.Duration, expire func()) *IdleWatch {
	a.Touch()
	w := &IdleWatch{}
	var check func()
	check = func() {
		w.mu.Lock()
		defer w.mu.Unlock()
		if w.stopped {
			return
		}
		if left := timeout - time.Since(time.Unix(0, a.last.Load())); left > 0 {
			w.t = time.AfterFunc(left, check)
			return
		}
		go expire()
	}
	w.mu.Lock()
	w.t = time.AfterFunc(timeout, check)
	w.mu.Unlock()
	return w
}

// Stop ends the watch.
func (w *IdleWatch) Stop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.stopped = true
	w.t.Stop()
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// sshCommand is what the client would type to connect with a terminal.
func sshCommand(sess ssh.Session) string {
	host, port, err := net.SplitHostPort(sess.LocalAddr().String())
	if err != nil {
		return "ssh -t"
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	user := ""
	if r := roleFor(sess.User()); r != Student {
		user = sess.User() + "@"
	}
	return "ssh -t -p " + port + " " + user + host
}
