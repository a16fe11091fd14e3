package content

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong with a lesson, at a place an author can find.
type Problem struct {
	File string
	Line int // 0 when the problem is about the whole file
	Msg  string
}

// String formats the problem as file:line: message.
func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Errors is every problem found in a lesson; Load and Validate report them
// all at once so an author can fix a whole batch in one pass.
type Errors []Problem

// Error lists the problems one per line.
func (e Errors) Error() string {
	var b strings.Builder
	for i, p := range e {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}

func (e *Errors) add(file string, line int, format string, args ...any) {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	*e = append(*e, Problem{File: file, Line: line, Msg: msg})
}

func (e Errors) sort() {
	sort.SliceStable(e, func(i, j int) bool {
		if e[i].File != e[j].File {
			return e[i].File < e[j].File
		}
		return e[i].Line < e[j].Line
	})
}
