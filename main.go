// Command jakstat is an interactive terminal lesson on JAK inhibitors for
// eczema. On a terminal it runs the lesson; piped, or with --print, it
// prints the whole lesson as plain text.
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

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"

	"jakstat/cli"
	"jakstat/content"
	"jakstat/link"
	"jakstat/model"
	"jakstat/model/live"
	"jakstat/state"
	"jakstat/views"
	"jakstat/watch"
)

// config is what the command line asked for.
type config struct {
	print      bool
	width      int
	theme      model.Theme
	lessonDir  string
	watch      bool
	hyperlinks string
	noMotion   bool
	ascii      bool
	tables     bool
	format     string
	answers    bool
	noQuiz     bool
	noSave     bool
	reset      bool
	present    bool
	notes      bool
	version    bool
	// accessible is --accessible: the plain, line-by-line lesson.
	accessible bool
	// autoAccessible is ACCESSIBLE=1 or TERM=dumb: the plain lesson
	// wherever the full-screen one would have started.
	autoAccessible bool
	// wrap is the --width given on the command line, or 0: the plain
	// lesson wraps only when asked (see linear.Options.Width).
	wrap int
}

// errUsage marks command-line mistakes, which exit 2 with the usage text.
var errUsage = errors.New("usage")

// parseArgs reads the lesson's flags (the table is lessonFlags).
func parseArgs(args []string, env func(string) string) (config, error) {
	cfg := config{theme: model.ThemeAuto, format: views.FormatText, hyperlinks: hyperlinksAuto} // width 0: not given
	rest, err := cli.Parse(lessonFlags(), &cfg, args)
	switch {
	case errors.Is(err, cli.ErrHelp):
		return cfg, err
	case err != nil:
		return cfg, fmt.Errorf("%w: %w", errUsage, err)
	case len(rest) > 0:
		return cfg, fmt.Errorf("%w: unexpected argument %q", errUsage, rest[0])
	}
	if v := env("NO_MOTION"); v != "" && v != "0" {
		cfg.noMotion = true
	}
	if v := env("ACCESSIBLE"); v != "" && v != "0" || env("TERM") == "dumb" {
		cfg.autoAccessible = true
	}
	switch {
	case cfg.present && cfg.notes:
		return cfg, fmt.Errorf("%w: --present and --notes run in two terminals, one each", errUsage)
	case cfg.accessible && (cfg.present || cfg.notes):
		return cfg, fmt.Errorf("%w: --accessible is a lesson for one reader; it has no presenter or speaker-notes view", errUsage)
	case cfg.width == 0:
		cfg.width = 80
	case cfg.width < 20 || cfg.width > 1000:
		return cfg, fmt.Errorf("%w: --width must be between 20 and 1000 (got %d)", errUsage, cfg.width)
	default:
		cfg.wrap = cfg.width
	}
	if cfg.watch && cfg.lessonDir == "" {
		return cfg, fmt.Errorf("%w: --watch reloads a lesson folder as you edit it: give the folder with --lesson DIR", errUsage)
	}
	if cfg.tables && (cfg.format == views.FormatHTML || cfg.answers) {
		return cfg, fmt.Errorf("%w: --tables prints text or markdown tables; the HTML handout (--print --format html) has every table, and the questions with --answers", errUsage)
	}
	// A format or the answers are for the printed lesson: asking for them
	// asks for it.
	if cfg.format != views.FormatText || cfg.answers {
		cfg.print = cfg.print || !cfg.tables
	}
	return cfg, nil
}

func loadLesson(dir string) (*content.Lesson, error) {
	if dir == "" {
		return content.Shipped()
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("--lesson %s: not a folder", dir)
	}
	return content.Load(os.DirFS(dir))
}

