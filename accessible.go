package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/charmbracelet/x/term"

	"jakstat/linear"
	"jakstat/state"
)

// plainLesson says whether to run the accessible, line-by-line lesson:
// always with --accessible (unless a printout was asked for), and with
// ACCESSIBLE=1 or TERM=dumb wherever the full-screen lesson would have
// started. Piped output still gets the printed lesson then, which is
// plain text already.
func (c config) plainLesson(interactive bool) bool {
	if c.print || c.tables {
		return false
	}
	return c.accessible || c.autoAccessible && interactive && !c.present && !c.notes
}

// runAccessible runs the lesson as a conversation on standard input and
// output, saving progress as the full-screen lesson does. Ctrl+C and a
// request to terminate end it like q, with the place saved.
func runAccessible(cfg config, env func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	l, err := loadLesson(cfg.lessonDir)
	if err != nil {
		return lessonError(stderr, err)
	}
	file, err := progressFile(cfg, env)
	if err != nil {
		fmt.Fprintf(stderr, "jakstat: %s\n", err)
		return 1
	}
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	opts := linear.Options{NoQuiz: cfg.noQuiz, ASCII: cfg.ascii, Width: cfg.wrap, Echo: !typedAtTerminal(stdin)}
	var saver *state.Saver
	if file != nil {
		p := readProgress(*file, l, cfg.reset)
		opts.Progress = linear.Progress{Step: p.Step, Answers: p.Answers, Resume: p.Resume, Notice: p.Notice}
		saver = state.NewSaver(*file)
		opts.Save = func(s linear.Snapshot) {
			saver.Submit(state.State{Lesson: s.Lesson, Step: s.Step, Answers: s.Answers, Saved: time.Now()})
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	werr := linear.Run(ctx, linear.New(l, opts), stdin, stdout)
	code := closeSaver(saver, stderr)
	if werr != nil && !errors.Is(werr, syscall.EPIPE) {
		return 1 // the output failed; nothing to say it on
	}
	return code
}

// typedAtTerminal says whether in is a terminal, which echoes what is
// typed by itself.
func typedAtTerminal(in io.Reader) bool {
	f, ok := in.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
