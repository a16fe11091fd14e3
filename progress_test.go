package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jakstat/content"
	"jakstat/internal/fixture"
	"jakstat/state"
)

// otherLesson is a second lesson folder, as an educator's would be.
const otherLesson = fixture.AntihistaminesDir

// lessonRunner runs the plain lesson (the same progress files as the
// full-screen one) with the state folder dir, and returns what it said.
func lessonRunner(t *testing.T, dir string) func(input string, args ...string) string {
	env := func(k string) string {
		if k == "XDG_STATE_HOME" {
			return dir
		}
		return ""
	}
	return func(input string, args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := run(append([]string{"--accessible"}, args...), env, strings.NewReader(input), &out, &errOut, false); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut.String())
		}
		return out.String()
	}
}

// setAside lists the files in the state folder that were set aside.
func setAside(t *testing.T, dir string) []string {
	t.Helper()
	old, _ := filepath.Glob(filepath.Join(dir, "jakstat", "*.old*"))
	return old
}

// TestSwitchingLessonsKeepsEachPlace is the tester's report: the built-in
// lesson's place and answers survive running another lesson, in both
// directions and again and again, and nothing is set aside.
func TestSwitchingLessonsKeepsEachPlace(t *testing.T) {
	dir := t.TempDir()
	talk := lessonRunner(t, dir)
	talk("n\nn\n")                       // the built-in lesson, to step 3
	talk("n\n", "--lesson", otherLesson) // the other lesson, to step 2
	for range 2 {
		if out := talk("q\n"); !strings.Contains(out, "Welcome back. You were on step 3 of 24") || strings.Contains(out, "moved to") {
			t.Fatalf("the built-in lesson lost its place to the other lesson:\n%.600s", out)
		}
		if out := talk("q\n", "--lesson", otherLesson); !strings.Contains(out, "Welcome back. You were on step 2 of") || strings.Contains(out, "moved to") {
			t.Fatalf("the other lesson lost its place to the built-in one:\n%.600s", out)
		}
	}
	if old := setAside(t, dir); len(old) != 0 {
		t.Errorf("progress was set aside: %v", old)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "jakstat", "progress*.json"))
	if len(files) != 2 {
		t.Errorf("want one file for each lesson, got %v", files)
	}
}

// TestProgressOfEarlierBuildsMoves: builds that kept every lesson in
// progress.json left another lesson's progress there, or set it aside as
// progress.json.old when the built-in lesson ran; each lesson takes its
// own back, whichever runs first.
func TestProgressOfEarlierBuildsMoves(t *testing.T) {
	shipped, err := content.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	other, err := loadLesson(otherLesson)
	if err != nil {
		t.Fatal(err)
	}
	at := func(l *content.Lesson, step int) state.State {
		return state.State{Lesson: l.Fingerprint(), Step: step, Saved: time.Now()}
	}
	tests := map[string]struct {
		files map[string]state.State // in the state folder, as an older build left them
		first []string               // the lesson run first: its arguments
	}{
		"the other lesson in progress.json, the built-in lesson first": {
			map[string]state.State{"progress.json": at(other, 1), "progress.json.old": at(shipped, 2)}, nil},
		"the other lesson in progress.json, it first": {
			map[string]state.State{"progress.json": at(other, 1), "progress.json.old": at(shipped, 2)}, []string{"--lesson", otherLesson}},
		"the built-in lesson in progress.json, the other set aside": {
			map[string]state.State{"progress.json": at(shipped, 2), "progress.json.old-2": at(other, 1)}, nil},
		"both set aside, nothing in progress.json": {
			map[string]state.State{"progress.json.old": at(shipped, 2), "progress.json.old-2": at(other, 1)}, []string{"--lesson", otherLesson}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			for file, s := range tc.files {
				if err := (state.File{Path: filepath.Join(dir, "jakstat", file)}).Save(s); err != nil {
					t.Fatal(err)
				}
			}
			talk := lessonRunner(t, dir)
			runs := [][]string{{"--lesson", otherLesson}, nil}
			if tc.first == nil {
				runs[0], runs[1] = runs[1], runs[0]
			}
			want := map[bool]string{true: "Welcome back. You were on step 2 of", false: "Welcome back. You were on step 3 of 24"}
			for range 2 { // and once more: the files are where they now belong
				for _, args := range runs {
					if out := talk("q\n", args...); !strings.Contains(out, want[args != nil]) {
						t.Fatalf("%v did not find its progress:\n%.600s", args, out)
					}
				}
			}
			if old := setAside(t, dir); len(old) != 0 {
				t.Errorf("left set aside: %v", old)
			}
		})
	}
}

// TestResetAdoptsNothing: after --reset a lesson starts afresh, and does
// not take back progress an earlier build set aside, then or later.
func TestResetAdoptsNothing(t *testing.T) {
	dir := t.TempDir()
	shipped, err := content.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	old := state.File{Path: filepath.Join(dir, "jakstat", "progress.json.old")}
	if err := old.Save(state.State{Lesson: shipped.Fingerprint(), Step: 5}); err != nil {
		t.Fatal(err)
	}
	talk := lessonRunner(t, dir)
	for _, args := range [][]string{{"--reset"}, nil} {
		if out := talk("q\n", args...); strings.Contains(out, "Welcome back") {
			t.Errorf("%v: the set-aside place came back:\n%.400s", args, out)
		}
	}
	if _, err := os.Stat(old.Path); err != nil {
		t.Errorf("the set-aside file went: %v", err)
	}
}
