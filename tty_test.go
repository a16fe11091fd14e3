//go:build unix

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
)

// TestStartsWithOneTmuxQuery runs the lesson in a terminal as if inside
// tmux, with a stand-in tmux that counts how often it is asked: the colour
// profile is worked out once (as lipgloss starts) and handed to Bubble Tea,
// not worked out again, so the lesson spawns "tmux info" once, as a bare
// Bubble Tea program does, and draws its first frame.
func TestStartsWithOneTmuxQuery(t *testing.T) {
	bin := buildJakstat(t, ".")
	dir := t.TempDir()
	count := filepath.Join(dir, "tmux-calls")
	fake := filepath.Join(dir, "bin")
	if err := os.Mkdir(fake, 0o755); err != nil {
		t.Fatal(err)
	}
	script := "#!/bin/sh\necho \"$*\" >> " + count + "\nexit 1\n"
	if err := os.WriteFile(filepath.Join(fake, "tmux"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--no-save", "--theme", "dark")
	cmd.Env = []string{"PATH=" + fake + ":" + os.Getenv("PATH"), "HOME=" + dir, "TERM=xterm-256color",
		"TMUX=" + filepath.Join(dir, "tmux-socket") + ",1,0"}
	term, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 80, Rows: 24})
	if err != nil {
		t.Skipf("no terminal to run in: %v", err)
	}
	defer term.Close()
	chunks := make(chan []byte)
	go func() {
		defer close(chunks)
		buf := make([]byte, 4096)
		for {
			n, err := term.Read(buf)
			if n > 0 {
				chunks <- append([]byte(nil), buf[:n]...)
			}
			if err != nil {
				return
			}
		}
	}()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()

	var out []byte
	deadline := time.After(20 * time.Second)
	for !bytes.Contains(out, []byte("Welcome")) {
		select {
		case c, ok := <-chunks:
			if !ok {
				t.Fatalf("the terminal closed before the first frame:\n%q", out)
			}
			out = append(out, c...)
		case <-deadline:
			_ = cmd.Process.Kill()
			t.Fatalf("no first frame:\n%q", out)
		}
	}
	go func() {
		for range chunks { // keep reading, so the lesson never blocks writing
		}
	}()
	if _, err := term.Write([]byte("q")); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("q: %v", err)
		}
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("q did not quit")
	}
	calls, _ := os.ReadFile(count)
	if n := strings.Count(string(calls), "\n"); n != 1 {
		t.Errorf("tmux was asked %d times before and during the lesson, want once:\n%s", n, calls)
	}
}

// TestAReaderThatStopsEarly: a reader that takes a line and goes (| head)
// has what it wanted; the lesson ends quietly with status 0, printed or
// accessible, rather than killed by the broken pipe.
func TestAReaderThatStopsEarly(t *testing.T) {
	bin := buildJakstat(t, ".")
	for name, args := range map[string][]string{"print": {"--print"}, "accessible": {"--accessible", "--no-save"}} {
		t.Run(name, func(t *testing.T) {
			cmd := exec.Command(bin, args...)
			cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+t.TempDir())
			cmd.Stdin = strings.NewReader(strings.Repeat("n\n", 100))
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			if _, err := out.Read(make([]byte, 64)); err != nil {
				t.Fatal(err)
			}
			out.Close()
			if err := cmd.Wait(); err != nil || stderr.Len() > 0 {
				t.Errorf("after the reader went: %v, stderr %q", err, stderr.String())
			}
		})
	}
}
