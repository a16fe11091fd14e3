package web

import (
	"encoding/json"
	"io"
	"runtime"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/vt"
)

// frameMsg is a frame as the page reads it.
type frameMsg struct {
	T      string              `json:"t"`
	Rows   [][]json.RawMessage `json:"rows"`
	Cursor []int               `json:"cursor"`
}

// rowsOf decodes a frame's rows: y -> the row's spans, as JSON.
func rowsOf(t *testing.T, frame []byte) map[int]string {
	t.Helper()
	var f frameMsg
	if err := json.Unmarshal(frame, &f); err != nil || f.T != "frame" {
		t.Fatalf("not a frame (%v): %s", err, frame)
	}
	out := map[int]string{}
	for _, r := range f.Rows {
		var y int
		if len(r) != 2 || json.Unmarshal(r[0], &y) != nil {
			t.Fatalf("a row %s", r)
		}
		out[y] = string(r[1])
	}
	return out
}

// TestSpans: what a program draws reaches the page as runs of text with
// their colours and attributes, never as escape codes.
func TestSpans(t *testing.T) {
	cases := []struct {
		name, out string
		want      string // row 0's spans
	}{
		{"plain", "hello", `[["hello"]]`},
		{"trailing blanks left out", "hi   ", `[["hi"]]`},
		{"blanks between kept", "a   b", `[["a   b"]]`},
		{"bold", "\x1b[1mB\x1b[m", `[["B","","",1]]`},
		{"faint", "\x1b[2mF\x1b[m", `[["F","","",2]]`},
		{"italic", "\x1b[3mI\x1b[m", `[["I","","",4]]`},
		{"underline", "\x1b[4mU\x1b[m", `[["U","","",8]]`},
		{"curly underline", "\x1b[4:3mU\x1b[m", `[["U","","",8]]`},
		{"reverse", "\x1b[7mR\x1b[m", `[["R","","",16]]`},
		{"strike", "\x1b[9mS\x1b[m", `[["S","","",32]]`},
		{"bold italic underline", "\x1b[1;3;4mX\x1b[m", `[["X","","",13]]`},
		{"true colour", "\x1b[38;2;1;2;3;48;2;250;128;15mC\x1b[m", `[["C","#010203","#fa800f"]]`},
		{"256 colours", "\x1b[38;5;196mC\x1b[m", `[["C","#ff0000"]]`},
		{"runs", "a\x1b[1mbc\x1b[mde", `[["a"],["bc","","",1],["de"]]`},
		{"a coloured blank at the end", "a\x1b[48;2;0;0;255m \x1b[m", `[["a"],[" ","","#0000ff"]]`},
		{"an underlined blank at the end", "a\x1b[4m \x1b[m", `[["a"],[" ","","",8]]`},
		{"wide characters", "a世界b", `[["a"],["世","","",256],["界","","",256],["b"]]`},
		{"JSON's own characters", `say "\"`, `[["say \"\\\""]]`},
		{"emoji", "ok ✅", `[["ok "],["✅","","",256]]`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newScreen(20, 3)
			defer s.close()
			s.Write([]byte(tc.out))
			f := s.frame()
			if got := rowsOf(t, f)[0]; got != tc.want {
				t.Errorf("row 0 is %s, want %s", got, tc.want)
			}
			if strings.Contains(string(f), "\x1b") || strings.Contains(string(f), `\u001b`) {
				t.Errorf("an escape code reached the page: %s", f)
			}
		})
	}
}

// TestChangedRows: a frame carries only the rows that changed since the
// last (all of them at first, and after a resize), and nothing at all
// when nothing did; a synchronized update is sent whole.
func TestChangedRows(t *testing.T) {
	s := newScreen(10, 4)
	defer s.close()
	steps := []struct {
		name  string
		do    func()
		rows  string // the ys sent, in order; "none" for no frame
		check func(t *testing.T, rows map[int]string)
	}{
		{"first: every row", func() { s.Write([]byte("\x1b[?25lone\r\ntwo")) }, "0123", nil},
		{"nothing changed", func() {}, "none", nil},
		{"the same text again", func() { s.Write([]byte("\x1b[Hone")) }, "none", nil},
		{"one row", func() { s.Write([]byte("\x1b[3;1Hthree")) }, "2", func(t *testing.T, rows map[int]string) {
			if rows[2] != `[["three"]]` {
				t.Errorf("row 2: %s", rows[2])
			}
		}},
		{"two rows", func() { s.Write([]byte("\x1b[1;1HONE\x1b[4;1Hfour")) }, "03", nil},
		{"cleared", func() { s.Write([]byte("\x1b[2J")) }, "0123", func(t *testing.T, rows map[int]string) {
			if rows[0] != `[]` {
				t.Errorf("a blank row: %s", rows[0])
			}
		}},
		{"an update begun", func() { s.Write([]byte("\x1b[?2026h\x1b[Hhalf")) }, "none", nil},
		{"and ended", func() { s.Write([]byte("\x1b[2;1Hwhole\x1b[?2026l")) }, "01", nil},
		{"resized", func() { s.resize(12, 3) }, "012", nil},
	}
	for _, st := range steps {
		st.do()
		f := s.frame()
		if st.rows == "none" {
			if f != nil {
				t.Errorf("%s: a frame %s", st.name, f)
			}
			continue
		}
		rows := rowsOf(t, f)
		var ys strings.Builder
		for y := range 10 {
			if _, ok := rows[y]; ok {
				ys.WriteByte(byte('0' + y))
			}
		}
		if ys.String() != st.rows {
			t.Errorf("%s: rows %s sent, want %s: %s", st.name, ys.String(), st.rows, f)
		}
		if st.check != nil {
			st.check(t, rows)
		}
	}
}

