// Command jakstat is an interactive terminal lesson on JAK inhibitors for
// eczema. On a terminal it runs the lesson; piped, or with --print, it
// prints the whole lesson as plain text.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"jakstat/content"
	"jakstat/link"
	"jakstat/model"
	"jakstat/state"
	"jakstat/views"
)

// config is what the command line asked for.
type config struct {
	print     bool
	width     int
	theme     model.Theme
	lessonDir string
	noMotion  bool
	ascii     bool
	tables    bool
	format    string
	noQuiz    bool
	noSave    bool
	reset     bool
	present   bool
	notes     bool
}

const usage = `Usage: jakstat [flags]
       jakstat serve [flags]   (a classroom over SSH; jakstat serve --help)

An interactive lesson on JAK inhibitors for eczema. Education, not medical advice.

Flags:
  --print          print the whole lesson as plain text and exit
                   (the default when output is not a terminal)
  --width N        wrap width for --print, 20 to 1000 (default 80)
  --theme T        auto, dark or light (default auto: ask the terminal)
  --no-motion      show each diagram's last frame instead of playing it
                   (also NO_MOTION=1 in the environment)
  --ascii          draw with plain ASCII only (diagrams, lines, text)
  --tables         print just the tables (drugs, side effects, trials,
                   cytokines, the drug x side-effect matrix, sources) and exit
  --format F       text or markdown, for --print and --tables (default text)
  --present        presenter mode, for a projector: clock, b blanks the
                   screen, no help bar (? shows every key)
  --notes          speaker notes that follow a presenter on this machine
                   (run it in a second terminal beside --present)
  --no-quiz        leave out the checks of understanding
  --no-save        keep no progress: nothing is read or written
  --reset          forget saved progress, then start from the beginning
  --lesson DIR     run a lesson folder instead of the built-in lesson
  -h, --help       show this help
`

// errUsage marks command-line mistakes, which exit 2 with the usage text.
var errUsage = errors.New("usage")

func parseArgs(args []string, env func(string) string) (config, error) {
	cfg := config{width: 80, theme: model.ThemeAuto}
	fs := flag.NewFlagSet("jakstat", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&cfg.print, "print", false, "")
	fs.IntVar(&cfg.width, "width", 80, "")
	theme := fs.String("theme", string(model.ThemeAuto), "")
	fs.StringVar(&cfg.lessonDir, "lesson", "", "")
	fs.BoolVar(&cfg.noMotion, "no-motion", false, "")
	fs.BoolVar(&cfg.ascii, "ascii", false, "")
	fs.BoolVar(&cfg.tables, "tables", false, "")
	fs.BoolVar(&cfg.noQuiz, "no-quiz", false, "")
	fs.BoolVar(&cfg.present, "present", false, "")
	fs.BoolVar(&cfg.notes, "notes", false, "")
	fs.BoolVar(&cfg.noSave, "no-save", false, "")
	fs.BoolVar(&cfg.reset, "reset", false, "")
	fs.StringVar(&cfg.format, "format", views.FormatText, "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, flag.ErrHelp
		}
		return cfg, fmt.Errorf("%w: %s", errUsage, err)
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	if v := env("NO_MOTION"); v != "" && v != "0" {
		cfg.noMotion = true
	}
	if cfg.present && cfg.notes {
		return cfg, fmt.Errorf("%w: --present and --notes run in two terminals, one each", errUsage)
	}
	if cfg.format != views.FormatText && cfg.format != views.FormatMarkdown {
		return cfg, fmt.Errorf("%w: --format must be text or markdown (got %q)", errUsage, cfg.format)
	}
	if cfg.width < 20 || cfg.width > 1000 {
		return cfg, fmt.Errorf("%w: --width must be between 20 and 1000 (got %d)", errUsage, cfg.width)
	}
	switch t := model.Theme(strings.ToLower(*theme)); t {
	case model.ThemeAuto, model.ThemeDark, model.ThemeLight:
		cfg.theme = t
	default:
		return cfg, fmt.Errorf("%w: --theme must be auto, dark or light (got %q)", errUsage, *theme)
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
func run(args []string, env func(string) string, stdout, stderr io.Writer, interactive bool) int {
	if len(args) > 0 && args[0] == "serve" {
		return serve(args[1:], env, stdout, stderr)
	}
	cfg, err := parseArgs(args, env)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(stdout, usage)
		return 0
	case err != nil:
		fmt.Fprintf(stderr, "jakstat: %s\n\n%s", strings.TrimPrefix(err.Error(), "usage: "), usage)
		return 2
	}
	if cfg.format == views.FormatMarkdown && !cfg.tables {
		// The lesson itself is written in Markdown: print its tables as Markdown.
		cfg.tables = true
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
		return write(stdout, views.Print(lesson, cfg.width, cfg.ascii))
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
			loaded.Progress = readProgress(*file, l)
		}
		ch <- loaded
	}()
	return runProgram(model.NewLoading(ch, cfg.options()), file, stderr)
}

