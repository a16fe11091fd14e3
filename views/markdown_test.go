package views

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

func sample(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/sample.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestGoldenMarkdown draws an author's sample holding every construct a
// step may use, as print shows it (Plain) and as the lesson shows it
// (Dark, escape codes stripped), at a projector's, a laptop's and a wide
// window's text width.
func TestGoldenMarkdown(t *testing.T) {
	body := sample(t)
	for _, look := range []Look{Plain, Dark} {
		for _, w := range []int{40, 60, 100} {
			name := fmt.Sprintf("%s-%d", map[Look]string{Plain: "plain", Dark: "dark"}[look], w)
			t.Run(name, func(t *testing.T) {
				out := Markdown(body, w, look)
				assertFits(t, out, w, look)
				golden.RequireEqual(t, []byte(ansi.Strip(out)))
			})
		}
	}
}

// assertFits checks that every line fits width; in print's look (Plain) a
// web address too long for it may run past it alone on its line, since
// print never breaks one.
func assertFits(t *testing.T, out string, width int, look Look) {
	t.Helper()
	for i, ln := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(ln); w > width && !(look == Plain && loneAddress(ln)) {
			t.Errorf("line %d is %d wide, over %d: %q", i+1, w, width, ansi.Strip(ln))
		}
	}
}

