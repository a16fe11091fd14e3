package link

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestEndpointFor: each platform's endpoint, worked out on any platform.
func TestEndpointFor(t *testing.T) {
	tests := map[string]struct {
		goos    string
		env     map[string]string
		want    Endpoint
		wantErr string
	}{
		"linux runtime dir": {"linux", map[string]string{"XDG_RUNTIME_DIR": "/run/user/1000"}, Endpoint{"unix", "/run/user/1000/jakstat/present.sock"}, ""},
		"linux no runtime":  {"linux", nil, Endpoint{"unix", "/tmp/jakstat-1000/present.sock"}, ""},
		"linux TMPDIR":      {"linux", map[string]string{"TMPDIR": "/var/tmp"}, Endpoint{"unix", "/var/tmp/jakstat-1000/present.sock"}, ""},
		"relative runtime":  {"linux", map[string]string{"XDG_RUNTIME_DIR": "run"}, Endpoint{"unix", "/tmp/jakstat-1000/present.sock"}, ""},
		"macos":             {"darwin", map[string]string{"TMPDIR": "/var/folders/xy/abc/T/"}, Endpoint{"unix", "/var/folders/xy/abc/T/jakstat-1000/present.sock"}, ""},
		"windows":           {"windows", map[string]string{"LocalAppData": `C:\Users\Ann\AppData\Local`}, Endpoint{"tcp", `C:\Users\Ann\AppData\Local\jakstat\present.port`}, ""},
		"windows unset":     {"windows", map[string]string{"XDG_RUNTIME_DIR": "/run/user/1000"}, Endpoint{}, "%LocalAppData% is not set"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := EndpointFor(tc.goos, func(k string) string { return tc.env[k] }, 1000)
			if got != tc.want || (err == nil) != (tc.wantErr == "") || (err != nil && err.Error() != tc.wantErr) {
				t.Errorf("EndpointFor = %+v, %v; want %+v, %q", got, err, tc.want, tc.wantErr)
			}
		})
	}
}

