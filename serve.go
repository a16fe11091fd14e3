package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"jakstat/classroom"
	"jakstat/cli"
	"jakstat/state"
	"jakstat/web"
)

// noSSH is --listen's word for serving browsers alone.
const noSSH = "none"

// ssh says whether the room is served over SSH.
func (c serveConfig) ssh() bool { return c.Listen != noSSH }

// parseServe reads jakstat serve's flags (the table is serveFlags) and
// finds the state folder's files: the host key (made there if it is
// missing, unless --host-key names one) and the room's place.
func parseServe(args []string, env func(string) string) (serveConfig, error) {
	cfg := serveConfig{Config: classroom.Config{
		Listen:        "127.0.0.1:2222",
		MaxSessions:   100,
		IdleTimeout:   30 * time.Minute,
		Password:      env("JAKSTAT_PASSWORD"),
		PresenterPass: env("JAKSTAT_PRESENTER_PASSWORD"),
	}}
	rest, err := cli.Parse(serveFlags(), &cfg, args)
	switch {
	case errors.Is(err, cli.ErrHelp):
		return cfg, err
	case err != nil:
		return cfg, fmt.Errorf("%w: %w", errUsage, err)
	case len(rest) > 0:
		return cfg, fmt.Errorf("%w: unexpected argument %q", errUsage, rest[0])
	case cfg.MaxSessions < 1:
		return cfg, fmt.Errorf("%w: --max-sessions must be at least 1", errUsage)
	case cfg.IdleTimeout <= 0:
		return cfg, fmt.Errorf("%w: --idle-timeout must be positive (like 30m)", errUsage)
	case cfg.Listen == noSSH && cfg.http == "":
		return cfg, fmt.Errorf("%w: --listen none serves nothing over SSH: give --http ADDR for browsers", errUsage)
	}
	if err := checkAddress("--listen", cfg.Listen, cfg.ssh()); err != nil {
		return cfg, err
	}
	if err := checkAddress("--http", cfg.http, cfg.http != ""); err != nil {
		return cfg, err
	}
	dir, dirErr := state.Dir(env)
	if cfg.HostKey == "" && cfg.Listen != noSSH {
		if dirErr != nil {
			return cfg, fmt.Errorf("cannot find a folder for the host key: %w (use --host-key)", dirErr)
		}
		cfg.HostKey, cfg.CreateHostKey = filepath.Join(dir, "host_ed25519"), true
	}
	if dirErr == nil {
		cfg.Store = state.Bytes{File: state.File{Path: filepath.Join(dir, "room.json")}}
	}
	if cfg.results != "" {
		f := state.File{Path: cfg.results}
		if info, err := os.Stat(f.Path); err == nil && !info.Mode().IsRegular() {
			return cfg, fmt.Errorf("--results %s is not a file", f.Path)
		}
		if err := f.Writable(); err != nil {
			return cfg, fmt.Errorf("--results %s cannot be written: %w", f.Path, err)
		}
		cfg.Results = state.Bytes{File: f}
	}
	return cfg, nil
}

// door is a way into the room: SSH, or the web page.
type door interface {
	Listen() (net.Listener, error)
	Serve(net.Listener) error
	Shutdown(context.Context) error
}

// serve runs the classroom until interrupted; it returns the exit code.
// Everything that can stop it from starting (flags, the lesson, the host
// key, the keys files, the addresses and ports) is checked before it says
// it is serving.
func serve(args []string, env func(string) string, stdout, stderr io.Writer) int {
	cfg, err := parseServe(args, env)
	switch {
	case errors.Is(err, cli.ErrHelp):
		fmt.Fprint(stdout, program().Help("serve"))
		return 0
	case errors.Is(err, errUsage):
		return usageError(stderr, "serve", err)
	case err != nil:
		fmt.Fprintf(stderr, "jakstat serve: %s\n", err)
		return 1
	}
	lesson, err := loadLesson(cfg.lessonDir)
	if err != nil {
		return lessonError(stderr, err)
	}
	cfg.Lesson = lesson
	cfg.Log = stdout
	if env("GOGC") == "" {
		debug.SetGCPercent(classroom.GCPercent)
	}
	failed := func(err error) int {
		fmt.Fprintf(stderr, "jakstat serve: %s\n", strings.ReplaceAll(err.Error(), "\n", "\njakstat serve: "))
		return 1
	}
	room, doors, err := openDoors(cfg)
	if err != nil {
		return failed(err)
	}
	defer room.Close()
	var lns []net.Listener
	for _, d := range doors {
		ln, err := d.Listen()
		if err != nil {
			for _, ln := range lns {
				ln.Close()
			}
			return failed(err)
		}
		lns = append(lns, ln)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, len(doors))
	for i, d := range doors {
		go func() { errc <- d.Serve(lns[i]) }()
	}
	fmt.Fprint(stdout, serving(cfg, lns))
	code := 0
	select {
	case err := <-errc:
		if err != nil {
			fmt.Fprintf(stderr, "jakstat serve: %s\n", err)
			code = 1
		}
	case <-ctx.Done():
		fmt.Fprintln(stdout, "Closing the classroom…")
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var errs []error
	for _, d := range doors {
		errs = append(errs, d.Shutdown(shut))
	}
	errs = append(errs, room.Close())
	if err := errors.Join(errs...); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		fmt.Fprintf(stderr, "jakstat serve: %s\n", err)
		return 1
	}
	return code
}