// TestCursor: the cursor is sent where the program leaves it showing, and
// a move of the cursor alone is a frame of its own.
func TestCursor(t *testing.T) {
	s := newScreen(10, 3)
	defer s.close()
	s.Write([]byte("ab"))
	if f := string(s.frame()); !strings.HasSuffix(f, `"cursor":[2,0]}`) {
		t.Errorf("the first frame: %s", f)
	}
	s.Write([]byte("\x1b[3;4H"))
	if f := string(s.frame()); f != `{"t":"frame","w":10,"h":3,"rows":[],"cursor":[3,2]}` {
		t.Errorf("after a move: %s", f)
	}
	s.Write([]byte("\x1b[?25l"))
	if f := string(s.frame()); !strings.HasSuffix(f, `"cursor":null}`) {
		t.Errorf("hidden: %s", f)
	}
}

// TestKeysIn: keys reach the program's input as the terminal would send
// them, in the modes the program asked for.
func TestKeysIn(t *testing.T) {
	cases := []struct {
		name  string
		modes string
		key   uv.KeyPressEvent
		want  string
	}{
		{"a letter", "", uv.KeyPressEvent{Code: 'F', Text: "F"}, "F"},
		{"right", "", uv.KeyPressEvent{Code: uv.KeyRight}, "\x1b[C"},
		{"right, application cursor keys", "\x1b[?1h", uv.KeyPressEvent{Code: uv.KeyRight}, "\x1bOC"},
		{"enter", "", uv.KeyPressEvent{Code: uv.KeyEnter}, "\r"},
		{"esc", "", uv.KeyPressEvent{Code: uv.KeyEscape}, "\x1b"},
		{"backspace", "", uv.KeyPressEvent{Code: uv.KeyBackspace}, "\x7f"},
		{"shift+tab", "", uv.KeyPressEvent{Code: uv.KeyTab, Mod: uv.ModShift}, "\x1b[Z"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newScreen(10, 3)
			s.Write([]byte(tc.modes))
			s.key(tc.key)
			buf := make([]byte, 16)
			n, err := s.input().Read(buf)
			if err != nil || string(buf[:n]) != tc.want {
				t.Errorf("read %q (%v), want %q", buf[:n], err, tc.want)
			}
			s.close()
			if _, err := s.input().Read(buf); err != io.EOF {
				t.Errorf("after close: %v", err)
			}
		})
	}
}

// TestInboxBounded: a program that stops reading loses keys beyond the
// limit, not the server's memory.
func TestInboxBounded(t *testing.T) {
	in := newInbox()
	for range 3 * maxInput / 1024 {
		in.write(make([]byte, 1024))
	}
	if len(in.buf) != maxInput {
		t.Errorf("%d bytes kept", len(in.buf))
	}
}

// TestEmulatorSmall: a tab's emulator keeps about what its screens need,
// not x/vt's 4 MiB buffer for sequences' text (see newEmulator).
func TestEmulatorSmall(t *testing.T) {
	const n = 10
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	emus := make([]*vt.Emulator, n)
	for i := range emus {
		emus[i] = newEmulator(100, 30)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(emus)
	if per := float64(after.HeapAlloc-before.HeapAlloc) / n / (1 << 20); per > 1 {
		t.Errorf("an emulator keeps %.2f MiB: has x/vt's parser field changed? (see newEmulator)", per)
	}
	// A sequence's text is still read whole (a link's address, say).
	e := emus[0]
	e.Write([]byte("\x1b]8;;https://example.org/x\x1b\\link\x1b]8;;\x1b\\"))
	if c := e.CellAt(0, 0); c == nil || c.Link.URL != "https://example.org/x" {
		t.Errorf("the link was lost: %+v", c)
	}
}
