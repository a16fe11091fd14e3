package views

import (
	"bytes"
	_ "embed"
	"fmt"
	"html"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"

	"jakstat/content"
)

// handoutCSS styles the HTML handout: a readable column on a screen, one
// column on a phone, and paper (page margins, no break inside a diagram or
// a table, each link's address after it).
//
//go:embed handout.css
var handoutCSS string

// PrintHTML writes the lesson as one self-contained HTML page: its styles
// are inside it, it has no scripts, and nothing on it loads anything from
// anywhere (an image in a step shows as a link to it, not the picture), so
// it opens offline and prints as it looks. It holds every step under its
// section, each diagram's last frame as preformatted text, every table,
// each step's sources as links, the glossary, and with o.Answers the
// questions with their answers. <html lang> is the lesson's language.
func PrintHTML(l *content.Lesson, o PrintOptions) string {
	bodies := renderAll(len(l.Steps), func(i int) string { return StepHTML(l.Steps[i].Body, 3) })
	var b strings.Builder
	m := l.Meta
	fmt.Fprintf(&b, "<!doctype html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", esc(m.Language))
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	b.WriteString("<link rel=\"icon\" href=\"data:,\">\n") // no request for /favicon.ico
	fmt.Fprintf(&b, "<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n", esc(m.Title), handoutCSS)
	htmlCover(&b, l)
	b.WriteString("<main>\n")
	section := ""
	for i, st := range l.Steps {
		if st.Section != section {
			if section != "" {
				b.WriteString("</section>\n")
			}
			section = st.Section
			fmt.Fprintf(&b, "<section class=\"part\">\n<h2>%s</h2>\n", esc(section))
		}
		htmlStep(&b, l, i, bodies[i], glyphsFor(o.ASCII))
	}
	if section != "" {
		b.WriteString("</section>\n")
	}
	htmlGlossary(&b, l)
	if o.Answers {
		htmlQuestions(&b, l)
	}
	htmlAllSources(&b, l)
	fmt.Fprintf(&b, "</main>\n<footer>\n<p>%s Facts checked on <time datetime=\"%s\">%s</time>.</p>\n</footer>\n</body>\n</html>\n",
		esc(m.Disclaimer), esc(m.Checked), esc(m.Checked))
	out := b.String()
	if o.ASCII {
		out = ASCIIFrame(out)
	}
	return out
}

func esc(s string) string { return html.EscapeString(s) }

// stepID is the anchor of a step in the page.
func stepID(st content.Step) string { return "step-" + st.ID }

// htmlCover is the page's top: title, subtitle, disclaimer, date, contents.
func htmlCover(b *strings.Builder, l *content.Lesson) {
	m := l.Meta
	fmt.Fprintf(b, "<header class=\"cover\">\n<h1>%s</h1>\n", esc(m.Title))
	if m.Subtitle != "" {
		fmt.Fprintf(b, "<p class=\"subtitle\">%s</p>\n", esc(m.Subtitle))
	}
	fmt.Fprintf(b, "<p class=\"disclaimer\">%s</p>\n<p class=\"checked\">Facts checked on <time datetime=\"%s\">%s</time>.</p>\n",
		esc(m.Disclaimer), esc(m.Checked), esc(m.Checked))
	b.WriteString("<nav class=\"contents\" aria-label=\"Contents\">\n<ol>\n")
	for _, st := range l.Steps {
		fmt.Fprintf(b, "<li><a href=\"#%s\">%s</a> <span class=\"section\">%s</span></li>\n", esc(stepID(st)), esc(st.Title), esc(st.Section))
	}
	b.WriteString("</ol>\n</nav>\n</header>\n")
}

// htmlStep is one step: heading, diagram, text, table, sources.
func htmlStep(b *strings.Builder, l *content.Lesson, i int, body string, g Glyphs) {
	st := l.Steps[i]
	fmt.Fprintf(b, "<article class=\"step\" id=\"%s\">\n<h3><span class=\"number\">%d</span> %s</h3>\n", esc(stepID(st)), i+1, esc(st.Title))
	if st.Scene != "" {
		caption := SceneCaption(st.Scene)
		frame := SceneAt(st.Scene, SceneFrames(st.Scene)-1, SceneWide, g, Styles{})
		fmt.Fprintf(b, "<figure class=\"diagram\">\n<pre role=\"img\" aria-label=\"%s\">%s</pre>\n<figcaption>%s</figcaption>\n</figure>\n",
			esc(caption), esc(trimLines(frame)), esc(caption))
	}
	b.WriteString(body)
	if st.Table != "" {
		htmlTable(b, l, l.Table(st.Table))
	}
	if len(st.Sources.IDs) > 0 {
		b.WriteString("<aside class=\"sources\">\n<h4>Sources</h4>\n<ul>\n")
		for _, id := range st.Sources.IDs {
			htmlSource(b, l, id)
		}
		b.WriteString("</ul>\n</aside>\n")
	}
	b.WriteString("</article>\n")
}

// htmlSource is one source as a list item: its id, its title linked to
// its address, and the address written out for paper.
func htmlSource(b *strings.Builder, l *content.Lesson, id string) {
	src, _ := l.Source(id)
	if src.URL == "" {
		fmt.Fprintf(b, "<li><span class=\"id\">[%s]</span> %s</li>\n", esc(id), esc(src.Title))
		return
	}
	fmt.Fprintf(b, "<li><span class=\"id\">[%s]</span> <a href=\"%s\">%s</a> <span class=\"url\">%s</span></li>\n",
		esc(id), esc(src.URL), esc(src.Title), esc(src.URL))
}

