package linear

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"jakstat/content"
)

func TestMarkdownLines(t *testing.T) {
	tests := map[string]struct {
		body string
		want string
	}{
		"paragraphs are one line each":      {"One line\nwrapped in the file.\n\nTwo.", "One line wrapped in the file.\n\nTwo."},
		"inline marks go":                   {"**Bold**, *italic* and a [link](https://example.org).", "Bold, italic and a link [https://example.org]."},
		"a hard break keeps its line":       {"First  \nsecond", "First\nsecond"},
		"headings stand alone":              {"### What happens\nText.", "What happens\n\nText."},
		"a rule says nothing":               {"A\n\n---\n\nB", "A\n\nB"},
		"a bullet list is announced":        {"- one\n- two", "A list of 2 items:\n- one\n- two"},
		"a numbered list keeps its numbers": {"3. three\n4. four", "A numbered list of 2 items:\n3. three\n4. four"},
		"one item":                          {"- alone", "A list of 1 item:\n- alone"},
		"a nested list is announced within its item": {"- outer\n  - inner a\n  - inner b\n- next",
			"A list of 2 items:\n- outer\n  Within it, a list of 2 items:\n  - inner a\n  - inner b\n- next"},
		"a loose item's paragraphs follow it": {"- first para\n\n  second para\n- b", "A list of 2 items:\n- first para\n  second para\n- b"},
		"task lists say done or not":          {"- [x] read\n- [ ] check", "A list of 2 items:\n- done: read\n- not done: check"},
		"a correction speaks for itself":      {"> **Common misconception:** It is not so.", "Common misconception: It is not so."},
		"a plain quote says it is one":        {"> Someone said this.", "Quote: Someone said this."},
		"a long quote says where it ends":     {"> First.\n>\n> Second.", "Quote: First.\n\nSecond.\nEnd of quote."},
		"code is marked":                      {"```\nmake test\n\tgo vet\n```", "Code:\n  make test\n      go vet\nEnd of code."},
		"a table reads row by row": {"| Drug | Route |\n|---|---|\n| A | oral |\n| B | |",
			"A table of 2 rows:\nRow 1: Drug: A; Route: oral.\nRow 2: Drug: B."},
		"comments and breaks vanish": {"A\n\n<!-- a note -->\n\n<br>\n\nB", "A\n\nB"},
		"entities resolve":           {"Caf&eacute; &amp; tea", "Café & tea"},
		"an image says so":           {"![A cell](cell.png)", "Image: A cell [cell.png]"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := strings.Join(markdownLines(tc.body), "\n"); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestMarkdownShippedSteps: every shipped step body reads out with no
// Markdown marks or drawing glyphs left, and every correction keeps its
// label in words.
func TestMarkdownShippedSteps(t *testing.T) {
	l, err := content.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range l.Steps {
		text := strings.Join(markdownLines(st.Body), "\n")
		checkPlain(t, text)
		for _, mark := range []string{"**", "### ", "\n> ", "•", "┃", "Quote: Common"} {
			if strings.Contains("\n"+text, mark) {
				t.Errorf("%s keeps %q", st.File, mark)
			}
		}
		if want, got := strings.Count(st.Body, "> **Common misconception:**"), strings.Count(text, "\nCommon misconception: "); got != want {
			t.Errorf("%s: %d corrections read out, want %d", st.File, got, want)
		}
	}
}

// TestMarkdownGolden reads a body with every kind of block, as a golden
// file to read by eye: go test ./linear -run TestMarkdownGolden -update.
func TestMarkdownGolden(t *testing.T) {
	body := "Intro with **bold**, `code` and a [link](https://example.org/a).\n\n" +
		"### A heading\n\n1. First\n2. Second, with a nested list:\n   - a\n   - b\n\n" +
		"> **Common misconception:** Wrong; the truth follows.\n\n> A quote\n>\n> in two parts.\n\n" +
		"| Cytokine | JAKs |\n|---|---|\n| IL-4 | JAK1 + JAK3 |\n\n```\nline one\n```\n\n- [x] done\n- [ ] to do\n\n---\n\nThe end."
	golden.RequireEqual(t, []byte(strings.Join(markdownLines(body), "\n")+"\n"))
}
