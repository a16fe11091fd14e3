package views

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
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

// Markdown renders a step body to lines at most width cells wide.
//
// It parses with goldmark and draws the result itself instead of using
// glamour: glamour's syntax highlighter costs ~15 ms of start-up (package
// init) before the first frame, a render takes milliseconds, and its wrapper
// lets lines run over the width and breaks blockquotes into one-word
// orphans at narrow widths. Lesson bodies need paragraphs, headings, lists,
// quotes and emphasis; this draws those exactly, in microseconds, with every
// line carrying its own styles so any line can start a scrolled view.
func Markdown(body string, width int, look Look) string {
	src := []byte(body)
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	r := mdRenderer{src: src, look: look}
	if look != Plain {
		r.s = NewStyles(look == Dark)
	}
	lines := r.children(doc, max(width, 10), inlineStyle{})
	return strings.Join(lines, "\n")
}

// inlineStyle is the emphasis in force on a run of text.
type inlineStyle struct {
	bold, italic, code, heading, quote bool
}

type mdRenderer struct {
	src  []byte
	look Look
	s    Styles
}

func (r *mdRenderer) style(st inlineStyle) lipgloss.Style {
	if r.look == Plain {
		return lipgloss.NewStyle()
	}
	var out lipgloss.Style
	switch {
	case st.heading:
		out = r.s.MdHeading
	case st.code:
		out = r.s.MdCode
	case st.quote:
		out = r.s.MdQuote
	default:
		out = r.s.MdText
	}
	if st.bold {
		out = out.Bold(true)
	}
	if st.italic {
		out = out.Italic(true)
	}
	return out
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
		return wrapWords(r.words(n, st), width, r)
	case *ast.Heading:
		st.heading, st.bold = true, true
		return wrapWords(r.words(n, st), width, r)
	case *ast.Blockquote:
		st.quote = true
		inner := r.children(n, width-2, st)
		bar := r.style(inlineStyle{quote: true}).Render(r.glyph("┃", "|"))
		for i, ln := range inner {
			inner[i] = strings.TrimRight(bar+" "+ln, " ")
		}
		return inner
	case *ast.List:
		return r.list(n, width, st)
	case *ast.ThematicBreak:
		return []string{r.s.Muted.Render(strings.Repeat(r.glyph("─", "-"), width))}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var out []string
		lines := n.Lines()
		code := r.style(inlineStyle{code: true})
		for i := range lines.Len() {
			seg := lines.At(i)
			ln := strings.TrimRight(string(seg.Value(r.src)), "\n")
			out = append(out, code.Render(ansi.Truncate(ln, width, "…")))
		}
		return out
	}
	return nil // raw HTML and anything unknown: the validator keeps them out of lessons
}

func (r *mdRenderer) glyph(unicode, ascii string) string {
	if r.look == Plain {
		return ascii
	}
	return unicode
}

// list renders items with a bullet or number and a hanging indent.
func (r *mdRenderer) list(l *ast.List, width int, st inlineStyle) []string {
	var out []string
	num := l.Start
	marker := func() string {
		if l.IsOrdered() {
			m := strconv.Itoa(num) + ". "
			num++
			return m
		}
		return "• "
	}
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		m := marker()
		indent := strings.Repeat(" ", ansi.StringWidth(m))
		inner := r.children(item, width-len(indent), st)
		if !l.IsTight && len(out) > 0 {
			out = append(out, "")
		}
		for i, ln := range inner {
			switch {
			case i == 0:
				out = append(out, r.style(st).Render(m)+ln)
			case ln == "":
				out = append(out, "")
			default:
				out = append(out, indent+ln)
			}
		}
	}
	return out
}

// piece is a run of text in one style; a word is pieces with no space
// between them ("**JAK1**," is a bold piece and a plain comma).
type piece struct {
	text  string
	style inlineStyle
}

type word struct {
	pieces []piece
	width  int
	br     bool // a hard line break, not a word
}

// words flattens a block's inline content into words.
func (r *mdRenderer) words(n ast.Node, st inlineStyle) []word {
	var ws []word
	glue := false // the next text continues the last word
	add := func(s string, st inlineStyle) {
		for i, f := range strings.Split(s, " ") {
			if i > 0 {
				glue = false
			}
			if f == "" {
				continue
			}
			p := piece{text: f, style: st}
			if glue && len(ws) > 0 && !ws[len(ws)-1].br {
				last := &ws[len(ws)-1]
				last.pieces = append(last.pieces, p)
				last.width += ansi.StringWidth(f)
			} else {
				ws = append(ws, word{pieces: []piece{p}, width: ansi.StringWidth(f)})
			}
			glue = true
		}
		if strings.HasSuffix(s, " ") {
			glue = false
		}
	}
	var walk func(n ast.Node, st inlineStyle)
	walk = func(n ast.Node, st inlineStyle) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				add(string(c.Value(r.src)), st)
				if c.HardLineBreak() {
					ws = append(ws, word{br: true})
					glue = false
				} else if c.SoftLineBreak() {
					glue = false
				}
			case *ast.String:
				add(string(c.Value), st)
			case *ast.Emphasis:
				inner := st
				if c.Level >= 2 {
					inner.bold = true
				} else {
					inner.italic = true
				}
				walk(c, inner)
			case *ast.CodeSpan:
				inner := st
				inner.code = true
				walk(c, inner)
			case *ast.AutoLink:
				add(string(c.URL(r.src)), st)
			case *ast.RawHTML:
				// Left out: lessons are text.
			default:
				walk(c, st) // links and images: their text
			}
		}
	}
	walk(n, st)
	return ws
}

// wrapWords lays words out in lines of at most width cells, breaking only
// between words (a word longer than a line is cut at a grapheme). Each line
// is styled on its own.
func wrapWords(ws []word, width int, r *mdRenderer) []string {
	var lines []string
	var cur []word
	curW := 0
	flush := func() {
		lines = append(lines, r.line(cur))
		cur, curW = nil, 0
	}
	for _, w := range ws {
		if w.br {
			flush()
			continue
		}
		if w.width > width {
			w = cutWord(w, width)
		}
		need := w.width
		if len(cur) > 0 {
			need++
		}
		if curW+need > width && len(cur) > 0 {
			flush()
			need = w.width
		}
		cur = append(cur, w)
		curW += need
	}
	if len(cur) > 0 {
		flush()
	}
	return lines
}

// cutWord shortens a word wider than a whole line, marking the cut.
func cutWord(w word, width int) word {
	var b strings.Builder
	for _, p := range w.pieces {
		b.WriteString(p.text)
	}
	short := ansi.Truncate(b.String(), width, "…")
	return word{pieces: []piece{{text: short, style: w.pieces[0].style}}, width: ansi.StringWidth(short)}
}

// line renders one line's words, joining runs that share a style so each
// style is opened once.
func (r *mdRenderer) line(ws []word) string {
	var b, run strings.Builder
	var runStyle inlineStyle
	started := false
	emit := func() {
		if run.Len() > 0 {
			b.WriteString(r.style(runStyle).Render(run.String()))
			run.Reset()
		}
	}
	for i, w := range ws {
		for j, p := range w.pieces {
			if started && p.style != runStyle {
				emit()
			}
			if i > 0 && j == 0 {
				run.WriteByte(' ')
			}
			runStyle, started = p.style, true
			run.WriteString(p.text)
		}
	}
	emit()
	return b.String()
}
