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
	"strings"
	"syscall"
	"time"

	"jakstat/classroom"
	"jakstat/cli"
	"jakstat/state"
)

// parseServe reads jakstat serve's flags (the table is serveFlags) and
// finds the state folder's files: the host key (made there if it is
// missing, unless --host-key names one) and the room's place.
func parseServe(args []string, env func(string) string) (classroom.Config, string, error) {
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
		return cfg.Config, "", err
	case err != nil:
		return cfg.Config, "", fmt.Errorf("%w: %w", errUsage, err)
	case len(rest) > 0:
		return cfg.Config, "", fmt.Errorf("%w: unexpected argument %q", errUsage, rest[0])
	case cfg.MaxSessions < 1:
		return cfg.Config, "", fmt.Errorf("%w: --max-sessions must be at least 1", errUsage)
	case cfg.IdleTimeout <= 0:
		return cfg.Config, "", fmt.Errorf("%w: --idle-timeout must be positive (like 30m)", errUsage)
	}
	dir, dirErr := state.Dir(env)
	if cfg.HostKey == "" {
		if dirErr != nil {
			return cfg.Config, "", fmt.Errorf("cannot find a folder for the host key: %w (use --host-key)", dirErr)
		}
		cfg.HostKey, cfg.CreateHostKey = filepath.Join(dir, "host_ed25519"), true
	}
	if dirErr == nil {
		cfg.Store = state.Bytes{File: state.File{Path: filepath.Join(dir, "room.json")}}
	}
	if cfg.results != "" {
		f := state.File{Path: cfg.results}
		if info, err := os.Stat(f.Path); err == nil && !info.Mode().IsRegular() {
			return cfg.Config, "", fmt.Errorf("--results %s is not a file", f.Path)
		}
		if err := f.Writable(); err != nil {
			return cfg.Config, "", fmt.Errorf("--results %s cannot be written: %w", f.Path, err)
		}
		cfg.Results = state.Bytes{File: f}
	}
	return cfg.Config, cfg.lessonDir, nil
}

// serve runs the classroom until interrupted; it returns the exit code.
// Everything that can stop it from starting (flags, the lesson, the host
// key, the keys files, the port) is checked before it says it is serving.
func serve(args []string, env func(string) string, stdout, stderr io.Writer) int {
	cfg, dir, err := parseServe(args, env)
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
	lesson, err := loadLesson(dir)
	if err != nil {
		return lessonError(stderr, err)
	}
	cfg.Lesson = lesson
	cfg.Log = stdout
	if env("GOGC") == "" {
		debug.SetGCPercent(classroom.GCPercent)
	}
	srv, err := classroom.New(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "jakstat serve: %s\n", strings.ReplaceAll(err.Error(), "\n", "\njakstat serve: "))
		return 1
	}
	ln, err := srv.Listen()
	if err != nil {
		fmt.Fprintf(stderr, "jakstat serve: %s\n", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	fmt.Fprint(stdout, serving(cfg, ln.Addr()))
	select {
	case err := <-errc:
		if err != nil {
			fmt.Fprintf(stderr, "jakstat serve: %s\n", err)
			return 1
		}
		return 0
	case <-ctx.Done():
	}
	fmt.Fprintln(stdout, "Closing the classroom…")
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		fmt.Fprintf(stderr, "jakstat serve: %s\n", err)
		return 1
	}
	return 0
}

// serving says what is served where, and exactly what students and the
// presenter type.
func serving(cfg classroom.Config, addr net.Addr) string {
	host, port := hostOf(addr.String()), portOf(addr.String())
	hosts := []string{host}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		hosts = machineAddresses()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Serving the lesson on %s (Ctrl+C to stop).\n", addr)
	for _, h := range hosts {
		fmt.Fprintf(&b, "  Students type:   ssh -p %s %s\n", port, h)
	}
	h := hosts[0]
	if cfg.PresenterPass == "" && cfg.PresenterKeys == "" {
		b.WriteString("  No presenter password or keys: nobody can present, and students go at their own pace.\n")
		return b.String()
	}
	fmt.Fprintf(&b, "  Presenter types: ssh -p %s presenter@%s   (speaker notes: ssh -p %s notes@%s)\n", port, h, port, h)
	return b.String()
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
