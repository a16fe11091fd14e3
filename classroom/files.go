package classroom

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/charmbracelet/keygen"
	gossh "golang.org/x/crypto/ssh"

	"jakstat/content"
)

// loadHostKey reads the server's private key. A key that other users can
// read is refused (as OpenSSH refuses one), naming the file. With create,
// a missing key is made (mode 0600, in a folder of mode 0700); without, a
// missing key is an error: a mistyped --host-key must not quietly give the
// server a new identity that every student's ssh then warns about.
func loadHostKey(path string, create bool) (gossh.Signer, error) {
	if path == "" {
		k, err := keygen.New("", keygen.WithKeyType(keygen.Ed25519))
		if err != nil {
			return nil, err
		}
		return gossh.ParsePrivateKey(k.RawPrivateKey())
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist) && create:
		return createHostKey(path)
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("host key %s does not exist (leave out --host-key to use one made for you)", path)
	case err != nil:
		return nil, fmt.Errorf("host key %s: %w", path, errors.Unwrap(err))
	case !info.Mode().IsRegular():
		return nil, fmt.Errorf("host key %s is not a file", path)
	case runtime.GOOS != "windows" && info.Mode().Perm()&0o077 != 0:
		return nil, fmt.Errorf("host key %s can be read by other users (mode %04o): run chmod 600 %s", path, info.Mode().Perm(), path)
	}
	pem, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("host key %s: %w", path, errors.Unwrap(err))
	}
	signer, err := gossh.ParsePrivateKey(pem)
	if err != nil {
		return nil, fmt.Errorf("host key %s is not a private key the server can use (%v)", path, err)
	}
	return signer, nil
}

func createHostKey(path string) (gossh.Signer, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	k, err := keygen.New("", keygen.WithKeyType(keygen.Ed25519))
	if err != nil {
		return nil, err
	}
	pem := k.RawPrivateKey()
	if err := os.WriteFile(path, pem, 0o600); err != nil {
		return nil, fmt.Errorf("host key: %w", err)
	}
	return gossh.ParsePrivateKey(pem)
}

// resultsWriter is what writes the checks' results as CSV to store when
// the room closes.
func resultsWriter(store Store, l *content.Lesson) func([]CheckResult) error {
	if store == nil {
		return nil
	}
	return func(results []CheckResult) error {
		var buf bytes.Buffer
		if err := WriteResults(&buf, l, results); err != nil {
			return err
		}
		return store.Save(buf.Bytes())
	}
}
