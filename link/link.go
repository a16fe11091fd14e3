// Package link connects a presenter's lesson to a speaker-notes view on the
// same machine: over a Unix domain socket in a private folder, or where
// there is none (Windows) over a loopback port guarded by a secret that only
// the user can read (see Endpoint). The presenter serves its position;
// notes views follow it. Either side can start first and either can be
// restarted: followers keep retrying, and a presenter replaces a socket or
// port file that nothing answers on.
package link

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Position is where the presenter is.
type Position struct {
	Step    int       `json:"step"`    // zero-based
	Started time.Time `json:"started"` // when the presentation began, for the clock
	// Question is the id of the question the presenter's screen asks, if
	// any, and Revealed whether its answer is shown.
	Question string `json:"question,omitempty"`
	Revealed bool   `json:"revealed,omitempty"`
	// Blank says the presenter has blanked the screen.
	Blank bool `json:"blank,omitempty"`
}

// ask is what a follower sends for the presenter's position now: it asks
// when it connects, so whichever of the two started first, the notes show
// the presenter's place at once.
const ask = "position?"

// Server publishes the presenter's position to every follower.
type Server struct {
	ln      net.Listener
	ep      Endpoint
	secret  string // for a TCP endpoint: what followers must prove they know
	mu      sync.Mutex
	last    []byte
	closed  bool
	clients map[net.Conn]chan []byte
	wg      sync.WaitGroup
}

// ErrBusy says another presenter is already serving on the socket.
var ErrBusy = errors.New("another presenter is already running")

// maxFollowers bounds the connections a presenter keeps at once; notes
// views are one or two.
const maxFollowers = 16

// Serve listens at ep. A socket or port file left by a presenter that has
// gone is replaced; one that answers belongs to a live presenter (ErrBusy).
func Serve(ep Endpoint) (*Server, error) {
	dir := filepath.Dir(ep.Path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	if err := checkPrivate(dir); err != nil {
		return nil, err
	}
	s := &Server{ep: ep, clients: map[net.Conn]chan []byte{}}
	var err error
	if ep.Network == "tcp" {
		err = s.listenTCP()
	} else {
		err = s.listenUnix()
	}
	if err != nil {
		return nil, err
	}
	s.wg.Go(s.accept)
	return s, nil
}

func (s *Server) listenUnix() error {
	ln, err := net.Listen("unix", s.ep.Path)
	if err != nil {
		if c, derr := net.DialTimeout("unix", s.ep.Path, 200*time.Millisecond); derr == nil {
			c.Close()
			return ErrBusy
		}
		os.Remove(s.ep.Path) // stale: its presenter is gone
		if ln, err = net.Listen("unix", s.ep.Path); err != nil {
			return err
		}
	}
	s.ln = ln
	return nil
}

func (s *Server) listenTCP() error {
	if pf, err := readPortFile(s.ep.Path); err == nil && answers(pf) {
		return ErrBusy
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	s.secret = newSecret()
	if err := writePortFile(s.ep.Path, portFile{Addr: ln.Addr().String(), Secret: s.secret}); err != nil {
		ln.Close()
		return err
	}
	s.ln = ln
	return nil
}

// answers says whether a live presenter holds the port file's port.
func answers(pf portFile) bool {
	c, err := net.DialTimeout("tcp", pf.Addr, 200*time.Millisecond)
	if err != nil {
		return false
	}
	defer c.Close()
	// A live presenter answers at once; a program that took the port since
	// may say nothing, and is not worth waiting long for.
	return proveToPresenter(c, newLineReader(c), pf.Secret, 300*time.Millisecond) == nil
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
		if len(s.clients) >= maxFollowers {
			s.mu.Unlock()
			c.Close()
			continue
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
	r := newLineReader(c)
	if s.secret != "" {
		if err := proveToFollower(c, r, s.secret); err != nil {
			return // not a follower of ours
		}
	}
	s.wg.Go(func() { s.answer(c, r) })
	for msg := range out {
		c.SetWriteDeadline(time.Now().Add(time.Second))
		if _, err := c.Write(msg); err != nil {
			return
		}
	}
}

// answer reads a follower's requests and answers each ask with the
// latest position; it stops when the connection closes.
func (s *Server) answer(c net.Conn, r *bufio.Reader) {
	for {
		line, err := readLine(r)
		if err != nil {
			return
		}
		if line != ask {
			continue
		}
		s.mu.Lock()
		// The follower's channel is open as long as it is listed.
		if out, ok := s.clients[c]; ok && s.last != nil {
			select {
			case <-out:
			default:
			}
			out <- s.last
		}
		s.mu.Unlock()
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

// Close stops serving, disconnects followers and removes the socket or
// port file.
func (s *Server) Close() error {
	err := s.ln.Close()
	if s.secret != "" {
		// Remove the port file unless a newer presenter has replaced it.
		if pf, rerr := readPortFile(s.ep.Path); rerr == nil && pf.Secret == s.secret {
			os.Remove(s.ep.Path)
		}
	}
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

// Follow connects to the presenter at ep and calls onPosition for every
// position it sends, and onState with true or false as the connection comes
// and goes. It retries every retry until ctx is done.
func Follow(ctx context.Context, ep Endpoint, retry time.Duration, onPosition func(Position), onState func(connected bool)) {
	for ctx.Err() == nil {
		if c, r, err := dial(ctx, ep); err == nil {
			onState(true)
			read(ctx, c, r, onPosition)
			onState(false)
		}
		select {
		case <-ctx.Done():
		case <-time.After(retry):
		}
	}
}

// dial connects to the presenter and, on a TCP endpoint, proves the secret
// and checks that the presenter knows it too.
func dial(ctx context.Context, ep Endpoint) (net.Conn, *bufio.Reader, error) {
	var d net.Dialer
	if ep.Network != "tcp" {
		if err := checkPrivate(filepath.Dir(ep.Path)); err != nil {
			return nil, nil, err
		}
		c, err := d.DialContext(ctx, "unix", ep.Path)
		if err != nil {
			return nil, nil, err
		}
		return c, bufio.NewReader(c), nil
	}
	pf, err := readPortFile(ep.Path)
	if err != nil {
		return nil, nil, err
	}
	c, err := d.DialContext(ctx, "tcp", pf.Addr)
	if err != nil {
		return nil, nil, err
	}
	r := newLineReader(c)
	if err := proveToPresenter(c, r, pf.Secret, handshakeTimeout); err != nil {
		c.Close()
		return nil, nil, err
	}
	return c, r, nil
}

func read(ctx context.Context, c net.Conn, r io.Reader, onPosition func(Position)) {
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()
	defer c.Close()
	fmt.Fprintln(c, ask)
	sc := bufio.NewScanner(r)
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
