package web

import (
	"bytes"
	"image/color"
	"io"
	"strconv"
	"sync"
	"unicode/utf8"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
)

// A screen is a browser's terminal. The lesson's program writes to it as
// to any terminal; a terminal emulator (x/vt) keeps what that draws, and
// each frame sends the page the rows that changed since the last, as runs
// of text with their colours and attributes: never escape codes. Keys go
// the other way, through the emulator, which writes them as that terminal
// would (with the modes the program asked for), together with its answers
// to the program's questions about the terminal, to the program's input.

// Attribute bits of a span, as the page reads them.
const (
	attrBold = 1 << iota
	attrFaint
	attrItalic
	attrUnderline
	attrReverse
	attrStrike
	attrConceal
	attrBlink
	attrWide // one character two columns wide
)

type screen struct {
	mu      sync.Mutex
	emu     *vt.Emulator
	w, h    int
	sent    [][]byte // each row's JSON as last sent; nil: send it
	cursor  string   // the cursor's JSON as last sent
	synced  bool     // the program is inside a synchronized update: hold frames
	colours map[color.Color]string
	changed chan struct{} // has a value when there may be a frame to send
	in      *inbox
	text    []byte // scratch for appendRow
	runs    []run
}

func newScreen(w, h int) *screen {
	s := &screen{emu: newEmulator(w, h), w: w, h: h, sent: make([][]byte, h), colours: map[color.Color]string{},
		changed: make(chan struct{}, 1), in: newInbox()}
	s.emu.SetCallbacks(vt.Callbacks{
		EnableMode:  func(m ansi.Mode) { s.setSync(m, true) },
		DisableMode: func(m ansi.Mode) { s.setSync(m, false) },
	})
	go s.relay()
	return s
}

// setSync follows the program's synchronized updates (mode 2026): a frame
// is sent only once the update is whole. Called under s.mu (from Write).
func (s *screen) setSync(m ansi.Mode, on bool) {
	if m == ansi.ModeSynchronizedOutput {
		s.synced = on
	}
}

// relay hands the emulator's output (keys, and answers to the program's
// queries) to the program's input. It never waits on the program: the
// emulator writes its answers while the program's output is being written,
// so waiting here could hold both up.
func (s *screen) relay() {
	buf := make([]byte, 4096)
	for {
		n, err := s.emu.Read(buf)
		s.in.write(buf[:n])
		if err != nil {
			s.in.close()
			return
		}
	}
}

// Write takes the program's output. Like a terminal's line discipline
// (ONLCR), it turns each newline into a carriage return and a newline:
// Bubble Tea, writing to something that is not a terminal, counts on that.
func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.touch()
	defer s.mu.Unlock()
	for rest := p; len(rest) > 0; {
		line, after, nl := bytes.Cut(rest, []byte{'\n'})
		if _, err := s.emu.Write(line); err != nil {
			return len(p) - len(rest), err
		}
		if nl {
			s.emu.Write([]byte("\r\n"))
		}
		rest = after
	}
	return len(p), nil
}

func (s *screen) touch() {
	select {
	case s.changed <- struct{}{}:
	default:
	}
}

// input is the program's input.
func (s *screen) input() io.Reader { return s.in }

// key types k.
func (s *screen) key(k uv.KeyPressEvent) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.emu.SendKey(k)
}

// scroll turns the mouse wheel over the screen's middle.
func (s *screen) scroll(up bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := uv.MouseWheelDown
	if up {
		b = uv.MouseWheelUp
	}
	s.emu.SendMouse(uv.MouseWheelEvent{X: s.w / 2, Y: s.h / 2, Button: b})
}

// resize changes the screen's size; the next frame sends every row.
func (s *screen) resize(w, h int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.emu.Resize(w, h)
	s.w, s.h, s.sent, s.cursor = w, h, make([][]byte, h), ""
}

// close ends the input (the program's reads end) and the relay.
func (s *screen) close() {
	if pw, ok := s.emu.InputPipe().(*io.PipeWriter); ok {
		pw.CloseWithError(io.EOF) // not Emulator.Close, which races with Read
	}
	s.in.close()
}

// frame is the rows that changed since the last frame, and the cursor, as
// a "frame" message; nil when nothing changed (or an update is not yet
// whole).
//
//	{"t":"frame","w":80,"h":24,"rows":[[y,[span,...]],...],"cursor":[x,y]}
//
// A span is ["text", fg, bg, attrs] with the trailing defaults left out: a
// colour is "#rrggbb", or "" for the page's own; attrs are the attr bits.
// A row's spans start at column 0; the row is blank after them.
func (s *screen) frame() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.synced {
		return nil
	}
	var rows []byte
	var buf []byte
	for y := range s.h {
		buf = s.appendRow(buf[:0], y)
		if s.sent[y] != nil && string(s.sent[y]) == string(buf) {
			continue
		}
		s.sent[y] = append(s.sent[y][:0], buf...)
		if rows != nil {
			rows = append(rows, ',')
		}
		rows = append(rows, '[')
		rows = strconv.AppendInt(rows, int64(y), 10)
		rows = append(rows, ',')
		rows = append(rows, buf...)
		rows = append(rows, ']')
	}
	cursor := "null"
	if !s.emu.CursorHidden() {
		p := s.emu.CursorPosition()
		cursor = "[" + strconv.Itoa(p.X) + "," + strconv.Itoa(p.Y) + "]"
	}
	if rows == nil && cursor == s.cursor {
		return nil
	}
	s.cursor = cursor
	out := make([]byte, 0, len(rows)+80)
	out = append(out, `{"t":"frame","w":`...)
	out = strconv.AppendInt(out, int64(s.w), 10)
	out = append(out, `,"h":`...)
	out = strconv.AppendInt(out, int64(s.h), 10)
	out = append(out, `,"rows":[`...)
	out = append(out, rows...)
	out = append(out, `],"cursor":`...)
	out = append(out, cursor...)
	return append(out, '}')
}

