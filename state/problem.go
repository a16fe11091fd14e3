package state

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// ErrUnusable is every reason a state file that was read cannot be used.
var ErrUnusable = errors.New("saved progress cannot be used")

// ErrUnreadable is every reason a state file cannot be read at all.
var ErrUnreadable = errors.New("saved progress cannot be read")

// Problem is why saved progress was not used: what is wrong with the file,
// in a few words and in full, and where the file is now. It is ErrUnusable
// or ErrUnreadable (errors.Is).
type Problem struct {
	// What names the file by what is wrong with it: "Damaged progress",
	// "Progress from another version", "Unreadable progress".
	What string
	// Detail is what exactly is wrong: the JSON parser's message, the
	// version found, the operating system's error.
	Detail string
	// Path is where the file is now: where it was set aside when Moved,
	// else where it was found and left.
	Path  string
	Moved bool

	kind    error
	moveErr error  // why it could not be set aside
	lesson  string // the lesson the file belongs to, when it is another
}

func unusable(what, format string, args ...any) *Problem {
	return &Problem{What: what, Detail: fmt.Sprintf(format, args...), kind: ErrUnusable}
}

func unreadable(format string, args ...any) *Problem {
	return &Problem{What: "Unreadable progress", Detail: fmt.Sprintf(format, args...), kind: ErrUnreadable}
}

// Is makes a Problem ErrUnusable or ErrUnreadable, as its kind is.
func (p *Problem) Is(target error) bool { return target == p.kind }

// Error says it all in one line, for a log.
func (p *Problem) Error() string {
	switch {
	case p.Moved:
		return fmt.Sprintf("%s: %s: %s; kept as %s", p.kind, p.What, p.Detail, p.Path)
	case p.moveErr != nil:
		return fmt.Sprintf("%s: %s: %s; could not set it aside either: %v", p.kind, p.What, p.Detail, p.moveErr)
	}
	return fmt.Sprintf("%s: %s: %s; it was left where it is (%s)", p.kind, p.What, p.Detail, p.Path)
}

// Notice says in one line of at most cols columns what happened to the
// file and why, for the lesson's first screen: "Damaged progress moved to
// ~/.local/state/jakstat/progress.json.old". home (when not "") is shown
// as ~; a folder too long for the line loses its middle ("~/…/jakstat/").
func (p *Problem) Notice(home string, cols int) string {
	path := p.Path
	if home != "" && strings.HasPrefix(path, home+string(filepath.Separator)) {
		path = "~" + path[len(home):]
	}
	var line func(path string) string
	switch {
	case p.Moved:
		line = func(path string) string { return p.What + " moved to " + path }
	case p.moveErr != nil:
		return fit(p.What+" could not be moved aside: "+p.moveErr.Error(), cols)
	default:
		line = func(path string) string { return p.What + " (" + p.Detail + ") left at " + path }
	}
	if s := line(path); width(s) <= cols {
		return s
	}
	// Keep the first folder and the last, and the file's name: where it is
	// and what it is called matter more than the folders between.
	dir, base := filepath.Dir(path), filepath.Base(path)
	parts := strings.Split(dir, string(filepath.Separator))
	if len(parts) > 2 {
		short := strings.Join([]string{parts[0], "…", parts[len(parts)-1], base}, string(filepath.Separator))
		if s := line(short); width(s) <= cols {
			return s
		}
	}
	return fit(line(path), cols)
}

// fit cuts s to n columns, with an ellipsis when it is cut.
func fit(s string, n int) string {
	if width(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:max(n-1, 0)]) + "…"
}

// width counts columns as runes: a notice is paths and plain words, and
// state needs no terminal library to measure them.
func width(s string) int { return utf8.RuneCountInString(s) }
