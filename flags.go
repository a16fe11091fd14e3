package main

import (
	"time"

	"jakstat/classroom"
	"jakstat/cli"
	"jakstat/model"
	"jakstat/views"
)

// The command line is described once, here: parsing, --help, shell
// completion and the man page are all made from these tables, so they
// cannot drift apart. A new flag is one entry in a table (plus its field
// in the config it sets).

// lessonFlags are the flags of jakstat itself, in the order --help shows them.
func lessonFlags() []cli.Spec[config] {
	return []cli.Spec[config]{
		cli.Bool(cli.Flag{Name: "print", Help: "print the whole lesson and exit: plain text, or see --format (the default when output is not a terminal)"},
			func(c *config) *bool { return &c.print }),
		cli.Bool(cli.Flag{Name: "accessible", Env: "ACCESSIBLE=1", Help: "a plain conversation for screen readers and braille displays: each step written once, nothing redrawn, no colour"},
			func(c *config) *bool { return &c.accessible }),
		cli.String(cli.Flag{Name: "format", Arg: "F", Values: views.PrintFormats(),
			Help: "text, markdown or html: the printed lesson as Markdown, or as one self-contained web page for a handout; markdown also for --tables (default text)"},
			func(c *config) *string { return &c.format }),
		cli.Bool(cli.Flag{Name: "answers", Help: "add the checks of understanding, with their answers, to the printed lesson"},
			func(c *config) *bool { return &c.answers }),
		cli.Int(cli.Flag{Name: "width", Arg: "N", Help: "wrap width of the printed text (default 80) and of --accessible (which does not wrap unless asked), 20 to 1000"},
			func(c *config) *int { return &c.width }),
		cli.String(cli.Flag{Name: "theme", Arg: "T", Values: []string{string(model.ThemeAuto), string(model.ThemeDark), string(model.ThemeLight)},
			Help: "auto, dark or light (default auto: ask the terminal)"},
			func(c *config) *model.Theme { return &c.theme }),
		cli.Bool(cli.Flag{Name: "no-motion", Env: "NO_MOTION=1", Help: "show each diagram's last frame instead of playing it"},
			func(c *config) *bool { return &c.noMotion }),
		cli.Bool(cli.Flag{Name: "ascii", Help: "draw with plain ASCII only (diagrams, lines, text)"},
			func(c *config) *bool { return &c.ascii }),
		cli.Bool(cli.Flag{Name: "tables", Help: "print just the tables (drugs, side effects, trials, cytokines, the drug x side-effect matrix, sources) and exit"},
			func(c *config) *bool { return &c.tables }),
		cli.Bool(cli.Flag{Name: "present", Help: "presenter mode, for a projector: clock, b blanks the screen, no help bar (? shows every key)"},
			func(c *config) *bool { return &c.present }),
		cli.Bool(cli.Flag{Name: "notes", Help: "speaker notes that follow a presenter on this machine (run it in a second terminal beside --present)"},
			func(c *config) *bool { return &c.notes }),
		cli.Bool(cli.Flag{Name: "no-quiz", Help: "leave out the checks of understanding"},
			func(c *config) *bool { return &c.noQuiz }),
		cli.Bool(cli.Flag{Name: "no-save", Help: "keep no progress: nothing is read or written"},
			func(c *config) *bool { return &c.noSave }),
		cli.Bool(cli.Flag{Name: "reset", Help: "forget saved progress, then start from the beginning"},
			func(c *config) *bool { return &c.reset }),
		cli.String(cli.Flag{Name: "lesson", Arg: "DIR", Files: cli.Folder, Help: "run a lesson folder instead of the built-in lesson"},
			func(c *config) *string { return &c.lessonDir }),
		cli.Bool(cli.Flag{Name: "watch", Help: "with --lesson: reload the folder as you edit it, keeping your place; an edit that does not load leaves the last good lesson on screen with its problems"},
			func(c *config) *bool { return &c.watch }),
		cli.String(cli.Flag{Name: "hyperlinks", Arg: "WHEN", Values: []string{hyperlinksAuto, hyperlinksOn, hyperlinksOff},
			Help: "auto, on or off: links you can click (OSC 8) instead of addresses in brackets; auto turns them on only in terminals known to support them, never over SSH (default auto)"},
			func(c *config) *string { return &c.hyperlinks }),
		cli.Bool(cli.Flag{Name: "version", Help: "show the version, commit and build date, and exit"},
			func(c *config) *bool { return &c.version }),
	}
}

