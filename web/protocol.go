package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"unicode"
	"unicode/utf8"

	uv "github.com/charmbracelet/ultraviolet"

	"jakstat/classroom"
)

// The page and the server talk in small JSON objects, one a WebSocket text
// message, each naming its kind in "t".
//
// From the page:
//
//	{"t":"join","role":"student","password":"…","w":80,"h":24,"theme":"dark","motion":true}
//	{"t":"key","k":"right"}       a key: a name below, or one printable character
//	{"t":"size","w":100,"h":30}   the grid the window holds now
//	{"t":"wheel","up":true}       the mouse wheel (or a swipe) over the lesson
//
// From the server: "welcome" (what signing in needs), "denied" (why a join
// was refused), "joined", "frame" (the rows of the screen that changed),
// "step" (the step now shown, for the page's live region), "alive" (the
// connection still works) and "bye" (why the lesson ended; the server
// closes the connection after it).

// Limits on what the page may send.
const (
	maxMessage     = 1024 // bytes in one message: a join with the longest password fits
	maxPassword    = 256  // bytes
	messageRate    = 40   // messages a second, on average
	messageBurst   = 80   // at once
	maxDimension   = 10000
	unknownMessage = "the page sent a message the server does not understand"
)

// clientMsg is any message from the page, as sent.
type clientMsg struct {
	T        string `json:"t"`
	Role     string `json:"role"`
	Password string `json:"password"`
	Theme    string `json:"theme"`
	Motion   *bool  `json:"motion"`
	W        *int   `json:"w"`
	H        *int   `json:"h"`
	K        string `json:"k"`
	Up       *bool  `json:"up"`
}

// join asks to sign in and open a lesson.
type join struct {
	role     classroom.Role
	password string
	w, h     int
	light    bool
	still    bool // still diagrams: the reader asked for reduced motion
}

// keyPress is a key, as the terminal would send it.
type keyPress struct{ key uv.KeyPressEvent }

// resize is a new grid size.
type resize struct{ w, h int }

// wheel is a turn of the mouse wheel.
type wheel struct{ up bool }

// roleNamed is the part a page asks for by name.
func roleNamed(name string) (classroom.Role, bool) {
	switch name {
	case "student":
		return classroom.Student, true
	case "presenter":
		return classroom.Presenter, true
	case "notes":
		return classroom.Notes, true
	}
	return 0, false
}

// namedKey is a key the page sends by name.
func namedKey(name string) (uv.KeyPressEvent, bool) {
	var code rune
	switch name {
	case "up":
		code = uv.KeyUp
	case "down":
		code = uv.KeyDown
	case "left":
		code = uv.KeyLeft
	case "right":
		code = uv.KeyRight
	case "home":
		code = uv.KeyHome
	case "end":
		code = uv.KeyEnd
	case "pgup":
		code = uv.KeyPgUp
	case "pgdown":
		code = uv.KeyPgDown
	case "enter":
		code = uv.KeyEnter
	case "esc":
		code = uv.KeyEscape
	case "tab":
		code = uv.KeyTab
	case "shift+tab":
		return uv.KeyPressEvent{Code: uv.KeyTab, Mod: uv.ModShift}, true
	case "backspace":
		code = uv.KeyBackspace
	case "delete":
		code = uv.KeyDelete
	case "space":
		return uv.KeyPressEvent{Code: uv.KeySpace, Text: " "}, true
	default:
		return uv.KeyPressEvent{}, false
	}
	return uv.KeyPressEvent{Code: code}, true
}