// run is the whole program, minus the process: it returns the exit code.
// interactive says that standard input and output are both a terminal.
func run(args []string, env func(string) string, stdin io.Reader, stdout, stderr io.Writer, interactive bool) int {
	if len(args) > 0 {
		switch args[0] {
		case "serve":
			return serve(args[1:], env, stdout, stderr)
		case "new":
			return newLesson(args[1:], time.Now(), stdout, stderr)
		case "validate":
			return validate(args[1:], stdout, stderr)
		case "version", "completion", "man":
			return subcommand(args[0], args[1:], stdout, stderr)
		}
	}
	cfg, err := parseArgs(args, env)
	switch {
	case errors.Is(err, cli.ErrHelp):
		fmt.Fprint(stdout, program().Help(""))
		return 0
	case err != nil:
		return usageError(stderr, "", err)
	case cfg.version:
		fmt.Fprint(stdout, buildVersion().String())
		return 0
	}
	if cfg.plainLesson(interactive) {
		return runAccessible(cfg, env, stdin, stdout, stderr)
	}
	if !cfg.print && !cfg.tables && interactive && cfg.lessonDir == "" {
		return runShipped(cfg, env, stderr)
	}
	lesson, err := loadLesson(cfg.lessonDir)
	if err != nil {
		return lessonError(stderr, err)
	}
	if cfg.tables {
		return write(stdout, views.PrintTables(lesson, cfg.width, cfg.format, cfg.ascii))
	}
	if cfg.print || !interactive {
		if cfg.watch {
			fmt.Fprintln(stderr, "jakstat: --watch is for the lesson on a terminal; printing it once")
		}
		return write(stdout, views.Print(lesson, views.PrintOptions{Format: cfg.format, Width: cfg.width, ASCII: cfg.ascii, Answers: cfg.answers}))
	}
	return runLoaded(lesson, cfg, env, stderr)
}

// runShipped starts the terminal and parses the built-in lesson at the same
// time, so the first frame does not wait for the parse. The built-in lesson
// is validated by the tests, so it does not fail here; an educator's folder
// is loaded and checked before the screen changes at all.
func runShipped(cfg config, env func(string) string, stderr io.Writer) int {
	file, err := progressFile(cfg, env)
	if err != nil {
		fmt.Fprintf(stderr, "jakstat: %s\n", err)
		return 1
	}
	ch := make(chan model.Loaded, 1)
	go func() {
		l, err := content.Shipped()
		loaded := model.Loaded{Lesson: l, Err: err}
		if err == nil && file != nil {
			loaded.Progress = readProgress(*file, l, cfg.reset)
		}
		ch <- loaded
	}()
	return runProgram(model.NewLoading(ch, cfg.options(env)), file, "", stderr)
}

// runLoaded runs an already loaded lesson.
func runLoaded(l *content.Lesson, cfg config, env func(string) string, stderr io.Writer) int {
	file, err := progressFile(cfg, env)
	if err != nil {
		fmt.Fprintf(stderr, "jakstat: %s\n", err)
		return 1
	}
	opts := cfg.options(env)
	if file != nil {
		opts.Progress = readProgress(*file, l, cfg.reset)
	}
	watchDir := ""
	if cfg.watch {
		watchDir = cfg.lessonDir
	}
	return runProgram(model.New(l, opts), file, watchDir, stderr)
}

func (c config) options(env func(string) string) model.Options {
	return model.Options{Theme: c.theme, NoMotion: c.noMotion, ASCII: c.ascii, NoQuiz: c.noQuiz,
		Present: c.present, Notes: c.notes, Hyperlinks: hyperlinks(c.hyperlinks, env)}
}

