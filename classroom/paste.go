package classroom

import "io"

// maxPaste is the most of one bracketed paste a lesson is handed. The
// terminal reader underneath a lesson keeps a paste in memory until the
// paste ends, however long it is, so a client that starts a paste and never
// ends it (or pastes a gigabyte) would grow the server's memory without
// bound. No input of a lesson holds more than a few hundred characters
// (ui.MaxInput), so the rest of a longer paste is dropped here.
const maxPaste = 64 << 10

// Bracketed paste's markers, as a terminal sends them around a paste.
const (
	pasteStart = "\x1b[200~"
	pasteEnd   = "\x1b[201~"
)

// pasteLimit passes its reader's bytes on, but at most maxPaste bytes of a
// bracketed paste: the rest of the paste is dropped, and its end marker
// passed on, so the lesson sees a shorter paste that ends as it should.
type pasteLimit struct {
	r       io.Reader
	buf     []byte // read, not yet filtered
	out     []byte // filtered, not yet returned
	inPaste bool
	n       int    // bytes of the current paste passed on
	match   int    // how much of the marker looked for has been seen
	held    []byte // a possible end marker, past the limit: passed on only if it completes
}

func (p *pasteLimit) Read(b []byte) (int, error) {
	for len(p.out) == 0 {
		if cap(p.buf) < len(b) {
			p.buf = make([]byte, len(b))
		}
		n, err := p.r.Read(p.buf[:len(b)])
		for _, c := range p.buf[:n] {
			p.filter(c)
		}
		if err != nil || n == 0 {
			if len(p.out) == 0 {
				return 0, err
			}
			break
		}
	}
	n := copy(b, p.out)
	p.out = p.out[n:]
	if len(p.out) == 0 {
		p.out = p.out[:0:0] // let a large backlog go
	}
	return n, nil
}

// filter takes one byte of input.
func (p *pasteLimit) filter(c byte) {
	marker := pasteStart
	if p.inPaste {
		marker = pasteEnd
	}
	switch {
	case c == marker[p.match]:
		p.match++
	case c == marker[0]:
		p.match, p.held = 1, p.held[:0]
	default:
		p.match, p.held = 0, p.held[:0]
	}
	done := p.match == len(marker)
	switch {
	case !p.inPaste:
		p.out = append(p.out, c)
		if done {
			p.inPaste, p.n, p.match = true, 0, 0
		}
	case done:
		p.out = append(append(p.out, p.held...), c)
		p.inPaste, p.match, p.held = false, 0, p.held[:0]
	case p.n < maxPaste:
		p.out = append(p.out, c)
		p.n++
	case p.match > 0:
		p.held = append(p.held, c)
	}
}
