package state

import (
	"errors"
	"maps"
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
	got, ok, err := f.Load("abc", 10)
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
	_, ok, err := File{Path: filepath.Join(t.TempDir(), "none.json")}.Load("abc", 10)
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
		"other lesson":   {`{"version": 1, "lesson": "zzz", "step": 2}`, "another lesson, or another edition of this one"},
		"negative step":  {`{"version": 1, "lesson": "abc", "step": -4}`, "step -4"},
		"past the end":   {`{"version": 1, "lesson": "abc", "step": 10}`, "step 11 is past the lesson's end (10 steps)"},
		"too large":      {`{"version": 1, "lesson": "abc", "step": 2}` + strings.Repeat(" ", MaxSize), "too large to be progress"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			f := File{Path: filepath.Join(dir, "progress.json")}
			os.WriteFile(f.Path, []byte(tc.data), 0o600)
			_, ok, err := f.Load("abc", 10)
			if ok || !errors.Is(err, ErrUnusable) || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("Load = %v, %v; want one line with %q", ok, err, tc.want)
			}
			if _, err := os.Stat(f.Path); !os.IsNotExist(err) {
				t.Error("the unusable file is still in the way")
			}
			var p *Problem
			if !errors.As(err, &p) || !p.Moved || p.Path != f.Path+".old" {
				t.Fatalf("the error does not say where the file went: %#v", err)
			}
			if data, _ := os.ReadFile(p.Path); string(data) != tc.data {
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
	got, ok, err := f.Load("abc", 10)
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
		if got, _, _ := f.Load("abc", 10); got.Step != 3 {
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
			if _, err := Parse(data, "abc", 2000); err != nil {
				t.Errorf("a reader saw a broken file: %v", err)
				return
			}
		}
	})
	wg.Wait()
	got, ok, err := f.Load("abc", 2000)
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
	got, _, err := f.Load("abc", 500)
	if err != nil || got.Step != 499 {
		t.Errorf("after close: step %d, %v", got.Step, err)
	}
}

// TestUnreadableFilesAreLeftAlone: a file that cannot be read is not
// set aside (it may be the learner's own, or their progress behind a
// permission problem), and Load says why, at once.
func TestUnreadableFilesAreLeftAlone(t *testing.T) {
	tests := map[string]unreadableCase{
		"a folder": {func(p string) error { return os.Mkdir(p, 0o700) }, "not a regular file"},
		"no permission": {func(p string) error {
			if os.Geteuid() == 0 {
				return errSkip
			}
			return os.WriteFile(p, []byte(`{"version": 1}`), 0o000)
		}, "permission denied"},
	}
	maps.Copy(tests, platformUnreadable())
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			f := File{Path: filepath.Join(t.TempDir(), "progress.json")}
			if err := tc.make(f.Path); errors.Is(err, errSkip) {
				t.Skip("root reads any file")
			} else if err != nil {
				t.Fatal(err)
			}
			_, ok, err := f.Load("abc", 10)
			if ok || !errors.Is(err, ErrUnreadable) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "left where it is") {
				t.Fatalf("Load = %v, %v; want it left alone because %q", ok, err, tc.want)
			}
			if _, err := os.Lstat(f.Path); err != nil {
				t.Error("the file was moved")
			}
			if aside, _ := filepath.Glob(f.Path + ".old*"); len(aside) != 0 {
				t.Errorf("an unreadable file was set aside: %v", aside)
			}
		})
	}
}

// unreadableCase makes a file Load cannot read, for the reason want.
type unreadableCase struct {
	make func(path string) error
	want string
}

var errSkip = errors.New("skip")

// TestSaverReportsOnlyTheLastWrite: a failed save followed by one that
// works loses nothing, so Close reports nothing; a failed last save is
// reported.
func TestSaverReportsOnlyTheLastWrite(t *testing.T) {
	fail := errors.New("disk full")
	for name, tc := range map[string]struct {
		results []error
		want    error
	}{
		"failed then saved": {[]error{fail, nil}, nil},
		"saved then failed": {[]error{nil, fail}, fail},
		"all saved":         {[]error{nil, nil, nil}, nil},
	} {
		t.Run(name, func(t *testing.T) {
			pending := make(chan State, len(tc.results))
			for i := range tc.results {
				pending <- State{Step: i}
			}
			close(pending)
			var saved []int
			got := drain(pending, func(s State) error {
				saved = append(saved, s.Step)
				return tc.results[s.Step]
			})
			if got != tc.want || len(saved) != len(tc.results) {
				t.Errorf("drain = %v after saving %v, want %v", got, saved, tc.want)
			}
		})
	}
	// And end to end: a saver whose folder cannot be made reports it.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "state"), nil, 0o600)
	s := NewSaver(File{Path: filepath.Join(dir, "state", "progress.json")})
	s.Submit(State{Lesson: "abc", Step: 1})
	if err := s.Close(); err == nil {
		t.Error("a save into a folder that cannot exist reported nothing")
	}
}

