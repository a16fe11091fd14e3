// Package classroom serves the lesson over SSH to a room: every student who
// connects gets a full lesson of their own, which follows the teacher (the
// one session that signs in as presenter) until the student breaks away.
// A session can only see the lesson: there is no shell, no command, no
// port forwarding and no file access.
package classroom

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/activeterm"
	"charm.land/wish/v2/bubbletea"
	"github.com/charmbracelet/keygen"
	gossh "golang.org/x/crypto/ssh"

	"jakstat/content"
	"jakstat/model"
)

// Config is how the server runs.
type Config struct {
	Listen         string        // address to listen on; default 127.0.0.1:2222
	HostKey        string        // path of the host key, created (0600) if missing
	MaxSessions    int           // default 100
	IdleTimeout    time.Duration // default 30 minutes
	Password       string        // the room's password; "" for none
	AuthorizedKeys string        // a file of students' public keys; "" for none
	PresenterPass  string        // the presenter's password; "" for none
	PresenterKeys  string        // a file of the presenter's public keys; "" for none
	Lesson         *content.Lesson
	Log            io.Writer // where connections are logged; nil for nowhere
}

// Server is a running classroom.
type Server struct {
	cfg      Config
	ssh      *ssh.Server
	hub      *hub
	sessions atomic.Int64
	open     bool // no authentication: loopback only, with no password or keys set
	closing  atomic.Bool
	cache    *model.RenderCache // every session renders the same lesson the same way

	mu       sync.Mutex
	programs map[*tea.Program]struct{}
	steps    map[string]int       // session id -> the step its lesson shows, for tests and logs
	movedAt  map[string]time.Time // session id -> when its lesson last moved
}

// roleKey marks a presenter's connection in its ssh.Context.
type roleKey struct{}

// New checks the configuration and builds the server.
func New(cfg Config) (*Server, error) {
	if cfg.Listen == "" {
		cfg.Listen = "127.0.0.1:2222"
	}
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = 100
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = 30 * time.Minute
	}
	if cfg.Lesson == nil {
		return nil, errors.New("no lesson to serve")
	}
	s := &Server{cfg: cfg, hub: newHub(), programs: map[*tea.Program]struct{}{},
		steps: map[string]int{}, movedAt: map[string]time.Time{}, cache: model.NewRenderCache()}
	guarded := cfg.Password != "" || cfg.AuthorizedKeys != ""
	if !guarded {
		if !isLoopback(cfg.Listen) {
			return nil, fmt.Errorf("refusing to serve %s to the network without a room password (--password or JAKSTAT_PASSWORD) or --authorized-keys", cfg.Listen)
		}
		s.open = true
	}
	for _, f := range []string{cfg.AuthorizedKeys, cfg.PresenterKeys} {
		if f != "" {
			if _, err := os.Stat(f); err != nil {
				return nil, fmt.Errorf("keys file: %w", err)
			}
		}
	}
	hostKey, err := hostKeyPEM(cfg.HostKey)
	if err != nil {
		return nil, err
	}
	options := []ssh.Option{
		wish.WithAddress(cfg.Listen),
		wish.WithHostKeyPEM(hostKey),
		wish.WithIdleTimeout(cfg.IdleTimeout),
		wish.WithPasswordAuth(s.passwordAuth),
		wish.WithPublicKeyAuth(s.publicKeyAuth),
		wish.WithMiddleware( // the last runs first
			s.goodbye,
			bubbletea.MiddlewareWithProgramHandler(s.program),
			s.onePresenter,
			activeterm.Middleware(),
			s.onlyTheLesson,
			s.limit,
		),
	}
	if s.open {
		// An open room lets people straight in: keyboard-interactive with
		// no questions, so ssh does not even prompt for a password.
		options = append(options, wish.WithKeyboardInteractiveAuth(func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }))
	}
	srv, err := wish.NewServer(options...)
	if err != nil {
		return nil, err
	}
	s.ssh = srv
	return s, nil
}

// hostKeyPEM reads the host key at path, creating it (mode 0600, folder
// 0700) if it is missing; with no path, the key lives only in memory.
func hostKeyPEM(path string) ([]byte, error) {
	if path == "" {
		k, err := keygen.New("", keygen.WithKeyType(keygen.Ed25519))
		if err != nil {
			return nil, err
		}
		return k.RawPrivateKey(), nil
	}
	if data, err := os.ReadFile(path); err == nil {
		return data, nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("host key: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	k, err := keygen.New("", keygen.WithKeyType(keygen.Ed25519))
	if err != nil {
		return nil, err
	}
	pem := k.RawPrivateKey()
	if err := os.WriteFile(path, pem, 0o600); err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	return pem, nil
}

func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (s *Server) passwordAuth(ctx ssh.Context, password string) bool {
	switch {
	case s.cfg.PresenterPass != "" && password == s.cfg.PresenterPass:
		ctx.SetValue(roleKey{}, true)
		return true
	case s.cfg.Password != "":
		return password == s.cfg.Password
	}
	return s.open
}

func (s *Server) publicKeyAuth(ctx ssh.Context, key ssh.PublicKey) bool {
	switch {
	case s.cfg.PresenterKeys != "" && inKeysFile(s.cfg.PresenterKeys, key):
		ctx.SetValue(roleKey{}, true)
		return true
	case s.cfg.AuthorizedKeys != "":
		return inKeysFile(s.cfg.AuthorizedKeys, key)
	}
	return s.open
}

func inKeysFile(path string, key ssh.PublicKey) bool {
	data, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	for len(data) > 0 {
		k, _, _, rest, err := ssh.ParseAuthorizedKey(data)
		if err != nil {
			return false
		}
		if ssh.KeysEqual(k, key) {
			return true
		}
		data = rest
	}
	return false
}

// goodbye runs when a session's lesson has ended: a last line, then the
// session closes.
func (s *Server) goodbye(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if s.closing.Load() {
			wish.Println(sess, "The classroom is closing. Thank you for joining, and goodbye!")
		} else {
			wish.Println(sess, "Goodbye!")
		}
		next(sess)
	}
}

// onePresenter turns away a second presenter: a room has one teacher.
func (s *Server) onePresenter(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if presenter, _ := sess.Context().Value(roleKey{}).(bool); presenter && !s.hub.claim() {
			wish.Fatalln(sess, "A presenter is already connected to this room.")
			return
		}
		next(sess)
	}
}

