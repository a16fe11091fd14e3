package content

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// PlainLines is the text a reader sees in a Markdown body, as the lesson's
// one dialect (ParseMarkdown) reads it: a line for each paragraph,
// heading, list item's paragraph and line of a code block, a table's row
// as its cells joined by " · ", and a hard line break starts a new line.
// What only marks the text up is gone: a list's bullet or number, a
// task's box, emphasis, code backticks, a heading's #, a quote's >, a
// link's address (its text stays; a bare address is its own text), and
// entities and escapes are resolved. Search lists these lines, so a match
// reads as the step shows it.
func PlainLines(body string) []string {
	doc, src := ParseMarkdown(body)
	var out []string
	add := func(text string) {
		for _, ln := range strings.Split(text, "\n") {
			if ln = strings.Join(strings.Fields(ln), " "); ln != "" {
				out = append(out, ln)
			}
		}
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
			add(inlineText(n, src))
		case *east.TableHeader, *east.TableRow:
			var cells []string
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, strings.ReplaceAll(inlineText(c, src), "\n", " "))
			}
			add(strings.Join(cells, " · "))
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				add(controlFree(string(seg.Value(src))))
			}
		case *ast.HTMLBlock, *ast.ThematicBreak:
		default:
			return ast.WalkContinue, nil // a list, an item, a quote, a table: their blocks
		}
		return ast.WalkSkipChildren, nil
	})
	return out
}

// inlineText is the text of n's inline content: "\n" at a hard line break
// (or <br>), a space at a soft one.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(n ast.Node, code bool)
	walk = func(n ast.Node, code bool) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.WriteString(inlineValue(c.Segment.Value(src), c.IsRaw() || code))
				switch {
				case c.HardLineBreak():
					b.WriteByte('\n')
				case c.SoftLineBreak():
					b.WriteByte(' ')
				}
			case *ast.String:
				b.WriteString(inlineValue(c.Value, c.IsRaw() || c.IsCode() || code))
			case *ast.CodeSpan:
				walk(c, true)
			case *ast.AutoLink:
				b.WriteString(controlFree(string(c.Label(src))))
			case *ast.RawHTML:
				var raw []byte
				for i := range c.Segments.Len() {
					seg := c.Segments.At(i)
					raw = append(raw, seg.Value(src)...)
				}
				if IsHTMLBreak(raw) {
					b.WriteByte('\n')
				}
			case *east.TaskCheckBox:
			default: // emphasis, a link's or an image's text, strikethrough
				walk(c, code)
			}
		}
	}
	walk(n, false)
	return b.String()
}

// inlineValue is a piece of text as a reader sees it: escapes and
// entities resolved unless it is raw (code), no control characters.
func inlineValue(v []byte, raw bool) string {
	if !raw {
		v = util.ResolveNumericReferences(util.ResolveEntityNames(util.UnescapePunctuations(v)))
	}
	return controlFree(string(v))
}

// controlFree turns control characters, which a terminal would obey
// rather than show, into spaces.
func controlFree(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r >= 0x7f && r <= 0x9f {
			return ' '
		}
		return r
	}, s)
}