// runLoaded runs an already loaded lesson.
func runLoaded(l *content.Lesson, cfg config, env func(string) string, stderr io.Writer) int {
	file, err := progressFile(cfg, env)
	if err != nil {
		fmt.Fprintf(stderr, "jakstat: %s\n", err)
		return 1
	}
	opts := cfg.options()
	if file != nil {
		opts.Progress = readProgress(*file, l)
	}
	return runProgram(model.New(l, opts), file, stderr)
}

func (c config) options() model.Options {
	return model.Options{Theme: c.theme, NoMotion: c.noMotion, ASCII: c.ascii, NoQuiz: c.noQuiz,
		Present: c.present, Notes: c.notes}
}

// runProgram runs the interactive lesson, saving progress as it changes
// unless file is nil (--no-save); a presenter also serves its position to
// notes views, and a notes view follows it.
func runProgram(m model.Model, file *state.File, stderr io.Writer) int {
	cfg := m.Options()
	if cfg.Notes {
		file = nil // a notes view is not a learner
	}
	sock := link.SocketPath(os.Getenv)
	if cfg.Present {
		srv, err := link.Serve(sock)
		switch {
		case errors.Is(err, link.ErrBusy):
			fmt.Fprintln(stderr, "jakstat: another presenter is already running on this machine; close it first")
			return 1
		case err != nil:
			fmt.Fprintf(stderr, "jakstat: speaker notes cannot follow this presentation: %s\n", err)
		default:
			defer srv.Close()
			started := time.Now()
			m = m.WithOnMove(func(step int) { srv.Publish(link.Position{Step: step, Started: started}) })
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
	p := tea.NewProgram(m, tea.WithFPS(120))
	if cfg.Notes {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go link.Follow(ctx, sock, 300*time.Millisecond,
			func(pos link.Position) { p.Send(model.PositionMsg{Step: pos.Step, Started: pos.Started}) },
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

// progressFile is where progress is kept, or nil with --no-save. It
// carries out --reset.
func progressFile(cfg config, env func(string) string) (*state.File, error) {
	if cfg.noSave {
		return nil, nil
	}
	dir, err := state.Dir(env)
	if err != nil {
		return nil, fmt.Errorf("cannot find a folder for saved progress: %w (use --no-save)", err)
	}
	file := &state.File{Path: filepath.Join(dir, "progress.json")}
	if cfg.reset {
		if err := file.Reset(); err != nil {
			return nil, fmt.Errorf("--reset: %w", err)
		}
	}
	return file, nil
}

// readProgress reads saved progress for lesson l, and checks now that
// progress can be saved at all. The learner gets a one-line notice when
// it cannot: a file Load could not read (left alone) or could not use (set
// aside), or a folder that cannot be written.
func readProgress(file state.File, l *content.Lesson) model.Progress {
	var p model.Progress
	saved, ok, err := file.Load(l.Fingerprint(), len(l.Steps))
	switch {
	case errors.Is(err, state.ErrUnreadable):
		p.Notice = "Saved progress could not be read" + detail(err, state.ErrUnreadable) + "; starting fresh."
	case err != nil:
		p.Notice = "Saved progress could not be used" + detail(err, state.ErrUnusable) + "; starting fresh."
	case ok:
		p = model.Progress{Step: saved.Step, Answers: saved.Answers, Resume: saved.Step > 0}
	}
	if err := file.Writable(); err != nil {
		p.Notice = strings.TrimSpace("Progress cannot be saved: " + err.Error() + " (--no-save starts without it). " + p.Notice)
	}
	return p
}

// detail is what err says beyond sentinel, which the sentence already says.
func detail(err, sentinel error) string {
	return strings.TrimPrefix(err.Error(), sentinel.Error())
}

// write prints the finished text; a reader that went away (| head) is not
// worth a message.
func write(w io.Writer, text string) int {
	if _, err := io.WriteString(w, text+"\n"); err != nil {
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
	os.Exit(run(os.Args[1:], os.Getenv, os.Stdout, os.Stderr, interactive))
}
