// Package classroom serves the lesson to a room: every student who
// connects gets a full lesson of their own, which follows the teacher
// until the student breaks away, and answers the teacher's live checks.
//
// A Room is the classroom itself, whatever its members connect over; a
// Server admits people to it over SSH. A session can only see the lesson:
// there is no shell, no command, no forwarding and no file access, and a
// session is granted only the role its sign-in proved.
package classroom

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"

	"jakstat/content"
)

// Config is how the server runs.
type Config struct {
	Listen         string        // address to listen on; default 127.0.0.1:2222
	HostKey        string        // path of the host key
	CreateHostKey  bool          // create the host key (0600) if it is missing, else it must exist
	MaxSessions    int           // students at once; default 100 (the presenter's seat is kept apart)
	IdleTimeout    time.Duration // a session with no input this long is closed; default 30 minutes
	LoginGrace     time.Duration // a connection must sign in and open the lesson within this; default 2 minutes
	MaxStartups    int           // connections still signing in at once; default MaxSessions+16
	Password       string        // the room's password; "" for none
	AuthorizedKeys string        // a file of students' public keys; "" for none
	PresenterPass  string        // the presenter's password; "" for none
	PresenterKeys  string        // a file of the presenter's public keys; "" for none
	Results        Store         // where every check's spreads are written as CSV when the room closes; nil for nowhere
	Store          Store         // keeps the room's place across restarts; nil keeps nothing
	Lesson         *content.Lesson
	Log            io.Writer // where connections are logged; nil for nowhere

	// Room and Gate, when set, are a room and its gate shared with another
	// front door (see Open); the password, keys, limits and lesson above
	// are then theirs, and Shutdown leaves the room open for its owner to
	// close. Unset, the server opens a room of its own.
	Room *Room
	Gate *Gate
}

// GCPercent is the garbage collector's target that jakstat serve runs with
// unless GOGC says otherwise: a classroom server's memory is mostly its
// sessions' screens, and collecting at half the Go default keeps a session
// under 2 MiB of RSS. Measured with the load test on a busy 2-core machine:
// 1.75 to 1.77 MiB per session (2.03 to 2.06 at the default), for 4.6 to
// 5.2 s of server CPU over its moves (4.4 to 4.6 s at the default).
const GCPercent = 50

// Server is a running classroom over SSH.
type Server struct {
	cfg      Config
	ssh      *ssh.Server
	room     *Room
	ownsRoom bool // the room is this server's alone: Shutdown closes it
	gate     *Gate
	active   atomic.Int64 // sessions being handled
	closing  atomic.Bool
	logf     func(string, ...any)

	mu       sync.Mutex
	programs map[*tea.Program]func() // each running lesson, and how to end it

	// For tests: run in each session before it joins the room, and wrap
	// each lesson's model.
	testHook  func(ssh.Session)
	wrapModel func(tea.Model) tea.Model
}

// New checks the configuration and builds the server: every problem with
// the host key or a keys file is found here, before anything is served.
func New(cfg Config) (*Server, error) {
	if cfg.Lesson == nil && cfg.Room == nil {
		return nil, errors.New("no lesson to serve")
	}
	cfg = withDefaults(cfg)
	s := &Server{cfg: cfg, programs: map[*tea.Program]func(){}, logf: Logger(cfg.Log), room: cfg.Room, gate: cfg.Gate}
	if s.room == nil || s.gate == nil {
		room, gate, err := Open(cfg)
		if err != nil {
			return nil, err
		}
		s.room, s.gate, s.ownsRoom = room, gate, true
	}
	if s.gate.Open() && !IsLoopback(cfg.Listen) {
		return nil, fmt.Errorf("refusing to serve %s to the network without a room password (--password or JAKSTAT_PASSWORD) or --authorized-keys", cfg.Listen)
	}
	signer, err := loadHostKey(cfg.HostKey, cfg.CreateHostKey)
	if err != nil {
		return nil, err
	}
	srv := &ssh.Server{
		Addr:                 cfg.Listen,
		Handler:              s.handle,
		ServerConfigCallback: s.serverConfig,
		ConnCallback:         s.accept,
		HandshakeTimeout:     s.gate.LoginGrace() + 5*time.Second, // a backstop: the guard's timer closes first, and logs it
		ChannelHandlers:      map[string]ssh.ChannelHandler{"session": s.sessionChannel},
		Version:              "jakstat",
	}
	srv.AddHostKey(signer)
	s.ssh = srv
	return s, nil
}