// serveFlags are the flags of jakstat serve.
func serveFlags() []cli.Spec[serveConfig] {
	return []cli.Spec[serveConfig]{
		cli.String(cli.Flag{Name: "listen", Arg: "ADDR", Help: "address to serve SSH on (default 127.0.0.1:2222), or none to serve browsers alone (with --http); any address but loopback needs a password or keys"},
			func(c *serveConfig) *string { return &c.Listen }),
		cli.String(cli.Flag{Name: "http", Arg: "ADDR", Help: "also serve the lesson to browsers at this address (like 127.0.0.1:8080); any address but loopback needs --password"},
			func(c *serveConfig) *string { return &c.http }),
		cli.String(cli.Flag{Name: "host-key", Arg: "PATH", Files: cli.AnyFile, Help: "the server's private key, which must exist and be readable only by you (default: one made for you in the state folder)"},
			func(c *serveConfig) *string { return &c.HostKey }),
		cli.Int(cli.Flag{Name: "max-sessions", Arg: "N", Help: "at most this many students at once, over SSH and the web together (default 100); the presenter always has a seat"},
			func(c *serveConfig) *int { return &c.MaxSessions }),
		cli.Duration(cli.Flag{Name: "idle-timeout", Arg: "D", Help: "close a session after this long without a key press (default 30m)"},
			func(c *serveConfig) *time.Duration { return &c.IdleTimeout }),
		cli.String(cli.Flag{Name: "password", Arg: "P", Env: "JAKSTAT_PASSWORD", Help: "the room's password"},
			func(c *serveConfig) *string { return &c.Password }),
		cli.String(cli.Flag{Name: "authorized-keys", Arg: "FILE", Files: cli.AnyFile, Help: "students' public keys, instead of or with a password"},
			func(c *serveConfig) *string { return &c.AuthorizedKeys }),
		cli.String(cli.Flag{Name: "presenter-password", Arg: "P", Env: "JAKSTAT_PRESENTER_PASSWORD", Help: "the presenter's password"},
			func(c *serveConfig) *string { return &c.PresenterPass }),
		cli.String(cli.Flag{Name: "presenter-keys", Arg: "FILE", Files: cli.AnyFile, Help: "the presenter's public keys"},
			func(c *serveConfig) *string { return &c.PresenterKeys }),
		cli.String(cli.Flag{Name: "results", Arg: "FILE", Files: cli.AnyFile, Help: "when the room closes, write every live check's spread of answers here as CSV (anonymous)"},
			func(c *serveConfig) *string { return &c.results }),
		cli.String(cli.Flag{Name: "lesson", Arg: "DIR", Files: cli.Folder, Help: "serve a lesson folder instead of the built-in lesson"},
			func(c *serveConfig) *string { return &c.lessonDir }),
	}
}

// validateFlags are the flags of jakstat validate.
func validateFlags() []cli.Spec[validateConfig] {
	return []cli.Spec[validateConfig]{
		cli.String(cli.Flag{Name: "format", Arg: "F", Values: []string{views.FormatText, formatJSON},
			Help: "text or json, for CI; text is file:line: message, one a line (default text)"},
			func(c *validateConfig) *string { return &c.format }),
	}
}

// validateConfig is what jakstat validate's command line asked for.
type validateConfig struct {
	format string
}

// serveConfig is what jakstat serve's command line asked for.
type serveConfig struct {
	classroom.Config
	http      string
	lessonDir string
	results   string
}

