package web

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"

	"jakstat/classroom"
)

func TestParseMessage(t *testing.T) {
	long := strings.Repeat("x", maxPassword+1)
	cases := []struct {
		in   string
		want any    // nil: an error
		err  string // in the error
	}{
		{`{"t":"join","role":"student","password":"","w":80,"h":24,"theme":"dark","motion":true}`,
			join{role: classroom.Student, w: 80, h: 24}, ""},
		{`{"t":"join","role":"presenter","password":"pw","w":300,"h":100,"theme":"light","motion":false}`,
			join{role: classroom.Presenter, password: "pw", w: 300, h: 100, light: true, still: true}, ""},
		{`{"t":"join","role":"notes","w":1,"h":1,"theme":"dark"}`, join{role: classroom.Notes, w: 1, h: 1}, ""},
		{`{"t":"key","k":"right"}`, keyPress{uv.KeyPressEvent{Code: uv.KeyRight}}, ""},
		{`{"t":"key","k":"shift+tab"}`, keyPress{uv.KeyPressEvent{Code: uv.KeyTab, Mod: uv.ModShift}}, ""},
		{`{"t":"key","k":"space"}`, keyPress{uv.KeyPressEvent{Code: uv.KeySpace, Text: " "}}, ""},
		{`{"t":"key","k":"F"}`, keyPress{uv.KeyPressEvent{Code: 'F', Text: "F"}}, ""},
		{`{"t":"key","k":"é"}`, keyPress{uv.KeyPressEvent{Code: 'é', Text: "é"}}, ""},
		{`{"t":"size","w":120,"h":40}`, resize{120, 40}, ""},
		{` {"t":"size","w":120,"h":40} ` + "\n", resize{120, 40}, ""},
		{`{"t":"wheel","up":false}`, wheel{false}, ""},

		{``, nil, "not a message"},
		{`{`, nil, "not a message"},
		{`null`, nil, "of kind"},
		{`[]`, nil, "not a message"},
		{`"key"`, nil, "not a message"},
		{`{"t":"key","k":"a"}{"t":"key","k":"b"}`, nil, "more than one"},
		{`{"t":"key","k":"a"} x`, nil, "more than one"},
		{`{"t":"quit"}`, nil, `of kind "quit"`},
		{`{"t":"key","k":"a","extra":1}`, nil, "unknown field"},
		{`{"t":"key","k":"a","w":1}`, nil, `"w"`},
		{`{"t":"key","k":"ab"}`, nil, "one printable character"},
		{`{"t":"key","k":""}`, nil, "one printable character"},
		{`{"t":"key","k":"\u0003"}`, nil, "one printable character"},
		{`{"t":"key","k":"\u001b[A"}`, nil, "one printable character"},
		{`{"t":"key","k":" "}`, nil, "one printable character"},
		{`{"t":"key","k":1}`, nil, "not a message"},
		{`{"t":"size","w":0,"h":24}`, nil, "each 1 to"},
		{`{"t":"size","w":80}`, nil, "each 1 to"},
		{`{"t":"size","w":-5,"h":24}`, nil, "each 1 to"},
		{`{"t":"size","w":80,"h":100000}`, nil, "each 1 to"},
		{`{"t":"size","w":80.5,"h":24}`, nil, "not a message"},
		{`{"t":"wheel"}`, nil, "says up"},
		{`{"t":"join","role":"admin","w":80,"h":24,"theme":"dark"}`, nil, `as "admin"`},
		{`{"t":"join","role":"student","w":80,"h":24,"theme":"blue"}`, nil, "a theme"},
		{`{"t":"join","role":"student","w":80,"h":24}`, nil, "a theme"},
		{`{"t":"join","role":"student","theme":"dark"}`, nil, "each 1 to"},
		{`{"t":"join","role":"student","w":80,"h":24,"theme":"dark","password":"` + long + `"}`, nil, "a password of more"},
		{`{"t":"join","role":"student","w":80,"h":24,"theme":"dark","k":"x"}`, nil, `"k"`},
		{"{\"t\":\"key\",\"k\":\"\xff\"}", nil, "not UTF-8"},
		{`{"t":"key","k":"` + strings.Repeat("a", maxMessage) + `"}`, nil, "bytes (at most"},
	}
	for _, tc := range cases {
		t.Run(tc.in[:min(len(tc.in), 50)], func(t *testing.T) {
			got, err := parseMessage([]byte(tc.in))
			switch {
			case tc.want == nil && err == nil:
				t.Fatalf("accepted as %#v", got)
			case tc.want == nil && !strings.Contains(err.Error(), tc.err):
				t.Errorf("the error %q does not say %q", err, tc.err)
			case tc.want != nil && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.want != nil && !reflect.DeepEqual(got, tc.want):
				t.Errorf("got %#v, want %#v", got, tc.want)
			}
		})
	}
}

// FuzzParseMessage: whatever a page sends, the parser answers with a
// message within the limits or an error, and never panics.
func FuzzParseMessage(f *testing.F) {
	for _, s := range []string{
		`{"t":"join","role":"student","password":"","w":80,"h":24,"theme":"dark","motion":true}`,
		`{"t":"key","k":"right"}`, `{"t":"key","k":"é"}`, `{"t":"size","w":120,"h":40}`, `{"t":"wheel","up":true}`,
		`{"t":"key","k":"a"}{}`, `{"t":1}`, `[`, "\xff",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		msg, err := parseMessage(data)
		if err != nil {
			if msg != nil {
				t.Fatalf("an error (%v) and a message %#v", err, msg)
			}
			return
		}
		if len(data) > maxMessage || !json.Valid(data) {
			t.Fatalf("accepted %q", data)
		}
		switch m := msg.(type) {
		case join:
			if m.w < 1 || m.h < 1 || m.w > maxDimension || m.h > maxDimension || len(m.password) > maxPassword {
				t.Fatalf("a join out of range: %#v", m)
			}
		case resize:
			if m.w < 1 || m.h < 1 || m.w > maxDimension || m.h > maxDimension {
				t.Fatalf("a size out of range: %#v", m)
			}
		case keyPress:
			if m.key.Text != "" && strings.ContainsAny(m.key.Text, "\x00\x1b\r\n\t") {
				t.Fatalf("a key that is a control: %#v", m)
			}
		case wheel:
		default:
			t.Fatalf("a message of type %T", msg)
		}
	})
}
