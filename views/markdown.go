package views

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"jakstat/content"
)

// Look picks how Markdown is drawn: colours for a dark or light terminal,
// or Plain for the print path, where no escape code may appear.
type Look int

// The Markdown looks.
const (
	Dark Look = iota
	Light
	Plain
)

// LookFor returns the look matching a dark or light background.
func LookFor(isDark bool) Look {
	if isDark {
		return Dark
	}
	return Light
}

// MarkdownOptions are what the caller decides about drawing a step body.
type MarkdownOptions struct {
	// Width is the most cells a line may take; below 10 it counts as 10.
	Width int
	// Look is the colours, or Plain for text without escape codes.
	Look Look
	// Hyperlinks draws each link as an OSC 8 hyperlink: its text is
	// clickable and the address is not printed. Set it only for a terminal
	// known to support them; otherwise (and always with Plain) the address
	// follows the link's text in brackets, so it is never lost.
	Hyperlinks bool
}

// Markdown renders a step body to lines at most width cells wide, with
// addresses of links printed in brackets. It is RenderMarkdown with only a
// width and a look.
func Markdown(body string, width int, look Look) string {
	return RenderMarkdown(body, MarkdownOptions{Width: width, Look: look})
}

// RenderMarkdown renders a step body as the options say.
//
// It parses with goldmark (content.ParseMarkdown, the dialect the validator
// checks) and draws the result itself instead of using glamour, which costs
// tens of milliseconds of start-up, milliseconds a render, and at narrow
// widths breaks quotes into one-word lines and loses list indents (README
// has the figures). Lines break where Unicode allows (UAX #14: between
// words, after hyphens, between CJK characters); a word wider than a line
// is split, never cut. Every line carries its own styles, so any line can
// start a scrolled view.
func RenderMarkdown(body string, o MarkdownOptions) string {
	if !utf8.ValidString(body) {
		// The validator refuses such files; text from elsewhere is mended
		// so that every width is measured the same way.
		body = strings.ToValidUTF8(body, "\uFFFD")
	}
	doc, src := content.ParseMarkdown(body)
	r := mdRenderer{src: src, o: o, open: map[inlineStyle][2]string{}}
	if o.Look == Plain {
		r.o.Hyperlinks = false // a hyperlink is an escape code
	} else {
		r.s = NewStyles(o.Look == Dark)
	}
	return strings.Join(r.children(doc, max(o.Width, 10), inlineStyle{}), "\n")
}

// inlineStyle is what is in force on a run of text. It is comparable, so
// runs that share it can be drawn under one escape sequence.
type inlineStyle struct {
	heading                     int // 1-6, or 0 outside headings
	bold, italic, strike, code  bool
	quote, link, muted, literal bool
}

type mdRenderer struct {
	src  []byte
	o    MarkdownOptions
	s    Styles
	open map[inlineStyle][2]string // each style's opening and closing codes, worked out once
}

func (r *mdRenderer) plain() bool { return r.o.Look == Plain }

// glyph picks the drawing character for the look: Plain output must read
// in any font and fold to ASCII.
func (r *mdRenderer) glyph(unicode, ascii string) string {
	if r.plain() {
		return ascii
	}
	return unicode
}

// children renders n's child blocks, one blank line between blocks; a tight
// list item's text runs straight into a list nested under it.
func (r *mdRenderer) children(n ast.Node, width int, st inlineStyle) []string {
	var out []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		lines := r.block(c, width, st)
		if len(lines) == 0 {
			continue
		}
		if len(out) > 0 && !(c.Kind() == ast.KindList && c.PreviousSibling().Kind() == ast.KindTextBlock) {
			out = append(out, "")
		}
		out = append(out, lines...)
	}
	return out
}

func (r *mdRenderer) block(n ast.Node, width int, st inlineStyle) []string {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return r.wrap(r.spans(n, st), width)
	case *ast.Heading:
		return r.heading(n, width, st)
	case *ast.Blockquote:
		return r.quote(n, width, st)
	case *ast.List:
		return r.list(n, width, st)
	case *ast.ThematicBreak:
		return []string{r.render(inlineStyle{muted: true}, strings.Repeat(r.glyph("─", "-"), width))}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return r.code(n, width)
	case *ast.HTMLBlock:
		return r.htmlBlock(n, width)
	case *east.Table:
		return r.table(n, width)
	}
	if n.FirstChild() != nil {
		return r.children(n, width, st)
	}
	return nil
}

// heading draws the levels apart: # and ## get a rule under them (double,
// then light), ### is bold in the accent colour, deeper levels bold and
// italic in the text colour. In Plain, the rules are = and -.
func (r *mdRenderer) heading(n *ast.Heading, width int, st inlineStyle) []string {
	st.heading = min(max(n.Level, 1), 6)
	lines := r.wrap(r.spans(n, st), width)
	if n.Level > 2 || len(lines) == 0 {
		return lines
	}
	w := 0
	for _, ln := range lines {
		w = max(w, lipgloss.Width(ln))
	}
	rule := r.glyph("═", "=")
	if n.Level == 2 {
		rule = r.glyph("─", "-")
	}
	return append(lines, r.render(inlineStyle{heading: n.Level, literal: true}, strings.Repeat(rule, w)))
}

