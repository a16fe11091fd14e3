package classroom

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// openSSH runs the real OpenSSH client, answering password prompts with
// password through SSH_ASKPASS; the test is skipped where it is missing.
func openSSH(t *testing.T, addr, user, password string, args ...string) *exec.Cmd {
	t.Helper()
	bin, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("no OpenSSH client (ssh) on this machine")
	}
	dir := t.TempDir()
	askpass := filepath.Join(dir, "askpass")
	os.WriteFile(askpass, []byte("#!/bin/sh\necho '"+password+"'\n"), 0o700)
	host, port := hostPort(addr)
	all := append([]string{"-F", "/dev/null", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
		"-o", "NumberOfPasswordPrompts=1", "-p", port}, args...)
	cmd := exec.Command(bin, append(all, user+"@"+host)...)
	cmd.Env = append(os.Environ(), "SSH_ASKPASS="+askpass, "SSH_ASKPASS_REQUIRE=force", "DISPLAY=:0")
	return cmd
}

func hostPort(addr string) (string, string) {
	i := strings.LastIndex(addr, ":")
	return addr[:i], addr[i+1:]
}

// TestOfferedKeyWithOpenSSH is the takeover as OpenSSH makes it: told to
// use a key it has only the public half of, it offers the key, the server
// says it would accept it, OpenSSH cannot sign, and goes on to the
// password. The room password then makes a student, never the presenter.
func TestOfferedKeyWithOpenSSH(t *testing.T) {
	_, line := newKey(t)
	srv, addr := start(t, Config{Password: "room", PresenterPass: "teach", PresenterKeys: keysFile(t, line)})
	srv.gate.failures = newThrottle(time.Millisecond, time.Now)
	pub := filepath.Join(t.TempDir(), "teacher.pub")
	os.WriteFile(pub, []byte(line), 0o600)
	offer := []string{"-o", "IdentitiesOnly=yes", "-i", pub, "-o", "PreferredAuthentications=publickey,password"}

	out, err := openSSH(t, addr, "presenter", "room", append(offer, "-v", "-T")...).CombinedOutput()
	if !strings.Contains(string(out), "Server accepts key") {
		t.Skipf("this OpenSSH did not offer the key without its private half:\n%s", out)
	}
	if err == nil || !strings.Contains(string(out), "Permission denied") {
		t.Errorf("presenter@ with an offered key and the room password: %v\n%s", err, out)
	}

	cmd := openSSH(t, addr, "mallory", "room", append(offer, "-tt")...)
	stdin, _ := cmd.StdinPipe()
	defer stdin.Close()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	eventually(t, "mallory in the room", func() bool { return students(srv) == 1 })
	if s := srv.room.Status(); s.Teacher {
		t.Errorf("an offered key made a presenter: %+v", s)
	}
}

// TestOpenSSHPresenter signs in as the presenter with OpenSSH's password
// prompt, and is told plainly when the password is wrong.
func TestOpenSSHPresenter(t *testing.T) {
	srv, addr := start(t, Config{Password: "room", PresenterPass: "teach"})
	srv.gate.failures = newThrottle(time.Millisecond, time.Now)
	out, err := openSSH(t, addr, "presenter", "wrong", "-T").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "That password is not right") {
		t.Errorf("a wrong presenter password: %v\n%s", err, out)
	}
	cmd := openSSH(t, addr, "presenter", "teach", "-tt")
	stdin, _ := cmd.StdinPipe()
	defer stdin.Close()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	eventually(t, "the presenter in the room", func() bool { return srv.room.Status().Teacher })
	fmt.Fprint(stdin, "q")
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Error("q did not end the presenter's session")
	}
}
