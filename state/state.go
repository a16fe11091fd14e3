// Package state keeps a learner's progress between runs: where they were,
// what they answered. The file is written atomically (a temporary file,
// then a rename), so a crash or a second copy of the program never leaves
// a half-written file, and a file that cannot be read is set aside rather
// than lost or trusted.
package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// Version is the state file format this build writes and reads.
const Version = 1

// State is what is kept between runs.
type State struct {
	Version int `json:"version"`
	// Lesson fingerprints the lesson the progress belongs to; progress in
	// another lesson (or another edition of this one) does not carry over.
	Lesson  string          `json:"lesson"`
	Step    int             `json:"step"`
	Answers map[string]bool `json:"answers,omitempty"` // question id -> answered right
	Saved   time.Time       `json:"saved"`
}

// ErrUnusable wraps every reason a state file cannot be used as it is.
var ErrUnusable = errors.New("saved progress cannot be used")

// Parse reads a state file's bytes. It never panics; anything it cannot
// use is an error wrapping ErrUnusable.
func Parse(data []byte, lesson string) (State, error) {
	var s State
	if err := json.Unmarshal(data, &s); err != nil {
		return State{}, fmt.Errorf("%w: not a state file (%v)", ErrUnusable, err)
	}
	switch {
	case s.Version != Version:
		return State{}, fmt.Errorf("%w: written by another version of jakstat (format %d)", ErrUnusable, s.Version)
	case s.Lesson != lesson:
		return State{}, fmt.Errorf("%w: it belongs to another edition of the lesson", ErrUnusable)
	case s.Step < 0:
		return State{}, fmt.Errorf("%w: step %d", ErrUnusable, s.Step)
	}
	return s, nil
}

// Dir is the folder the state file lives in, on this machine: see DirFor.
func Dir(getenv func(string) string) (string, error) {
	return DirFor(runtime.GOOS, getenv)
}

// DirFor is the state folder on the operating system goos (a runtime.GOOS
// value) with the environment getenv, so that every platform's rule can be
// tested on any of them:
//
//   - Windows: %LocalAppData%\jakstat (local, not roaming: progress belongs
//     to this machine);
//   - macOS: $XDG_STATE_HOME/jakstat when set, else
//     ~/Library/Application Support/jakstat;
//   - Linux and other Unixes: $XDG_STATE_HOME/jakstat, else
//     ~/.local/state/jakstat.
func DirFor(goos string, getenv func(string) string) (string, error) {
	if goos == "windows" {
		d := getenv("LocalAppData")
		if d == "" {
			return "", errors.New("%LocalAppData% is not set")
		}
		return strings.TrimRight(d, `\/`) + `\jakstat`, nil
	}
	if d := getenv("XDG_STATE_HOME"); path.IsAbs(d) {
		return path.Join(d, "jakstat"), nil
	}
	homeVar := "HOME"
	if goos == "plan9" {
		homeVar = "home"
	}
	home := getenv(homeVar)
	if home == "" {
		return "", fmt.Errorf("$%s is not set", homeVar)
	}
	switch goos {
	case "darwin", "ios":
		return path.Join(home, "Library", "Application Support", "jakstat"), nil
	case "plan9":
		return path.Join(home, "lib", "jakstat"), nil
	}
	return path.Join(home, ".local", "state", "jakstat"), nil
}

// File is one state file on disk.
type File struct {
	Path string
}

// Load reads the state. A missing file is no progress (ok false, nil
// error). A file that cannot be used is renamed aside, so nothing is
// lost, and the error says where it went.
func (f File) Load(lesson string) (s State, ok bool, err error) {
	data, err := os.ReadFile(f.Path)
	if errors.Is(err, os.ErrNotExist) {
		return State{}, false, nil
	}
	if err == nil {
		s, err = Parse(data, lesson)
		if err == nil {
			return s, true, nil
		}
	}
	aside := f.Path + ".unreadable-" + time.Now().Format("20060102-150405")
	if rerr := os.Rename(f.Path, aside); rerr != nil {
		return State{}, false, fmt.Errorf("%w; could not set it aside either: %v", err, rerr)
	}
	return State{}, false, fmt.Errorf("%w; kept as %s", err, aside)
}

// Save writes s atomically: a temporary file in the same folder, synced,
// then renamed over the old one. Readers see the old file or the new one,
// never part of either.
func (f File) Save(s State) error {
	s.Version = Version
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(f.Path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".state-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), f.Path)
}

// Reset removes the state file; a missing one is not an error.
func (f File) Reset() error {
	if err := os.Remove(f.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// Saver writes states in the background, latest first: a burst of saves
// while a learner flips through steps costs one write, and no key press
// waits for the disk.
type Saver struct {
	file    File
	pending chan State
	done    chan error
}

// NewSaver starts a saver writing to f.
func NewSaver(f File) *Saver {
	s := &Saver{file: f, pending: make(chan State, 1), done: make(chan error, 1)}
	go s.run()
	return s
}

func (s *Saver) run() {
	var last error
	for st := range s.pending {
		if err := s.file.Save(st); err != nil {
			last = err
		}
	}
	s.done <- last
}

// Submit queues st, replacing any state not yet written. It never blocks.
func (s *Saver) Submit(st State) {
	for {
		select {
		case s.pending <- st:
			return
		default:
		}
		select {
		case <-s.pending: // drop the older state; the newer one supersedes it
		default:
		}
	}
}

// Close writes whatever is queued, stops the saver and reports the last
// write error, if any.
func (s *Saver) Close() error {
	close(s.pending)
	return <-s.done
}
