package web

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"jakstat/classroom"
)

// TestBadMessages: a page that sends what the protocol does not allow,
// before signing in or during its lesson, is closed with a reason; an
// oversized message is refused by the WebSocket itself.
func TestBadMessages(t *testing.T) {
	r := newRig(t, classroom.Config{}, rigOptions{})
	cases := []struct {
		name   string
		joined bool // sent during the lesson, not before signing in
		data   string
		typ    websocket.MessageType
		code   websocket.StatusCode
		bye    string
	}{
		{"not JSON", false, `{"t":`, websocket.MessageText, statusPolicy, badWords},
		{"not JSON in a lesson", true, `hello`, websocket.MessageText, statusPolicy, badWords},
		{"an unknown kind", true, `{"t":"exec","k":"ls"}`, websocket.MessageText, statusPolicy, badWords},
		{"an unknown field", true, `{"t":"key","k":"a","shell":true}`, websocket.MessageText, statusPolicy, badWords},
		{"an escape sequence as a key", true, `{"t":"key","k":"\u001b[2J"}`, websocket.MessageText, statusPolicy, badWords},
		{"a size out of range", true, `{"t":"size","w":80,"h":-1}`, websocket.MessageText, statusPolicy, badWords},
		{"binary", true, `{"t":"key","k":"a"}`, websocket.MessageBinary, statusPolicy, badWords},
		{"oversized", false, `{"t":"key","k":"` + strings.Repeat("a", 2*maxMessage) + `"}`, websocket.MessageText, websocket.StatusMessageTooBig, ""},
		{"oversized in a lesson", true, strings.Repeat(" ", maxMessage+1), websocket.MessageText, websocket.StatusMessageTooBig, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var tb *tab
			if tc.joined {
				tb = joinAs(t, r, "student", "", 80, 24)
			} else {
				tb = open(t, r)
			}
			tb.sendRaw(t, []byte(tc.data), tc.typ)
			code, bye := tb.closed(t)
			if code != tc.code || bye != tc.bye {
				t.Errorf("closed with %v and %q, want %v and %q", code, bye, tc.code, tc.bye)
			}
		})
	}
	eventually(t, "every seat given back", func() bool { return r.room.Status().Students == 0 && r.web.Sessions() == 0 })
}

