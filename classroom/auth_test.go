package classroom

import (
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// newKey is a fresh ed25519 key: its signer and its authorized_keys line.
func newKey(t testing.TB) (gossh.Signer, string) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s, string(gossh.MarshalAuthorizedKey(s.PublicKey()))
}

// keysFile writes lines to a file and returns its path.
func keysFile(t testing.TB, lines ...string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "keys")
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// offeredOnly offers a public key its holder cannot sign for: what someone
// who knows only the teacher's public key can do.
type offeredOnly struct{ pub gossh.PublicKey }

func (o offeredOnly) PublicKey() gossh.PublicKey { return o.pub }

func (o offeredOnly) Sign(io.Reader, []byte) (*gossh.Signature, error) {
	return &gossh.Signature{Format: o.pub.Type(), Blob: make([]byte, 64)}, nil
}

// banners collects the messages a server sends while signing in.
type banners struct {
	mu  sync.Mutex
	all []string
}

func (b *banners) add(msg string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.all = append(b.all, msg)
	return nil
}

func (b *banners) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return strings.Join(b.all, "")
}

func dialSeeing(addr, user string, b *banners, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: user, Auth: auth, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second,
		BannerCallback: b.add,
	})
}

// connMeta is the little a sign-in callback knows of a connection.
type connMeta struct{ user string }

func (c connMeta) User() string { return c.user }

func (c connMeta) SessionID() []byte { return []byte("s") }

func (c connMeta) ClientVersion() []byte { return []byte("SSH-2.0-test") }

func (c connMeta) ServerVersion() []byte { return []byte("SSH-2.0-jakstat") }

func (c connMeta) RemoteAddr() net.Addr { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 5000} }

func (c connMeta) LocalAddr() net.Addr { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 2222} }

// TestOfferedKeyIsNotTheTeachers is the takeover the issue found: offering
// the teacher's public key (a query, with no signature: its holder has no
// private key), then signing in with the room's password, must not make
// anyone the presenter. The role is what the method that succeeded proved.
func TestOfferedKeyIsNotTheTeachers(t *testing.T) {
	teacherKey, line := newKey(t)
	srv, err := New(Config{Lesson: lesson(t), Password: "room", PresenterPass: "teach", PresenterKeys: keysFile(t, line)})
	if err != nil {
		t.Fatal(err)
	}
	srv.gate.failures = newThrottle(time.Microsecond, time.Now)
	for _, user := range []string{"presenter", "mallory"} {
		a, b := net.Pipe()
		defer a.Close()
		defer b.Close()
		cfg := srv.authConfig(&guard{srv: srv, conn: a, timer: time.NewTimer(time.Hour)})
		meta := connMeta{user}
		if _, err := cfg.PublicKeyCallback(meta, teacherKey.PublicKey()); err != nil {
			t.Fatalf("%s: the teacher's key is not accepted as a query: %v", user, err)
		}
		perms, err := cfg.PasswordCallback(meta, []byte("room"))
		switch role, ok := srv.gate.creds.provenRole(user, extensions(perms), nil); {
		case user == "presenter" && err == nil:
			t.Error("the room password signed a presenter in after an offered key")
		case user == "mallory" && (err != nil || !ok || role != Student):
			t.Errorf("mallory: %v, role %v, proven %v", err, role, ok)
		}
	}
	// What a key proves is checked against the key the connection used.
	other, _ := newKey(t)
	byKey := proved(Presenter, teacherKey.PublicKey())
	if _, ok := srv.gate.creds.provenRole("presenter", byKey.Extensions, other.PublicKey()); ok {
		t.Error("a proof for the teacher's key passed for another key")
	}
	if _, ok := srv.gate.creds.provenRole("presenter", byKey.Extensions, teacherKey.PublicKey()); !ok {
		t.Error("the teacher's own key did not pass")
	}
	if _, ok := srv.gate.creds.provenRole("presenter", proved(Student, nil).Extensions, nil); ok {
		t.Error("a student's proof passed for the presenter")
	}
}

func extensions(p *gossh.Permissions) map[string]string {
	if p == nil {
		return nil
	}
	return p.Extensions
}

