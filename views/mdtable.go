package views

import (
	"strings"

	"jakstat/content"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// table draws a GitHub-style table in a step body with the lesson's own
// table layout: columns sized to the width with every cell wrapped whole,
// or stacked cards when the columns cannot fit. Cells are plain text (the
// grid holds strings): emphasis is dropped, code keeps its backticks and a
// link its address in brackets, as in print.
func (r *mdRenderer) table(t *east.Table, width int) []string {
	var g content.Table
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, r.cellText(c))
		}
		if _, header := row.(*east.TableHeader); header {
			for _, title := range cells {
				g.Columns = append(g.Columns, content.Column{Title: title})
			}
			continue
		}
		g.Rows = append(g.Rows, cells)
	}
	var out string
	if r.plain() {
		out = PlainTable(g, width)
	} else {
		out = textTable(g, width, &r.s)
	}
	lines := strings.Split(out, "\n")
	for i, ln := range lines {
		lines[i] = strings.TrimRight(ln, " ") // cards pad their lines
	}
	return lines
}

// cellText is a table cell's inline content as plain text on one line.
func (r *mdRenderer) cellText(n ast.Node) string {
	plain := mdRenderer{src: r.src, o: MarkdownOptions{Look: Plain}}
	var b strings.Builder
	for _, s := range plain.spans(n, inlineStyle{}) {
		if s.br {
			b.WriteByte(' ')
		}
		b.WriteString(s.text)
	}
	spaces := func(c rune) bool { return c == ' ' } // a no-break space stays
	return strings.Join(strings.FieldsFunc(b.String(), spaces), " ")
}