// parseMessage reads one message from the page: a join, keyPress, resize
// or wheel. Anything else, a field that does not belong to its kind, a
// value out of range, or more than one JSON value is an error.
func parseMessage(data []byte) (any, error) {
	if len(data) > maxMessage {
		return nil, fmt.Errorf("a message of %d bytes (at most %d)", len(data), maxMessage)
	}
	if !utf8.Valid(data) {
		return nil, errors.New("a message that is not UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var m clientMsg
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("not a message: %w", err)
	}
	if dec.More() || dec.InputOffset() != int64(len(bytes.TrimRight(data, " \t\r\n"))) {
		return nil, errors.New("more than one message in one")
	}
	switch m.T {
	case "join":
		return m.join()
	case "key":
		return m.key()
	case "size":
		if err := m.only("w", "h"); err != nil {
			return nil, err
		}
		w, h, err := m.size()
		return resize{w, h}, err
	case "wheel":
		if err := m.only("up"); err != nil || m.Up == nil {
			return nil, errors.New("a wheel message says up (true or false) and nothing else")
		}
		return wheel{*m.Up}, nil
	}
	return nil, fmt.Errorf("a message of kind %q", m.T)
}

func (m clientMsg) join() (any, error) {
	if err := m.only("role", "password", "w", "h", "theme", "motion"); err != nil {
		return nil, err
	}
	role, ok := roleNamed(m.Role)
	if !ok {
		return nil, fmt.Errorf("a join as %q (student, presenter or notes)", m.Role)
	}
	if len(m.Password) > maxPassword {
		return nil, fmt.Errorf("a password of more than %d bytes", maxPassword)
	}
	if m.Theme != "light" && m.Theme != "dark" {
		return nil, fmt.Errorf("a theme of %q (light or dark)", m.Theme)
	}
	w, h, err := m.size()
	if err != nil {
		return nil, err
	}
	return join{role: role, password: m.Password, w: w, h: h, light: m.Theme == "light", still: m.Motion != nil && !*m.Motion}, nil
}

func (m clientMsg) key() (any, error) {
	if err := m.only("k"); err != nil {
		return nil, err
	}
	if k, ok := namedKey(m.K); ok {
		return keyPress{k}, nil
	}
	r, n := utf8.DecodeRuneInString(m.K)
	if n == 0 || n != len(m.K) || !unicode.IsPrint(r) || unicode.IsSpace(r) {
		return nil, fmt.Errorf("a key %q: one printable character or a key's name", m.K)
	}
	return keyPress{uv.KeyPressEvent{Code: r, Text: m.K}}, nil
}

// size reads a grid's width and height, which must both be given and
// positive; what is beyond the window limits is clamped (to
// classroom.MaxWidth x MaxHeight) when the lesson is drawn.
func (m clientMsg) size() (int, int, error) {
	if m.W == nil || m.H == nil || *m.W < 1 || *m.H < 1 || *m.W > maxDimension || *m.H > maxDimension {
		return 0, 0, fmt.Errorf("a size must give w and h, each 1 to %d", maxDimension)
	}
	return *m.W, *m.H, nil
}

// only says whether the message sets no field but t and those named.
func (m clientMsg) only(fields ...string) error {
	for _, f := range [...]struct {
		name string
		set  bool
	}{
		{"role", m.Role != ""}, {"password", m.Password != ""}, {"theme", m.Theme != ""}, {"motion", m.Motion != nil},
		{"w", m.W != nil}, {"h", m.H != nil}, {"k", m.K != ""}, {"up", m.Up != nil},
	} {
		if f.set && !slices.Contains(fields, f.name) {
			return fmt.Errorf("a %s message with %q", m.T, f.name)
		}
	}
	return nil
}

// Messages to the page.

// welcome tells the page, as it connects, what signing in needs.
type welcome struct {
	T         string `json:"t"`         // "welcome"
	Title     string `json:"title"`     // the lesson's
	Open      bool   `json:"open"`      // a student needs no password
	Presenter string `json:"presenter"` // "password", "keys" (over SSH only) or "none"
}

// denied says why a join was refused; final means the server closes the
// connection next (the page must connect again to try again).
type denied struct {
	T      string `json:"t"` // "denied"
	Reason string `json:"reason"`
	Final  bool   `json:"final"`
}

// joined says the lesson is open.
type joined struct {
	T    string `json:"t"` // "joined"
	Role string `json:"role"`
}

// stepNews says which step the lesson shows, for the page's live region.
type stepNews struct {
	T     string `json:"t"` // "step"
	N     int    `json:"n"` // from 1
	Of    int    `json:"of"`
	Title string `json:"title"`
}

// bye says why the lesson ended.
type bye struct {
	T      string `json:"t"` // "bye"
	Reason string `json:"reason"`
}

// alive is sent when nothing else has been for a while, so that a page
// can tell a quiet lesson from a lost connection.
const alive = `{"t":"alive"}`

func encode(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // the messages above always encode
	}
	return b
}
