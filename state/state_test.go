package state

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestRoundTrip(t *testing.T) {
	f := File{Path: filepath.Join(t.TempDir(), "sub", "progress.json")}
	want := State{Lesson: "abc", Step: 7, Answers: map[string]bool{"q1": true, "q2": false}, Saved: time.Unix(1700000000, 0).UTC()}
	if err := f.Save(want); err != nil {
		t.Fatal(err)
	}
	got, ok, err := f.Load("abc")
	if err != nil || !ok {
		t.Fatalf("Load: %v %v", ok, err)
	}
	if got.Step != 7 || got.Answers["q1"] != true || got.Answers["q2"] != false || got.Version != Version || !got.Saved.Equal(want.Saved) {
		t.Errorf("got %+v", got)
	}
	info, err := os.Stat(filepath.Dir(f.Path))
	if err != nil || info.Mode().Perm()&0o077 != 0 {
		t.Errorf("the state folder should be private: %v %v", info.Mode(), err)
	}
}

func TestMissingFileIsNoProgress(t *testing.T) {
	_, ok, err := File{Path: filepath.Join(t.TempDir(), "none.json")}.Load("abc")
	if ok || err != nil {
		t.Errorf("missing file: ok %v err %v", ok, err)
	}
}

// TestUnusableFilesAreSetAside: corrupt, future-version and other-lesson
// files are renamed aside (nothing is lost) and reported in one line.
func TestUnusableFilesAreSetAside(t *testing.T) {
	tests := map[string]struct {
		data string
		want string
	}{
		"corrupt":        {`{"version": 1, "step": `, "not a state file"},
		"not json":       {"\x00\x01garbage", "not a state file"},
		"future version": {`{"version": 99, "lesson": "abc", "step": 2}`, "another version of jakstat"},
		"other lesson":   {`{"version": 1, "lesson": "zzz", "step": 2}`, "another edition of the lesson"},
		"negative step":  {`{"version": 1, "lesson": "abc", "step": -4}`, "step -4"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			f := File{Path: filepath.Join(dir, "progress.json")}
			os.WriteFile(f.Path, []byte(tc.data), 0o600)
			_, ok, err := f.Load("abc")
			if ok || err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("Load = %v, %v; want one line with %q", ok, err, tc.want)
			}
			if _, err := os.Stat(f.Path); !os.IsNotExist(err) {
				t.Error("the unusable file is still in the way")
			}
			aside, _ := filepath.Glob(f.Path + ".unreadable-*")
			if len(aside) != 1 {
				t.Fatalf("set-aside copies: %v", aside)
			}
			if data, _ := os.ReadFile(aside[0]); string(data) != tc.data {
				t.Error("the set-aside copy differs from the original")
			}
		})
	}
}

// TestInterruptedWriteKeepsTheOldFile: a write that dies half-way leaves a
// stray temporary file at most, never a damaged state file.
func TestInterruptedWriteKeepsTheOldFile(t *testing.T) {
	dir := t.TempDir()
	f := File{Path: filepath.Join(dir, "progress.json")}
	if err := f.Save(State{Lesson: "abc", Step: 3}); err != nil {
		t.Fatal(err)
	}
	// What a crash mid-write looks like: a partial temporary file.
	os.WriteFile(filepath.Join(dir, ".state-123.tmp"), []byte(`{"version": 1, "les`), 0o600)
	got, ok, err := f.Load("abc")
	if err != nil || !ok || got.Step != 3 {
		t.Fatalf("after an interrupted write: %+v %v %v", got, ok, err)
	}
	// A save into a folder that cannot be written fails cleanly and also
	// leaves the old file.
	if err := os.Chmod(dir, 0o500); err == nil && os.Geteuid() != 0 {
		defer os.Chmod(dir, 0o700)
		if err := f.Save(State{Lesson: "abc", Step: 9}); err == nil {
			t.Error("a save into a read-only folder reported success")
		}
		if got, _, _ := f.Load("abc"); got.Step != 3 {
			t.Errorf("a failed save changed the file: step %d", got.Step)
		}
	}
}

