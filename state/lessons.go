package state

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Each lesson keeps its progress in a file of its own in the state folder,
// so running one lesson never touches another's:
//
//   - the built-in lesson in progress.json, the name every build has used,
//     so a learner's progress is still found after an upgrade;
//   - a lesson folder in progress-NAME-HASH.json: NAME is the folder's
//     name made safe for any file system, HASH comes from the folder's
//     full path. The path, not the lesson's title or steps, names the
//     lesson: an author editing it (under --watch or not) is still working
//     on the same lesson, and two copies of one folder are two learners'
//     places;
//   - progress found in a lesson's file that belongs to another lesson
//     (or another edition of it) in progress-FINGERPRINT.json, where the
//     lesson with that fingerprint finds it (see File.Adopt).

// ShippedName is the built-in lesson's progress file.
const ShippedName = "progress.json"

// ForLesson is the progress file in the state folder dir for the lesson in
// the folder lesson, or for the built-in lesson when lesson is "".
func ForLesson(dir, lesson string) (File, error) {
	if lesson == "" {
		return File{Path: filepath.Join(dir, ShippedName)}, nil
	}
	abs, err := filepath.Abs(lesson)
	if err != nil {
		return File{}, err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real // a link to the folder is the same lesson
	}
	sum := sha256.Sum256([]byte(abs))
	name := "progress-" + slug(filepath.Base(abs)) + "-" + hex.EncodeToString(sum[:4]) + ".json"
	return File{Path: filepath.Join(dir, name)}, nil
}

// maxSlug is the most of a folder's name kept in a file's name: enough
// to tell lessons apart by eye, short enough for a one-line notice.
const maxSlug = 24

// slug is a folder's name as lower-case ASCII letters and digits joined by
// single hyphens: safe in a file name on every system, whatever the folder
// is called. A name with none of those is "lesson".
func slug(name string) string {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < '0' || r > '9')
	})
	s := strings.Join(words, "-")
	if len(s) > maxSlug {
		s = strings.TrimRight(s[:maxSlug], "-")
	}
	if s == "" {
		return "lesson"
	}
	return s
}

// othersName is where progress of the lesson with fingerprint fp waits
// when it was found in another lesson's file, or "" when fp is not a
// fingerprint (a file's content never chooses a path).
func othersName(fp string) string {
	if len(fp) != 16 || strings.Trim(fp, "0123456789abcdef") != "" {
		return ""
	}
	return "progress-" + fp + ".json"
}

// keepForOthers moves a file holding another lesson's progress (the lesson
// with fingerprint fp) to where that lesson looks for it, and returns
// where it went. An older file there is set aside first, so nothing is
// overwritten. ok is false when fp cannot name a file.
func (f File) keepForOthers(fp string) (path string, ok bool, err error) {
	name := othersName(fp)
	if name == "" {
		return "", false, nil
	}
	dest := File{Path: filepath.Join(filepath.Dir(f.Path), name)}
	if dest.Path == f.Path {
		return "", false, nil
	}
	if _, err := os.Lstat(dest.Path); err == nil {
		if _, err := dest.setAside(); err != nil {
			return "", true, err
		}
	}
	return dest.Path, true, os.Rename(f.Path, dest.Path)
}

// Resume is Load, then, when f held no progress of this lesson (there was
// no file, or it was moved away as Load does), Adopt and Load again: the
// lesson's own progress kept elsewhere is found whichever lesson ran
// first. A problem with f is returned even when progress was adopted
// (ok and a non-nil error), so the learner is still told where the file
// went. A failed adoption is an error when nothing else went wrong.
func (f File) Resume(lesson string, steps int) (s State, ok bool, err error) {
	s, ok, err = f.Load(lesson, steps)
	var p *Problem
	if ok || err != nil && !(errors.As(err, &p) && p.Moved) {
		return s, ok, err
	}
	from, aerr := f.Adopt(lesson, steps)
	switch {
	case aerr != nil && err == nil:
		return State{}, false, fmt.Errorf("this lesson's progress in %s could not be moved: %w", from, aerr)
	case from == "" || aerr != nil:
		return State{}, false, err
	}
	s, ok, lerr := f.Load(lesson, steps)
	if err == nil {
		err = lerr
	}
	return s, ok, err
}

// Adopt gives f, which holds no progress yet, the newest progress of the
// lesson with fingerprint lesson (and steps steps) kept elsewhere in its
// folder: a file another lesson found it in (progress-FINGERPRINT.json),
// and what builds that kept every lesson in progress.json left there or
// set aside as progress.json.old, .old-2... The file is moved, not copied,
// so it is adopted once. It returns the file adopted, or "" when there was
// none (or f exists); only a failed move is an error.
func (f File) Adopt(lesson string, steps int) (string, error) {
	if _, err := os.Lstat(f.Path); !errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	dir := filepath.Dir(f.Path)
	var found []string
	if name := othersName(lesson); name != "" {
		found = append(found, filepath.Join(dir, name))
	}
	if filepath.Base(f.Path) != ShippedName {
		found = append(found, filepath.Join(dir, ShippedName))
	}
	old, _ := filepath.Glob(filepath.Join(dir, ShippedName+".old*"))
	found = append(found, old...)
	best, newest := "", State{}
	for _, path := range found {
		data, err := File{Path: path}.read()
		if err != nil {
			continue
		}
		s, err := Parse(data, lesson, steps)
		if err == nil && (best == "" || s.Saved.After(newest.Saved)) {
			best, newest = path, s
		}
	}
	if best == "" {
		return "", nil
	}
	return best, os.Rename(best, f.Path)
}
