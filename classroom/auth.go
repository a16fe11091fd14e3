package classroom

import (
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"strings"

	gossh "golang.org/x/crypto/ssh"
)

// Signing in. The SSH user name chooses the role, so it is visible and
// explicit: presenter (or teacher) and notes need the presenter's
// credential, any other name is a student. A role is granted for what the
// method that authenticated proved, and nothing else: each callback below
// returns its own fresh Permissions naming the role it proved, and only
// the Permissions of the method that succeeded survive the handshake (a
// key merely offered, never signed for, proves nothing). The session then
// checks the proof again against the name and, for a key, against the key
// the connection actually authenticated with, as soft-serve does.

// proofKey is the Permissions extension naming the role an authentication
// proved; keyExt is where charm.land/ssh looks for the authenticated key.
const (
	proofKey = "jakstat-role"
	keyExt   = "gliderlabs/ssh.PublicKey"
)

// roleFor is the role a user name asks for.
func roleFor(user string) Role {
	switch strings.ToLower(user) {
	case "presenter", "teacher":
		return Presenter
	case "notes":
		return Notes
	}
	return Student
}

// secret is a password, kept as its hash so that comparing takes the same
// time whatever is typed and however long it is.
type secret struct {
	sum [sha256.Size]byte
	set bool
}

func newSecret(s string) secret {
	if s == "" {
		return secret{}
	}
	return secret{sum: sha256.Sum256([]byte(s)), set: true}
}

func (s secret) matches(typed string) bool {
	sum := sha256.Sum256([]byte(typed))
	return subtle.ConstantTimeCompare(sum[:], s.sum[:]) == 1 && s.set
}

// keys is a keys file's public keys.
type keys []gossh.PublicKey

func (k keys) has(key gossh.PublicKey) bool {
	want := key.Marshal()
	for _, have := range k {
		if subtle.ConstantTimeCompare(have.Marshal(), want) == 1 {
			return true
		}
	}
	return false
}

// readKeys reads an authorized_keys file: one public key a line, blank
// lines and # comments allowed. Every bad line is reported as file:line.
func readKeys(path string) (keys, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("keys file: %w", err)
	}
	return parseKeys(path, data)
}

// parseKeys reads the keys in data, a file called name.
func parseKeys(path string, data []byte) (keys, error) {
	var out keys
	var errs []error
	for i, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		k, _, _, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: not a public key (a line is like: ssh-ed25519 AAAAC3Nz... name)", path, i+1))
			continue
		}
		out = append(out, k)
	}
	if len(errs) == 0 && len(out) == 0 {
		errs = append(errs, fmt.Errorf("%s: no public keys in it", path))
	}
	return out, errors.Join(errs...)
}

// credentials is what proves each role.
type credentials struct {
	open          bool // no credential: a student needs none (loopback only)
	room          secret
	studentKeys   keys
	presenter     secret
	presenterKeys keys
}

// presenterSignIn says whether the room has any presenter credential.
func (c credentials) presenterSignIn() bool { return c.presenter.set || len(c.presenterKeys) > 0 }

// passwordFor is the secret that admits role, if any.
func (c credentials) passwordFor(r Role) secret {
	if r == Student {
		return c.room
	}
	return c.presenter
}

// keyAdmits says whether key admits role. A presenter's key admits a
// student too: it proves more than a student needs.
func (c credentials) keyAdmits(r Role, key gossh.PublicKey) bool {
	if r != Student {
		return c.presenterKeys.has(key)
	}
	return c.open || c.studentKeys.has(key) || c.presenterKeys.has(key)
}

// proved is the Permissions of a successful authentication for role;
// with a key, the key too, where charm.land/ssh finds it.
func proved(r Role, key gossh.PublicKey) *gossh.Permissions {
	p := &gossh.Permissions{Extensions: map[string]string{proofKey: r.String()}}
	if key != nil {
		p.Extensions[keyExt] = base64.StdEncoding.EncodeToString(key.Marshal())
	}
	return p
}

// provenRole is the role a connection's Permissions prove, checked against
// the user name it asks with and, for a key, against the key the
// connection authenticated with. ok is false when they disagree.
func (c credentials) provenRole(user string, ext map[string]string, key gossh.PublicKey) (Role, bool) {
	want := roleFor(user)
	if ext[proofKey] != want.String() {
		return want, false
	}
	if enc, byKey := ext[keyExt]; byKey {
		if key == nil || enc != base64.StdEncoding.EncodeToString(key.Marshal()) || !c.keyAdmits(want, key) {
			return want, false
		}
	}
	return want, true
}
