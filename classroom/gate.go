package classroom

import (
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// The gate is the way into a room that every front door shares (SSH, and
// the web page): the credential each role needs, the delay that answers a
// wrong password (by the address it came from, whichever door it came
// through), and the cap on connections still signing in. A front door
// asks the gate; it never decides on a password itself.
//
// Each connection may send maxPasswordTries wrong passwords; every failure
// is logged, and delayed by its address's recent failures (half a second,
// doubling to ten), one at a time per address, so guessing from one place
// runs at a few tries a minute, while everyone typing the right password
// (a whole class behind one school address) is let in at once.

// GateConfig is what lets people into a room.
type GateConfig struct {
	Password       string        // the room's password; "" for none
	AuthorizedKeys string        // a file of students' public keys (SSH only); "" for none
	PresenterPass  string        // the presenter's password; "" for none
	PresenterKeys  string        // a file of the presenter's public keys (SSH only); "" for none
	MaxStartups    int           // connections still signing in at once, through every door; default 116
	LoginGrace     time.Duration // a connection must sign in within this; default 2 minutes
	Log            func(string, ...any)
}

// Gate checks what people prove when they sign in to a room, for every
// front door at once.
type Gate struct {
	cfg      GateConfig
	creds    credentials
	failures *throttle
	waiting  atomic.Int64 // connections still signing in
	refused  refusals
}

// NewGate reads the keys files (every bad line is reported as file:line)
// and decides whether the room is open: students need no credential when
// the room has neither a password nor students' keys, which every front
// door allows on loopback only.
func NewGate(cfg GateConfig) (*Gate, error) {
	if cfg.MaxStartups <= 0 {
		cfg.MaxStartups = 116
	}
	if cfg.LoginGrace <= 0 {
		cfg.LoginGrace = 2 * time.Minute
	}
	if cfg.Log == nil {
		cfg.Log = func(string, ...any) {}
	}
	c := credentials{room: newSecret(cfg.Password), presenter: newSecret(cfg.PresenterPass)}
	var errs []error
	if cfg.AuthorizedKeys != "" {
		k, err := readKeys(cfg.AuthorizedKeys)
		c.studentKeys, errs = k, append(errs, err)
	}
	if cfg.PresenterKeys != "" {
		k, err := readKeys(cfg.PresenterKeys)
		c.presenterKeys, errs = k, append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	c.open = !c.room.set && len(c.studentKeys) == 0
	return &Gate{cfg: cfg, creds: c, failures: newThrottle(500*time.Millisecond, time.Now)}, nil
}

// Open says whether students need no credential. A front door serves an
// open room on loopback only (see IsLoopback).
func (g *Gate) Open() bool { return g.creds.open }

// RoomPassword says whether a student can sign in with a password.
func (g *Gate) RoomPassword() bool { return g.creds.room.set }

// PresenterPassword says whether the presenter (or the console) can sign
// in with a password.
func (g *Gate) PresenterPassword() bool { return g.creds.presenter.set }

// LoginGrace is how long a connection has to sign in.
func (g *Gate) LoginGrace() time.Duration { return g.cfg.LoginGrace }

// Why a password does not sign someone in, in words any front door can
// show.
var (
	ErrWrongPassword = errors.New("that password is not right")
	ErrTooManyTries  = errors.New("too many wrong passwords: connect again to try again")
	ErrKeysOnly      = errors.New("this classroom signs you in with a key, not a password")
	ErrNoPresenter   = errors.New("this classroom has no presenter password or keys, so nobody can sign in as the presenter")
)

// maxPasswordTries is how many wrong passwords one connection may send.
const maxPasswordTries = 3

// Tries counts one connection's wrong passwords. The zero value is a
// connection that has not tried yet.
type Tries struct {
	mu    sync.Mutex
	wrong int
}

func (t *Tries) left() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return maxPasswordTries - t.wrong
}

// fail counts a wrong password and returns the tries left.
func (t *Tries) fail() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.wrong++
	return maxPasswordTries - t.wrong
}

// Asks says whether signing in as r asks for a password at all: nil when
// it does; otherwise why not (an open room lets a student straight in,
// with ok true; a room without a presenter's password cannot let the
// presenter in with one).
func (g *Gate) Asks(r Role) (ok bool, err error) {
	switch {
	case r == Student && g.creds.open:
		return true, nil
	case r != Student && !g.creds.presenterSignIn():
		return false, ErrNoPresenter
	case !g.creds.passwordFor(r).set:
		return false, ErrKeysOnly
	}
	return false, nil
}

// CheckPassword checks a password typed for role r on a connection that
// has made tries, from address from, and returns nil only if it proves r:
// an open room's student needs none; the presenter and the console need
// the presenter's password, a student the room's. A wrong password is
// logged (who and how say who asked, and through which door) and answered
// only after its address's delay; the connection's last wrong password is
// ErrTooManyTries, and the door then closes it.
func (g *Gate) CheckPassword(tries *Tries, from net.Addr, who string, r Role, password, how string) error {
	if ok, err := g.Asks(r); ok || err != nil {
		return err
	}
	if tries.left() <= 0 {
		return ErrTooManyTries
	}
	if g.creds.passwordFor(r).matches(password) {
		return nil
	}
	left := tries.fail()
	d := g.failures.fail(from)
	g.cfg.Log("wrong %s password (%s) for %q from %s; answered in %v; %d more tries on this connection", r, how, who, from, d.d, left)
	d.wait()
	if left <= 0 {
		return ErrTooManyTries
	}
	return ErrWrongPassword
}

// Arrival is a connection that has begun signing in, counted against the
// gate's cap until Done.
type Arrival struct {
	g    *Gate
	once sync.Once
}

// Arrive counts a new connection that has yet to sign in, or refuses it
// (false, and a log line at most every ten seconds) when MaxStartups are
// already signing in: the door then closes it.
func (g *Gate) Arrive(from net.Addr) (*Arrival, bool) {
	if n := g.waiting.Add(1); n > int64(g.cfg.MaxStartups) {
		g.waiting.Add(-1)
		g.refused.note(g, from)
		return nil, false
	}
	return &Arrival{g: g}, true
}

// Done says the connection is no longer signing in: it signed in, or it
// went. Only the first call counts.
func (a *Arrival) Done() {
	a.once.Do(func() { a.g.waiting.Add(-1) })
}

// refusals logs connections refused for the cap, a line at most every ten
// seconds however many come.
type refusals struct {
	mu     sync.Mutex
	count  int
	logged time.Time
}

func (r *refusals) note(g *Gate, addr net.Addr) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.count++
	if now := time.Now(); now.Sub(r.logged) >= 10*time.Second {
		g.cfg.Log("refused %d connection(s), the last from %s: %d are already signing in", r.count, addr, g.cfg.MaxStartups)
		r.count, r.logged = 0, now
	}
}

// IsLoopback says whether addr (host:port) listens on this machine alone.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Logger is a log for a classroom's doors and room: each line stamped with
// the time, written whole. A nil w logs nothing.
func Logger(w io.Writer) func(string, ...any) {
	if w == nil {
		return func(string, ...any) {}
	}
	var mu sync.Mutex
	return func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(w, time.Now().Format("15:04:05 ")+format+"\n", args...)
	}
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
