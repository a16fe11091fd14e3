package content

import (
	"bytes"
	"regexp"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// ParseMarkdown parses a step body as the lesson's Markdown: CommonMark
// with GitHub's tables, strikethrough, task lists and bare links. The
// validator and the views both parse with it, so what the validator
// accepts is exactly what the renderer is given. It returns the document
// and the source its nodes point into.
//
// content imports goldmark (a parser with no terminal code) for this: only
// a real parse can tell raw HTML from a code span, a fenced block or an
// autolink such as <https://example.org>.
func ParseMarkdown(body string) (ast.Node, []byte) {
	src := []byte(body)
	return markdownParser().Parse(text.NewReader(src)), src
}

// markdownParser builds the parser once, on first use: building one costs
// more than parsing a step. It is never changed after it is built, and
// goldmark's parser is made to be shared (its own set-up runs under a
// sync.Once; each Parse keeps its state in its own context).
var markdownParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()
})

// htmlBreaks matches the one HTML tag a step may hold, a line break, once
// or several times.
var htmlBreaks = regexp.MustCompile(`(?i)^(?:\s*<br\s*/?>)+\s*$`)

// IsHTMLBreak says whether raw HTML is nothing but line breaks (<br>,
// <br/>, <BR />).
func IsHTMLBreak(raw []byte) bool { return htmlBreaks.Match(raw) }

// isHTMLComment says whether raw HTML is a comment, which draws nothing
// anywhere and so may stay in a step as a note to other authors.
func isHTMLComment(raw []byte) bool {
	return bytes.HasPrefix(raw, []byte("<!--"))
}

// checkBody reports raw HTML in a step body, at its line in the file: a
// terminal cannot draw it, and dropping it silently would lose what the
// author meant. <br> (a line break) and comments are allowed.
func checkBody(st *Step, p *Errors) {
	if !strings.Contains(st.Body, "<") {
		return // no HTML without a "<": skip the parse, which Load pays for before the first frame
	}
	doc, src := ParseMarkdown(st.Body)
	lineOf := func(offset int) int { return st.BodyLine + bytes.Count(src[:offset], []byte("\n")) }
	reported := map[int]bool{} // one problem a line: <span>x</span> is one mistake, not two
	report := func(offset int, raw []byte) {
		if ln := lineOf(offset); !reported[ln] {
			reported[ln] = true
			p.add(st.File, ln, "%s", htmlMessage(raw))
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML:
			if n.Segments.Len() == 0 {
				break
			}
			raw := n.Segments.Value(src)
			if !IsHTMLBreak(raw) && !isHTMLComment(raw) {
				report(n.Segments.At(0).Start, raw)
			}
		case *ast.HTMLBlock:
			if n.HTMLBlockType == ast.HTMLBlockType2 || n.Lines().Len() == 0 {
				break // a comment
			}
			if raw := n.Lines().Value(src); !IsHTMLBreak(raw) {
				report(n.Lines().At(0).Start, raw)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// firstTag finds the first tag in raw HTML, to name it in a message.
var firstTag = regexp.MustCompile(`<[^>]*>?`)

func htmlMessage(raw []byte) string {
	tag := strings.Join(strings.Fields(string(firstTag.Find(raw))), " ")
	if r := []rune(tag); len(r) > 40 {
		tag = string(r[:39]) + "…"
	}
	return "raw HTML " + tag + " cannot be drawn in a terminal: write it in Markdown (only <br> is allowed, for a line break)"
}
