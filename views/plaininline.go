package views

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// PlainInline is the inline content of a Markdown block (a paragraph, a
// heading, a table cell) as the Plain look writes it, unwrapped: entities
// resolved, link addresses in brackets after their text, code in
// backticks, a hard line break as "\n" and a soft one as a space. n and
// src come from content.ParseMarkdown. It lets a front-end that lays out
// blocks its own way (the accessible mode reads lists and quotes out in
// words) keep the text of every line exactly as the lesson's other screens
// have it.
func PlainInline(n ast.Node, src []byte) string {
	r := mdRenderer{src: src, o: MarkdownOptions{Look: Plain}}
	var b strings.Builder
	for _, s := range r.spans(n, inlineStyle{}) {
		if s.br {
			b.WriteByte('\n')
			continue
		}
		b.WriteString(s.text)
	}
	return b.String()
}
