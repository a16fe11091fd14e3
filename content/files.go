package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Size caps for the files of a lesson folder. A step is one screen of
// reading: the longest shipped step is under 2 KiB, and 64 KiB is some
// 10,000 words, far past anything a learner reads on one screen, yet it
// renders in about 20-30 ms (measured at 40 columns on the shared 2-core
// machine), once per width. Without a cap, a 10 MB step made every
// follower in a classroom wait 7 s for the step. Data files hold many rows
// and get more room: the largest shipped one is 13 KiB.
const (
	maxStepBytes = 64 << 10
	maxDataBytes = 1 << 20
)

// readLessonFile reads a file of the lesson folder once it has shown it is
// safe to read: not a link out of the folder, a regular file (not a folder
// or a pipe), within its size cap, and text a terminal can show (UTF-8
// without NUL or control bytes). A file that fails is reported once, with
// the first cause, and is not parsed: parsing bad bytes only adds noise.
func readLessonFile(fsys fs.FS, name string, limit int64, p *Errors) ([]byte, bool) {
	if target, out := linkOutside(fsys, name); out {
		p.add(name, 0, "is a link to %s, outside the lesson folder: copy the file into the folder instead", target)
		return nil, false
	}
	info, err := fs.Stat(fsys, name)
	if err != nil {
		p.add(name, 0, "cannot read: %s", errText(err))
		return nil, false
	}
	switch {
	case info.IsDir():
		p.add(name, 0, "is a folder, not a file")
		return nil, false
	case !info.Mode().IsRegular():
		p.add(name, 0, "is not a regular file")
		return nil, false
	case info.Size() > limit:
		p.add(name, 0, "%s", tooBig(name, info.Size(), limit))
		return nil, false
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		p.add(name, 0, "cannot read: %s", errText(err))
		return nil, false
	}
	if int64(len(data)) > limit { // it grew after Stat
		p.add(name, 0, "%s", tooBig(name, int64(len(data)), limit))
		return nil, false
	}
	data = lineEnds(data)
	if line, msg := badText(data); msg != "" {
		p.add(name, line, "%s", msg)
		return nil, false
	}
	return data, true
}

func tooBig(name string, size, limit int64) string {
	what, advice := "a data file", "split its rows into fewer, shorter entries"
	if stepName.MatchString(name) {
		what, advice = "a step", "split it into several steps"
	}
	return fmt.Sprintf("is %s; %s may be at most %s: %s", kib(size), what, kib(limit), advice)
}

// kib writes a size for a message: 70 KiB, 1 MiB, 1.1 MiB.
func kib(n int64) string {
	switch {
	case n < 1<<20:
		return fmt.Sprintf("%d KiB", (n+1023)>>10)
	case n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// lineEnds turns Windows (CRLF) and old Mac (CR) line ends into LF, so that
// every line number, from YAML, from the Markdown parser or our own, counts
// the same lines.
func lineEnds(data []byte) []byte {
	if bytes.IndexByte(data, '\r') < 0 {
		return data
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
}

// badText finds the first thing in data that is not text a terminal can
// show: invalid UTF-8, a NUL byte, or a control character (which a terminal
// would obey as a command). Tabs, line ends and a leading BOM are fine.
func badText(data []byte) (line int, msg string) {
	line = 1
	for i := 0; i < len(data); {
		c := data[i]
		if c == '\n' {
			line++
			i++
			continue
		}
		if c < utf8.RuneSelf {
			switch {
			case c == 0:
				return line, "NUL byte: the file is binary or damaged; save it as UTF-8 text"
			case c == '\t' || c == '\r':
			case c < 0x20 || c == 0x7f:
				return line, fmt.Sprintf("control character U+%04X: remove it (a terminal would obey it as a command)", c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return line, fmt.Sprintf("invalid UTF-8 (byte 0x%02X): save the file as UTF-8 text", c)
		case r >= 0x80 && r <= 0x9f:
			return line, fmt.Sprintf("control character U+%04X: remove it (a terminal would obey it as a command)", r)
		}
		i += size
	}
	return 0, ""
}

// linkOutside follows name through the folder component by component, as
// the operating system would, and reports a symbolic link anywhere on the
// way that leads out of the folder (an absolute target, or one climbing
// above it with ".."). It returns the link's target for the message.
// Links that stay inside the folder are fine.
func linkOutside(fsys fs.FS, name string) (string, bool) {
	todo := strings.Split(name, "/")
	var at []string // the components resolved so far, all inside the folder
	target := name  // the last link followed, for the message
	for hops := 0; len(todo) > 0; {
		part := todo[0]
		todo = todo[1:]
		switch part {
		case "", ".":
			continue
		case "..":
			if len(at) == 0 {
				return target, true
			}
			at = at[:len(at)-1]
			continue
		}
		cur := path.Join(append(at, part)...)
		info, err := fs.Lstat(fsys, cur)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			at = append(at, part)
			continue
		}
		link, err := fs.ReadLink(fsys, cur)
		if err != nil {
			at = append(at, part) // reading it will fail with a clearer message
			continue
		}
		target = filepath.ToSlash(link)
		if hops++; hops > 40 {
			return "", false // a loop: reading it fails with the system's own message
		}
		if path.IsAbs(target) || filepath.IsAbs(link) {
			return target, true
		}
		todo = append(strings.Split(target, "/"), todo...)
	}
	return "", false
}

// files lists the files the problems are in.
func (e Errors) files() map[string]bool {
	m := make(map[string]bool, len(e))
	for _, p := range e {
		m[p.File] = true
	}
	return m
}

// loaded says whether Load read file (a data file, or any step when file
// is "steps"). Checks that look things up in a file that failed to load
// are skipped: one bad byte in sources.yaml is one problem, not one for
// every citation in the lesson.
func (l *Lesson) loaded(file string) bool {
	if file != "steps" {
		return !l.unloaded[file]
	}
	for f := range l.unloaded {
		if f == "." || stepName.MatchString(f) || path.Ext(f) == ".md" {
			return false
		}
	}
	return true
}