// limit turns away sessions past MaxSessions with a clear message.
func (s *Server) limit(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if n := s.sessions.Add(1); n > int64(s.cfg.MaxSessions) {
			s.sessions.Add(-1)
			wish.Fatalf(sess, "The room is full (%d people). Please try again later.\n", s.cfg.MaxSessions)
			return
		}
		defer s.sessions.Add(-1)
		next(sess)
	}
}

// onlyTheLesson refuses commands (ssh host ls): a session is the lesson.
func (s *Server) onlyTheLesson(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if len(sess.Command()) > 0 {
			wish.Fatalln(sess, "This server only shows the lesson; it runs no commands.")
			return
		}
		next(sess)
	}
}

// program makes a session's own lesson: the presenter's publishes its
// position, a student's follows it.
func (s *Server) program(sess ssh.Session) *tea.Program {
	presenter, _ := sess.Context().Value(roleKey{}).(bool)
	id := sess.Context().SessionID()
	opts := model.Options{Theme: model.ThemeDark, Follow: !presenter, Present: presenter, Cache: s.cache}
	m := model.New(s.cfg.Lesson, opts).WithOnMove(func(step int) { s.record(id, step) })
	if presenter {
		m = m.WithPublish(s.hub.publish)
	}
	// The server's own Ctrl+C is handled by Shutdown, which says goodbye;
	// the sessions' programs must not take it as theirs.
	popts := append(bubbletea.MakeOptions(sess), tea.WithoutSignalHandler())
	if pty, _, ok := sess.Pty(); ok && (pty.Window.Width <= 0 || pty.Window.Height <= 0) {
		popts = append(popts, tea.WithWindowSize(80, 24)) // a client that never sent its size
	}
	p := tea.NewProgram(m, popts...)
	s.mu.Lock()
	s.programs[p] = struct{}{}
	s.steps[id] = 0
	s.mu.Unlock()
	if presenter {
		s.hub.presenterJoined()
	} else {
		s.hub.add(p)
	}
	s.logf("%s joined as %s from %s", sess.User(), map[bool]string{true: "presenter", false: "student"}[presenter], sess.RemoteAddr())
	context.AfterFunc(sess.Context(), func() {
		if presenter {
			s.hub.presenterLeft()
		} else {
			s.hub.remove(p)
		}
		s.mu.Lock()
		delete(s.programs, p)
		delete(s.steps, id)
		delete(s.movedAt, id)
		s.mu.Unlock()
		s.logf("%s left", sess.User())
	})
	return p
}

func (s *Server) record(id string, step int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.steps[id]; ok {
		s.steps[id] = step
		s.movedAt[id] = time.Now()
	}
}

// MovedAt reports when each connected session's lesson last moved.
func (s *Server) MovedAt() map[string]time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]time.Time, len(s.movedAt))
	for k, v := range s.movedAt {
		out[k] = v
	}
	return out
}

// Steps reports the step each connected session's lesson shows.
func (s *Server) Steps() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.steps))
	for k, v := range s.steps {
		out[k] = v
	}
	return out
}

func (s *Server) logf(format string, args ...any) {
	if s.cfg.Log != nil {
		fmt.Fprintf(s.cfg.Log, time.Now().Format("15:04:05 ")+format+"\n", args...)
	}
}

// Serve accepts connections on ln until Shutdown.
func (s *Server) Serve(ln net.Listener) error {
	err := s.ssh.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// ListenAndServe listens on the configured address.
func (s *Server) ListenAndServe() error {
	ln, err := net.Listen("tcp", s.cfg.Listen)
	if err != nil {
		return err
	}
	return s.Serve(ln)
}

// Shutdown says goodbye to every session, ends them and stops the server.
func (s *Server) Shutdown(ctx context.Context) error {
	s.closing.Store(true)
	s.mu.Lock()
	programs := make([]*tea.Program, 0, len(s.programs))
	for p := range s.programs {
		programs = append(programs, p)
	}
	s.mu.Unlock()
	// Quit without holding the lock (a lesson's Update records its step
	// under it) and without waiting on any one lesson.
	for _, p := range programs {
		go p.Quit()
	}
	// Let each lesson end and say goodbye, then close every connection:
	// clients hold theirs open, so waiting for them to go would wait forever.
	for ctx.Err() == nil {
		s.mu.Lock()
		left := len(s.programs)
		s.mu.Unlock()
		if left == 0 || s.sessions.Load() == 0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	s.hub.close()
	return s.ssh.Close()
}
