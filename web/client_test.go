package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"

	"jakstat/classroom"
	"jakstat/internal/fixture"
)

// The tests drive the web door with real clients: a WebSocket client
// (coder/websocket's own Dial) that speaks the page's protocol and keeps
// the rows it is sent as text, an SSH client with a terminal for the
// presenter (sshterm_test.go), and headless Chromium (browser_test.go).

// rig is a room served on loopback: to browsers, and over SSH if asked.
type rig struct {
	room *classroom.Room
	web  *Server
	base string // the page's address, http://127.0.0.1:PORT
	ssh  string // the SSH door's host:port; "" for none
	stop func()
}

// rigOptions are what a test changes about its rig.
type rigOptions struct {
	ssh  bool          // serve SSH beside the web page
	idle time.Duration // the idle timeout; default 30 minutes
}

// newRig opens a room for cfg (the shipped lesson unless it names one) and
// serves it on ephemeral loopback ports until the test ends.
func newRig(t testing.TB, cfg classroom.Config, o rigOptions) *rig {
	t.Helper()
	if cfg.Lesson == nil {
		cfg.Lesson = fixture.Shipped(t)
	}
	room, gate, err := classroom.Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	r := &rig{room: room}
	var stops []func(context.Context) error
	if o.ssh {
		c := cfg
		c.Listen, c.Room, c.Gate = "127.0.0.1:0", room, gate
		c.HostKey, c.CreateHostKey = filepath.Join(t.TempDir(), "host_ed25519"), true
		srv, err := classroom.New(c)
		if err != nil {
			t.Fatal(err)
		}
		ln, err := srv.Listen()
		if err != nil {
			t.Fatal(err)
		}
		go srv.Serve(ln)
		r.ssh = ln.Addr().String()
		stops = append(stops, srv.Shutdown)
	}
	r.web, err = New(Config{Listen: "127.0.0.1:0", Room: room, Gate: gate, IdleTimeout: o.idle, Log: t.Logf})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := r.web.Listen()
	if err != nil {
		t.Fatal(err)
	}
	go r.web.Serve(ln)
	r.base = "http://" + ln.Addr().String()
	stops = append(stops, r.web.Shutdown)
	var once sync.Once
	r.stop = func() {
		once.Do(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			for _, stop := range stops {
				stop(ctx)
			}
			room.Close()
		})
	}
	t.Cleanup(r.stop)
	return r
}

// serverMsg is any message from the server, as the tests read it.
type serverMsg struct {
	T         string            `json:"t"`
	Reason    string            `json:"reason"`
	Final     bool              `json:"final"`
	Role      string            `json:"role"`
	Open      bool              `json:"open"`
	Presenter string            `json:"presenter"`
	N         int               `json:"n"`
	Of        int               `json:"of"`
	Title     string            `json:"title"`
	W         int               `json:"w"`
	H         int               `json:"h"`
	Rows      []json.RawMessage `json:"rows"`
	Cursor    []int             `json:"cursor"`
	size      int               // bytes
}

// tab is one browser tab's connection, as a test's client: it keeps every
// message, and the screen the frames draw, as text.
type tab struct {
	conn *websocket.Conn

	mu      sync.Mutex
	msgs    []serverMsg
	rows    []string
	status  websocket.StatusCode // how the server closed the connection; -1 while open
	bytes   int                  // every message's, so far
	onFrame func(screen string, at time.Time, bytes int)
	done    chan struct{}
}

// dialOptions are a test's WebSocket handshake: the page's own Origin
// unless it says otherwise.
func dialOptions(base string) *websocket.DialOptions {
	return &websocket.DialOptions{HTTPHeader: http.Header{"Origin": {base}}}
}

// dial opens a tab's connection to the rig's page, with opts (nil: as the
// page itself would).
func dial(t testing.TB, r *rig, opts *websocket.DialOptions) (*tab, *http.Response, error) {
	t.Helper()
	if opts == nil {
		opts = dialOptions(r.base)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, resp, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(r.base, "http")+"/ws", opts)
	if err != nil {
		return nil, resp, err
	}
	conn.SetReadLimit(1 << 20)
	tb := &tab{conn: conn, status: -1, done: make(chan struct{})}
	go tb.read()
	t.Cleanup(func() { conn.CloseNow() })
	return tb, resp, nil
}

// open dials the page and waits for its welcome.
func open(t testing.TB, r *rig) *tab {
	t.Helper()
	tb, _, err := dial(t, r, nil)
	if err != nil {
		t.Fatal(err)
	}
	tb.wait(t, "the welcome", func(m serverMsg) bool { return m.T == "welcome" })
	return tb
}

// joinAs opens a tab and signs in as role with password, in a w x h grid,
// in the dark theme.
func joinAs(t testing.TB, r *rig, role, password string, w, h int) *tab {
	t.Helper()
	tb := open(t, r)
	tb.send(t, map[string]any{"t": "join", "role": role, "password": password, "w": w, "h": h, "theme": "dark", "motion": true})
	got := tb.wait(t, "joined", func(m serverMsg) bool { return m.T == "joined" || m.T == "denied" || m.T == "bye" })
	if got.T != "joined" {
		t.Fatalf("joining as %s: %s %q", role, got.T, got.Reason)
	}
	tb.waitScreen(t, "/")
	return tb
}

