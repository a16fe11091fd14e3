//go:build linux || darwin

package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
)

// terminal is the built program running in a real pseudo-terminal, as a
// screen reader user's terminal runs it: the terminal echoes what is
// typed, turns Enter into a line, Ctrl+D into the end of input and Ctrl+C
// into an interrupt.
type terminal struct {
	t    *testing.T
	pty  *os.File
	cmd  *exec.Cmd
	out  bytes.Buffer
	read chan []byte
}

func startTerminal(t *testing.T, bin, stateDir string, args ...string) *terminal {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+stateDir, "TERM=xterm-256color", "ACCESSIBLE=", "NO_COLOR=")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 100})
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	term := &terminal{t: t, pty: f, cmd: cmd, read: make(chan []byte)}
	go func() {
		defer close(term.read)
		for {
			buf := make([]byte, 4096)
			n, err := f.Read(buf)
			if n > 0 {
				term.read <- buf[:n]
			}
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() { cmd.Process.Kill(); f.Close() })
	return term
}

// waitFor reads until the output holds want (a guard against a hang, not
// a measure of speed: the limit is far beyond any real wait).
func (term *terminal) waitFor(want string) {
	term.t.Helper()
	deadline := time.After(60 * time.Second)
	for !strings.Contains(term.out.String(), want) {
		select {
		case b, ok := <-term.read:
			if !ok {
				term.t.Fatalf("the program ended before %q:\n%s", want, term.out.String())
			}
			term.out.Write(b)
		case <-deadline:
			term.t.Fatalf("no %q after a minute:\n%s", want, term.out.String())
		}
	}
}

func (term *terminal) typeKeys(s string) {
	if _, err := io.WriteString(term.pty, s); err != nil {
		term.t.Fatal(err)
	}
}

// end waits for the program to exit and reads the rest of its output.
func (term *terminal) end() {
	for b := range term.read {
		term.out.Write(b)
	}
	var exit *exec.ExitError
	if err := term.cmd.Wait(); err != nil && !errors.As(err, &exit) {
		term.t.Fatal(err)
	}
}

// TestAccessibleInATerminal runs the built program in a pseudo-terminal:
// Enter goes on, each typed line shows once (the terminal's echo, not a
// second one of the program's), Ctrl+D and Ctrl+C each end it with the
// place saved, and the whole session holds no escape sequence, no
// backspace and no carriage return that is not part of a line break: on
// a terminal too, the output only ever grows.
func TestAccessibleInATerminal(t *testing.T) {
	bin := buildJakstat(t, ".")
	dir := t.TempDir()

	term := startTerminal(t, bin, dir, "--accessible")
	term.waitFor("q quit): ")
	term.typeKeys("\r") // Enter: the next step
	term.waitFor("Step 2 of 24:")
	term.waitFor("q quit): ")
	term.typeKeys("t drugs oral\r")
	term.waitFor("rows mention \"oral\"")
	term.waitFor("q quit): ")
	term.typeKeys("\x04") // Ctrl+D
	term.waitFor("End of input.")
	term.end()
	if term.cmd.ProcessState.ExitCode() != 0 {
		t.Errorf("exit %d after Ctrl+D", term.cmd.ProcessState.ExitCode())
	}
	checkTerminalOutput(t, term.out.String())
	if strings.Count(term.out.String(), "t drugs oral") != 1 {
		t.Errorf("the typed line does not show exactly once:\n%s", term.out.String())
	}
	if saved, _ := os.ReadFile(filepath.Join(dir, "jakstat", "progress.json")); !strings.Contains(string(saved), `"step": 1`) {
		t.Errorf("Ctrl+D did not keep step 2: %s", saved)
	}

	term = startTerminal(t, bin, dir, "--accessible")
	term.waitFor("Pick up at step 2? (Enter: yes; 1: start from step 1): ")
	term.typeKeys("\r")
	term.waitFor("q quit): ")
	term.typeKeys("n\r")
	term.waitFor("Step 3 of 24:")
	term.waitFor("q quit): ")
	term.typeKeys("\x03") // Ctrl+C
	term.waitFor("Interrupted.")
	term.end()
	checkTerminalOutput(t, term.out.String())
	if !strings.Contains(term.out.String(), "Your place is saved: step 3 of 24.") {
		t.Errorf("Ctrl+C did not say the place is saved:\n%s", term.out.String())
	}
	if saved, _ := os.ReadFile(filepath.Join(dir, "jakstat", "progress.json")); !strings.Contains(string(saved), `"step": 2`) {
		t.Errorf("Ctrl+C did not keep step 3: %s", saved)
	}
}

// checkTerminalOutput fails on anything but text and line breaks in what
// a terminal received. The terminal itself turns each line break into
// CR LF, and shows Ctrl+C as ^C.
func checkTerminalOutput(t *testing.T, out string) {
	t.Helper()
	for i := 0; i < len(out); i++ {
		switch c := out[i]; {
		case c == '\r' && i+1 < len(out) && out[i+1] == '\n', c == '\n':
		case c < 0x20 || c == 0x7f:
			t.Fatalf("byte %#x at %d: %q", c, i, out[max(0, i-40):min(len(out), i+40)])
		}
	}
}
