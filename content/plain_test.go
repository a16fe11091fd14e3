package content

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestPlainLines: each block is a line of what the reader sees, with no
// Markdown marks left.
func TestPlainLines(t *testing.T) {
	tests := map[string]struct {
		body string
		want []string
	}{
		"bullets":          {"- itches\n- flares\n* dries", []string{"itches", "flares", "dries"}},
		"numbers":          {"1. first\n2. second\n\n3) third", []string{"first", "second", "third"}},
		"a nested list":    {"- outer\n  - inner", []string{"outer", "inner"}},
		"task boxes":       {"- [x] done\n- [ ] to do", []string{"done", "to do"}},
		"emphasis":         {"**bold**, *italic*, __strong__ and _em_", []string{"bold, italic, strong and em"}},
		"strikethrough":    {"~~old~~ new", []string{"old new"}},
		"code":             {"type `jakstat --print` here", []string{"type jakstat --print here"}},
		"a link":           {"see [the label](https://www.fda.gov/x \"title\") now", []string{"see the label now"}},
		"a reference link": {"see [the label][r]\n\n[r]: https://example.org", []string{"see the label"}},
		"an autolink":      {"at <https://example.org/a_b>", []string{"at https://example.org/a_b"}},
		"a bare address":   {"at www.example.org today", []string{"at www.example.org today"}},
		"an image":         {"![a cell](cell.png)", []string{"a cell"}},
		"headings":         {"# One\n\n## Two ##\n\nThree\n-----", []string{"One", "Two", "Three"}},
		"a quote":          {"> quoted **words**\n> go on", []string{"quoted words go on"}},
		"one paragraph":    {"a paragraph\nover two lines", []string{"a paragraph over two lines"}},
		"hard breaks":      {"one  \ntwo\\\nthree<br>four", []string{"one", "two", "three", "four"}},
		"entities":         {"A &amp; B &lt;x&gt; &#8212; caf&eacute;", []string{"A & B <x> — café"}},
		"escapes":          {`\*not emphasis\* and 5 \_ 6`, []string{"*not emphasis* and 5 _ 6"}},
		"a code block":     {"```\n**as is**\n  indented\n```", []string{"**as is**", "indented"}},
		"a table":          {"| Drug | Dose |\n|---|---|\n| **A** | `1` mg |", []string{"Drug · Dose", "A · 1 mg"}},
		"comments go":      {"<!-- a note -->\n\ntext", []string{"text"}},
		"a rule goes":      {"above\n\n---\n\nbelow", []string{"above", "below"}},
		"nothing":          {"", nil},
		"control bytes":    {"a\x1b[31mred", []string{"a [31mred"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := PlainLines(tc.body); !slices.Equal(got, tc.want) {
				t.Errorf("PlainLines(%q)\n got %q\nwant %q", tc.body, got, tc.want)
			}
		})
	}
}

// FuzzPlainLines: any body gives lines that are whole, trimmed, non-empty
// and free of control characters.
func FuzzPlainLines(f *testing.F) {
	for _, seed := range []string{"- a\n- [x] b", "**x** `y` [z](u)", "| a | b |\n|--|--|\n| c | d |", "> q\n\n```\ncode\n```", "a  \nb<br>c &amp;"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		for _, ln := range PlainLines(body) {
			if ln == "" || ln != strings.TrimSpace(ln) || strings.ContainsFunc(ln, unicode.IsControl) {
				t.Fatalf("line %q from %q", ln, body)
			}
		}
	})
}