// style is what a span's cells share.
type style struct {
	fg, bg string
	attrs  int
}

// run is a row's cells of one style: where their text starts.
type run struct {
	st    style
	start int
}

// appendRow appends row y as a JSON array of spans. Under s.mu.
func (s *screen) appendRow(out []byte, y int) []byte {
	text, runs := s.text[:0], s.runs[:0]
	for x := 0; x < s.w; x++ {
		c := s.emu.CellAt(x, y)
		content, st := " ", style{}
		if c != nil {
			if c.Width == 0 && c.Content == "" {
				continue // the second column of a wide character
			}
			if c.Content != "" {
				content = c.Content
			}
			st = s.style(c)
			if c.Width > 1 {
				st.attrs |= attrWide
			}
		}
		if n := len(runs); n == 0 || runs[n-1].st != st || st.attrs&attrWide != 0 {
			runs = append(runs, run{st: st, start: len(text)})
		}
		text = append(text, content...)
	}
	// Spaces that show nothing at the end of the row are left out.
	end := len(text)
	for len(runs) > 0 {
		last := runs[len(runs)-1]
		if !plain(last.st) {
			break
		}
		if kept := bytes.TrimRight(text[last.start:end], " "); len(kept) > 0 {
			end = last.start + len(kept)
			break
		}
		end = last.start
		runs = runs[:len(runs)-1]
	}
	out = append(out, '[')
	for i, r := range runs {
		stop := end
		if i+1 < len(runs) {
			stop = runs[i+1].start
		}
		if i > 0 {
			out = append(out, ',')
		}
		out = appendSpan(out, text[r.start:stop], r.st)
	}
	s.text, s.runs = text, runs
	return append(out, ']')
}

// plain says whether a space in style st shows nothing: no background,
// no underline, strike or reverse.
func plain(st style) bool {
	return st.bg == "" && st.attrs&(attrUnderline|attrReverse|attrStrike) == 0
}

func appendSpan(out, text []byte, st style) []byte {
	out = append(out, '[')
	out = appendString(out, text)
	if st != (style{}) {
		out = append(out, ',')
		out = appendString(out, []byte(st.fg))
	}
	if st.bg != "" || st.attrs != 0 {
		out = append(out, ',')
		out = appendString(out, []byte(st.bg))
	}
	if st.attrs != 0 {
		out = append(out, ',')
		out = strconv.AppendInt(out, int64(st.attrs), 10)
	}
	return append(out, ']')
}

// appendString appends s as a JSON string. s is UTF-8 (the emulator's
// cells hold whole characters); anything else becomes U+FFFD.
func appendString(out, s []byte) []byte {
	const hex = "0123456789abcdef"
	out = append(out, '"')
	for len(s) > 0 {
		r, n := utf8.DecodeRune(s)
		switch {
		case r == '"' || r == '\\':
			out = append(out, '\\', byte(r))
		case r < 0x20 || r == 0x7f:
			out = append(out, '\\', 'u', '0', '0', hex[r>>4], hex[r&15])
		case r == utf8.RuneError && n == 1:
			out = append(out, "\ufffd"...)
		default:
			out = append(out, s[:n]...)
		}
		s = s[n:]
	}
	return append(out, '"')
}

// style is a cell's style as the page draws it.
func (s *screen) style(c *uv.Cell) style {
	st := style{fg: s.colour(c.Style.Fg), bg: s.colour(c.Style.Bg)}
	a := c.Style.Attrs
	for _, m := range [...]struct {
		uv   uint8
		page int
	}{
		{uv.AttrBold, attrBold}, {uv.AttrFaint, attrFaint}, {uv.AttrItalic, attrItalic}, {uv.AttrReverse, attrReverse},
		{uv.AttrStrikethrough, attrStrike}, {uv.AttrConceal, attrConceal}, {uv.AttrBlink | uv.AttrRapidBlink, attrBlink},
	} {
		if a&m.uv != 0 {
			st.attrs |= m.page
		}
	}
	if c.Style.Underline != uv.UnderlineNone {
		st.attrs |= attrUnderline
	}
	return st
}

// colour is c as "#rrggbb", or "" for the page's default.
func (s *screen) colour(c color.Color) string {
	if c == nil {
		return ""
	}
	if hex, ok := s.colours[c]; ok {
		return hex
	}
	r, g, b, _ := c.RGBA()
	hex := "#" + byteHex(r>>8) + byteHex(g>>8) + byteHex(b>>8)
	if len(s.colours) > 1024 {
		clear(s.colours) // a lesson uses a few dozen; never let a stranger grow it
	}
	s.colours[c] = hex
	return hex
}

func byteHex(v uint32) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[v>>4&15], digits[v&15]})
}