// runProgram runs the interactive lesson, saving progress as it changes
// unless file is nil (--no-save); a presenter also serves its position to
// notes views, and a notes view follows it. With a watchDir, the lesson
// reloads as that folder is edited.
func runProgram(m model.Model, file *state.File, watchDir string, stderr io.Writer) int {
	cfg := m.Options()
	if cfg.Notes {
		file = nil // a notes view is not a learner
	}
	ep, eperr := link.Locate(os.Getenv)
	if cfg.Notes && eperr != nil {
		fmt.Fprintf(stderr, "jakstat: speaker notes cannot find the presenter: %s\n", eperr)
		return 1
	}
	if cfg.Present {
		var srv *link.Server
		err := eperr
		if err == nil {
			srv, err = link.Serve(ep)
		}
		switch {
		case errors.Is(err, link.ErrBusy):
			fmt.Fprintln(stderr, "jakstat: another presenter is already running on this machine; close it first")
			return 1
		case err != nil:
			fmt.Fprintf(stderr, "jakstat: speaker notes cannot follow this presentation: %s\n", err)
		default:
			defer srv.Close()
			started := time.Now()
			m = m.WithOnView(func(v model.ViewPosition) { srv.Publish(linkPosition(v, started)) })
			srv.Publish(link.Position{Step: 0, Started: started})
		}
	}
	var saver *state.Saver
	if file != nil {
		saver = state.NewSaver(*file)
		m = m.WithSave(func(s model.Snapshot) {
			saver.Submit(state.State{Lesson: s.Lesson, Step: s.Step, Answers: s.Answers, Saved: time.Now()})
		})
	}
	// 120 frames a second: the renderer flushes on a ticker, so its period
	// is the floor under key-to-screen latency (60 would add up to 17 ms).
	// lipgloss works out the colour profile of standard output as the
	// program starts (under tmux by running "tmux info"); Bubble Tea is
	// handed that one rather than working it out a second time.
	p := tea.NewProgram(m, tea.WithFPS(120), tea.WithColorProfile(lipgloss.Writer.Profile))
	if watchDir != "" {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		if err := watch.Start(ctx, watchDir, watch.Options{}, func(r watch.Result) { p.Send(reloadMsg(r)) }); err != nil {
			fmt.Fprintf(stderr, "jakstat: --watch: %s\n", err)
			return 1
		}
	}
	if cfg.Notes {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go link.Follow(ctx, ep, 300*time.Millisecond,
			func(pos link.Position) {
				p.Send(model.PositionMsg{Step: pos.Step, Started: pos.Started, Blank: pos.Blank})
				p.Send(notesCheck(pos))
			},
			func(connected bool) { p.Send(model.LinkMsg{Connected: connected}) })
	}
	final, err := p.Run()
	code := closeSaver(saver, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "jakstat: %s\n", err)
		return 1
	}
	if fm, ok := final.(model.Model); ok && fm.Err() != nil {
		return lessonError(stderr, fm.Err())
	}
	return code
}

// reloadMsg is what a reload of a watched folder tells the lesson: the
// edited lesson, or why it does not load.
func reloadMsg(r watch.Result) tea.Msg {
	if r.Err != nil {
		return model.ReloadFailedMsg{Err: r.Err}
	}
	notice := "Reloaded"
	if len(r.Changed) > 0 {
		notice += ": " + strings.Join(r.Changed, ", ")
	}
	return model.LessonMsg{Lesson: r.Lesson, Notice: fmt.Sprintf("%s (loaded in %d ms)", notice, r.Took.Milliseconds())}
}

// linkPosition is what a presenter's notes view is told of its view: the
// step, the clock, the question on screen, if any, and a blanked screen.
func linkPosition(v model.ViewPosition, started time.Time) link.Position {
	p := link.Position{Step: v.Step, Started: started, Blank: v.Blank}
	if q := v.Quiz; v.Screen == model.ScreenQuestion && q != nil && q.Current < len(q.Questions) {
		p.Question, p.Revealed = q.Questions[q.Current], q.Answered
	}
	return p
}

// notesCheck is the question a presenter on this machine asks, as its
// notes view shows it (with no room, there is no spread).
func notesCheck(pos link.Position) live.CheckMsg {
	if pos.Question == "" {
		return live.CheckMsg{}
	}
	return live.CheckMsg{Check: live.Check{Seq: 1, Question: pos.Question, Vote: 1, Revealed: pos.Revealed}}
}