// TestStrangersGetNothingOverTCP: on a loopback port anyone on the machine
// can connect; without the secret they are dropped before any position.
func TestStrangersGetNothingOverTCP(t *testing.T) {
	ep := endpoint(t, "tcp")
	s, err := Serve(ep)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Publish(Position{Step: 5})
	pf, err := readPortFile(ep.Path)
	if err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(ep.Path); info.Mode().Perm() != 0o600 {
		t.Errorf("port file mode %v, want 0600", info.Mode().Perm())
	}
	tests := map[string]func(c net.Conn, r *bufio.Reader){
		"says nothing useful": func(c net.Conn, _ *bufio.Reader) { fmt.Fprintf(c, "GET / HTTP/1.0\n") },
		"an endless line":     func(c net.Conn, _ *bufio.Reader) { c.Write([]byte(strings.Repeat("x", 4*maxLine))) },
		"a wrong answer": func(c net.Conn, r *bufio.Reader) {
			fmt.Fprintf(c, "%s abcd\n", hello)
			if _, err := readLine(r); err != nil {
				t.Errorf("no challenge from the presenter: %v", err)
			}
			fmt.Fprintf(c, "%s\n", proof("guessed secret", "follower", "abcd"))
		},
		"a replayed answer": func(c net.Conn, r *bufio.Reader) {
			// The right answer to a different challenge than the one sent.
			fmt.Fprintf(c, "%s abcd\n", hello)
			readLine(r)
			fmt.Fprintf(c, "%s\n", proof(pf.Secret, "follower", "an old nonce"))
		},
	}
	for name, talk := range tests {
		t.Run(name, func(t *testing.T) {
			c, err := net.Dial("tcp", pf.Addr)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			r := newLineReader(c)
			talk(c, r)
			rest, _ := io.ReadAll(r) // ends when the presenter hangs up
			if strings.Contains(string(rest), `"step"`) {
				t.Errorf("a stranger was sent a position: %q", rest)
			}
		})
	}
	// The real secret does get positions.
	c, err := net.Dial("tcp", pf.Addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	r := newLineReader(c)
	if err := proveToPresenter(c, r, pf.Secret, handshakeTimeout); err != nil {
		t.Fatal(err)
	}
	if line, err := r.ReadString('\n'); err != nil || !strings.Contains(line, `"step":5`) {
		t.Errorf("the secret's holder got %q, %v", line, err)
	}
}

// TestFollowerDoesNotBelieveAnImpostor: a program that took the port after
// the presenter left cannot answer the follower's challenge, so what it
// says is never shown.
func TestFollowerDoesNotBelieveAnImpostor(t *testing.T) {
	ep := endpoint(t, "tcp")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if err := writePortFile(ep.Path, portFile{Addr: ln.Addr().String(), Secret: newSecret()}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var f follower
	go Follow(ctx, ep, 10*time.Millisecond, f.onPosition, f.onState)
	c, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	r := newLineReader(c)
	if line, _ := readLine(r); !strings.HasPrefix(line, hello) {
		t.Fatalf("the follower opened with %q", line)
	}
	fmt.Fprintf(c, "%s 1234\n{\"step\":13}\n", proof("not the secret", "presenter", "x"))
	if rest, _ := io.ReadAll(r); len(rest) != 0 { // ends when the follower hangs up
		t.Errorf("the follower answered an impostor: %q", rest)
	}
	c.Close()
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.positions) != 0 || f.connected {
		t.Errorf("the follower believed an impostor: %v, connected %v", f.positions, f.connected)
	}
}

// TestStaleTCPPortIsReplaced: a port file whose port now belongs to
// another program is not a live presenter.
func TestStaleTCPPortIsReplaced(t *testing.T) {
	ep := endpoint(t, "tcp")
	other, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	go func() {
		for {
			c, err := other.Accept()
			if err != nil {
				return
			}
			io.Copy(io.Discard, c) // says nothing, as a program that is not a presenter would
			c.Close()
		}
	}()
	writePortFile(ep.Path, portFile{Addr: other.Addr().String(), Secret: newSecret()})
	s, err := Serve(ep)
	if err != nil {
		t.Fatalf("a stale port file was not replaced: %v", err)
	}
	pf, _ := readPortFile(ep.Path)
	s.Close()
	if pf.Addr == other.Addr().String() {
		t.Error("the port file still names the other program")
	}
	if _, err := os.Stat(ep.Path); !os.IsNotExist(err) {
		t.Error("Close left the port file behind")
	}
}

// TestServeRefusesAFolderOthersControl: someone else could have made the
// socket's folder first, in a shared temporary folder.
func TestServeRefusesAFolderOthersControl(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows folders have no Unix owner and mode; %LocalAppData% is the user's own")
	}
	ep := endpoint(t, "unix")
	dir := filepath.Dir(ep.Path)
	os.Chmod(dir, 0o777)
	if _, err := Serve(ep); err == nil || !strings.Contains(err.Error(), "other users can write") {
		t.Errorf("a world-writable folder: %v", err)
	}
	if os.Getuid() != 0 {
		return // only root can give a folder away
	}
	os.Chmod(dir, 0o700)
	if err := os.Chown(dir, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	if _, err := Serve(ep); err == nil || !strings.Contains(err.Error(), "belongs to another user") {
		t.Errorf("another user's folder: %v", err)
	}
}

// TestFollowersAreLimited: connections past maxFollowers are closed at once.
func TestFollowersAreLimited(t *testing.T) {
	ep := endpoint(t, "unix")
	s, err := Serve(ep)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Publish(Position{Step: 1})
	for range maxFollowers {
		c, err := net.Dial("unix", ep.Path)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, err := bufio.NewReader(c).ReadString('\n'); err != nil { // served, so counted
			t.Fatal(err)
		}
	}
	c, err := net.Dial("unix", ep.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if got, _ := io.ReadAll(c); len(got) != 0 {
		t.Errorf("follower %d was served: %q", maxFollowers+1, got)
	}
}
