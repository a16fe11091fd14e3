package link

import (
	"errors"
	"os"
	"path"
	"runtime"
	"strconv"
	"strings"
)

// Endpoint is where a presenter listens and notes views connect.
type Endpoint struct {
	// Network is "unix" for a Unix domain socket at Path, or "tcp" for a
	// loopback port that the presenter writes, with a one-time secret, to
	// the file at Path; only the secret's holders can follow or present.
	Network string
	Path    string
}

// String names the endpoint for messages.
func (e Endpoint) String() string { return e.Path }

// Locate is this user's endpoint on this machine: see EndpointFor.
func Locate(getenv func(string) string) (Endpoint, error) {
	return EndpointFor(runtime.GOOS, getenv, os.Getuid())
}

// EndpointFor is the endpoint on the operating system goos (a runtime.GOOS
// value) for the user uid with the environment getenv, so that every
// platform's rule can be tested on any of them:
//
//   - Windows: a loopback port, written with its secret to
//     %LocalAppData%\jakstat\present.port (a folder only its user can read);
//   - Linux, macOS and other Unixes: a Unix socket,
//     $XDG_RUNTIME_DIR/jakstat/present.sock, or without XDG_RUNTIME_DIR
//     (as on macOS) in a folder of the user's own in the temporary folder,
//     $TMPDIR/jakstat-UID/present.sock. Serve refuses a folder that another
//     user owns or can write to.
func EndpointFor(goos string, getenv func(string) string, uid int) (Endpoint, error) {
	if goos == "windows" {
		d := getenv("LocalAppData")
		if d == "" {
			return Endpoint{}, errors.New("%LocalAppData% is not set")
		}
		return Endpoint{Network: "tcp", Path: strings.TrimRight(d, `\/`) + `\jakstat\present.port`}, nil
	}
	if d := getenv("XDG_RUNTIME_DIR"); path.IsAbs(d) {
		return Endpoint{Network: "unix", Path: path.Join(d, "jakstat", "present.sock")}, nil
	}
	tmp := getenv("TMPDIR")
	if !path.IsAbs(tmp) {
		tmp = "/tmp"
	}
	return Endpoint{Network: "unix", Path: path.Join(tmp, "jakstat-"+strconv.Itoa(uid), "present.sock")}, nil
}