// htmlTable is one of the lesson's tables, with its caption and caveat. On
// a phone its rows stack as cards, each cell labelled with its column, as
// the terminal does in a narrow window.
func htmlTable(b *strings.Builder, l *content.Lesson, g content.Table) {
	fmt.Fprintf(b, "<figure class=\"table\">\n<figcaption>%s</figcaption>\n<div class=\"scroll\">\n<table class=\"cards\">\n<thead><tr>", esc(g.Caption))
	for _, c := range g.Columns {
		fmt.Fprintf(b, "<th scope=\"col\">%s</th>", esc(c.Title))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, row := range g.Rows {
		b.WriteString("<tr>")
		for j := range g.Columns {
			if j == 0 { // the row's name heads the row, for screen readers
				fmt.Fprintf(b, "<th scope=\"row\">%s</th>", esc(cell(row, j)))
			} else {
				fmt.Fprintf(b, "<td data-label=\"%s\">%s</td>", esc(g.Columns[j].Title), esc(cell(row, j)))
			}
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n</div>\n")
	if c := g.Spec.Caveat(l); c != "" {
		fmt.Fprintf(b, "<p class=\"caveat\">%s</p>\n", esc(c))
	}
	b.WriteString("</figure>\n")
}

func htmlGlossary(b *strings.Builder, l *content.Lesson) {
	if len(l.Glossary) == 0 {
		return
	}
	b.WriteString("<section class=\"part\" id=\"glossary\">\n<h2>Glossary</h2>\n<dl>\n")
	for _, t := range l.Glossary {
		fmt.Fprintf(b, "<dt>%s</dt><dd>%s</dd>\n", esc(t.Term), esc(t.Meaning))
	}
	b.WriteString("</dl>\n</section>\n")
}

func htmlQuestions(b *strings.Builder, l *content.Lesson) {
	if len(l.Questions) == 0 {
		return
	}
	b.WriteString("<section class=\"part\" id=\"questions\">\n<h2>Questions and answers</h2>\n")
	for _, sec := range questionSections(l) {
		fmt.Fprintf(b, "<h3>%s</h3>\n", esc(sec.name))
		for _, qi := range sec.questions {
			q := l.Questions[qi]
			fmt.Fprintf(b, "<div class=\"question\">\n<p class=\"prompt\">%s</p>\n<ol>\n", esc(q.Prompt))
			for _, c := range answerChoices(q) {
				fmt.Fprintf(b, "<li>%s</li>\n", esc(c))
			}
			fmt.Fprintf(b, "</ol>\n<p class=\"answer\"><strong>Answer:</strong> %s. %s", esc(answerText(q)), esc(q.Explain))
			if i := l.StepIndex(q.Step); i >= 0 {
				fmt.Fprintf(b, " <a href=\"#%s\">Step %d: %s</a>", esc(stepID(l.Steps[i])), i+1, esc(l.Steps[i].Title))
			}
			b.WriteString("</p>\n</div>\n")
		}
	}
	b.WriteString("</section>\n")
}

// htmlAllSources lists every source of the lesson once, at the end.
func htmlAllSources(b *strings.Builder, l *content.Lesson) {
	if len(l.Sources) == 0 {
		return
	}
	b.WriteString("<section class=\"part\" id=\"sources\">\n<h2>Sources</h2>\n<ul>\n")
	for _, s := range l.Sources {
		htmlSource(b, l, s.ID)
	}
	b.WriteString("</ul>\n</section>\n")
}

// htmlRenderer turns the lesson's Markdown into HTML with GitHub's tables,
// strikethrough and task lists; raw HTML stays escaped (the validator
// allows only <br> and comments, which StepHTML handles itself).
var htmlRenderer = sync.OnceValue(func() renderer.Renderer {
	return goldmark.New(goldmark.WithExtensions(extension.GFM)).Renderer()
})

// StepHTML renders a step body as HTML for a page in which the step's own
// heading is at level shift: the body's headings move down by shift (at
// most to h6), an image becomes a link to it (a handout loads nothing),
// <br> is a line break and comments draw nothing.
func StepHTML(body string, shift int) string {
	doc, src := content.ParseMarkdown(body)
	var replace [][2]ast.Node // old, new: changed after the walk
	var drop []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			n.Level = min(n.Level+shift, 6)
		case *ast.Image:
			replace = append(replace, [2]ast.Node{n, imageLink(n)})
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			br := ast.NewTextSegment(text.NewSegment(0, 0))
			br.SetHardLineBreak(n.Segments.Len() > 0 && content.IsHTMLBreak(n.Segments.Value(src)))
			replace = append(replace, [2]ast.Node{n, br})
		case *ast.HTMLBlock:
			drop = append(drop, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, r := range replace {
		r[0].Parent().ReplaceChild(r[0].Parent(), r[0], r[1])
	}
	for _, n := range drop {
		n.Parent().RemoveChild(n.Parent(), n)
	}
	var out bytes.Buffer
	if err := htmlRenderer().Render(&out, src, doc); err != nil {
		// Rendering to memory fails only on a bug; say so on the page
		// rather than lose the step.
		return "<p>" + esc(body) + "</p>\n"
	}
	return out.String()
}

// imageLink is an image as a link to it, its alt text marked as a picture.
func imageLink(img *ast.Image) ast.Node {
	link := ast.NewLink()
	link.Destination, link.Title = img.Destination, img.Title
	for c := img.FirstChild(); c != nil; {
		next := c.NextSibling()
		link.AppendChild(link, c)
		c = next
	}
	link.AppendChild(link, ast.NewString([]byte(" (picture)")))
	return link
}