// TestTwoWritersNeverCorrupt: two programs saving at once each leave a
// whole file; whichever wrote last wins.
func TestTwoWritersNeverCorrupt(t *testing.T) {
	f := File{Path: filepath.Join(t.TempDir(), "progress.json")}
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Go(func() {
			for i := range 100 {
				if err := f.Save(State{Lesson: "abc", Step: w*1000 + i}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Go(func() {
		for range 200 {
			data, err := os.ReadFile(f.Path)
			if err != nil {
				continue
			}
			if _, err := Parse(data, "abc"); err != nil {
				t.Errorf("a reader saw a broken file: %v", err)
				return
			}
		}
	})
	wg.Wait()
	got, ok, err := f.Load("abc")
	if err != nil || !ok || (got.Step != 99 && got.Step != 1099) {
		t.Errorf("final state %+v %v %v", got, ok, err)
	}
	if tmp, _ := filepath.Glob(filepath.Join(filepath.Dir(f.Path), ".state-*")); len(tmp) != 0 {
		t.Errorf("temporary files left behind: %v", tmp)
	}
}

func TestSaverWritesTheLatest(t *testing.T) {
	f := File{Path: filepath.Join(t.TempDir(), "progress.json")}
	s := NewSaver(f)
	for i := range 500 {
		s.Submit(State{Lesson: "abc", Step: i})
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	got, _, err := f.Load("abc")
	if err != nil || got.Step != 499 {
		t.Errorf("after close: step %d, %v", got.Step, err)
	}
}

func TestReset(t *testing.T) {
	f := File{Path: filepath.Join(t.TempDir(), "progress.json")}
	if err := f.Reset(); err != nil {
		t.Errorf("reset with no file: %v", err)
	}
	f.Save(State{Lesson: "abc", Step: 1})
	if err := f.Reset(); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := f.Load("abc"); ok {
		t.Error("progress survived --reset")
	}
}

// FuzzParse: the state reader never panics and never accepts garbage as
// progress in another lesson.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"version": 1, "lesson": "abc", "step": 3, "answers": {"q": true}}`))
	f.Add([]byte(`{"version": 1`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"version": 1, "lesson": "abc", "step": 1e99}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse(data, "abc")
		if err == nil && (s.Lesson != "abc" || s.Version != Version || s.Step < 0) {
			t.Fatalf("accepted %+v", s)
		}
	})
}

// TestDirFor: each platform's folder, worked out on any platform.
func TestDirFor(t *testing.T) {
	tests := map[string]struct {
		goos    string
		env     map[string]string
		want    string
		wantErr string
	}{
		"linux xdg":          {"linux", map[string]string{"XDG_STATE_HOME": "/x/state", "HOME": "/home/ann"}, "/x/state/jakstat", ""},
		"linux home":         {"linux", map[string]string{"HOME": "/home/ann"}, "/home/ann/.local/state/jakstat", ""},
		"linux relative":     {"linux", map[string]string{"XDG_STATE_HOME": "rel", "HOME": "/home/ann"}, "/home/ann/.local/state/jakstat", ""},
		"linux no home":      {"linux", nil, "", "$HOME is not set"},
		"freebsd":            {"freebsd", map[string]string{"HOME": "/usr/home/bo"}, "/usr/home/bo/.local/state/jakstat", ""},
		"macos":              {"darwin", map[string]string{"HOME": "/Users/ann"}, "/Users/ann/Library/Application Support/jakstat", ""},
		"macos xdg":          {"darwin", map[string]string{"HOME": "/Users/ann", "XDG_STATE_HOME": "/Users/ann/.state"}, "/Users/ann/.state/jakstat", ""},
		"windows":            {"windows", map[string]string{"LocalAppData": `C:\Users\Ann\AppData\Local`}, `C:\Users\Ann\AppData\Local\jakstat`, ""},
		"windows slash":      {"windows", map[string]string{"LocalAppData": `D:\Data\`}, `D:\Data\jakstat`, ""},
		"windows xdg":        {"windows", map[string]string{"LocalAppData": `C:\L`, "XDG_STATE_HOME": "/x"}, `C:\L\jakstat`, ""},
		"windows unset":      {"windows", map[string]string{"HOME": "/home/ann"}, "", "%LocalAppData% is not set"},
		"plan9":              {"plan9", map[string]string{"home": "/usr/glenda"}, "/usr/glenda/lib/jakstat", ""},
		"macos without HOME": {"darwin", nil, "", "$HOME is not set"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := DirFor(tc.goos, func(k string) string { return tc.env[k] })
			if got != tc.want || (err == nil) != (tc.wantErr == "") || (err != nil && err.Error() != tc.wantErr) {
				t.Errorf("DirFor = %q, %v; want %q, %q", got, err, tc.want, tc.wantErr)
			}
		})
	}
}