// Open makes the room and its gate that cfg describes (its lesson, limits,
// place, results, passwords and keys files), for front doors that share
// them: the SSH Server and the web page. Its caller closes the room once
// every door has shut down.
func Open(cfg Config) (*Room, *Gate, error) {
	if cfg.Lesson == nil {
		return nil, nil, errors.New("no lesson to serve")
	}
	cfg = withDefaults(cfg)
	log := Logger(cfg.Log)
	gate, err := NewGate(GateConfig{Password: cfg.Password, AuthorizedKeys: cfg.AuthorizedKeys, PresenterPass: cfg.PresenterPass,
		PresenterKeys: cfg.PresenterKeys, MaxStartups: cfg.MaxStartups, LoginGrace: cfg.LoginGrace, Log: log})
	if err != nil {
		return nil, nil, err
	}
	store := cfg.Store
	if !gate.creds.presenterSignIn() {
		// Nobody can present, so there is no teacher's place to come back
		// to: students start at the beginning, and the place an earlier
		// room kept stays for the next room that has a presenter.
		store = nil
	}
	room := NewRoom(RoomConfig{Lesson: cfg.Lesson, MaxStudents: cfg.MaxSessions, Store: store, Log: log,
		Results: resultsWriter(cfg.Results, cfg.Lesson)})
	return room, gate, nil
}

func withDefaults(cfg Config) Config {
	if cfg.Listen == "" {
		cfg.Listen = "127.0.0.1:2222"
	}
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = 100
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = 30 * time.Minute
	}
	if cfg.LoginGrace <= 0 {
		cfg.LoginGrace = 2 * time.Minute
	}
	if cfg.MaxStartups <= 0 {
		cfg.MaxStartups = cfg.MaxSessions + 16
	}
	return cfg
}

// Room is the classroom the server admits people to.
func (s *Server) Room() *Room { return s.room }

// Listen opens the server's address; a busy port fails here, before
// anything says it is serving.
func (s *Server) Listen() (net.Listener, error) { return ListenOn(s.cfg.Listen) }

// ListenOn opens addr (host:port) for a front door, or says in a line
// that names it why it cannot.
func ListenOn(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("cannot listen on %s: %w", addr, errors.Unwrap(err))
	}
	return ln, nil
}

// Serve accepts connections on ln until Shutdown.
func (s *Server) Serve(ln net.Listener) error {
	err := s.ssh.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) || s.closing.Load() {
		return nil
	}
	return err
}

// ListenAndServe listens on the configured address and serves.
func (s *Server) ListenAndServe() error {
	ln, err := s.Listen()
	if err != nil {
		return err
	}
	return s.Serve(ln)
}

// track remembers a running lesson and how to end it when the room closes.
func (s *Server) track(p *tea.Program, sess ssh.Session, end *ending) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.programs[p] = func() {
		end.set("The classroom is closing. Thank you for joining, and goodbye!", 0)
		s.quit(p, sess)
	}
}

func (s *Server) untrack(p *tea.Program) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.programs, p)
}

// Sessions is how many lessons are running.
func (s *Server) Sessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.programs)
}

// Shutdown ends every lesson (each says goodbye and gives its terminal
// back), closes the room if it is the server's own (writing its place and
// the checks' results; a shared room is left to its owner) and stops the
// server. Lessons that cannot end in time (their clients stopped reading)
// are cut off when ctx is done.
func (s *Server) Shutdown(ctx context.Context) error {
	s.closing.Store(true)
	s.mu.Lock()
	ends := make([]func(), 0, len(s.programs))
	for _, end := range s.programs {
		ends = append(ends, end)
	}
	s.mu.Unlock()
	for _, end := range ends {
		end()
	}
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for s.active.Load() > 0 && ctx.Err() == nil {
		<-tick.C
	}
	var err error
	if s.ownsRoom {
		err = s.room.Close()
	}
	return errors.Join(err, s.ssh.Close())
}
