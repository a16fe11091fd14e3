package web

import (
	"crypto/ed25519"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/coder/websocket"
	gossh "golang.org/x/crypto/ssh"

	"jakstat/classroom"
	"jakstat/internal/fixture"
)

// TestNewRefuses: the web door will not start where it would grant more
// than a sign-in proves: an open room off loopback, or a room whose
// students have only SSH keys (a browser has none to offer).
func TestNewRefuses(t *testing.T) {
	keys := filepath.Join(t.TempDir(), "students")
	pub, _, _ := ed25519.GenerateKey(nil)
	sshPub, err := gossh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keys, gossh.MarshalAuthorizedKey(sshPub), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, listen string
		cfg          classroom.Config
		want         string // in the error; "" for none
	}{
		{"open room on loopback", "127.0.0.1:0", classroom.Config{}, ""},
		{"open room on localhost", "localhost:0", classroom.Config{}, ""},
		{"open room on the network", "0.0.0.0:0", classroom.Config{}, "without a room password"},
		{"open room on an address", "192.0.2.1:8080", classroom.Config{}, "without a room password"},
		{"a room password on the network", "0.0.0.0:0", classroom.Config{Password: "room"}, ""},
		{"students' keys only", "0.0.0.0:0", classroom.Config{AuthorizedKeys: keys}, "only students' keys"},
		{"no port", "127.0.0.1", classroom.Config{}, "not an address"},
		{"a port out of range", "127.0.0.1:70000", classroom.Config{}, "not an address"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.cfg.Lesson = fixture.Shipped(t)
			room, gate, err := classroom.Open(tc.cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer room.Close()
			_, err = New(Config{Listen: tc.listen, Room: room, Gate: gate})
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("got %v, want an error saying %q", err, tc.want)
			}
		})
	}
}

// TestHTTP: the page, its files and nothing else, each with the security
// headers; on loopback only to a loopback name (no DNS rebinding).
func TestHTTP(t *testing.T) {
	r := newRig(t, classroom.Config{}, rigOptions{})
	port := strings.TrimPrefix(r.base, "http://127.0.0.1:")
	cases := []struct {
		method, path, host string
		status             int
		typ                string // the Content-Type's start
	}{
		{"GET", "/", "", 200, "text/html"},
		{"GET", "/presenter", "", 200, "text/html"},
		{"GET", "/notes", "", 200, "text/html"},
		{"HEAD", "/", "", 200, "text/html"},
		{"GET", "/page.js", "", 200, "text/javascript"},
		{"GET", "/page.css", "", 200, "text/css"},
		{"GET", "/icon.svg", "", 200, "image/svg+xml"},
		{"GET", "/index.html", "", 404, ""},
		{"GET", "/page/page.js", "", 404, ""},
		{"GET", "/ws", "", 403, ""}, // no Origin, no upgrade
		{"POST", "/", "", 405, ""},
		{"GET", "/", "localhost:" + port, 200, "text/html"},
		{"GET", "/", "[::1]:" + port, 200, "text/html"},
		{"GET", "/", "evil.example:" + port, 421, ""},
		{"GET", "/", "evil.example", 421, ""},
		{"GET", "/", "127.0.0.1.evil.example:" + port, 421, ""},
	}
	for _, tc := range cases {
		t.Run(tc.method+" "+tc.host+tc.path, func(t *testing.T) {
			req, err := http.NewRequest(tc.method, r.base+tc.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tc.host != "" {
				req.Host = tc.host
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, body)
			}
			if got := resp.Header.Get("Content-Type"); !strings.HasPrefix(got, tc.typ) {
				t.Errorf("Content-Type %q, want %q", got, tc.typ)
			}
			csp := resp.Header.Get("Content-Security-Policy")
			for _, want := range []string{"default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "connect-src 'self'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("the policy %q lacks %q", csp, want)
				}
			}
			if strings.Contains(csp, "unsafe") {
				t.Errorf("the policy allows something unsafe: %q", csp)
			}
			if resp.Header.Get("X-Frame-Options") != "DENY" || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("headers %v", resp.Header)
			}
			if tc.status == 200 && tc.typ == "text/html" && tc.method == "GET" && strings.Contains(string(body), "<script>") {
				t.Error("the page has an inline script")
			}
		})
	}
}

// TestOrigin: a WebSocket is accepted only from this server's own page;
// another site's page (which a student might visit) cannot open one.
func TestOrigin(t *testing.T) {
	r := newRig(t, classroom.Config{}, rigOptions{})
	port := strings.TrimPrefix(r.base, "http://127.0.0.1:")
	cases := []struct {
		name, origin, host string
		ok                 bool
	}{
		{"the page's own", r.base, "", true},
		{"by localhost", "http://localhost:" + port, "localhost:" + port, true},
		{"none", "", "", false},
		{"another site", "http://evil.example", "", false},
		{"another port", "http://127.0.0.1:1", "", false},
		{"a file", "null", "", false},
		{"another scheme", "ftp://127.0.0.1:" + port, "", false},
		{"rebound by name", "http://evil.example:" + port, "evil.example:" + port, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			opts := &websocket.DialOptions{HTTPHeader: http.Header{}, Host: tc.host}
			if tc.origin != "" {
				opts.HTTPHeader.Set("Origin", tc.origin)
			}
			tb, resp, err := dial(t, r, opts)
			if tc.ok {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				tb.wait(t, "the welcome", func(m serverMsg) bool { return m.T == "welcome" })
				return
			}
			if err == nil {
				t.Fatal("accepted")
			}
			if resp == nil || (resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusMisdirectedRequest) {
				t.Errorf("refused with %v, want 403 or 421", resp)
			}
		})
	}
}
