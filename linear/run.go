package linear

import (
	"bufio"
	"context"
	"errors"
	"io"
	"regexp"
	"strings"
	"time"
	"unicode"

	"jakstat/views"
)

// Run holds the conversation: the opening, then a prompt and a line read
// in turn until the learner quits, input ends (Ctrl+D, or the end of a
// pipe) or ctx is cancelled (Ctrl+C); each of these says goodbye. It
// returns an error only when out cannot be written to.
//
// Every byte written is plain text: no escape sequence, no carriage
// return, no backspace, nothing that moves the cursor but a line break.
func Run(ctx context.Context, s *Session, in io.Reader, out io.Writer) error {
	w := &writer{out: out, width: s.opts.Width}
	stop := make(chan struct{})
	defer close(stop)
	lines := readLines(in, stop)
	w.write(s.Start())
	for !s.Done() && w.err == nil {
		w.write(s.Prompt())
		select {
		case <-ctx.Done():
			w.write("\n" + s.Stop(Interrupted))
		case line, ok := <-lines:
			switch {
			case !ok:
				w.write("\n" + s.Stop(EndOfInput))
			case s.opts.Echo:
				w.write(Clean(line) + "\n")
				fallthrough
			default:
				w.write(s.Handle(line))
			}
		}
	}
	return w.err
}

// readLines sends each line of in, without its line ending, until in ends
// or stop closes. A line is cut at 4 KiB (the rest is dropped): commands
// are short, and an endless line must not take the memory.
func readLines(in io.Reader, stop <-chan struct{}) <-chan string {
	const most = 4 << 10
	lines := make(chan string)
	go func() {
		defer close(lines)
		r := bufio.NewReaderSize(in, most)
		for {
			line, err := r.ReadSlice('\n')
			text := string(line)
			for errors.Is(err, bufio.ErrBufferFull) { // drop the rest of an overlong line
				_, err = r.ReadSlice('\n')
			}
			if text != "" || err == nil {
				select {
				case lines <- strings.TrimRight(text, "\r\n"):
				case <-stop:
					return
				}
			}
			if err != nil {
				return
			}
		}
	}()
	return lines
}

// writer writes text safely: anything but printable text and line breaks
// is dropped, and lines are wrapped when a width is set. The first error
// stops all writing.
type writer struct {
	out   io.Writer
	width int
	err   error
}

func (w *writer) write(text string) {
	if w.err != nil || text == "" {
		return
	}
	text = plainText(text)
	if w.width > 0 {
		text = wrapText(text, w.width)
	}
	_, w.err = io.WriteString(w.out, text)
}

// plainText keeps printable characters and line breaks: tabs become
// spaces, and escape, carriage return, backspace and every other control
// character (C0 and C1) are dropped, so nothing a lesson file or a
// terminal could smuggle in moves the cursor or rewrites a line.
func plainText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

// wrapText wraps every line longer than width at spaces; a list item's
// continuation lines line up under its text. A line's trailing space (a
// prompt's) is kept.
func wrapText(s string, width int) string {
	lines := strings.Split(s, "\n")
	for i, ln := range lines {
		if len([]rune(ln)) <= width {
			continue
		}
		prefix := listPrefix.FindString(ln)
		pad := strings.Repeat(" ", len(prefix))
		wrapped := strings.Split(views.Wrap(ln[len(prefix):], max(width-len(prefix), 10)), "\n")
		for j := range wrapped {
			if j == 0 {
				wrapped[j] = prefix + wrapped[j]
			} else {
				wrapped[j] = pad + wrapped[j]
			}
		}
		if strings.HasSuffix(ln, " ") {
			wrapped[len(wrapped)-1] += " "
		}
		lines[i] = strings.Join(wrapped, "\n")
	}
	return strings.Join(lines, "\n")
}

// listPrefix is the indent and marker of a list item or numbered line.
var listPrefix = regexp.MustCompile(`^ *(?:- |\d{1,3}\. )?`)

// isoDate finds dates written 2026-11-26 or 2024-03.
var isoDate = regexp.MustCompile(`\b(\d{4})-(\d{2})(?:-(\d{2}))?\b`)

// spoken rewrites what speech reads badly: a date written 2026-11-26 is
// read as numbers and dashes, so it becomes "26 November 2026" (2024-03
// becomes "March 2024"); "vs" is spelled out. Anything that is not a real
// date stays as it is.
func spoken(s string) string {
	s = isoDate.ReplaceAllStringFunc(s, func(d string) string {
		if t, err := time.Parse("2006-01-02", d); err == nil {
			return t.Format("2 January 2006")
		}
		if t, err := time.Parse("2006-01", d); err == nil {
			return t.Format("January 2006")
		}
		return d
	})
	return versus.ReplaceAllString(s, "${1}versus${2}")
}

// versus finds "vs" and "vs." as a word.
var versus = regexp.MustCompile(`(^|\s)vs\.?(\s|$)`)