func (tb *tab) read() {
	defer close(tb.done)
	for {
		_, data, err := tb.conn.Read(context.Background())
		if err != nil {
			tb.mu.Lock()
			tb.status = websocket.CloseStatus(err)
			tb.mu.Unlock()
			return
		}
		var m serverMsg
		if err := json.Unmarshal(data, &m); err != nil {
			panic(fmt.Sprintf("the server sent %q: %v", data, err))
		}
		m.size = len(data)
		at := time.Now()
		tb.mu.Lock()
		tb.bytes += len(data)
		if m.T == "frame" {
			tb.draw(m)
			if tb.onFrame != nil {
				tb.onFrame(strings.Join(tb.rows, "\n"), at, tb.bytes)
			}
		}
		tb.msgs = append(tb.msgs, m)
		tb.mu.Unlock()
	}
}

// draw applies a frame to the rows. Under tb.mu.
func (tb *tab) draw(m serverMsg) {
	if len(tb.rows) != m.H {
		tb.rows = make([]string, m.H)
	}
	for _, raw := range m.Rows {
		var row []json.RawMessage
		var y int
		var spans [][]any
		if json.Unmarshal(raw, &row) != nil || len(row) != 2 || json.Unmarshal(row[0], &y) != nil || json.Unmarshal(row[1], &spans) != nil {
			panic(fmt.Sprintf("a row %s", raw))
		}
		var b strings.Builder
		for _, s := range spans {
			b.WriteString(s[0].(string))
		}
		tb.rows[y] = b.String()
	}
}

// send sends v as one message.
func (tb *tab) send(t testing.TB, v any) {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	tb.sendRaw(t, data, websocket.MessageText)
}

func (tb *tab) sendRaw(t testing.TB, data []byte, typ websocket.MessageType) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := tb.conn.Write(ctx, typ, data); err != nil {
		t.Fatalf("sending %.40q: %v", data, err)
	}
}

// key presses k (a key's name or one character), as the page sends it.
func (tb *tab) key(t testing.TB, k string) { tb.send(t, map[string]string{"t": "key", "k": k}) }

// screen is the rows as the frames drew them.
func (tb *tab) screen() string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return strings.Join(tb.rows, "\n")
}

// wait waits for a message that satisfies cond, and returns the first.
func (tb *tab) wait(t testing.TB, what string, cond func(serverMsg) bool) serverMsg {
	t.Helper()
	var got serverMsg
	eventually(t, what, func() bool {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		for _, m := range tb.msgs {
			if cond(m) {
				got = m
				return true
			}
		}
		return false
	})
	return got
}

// waitScreen waits for the screen to show want.
func (tb *tab) waitScreen(t testing.TB, want string) {
	t.Helper()
	waitShows(t, "the page", tb.screen, want)
}

// waitShows waits for a screen to show want; who names it if it does not.
func waitShows(t testing.TB, who string, screen func() string, want string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(screen(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s to show %q; it shows:\n%s", who, want, screen())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// closed waits for the server to close the connection, and returns its
// close code and its last word (the "bye" message's reason, if any).
func (tb *tab) closed(t testing.TB) (websocket.StatusCode, string) {
	t.Helper()
	select {
	case <-tb.done:
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not close the connection")
	}
	tb.mu.Lock()
	defer tb.mu.Unlock()
	bye := ""
	for _, m := range tb.msgs {
		if m.T == "bye" {
			bye = m.Reason
		}
	}
	return tb.status, bye
}

// eventually polls cond until it holds; it gives up (and fails) after a
// generous bound, which is not a speed target: CI machines are busy.
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out: %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// watch returns a channel that gets the moment the screen first shows
// want (at once if it does already), and the bytes received by then.
func (tb *tab) watch(want string) <-chan arrival {
	got := make(chan arrival, 1)
	var once sync.Once
	tb.mu.Lock()
	defer tb.mu.Unlock()
	tb.onFrame = func(screen string, at time.Time, bytes int) {
		if strings.Contains(screen, want) {
			once.Do(func() { got <- arrival{at, bytes} })
		}
	}
	tb.onFrame(strings.Join(tb.rows, "\n"), time.Now(), tb.bytes)
	return got
}

// arrival is when a screen showed something, and the bytes received by
// then.
type arrival struct {
	at    time.Time
	bytes int
}

// received is the bytes received so far.
func (tb *tab) received() int {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return tb.bytes
}

// waitFollowing waits for a screen to say it follows the teacher, with
// the teacher's step (the step number is in the header, where the status
// line has no room for it beside the disclaimer).
func waitFollowing(t testing.TB, who string, screen func() string, step int) {
	t.Helper()
	at := fmt.Sprintf(" %d/", step)
	deadline := time.Now().Add(30 * time.Second)
	for s := screen(); !strings.Contains(s, "following the teacher") || !strings.Contains(s, at); s = screen() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s to follow the teacher at step %d; it shows:\n%s", who, step, s)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (tb *tab) waitFollowing(t testing.TB, step int) {
	t.Helper()
	waitFollowing(t, "the page", tb.screen, step)
}