// TestPresenterSignsInWithAKey over a real connection, and the teacher's
// key merely offered by a student makes no presenter.
func TestPresenterSignsInWithAKey(t *testing.T) {
	teacherKey, line := newKey(t)
	srv, addr := start(t, Config{Password: "room", PresenterKeys: keysFile(t, line)})
	teacher := open(t, mustDial(t, addr, "presenter", gossh.PublicKeys(teacherKey)), 80, 24)
	teacher.waitScreen(t, "0:0")
	eventually(t, "the teacher in the room", func() bool { return srv.room.Status().Teacher })
	// x/crypto/ssh signs for every key it offers, and this server ends a
	// connection with a forged signature; OpenSSH can offer a key without
	// signing (TestOfferedKeyWithOpenSSH).
	if _, err := dialWith(addr, "presenter", gossh.PublicKeys(offeredOnly{teacherKey.PublicKey()}), gossh.Password("room")); err == nil {
		t.Error("a forged signature signed in")
	}
}

func mustDial(t testing.TB, addr, user string, auth ...gossh.AuthMethod) *gossh.Client {
	t.Helper()
	c, err := dialWith(addr, user, auth...)
	if err != nil {
		t.Fatalf("%s: %v", user, err)
	}
	return c
}

// TestRolesByUserName: the user name asks for a role, and only the
// credential of that role signs in; a wrong presenter password is refused,
// with a word why, never turned into a student's session.
func TestRolesByUserName(t *testing.T) {
	studentKey, studentLine := newKey(t)
	srv, addr := start(t, Config{Password: "room", PresenterPass: "teach", AuthorizedKeys: keysFile(t, studentLine)})
	srv.gate.failures = newThrottle(time.Millisecond, time.Now)
	tests := []struct {
		user string
		auth gossh.AuthMethod
		ok   bool
	}{
		{"presenter", gossh.Password("teach"), true},
		{"Teacher", gossh.Password("teach"), true},
		{"notes", gossh.Password("teach"), true},
		{"presenter", gossh.Password("room"), false},
		{"presenter", gossh.Password("wrong"), false},
		{"notes", gossh.Password("room"), false},
		{"presenter", gossh.PublicKeys(studentKey), false},
		{"ada", gossh.Password("room"), true},
		{"ada", gossh.PublicKeys(studentKey), true},
		{"ada", gossh.Password("teach"), false},
		{"ada", gossh.Password(""), false},
	}
	for i, tc := range tests {
		c, err := dialWith(addr, tc.user, tc.auth)
		if err == nil {
			c.Close()
		}
		if (err == nil) != tc.ok {
			t.Errorf("case %d, %s: signed in %v, want %v (%v)", i, tc.user, err == nil, tc.ok, err)
		}
	}
	var b banners
	if _, err := dialSeeing(addr, "presenter", &b, gossh.Password("wrong")); err == nil || !strings.Contains(b.String(), "That password is not right") {
		t.Errorf("a wrong presenter password should be refused with a reason: %v, %q", err, b.String())
	}
	if students(srv) != 0 {
		t.Error("a refused sign-in left a student behind")
	}
}

// TestKeyboardInteractive: OpenSSH asks keyboard-interactive first. An
// open room lets a student in without a question; the presenter is asked
// for the presenter's password, by name.
func TestKeyboardInteractive(t *testing.T) {
	srv, addr := start(t, Config{PresenterPass: "teach"})
	srv.gate.failures = newThrottle(time.Millisecond, time.Now)
	var asked []string
	answer := func(pw string) gossh.AuthMethod {
		return gossh.KeyboardInteractive(func(_, instruction string, questions []string, _ []bool) ([]string, error) {
			asked = append(asked, instruction+"|"+strings.Join(questions, ","))
			out := make([]string, len(questions))
			for i := range out {
				out[i] = pw
			}
			return out, nil
		})
	}
	st := open(t, mustDial(t, addr, "ada", answer("")), 80, 24)
	st.waitScreen(t, "JAK inhibitors")
	for _, q := range asked {
		if strings.Contains(q, "password") {
			t.Errorf("a student in an open room was asked %q", q)
		}
	}
	if _, err := dialWith(addr, "presenter", answer("nope")); err == nil {
		t.Error("a wrong presenter password was let in")
	}
	if _, err := dialWith(addr, "presenter", answer("")); err == nil {
		t.Error("an open room let a presenter in with no password")
	}
	asked = nil
	open(t, mustDial(t, addr, "presenter", answer("teach")), 80, 24).waitScreen(t, "0:0")
	if len(asked) == 0 || !strings.Contains(asked[len(asked)-1], "Presenter password: ") {
		t.Errorf("the presenter was asked %q", asked)
	}
	eventually(t, "the presenter", func() bool { return srv.room.Status().Teacher })
}

