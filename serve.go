package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"jakstat/classroom"
	"jakstat/state"
)

const serveUsage = `Usage: jakstat serve [flags]

Serves the lesson over SSH: everyone who connects (ssh -p 2222 host) gets a
lesson of their own that follows the presenter until they break away.

Flags:
  --listen ADDR            address to listen on (default 127.0.0.1:2222);
                           any other address needs a password or keys
  --host-key PATH          the server's key, created if missing (default
                           in the state folder, never the working directory)
  --max-sessions N         at most this many people at once (default 100)
  --idle-timeout D         close sessions idle this long (default 30m)
  --password P             the room's password (or JAKSTAT_PASSWORD)
  --authorized-keys FILE   students' public keys, instead of or with a password
  --presenter-password P   the presenter's password (or JAKSTAT_PRESENTER_PASSWORD)
  --presenter-keys FILE    the presenter's public keys
  --lesson DIR             serve a lesson folder instead of the built-in lesson
`

func parseServe(args []string, env func(string) string) (classroom.Config, string, error) {
	var cfg classroom.Config
	fs := flag.NewFlagSet("jakstat serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&cfg.Listen, "listen", "127.0.0.1:2222", "")
	fs.StringVar(&cfg.HostKey, "host-key", "", "")
	fs.IntVar(&cfg.MaxSessions, "max-sessions", 100, "")
	fs.DurationVar(&cfg.IdleTimeout, "idle-timeout", 30*time.Minute, "")
	fs.StringVar(&cfg.Password, "password", env("JAKSTAT_PASSWORD"), "")
	fs.StringVar(&cfg.AuthorizedKeys, "authorized-keys", "", "")
	fs.StringVar(&cfg.PresenterPass, "presenter-password", env("JAKSTAT_PRESENTER_PASSWORD"), "")
	fs.StringVar(&cfg.PresenterKeys, "presenter-keys", "", "")
	lessonDir := fs.String("lesson", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, "", flag.ErrHelp
		}
		return cfg, "", fmt.Errorf("%w: %s", errUsage, err)
	}
	if fs.NArg() > 0 {
		return cfg, "", fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	if cfg.MaxSessions < 1 {
		return cfg, "", fmt.Errorf("%w: --max-sessions must be at least 1", errUsage)
	}
	if cfg.IdleTimeout <= 0 {
		return cfg, "", fmt.Errorf("%w: --idle-timeout must be positive (like 30m)", errUsage)
	}
	if cfg.HostKey == "" {
		dir, err := state.Dir(env)
		if err != nil {
			return cfg, "", fmt.Errorf("cannot find a folder for the host key: %w (use --host-key)", err)
		}
		cfg.HostKey = filepath.Join(dir, "host_ed25519")
	}
	return cfg, *lessonDir, nil
}

// serve runs the classroom until interrupted; it returns the exit code.
func serve(args []string, env func(string) string, stdout, stderr io.Writer) int {
	cfg, dir, err := parseServe(args, env)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, serveUsage)
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "jakstat serve: %s\n\n%s", strings.TrimPrefix(err.Error(), "usage: "), serveUsage)
		return 2
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
	srv, err := classroom.New(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "jakstat serve: %s\n", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	fmt.Fprintf(stdout, "Serving the lesson on %s: ssh -p %s %s (Ctrl+C to stop)\n", cfg.Listen, portOf(cfg.Listen), hostOf(cfg.Listen))
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
