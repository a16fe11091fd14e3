package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPlainLessonIsChosen: --accessible always runs the plain lesson
// unless a printout is asked for; ACCESSIBLE=1 and TERM=dumb run it
// wherever the full-screen lesson would have started.
func TestPlainLessonIsChosen(t *testing.T) {
	tests := map[string]struct {
		cfg         config
		interactive bool
		want        bool
	}{
		"the flag, at a terminal":        {config{accessible: true}, true, true},
		"the flag, piped":                {config{accessible: true}, false, true},
		"the flag, with --print":         {config{accessible: true, print: true}, true, false},
		"the flag, with --tables":        {config{accessible: true, tables: true}, false, false},
		"the environment, at a terminal": {config{autoAccessible: true}, true, true},
		"the environment, piped":         {config{autoAccessible: true}, false, false},
		"the environment, presenting":    {config{autoAccessible: true, present: true}, true, false},
		"the environment, notes":         {config{autoAccessible: true, notes: true}, true, false},
		"neither":                        {config{}, true, false},
	}
	for name, tc := range tests {
		if got := tc.cfg.plainLesson(tc.interactive); got != tc.want {
			t.Errorf("%s: %v, want %v", name, got, tc.want)
		}
	}
}

// TestAccessibleFromTheEnvironment runs the program as a terminal with
// TERM=dumb or ACCESSIBLE=1 would: the plain lesson starts, reading its
// answers from standard input; piped, the lesson is printed instead.
func TestAccessibleFromTheEnvironment(t *testing.T) {
	tests := map[string]struct {
		env         map[string]string
		interactive bool
		want        string
	}{
		"TERM=dumb":           {map[string]string{"TERM": "dumb"}, true, "This is its accessible version"},
		"ACCESSIBLE=1":        {map[string]string{"ACCESSIBLE": "1"}, true, "This is its accessible version"},
		"TERM=dumb, piped":    {map[string]string{"TERM": "dumb"}, false, "Step 24/24"},
		"ACCESSIBLE=1, piped": {map[string]string{"ACCESSIBLE": "1"}, false, "Step 24/24"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			tc.env["XDG_STATE_HOME"] = t.TempDir()
			var out, errOut bytes.Buffer
			code := run(nil, func(k string) string { return tc.env[k] }, strings.NewReader("q\n"), &out, &errOut, tc.interactive)
			if code != 0 || !strings.Contains(out.String(), tc.want) {
				t.Errorf("exit %d, output lacks %q:\n%.500s\n%s", code, tc.want, out.String(), errOut.String())
			}
			if strings.ContainsRune(out.String(), '\x1b') {
				t.Error("an escape sequence")
			}
		})
	}
}

// TestAccessibleProgress: the plain lesson keeps its place in the same
// file as the full-screen one, offers it back next time, and --reset and
// --no-save work as they do there.
func TestAccessibleProgress(t *testing.T) {
	dir := t.TempDir()
	env := func(k string) string {
		if k == "XDG_STATE_HOME" {
			return dir
		}
		return ""
	}
	talk := func(input string, args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := run(append([]string{"--accessible"}, args...), env, strings.NewReader(input), &out, &errOut, false); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		return out.String()
	}
	out := talk("n\nn\n") // ends with the input, as Ctrl+D does
	if !strings.Contains(out, "End of input.\nYour place is saved: step 3 of 24.") {
		t.Errorf("the end of input did not save:\n%s", out[max(0, len(out)-300):])
	}
	saved, err := os.ReadFile(filepath.Join(dir, "jakstat", "progress.json"))
	if err != nil || !strings.Contains(string(saved), `"step": 2`) {
		t.Fatalf("saved %s, %v", saved, err)
	}
	out = talk("\nq\n")
	if !strings.Contains(out, "Welcome back. You were on step 3 of 24") || !strings.Contains(out, "Step 3 of 24:") {
		t.Errorf("no offer to pick up:\n%s", out)
	}
	if out = talk("q\n", "--reset"); strings.Contains(out, "Welcome back") || !strings.Contains(out, "Step 1 of 24:") {
		t.Errorf("--reset kept the place:\n%s", out)
	}
	if out = talk("n\nq\n", "--no-save"); !strings.HasSuffix(out, "Goodbye.\n\n") || strings.Contains(out, "saved") {
		t.Errorf("--no-save promised a save:\n%s", out[max(0, len(out)-300):])
	}
}

// TestAccessibleCannotSave: a state folder that cannot be written is
// said first, and the exit status says progress was lost.
func TestAccessibleCannotSave(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "jakstat"), nil, 0o600) // a file where the folder should be
	env := func(k string) string {
		if k == "XDG_STATE_HOME" {
			return dir
		}
		return ""
	}
	var out, errOut bytes.Buffer
	code := run([]string{"--accessible"}, env, strings.NewReader("n\nq\n"), &out, &errOut, false)
	if code != 1 || !strings.Contains(out.String(), "Progress cannot be saved: ") || !strings.Contains(errOut.String(), "your progress could not be saved") {
		t.Errorf("exit %d\n%s\n%s", code, out.String()[:min(out.Len(), 900)], errOut.String())
	}
}