// TestNoPresenterCredential: with none set, nobody presents, and the
// refusal says why.
func TestNoPresenterCredential(t *testing.T) {
	_, addr := start(t, Config{})
	var b banners
	if _, err := dialSeeing(addr, "presenter", &b, gossh.Password("")); err == nil || !strings.Contains(b.String(), "no presenter password or keys") {
		t.Errorf("presenter@ in a room with no presenter credential: %v %q", err, b.String())
	}
	// OpenSSH tries keyboard-interactive, then asks for a password that
	// can never succeed: after the refusal the server hangs up, so a
	// person typing one is told the connection closed, once.
	asked := false
	typed := gossh.PasswordCallback(func() (string, error) {
		asked = true
		time.Sleep(time.Second) // a person typing
		return "guess", nil
	})
	noPrompt := gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })
	_, err := dialSeeing(addr, "presenter", &banners{}, noPrompt, typed)
	if err == nil || !asked || strings.Contains(err.Error(), "unable to authenticate") {
		t.Errorf("after the refusal the connection should end, not take a password: asked %v, %v", asked, err)
	}
}

// TestWrongPasswordsAreBoundedDelayedAndLogged: three wrong passwords end
// the connection; each is logged, and waits longer than the one before.
func TestWrongPasswordsAreBoundedDelayedAndLogged(t *testing.T) {
	var log syncBuffer
	srv, addr := start(t, Config{Password: "room", PresenterPass: "teach", Log: &log})
	srv.gate.failures = newThrottle(time.Millisecond, time.Now) // the schedule's shape, quickly
	tries := 0
	guess := gossh.RetryableAuthMethod(gossh.PasswordCallback(func() (string, error) {
		tries++
		return fmt.Sprint("guess", tries), nil
	}), 10)
	if _, err := dialWith(addr, "presenter", guess); err == nil {
		t.Fatal("a guess signed in")
	}
	if tries != maxPasswordTries {
		t.Errorf("%d passwords were tried on one connection, want %d", tries, maxPasswordTries)
	}
	if n := strings.Count(log.String(), `wrong presenter password (password) for "presenter"`); n != maxPasswordTries {
		t.Errorf("%d failures logged:\n%s", n, log.String())
	}
	for _, want := range []string{"answered in 1ms", "answered in 2ms", "answered in 4ms"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("the log lacks %q:\n%s", want, log.String())
		}
	}
}

func TestThrottleSchedule(t *testing.T) {
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	th := newThrottle(500*time.Millisecond, func() time.Time { return now })
	a := &net.TCPAddr{IP: net.ParseIP("192.0.2.7"), Port: 4000}
	b := &net.TCPAddr{IP: net.ParseIP("192.0.2.7"), Port: 4001} // same address, another port
	var got []time.Duration
	for i := range 7 {
		addr := a
		if i%2 == 1 {
			addr = b
		}
		got = append(got, th.fail(addr).d)
	}
	want := []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 10 * time.Second, 10 * time.Second}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("delays %v, want %v", got, want)
	}
	if d := th.fail(&net.TCPAddr{IP: net.ParseIP("192.0.2.8")}).d; d != 500*time.Millisecond {
		t.Errorf("another address waits %v", d)
	}
	now = now.Add(failureMemory + time.Second)
	if d := th.fail(a).d; d != 500*time.Millisecond {
		t.Errorf("old failures still count: %v", d)
	}
}

func TestKeysFilesAreCheckedAtStart(t *testing.T) {
	_, good := newKey(t)
	bad := keysFile(t, "# the teacher", strings.TrimSpace(good), "ssh-ed25519 not-base64!", "", "hello")
	_, err := readKeys(bad)
	for _, want := range []string{bad + ":3: not a public key", bad + ":5: not a public key"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("readKeys: %v, want %q", err, want)
		}
	}
	if _, err := readKeys(keysFile(t, "# nobody yet")); err == nil || !strings.Contains(err.Error(), "no public keys in it") {
		t.Errorf("an empty keys file: %v", err)
	}
	if _, err := New(Config{Lesson: lesson(t), PresenterKeys: bad}); err == nil || !strings.Contains(err.Error(), ":3:") {
		t.Errorf("New with a bad keys file: %v", err)
	}
	if _, err := New(Config{Lesson: lesson(t), AuthorizedKeys: filepath.Join(t.TempDir(), "none")}); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("New with a missing keys file: %v", err)
	}
}
