package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"jakstat/classroom"
	"jakstat/cli"
	"jakstat/state"
)

// parseServe reads jakstat serve's flags (the table is serveFlags).
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
	if cfg.HostKey == "" {
		dir, err := state.Dir(env)
		if err != nil {
			return cfg.Config, "", fmt.Errorf("cannot find a folder for the host key: %w (use --host-key)", err)
		}
		cfg.HostKey = filepath.Join(dir, "host_ed25519")
	}
	return cfg.Config, cfg.lessonDir, nil
}

// serve runs the classroom until interrupted; it returns the exit code.
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
