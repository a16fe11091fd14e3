//go:build unix

package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// lockedBuffer is an output a running server writes to while a test reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// hostKey writes a private key with mode perm and returns its path.
func hostKey(t *testing.T, perm os.FileMode) string {
	t.Helper()
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	block, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "host")
	os.WriteFile(p, pem.EncodeToMemory(block), perm)
	os.Chmod(p, perm)
	return p
}

// TestServeFailsBeforeServing: whatever stops the server from starting is
// one line naming the cause, exit status 1, and nothing says "Serving".
func TestServeFailsBeforeServing(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	dir := t.TempDir()
	badKeys := filepath.Join(dir, "keys")
	os.WriteFile(badKeys, []byte("# ok\nnot a key\n"), 0o600)
	aFile := filepath.Join(dir, "file")
	os.WriteFile(aFile, nil, 0o600)
	good := hostKey(t, 0o600)
	goodKeys := filepath.Join(dir, "students")
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	sshPub, _ := gossh.NewPublicKey(pub)
	os.WriteFile(goodKeys, gossh.MarshalAuthorizedKey(sshPub), 0o600)
	tests := map[string]struct {
		args []string
		want string
	}{
		"a busy port":         {[]string{"--listen", busy.Addr().String(), "--host-key", good}, "cannot listen on " + busy.Addr().String() + ": bind: address already in use"},
		"a missing host key":  {[]string{"--host-key", filepath.Join(dir, "nope")}, "nope does not exist"},
		"a loose host key":    {[]string{"--host-key", hostKey(t, 0o644)}, "can be read by other users (mode 0644)"},
		"a bad keys file":     {[]string{"--host-key", good, "--presenter-keys", badKeys}, badKeys + ":2: not a public key"},
		"an unwritable place": {[]string{"--host-key", good, "--results", filepath.Join(aFile, "out.csv")}, "--results " + filepath.Join(aFile, "out.csv") + " cannot be written"},
		"a busy web port":     {[]string{"--host-key", good, "--listen", "127.0.0.1:0", "--http", busy.Addr().String()}, "cannot listen on " + busy.Addr().String() + ": bind: address already in use"},
		"an open page on the network": {[]string{"--host-key", good, "--listen", "127.0.0.1:0", "--http", "0.0.0.0:0"},
			"refusing to serve the web page on 0.0.0.0:0 to the network without a room password"},
		"a web page for keys alone": {[]string{"--listen", "none", "--http", "0.0.0.0:0", "--authorized-keys", goodKeys},
			"the web page signs students in with the room password"},
	}
	for name, tc := range tests {
		var out, errOut bytes.Buffer
		code := run(append([]string{"serve"}, tc.args...), func(k string) string {
			if k == "XDG_STATE_HOME" {
				return dir
			}
			return ""
		}, nil, &out, &errOut, false)
		if code != 1 || !strings.Contains(errOut.String(), tc.want) || strings.Count(errOut.String(), "\n") != 1 {
			t.Errorf("%s: exit %d, stderr %q, want one line with %q", name, code, errOut.String(), tc.want)
		}
		if strings.Contains(out.String(), "Serving") {
			t.Errorf("%s: it said it was serving:\n%s", name, out.String())
		}
	}
}

// TestServeUntilInterrupted: the server says what everyone types, and on
// Ctrl+C closes the room, writing the checks' results.
func TestServeUntilInterrupted(t *testing.T) {
	dir := t.TempDir()
	results := filepath.Join(dir, "checks.csv")
	env := func(k string) string {
		switch k {
		case "XDG_STATE_HOME":
			return dir
		case "JAKSTAT_PRESENTER_PASSWORD":
			return "teach"
		}
		return ""
	}
	var out, errOut lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"serve", "--listen", "127.0.0.1:0", "--http", "127.0.0.1:0", "--results", results}, env, nil, &out, &errOut, false)
	}()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(out.String(), "Presenter types") {
		if time.Now().After(deadline) {
			t.Fatalf("the server did not start: %q %q", out.String(), errOut.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	for _, want := range []string{"Serving the lesson on 127.0.0.1:", "Students type:   ssh -p ", "Presenter types: ssh -p ", "presenter@127.0.0.1", "notes@127.0.0.1",
		"to browsers (Ctrl+C to stop)", "Students open:   http://127.0.0.1:", "Presenter opens: http://127.0.0.1:"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the start lacks %q:\n%s", want, out.String())
		}
	}
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d: %s", code, errOut.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Ctrl+C did not stop the server")
	}
	if data, err := os.ReadFile(results); err != nil || !strings.HasPrefix(string(data), "check,opened,question") {
		t.Errorf("the results file: %q %v", data, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "jakstat", "host_ed25519")); err != nil {
		t.Errorf("no host key was made in the state folder: %v", err)
	}
}
