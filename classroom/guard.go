package classroom

import (
	"net"
	"sync"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// A connection is guarded from the moment it is accepted: it has a login
// grace time to sign in and open the lesson (OpenSSH's LoginGraceTime),
// connections still signing in are capped (MaxStartups), one connection
// opens at most a few sessions, and a session asks for nothing but a
// terminal and the lesson: agent and X11 forwarding, subsystems and any
// request we do not know are refused.

// guardKey finds a connection's guard in its ssh.Context.
type guardKey struct{}

// maxSessionsPerConn is how many lessons one connection may open.
const maxSessionsPerConn = 4

// guard is one connection's limits.
type guard struct {
	srv  *Server
	conn net.Conn
	addr string

	mu       sync.Mutex
	admitted bool // it has opened a lesson: no longer waiting to sign in
	closed   bool
	sessions int
	tries    int // wrong passwords
	timer    *time.Timer
}

// guardConn is the connection as the SSH server sees it; closing it
// releases its place among the connections waiting to sign in.
type guardConn struct {
	net.Conn
	g *guard
}

func (c *guardConn) Close() error {
	c.g.mu.Lock()
	if !c.g.closed {
		c.g.closed = true
		c.g.timer.Stop()
		if !c.g.admitted {
			c.g.srv.waiting.Add(-1)
		}
	}
	c.g.mu.Unlock()
	return c.Conn.Close()
}

// accept takes a new connection, or refuses it when too many are still
// signing in (it returns nil, and the server closes it).
func (s *Server) accept(ctx ssh.Context, conn net.Conn) net.Conn {
	if s.closing.Load() {
		return nil
	}
	if n := s.waiting.Add(1); n > int64(s.cfg.MaxStartups) {
		s.waiting.Add(-1)
		s.refused.note(s, conn.RemoteAddr())
		return nil
	}
	g := &guard{srv: s, conn: conn, addr: conn.RemoteAddr().String()}
	g.timer = time.AfterFunc(s.cfg.LoginGrace, g.expire)
	ctx.SetValue(guardKey{}, g)
	return &guardConn{Conn: conn, g: g}
}

// expire closes a connection that has no lesson open when its grace time
// runs out: it never signed in, or signed in and opened nothing.
func (g *guard) expire() {
	g.mu.Lock()
	idle := g.sessions == 0 && !g.closed
	g.mu.Unlock()
	if idle {
		g.srv.logf("closed the connection from %s: no lesson open after %v", g.addr, g.srv.cfg.LoginGrace)
		g.conn.Close()
	}
}

// admit counts a session opened on the connection; false when the
// connection has too many.
func (g *guard) admit() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.admitted {
		g.admitted = true
		g.srv.waiting.Add(-1)
	}
	g.timer.Stop()
	g.sessions++
	return g.sessions <= maxSessionsPerConn
}

// release counts a session closed; a connection left with none has the
// grace time again to open another, or is closed.
func (g *guard) release() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.sessions--; g.sessions == 0 && !g.closed {
		g.timer.Reset(g.srv.cfg.LoginGrace)
	}
}

// triesLeft is how many wrong passwords the connection may still send.
func (g *guard) triesLeft() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return maxPasswordTries - g.tries
}

// failed counts a wrong password and returns the tries left.
func (g *guard) failed() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.tries++
	return maxPasswordTries - g.tries
}

func (g *guard) close() { g.conn.Close() }

// refusals logs connections refused for the cap, a line at most every ten
// seconds however many come.
type refusals struct {
	mu     sync.Mutex
	count  int
	logged time.Time
}

func (r *refusals) note(s *Server, addr net.Addr) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.count++
	if now := time.Now(); now.Sub(r.logged) >= 10*time.Second {
		s.logf("refused %d connection(s), the last from %s: %d are already signing in", r.count, addr, s.cfg.MaxStartups)
		r.count, r.logged = 0, now
	}
}

// sessionChannel opens a session, with its requests filtered.
func (s *Server) sessionChannel(srv *ssh.Server, conn *gossh.ServerConn, ch gossh.NewChannel, ctx ssh.Context) {
	ssh.DefaultSessionHandler(srv, conn, filteredChannel{ch}, ctx)
}

// filteredChannel is a session channel whose requests pass through
// filterRequests.
type filteredChannel struct{ gossh.NewChannel }

func (f filteredChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := f.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go filterRequests(reqs, out)
	return ch, out, nil
}

// Limits on what a session may ask for besides the lesson.
const (
	maxEnv     = 32   // environment variables a client may send
	maxEnvSize = 1024 // bytes of each
)

// filterRequests passes on the requests a lesson needs (a terminal, its
// size, starting it, a few environment variables and signals) and refuses
// the rest, agent forwarding included.
func filterRequests(in <-chan *gossh.Request, out chan<- *gossh.Request) {
	defer close(out)
	env := 0
	for req := range in {
		switch req.Type {
		case "pty-req", "window-change", "shell", "exec", "signal", "break":
		case "env":
			if env++; env > maxEnv || len(req.Payload) > maxEnvSize {
				req.Reply(false, nil)
				continue
			}
		default: // auth-agent-req@openssh.com, x11-req, subsystem, ...
			req.Reply(false, nil)
			continue
		}
		out <- req
	}
}
