package web

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/coder/websocket"

	"jakstat/classroom"
	"jakstat/model"
)

// A session is one browser tab: it signs in through the room's gate, joins
// the room, runs a lesson, and ends in every case with a last word saying
// why (unless the connection itself was lost).

// Timing.
const (
	writeWait     = 10 * time.Second             // a frame the page does not take in this long ends the session
	pingEvery     = 30 * time.Second             // the server asks the page to answer this often
	aliveEvery    = 25 * time.Second             // a quiet lesson still tells the page it is there
	frameInterval = 1000 / 60 * time.Millisecond // at most 60 frames a second
)

// Close codes beside the standard ones the page reads.
const (
	statusNormal = websocket.StatusNormalClosure
	statusPolicy = websocket.StatusPolicyViolation
	statusFull   = websocket.StatusTryAgainLater
	statusFailed = websocket.StatusInternalError
)

// Last words.
const (
	closingWords = "The classroom is closing. Thank you for joining, and goodbye!"
	failedWords  = "Something went wrong on the server, so this lesson has ended; the room carries on. Please join again."
	badWords     = "The page sent something the server does not understand, so this lesson has ended."
	fastWords    = "The page sent too many messages at once, so this lesson has ended."
	graceWords   = "Nobody signed in for a long while, so the page stopped waiting."
)

type session struct {
	srv  *Server
	conn *websocket.Conn
	addr net.Addr
	msgs chan any // the page's messages, parsed, one at a time

	once   sync.Once
	done   chan struct{} // closed by finish
	reason string        // the last word; "" when the connection is lost
	code   websocket.StatusCode

	step atomic.Int64 // the step on screen, for the page's live region
	news chan struct{}
}

// socket is a browser tab connecting: checked, counted among those
// signing in, and run.
func (s *Server) socket(w http.ResponseWriter, r *http.Request) {
	if !sameOrigin(r) {
		http.Error(w, "This connection does not come from this server's page.", http.StatusForbidden)
		return
	}
	addr := remoteAddr(r)
	arrival, ok := s.cfg.Gate.Arrive(addr)
	if !ok {
		http.Error(w, "Too many people are signing in at once: try again in a moment.", http.StatusServiceUnavailable)
		return
	}
	defer arrival.Done()
	// The Origin was checked above, by host and port; the library's own
	// check (by host alone) would add nothing.
	conn, err := websocket.Accept(w, r, &websocket.AcceptOptions{InsecureSkipVerify: true})
	if err != nil {
		return
	}
	conn.SetReadLimit(maxMessage)
	ss := &session{srv: s, conn: conn, addr: addr, msgs: make(chan any), done: make(chan struct{}), news: make(chan struct{}, 1)}
	if !s.track(ss) {
		conn.Close(statusNormal, "closing")
		return
	}
	defer s.untrack(ss)
	ss.run(arrival)
}

func remoteAddr(r *http.Request) net.Addr {
	addr, err := net.ResolveTCPAddr("tcp", r.RemoteAddr)
	if err != nil {
		return &net.TCPAddr{}
	}
	return addr
}

// finish ends the session, once, with a last word and a close code; the
// first reason given is the one the page sees.
func (ss *session) finish(reason string, code websocket.StatusCode) {
	ss.once.Do(func() {
		ss.reason, ss.code = reason, code
		close(ss.done)
	})
}

// run is the session's whole life, on the request's goroutine.
func (ss *session) run(arrival *classroom.Arrival) {
	defer func() {
		if r := recover(); r != nil {
			ss.srv.cfg.Log("a web session from %s failed: %v\n%s", ss.addr, r, debug.Stack())
			ss.finish(failedWords, statusFailed)
		}
		ss.goodbye()
	}()
	go ss.read()
	grace := time.AfterFunc(ss.srv.cfg.Gate.LoginGrace(), func() {
		ss.srv.cfg.Log("closed the web connection from %s: nobody signed in within %v", ss.addr, ss.srv.cfg.Gate.LoginGrace())
		ss.finish(graceWords, statusPolicy)
	})
	j, ok := ss.signIn()
	grace.Stop()
	if !ok {
		return
	}
	arrival.Done()
	member, err := ss.srv.cfg.Room.Join(j.role, func(reason string) { ss.finish(reason, statusNormal) })
	if err != nil {
		if errors.Is(err, classroom.ErrFull) {
			ss.finish("The room is full. Please try again later.", statusFull)
		} else {
			ss.finish(upperFirst(err.Error())+".", statusFull)
		}
		return
	}
	defer member.Leave()
	ss.srv.cfg.Log("a web page joined as %s from %s", j.role, ss.addr)
	defer ss.srv.cfg.Log("a web page (%s) from %s left", j.role, ss.addr)
	ss.send(encode(joined{T: "joined", Role: j.role.String()}))
	ss.runLesson(member, j)
}

