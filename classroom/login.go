package classroom

import (
	"net"
	"sync"
	"time"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// The three ways to sign in, and what a wrong password costs. Each
// connection may send maxPasswordTries wrong passwords; every failure is
// logged, and delayed by its address's recent failures (half a second,
// doubling to ten), one at a time per address, so guessing from one place
// runs at a few tries a minute, while everyone typing the right password
// (a whole class behind one school address) is let in at once.

// serverConfig is one connection's SSH configuration: its own callbacks,
// each returning fresh Permissions for what it proved.
func (s *Server) serverConfig(ctx ssh.Context) *gossh.ServerConfig {
	g, _ := ctx.Value(guardKey{}).(*guard)
	return s.authConfig(g)
}

// authConfig is the sign-in part of a connection's configuration.
func (s *Server) authConfig(g *guard) *gossh.ServerConfig {
	return &gossh.ServerConfig{
		MaxAuthTries: 6,
		PasswordCallback: func(c gossh.ConnMetadata, pw []byte) (*gossh.Permissions, error) {
			return s.checkPassword(g, c, string(pw), "password")
		},
		PublicKeyCallback: func(c gossh.ConnMetadata, key gossh.PublicKey) (*gossh.Permissions, error) {
			if r := roleFor(c.User()); s.creds.keyAdmits(r, key) {
				return proved(r, key), nil
			}
			return nil, errKey
		},
		KeyboardInteractiveCallback: func(c gossh.ConnMetadata, ask gossh.KeyboardInteractiveChallenge) (*gossh.Permissions, error) {
			return s.interactive(g, c, ask)
		},
	}
}

var (
	errKey      = &gossh.BannerError{Err: ssh.ErrPermissionDenied}
	errPassword = &gossh.BannerError{Err: ssh.ErrPermissionDenied, Message: "That password is not right.\n"}
	errTooMany  = &gossh.BannerError{Err: ssh.ErrPermissionDenied, Message: "Too many wrong passwords: connect again to try again.\n"}
	errKeysOnly = &gossh.BannerError{Err: ssh.ErrPermissionDenied, Message: "This classroom signs you in with a key, not a password.\n"}
)

// noPresenter is why a presenter cannot sign in to a room without a
// presenter's credential.
const noPresenter = "This classroom has no presenter password or keys, so nobody can sign in as the presenter.\n" +
	"(The teacher starts it with --presenter-password or --presenter-keys.)\n"

// checkPassword checks a password (typed for the password method, or
// answered to keyboard-interactive's prompt) for the role the user name
// asks for.
func (s *Server) checkPassword(g *guard, c gossh.ConnMetadata, pw, method string) (*gossh.Permissions, error) {
	r := roleFor(c.User())
	if r == Student && s.creds.open {
		return proved(r, nil), nil
	}
	if r != Student && !s.creds.presenterSignIn() {
		return nil, &gossh.BannerError{Err: ssh.ErrPermissionDenied, Message: noPresenter}
	}
	if !s.creds.passwordFor(r).set {
		return nil, errKeysOnly
	}
	if g.triesLeft() <= 0 {
		return nil, errTooMany
	}
	if s.creds.passwordFor(r).matches(pw) {
		return proved(r, nil), nil
	}
	left := g.failed()
	d := s.failures.fail(c.RemoteAddr())
	s.logf("wrong %s password (%s) for %q from %s; answered in %v; %d more tries on this connection", r, method, c.User(), c.RemoteAddr(), d.d, left)
	d.wait()
	if left <= 0 {
		g.close() // the client has had its tries
		return nil, errTooMany
	}
	return nil, errPassword
}

// interactive is keyboard-interactive sign-in: an open room lets students
// straight in (OpenSSH does not even prompt); otherwise it asks for the
// password of the role the user name asks for, with a word on what it is.
func (s *Server) interactive(g *guard, c gossh.ConnMetadata, ask gossh.KeyboardInteractiveChallenge) (*gossh.Permissions, error) {
	r := roleFor(c.User())
	switch {
	case r == Student && s.creds.open:
		return proved(r, nil), nil
	case r != Student && !s.creds.presenterSignIn():
		return nil, &gossh.BannerError{Err: ssh.ErrPermissionDenied, Message: noPresenter}
	case !s.creds.passwordFor(r).set:
		return nil, errKeysOnly
	}
	instruction, prompt := "Signing in to the classroom as a student.", "Room password: "
	if r != Student {
		instruction, prompt = "Signing in to the classroom as the "+r.String()+" (the presenter's password).", "Presenter password: "
	}
	answers, err := ask("", instruction, []string{prompt}, []bool{false})
	if err != nil || len(answers) != 1 {
		return nil, ssh.ErrPermissionDenied
	}
	return s.checkPassword(g, c, answers[0], "keyboard-interactive")
}

// throttle delays failed sign-ins by where they come from.
type throttle struct {
	mu    sync.Mutex
	addrs map[string]*failures
	now   func() time.Time
	base  time.Duration // the first failure's delay; then doubling
}

// failures is one address's recent failed sign-ins.
type failures struct {
	sync.Mutex // held while a failure from the address waits
	count      int
	last       time.Time
}

// Throttle limits.
const (
	failureMemory  = 15 * time.Minute // failures older than this are forgotten
	maxFailureWait = 10 * time.Second
	maxAddrs       = 4096 // addresses remembered at once
)

func newThrottle(base time.Duration, now func() time.Time) *throttle {
	return &throttle{addrs: map[string]*failures{}, now: now, base: base}
}

// delay is how long a failed sign-in waits before it is answered.
type delay struct {
	d time.Duration
	f *failures
}

// wait serves the delay; delays from one address are served one after
// another.
func (d delay) wait() {
	d.f.Lock()
	defer d.f.Unlock()
	time.Sleep(d.d)
}

// fail counts a failure from addr and returns the delay to serve before
// answering it.
func (t *throttle) fail(addr net.Addr) delay {
	host := addr.String()
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	now := t.now()
	t.mu.Lock()
	defer t.mu.Unlock()
	f := t.addrs[host]
	if f == nil {
		if len(t.addrs) >= maxAddrs {
			t.forget(now)
		}
		f = &failures{}
		t.addrs[host] = f
	}
	if now.Sub(f.last) > failureMemory {
		f.count = 0
	}
	f.count++
	f.last = now
	return delay{d: min(t.base<<min(f.count-1, 16), maxFailureWait), f: f}
}

// forget drops the addresses whose failures are old, or, if every one is
// recent (a flood from many addresses), all of them. Under t.mu.
func (t *throttle) forget(now time.Time) {
	for host, f := range t.addrs {
		if now.Sub(f.last) > failureMemory {
			delete(t.addrs, host)
		}
	}
	if len(t.addrs) >= maxAddrs {
		t.addrs = map[string]*failures{}
	}
}
