package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jakstat/content"
	"jakstat/internal/fixture"
	"jakstat/model"
)

// TestNewWritesALessonThatRuns: jakstat new writes a lesson that validates,
// prints and runs from first step to last as written, checked today.
func TestNewWritesALessonThatRuns(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "course", "my lesson") // made, parents too
	var out, errOut bytes.Buffer
	if code := run([]string{"new", dir}, noEnv, nil, &out, &errOut, false); code != 0 {
		t.Fatalf("new: exit %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "jakstat --lesson '"+dir+"' --watch") {
		t.Errorf("new does not say how to run it:\n%s", out.String())
	}
	out.Reset()
	if code := run([]string{"validate", dir}, noEnv, nil, &out, &errOut, false); code != 0 || !strings.Contains(out.String(), "a valid lesson of 3 steps") {
		t.Fatalf("validate: exit %d:\n%s", code, out.String())
	}
	if code := run([]string{"--lesson", dir, "--print", "--answers"}, noEnv, nil, &out, &errOut, false); code != 0 {
		t.Fatalf("--print: exit %d: %s", code, errOut.String())
	}
	l, err := content.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Now().Format(time.DateOnly); l.Meta.Checked != want {
		t.Errorf("checked %s, want today (%s)", l.Meta.Checked, want)
	}
	// Run it: every step, its question, then the score.
	var m tea.Model = model.New(l, model.Options{Theme: model.ThemeDark})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	seen := map[string]bool{}
	for range 20 {
		screen := ansi.Strip(m.(model.Model).Render())
		for _, st := range l.Steps {
			if strings.Contains(screen, st.Title) {
				seen[st.ID] = true
			}
		}
		m, _ = m.Update(tea.KeyPressMsg{Code: '1', Text: "1"}) // answers the question when it is asked
		m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyRight})
	}
	if len(seen) != len(l.Steps) {
		t.Errorf("saw %d of %d steps", len(seen), len(l.Steps))
	}
}

// TestNewNeverOverwrites: a folder with anything in it, or a file in the
// folder's place, is refused and left as it was.
func TestNewNeverOverwrites(t *testing.T) {
	full := t.TempDir()
	os.WriteFile(filepath.Join(full, "notes.txt"), []byte("mine"), 0o644)
	file := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(file, []byte("mine"), 0o644)
	tests := map[string]struct {
		args   []string
		code   int
		stderr string
	}{
		"not empty":   {[]string{"new", full}, 1, "is not empty"},
		"a file":      {[]string{"new", file}, 1, "is a file, not a folder"},
		"no folder":   {[]string{"new"}, 2, "new needs a folder"},
		"two folders": {[]string{"new", "a", "b"}, 2, `unexpected argument "b"`},
		"a flag":      {[]string{"new", "--force", full}, 2, "unknown flag --force"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := run(tc.args, noEnv, nil, &out, &errOut, false); code != tc.code || !strings.Contains(errOut.String(), tc.stderr) {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, errOut.String(), tc.code, tc.stderr)
			}
		})
	}
	if entries, _ := os.ReadDir(full); len(entries) != 1 {
		t.Errorf("the full folder now holds %d files", len(entries))
	}
	if data, _ := os.ReadFile(file); string(data) != "mine" {
		t.Error("the file was changed")
	}
}

// TestValidate: the shipped lesson and the antihistamine lesson pass; a
// broken folder gets every problem as path:line: message (or JSON), exit 1.
func TestValidate(t *testing.T) {
	for _, dir := range []string{filepath.Join("content", "lesson"), fixture.AntihistaminesDir} {
		var out, errOut bytes.Buffer
		if code := run([]string{"validate", dir}, noEnv, nil, &out, &errOut, false); code != 0 {
			t.Errorf("%s: exit %d:\n%s%s", dir, code, out.String(), errOut.String())
		}
	}
	dir := t.TempDir()
	for name, data := range content.Starter(time.Now()) {
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "02-a-diagram.md"), []byte("---\nid: a-diagram\ntitle: T\nsection: Getting started\nscene: disco\n---\nText <span>x</span>\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "lesson.yaml"), []byte("title: T\nchecked: soon\ndisclaimer: D\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "sources.yaml"), []byte("- id: S1\n  title: \xff\n"), 0o644)
	want := []string{
		filepath.Join(dir, "02-a-diagram.md") + `:5: unknown scene "disco"`,
		filepath.Join(dir, "02-a-diagram.md") + ":7: raw HTML <span>",
		filepath.Join(dir, "lesson.yaml") + `:2: checked must be the date the facts were checked, as YYYY-MM-DD (got "soon")`,
		filepath.Join(dir, "sources.yaml") + ":2: invalid UTF-8",
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"validate", dir}, noEnv, nil, &out, &errOut, false); code != 1 {
		t.Errorf("exit %d for a broken lesson", code)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != len(want)+1 || !strings.HasSuffix(lines[len(lines)-1], "4 problems.") {
		t.Fatalf("want %d problems and a count:\n%s", len(want), out.String())
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d is %q, want it to start %q", i+1, lines[i], w)
		}
	}

	out.Reset()
	if code := run([]string{"validate", "--format", "json", dir}, noEnv, nil, &out, &errOut, false); code != 1 {
		t.Errorf("json: exit %d", code)
	}
	var rep report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out.String())
	}
	if rep.Valid || len(rep.Problems) != 4 || rep.Problems[0].File != "02-a-diagram.md" || rep.Problems[0].Line != 5 ||
		rep.Problems[0].Path != filepath.Join(dir, "02-a-diagram.md") {
		t.Errorf("report %+v", rep)
	}

	for name, tc := range map[string]struct {
		args []string
		code int
		text string
	}{
		"missing folder": {[]string{"validate", filepath.Join(dir, "nope")}, 1, "not a folder"},
		"bad format":     {[]string{"validate", "--format", "xml", dir}, 2, `--format must be text or json (got "xml")`},
		"no folder":      {[]string{"validate"}, 2, "validate needs a folder"},
	} {
		var out, errOut bytes.Buffer
		if code := run(tc.args, noEnv, nil, &out, &errOut, false); code != tc.code || !strings.Contains(out.String()+errOut.String(), tc.text) {
			t.Errorf("%s: exit %d, %q", name, code, out.String()+errOut.String())
		}
	}
}
