package linear

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"jakstat/content"
)

func TestParseCommand(t *testing.T) {
	tests := map[string]Command{
		"":                   {Known: true},
		"   ":                {Known: true},
		"n":                  {Name: "n", Known: true},
		"NEXT":               {Name: "n", Known: true},
		" b ":                {Name: "b", Known: true},
		"j 12":               {Name: "j", Known: true, Arg: "12"},
		"j12":                {Name: "j", Known: true, Arg: "12"},
		"12":                 {Name: "j", Known: true, Arg: "12"},
		"jump   7":           {Name: "j", Known: true, Arg: "7"},
		"t":                  {Name: "t", Known: true},
		"t drugs  Oral":      {Name: "t", Known: true, Arg: "drugs Oral"},
		"t2 oral":            {Name: "t", Known: true, Arg: "2 oral"},
		"d3":                 {Name: "d", Known: true, Arg: "3"},
		"s itch relief":      {Name: "s", Known: true, Arg: "itch relief"},
		"Search JAK1":        {Name: "s", Known: true, Arg: "JAK1"},
		"?":                  {Name: "h", Known: true},
		"g":                  {Name: "g", Known: true},
		"q":                  {Name: "q", Known: true},
		"exit":               {Name: "q", Known: true},
		"xyz":                {Name: "xyz"},
		"Hello world":        {Name: "hello", Arg: "world"},
		"x12":                {Name: "x12"},
		"\x1b[A":             {},                                    // an arrow key: not Enter
		"\x1b[A\x1b[B n":     {Name: "n", Known: true},              // arrows, then a command
		"n\r":                {Name: "n", Known: true},              // a Windows line ending
		"s it\x00ch\x7f":     {Name: "s", Known: true, Arg: "itch"}, // control characters dropped
		"s caf\xe9":          {Name: "s", Known: true, Arg: "caf"},  // invalid UTF-8 dropped
		"t\tdrugs":           {Name: "t", Known: true, Arg: "drugs"},
		"s \u00a0itch\u2003": {Name: "s", Known: true, Arg: "itch"},
	}
	for in, want := range tests {
		if got := ParseCommand(in); got != want {
			t.Errorf("ParseCommand(%q) = %+v, want %+v", in, got, want)
		}
	}
}

// TestEveryCommandIsDocumented: each command has help, each of its names
// parses to it, no name belongs to two commands, and the prompt offers
// next, back, jump, tables, search, glossary, help and quit.
func TestEveryCommandIsDocumented(t *testing.T) {
	seen := map[string]string{}
	for _, c := range commands() {
		if c.help == "" || c.run == nil {
			t.Errorf("%s has no help or does nothing", c.name)
		}
		for _, name := range append([]string{c.name}, c.aliases...) {
			if other, ok := seen[name]; ok {
				t.Errorf("%q is both %s and %s", name, other, c.name)
			}
			seen[name] = c.name
			if got := ParseCommand(name); got.Name != c.name || !got.Known {
				t.Errorf("%q parses to %+v, want %s", name, got, c.name)
			}
		}
	}
	p := stepPrompt(false)
	for _, w := range []string{"n next", "b back", "j jump", "t tables", "s search", "g glossary", "h help", "q quit"} {
		if !strings.Contains(p, w) {
			t.Errorf("the prompt %q lacks %q", p, w)
		}
	}
	if !strings.HasPrefix(stepPrompt(true), "Your choice (m more, ") {
		t.Errorf("with more to read, the prompt is %q", stepPrompt(true))
	}
}

func TestParseNumbers(t *testing.T) {
	tests := []struct {
		in   string
		most int
		want []int
	}{
		{"1", 4, []int{1}},
		{"4", 4, []int{4}},
		{"3 1 2", 3, []int{3, 1, 2}},
		{"3,1,2", 3, []int{3, 1, 2}},
		{"3, 1, 2", 3, []int{3, 1, 2}},
		{"312", 3, []int{3, 1, 2}},
		{"12", 12, []int{12}},
		{"5", 4, nil},
		{"0", 4, nil},
		{"-1", 4, nil},
		{"+1", 4, nil},
		{"1.5", 4, nil},
		{"one", 4, nil},
		{"", 4, nil},
		{"99999999999999999999999", 4, nil},
	}
	for _, tc := range tests {
		got, ok := ParseNumbers(tc.in, tc.most)
		if ok != (tc.want != nil) || !slices.Equal(got, tc.want) {
			t.Errorf("ParseNumbers(%q, %d) = %v, %v; want %v", tc.in, tc.most, got, ok, tc.want)
		}
	}
}

// FuzzParseCommand: any line parses without panicking, to a command whose
// parts hold no control character, and a command written back parses to
// itself (unless writing it back, "12" as "j 12", makes it longer than a
// line may be). Cleaning a line twice changes nothing.
// go test ./linear -fuzz FuzzParseCommand
func FuzzParseCommand(f *testing.F) {
	for _, s := range []string{"", "n", "j 12", "j12", "12", "t drugs oral", "s itch", "?", "\x1b[A", "x y z", "d3", "T2  Oral", "\xff\xfe", "\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		c := ParseCommand(line)
		for _, part := range []string{c.Name, c.Arg} {
			if !utf8.ValidString(part) || strings.ContainsFunc(part, unicode.IsControl) {
				t.Fatalf("ParseCommand(%q) = %+v: a control character or invalid UTF-8", line, c)
			}
		}
		if c.Known && c.Name != "" {
			if _, ok := lookup(c.Name); !ok {
				t.Fatalf("ParseCommand(%q) = %+v: known, but no such command", line, c)
			}
		}
		if (c.Known || c.Name != "") && utf8.RuneCountInString(c.String()) <= maxLine {
			if again := ParseCommand(c.String()); again != c {
				t.Fatalf("ParseCommand(%q) = %+v, but its String %q parses to %+v", line, c, c.String(), again)
			}
		}
		if once := Clean(line); Clean(once) != once || utf8.RuneCountInString(once) > maxLine {
			t.Fatalf("Clean(%q) = %q is not clean", line, once)
		}
	})
}

// FuzzParseAnswer: any line given as an answer to any kind of question
// either picks positions that are on the list (each once, for an order
// question) or is refused; it never panics.
// go test ./linear -fuzz FuzzParseAnswer
func FuzzParseAnswer(f *testing.F) {
	for _, s := range []string{"1", "3 1 2", "312", "1,2,3", "true", "f", "9", "1 1 2", ""} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, line string, n int) {
		n = 2 + (n%8+8)%8 // 2 to 9 choices
		choices := make([]string, n)
		for i := range choices {
			choices[i] = string(rune('a' + i))
		}
		for _, kind := range []string{content.KindChoice, content.KindTrueFalse, content.KindOrder} {
			q := content.Question{ID: "q", Kind: kind, Choices: choices}
			picked, ok := parseAnswer(q, Clean(line))
			if !ok {
				continue
			}
			if kind != content.KindOrder && len(picked) != 1 || kind == content.KindOrder && len(picked) != n {
				t.Fatalf("%s answer %q picked %v of %d", kind, line, picked, n)
			}
			for i, p := range picked {
				if p < 0 || p >= n || slices.Contains(picked[:i], p) {
					t.Fatalf("%s answer %q picked %v of %d", kind, line, picked, n)
				}
			}
		}
	})
}
