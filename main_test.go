package main

import (
	"bytes"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"jakstat/internal/fixture"
	"jakstat/state"
)

func noEnv(string) string { return "" }

func TestCommandLine(t *testing.T) {
	tests := map[string]struct {
		args      []string
		code      int
		stdout    string // a part of what must be printed
		stderr    string
		firstLine string // the error's first line, exactly
		noEscapes bool
	}{
		"help":              {args: []string{"--help"}, code: 0, stdout: "Usage: jakstat"},
		"unknown flag":      {args: []string{"--colour"}, code: 2, firstLine: "jakstat: unknown flag --colour", stderr: "Usage: jakstat"},
		"bad width":         {args: []string{"--width", "abc"}, code: 2, stderr: "invalid value"},
		"narrow width":      {args: []string{"--width", "5"}, code: 2, firstLine: "jakstat: --width must be between 20 and 1000 (got 5)"},
		"bad theme":         {args: []string{"--theme", "pink"}, code: 2, firstLine: `jakstat: --theme must be auto, dark or light (got "pink")`},
		"stray arg":         {args: []string{"lesson.md"}, code: 2, firstLine: `jakstat: unexpected argument "lesson.md"`},
		"missing dir":       {args: []string{"--lesson", "/no/such/folder"}, code: 1, stderr: "not a folder"},
		"print":             {args: []string{"--print"}, code: 0, stdout: "Step 24/24", noEscapes: true},
		"print width":       {args: []string{"--print", "--width", "40"}, code: 0, stdout: "Step 1/24", noEscapes: true},
		"not a terminal":    {args: nil, code: 0, stdout: "Facts checked on", noEscapes: true},
		"print ascii":       {args: []string{"--print", "--ascii"}, code: 0, stdout: "+- nucleus ---", noEscapes: true},
		"present and notes": {args: []string{"--present", "--notes"}, code: 2, firstLine: "jakstat: --present and --notes run in two terminals, one each"},
		"bad format":        {args: []string{"--tables", "--format", "pdf"}, code: 2, firstLine: `jakstat: --format must be text, markdown or html (got "pdf")`},
		"html tables":       {args: []string{"--tables", "--format", "html"}, code: 2, stderr: "--print --format html"},
		"tables answers":    {args: []string{"--tables", "--answers"}, code: 2, stderr: "--print --format html"},
		"markdown tables":   {args: []string{"--tables", "--format", "markdown"}, code: 0, stdout: "# JAK inhibitors for eczema: tables", noEscapes: true},
		"markdown lesson":   {args: []string{"--print", "--format", "markdown"}, code: 0, stdout: "\n### 24. ", noEscapes: true},
		"html handout":      {args: []string{"--format", "html", "--answers"}, code: 0, stdout: `<h2>Questions and answers</h2>`, noEscapes: true},
		"answers":           {args: []string{"--answers"}, code: 0, stdout: "QUESTIONS AND ANSWERS", noEscapes: true},
		"watch alone":       {args: []string{"--watch"}, code: 2, firstLine: "jakstat: --watch reloads a lesson folder as you edit it: give the folder with --lesson DIR"},
		"bad hyperlinks":    {args: []string{"--hyperlinks", "maybe"}, code: 2, firstLine: `jakstat: --hyperlinks must be auto, on or off (got "maybe")`},
		"tables":            {args: []string{"--tables"}, code: 0, stdout: "MATRIX", noEscapes: true},
		"markdown":          {args: []string{"--format", "markdown"}, code: 0, stdout: "| Drug | Brand |", noEscapes: true},
		"no motion flag":    {args: []string{"--no-motion", "--print"}, code: 0, stdout: "gene ON", noEscapes: true},
		"accessible":        {args: []string{"--accessible", "--no-save"}, code: 0, stdout: "This is its accessible version", noEscapes: true},
		"accessible presenter": {args: []string{"--accessible", "--present"}, code: 2,
			firstLine: "jakstat: --accessible is a lesson for one reader; it has no presenter or speaker-notes view"},
		"accessible print": {args: []string{"--accessible", "--print"}, code: 0, stdout: "Step 24/24", noEscapes: true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tc.args, noEnv, nil, &out, &errOut, false)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, errOut.String())
			}
			if !strings.Contains(out.String(), tc.stdout) {
				t.Errorf("stdout lacks %q", tc.stdout)
			}
			if !strings.Contains(errOut.String(), tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, errOut.String())
			}
			if tc.firstLine != "" {
				if first, _, _ := strings.Cut(errOut.String(), "\n"); first != tc.firstLine {
					t.Errorf("first line %q, want %q", first, tc.firstLine)
				}
			}
			if tc.noEscapes && strings.ContainsRune(out.String(), '\x1b') {
				t.Error("printed lesson contains escape codes")
			}
			if strings.Contains(errOut.String(), "goroutine ") || strings.Contains(errOut.String(), "panic") {
				t.Errorf("stack trace on stderr:\n%s", errOut.String())
			}
		})
	}
}