// TestMarkdownConstructs checks each construct an author writes for what a
// reader must see, one case a construct.
func TestMarkdownConstructs(t *testing.T) {
	tests := map[string]struct {
		body   string
		width  int
		dark   bool // the lesson's look instead of print's
		links  bool
		want   []string // lines (escape codes stripped) that must appear, in order
		absent []string // text that must not appear anywhere
	}{
		"entities and references": {body: "AT&amp;T, caf&eacute;, &#955; &#x3B3; &lt;b&gt; &amp;lt;", width: 60,
			want: []string{"AT&T, café, λ γ <b> &lt;"}},
		"backslash escapes":      {body: `\*not bold\* \_x\_ \# \\ \[y\]`, width: 60, want: []string{`*not bold* _x_ # \ [y]`}},
		"inline br":              {body: "one<br>two<br/>three<BR />four", width: 60, want: []string{"one", "two", "three", "four"}},
		"comment dropped":        {body: "a <!-- a note to authors --> b", width: 60, want: []string{"a b"}, absent: []string{"note"}},
		"unvalidated html shown": {body: "a <span>b</span>", width: 60, want: []string{"a <span>b</span>"}},
		"code block wraps": {body: "```\nabcdefghij klmnopqrst uvwxyz0123456789ABC\n```", width: 20,
			want: []string{"  abcdefghij", "    klmnopqrst", "    uvwxyz0123456789", "    ABC"}, absent: []string{"…"}},
		"code block tab":  {body: "```\n\tx\n```", width: 20, want: []string{"      x"}},
		"code span plain": {body: "run `go test` now", width: 60, want: []string{"run `go test` now"}},
		"code span dark":  {body: "run `go test` now", width: 60, dark: true, want: []string{"run go test now"}},
		"long word wraps": {body: "a pneumonoultramicroscopicsilicovolcanoconiosis b", width: 20,
			want: []string{"a", "pneumonoultramicrosc", "opicsilicovolcanocon", "iosis b"}, absent: []string{"…"}},
		"url wraps at a slash": {body: "see https://example.org/a/rather/long/path/to/a/page.html ok", width: 24, dark: true,
			want: []string{"see", "https://example.org/a/", "rather/long/path/to/a/", "page.html ok"}},
		"print keeps a url whole": {body: "see https://example.org/a/rather/long/path/to/a/page.html ok", width: 24,
			want: []string{"see", "https://example.org/a/rather/long/path/to/a/page.html", "ok"}},
		"print keeps an address whole": {body: "see [the page](https://example.org/a/rather/long/path/to/a/page.html). ok", width: 24,
			want: []string{"see the page", "[https://example.org/a/rather/long/path/to/a/page.html].", "ok"}},
		"cjk wraps anywhere": {body: "日本語の文章は単語の間に空白を入れない。", width: 12,
			want: []string{"日本語の文章", "は単語の間に", "空白を入れな", "い。"}},
		"cjk soft break": {body: "日本語\n文章 and\nmore", width: 40, want: []string{"日本語文章 and more"}},
		"headings plain": {body: "# One\n\n## Two\n\n### Three\n\n#### Four", width: 40,
			want: []string{"One", "===", "", "Two", "---", "", "Three", "", "Four"}},
		"numbers line up":          {body: "8. a\n9. b\n10. c\n11. d", width: 40, want: []string{" 8. a", " 9. b", "10. c", "11. d"}},
		"hanging indent":           {body: "9. a b c d e f g h i j\n10. k", width: 14, want: []string{" 9. a b c d e", "    f g h i j", "10. k"}},
		"too narrow for an indent": {body: "9. a b c d e f g h i j\n10. k", width: 12, want: []string{" 9.", "a b c d e f", "g h i j", "10.", "k"}},
		"strikethrough":            {body: "~~old~~ new", width: 40, want: []string{"~~old~~ new"}},
		"task list":                {body: "- [x] done\n- [ ] to do", width: 40, want: []string{"[x] done", "[ ] to do"}},
		"image":                    {body: "![A cell](img/cell.png)", width: 60, want: []string{"Image: A cell [img/cell.png]"}},
		"link address":             {body: "read [the label](https://example.org/l) now", width: 60, want: []string{"read the label [https://example.org/l] now"}},
		"link hyperlink":           {body: "read [the label](https://example.org/l) now", width: 60, dark: true, links: true, want: []string{"read the label now"}, absent: []string{"[https"}},
		"plain ignores hyperlinks": {body: "[x](https://e.org)", width: 60, links: true, want: []string{"x [https://e.org]"}},
		"autolink once":            {body: "<https://e.org/a> and <me@e.org>", width: 60, want: []string{"https://e.org/a and me@e.org"}},
		"bare url":                 {body: "go to https://e.org/x.", width: 60, want: []string{"go to https://e.org/x."}},
		"reference link":           {body: "[label][r]\n\n[r]: https://e.org/r", width: 60, want: []string{"label [https://e.org/r]"}},
		"address whole":            {body: "aaaa bbbb [cc](https://e.org/dd)", width: 24, want: []string{"aaaa bbbb cc", "[https://e.org/dd]"}},
		"control chars":            {body: "a\x1b[31mred\x07 b", width: 40, want: []string{"a[31mred b"}},
		"quote bars":               {body: "> one two three four five six\n>\n> > nested", width: 16, want: []string{"| one two three", "| four five six", "|", "| | nested"}},
		"table": {body: "| A | B |\n|---|--:|\n| x | `y` |\n| long cell | z |", width: 40,
			want: []string{"A         B", "-------------", "x         `y`", "long cell z"}},
		"table as cards": {body: "| Name | Note |\n|---|---|\n| Cetirizine | pharmacokinetically short |", width: 24,
			want: []string{"  Cetirizine", "  Note:", "  pharmacokinetically", "  short"}},
		"cards in a narrow quote": {body: "> | Name | B |\n> |---|---|\n> | abcdefghijklmnop | y |", width: 12,
			want: []string{"|   abcdefgh", "|   ijklmnop", "|   B: y"}},
		"rule": {body: "a\n\n---\n\nb", width: 10, want: []string{"a", "", "----------", "", "b"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			look := Plain
			if tc.dark {
				look = Dark
			}
			out := RenderMarkdown(tc.body, MarkdownOptions{Width: tc.width, Look: look, Hyperlinks: tc.links})
			assertFits(t, out, tc.width, look)
			lines := strings.Split(ansi.Strip(out), "\n")
			next := 0
			for _, w := range tc.want {
				for next < len(lines) && lines[next] != w {
					next++
				}
				if next == len(lines) {
					t.Fatalf("line %q missing (or out of order) in:\n%s", w, strings.Join(lines, "\n"))
				}
				next++
			}
			for _, a := range tc.absent {
				if strings.Contains(out, a) {
					t.Errorf("%q should not appear in:\n%s", a, out)
				}
			}
		})
	}
}

// TestMarkdownHyperlinks: with hyperlinks on, a link that wraps is a
// complete OSC 8 link on each of its lines (any line may be the first one
// shown after a scroll), and no address is printed.
func TestMarkdownHyperlinks(t *testing.T) {
	body := "see [a link whose text wraps over lines](https://e.org/x) and [another](https://e.org/y)"
	out := RenderMarkdown(body, MarkdownOptions{Width: 20, Look: Dark, Hyperlinks: true})
	open := ansi.SetHyperlink("https://e.org/x")
	lines := strings.Split(out, "\n")
	linked := 0
	for _, ln := range lines {
		if strings.Count(ln, "\x1b]8;;") != 2*strings.Count(ln, open)+2*strings.Count(ln, ansi.SetHyperlink("https://e.org/y")) {
			t.Errorf("unbalanced hyperlink on %q", ln)
		}
		if strings.Contains(ln, open) {
			linked++
		}
	}
	if linked < 2 {
		t.Errorf("the wrapped link is a hyperlink on %d lines, want every line it covers:\n%q", linked, out)
	}
	if strings.Contains(ansi.Strip(out), "e.org") {
		t.Errorf("addresses printed although hyperlinks are on:\n%s", ansi.Strip(out))
	}
}