// openDoors makes the room and its doors: SSH unless --listen none, the
// web page with --http, each checked before anything is served.
func openDoors(cfg serveConfig) (*classroom.Room, []door, error) {
	room, gate, err := classroom.Open(cfg.Config)
	if err != nil {
		return nil, nil, err
	}
	var doors []door
	if cfg.ssh() {
		c := cfg.Config
		c.Room, c.Gate = room, gate
		srv, err := classroom.New(c)
		if err != nil {
			room.Close()
			return nil, nil, err
		}
		doors = append(doors, srv)
	}
	if cfg.http != "" {
		srv, err := web.New(web.Config{Listen: cfg.http, Room: room, Gate: gate, IdleTimeout: cfg.IdleTimeout, Log: classroom.Logger(cfg.Log)})
		if err != nil {
			room.Close()
			return nil, nil, err
		}
		doors = append(doors, srv)
	}
	return room, doors, nil
}

// serving says what is served where, and exactly what students and the
// presenter type or open, for each way in (lns: SSH's first, if any, then
// the web page's).
func serving(cfg serveConfig, lns []net.Listener) string {
	var sshAddr, webAddr net.Addr
	if cfg.ssh() {
		sshAddr, lns = lns[0].Addr(), lns[1:]
	}
	if len(lns) > 0 {
		webAddr = lns[0].Addr()
	}
	var b strings.Builder
	switch {
	case sshAddr != nil && webAddr != nil:
		fmt.Fprintf(&b, "Serving the lesson on %s over SSH and on %s to browsers (Ctrl+C to stop).\n", sshAddr, webAddr)
	case webAddr != nil:
		fmt.Fprintf(&b, "Serving the lesson on %s to browsers (Ctrl+C to stop).\n", webAddr)
	default:
		fmt.Fprintf(&b, "Serving the lesson on %s (Ctrl+C to stop).\n", sshAddr)
	}
	var sshHosts, webHosts []string
	if sshAddr != nil {
		sshHosts = reachableAt(sshAddr)
		for _, h := range sshHosts {
			fmt.Fprintf(&b, "  Students type:   ssh -p %s %s\n", portOf(sshAddr.String()), h)
		}
	}
	if webAddr != nil {
		webHosts = reachableAt(webAddr)
		for _, h := range webHosts {
			fmt.Fprintf(&b, "  Students open:   %s/\n", pageURL(h, webAddr))
		}
	}
	if cfg.PresenterPass == "" && cfg.PresenterKeys == "" {
		b.WriteString("  No presenter password or keys: nobody can present, and students go at their own pace.\n")
		return b.String()
	}
	if sshAddr != nil {
		port, h := portOf(sshAddr.String()), sshHosts[0]
		fmt.Fprintf(&b, "  Presenter types: ssh -p %s presenter@%s   (speaker notes: ssh -p %s notes@%s)\n", port, h, port, h)
	}
	if webAddr != nil {
		if cfg.PresenterPass == "" {
			b.WriteString("  Presenter: a page signs the presenter in with --presenter-password; with keys alone, present over SSH.\n")
		} else {
			u := pageURL(webHosts[0], webAddr)
			fmt.Fprintf(&b, "  Presenter opens: %s/presenter   (speaker notes: %s/notes)\n", u, u)
		}
	}
	return b.String()
}

// reachableAt is the hosts a listener can be reached at: its own, or for
// one on every address, each of the machine's.
func reachableAt(addr net.Addr) []string {
	host := hostOf(addr.String())
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		return machineAddresses()
	}
	return []string{host}
}

// pageURL is the web page's address at host, without the final slash.
func pageURL(host string, addr net.Addr) string {
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	return "http://" + host + ":" + portOf(addr.String())
}

// machineAddresses are the addresses students on the network can reach
// this machine at, for a server listening on all of them.
func machineAddresses() []string {
	var out []string
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if ipn, ok := a.(*net.IPNet); ok && !ipn.IP.IsLoopback() && !ipn.IP.IsLinkLocalUnicast() && ipn.IP.To4() != nil {
			out = append(out, ipn.IP.String())
		}
	}
	if name, err := os.Hostname(); err == nil {
		out = append(out, name)
	}
	if len(out) == 0 {
		out = []string{"THIS-MACHINE"}
	}
	return out
}

// checkAddress says what is wrong with a listening address given to flag,
// first, so that a mistyped one is not reported as something else (an
// open room on the network, say).
func checkAddress(flag, addr string, used bool) error {
	if !used {
		return nil
	}
	_, port, err := net.SplitHostPort(addr)
	if n, perr := strconv.Atoi(port); err != nil || perr != nil || n < 0 || n > 65535 {
		return fmt.Errorf("%w: %s %q is not an address like 127.0.0.1:2222 (a host, a colon, a port)", errUsage, flag, addr)
	}
	return nil
}

func hostOf(addr string) string {
	if i := strings.LastIndex(addr, ":"); i >= 0 {
		return strings.Trim(addr[:i], "[]")
	}
	return addr
}

func portOf(addr string) string {
	if i := strings.LastIndex(addr, ":"); i >= 0 {
		return addr[i+1:]
	}
	return "22"
}