func TestMotionAndGlyphOptions(t *testing.T) {
	tests := map[string]struct {
		args []string
		env  map[string]string
		want config
	}{
		"defaults":        {nil, nil, config{width: 80, format: "text", theme: "auto", hyperlinks: "auto"}},
		"flags":           {[]string{"--no-motion", "--ascii", "--theme", "LIGHT"}, nil, config{width: 80, format: "text", theme: "light", hyperlinks: "auto", noMotion: true, ascii: true}},
		"NO_MOTION=1":     {nil, map[string]string{"NO_MOTION": "1"}, config{width: 80, format: "text", theme: "auto", hyperlinks: "auto", noMotion: true}},
		"NO_MOTION=0":     {nil, map[string]string{"NO_MOTION": "0"}, config{width: 80, format: "text", theme: "auto", hyperlinks: "auto"}},
		"NO_MOTION empty": {nil, map[string]string{"NO_MOTION": ""}, config{width: 80, format: "text", theme: "auto", hyperlinks: "auto"}},
		"--accessible":    {[]string{"--accessible"}, nil, config{width: 80, format: "text", theme: "auto", hyperlinks: "auto", accessible: true}},
		"ACCESSIBLE=1":    {nil, map[string]string{"ACCESSIBLE": "1"}, config{width: 80, format: "text", theme: "auto", hyperlinks: "auto", autoAccessible: true}},
		"ACCESSIBLE=0":    {nil, map[string]string{"ACCESSIBLE": "0"}, config{width: 80, format: "text", theme: "auto", hyperlinks: "auto"}},
		"TERM=dumb":       {nil, map[string]string{"TERM": "dumb"}, config{width: 80, format: "text", theme: "auto", hyperlinks: "auto", autoAccessible: true}},
		"TERM=xterm":      {nil, map[string]string{"TERM": "xterm-256color"}, config{width: 80, format: "text", theme: "auto", hyperlinks: "auto"}},
		"a width given":   {[]string{"--width", "60"}, nil, config{width: 60, format: "text", theme: "auto", hyperlinks: "auto", wrap: 60}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := parseArgs(tc.args, func(k string) string { return tc.env[k] })
			if err != nil || got != tc.want {
				t.Errorf("parseArgs = %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}

func TestPrintASCIIIsASCII(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"--print", "--ascii", "--width", "60"}, noEnv, nil, &out, &errOut, false); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	for i, b := range out.Bytes() {
		if b > 127 {
			t.Fatalf("byte %#x at %d", b, i)
		}
	}
}

// TestBrokenLessonNeverStarts: an educator's folder with mistakes gets every
// problem listed with file and line, and exit 1, before any screen is drawn.
func TestBrokenLessonNeverStarts(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("content", "lesson")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644)
	}
	first := filepath.Join(dir, entries[0].Name())
	os.WriteFile(first, []byte("---\nid: welcome\ntitle: Hi\nsection: Start\nscene: disco\n---\nHello\n"), 0o644)
	var out, errOut bytes.Buffer
	code := run([]string{"--lesson", dir, "--print"}, noEnv, nil, &out, &errOut, false)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	want := entries[0].Name() + `:5: unknown scene "disco"`
	if !strings.Contains(errOut.String(), want) {
		t.Errorf("stderr lacks %q:\n%s", want, errOut.String())
	}
	if out.Len() != 0 {
		t.Error("a broken lesson printed something")
	}
}

// TestImportRules keeps the layers one way: main -> model -> views ->
// content. The screens under model/ are the model's layer: they may not
// reach up to the root, nor out to state, link or the classroom. The
// accessible lesson (linear) sits beside the model, on views and content:
// no model, no terminal UI library. content,
// the data and its validator, may use only the standard library, the YAML
// parser and the Markdown parser (which has no terminal code).
func TestImportRules(t *testing.T) {
	only := map[string][]string{
		"content": {"go.yaml.in/yaml/v3", "github.com/yuin/goldmark"},
	}
	screen := []string{"jakstat/model$", "jakstat/state", "jakstat/link", "jakstat/classroom"} // $: that package alone
	forbidden := map[string][]string{
		"content":           {"jakstat/", "charm.land/", "github.com/charmbracelet/"},
		"views":             {"jakstat/model", "jakstat/state", "jakstat/link", "jakstat/classroom", "charm.land/bubbletea"},
		"model":             {"jakstat/state", "jakstat/link", "jakstat/classroom"},
		"model/explorer":    screen,
		"model/glossary":    screen,
		"model/notes":       screen,
		"model/live":        screen,
		"model/quiz":        screen,
		"model/resume":      screen,
		"model/search":      screen,
		"model/internal/ui": screen,
		"linear":            {"jakstat/model", "jakstat/state", "jakstat/link", "jakstat/classroom", "charm.land/"},
		"internal/fixture":  {"jakstat/views", "jakstat/model", "charm.land/"},
		"link":              {"jakstat/", "charm.land/"},
		"classroom":         {"jakstat/views", "jakstat/state", "jakstat/link", "jakstat/web"},
		"web":               {"jakstat/views", "jakstat/state", "jakstat/link", "charm.land/wish", "charm.land/ssh"},
		"internal/loadtest": {"jakstat/", "charm.land/"},
		"state":             {"jakstat/", "charm.land/"},
		"cli":               {"jakstat/", "charm.land/"},
		"watch":             {"jakstat/views", "jakstat/model", "jakstat/state", "jakstat/link", "jakstat/classroom", "charm.land/"},
	}
	for dir, bad := range forbidden {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		if len(files) == 0 {
			t.Errorf("%s has no Go files: is the list out of date?", dir)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			parsed, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range parsed.Imports {
				path := strings.Trim(imp.Path.Value, `"`)
				for _, b := range bad {
					p, exact := strings.CutSuffix(b, "$")
					if path == p || !exact && strings.HasPrefix(path, p) {
						t.Errorf("%s imports %s", f, path)
					}
				}
				if allowed, ok := only[dir]; ok && strings.Contains(strings.Split(path, "/")[0], ".") &&
					!slices.ContainsFunc(allowed, func(a string) bool { return path == a || strings.HasPrefix(path, a+"/") }) {
					t.Errorf("%s imports %s; %s may import only the standard library and %v", f, path, dir, allowed)
				}
			}
		}
	}
}

func TestProgressFile(t *testing.T) {
	dir := t.TempDir()
	env := func(k string) string {
		if k == "XDG_STATE_HOME" {
			return dir
		}
		return ""
	}
	if f, err := progressFile(config{noSave: true}, env); f != nil || err != nil {
		t.Errorf("--no-save: %v %v", f, err)
	}
	f, err := progressFile(config{}, env)
	if err != nil || f.Path != filepath.Join(dir, "jakstat", "progress.json") {
		t.Fatalf("path %v, %v", f, err)
	}
	l := fixture.Lesson(t)
	if err := f.Save(state.State{Lesson: l.Fingerprint(), Step: 4}); err != nil {
		t.Fatal(err)
	}
	if p := readProgress(*f, l, false); p.Step != 4 || !p.Resume || p.Notice != "" {
		t.Errorf("saved progress read back as %+v", p)
	}
	if f, _ = progressFile(config{reset: true}, env); readProgress(*f, l, true).Resume {
		t.Error("--reset kept the progress")
	}
	os.MkdirAll(filepath.Dir(f.Path), 0o700)
	os.WriteFile(f.Path, []byte("{broken"), 0o600)
	p := readProgress(*f, l, false)
	if n := p.Notice; p.Resume || !strings.HasPrefix(n, "Damaged progress moved to ") || !strings.HasSuffix(n, "/jakstat/progress.json.old") ||
		strings.Contains(n, "\n") || utf8.RuneCountInString(n) > 80 {
		t.Errorf("a broken file gave %+v: want one line of 80 columns saying why and where it went", p)
	}
	if _, err := os.Stat(f.Path + ".old"); err != nil {
		t.Errorf("the broken file was not set aside: %v", err)
	}
	f.Save(state.State{Lesson: l.Fingerprint(), Step: len(l.Steps) + 3})
	if p := readProgress(*f, l, false); p.Resume || !strings.HasPrefix(p.Notice, "Progress past the last step moved to ") {
		t.Errorf("a step past the end gave %+v", p)
	}
}

// TestProgressThatCannotBeReadOrSaved: a file that cannot be read is left
// where it is and the notice says why; a folder that cannot be written is
// reported when the lesson starts, and the exit status says so at the end.
func TestProgressThatCannotBeReadOrSaved(t *testing.T) {
	l := fixture.Lesson(t)
	dir := t.TempDir()
	unreadable := state.File{Path: filepath.Join(dir, "progress.json")}
	os.Mkdir(unreadable.Path, 0o700)
	p := readProgress(unreadable, l, false)
	if p.Resume || !strings.HasPrefix(p.Notice, "Unreadable progress (not a regular file) left at ") {
		t.Errorf("a folder in the file's place gave %+v", p)
	}
	if info, err := os.Stat(unreadable.Path); err != nil || !info.IsDir() {
		t.Error("the folder was moved")
	}

	os.WriteFile(filepath.Join(dir, "state"), nil, 0o600) // a file where the folder should be
	unwritable := state.File{Path: filepath.Join(dir, "state", "progress.json")}
	if p := readProgress(unwritable, l, false); !strings.HasPrefix(p.Notice, "Progress cannot be saved: ") {
		t.Errorf("an unwritable folder was not reported at the start: %+v", p)
	}
	saver := state.NewSaver(unwritable)
	saver.Submit(state.State{Lesson: l.Fingerprint(), Step: 1})
	var errOut bytes.Buffer
	if code := closeSaver(saver, &errOut); code != 1 || !strings.Contains(errOut.String(), "your progress could not be saved") {
		t.Errorf("closing a saver that failed: exit %d, %q", code, errOut.String())
	}
	if code := closeSaver(nil, &errOut); code != 0 {
		t.Errorf("--no-save: exit %d", code)
	}
}

func TestServeFlags(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cfg, err := parseServe([]string{"--listen", "0.0.0.0:2200", "--max-sessions", "30", "--idle-timeout", "5m", "--http", "0.0.0.0:8080"},
		env(map[string]string{"JAKSTAT_PASSWORD": "room", "JAKSTAT_PRESENTER_PASSWORD": "teach", "XDG_STATE_HOME": "/tmp/st"}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Listen != "0.0.0.0:2200" || cfg.MaxSessions != 30 || cfg.IdleTimeout.Minutes() != 5 || cfg.Password != "room" ||
		cfg.PresenterPass != "teach" || cfg.HostKey != "/tmp/st/jakstat/host_ed25519" || cfg.http != "0.0.0.0:8080" {
		t.Errorf("parsed %+v", cfg)
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"serve", "--max-sessions", "0"}, noEnv, nil, &out, &errOut, false); code != 2 || !strings.Contains(errOut.String(), "--max-sessions must be at least 1") {
		t.Errorf("bad --max-sessions: %d %q", code, errOut.String())
	}
	errOut.Reset()
	if code := run([]string{"serve", "--listen", "0.0.0.0:0", "--host-key", filepath.Join(t.TempDir(), "k")}, noEnv, nil, &out, &errOut, false); code != 1 || !strings.Contains(errOut.String(), "without a room password") {
		t.Errorf("an open room on the network: %d %q", code, errOut.String())
	}
	errOut.Reset()
	if code := run([]string{"serve", "--listen", "none"}, noEnv, nil, &out, &errOut, false); code != 2 || !strings.Contains(errOut.String(), "give --http ADDR") {
		t.Errorf("--listen none alone: %d %q", code, errOut.String())
	}
	// A mistyped address is named as such, before the open-room rule
	// could call it "the network".
	for _, args := range [][]string{{"--listen", "nonsense"}, {"--listen", ":99999"}, {"--http", "8080"}, {"--listen", "none", "--http", "localhost"}} {
		errOut.Reset()
		if code := run(append([]string{"serve"}, args...), noEnv, nil, &out, &errOut, false); code != 2 || !strings.Contains(errOut.String(), "is not an address like") {
			t.Errorf("serve %v: %d %q", args, code, errOut.String())
		}
	}
	if cfg, err := parseServe([]string{"--listen", "none", "--http", "127.0.0.1:8080"}, noEnv); err != nil || cfg.ssh() || cfg.HostKey != "" {
		t.Errorf("--listen none --http: %+v %v (no SSH, so no host key)", cfg, err)
	}
	out.Reset()
	if code := run([]string{"serve", "--help"}, noEnv, nil, &out, &errOut, false); code != 0 || !strings.Contains(out.String(), "--presenter-password") {
		t.Errorf("serve --help: %d", code)
	}
}