// signIn welcomes the page and takes joins until one proves its role.
func (ss *session) signIn() (join, bool) {
	gate := ss.srv.cfg.Gate
	w := welcome{T: "welcome", Title: ss.srv.cfg.Room.Lesson().Meta.Title, Open: gate.Open(), Presenter: "none"}
	switch _, err := gate.Asks(classroom.Presenter); {
	case err == nil:
		w.Presenter = "password"
	case errors.Is(err, classroom.ErrKeysOnly):
		w.Presenter = "keys"
	}
	if !ss.send(encode(w)) {
		return join{}, false
	}
	var tries classroom.Tries
	for {
		var msg any
		select {
		case msg = <-ss.msgs:
		case <-ss.done:
			return join{}, false
		}
		j, ok := msg.(join)
		if !ok {
			continue // a key pressed before the lesson opened
		}
		err := gate.CheckPassword(&tries, ss.addr, j.role.String(), j.role, j.password, "web page")
		if err == nil {
			return j, true
		}
		final := !errors.Is(err, classroom.ErrWrongPassword)
		if !ss.send(encode(denied{T: "denied", Reason: upperFirst(err.Error()) + ".", Final: final})) || final {
			ss.finish("", statusPolicy)
			return join{}, false
		}
	}
}

// runLesson runs the member's lesson until it quits or the session ends.
func (ss *session) runLesson(member *classroom.Member, j join) {
	w, h := classroom.ClampWindow(j.w, j.h)
	scr := newScreen(w, h)
	defer scr.close()
	opts := model.Options{Theme: model.ThemeDark, NoMotion: j.still, OnMove: ss.moved}
	if j.light {
		opts.Theme = model.ThemeLight
	}
	lesson := member.Lesson(opts)
	ss.moved(lesson.Step())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p := tea.NewProgram(lesson,
		tea.WithInput(scr.input()),
		tea.WithOutput(scr),
		tea.WithWindowSize(w, h),
		tea.WithColorProfile(colorprofile.TrueColor),
		tea.WithEnvironment([]string{"TERM=xterm-256color"}),
		tea.WithContext(ctx),
		tea.WithoutSignalHandler(),
		tea.WithFilter(classroom.FilterMsg),
		tea.WithFPS(120),
	)
	member.Attach(p)
	var activity classroom.Activity
	idle := classroom.WatchIdle(&activity, ss.srv.cfg.IdleTimeout, func() {
		ss.finish(fmt.Sprintf("Closed after %v without a key press. Join again to carry on.", ss.srv.cfg.IdleTimeout), statusNormal)
	})
	defer idle.Stop()
	sent := make(chan struct{})
	go func() { defer close(sent); ss.sendScreen(scr, member.Role()) }()
	go ss.pump(p, scr, &activity)
	go ss.ping()
	go func() { <-ss.done; cancel() }()
	_, err := p.Run()
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		ss.srv.cfg.Log("the lesson of a web page from %s crashed (its stack is above); only that session ended", ss.addr)
		ss.finish(failedWords, statusFailed)
	default:
		ss.finish("Goodbye!", statusNormal) // the lesson quit (q)
	}
	<-sent
}

// pump hands the page's messages to the lesson: keys through the
// terminal, sizes to the terminal and the lesson, the wheel as the mouse.
func (ss *session) pump(p *tea.Program, scr *screen, activity *classroom.Activity) {
	for {
		select {
		case <-ss.done:
			return
		case msg := <-ss.msgs:
			switch msg := msg.(type) {
			case keyPress:
				activity.Touch()
				scr.key(msg.key)
			case wheel:
				activity.Touch()
				scr.scroll(msg.up)
			case resize:
				w, h := classroom.ClampWindow(msg.w, msg.h)
				scr.resize(w, h)
				p.Send(tea.WindowSizeMsg{Width: w, Height: h})
			}
		}
	}
}

// moved notes the step the lesson shows (model.Options.OnMove: it must
// not block).
func (ss *session) moved(step int) {
	ss.step.Store(int64(step))
	select {
	case ss.news <- struct{}{}:
	default:
	}
}

// sendScreen sends the page the screen's frames as they change (at most
// 60 a second: a page that takes them slowly gets fewer, each whole), the
// step on each move, and word that it is alive when all is quiet.
func (ss *session) sendScreen(scr *screen, role classroom.Role) {
	l := ss.srv.cfg.Room.Lesson()
	quiet := time.NewTimer(aliveEvery)
	defer quiet.Stop()
	told := int64(-1)
	for {
		var msg []byte
		select {
		case <-ss.done:
			return
		case <-scr.changed:
			msg = scr.frame()
		case <-ss.news:
			if step := ss.step.Load(); step != told && role != classroom.Notes {
				told = step
				msg = encode(stepNews{T: "step", N: int(step) + 1, Of: len(l.Steps), Title: l.Steps[step].Title})
			}
		case <-quiet.C:
			msg = []byte(alive)
		}
		if msg == nil {
			continue
		}
		if !ss.send(msg) {
			return
		}
		quiet.Reset(aliveEvery)
		select {
		case <-time.After(frameInterval):
		case <-ss.done:
			return
		}
	}
}

// goodbye says the last word, if there is one and the page can still
// hear it, and closes the connection.
func (ss *session) goodbye() {
	ss.finish("", statusNormal)
	if ss.reason != "" {
		ss.send(encode(bye{T: "bye", Reason: ss.reason}))
	}
	ss.conn.Close(ss.code, "")
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
