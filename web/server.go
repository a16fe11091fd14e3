// Package web is the classroom's front door for browsers: a page, and a
// WebSocket per browser tab that runs a lesson of its own in the same
// classroom.Room as the SSH students, signed in through the same
// classroom.Gate. The page is ours, embedded, and small: HTML, CSS and a
// short script, with no third-party code and no requests beyond this
// server. The lesson runs here, as it does over SSH; the page shows the
// rows of its screen as styled text and sends back keys and sizes.
package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"jakstat/classroom"
)

// Config is how the web front door runs.
type Config struct {
	Listen      string          // host:port to listen on
	Room        *classroom.Room // the room its visitors join
	Gate        *classroom.Gate // what signs them in, shared with the room's other doors
	IdleTimeout time.Duration   // a lesson with no key this long is closed; default 30 minutes
	Log         func(string, ...any)
}

// Server is the web front door of a room.
type Server struct {
	cfg      Config
	http     *http.Server
	page     []byte // the page, made for the room's lesson
	loopback bool   // it listens on loopback, so only loopback host names reach it
	closing  atomic.Bool

	mu       sync.Mutex
	sessions map[*session]struct{}
	active   sync.WaitGroup
}

//go:embed page
var assets embed.FS

// assetType is the type of a file the page asks for by path, or "" for
// none of the page's files.
func assetType(path string) string {
	switch path {
	case "/page.js":
		return "text/javascript; charset=utf-8"
	case "/page.css":
		return "text/css; charset=utf-8"
	case "/icon.svg":
		return "image/svg+xml"
	}
	return ""
}

// isPage says whether path is one of the page's addresses: each opens the
// same page, signing in as the part it names.
func isPage(path string) bool {
	return path == "/" || path == "/presenter" || path == "/notes"
}

// setSecurityHeaders puts on a response the headers every response has.
// The policy lets the page load its own script, style and icon and talk to
// its own server, and nothing else: no inline script, no other site, no
// framing.
func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "+
		"connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
}

// New checks the configuration: the address, and that the room's gate can
// sign students in on a page (an open room on loopback only; anywhere else
// the room's password, since a browser has no SSH key).
func New(cfg Config) (*Server, error) {
	if cfg.Room == nil || cfg.Gate == nil {
		return nil, errors.New("the web page needs a room and its gate")
	}
	_, port, err := net.SplitHostPort(cfg.Listen)
	if n, perr := strconv.Atoi(port); err != nil || perr != nil || n < 0 || n > 65535 {
		return nil, fmt.Errorf("--http %q is not an address like 127.0.0.1:8080", cfg.Listen)
	}
	switch {
	case cfg.Gate.Open() && !classroom.IsLoopback(cfg.Listen):
		return nil, fmt.Errorf("refusing to serve the web page on %s to the network without a room password (--password or JAKSTAT_PASSWORD)", cfg.Listen)
	case !cfg.Gate.Open() && !cfg.Gate.RoomPassword():
		return nil, errors.New("the web page signs students in with the room password, and this room has only students' keys: add --password, or leave out --http")
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = 30 * time.Minute
	}
	if cfg.Log == nil {
		cfg.Log = func(string, ...any) {}
	}
	page, err := makePage(cfg.Room)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, page: page, loopback: classroom.IsLoopback(cfg.Listen), sessions: map[*session]struct{}{}}
	s.http = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    16 << 10,
	}
	return s, nil
}

// makePage fills in the page's title and language from the lesson.
func makePage(room *classroom.Room) ([]byte, error) {
	t, err := template.ParseFS(assets, "page/index.html")
	if err != nil {
		return nil, err
	}
	meta := room.Lesson().Meta
	var b bytes.Buffer
	err = t.Execute(&b, struct{ Title, Lang string }{meta.Title, meta.Language})
	return b.Bytes(), err
}

// Listen opens the server's address; a busy port fails here, before
// anything says it is serving.
func (s *Server) Listen() (net.Listener, error) { return classroom.ListenOn(s.cfg.Listen) }

// Serve answers requests on ln until Shutdown.
func (s *Server) Serve(ln net.Listener) error {
	err := s.http.Serve(ln)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// Sessions is how many browser tabs are connected, signed in or not.
func (s *Server) Sessions() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sessions)
}

// Shutdown stops taking connections and ends every tab's lesson, each with
// a last word; lessons that cannot say it in time are cut off when ctx is
// done. The room is its owner's to close.
func (s *Server) Shutdown(ctx context.Context) error {
	s.closing.Store(true)
	err := s.http.Shutdown(ctx)
	s.mu.Lock()
	for ss := range s.sessions {
		ss.finish(closingWords, statusNormal)
	}
	s.mu.Unlock()
	done := make(chan struct{})
	go func() { s.active.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		s.mu.Lock()
		for ss := range s.sessions {
			ss.conn.CloseNow()
		}
		s.mu.Unlock()
	}
	return err
}

// ServeHTTP answers the page, its files, and its WebSocket.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setSecurityHeaders(w.Header())
	if !s.hostAllowed(r.Host) {
		// A page that reached a loopback server by another name (DNS
		// rebinding) is not this server's page.
		http.Error(w, "This server answers only to its loopback address.", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "Only GET and HEAD.", http.StatusMethodNotAllowed)
		return
	}
	switch path := r.URL.Path; {
	case path == "/ws":
		s.socket(w, r)
	case isPage(path):
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(s.page))
	case assetType(path) != "":
		data, _ := assets.ReadFile("page" + path)
		w.Header().Set("Content-Type", assetType(path))
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
	default:
		http.NotFound(w, r)
	}
}

// hostAllowed says whether a request's Host names this server: on
// loopback, only a loopback address or localhost does.
func (s *Server) hostAllowed(hostport string) bool {
	if !s.loopback {
		return true
	}
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// sameOrigin says whether a WebSocket request comes from a page this
// server served: its Origin names the host the request was sent to. A
// browser always sends Origin with a WebSocket; another site's page
// cannot forge it.
func sameOrigin(r *http.Request) bool {
	u, err := url.Parse(r.Header.Get("Origin"))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && strings.EqualFold(u.Host, r.Host)
}

func (s *Server) track(ss *session) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing.Load() {
		return false
	}
	s.sessions[ss] = struct{}{}
	s.active.Add(1)
	return true
}

func (s *Server) untrack(ss *session) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.sessions, ss)
	s.active.Done()
}