// closeSaver writes the last progress and returns the exit status: 1 when
// it could not be saved, so a script (or a classroom's logs) can tell.
func closeSaver(saver *state.Saver, stderr io.Writer) int {
	if saver == nil {
		return 0
	}
	if err := saver.Close(); err != nil {
		fmt.Fprintf(stderr, "jakstat: your progress could not be saved: %s\n", err)
		return 1
	}
	return 0
}

// progressFile is where progress of the lesson cfg names is kept (see
// state.ForLesson), or nil with --no-save. It carries out --reset.
func progressFile(cfg config, env func(string) string) (*state.File, error) {
	if cfg.noSave {
		return nil, nil
	}
	dir, err := state.Dir(env)
	if err != nil {
		return nil, fmt.Errorf("cannot find a folder for saved progress: %w (use --no-save)", err)
	}
	file, err := state.ForLesson(dir, cfg.lessonDir)
	if err != nil {
		return nil, fmt.Errorf("cannot name the lesson's progress file: %w (use --no-save)", err)
	}
	if cfg.reset {
		if err := file.Reset(); err != nil {
			return nil, fmt.Errorf("--reset: %w", err)
		}
	}
	return &file, nil
}

// readProgress reads saved progress for lesson l, and checks now that
// progress can be saved at all. The learner gets a one-line notice when
// it cannot: a file Load could not read (left alone) or could not use (set
// aside), or a folder that cannot be written. When the lesson's file has
// none, its progress kept elsewhere is taken back (state.File.Resume);
// after --reset (fresh) it is not, and a fresh start is saved at once, so
// it is not taken back later either.
func readProgress(file state.File, l *content.Lesson, fresh bool) model.Progress {
	var p model.Progress
	fp, steps := l.Fingerprint(), len(l.Steps)
	if fresh {
		if err := file.Save(state.State{Lesson: fp, Saved: time.Now()}); err != nil {
			p.Notice = "Progress cannot be saved: " + err.Error() + " (--no-save starts without it)."
		}
		return p
	}
	saved, ok, err := file.Resume(fp, steps)
	var problem *state.Problem
	switch {
	case errors.As(err, &problem):
		// One line that fits 80 columns: what was wrong, and where the file is now.
		home, _ := os.UserHomeDir()
		p.Notice = problem.Notice(home, noticeWidth)
	case err != nil:
		p.Notice = "Saved progress could not be used: " + err.Error()
	}
	if ok {
		p.Step, p.Answers, p.Resume = saved.Step, saved.Answers, saved.Step > 0
	}
	if err := file.Writable(); err != nil {
		p.Notice = strings.TrimSpace("Progress cannot be saved: " + err.Error() + " (--no-save starts without it). " + p.Notice)
	}
	return p
}

// noticeWidth is the line a start-up notice must fit: an 80-column terminal.
const noticeWidth = 80

// write prints the finished text; a reader that went away (| head) has
// what it wanted, so that is neither a message nor a failure.
func write(w io.Writer, text string) int {
	if _, err := io.WriteString(w, text+"\n"); err != nil && !errors.Is(err, syscall.EPIPE) {
		return 1
	}
	return 0
}

func lessonError(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "jakstat: the lesson cannot start:\n%s\n", indent(err.Error()))
	return 1
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

func main() {
	interactive := term.IsTerminal(os.Stdout.Fd()) && term.IsTerminal(os.Stdin.Fd())
	if !interactive {
		// A reader that stops early (| head) is not a failure: the write
		// gets an error the printers treat as the end, instead of the
		// process being killed by the signal (which go run reports).
		signal.Ignore(syscall.SIGPIPE)
	}
	os.Exit(run(os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr, interactive))
}
