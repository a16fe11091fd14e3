package state

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestForLesson: the built-in lesson keeps progress.json; a lesson folder
// gets a safe name of its own, the same however the folder is spelled.
func TestForLesson(t *testing.T) {
	state, root := t.TempDir(), t.TempDir()
	mk := func(name string) string {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	name := func(folder string) string {
		t.Helper()
		f, err := ForLesson(state, folder)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Dir(f.Path) != state {
			t.Fatalf("%q: %s is outside the state folder", folder, f.Path)
		}
		return filepath.Base(f.Path)
	}
	if got := name(""); got != "progress.json" {
		t.Errorf("the built-in lesson: %s", got)
	}
	safe := regexp.MustCompile(`^progress-[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{8}\.json$`)
	tests := map[string]string{
		"antihistamines":                "progress-antihistamines-",
		"My Lesson (v2)":                "progress-my-lesson-v2-",
		"Ärzte über Ekzeme":             "progress-rzte-ber-ekzeme-",
		"...":                           "progress-lesson-",
		"한국어":                           "progress-lesson-",
		strings.Repeat("long-name", 10): "progress-long-namelong-namelong-",
		"trailing-":                     "progress-trailing-",
	}
	seen := map[string]string{}
	for folder, prefix := range tests {
		got := name(mk(folder))
		if !strings.HasPrefix(got, prefix) || !safe.MatchString(got) || len(got) > len("progress--12345678.json")+maxSlug {
			t.Errorf("%q: %s, want a safe name starting %s", folder, got, prefix)
		}
		if other, ok := seen[got]; ok {
			t.Errorf("%q and %q share %s", folder, other, got)
		}
		seen[got] = folder
	}

	// One folder however it is named: relative, with a trailing slash, through a link.
	lesson := mk("lesson")
	want := name(lesson)
	t.Chdir(root)
	if got := name("lesson"); got != want {
		t.Errorf("relative: %s, want %s", got, want)
	}
	if got := name("lesson/"); got != want {
		t.Errorf("trailing slash: %s, want %s", got, want)
	}
	if os.Symlink(lesson, filepath.Join(root, "link")) == nil {
		if got := name("link"); got != want {
			t.Errorf("through a link: %s, want %s", got, want)
		}
	}
	// An edited lesson (as under --watch) is the same lesson.
	if err := os.WriteFile(filepath.Join(lesson, "lesson.yaml"), []byte("title: Edited\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := name(lesson); got != want {
		t.Errorf("after an edit: %s, want %s", got, want)
	}
	// Another folder of the same name is another lesson.
	if got := name(mk("copy/lesson")); got == want {
		t.Errorf("two folders called lesson share %s", got)
	}
}

// TestAnotherLessonsProgressIsKeptForIt: progress in a lesson's file that
// belongs to another lesson moves to where that lesson finds it; a second
// one for the same lesson sets the first aside, never over it. A
// fingerprint that could not be a file's name is set aside as before.
func TestAnotherLessonsProgressIsKeptForIt(t *testing.T) {
	dir := t.TempDir()
	f := File{Path: filepath.Join(dir, "progress.json")}
	kept := filepath.Join(dir, "progress-0123456789abcdef.json")
	for i, step := range []int{3, 4} {
		f.Save(State{Lesson: "0123456789abcdef", Step: step})
		_, ok, err := f.Load("fedcba9876543210", 10)
		var p *Problem
		if ok || !errors.As(err, &p) || !p.Moved || p.Path != kept || !errors.Is(err, ErrUnusable) {
			t.Fatalf("save %d: Load = %v, %#v", i+1, ok, err)
		}
		if !strings.HasPrefix(p.Notice("", 200), "Progress of another lesson moved to "+kept) {
			t.Errorf("notice %q", p.Notice("", 200))
		}
	}
	if s, ok, err := (File{Path: kept}).Load("0123456789abcdef", 10); !ok || err != nil || s.Step != 4 {
		t.Errorf("the kept file holds %+v %v %v, want the newer, step 4", s, ok, err)
	}
	if s, ok, _ := (File{Path: kept + ".old"}).Load("0123456789abcdef", 10); !ok || s.Step != 3 {
		t.Errorf("the older one was not set aside: %+v", s)
	}
	for _, fp := range []string{"../../../etc/x", "0123456789ABCDEF", "0123456789abcde", "progress", ""} {
		os.WriteFile(f.Path, []byte(`{"version": 1, "lesson": "`+fp+`", "step": 1}`), 0o600)
		_, _, err := f.Load("fedcba9876543210", 10)
		var p *Problem
		if !errors.As(err, &p) || !p.Moved || !strings.HasPrefix(filepath.Base(p.Path), "progress.json.old") {
			t.Errorf("lesson %q: %v", fp, err)
		}
	}
}

// TestAdopt: a lesson with no file takes the newest of its progress kept
// elsewhere in the folder, and nothing that is not exactly its own.
func TestAdopt(t *testing.T) {
	const mine, theirs = "0123456789abcdef", "fedcba9876543210"
	day := func(d int) time.Time { return time.Date(2026, 1, d, 0, 0, 0, 0, time.UTC) }
	tests := map[string]struct {
		own   string           // the lesson's file: progress.json or a folder's
		files map[string]State // beside it
		from  string           // the file adopted, "" for none
	}{
		"kept for it":            {"progress-x-12345678.json", map[string]State{"progress-" + mine + ".json": {Lesson: mine, Step: 2}}, "progress-" + mine + ".json"},
		"left in progress.json":  {"progress-x-12345678.json", map[string]State{"progress.json": {Lesson: mine, Step: 2}}, "progress.json"},
		"set aside by old build": {"progress.json", map[string]State{"progress.json.old-2": {Lesson: mine, Step: 2}}, "progress.json.old-2"},
		"the newest of several": {"progress-x-12345678.json", map[string]State{
			"progress.json":       {Lesson: mine, Step: 1, Saved: day(1)},
			"progress.json.old":   {Lesson: mine, Step: 2, Saved: day(3)},
			"progress.json.old-2": {Lesson: mine, Step: 3, Saved: day(2)},
		}, "progress.json.old"},
		"another lesson's":          {"progress.json", map[string]State{"progress.json.old": {Lesson: theirs, Step: 2}, "progress-" + theirs + ".json": {Lesson: theirs, Step: 2}}, ""},
		"past its last step":        {"progress.json", map[string]State{"progress.json.old": {Lesson: mine, Step: 10}}, ""},
		"another folder's own file": {"progress-x-12345678.json", map[string]State{"progress-y-87654321.json": {Lesson: mine, Step: 2}}, ""},
		"its own file exists":       {"progress.json", map[string]State{"progress.json": {Lesson: theirs, Step: 0}, "progress.json.old": {Lesson: mine, Step: 2}}, ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			for file, s := range tc.files {
				if err := (File{Path: filepath.Join(dir, file)}).Save(s); err != nil {
					t.Fatal(err)
				}
			}
			os.WriteFile(filepath.Join(dir, "progress.json.old-3"), []byte("{damaged"), 0o600)
			f := File{Path: filepath.Join(dir, tc.own)}
			before, _ := os.ReadFile(f.Path)
			from, err := f.Adopt(mine, 10)
			want := ""
			if tc.from != "" {
				want = filepath.Join(dir, tc.from)
			}
			if from != want || err != nil {
				t.Fatalf("Adopt = %q, %v; want %q", from, err, want)
			}
			after, _ := os.ReadFile(f.Path)
			switch s, ok, _ := f.Load(mine, 10); {
			case want == "" && string(after) != string(before):
				t.Error("the lesson's file changed")
			case want != "" && (!ok || s.Step != tc.files[tc.from].Step):
				t.Errorf("the lesson's file holds %+v, want %+v", s, tc.files[tc.from])
			}
			if _, err := os.Stat(want); want != "" && !os.IsNotExist(err) {
				t.Error("the adopted file was copied, not moved")
			}
		})
	}
}

// TestResume: Load, and Adopt when the lesson's own file held nothing of
// its own, even another lesson's progress (which is kept for that lesson).
func TestResume(t *testing.T) {
	const mine, theirs = "0123456789abcdef", "fedcba9876543210"
	dir := t.TempDir()
	f := File{Path: filepath.Join(dir, "progress.json")}
	f.Save(State{Lesson: theirs, Step: 1})
	(File{Path: f.Path + ".old"}).Save(State{Lesson: mine, Step: 5})
	s, ok, err := f.Resume(mine, 10)
	var p *Problem
	if !ok || s.Step != 5 || !errors.As(err, &p) || p.Path != filepath.Join(dir, "progress-"+theirs+".json") {
		t.Fatalf("Resume = %+v, %v, %v", s, ok, err)
	}
	if s, ok, err := f.Resume(mine, 10); !ok || s.Step != 5 || err != nil {
		t.Errorf("again: %+v, %v, %v", s, ok, err)
	}
	if s, ok, err := (File{Path: filepath.Join(dir, "progress-t-00000000.json")}).Resume(theirs, 10); !ok || s.Step != 1 || err != nil {
		t.Errorf("the other lesson: %+v, %v, %v", s, ok, err)
	}
	if _, ok, err := (File{Path: filepath.Join(dir, "none.json")}).Resume("aaaaaaaaaaaaaaaa", 10); ok || err != nil {
		t.Errorf("nothing anywhere: %v, %v", ok, err)
	}
}