// program is jakstat's whole command line: the commands with their flags,
// and what the man page says besides.
func program() cli.Program {
	return cli.Program{
		Name:    "jakstat",
		Summary: "an interactive terminal lesson on JAK inhibitors for eczema",
		Commands: []cli.Command{
			{About: lessonAbout, Flags: cli.Flags(lessonFlags())},
			{Name: "serve", Summary: "a classroom over SSH and on the web (jakstat serve --help)", About: serveAbout, Flags: cli.Flags(serveFlags())},
			{Name: "new", Args: "DIR", ArgFolder: true, Summary: "write a starter lesson to a new folder", About: newAbout},
			{Name: "validate", Args: "DIR", ArgFolder: true, Summary: "check a lesson folder and list every problem", About: validateAbout, Flags: cli.Flags(validateFlags())},
			{Name: "version", Summary: "the version, commit and build date"},
			{Name: "completion", Args: "bash|zsh|fish", ArgValues: cli.Shells(), Summary: "a shell completion script", About: completionAbout},
			{Name: "man", Summary: "the manual page, in roff (man -l <(jakstat man))"},
		},
		Sections: []cli.Section{
			{Title: "ENVIRONMENT", Items: []cli.Item{
				{Tag: "NO_COLOR", Text: "Set to anything, turns colour off."},
				{Tag: "ACCESSIBLE", Text: "Set to 1, runs the plain, line-by-line lesson (as --accessible does) wherever the full-screen lesson would have started."},
				{Tag: "TERM", Text: "dumb (as in an Emacs shell) does the same as ACCESSIBLE=1."},
				{Tag: "XDG_STATE_HOME", Text: "On Linux and macOS, the folder that holds jakstat's state folder (see FILES)."},
				{Tag: "XDG_RUNTIME_DIR", Text: "On Linux and other Unix systems, where the presenter's socket for speaker notes lives."},
				{Tag: "GOGC", Text: "jakstat serve collects garbage at 50 (half Go's default, to keep each session's memory small) unless this says otherwise."},
			}},
			{Title: "FILES", Items: []cli.Item{
				{Tag: "$XDG_STATE_HOME/jakstat/progress.json", Text: "The built-in lesson's saved progress on Linux (by default ~/.local/state/jakstat/); on macOS in ~/Library/Application Support/jakstat/, on Windows in %LocalAppData%\\jakstat\\. A file that cannot be used is renamed aside, never deleted."},
				{Tag: "progress-NAME-HASH.json", Text: "A lesson folder's saved progress (--lesson), in the same folder: NAME is the folder's name, HASH comes from its full path. Progress found in one lesson's file that belongs to another waits for it in progress-FINGERPRINT.json."},
				{Tag: "host_ed25519", Text: "jakstat serve's host key, in the same folder unless --host-key says otherwise."},
				{Tag: "room.json", Text: "Where jakstat serve keeps the presenter's place, in the same folder, so a restarted server comes back there."},
				{Tag: "present.sock, present.port", Text: "How --notes finds --present: a Unix socket ($XDG_RUNTIME_DIR/jakstat/, or a private folder in the temporary folder), or on Windows a loopback port and a one-time secret in a file only you can read (%LocalAppData%\\jakstat\\present.port)."},
			}},
			{Title: "EXIT STATUS", Items: []cli.Item{
				{Tag: "0", Text: "Success, or help was asked for."},
				{Tag: "1", Text: "The lesson could not start (a lesson folder that fails validation lists every problem as file:line: message), the server failed, validate found problems, or new could not write the folder."},
				{Tag: "2", Text: "A mistake on the command line: a one-line message, then the usage."},
			}},
			{Title: "NOTES", Text: "Education, not medical advice. The lesson shows the date its facts were checked."},
		},
	}
}

const lessonAbout = `An interactive lesson on JAK inhibitors for eczema. Education, not medical advice.

On a terminal it runs the lesson step by step (? shows every key). Piped, or with
--print, it prints the whole lesson as plain text. With --accessible (or TERM=dumb,
or ACCESSIBLE=1) it is a plain conversation for screen readers and braille displays:
each step written once, answered a line at a time (h lists the commands).`

const serveAbout = `Serves the lesson over SSH, and with --http to browsers: everyone who connects
(ssh -p 2222 host, or the page's address) gets a lesson of their own that
follows the presenter until they break away, and answers the presenter's live
checks. Over SSH the user name chooses the role: presenter@host (or
teacher@host) and notes@host, the presenter's console, need the presenter's
password or key; any other name is a student. On the web, the page's
address does: /presenter and /notes ask for the presenter's password, / is a
student.`

const newAbout = `Writes a starter lesson into DIR (made if it does not exist; refused if it
holds anything): lesson.yaml, sources, three steps in two sections (one with a
diagram, one with a table of its own), a question and a glossary term, each file
commented field by field. It validates and runs as written: next, run it with
jakstat --lesson DIR --watch and edit the files.`

const validateAbout = `Checks a lesson folder without starting it and lists every problem as
file:line: message (file: message when it is about the whole file), with the
file's path as given. Exit status 0 when the lesson is valid, 1 when it is not.
With --format json it writes one JSON object: {"valid", "steps", "problems":
[{"file", "path", "line", "message"}]}.`

const completionAbout = `Writes a completion script for bash, zsh or fish to standard output.
Try it in the current shell with source <(jakstat completion bash) (zsh: the same after
compinit; fish: jakstat completion fish | source).`