// TestMarkdownHeadingLevelsDiffer: each heading level looks different from
// the others in the lesson's colours, and # and ## differ from the rest in
// print.
func TestMarkdownHeadingLevelsDiffer(t *testing.T) {
	for _, look := range []Look{Dark, Light, Plain} {
		seen := map[string]int{}
		for level := 1; level <= 4; level++ {
			out := Markdown(strings.Repeat("#", level)+" Heading", 40, look)
			if prev, ok := seen[out]; ok && (look != Plain || level <= 3) {
				t.Errorf("look %d: level %d looks like level %d: %q", look, level, prev, out)
			}
			seen[out] = level
		}
	}
}

// TestMarkdownLinesCloseTheirStyles: every styled line ends with its styles
// reset, so the lesson can show any line first after a scroll.
func TestMarkdownLinesCloseTheirStyles(t *testing.T) {
	for _, w := range []int{40, 100} {
		for i, ln := range strings.Split(Markdown(sample(t), w, Dark), "\n") {
			last := strings.LastIndex(ln, "\x1b[")
			if last >= 0 && !strings.HasPrefix(ln[last:], "\x1b[m") && !strings.HasPrefix(ln[last:], "\x1b[0m") {
				t.Errorf("width %d, line %d leaves a style open: %q", w, i+1, ln)
			}
		}
	}
}

// FuzzMarkdown: whatever an author writes, the renderer returns lines
// within the width (but for a web address alone on its line in print's
// look, which never breaks one), print's look has no escape codes, and it
// never panics.
func FuzzMarkdown(f *testing.F) {
	// The sample's blocks one by one: small seeds keep the fuzzer's
	// minimising of each new input quick.
	for _, block := range strings.Split(sample(f), "\n\n") {
		f.Add(block, 40)
	}
	for _, s := range []string{"- a\n  - b\n    - c", "> > > > deep", "| a |\n|---|\n| 日本語日本語日本語 |",
		"1234567890. x", "`" + strings.Repeat("x", 50) + "`", "[a](<b c>)", "~~**_x_**~~", "<br><br>\n\n<br>", "```\n\t\tx\n```",
		"- [x] <https://www.example.org/a/long/address>", "> see [this](https://example.org/a/long/address) page"} {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, body string, width int) {
		width = 10 + abs(width)%120
		for _, o := range []MarkdownOptions{{Width: width, Look: Plain}, {Width: width, Look: Dark, Hyperlinks: true}} {
			out := RenderMarkdown(body, o)
			for _, ln := range strings.Split(out, "\n") {
				if ansi.StringWidth(ln) > width && !(o.Look == Plain && loneAddress(ln)) {
					t.Fatalf("width %d, look %d: line %q is %d wide", width, o.Look, ansi.Strip(ln), ansi.StringWidth(ln))
				}
			}
			if o.Look == Plain && strings.ContainsRune(out, '\x1b') {
				t.Fatalf("plain output has an escape code: %q", out)
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// TestMarkdownConcurrent: the lesson renders steps ahead on other goroutines
// and a classroom renders for many sessions at once, all through the one
// shared parser. Under the race detector (.ci/run) this checks that sharing
// it is safe; everywhere it checks the results agree.
func TestMarkdownConcurrent(t *testing.T) {
	body := sample(t)
	want := map[int]string{}
	for _, w := range []int{40, 60, 100} {
		want[w] = Markdown(body, w, Dark)
	}
	var wg sync.WaitGroup
	got := make([]string, 12)
	for i := range got {
		wg.Go(func() { got[i] = Markdown(body, []int{40, 60, 100}[i%3], Dark) })
	}
	wg.Wait()
	for i, out := range got {
		if out != want[[]int{40, 60, 100}[i%3]] {
			t.Errorf("render %d differs from the sequential one", i)
		}
	}
}
