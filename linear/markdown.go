package linear

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"jakstat/content"
	"jakstat/views"
)

// A step body read in order, for a listener. What a sighted reader takes
// from layout is said in words: a list says how many items it has before
// them, a quote says that it is one (a correction that starts with its
// own bold label, "Common misconception:", needs no more), a table reads
// each row with its column titles, a code block says where it starts and
// ends. Paragraphs are one line each, never wrapped here; inline text is
// exactly what the other screens show (views.PlainInline).

// markdownLines renders a step body as lines, with a blank line between
// blocks.
func markdownLines(body string) []string {
	doc, src := content.ParseMarkdown(body)
	return mdLinear{src: src}.blocks(doc, "")
}

type mdLinear struct{ src []byte }

// blocks renders n's child blocks; indent starts every line of a block
// nested in a list item, and such blocks follow each other without blank
// lines.
func (r mdLinear) blocks(n ast.Node, indent string) []string {
	var out []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		lines := r.block(c, indent)
		if len(lines) == 0 {
			continue
		}
		if len(out) > 0 && indent == "" {
			out = append(out, "")
		}
		out = append(out, lines...)
	}
	return out
}

func (r mdLinear) block(n ast.Node, indent string) []string {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
		return r.text(n, indent)
	case *ast.List:
		return r.list(n, indent)
	case *ast.Blockquote:
		return r.quote(n, indent)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return r.code(n, indent)
	case *ast.HTMLBlock:
		return r.html(n, indent)
	case *east.Table:
		return r.table(n, indent)
	case *ast.ThematicBreak:
		return nil // a rule only separates, as the blank line already does
	}
	return r.blocks(n, indent)
}

// text is a block's inline text, one line per hard line break.
func (r mdLinear) text(n ast.Node, indent string) []string {
	var out []string
	for _, ln := range strings.Split(views.PlainInline(n, r.src), "\n") {
		if ln = strings.TrimSpace(ln); ln != "" {
			out = append(out, indent+ln)
		}
	}
	return out
}

// list announces a list ("A numbered list of 2 items:"), then gives each
// item on its own line after a dash or its number.
func (r mdLinear) list(l *ast.List, indent string) []string {
	kind := "list"
	if l.IsOrdered() {
		kind = "numbered list"
	}
	head := fmt.Sprintf("A %s of %s:", kind, plural(l.ChildCount(), "item"))
	if indent != "" {
		head = fmt.Sprintf("Within it, a %s of %s:", kind, plural(l.ChildCount(), "item"))
	}
	out := []string{indent + head}
	num := l.Start
	inner := indent + "  "
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		marker := "- "
		if l.IsOrdered() {
			marker = strconv.Itoa(num) + ". "
			num++
		}
		marker += taskState(item)
		lines := r.blocks(item, inner)
		if len(lines) == 0 {
			lines = []string{inner}
		}
		out = append(out, indent+marker+strings.TrimPrefix(lines[0], inner))
		out = append(out, lines[1:]...)
	}
	return out
}

// taskState says whether a task list item is done.
func taskState(item ast.Node) string {
	if first := item.FirstChild(); first != nil {
		if box, ok := first.FirstChild().(*east.TaskCheckBox); ok {
			if box.IsChecked {
				return "done: "
			}
			return "not done: "
		}
	}
	return ""
}

// quote marks a quote in words. A quote that opens with its own bold
// label ("Common misconception:") already says what it is.
func (r mdLinear) quote(n *ast.Blockquote, indent string) []string {
	lines := r.blocks(n, indent)
	if len(lines) == 0 || r.labelled(n) {
		return lines
	}
	lines[0] = indent + "Quote: " + strings.TrimPrefix(lines[0], indent)
	if n.ChildCount() > 1 {
		lines = append(lines, indent+"End of quote.")
	}
	return lines
}

// labelled says whether a quote's first paragraph starts with bold text
// ending in a colon.
func (r mdLinear) labelled(n *ast.Blockquote) bool {
	p, ok := n.FirstChild().(*ast.Paragraph)
	if !ok {
		return false
	}
	em, ok := p.FirstChild().(*ast.Emphasis)
	return ok && em.Level >= 2 && strings.HasSuffix(strings.TrimSpace(views.PlainInline(em, r.src)), ":")
}

// code gives a code block's lines as they are, between two markers.
func (r mdLinear) code(n ast.Node, indent string) []string {
	out := []string{indent + "Code:"}
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		ln := strings.ReplaceAll(strings.TrimRight(string(seg.Value(r.src)), "\r\n"), "\t", "    ")
		out = append(out, indent+"  "+ln)
	}
	return append(out, indent+"End of code.")
}

// html writes what the validator lets through as nothing (a comment or a
// line break) and anything else as written, so nothing is lost silently.
func (r mdLinear) html(n *ast.HTMLBlock, indent string) []string {
	raw := n.Lines().Value(r.src)
	if n.HTMLBlockType == ast.HTMLBlockType2 || content.IsHTMLBreak(raw) {
		return nil
	}
	var out []string
	for _, ln := range strings.Split(strings.TrimRight(string(raw), "\n"), "\n") {
		out = append(out, indent+ln)
	}
	return out
}

// table reads a Markdown table one row a line, each cell after its
// column's title: "Row 1: Drug: Examplinib; Route: oral."
func (r mdLinear) table(t *east.Table, indent string) []string {
	var titles []string
	var rows [][]string
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, strings.TrimSpace(views.PlainInline(c, r.src)))
		}
		if _, ok := row.(*east.TableHeader); ok {
			titles = cells
			continue
		}
		rows = append(rows, cells)
	}
	out := []string{indent + fmt.Sprintf("A table of %s:", plural(len(rows), "row"))}
	for i, cells := range rows {
		var parts []string
		for j, c := range cells {
			switch {
			case c == "":
			case j < len(titles) && titles[j] != "":
				parts = append(parts, titles[j]+": "+c)
			default:
				parts = append(parts, c)
			}
		}
		out = append(out, indent+fmt.Sprintf("Row %d: %s", i+1, sentence(strings.Join(parts, "; "))))
	}
	return out
}
