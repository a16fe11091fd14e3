package web

import (
	"io"
	"reflect"
	"sync"
	"unsafe"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"
)

// A tab's terminal is an x/vt Emulator, which as it comes keeps a 4 MiB
// buffer for the text of OSC, DCS and APC sequences, and 10,000 lines of
// scrollback. A lesson sends a few short OSC sequences and never reads the
// scrollback, and a classroom runs a hundred emulators: measured with the
// load test, the buffer alone was 4 of the 5.9 MiB of heap per tab, and
// since the garbage collector lets garbage grow in proportion to the heap
// in use, it cost RSS as well.

// dataSize is how much of a sequence's text the emulator keeps: the ansi
// package's own default, beyond which a sequence's text is cut.
const dataSize = 64 << 10

// newEmulator is a w x h emulator sized for a lesson: one line of
// scrollback, and a 64 KiB buffer for sequences' text. x/vt (v0.1.0) has
// no option for the buffer, so it is resized through the emulator's
// parser field; if a later x/vt renames or retypes that field, nothing is
// changed (TestEmulatorSmall then fails, and says so).
func newEmulator(w, h int) *vt.Emulator {
	e := vt.NewEmulator(w, h)
	e.SetScrollbackSize(1)
	f := reflect.ValueOf(e).Elem().FieldByName("parser")
	if f.IsValid() && f.Type() == reflect.TypeFor[*ansi.Parser]() {
		if p := *(**ansi.Parser)(unsafe.Pointer(f.UnsafeAddr())); p != nil {
			p.SetDataSize(dataSize)
		}
	}
	return e
}

// maxInput is how much input may wait for the program: a program that
// stops reading loses keys beyond it, never the server's memory.
const maxInput = 64 << 10

// inbox is a program's input: what the emulator writes, waiting to be
// read, up to maxInput bytes.
type inbox struct {
	mu     sync.Mutex
	ready  *sync.Cond
	buf    []byte
	closed bool
}

func newInbox() *inbox {
	in := &inbox{}
	in.ready = sync.NewCond(&in.mu)
	return in
}

func (in *inbox) write(p []byte) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.closed {
		return
	}
	in.buf = append(in.buf, p[:min(len(p), maxInput-len(in.buf))]...)
	in.ready.Signal()
}

func (in *inbox) Read(p []byte) (int, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	for len(in.buf) == 0 && !in.closed {
		in.ready.Wait()
	}
	if len(in.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, in.buf)
	in.buf = in.buf[:copy(in.buf, in.buf[n:])]
	return n, nil
}

func (in *inbox) close() {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.closed = true
	in.ready.Broadcast()
}
