// Package state keeps a learner's progress between runs: where they were,
// what they answered, in a file for each lesson (lessons.go). The file is written atomically (a temporary file,
// then a rename), so a crash or a second copy of the program never leaves
// a half-written file. A file that was read but cannot be used is set
// aside rather than lost or trusted; one that cannot be read at all is
// left where it is.
package state

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
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

// MaxSize is the largest state file Load reads. Progress takes a few
// hundred bytes; a file far larger is not progress, and reading it would
// hold up the lesson's start.
const MaxSize = 1 << 20

// Parse reads a state file's bytes for a lesson with the given fingerprint
// and number of steps. It never panics; anything it cannot use is a
// *Problem, which is ErrUnusable.
func Parse(data []byte, lesson string, steps int) (State, error) {
	var s State
	if err := json.Unmarshal(data, &s); err != nil {
		return State{}, unusable("Damaged progress", "not a state file (%v)", err)
	}
	switch {
	case s.Version != Version:
		return State{}, unusable("Progress from another version", "written by another version of jakstat (format %d)", s.Version)
	case s.Lesson != lesson:
		p := unusable("Progress of another lesson", "it belongs to another lesson, or another edition of this one")
		p.lesson = s.Lesson
		return State{}, p
	case s.Step < 0:
		return State{}, unusable("Damaged progress", "step %d", s.Step)
	case s.Step >= steps:
		return State{}, unusable("Progress past the last step", "step %d is past the lesson's end (%d steps)", s.Step+1, steps)
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

// Load reads the state for a lesson with the given fingerprint and number
// of steps. A missing file is no progress (ok false, nil error). Any other
// problem is a *Problem saying what is wrong and where the file is now. A
// file that cannot be read (no permission, not a regular file) is left
// alone: the error is ErrUnreadable. A file that was read but cannot be
// used (damaged, another version, too large) is renamed aside, so nothing
// is lost: the error is ErrUnusable. Another lesson's progress (or another
// edition's) is moved to where that lesson looks for it (see Adopt).
func (f File) Load(lesson string, steps int) (s State, ok bool, err error) {
	data, err := f.read()
	switch {
	case errors.Is(err, os.ErrNotExist):
		return State{}, false, nil
	case err == nil:
		s, err = Parse(data, lesson, steps)
		if err == nil {
			return s, true, nil
		}
	}
	var p *Problem
	if !errors.As(err, &p) {
		return State{}, false, err
	}
	p.Path = f.Path
	if p.kind == ErrUnreadable {
		return State{}, false, p
	}
	if p.lesson != "" {
		kept, ok, rerr := f.keepForOthers(p.lesson)
		switch {
		case ok && rerr != nil:
			p.moveErr = rerr
			return State{}, false, p
		case ok:
			p.Path, p.Moved = kept, true
			return State{}, false, p
		}
	}
	aside, rerr := f.setAside()
	if rerr != nil {
		p.moveErr = rerr
		return State{}, false, p
	}
	p.Path, p.Moved = aside, true
	return State{}, false, p
}

// setAside renames the file to the first free name of progress.json.old,
// progress.json.old-2, and so on, and returns it.
func (f File) setAside() (string, error) {
	for n := 1; n <= 99; n++ {
		aside := f.Path + ".old"
		if n > 1 {
			aside += "-" + strconv.Itoa(n)
		}
		if _, err := os.Lstat(aside); errors.Is(err, os.ErrNotExist) {
			return aside, os.Rename(f.Path, aside)
		}
	}
	aside := f.Path + ".old-" + time.Now().Format("20060102-150405")
	return aside, os.Rename(f.Path, aside)
}

// read reads the file if it is a regular file of at most MaxSize bytes. It
// opens without blocking, so a FIFO put in the file's place cannot hold
// the lesson's start for good, and checks the file it opened, not the
// name, so nothing can be swapped in between.
func (f File) read() ([]byte, error) {
	file, err := os.OpenFile(f.Path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	if err != nil {
		return nil, unreadable("%v", errText(err))
	}
	defer file.Close()
	info, err := file.Stat()
	switch {
	case err != nil:
		return nil, unreadable("%v", errText(err))
	case !info.Mode().IsRegular():
		return nil, unreadable("not a regular file")
	case info.Size() > MaxSize:
		return nil, unusable("Oversized progress file", "too large to be progress (%d bytes)", info.Size())
	}
	data, err := io.ReadAll(io.LimitReader(file, MaxSize+1))
	switch {
	case err != nil:
		return nil, unreadable("%v", errText(err))
	case len(data) > MaxSize: // it grew while being read
		return nil, unusable("Oversized progress file", "too large to be progress")
	}
	return data, nil
}

// errText is an error without the path an *os.PathError repeats.
func errText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

// Writable checks that the state folder can take the file, by creating it
// and a temporary file there; a problem is reported when the lesson
// starts, not first when it ends.
func (f File) Writable() error {
	tmp, err := f.createTemp()
	if err != nil {
		return err
	}
	tmp.Close()
	return os.Remove(tmp.Name())
}

// createTemp makes the state folder (private) and a temporary file in it,
// beside the state file, so a rename replaces the file in one step.
func (f File) createTemp() (*os.File, error) {
	dir := filepath.Dir(f.Path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	return os.CreateTemp(dir, ".state-*.tmp")
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
	return f.write(append(data, '\n'))
}

// write replaces the file with data atomically.
func (f File) write(data []byte) error {
	tmp, err := f.createTemp()
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
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

// Bytes is a state file of any content, read and written as File's are:
// a classroom keeps its place in one.
type Bytes struct{ File }

// Load reads the file: nil and no error when there is none yet. A file
// that is not a regular file, or larger than MaxSize, is an error.
func (b Bytes) Load() ([]byte, error) {
	data, err := b.read()
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	return data, err
}

// Save replaces the file with data atomically.
func (b Bytes) Save(data []byte) error { return b.write(data) }

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

func (s *Saver) run() { s.done <- drain(s.pending, s.file.Save) }

// drain saves every state until pending closes and returns the last
// save's error: a save that works after one that failed leaves nothing lost.
func drain(pending <-chan State, save func(State) error) error {
	var last error
	for st := range pending {
		last = save(st)
	}
	return last
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

// Close writes whatever is queued, stops the saver and reports the error of
// the last write, if it failed: only then is progress lost.
func (s *Saver) Close() error {
	close(s.pending)
	return <-s.done
}
