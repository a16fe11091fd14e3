package link

import (
	"bufio"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"time"
)

// Where no Unix socket is to be had, the presenter listens on a loopback
// port, which every local user can reach. So the presenter writes its
// address and a fresh secret to a file that only its user can read, and
// each connection starts with a challenge and response both ways:
//
//	follower:  "jakstat-link 1 <follower nonce>"
//	presenter: "<HMAC(secret, presenter, follower nonce)> <presenter nonce>"
//	follower:  "<HMAC(secret, follower, presenter nonce)>"
//
// A follower that cannot prove the secret gets no positions; a program
// that took over the port after the presenter left cannot prove it either,
// so a follower never believes it. The secret itself never crosses the
// connection, and fresh nonces make recorded answers useless.

// handshakeTimeout bounds the whole exchange; an idle connection is dropped.
const handshakeTimeout = 2 * time.Second

// maxLine bounds every handshake line, so a stranger cannot make either
// side buffer without end.
const maxLine = 256

const hello = "jakstat-link 1"

// portFile is the content of the file a TCP endpoint names.
type portFile struct {
	Addr   string `json:"addr"`
	Secret string `json:"secret"` // hex
}

// newSecret is 32 random bytes in hex.
func newSecret() string { return randomHex(32) }

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b) // never fails (crypto/rand panics rather than return an error)
	return hex.EncodeToString(b)
}

// writePortFile writes pf to path, readable by its owner only. A follower
// that reads it half-written finds no JSON and tries again a moment later.
func writePortFile(path string, pf portFile) error {
	data, _ := json.Marshal(pf)
	return os.WriteFile(path, append(data, '\n'), 0o600)
}

func readPortFile(path string) (portFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return portFile{}, err
	}
	var pf portFile
	if err := json.Unmarshal(data, &pf); err != nil || pf.Addr == "" || pf.Secret == "" {
		return portFile{}, fmt.Errorf("%s is not a presenter's port file", path)
	}
	return pf, nil
}

// proof is the answer to a nonce, for one role.
func proof(secret, role, nonce string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(role + "\n" + nonce))
	return hex.EncodeToString(m.Sum(nil))
}

var errRefused = errors.New("the other side does not know the secret")

// proveToFollower is the presenter's side of the handshake on a fresh
// connection; r reads from c.
func proveToFollower(c net.Conn, r *bufio.Reader, secret string) error {
	c.SetDeadline(time.Now().Add(handshakeTimeout))
	defer c.SetDeadline(time.Time{})
	line, err := readLine(r)
	if err != nil {
		return err
	}
	nonce, ok := strings.CutPrefix(line, hello+" ")
	if !ok || nonce == "" {
		return errRefused
	}
	mine := randomHex(16)
	if _, err := fmt.Fprintf(c, "%s %s\n", proof(secret, "presenter", nonce), mine); err != nil {
		return err
	}
	line, err = readLine(r)
	if err != nil {
		return err
	}
	if !hmac.Equal([]byte(line), []byte(proof(secret, "follower", mine))) {
		return errRefused
	}
	return nil
}

// proveToPresenter is the follower's side of the handshake, which must be
// over within timeout.
func proveToPresenter(c net.Conn, r *bufio.Reader, secret string, timeout time.Duration) error {
	c.SetDeadline(time.Now().Add(timeout))
	defer c.SetDeadline(time.Time{})
	mine := randomHex(16)
	if _, err := fmt.Fprintf(c, "%s %s\n", hello, mine); err != nil {
		return err
	}
	line, err := readLine(r)
	if err != nil {
		return err
	}
	answer, nonce, ok := strings.Cut(line, " ")
	if !ok || nonce == "" || !hmac.Equal([]byte(answer), []byte(proof(secret, "presenter", mine))) {
		return errRefused
	}
	_, err = fmt.Fprintf(c, "%s\n", proof(secret, "follower", nonce))
	return err
}

// readLine reads one line of at most maxLine bytes, without its newline.
func readLine(r *bufio.Reader) (string, error) {
	line, err := r.ReadSlice('\n')
	if err != nil {
		if errors.Is(err, bufio.ErrBufferFull) {
			return "", errRefused
		}
		return "", err
	}
	return strings.TrimSuffix(string(line), "\n"), nil
}

// newLineReader reads handshake lines no longer than maxLine.
func newLineReader(c net.Conn) *bufio.Reader { return bufio.NewReaderSize(c, maxLine) }
