// Package link connects a presenter's lesson to a speaker-notes view on the
// same machine over a local (Unix domain) socket. The presenter serves its
// position; notes views follow it. Either side can start first and either
// can be restarted: followers keep retrying, and a presenter replaces a
// socket file that nothing answers on.
package link

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"
)

// Position is where the presenter is.
type Position struct {
	Step    int       `json:"step"`    // zero-based
	Started time.Time `json:"started"` // when the presentation began, for the clock
}

// SocketPath is the socket both sides use: in $XDG_RUNTIME_DIR when set,
// otherwise in a per-user folder under the system's temporary folder.
func SocketPath(getenv func(string) string) string {
	if d := getenv("XDG_RUNTIME_DIR"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "jakstat", "present.sock")
	}
	return filepath.Join(os.TempDir(), "jakstat-"+strconv.Itoa(os.Getuid()), "present.sock")
}

// Server publishes the presenter's position to every follower.
type Server struct {
	ln      net.Listener
	mu      sync.Mutex
	last    []byte
	closed  bool
	clients map[net.Conn]chan []byte
	wg      sync.WaitGroup
}

// ErrBusy says another presenter is already serving on the socket.
var ErrBusy = errors.New("another presenter is already running")

// Serve listens on path. A socket file left by a presenter that has gone
// is removed; one that answers belongs to a live presenter (ErrBusy).
func Serve(path string) (*Server, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	ln, err := net.Listen("unix", path)
	if err != nil {
		if c, derr := net.DialTimeout("unix", path, 200*time.Millisecond); derr == nil {
			c.Close()
			return nil, ErrBusy
		}
		os.Remove(path) // stale: its presenter is gone
		if ln, err = net.Listen("unix", path); err != nil {
			return nil, err
		}
	}
	s := &Server{ln: ln, clients: map[net.Conn]chan []byte{}}
	s.wg.Go(s.accept)
	return s, nil
}

func (s *Server) accept() {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return // closed
		}
		out := make(chan []byte, 1)
		s.mu.Lock()
		if s.closed {
			// Close ran between Accept and here: this follower is not ours to serve.
			s.mu.Unlock()
			c.Close()
			return
		}
		s.clients[c] = out
		if s.last != nil {
			out <- s.last
		}
		s.mu.Unlock()
		s.wg.Go(func() { s.write(c, out) })
	}
}

// write sends positions to one follower; a slow follower only ever misses
// stale positions, never delays the presenter.
func (s *Server) write(c net.Conn, out chan []byte) {
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
		c.Close()
	}()
	for msg := range out {
		c.SetWriteDeadline(time.Now().Add(time.Second))
		if _, err := c.Write(msg); err != nil {
			return
		}
	}
}

// Publish sends p to every follower, now and to those who connect later.
// It never blocks.
func (s *Server) Publish(p Position) {
	msg, _ := json.Marshal(p)
	msg = append(msg, '\n')
	s.mu.Lock()
	defer s.mu.Unlock()
	s.last = msg
	for _, out := range s.clients {
		select {
		case <-out: // drop what the follower has not taken yet: it is stale
		default:
		}
		out <- msg
	}
}

// Close stops serving, disconnects followers and removes the socket file.
func (s *Server) Close() error {
	err := s.ln.Close()
	s.mu.Lock()
	s.closed = true
	for c, out := range s.clients {
		close(out)
		c.Close()
	}
	s.clients = map[net.Conn]chan []byte{}
	s.mu.Unlock()
	s.wg.Wait()
	return err
}

// Follow connects to the presenter at path and calls onPosition for every
// position it sends, and onState with true or false as the connection comes
// and goes. It retries every retry until ctx is done.
func Follow(ctx context.Context, path string, retry time.Duration, onPosition func(Position), onState func(connected bool)) {
	for ctx.Err() == nil {
		var d net.Dialer
		c, err := d.DialContext(ctx, "unix", path)
		if err == nil {
			onState(true)
			read(ctx, c, onPosition)
			onState(false)
		}
		select {
		case <-ctx.Done():
		case <-time.After(retry):
		}
	}
}

func read(ctx context.Context, c net.Conn, onPosition func(Position)) {
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()
	defer c.Close()
	sc := bufio.NewScanner(c)
	for sc.Scan() {
		var p Position
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			continue // a line from another program: ignore it
		}
		onPosition(p)
	}
}

// String describes a position for logs and tests.
func (p Position) String() string {
	return fmt.Sprintf("step %d since %s", p.Step+1, p.Started.Format(time.Kitchen))
}