func TestWritable(t *testing.T) {
	dir := t.TempDir()
	if err := (File{Path: filepath.Join(dir, "sub", "progress.json")}).Writable(); err != nil {
		t.Errorf("a fresh folder: %v", err)
	}
	if tmp, _ := filepath.Glob(filepath.Join(dir, "sub", ".state-*")); len(tmp) != 0 {
		t.Errorf("the check left %v behind", tmp)
	}
	os.WriteFile(filepath.Join(dir, "file"), nil, 0o600)
	if err := (File{Path: filepath.Join(dir, "file", "progress.json")}).Writable(); err == nil {
		t.Error("a folder that is a file was reported writable")
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
	if _, ok, _ := f.Load("abc", 10); ok {
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
		s, err := Parse(data, "abc", 18)
		if err == nil && (s.Lesson != "abc" || s.Version != Version || s.Step < 0 || s.Step >= 18) {
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

// TestSetAsideNeverOverwrites: a second damaged file goes beside the first,
// not over it.
func TestSetAsideNeverOverwrites(t *testing.T) {
	f := File{Path: filepath.Join(t.TempDir(), "progress.json")}
	for i, want := range []string{".old", ".old-2", ".old-3"} {
		os.WriteFile(f.Path, []byte{'{', byte('a' + i)}, 0o600)
		var p *Problem
		if _, _, err := f.Load("abc", 10); !errors.As(err, &p) || p.Path != f.Path+want {
			t.Fatalf("damaged file %d: %v", i+1, err)
		}
		if data, _ := os.ReadFile(p.Path); string(data) != string([]byte{'{', byte('a' + i)}) {
			t.Errorf("%s holds %q", p.Path, data)
		}
	}
}

// TestNoticeFitsALine: the notice names what is wrong and where the file
// is, in one line of at most 80 columns for the usual folders (Linux and
// macOS; a long one loses its middle).
func TestNoticeFitsALine(t *testing.T) {
	home := "/home/learner"
	folders := map[string]string{
		"linux": home + "/.local/state/jakstat",
		"macOS": home + "/Library/Application Support/jakstat",
		"XDG":   "/srv/classroom/shared/state/of/a/long/named/place/jakstat",
	}
	reasons := map[string]string{
		"damaged":       "{broken",
		"other version": `{"version": 99, "lesson": "abc", "step": 2}`,
		"other lesson":  `{"version": 1, "lesson": "zzz", "step": 2}`,
		"past the end":  `{"version": 1, "lesson": "abc", "step": 10}`,
		"negative":      `{"version": 1, "lesson": "abc", "step": -1}`,
	}
	for where, dir := range folders {
		for why, data := range reasons {
			_, err := Parse([]byte(data), "abc", 10)
			var p *Problem
			if !errors.As(err, &p) {
				t.Fatalf("%s: %v", why, err)
			}
			p.Path, p.Moved = dir+"/progress.json.old", true
			n := p.Notice(home, 80)
			if width(n) > 80 || strings.Contains(n, "\n") || !strings.HasPrefix(n, p.What+" moved to ") || !strings.HasSuffix(n, "jakstat/progress.json.old") {
				t.Errorf("%s, %s: %q (%d columns)", where, why, n, width(n))
			}
			if where == "linux" && !strings.Contains(n, "~/.local/state/jakstat/progress.json.old") {
				t.Errorf("%s, %s: the usual folder is not shown whole: %q", where, why, n)
			}
		}
	}
	// Another lesson's progress, kept where that lesson finds it.
	p := &Problem{What: "Progress of another lesson", Moved: true, Path: folders["linux"] + "/progress-0123456789abcdef.json"}
	if n := p.Notice(home, 80); width(n) > 80 || !strings.HasSuffix(n, "/jakstat/progress-0123456789abcdef.json") {
		t.Errorf("kept for another lesson: %q (%d columns)", n, width(n))
	}
	left := unreadable("permission denied")
	left.Path = home + "/.local/state/jakstat/progress.json"
	if n := left.Notice(home, 80); width(n) > 80 || !strings.Contains(n, "permission denied") || !strings.Contains(n, "progress.json") {
		t.Errorf("unreadable: %q", n)
	}
}
