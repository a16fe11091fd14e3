package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func TestReadVersion(t *testing.T) {
	vcs := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261126142200-0f3c2a1b9e4d+dirty"},
		Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "0f3c2a1b9e4d5f6a7b8c9d0e1f2a3b4c5d6e7f80"},
			{Key: "vcs.time", Value: "2026-11-26T14:22:00Z"},
			{Key: "vcs.modified", Value: "true"},
		}}
	devel := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}
	tests := map[string]struct {
		stamp stamp
		info  *debug.BuildInfo
		want  string
	}{
		"release": {stamp{"1.2.0", "abc123", "2026-12-01T10:00:00Z"}, vcs,
			"jakstat 1.2.0\ncommit:    abc123\nbuilt:     2026-12-01T10:00:00Z\ngo:        go1.26.8 linux/amd64\n"},
		"from git": {stamp{}, vcs,
			"jakstat v0.0.0-20261126142200-0f3c2a1b9e4d+dirty\ncommit:    0f3c2a1b9e4d5f6a7b8c9d0e1f2a3b4c5d6e7f80, with uncommitted changes\ncommitted: 2026-11-26T14:22:00Z\ngo:        go1.26.8 linux/amd64\n"},
		"no vcs": {stamp{}, devel,
			"jakstat (development build)\ncommit:    unknown (built without version control information)\ngo:        go1.26.8 linux/amd64\n"},
		"only a version stamped": {stamp{version: "1.3.0"}, devel,
			"jakstat 1.3.0\ncommit:    unknown (built without version control information)\ngo:        go1.26.8 linux/amd64\n"},
		"stamped commit is clean": {stamp{commit: "feed"}, vcs,
			"jakstat v0.0.0-20261126142200-0f3c2a1b9e4d+dirty\ncommit:    feed\ncommitted: 2026-11-26T14:22:00Z\ngo:        go1.26.8 linux/amd64\n"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := readVersion(tc.stamp, tc.info, "linux/amd64").String(); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
	if readVersion(stamp{}, nil, "linux/amd64").Commit != "" {
		t.Error("no build information still gave a commit")
	}
	if d := readVersion(stamp{}, vcs, "").Day(); d != "2026-11-26" {
		t.Errorf("Day = %q", d)
	}
}

// buildJakstat builds the program in dir into a temporary folder with
// extra go build flags and returns the binary's path.
func buildJakstat(t *testing.T, dir string, flags ...string) string {
	t.Helper()
	if raceEnabled {
		t.Skip("builds a binary: nothing for the race detector to see")
	}
	gocmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	bin := filepath.Join(t.TempDir(), "jakstat")
	args := append([]string{"build", "-o", bin}, flags...)
	cmd := exec.Command(gocmd, append(args, ".")...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", strings.Join(flags, " "), err, out)
	}
	return bin
}

func runBinary(t *testing.T, bin string, args ...string) string {
	t.Helper()
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", bin, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// TestVersionStampedByLdflags: what a release build stamps is what
// --version and version print.
func TestVersionStampedByLdflags(t *testing.T) {
	bin := buildJakstat(t, ".", "-ldflags", "-X main.version=9.8.7 -X main.commit=0123456789abcdef -X main.date=2026-12-24T08:00:00Z")
	for _, args := range [][]string{{"--version"}, {"version"}} {
		out := runBinary(t, bin, args...)
		for _, want := range []string{"jakstat 9.8.7\n", "commit:    0123456789abcdef\n", "built:     2026-12-24T08:00:00Z\n"} {
			if !strings.Contains(out, want) {
				t.Errorf("%v lacks %q:\n%s", args, want, out)
			}
		}
	}
	if man := runBinary(t, bin, "man"); !strings.Contains(man, `"2026\-12\-24" "jakstat 9.8.7"`) {
		t.Errorf("the man page's footer lacks the version and date:\n%s", strings.SplitN(man, "\n", 2)[0])
	}
}

// TestVersionFromBuildInfo: a binary built in a git checkout reports the
// commit Go recorded, its time, and that the checkout had changes. It
// builds a copy of this working tree committed to a new repository: Go
// finds no repository in a linked worktree, whose .git is a file
// (golang/go#58218), and the test should build the code as it is now.
func TestVersionFromBuildInfo(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	files, err := exec.Command("git", "ls-files", "--cached", "--others", "--exclude-standard", "-z").Output()
	if err != nil {
		t.Skipf("not a git checkout: %v", err)
	}
	repo := filepath.Join(t.TempDir(), "jakstat")
	for _, f := range strings.Split(strings.TrimRight(string(files), "\x00"), "\x00") {
		data, err := os.ReadFile(f)
		if errors.Is(err, os.ErrNotExist) {
			continue // deleted, not yet committed
		}
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Join(repo, filepath.Dir(f)), 0o755)
		if err := os.WriteFile(filepath.Join(repo, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git := func(args ...string) string {
		t.Helper()
		args = append([]string{"-C", repo, "-c", "user.name=test", "-c", "user.email=test@example.com"}, args...)
		out, err := exec.Command("git", args...).CombinedOutput()
		if err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return strings.TrimSpace(string(out))
	}
	git("init", "--quiet")
	git("add", "-A")
	git("commit", "--quiet", "-m", "test")
	commit := git("rev-parse", "HEAD")
	// An edit not yet committed, which Go records as vcs.modified.
	if err := os.WriteFile(filepath.Join(repo, "README.md"), []byte("edited\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// -buildvcs=true: this machine's GOFLAGS may turn stamping off.
	bin := buildJakstat(t, repo, "-buildvcs=true")
	out := runBinary(t, bin, "version")
	first, _, _ := strings.Cut(out, "\n")
	for _, want := range []string{"commit:    " + commit + ", with uncommitted changes\n", "committed: "} {
		if !strings.Contains(out, want) {
			t.Errorf("version lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(first, commit[:12]) || !strings.HasSuffix(first, "+dirty") {
		t.Errorf("the version line %q should be Go's pseudo-version for %s, +dirty", first, commit[:12])
	}
}