// quote draws a bar down the left of every line, nested quotes included.
// A quote too deep for the width loses its bar rather than overflow.
func (r *mdRenderer) quote(n *ast.Blockquote, width int, st inlineStyle) []string {
	st.quote = true
	if width < minNested+2 {
		return r.children(n, width, st)
	}
	inner := r.children(n, width-2, st)
	bar := r.render(inlineStyle{quote: true}, r.glyph("┃", "|"))
	for i, ln := range inner {
		inner[i] = strings.TrimRight(bar+" "+ln, " ")
	}
	return inner
}

// minNested is the narrowest a quote's or list item's text may get before
// the bar or the hanging indent is dropped to keep within the width. It is
// the narrowest width anything is drawn at: a table's cards need 10.
const minNested = 10

// list renders items with a bullet, a number or a task box and a hanging
// indent. Numbers are right-aligned, so 9. and 10. line up.
func (r *mdRenderer) list(l *ast.List, width int, st inlineStyle) []string {
	var out []string
	num := l.Start
	digits := len(strconv.Itoa(l.Start + l.ChildCount() - 1))
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		var m string
		switch box := taskBox(item); {
		case l.IsOrdered():
			n := strconv.Itoa(num)
			m = strings.Repeat(" ", max(digits-len(n), 0)) + n + string(l.Marker) + " "
			num++
		case box != nil && box.IsChecked:
			m = "[x] "
		case box != nil:
			m = "[ ] "
		default:
			m = "• " // --ascii folds it to * with the rest of the frame
		}
		mw := lipgloss.Width(m)
		indent := strings.Repeat(" ", mw)
		var inner []string
		if width-mw >= minNested {
			inner = r.children(item, width-mw, st)
		} else {
			// Too narrow for a hanging indent: the marker gets a line of its own.
			indent, inner = "", append([]string{""}, r.children(item, width, st)...)
		}
		if len(inner) == 0 {
			inner = []string{""}
		}
		if !l.IsTight && len(out) > 0 {
			out = append(out, "")
		}
		for i, ln := range inner {
			switch {
			case i == 0:
				out = append(out, strings.TrimRight(r.render(st, m)+ln, " "))
			case ln == "":
				out = append(out, "")
			default:
				out = append(out, indent+ln)
			}
		}
	}
	return out
}

// taskBox returns a task list item's check box, or nil.
func taskBox(item ast.Node) *east.TaskCheckBox {
	if first := item.FirstChild(); first != nil {
		if box, ok := first.FirstChild().(*east.TaskCheckBox); ok {
			return box
		}
	}
	return nil
}

// code draws a code block indented by two columns. Long lines wrap (at a
// space where one is near, else mid-word) and their continuations are
// indented two more, so nothing is cut and a wrapped line reads as one.
func (r *mdRenderer) code(n ast.Node, width int) []string {
	var out []string
	lines := n.Lines()
	for i := range lines.Len() {
		ln := strings.TrimRight(expandTabs(string(r.src[lines.At(i).Start:lines.At(i).Stop])), " \n\r")
		out = append(out, r.codeLine(cleanText(ln), width, inlineStyle{code: true, literal: true})...)
	}
	return out
}

// codeLine wraps one line of literal text with the code block's indents
// (dropped when the width is too narrow to spare them).
func (r *mdRenderer) codeLine(ln string, width int, st inlineStyle) []string {
	indent, more := "  ", "    "
	if width < minNested+len(more) {
		indent, more = "", ""
	}
	if ln == "" {
		return []string{""}
	}
	head, rest := splitLine(ln, width-len(indent))
	out := []string{indent + r.render(st, head)}
	for rest != "" {
		head, rest = splitLine(rest, width-len(more))
		out = append(out, more+r.render(st, head))
	}
	return out
}

// htmlBlock draws what the validator lets through: nothing for a comment, a
// blank line for <br>. Anything else (only in text that was not
// validated) is shown as it is written, so nothing disappears silently.
func (r *mdRenderer) htmlBlock(n *ast.HTMLBlock, width int) []string {
	raw := n.Lines().Value(r.src)
	switch {
	case n.HTMLBlockType == ast.HTMLBlockType2:
		return nil
	case content.IsHTMLBreak(raw):
		return []string{""}
	}
	var out []string
	for _, ln := range strings.Split(strings.TrimRight(string(raw), "\n"), "\n") {
		out = append(out, r.codeLine(cleanText(expandTabs(ln)), width, inlineStyle{muted: true, literal: true})...)
	}
	return out
}

// expandTabs replaces tabs with spaces to the next multiple of four
// columns: a tab has no width of its own to lay out.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, c := range s {
		if c == '\t' {
			n := 4 - col%4
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(c)
		col += textWidth(string(c))
	}
	return b.String()
}
