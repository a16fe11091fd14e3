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
	srv     *Server
	conn    net.Conn
	addr    string
	arrival *Arrival // counted among the connections signing in until it opens a lesson
	tries   Tries    // wrong passwords

	mu       sync.Mutex
	closed   bool
	sessions int
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
		c.g.arrival.Done()
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
	arrival, ok := s.gate.Arrive(conn.RemoteAddr())
	if !ok {
		return nil
	}
	g := &guard{srv: s, conn: conn, addr: conn.RemoteAddr().String(), arrival: arrival}
	g.timer = time.AfterFunc(s.gate.LoginGrace(), g.expire)
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
		g.srv.logf("closed the connection from %s: no lesson open after %v", g.addr, g.srv.gate.LoginGrace())
		g.conn.Close()
	}
}

// admit counts a session opened on the connection; false when the
// connection has too many.
func (g *guard) admit() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.arrival.Done()
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
		g.timer.Reset(g.srv.gate.LoginGrace())
	}
}

func (g *guard) close() { g.conn.Close() }

// closeSoon closes the connection once the refusal's banner has had time
// to reach the client (the SSH library sends it after the callback
// returns).
func (g *guard) closeSoon() { time.AfterFunc(200*time.Millisecond, g.close) }

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
