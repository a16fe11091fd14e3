package content

import (
	"errors"
	"strings"
	"testing"
)

// TestFrontMatterYAMLErrors: a mistake in a step's front matter is named
// at the line it was made on, in words an author can act on, not the YAML
// parser's (which names the line above for some of them).
func TestFrontMatterYAMLErrors(t *testing.T) {
	tests := map[string]struct {
		front string // between the "---" lines; the file's line 2 is its first
		want  string
	}{
		"unclosed [":                 {"id: x\ntitle: [unterminated\nsection: s\n", "3: a list opened with [ is not closed: end it with ]"},
		"unclosed [ at the end":      {"id: x\ntitle: t\nsection: s\nsources: [S1\n", "5: a list opened with [ is not closed: end it with ]"},
		"unclosed [ before a key":    {"id: x\ntitle: t\nsection: s\nsources: [S1\nnotes: hi\n", "5: a list opened with [ is not closed: end it with ]"},
		"unclosed [ on the first":    {"title: [x\nid: x\n", "2: a list opened with [ is not closed: end it with ]"},
		"unclosed [ over lines":      {"id: x\nsources: [S1,\n  S2\ntitle: t\n", "3: a list opened with [ is not closed: end it with ]"},
		"unclosed {":                 {"id: x\ntitle: {a: 1\nsection: s\n", "3: a { opened here is not closed: end it with }"},
		"unclosed \"":                {"id: x\ntitle: \"unterminated\nsection: s\n", `3: a quote opened with " is not closed: end the value with "`},
		"unclosed '":                 {"id: x\ntitle: 'unterminated\nsection: s\n", "3: a quote opened with ' is not closed: end the value with '"},
		"an apostrophe is no quote":  {"id: x\ntitle: it's [fine] {ok}\nsection: \"bad\n", `4: a quote opened with " is not closed: end the value with "`},
		"a comment's [ opens none":   {"id: x\ntitle: t # a [ comment\nsection: [a, 'b, c\n", "4: a quote opened with ' is not closed: end the value with '"},
		"block text opens nothing":   {"id: x\nnotes: |\n  it's [ ok {\n  \"c\nsection: [s\n", "6: a list opened with [ is not closed: end it with ]"},
		"indented too far":           {"id: x\n  bad: indent\nsection: s\n", `3: this line is indented more than the key above it: line it up with the other keys (a list under a key starts each item with "- ")`},
		"indented too far, nested":   {"id: x\nmeta:\n  a: 1\n   b: 2\n", `5: this line is indented more than the key above it: line it up with the other keys (a list under a key starts each item with "- ")`},
		"indented too little":        {"id: x\nmeta:\n  a: 1\n b: 2\n", "5: this line does not line up with the lines above it: lines at the same level start after the same number of spaces"},
		"a list item out of line":    {"id: x\nsources:\n  - a\n - b\nsection: s\n", "5: this line does not line up with the lines above it: lines at the same level start after the same number of spaces"},
		"a key inside a list":        {"id: x\nsources:\n  - a\n  - b\n  b: c\nsection: s\n", `6: this line breaks the list above it: its items line up, each starting with "- "`},
		"a tab indents":              {"id: x\n\ttitle: tab\nsection: s\n", "3: a tab in this line's indent: YAML indents with spaces only"},
		"a value with a colon":       {"id: x\ntitle: Cause: itch\nsection: s\n", `3: the value holds ": ": put the whole value in quotes`},
		"text after a quote":         {"id: x\ntitle: \"a\" b\n", "3: text after a quoted value: put the whole value inside the quotes"},
		"a stray ]":                  {"id: x\ntitle: t\nsources: [S1]]\n", "4: a ] here closes nothing: remove it"},
		"a value starting with @":    {"id: x\ntitle: @x\n", "3: a value cannot start with @: put the value in quotes"},
		"a value starting with `":    {"id: x\ntitle: `x`\n", "3: a value cannot start with `: put the value in quotes"},
		"a key without its colon":    {"id: x\ntitle\nsection: s\n", `3: a key needs ": " after it (or a value that runs over lines needs quotes)`},
		"a list item for a key":      {"id: x\n- a\n", "3: a list item where a key belongs: write the key, then the items under it, indented"},
		"an unknown escape":          {"id: x\ntitle: \"a\\q\"\n", `3: an unknown \ escape in a "double-quoted" value: write \\ for a backslash, or use 'single quotes'`},
		"a line end in Windows form": {"id: x\r\ntitle: [a\r\nsection: s\r\n", "3: a list opened with [ is not closed: end it with ]"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			_, err := ParseStep("04-broken.md", []byte("---\n"+tc.front+"---\nBody\n"))
			var probs Errors
			if !errors.As(err, &probs) || len(probs) != 1 {
				t.Fatalf("ParseStep = %v; want one problem", err)
			}
			if got := probs[0].String(); got != "04-broken.md:"+tc.want {
				t.Errorf("got  %s\nwant 04-broken.md:%s", got, tc.want)
			}
		})
	}
}

// TestYAMLErrorsInDataFiles: a data file's syntax errors read the same.
func TestYAMLErrorsInDataFiles(t *testing.T) {
	tests := map[string]struct{ data, want string }{
		"unclosed [ on line 1": {"- id: [unclosed\n", "drugs.yaml:1: a list opened with [ is not closed: end it with ]"},
		"unclosed [ later":     {"- id: a\n  targets: [JAK1\n- id: b\n", "drugs.yaml:2: a list opened with [ is not closed: end it with ]"},
		"a tab":                {"- id: a\n\t targets: x\n", "drugs.yaml:2: a tab in this line's indent: YAML indents with spaces only"},
	}
	for name, tc := range tests {
		var p Errors
		var out []Drug
		if p.decodeBytes("drugs.yaml", []byte(tc.data), 0, &out, nil) || len(p) != 1 || p[0].String() != tc.want {
			t.Errorf("%s: %v\nwant %s", name, p, tc.want)
		}
	}
}

// yamlLineHolds checks a problem against its file: the line it names holds
// what the message says was opened there, or the tab it blames.
func yamlLineHolds(t *testing.T, data []byte, p Problem) {
	t.Helper()
	lines := strings.Split(string(lineEnds(data)), "\n")
	if p.Line > len(lines) {
		t.Fatalf("%s names line %d of %d", p, p.Line, len(lines))
	}
	if p.Line < 1 {
		return
	}
	line := lines[p.Line-1]
	for msg, want := range map[string]string{
		"a list opened with [": "[", "a { opened here": "{", "a quote opened with \"": `"`,
		"a quote opened with '": "'", "a tab in this line's indent": "\t",
	} {
		if strings.HasPrefix(p.Msg, msg) && !strings.Contains(line, want) {
			t.Fatalf("%s: line %d is %q, which holds no %q", p, p.Line, line, want)
		}
	}
	if strings.Contains(p.Msg, "yaml:") {
		t.Fatalf("a parser's message: %s", p)
	}
}