// TestRate: a page that sends more messages than anyone can type is
// closed, and its seat given back.
func TestRate(t *testing.T) {
	r := newRig(t, classroom.Config{}, rigOptions{})
	for _, joined := range []bool{false, true} {
		t.Run(fmt.Sprint("joined ", joined), func(t *testing.T) {
			tb := open(t, r)
			if joined {
				tb = joinAs(t, r, "student", "", 80, 24)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			// Far more than the burst, as fast as the connection takes them:
			// the bucket refills 40 a second, so only a machine taking many
			// seconds over these would not trip it.
			for range 20 * messageBurst {
				if tb.conn.Write(ctx, websocket.MessageText, []byte(`{"t":"key","k":"x"}`)) != nil {
					break // closed under us
				}
			}
			code, bye := tb.closed(t)
			if code != statusPolicy || bye != fastWords {
				t.Errorf("closed with %v and %q", code, bye)
			}
		})
	}
	eventually(t, "every seat given back", func() bool { return r.room.Status().Students == 0 && r.web.Sessions() == 0 })
}

// TestSignIn: the page signs in with the credential its part needs, and
// nothing less: the room's password for a student, the presenter's for
// /presenter and /notes; a wrong one may be tried again, up to a limit.
func TestSignIn(t *testing.T) {
	type try struct {
		role, password string
		want           string // joined, denied, or final (denied and closed)
	}
	cases := []struct {
		name  string
		cfg   classroom.Config
		intro serverMsg // the welcome's open and presenter
		tries []try
	}{
		{"open room", classroom.Config{PresenterPass: "teach"}, serverMsg{Open: true, Presenter: "password"},
			[]try{{"student", "", "joined"}}},
		{"a room password", classroom.Config{Password: "room"}, serverMsg{Presenter: "none"},
			[]try{{"student", "", "denied"}, {"student", "room", "joined"}}},
		{"the presenter", classroom.Config{Password: "room", PresenterPass: "teach"}, serverMsg{Presenter: "password"},
			[]try{{"presenter", "room", "denied"}, {"presenter", "teach", "joined"}}},
		{"the console", classroom.Config{PresenterPass: "teach"}, serverMsg{Open: true, Presenter: "password"},
			[]try{{"notes", "", "denied"}, {"notes", "teach", "joined"}}},
		{"no presenter password", classroom.Config{}, serverMsg{Open: true, Presenter: "none"},
			[]try{{"presenter", "anything", "final"}}},
		{"three wrong", classroom.Config{Password: "room"}, serverMsg{Presenter: "none"},
			[]try{{"student", "a", "denied"}, {"student", "b", "denied"}, {"student", "c", "final"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := newRig(t, tc.cfg, rigOptions{})
			tb := open(t, r)
			w := tb.wait(t, "the welcome", func(m serverMsg) bool { return m.T == "welcome" })
			if w.Open != tc.intro.Open || w.Presenter != tc.intro.Presenter || w.Title != r.room.Lesson().Meta.Title {
				t.Errorf("welcomed with %+v", w)
			}
			for i, try := range tc.tries {
				tb.send(t, map[string]any{"t": "join", "role": try.role, "password": try.password, "w": 80, "h": 24, "theme": "dark"})
				got := tb.wait(t, "an answer", func(m serverMsg) bool {
					return m.T == "joined" || m.T == "denied"
				})
				tb.mu.Lock()
				tb.msgs = tb.msgs[:0] // the next try's answer is the next one
				tb.mu.Unlock()
				switch {
				case try.want == "joined" && (got.T != "joined" || got.Role != try.role):
					t.Fatalf("try %d: %+v", i, got)
				case try.want != "joined" && (got.T != "denied" || got.Final != (try.want == "final") || got.Reason == ""):
					t.Fatalf("try %d: %+v", i, got)
				}
			}
			last := tc.tries[len(tc.tries)-1]
			if last.want == "final" {
				if code, _ := tb.closed(t); code != statusPolicy {
					t.Errorf("closed with %v", code)
				}
				return
			}
			if st := r.room.Status(); (last.role == "presenter") != st.Teacher || (last.role == "student") != (st.Students == 1) {
				t.Errorf("the room after joining as %s: %+v", last.role, st)
			}
		})
	}
}

// TestSeatsShared: --max-sessions counts students over SSH and on the web
// together; the next student, whichever way in, is told the room is full.
func TestSeatsShared(t *testing.T) {
	for _, first := range []string{"ssh", "web"} {
		t.Run(first+" first", func(t *testing.T) {
			r := newRig(t, classroom.Config{MaxSessions: 1}, rigOptions{ssh: true})
			if first == "ssh" {
				sshJoin(t, r.ssh, "s1", "", 80, 24)
				tb := open(t, r)
				tb.send(t, map[string]any{"t": "join", "role": "student", "w": 80, "h": 24, "theme": "dark"})
				if code, bye := tb.closed(t); code != statusFull || !strings.Contains(bye, "The room is full") {
					t.Errorf("the page was closed with %v and %q", code, bye)
				}
				return
			}
			joinAs(t, r, "student", "", 80, 24)
			if out := sshOutput(t, r.ssh, "s2", ""); !strings.Contains(out, "The room is full") {
				t.Errorf("the SSH student was told %q", out)
			}
		})
	}
}

// TestEndings: every way a tab's lesson ends closes its connection with a
// last word: idle too long, never signed in, the server shutting down,
// the presenter signing in elsewhere, the lesson quit.
func TestEndings(t *testing.T) {
	cases := []struct {
		name string
		cfg  classroom.Config
		idle time.Duration
		role string // "" to stay unsigned
		do   func(t *testing.T, r *rig, tb *tab)
		code websocket.StatusCode
		bye  string
		left int // tabs still open after
	}{
		{"idle", classroom.Config{}, 300 * time.Millisecond, "student", nil, statusNormal, "Closed after 300ms without a key press", 0},
		{"never signed in", classroom.Config{LoginGrace: 300 * time.Millisecond}, 0, "", nil, statusPolicy, graceWords, 0},
		{"shutdown", classroom.Config{}, 0, "student", func(t *testing.T, r *rig, tb *tab) { r.stop() }, statusNormal, closingWords, 0},
		{"quit", classroom.Config{}, 0, "student", func(t *testing.T, r *rig, tb *tab) { tb.key(t, "q") }, statusNormal, "Goodbye!", 0},
		{"presenter elsewhere", classroom.Config{PresenterPass: "p"}, 0, "presenter", func(t *testing.T, r *rig, tb *tab) {
			joinAs(t, r, "presenter", "p", 80, 24)
		}, statusNormal, "You signed in as the presenter somewhere else", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := newRig(t, tc.cfg, rigOptions{idle: tc.idle})
			var tb *tab
			if tc.role == "" {
				tb = open(t, r)
			} else {
				tb = joinAs(t, r, tc.role, tc.cfg.PresenterPass, 80, 24)
			}
			if tc.do != nil {
				tc.do(t, r, tb)
			}
			if code, bye := tb.closed(t); code != tc.code || !strings.HasPrefix(bye, tc.bye) {
				t.Errorf("closed with %v and %q, want %v and %q", code, bye, tc.code, tc.bye)
			}
			eventually(t, "the session gone", func() bool { return r.web.Sessions() == tc.left })
		})
	}
}

// TestReconnect: a tab whose connection drops gives its seat back at
// once; joining again (as the page does) puts it in the same room, where
// the presenter is now.
func TestReconnect(t *testing.T) {
	r := newRig(t, classroom.Config{PresenterPass: "teach"}, rigOptions{})
	total := len(r.room.Lesson().Steps)
	teacher := joinAs(t, r, "presenter", "teach", 100, 30)
	st := joinAs(t, r, "student", "", 80, 24)
	teacher.key(t, "right")
	st.waitScreen(t, fmt.Sprintf(" 2/%d", total))
	st.conn.CloseNow() // the network went
	eventually(t, "the seat given back", func() bool { return r.room.Status().Students == 0 })
	teacher.key(t, "right")
	again := joinAs(t, r, "student", "", 80, 24)
	again.waitScreen(t, fmt.Sprintf(" 3/%d", total))
	again.waitFollowing(t, 3)
}

// TestResizeAndTheme: the lesson is laid out for the grid the page says,
// again at each new size, in the colours of the page's theme.
func TestResizeAndTheme(t *testing.T) {
	r := newRig(t, classroom.Config{}, rigOptions{})
	backgrounds := map[string]string{}
	for _, theme := range []string{"dark", "light"} {
		tb := open(t, r)
		tb.send(t, map[string]any{"t": "join", "role": "student", "w": 100, "h": 30, "theme": theme})
		first := tb.wait(t, "a frame", func(m serverMsg) bool { return m.T == "frame" })
		if first.W != 100 || first.H != 30 {
			t.Errorf("the first frame is %dx%d", first.W, first.H)
		}
		tb.waitScreen(t, "/")
		backgrounds[theme] = colours(tb)
		tb.send(t, map[string]any{"t": "size", "w": 60, "h": 20})
		resized := tb.wait(t, "a frame at the new size", func(m serverMsg) bool { return m.T == "frame" && m.W == 60 })
		if resized.H != 20 || len(resized.Rows) == 0 {
			t.Errorf("the frame at 60x20: %dx%d with %d rows", resized.W, resized.H, len(resized.Rows))
		}
		tb.waitScreen(t, "/")
		for i, row := range strings.Split(tb.screen(), "\n") {
			if n := len([]rune(row)); n > 60 {
				t.Errorf("row %d is %d wide at 60 columns: %q", i, n, row)
			}
		}
	}
	if backgrounds["dark"] == backgrounds["light"] {
		t.Errorf("the themes drew the same colours: %s", backgrounds["dark"])
	}
}

// colours is every colour a tab's frames named, in order of first use.
func colours(tb *tab) string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	var out []string
	for _, m := range tb.msgs {
		for _, row := range m.Rows {
			for _, c := range strings.Split(string(row), `"#`)[1:] {
				if hex := "#" + c[:6]; !strings.Contains(strings.Join(out, ","), hex) {
					out = append(out, hex)
				}
			}
		}
	}
	return strings.Join(out, ",")
}
