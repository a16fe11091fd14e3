package views

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"

	"jakstat/content"
)

// printMarkdown is the whole lesson as one GitHub-flavoured Markdown
// document: the lesson is a level-1 heading, each section level 2, each
// step level 3, and the headings inside a step's text move down below it.
// A step's text is kept as its author wrote it otherwise (its facts filled
// in); diagrams are their last frame in a code block.
func printMarkdown(l *content.Lesson, o PrintOptions) string {
	var b strings.Builder
	m := l.Meta
	fmt.Fprintf(&b, "# %s\n\n", mdEscape(m.Title))
	if m.Subtitle != "" {
		fmt.Fprintf(&b, "_%s_\n\n", mdEscape(m.Subtitle))
	}
	fmt.Fprintf(&b, "> **%s**\n>\n> Facts checked on %s.\n", mdEscape(strings.Join(strings.Fields(m.Disclaimer), " ")), m.Checked)
	section := ""
	for i, st := range l.Steps {
		if st.Section != section {
			section = st.Section
			fmt.Fprintf(&b, "\n## %s\n", mdEscape(section))
		}
		fmt.Fprintf(&b, "\n### %d. %s\n\n", i+1, mdEscape(st.Title))
		if st.Scene != "" {
			b.WriteString(codeBlock(SceneAt(st.Scene, SceneFrames(st.Scene)-1, SceneWide, glyphsFor(o.ASCII), Styles{})))
			b.WriteString("\n")
		}
		b.WriteString(ShiftHeadings(st.Body, 3))
		b.WriteString("\n")
		if st.Table != "" {
			g := l.Table(st.Table)
			fmt.Fprintf(&b, "\n_%s_\n\n%s\n", mdEscape(g.Caption), MarkdownTable(g))
			if c := g.Spec.Caveat(l); c != "" {
				fmt.Fprintf(&b, "\n_%s_\n", mdEscape(c))
			}
		}
		if len(st.Sources.IDs) > 0 {
			b.WriteString("\nSources:\n\n")
			b.WriteString(mdSources(l, st.Sources.IDs))
		}
	}
	b.WriteString(mdGlossary(l))
	if o.Answers {
		b.WriteString(mdQuestions(l))
	}
	out := strings.TrimRight(b.String(), "\n")
	if o.ASCII {
		out = ASCIIFrame(out)
	}
	return out
}

// mdSources lists sources as Markdown links with their ids.
func mdSources(l *content.Lesson, ids []string) string {
	var b strings.Builder
	for _, id := range ids {
		src, _ := l.Source(id)
		if src.URL == "" {
			fmt.Fprintf(&b, "- [%s] %s\n", id, mdEscape(src.Title))
			continue
		}
		fmt.Fprintf(&b, "- \\[%s\\] [%s](<%s>)\n", id, mdEscape(src.Title), src.URL)
	}
	return b.String()
}

func mdGlossary(l *content.Lesson) string {
	if len(l.Glossary) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n## Glossary\n\n")
	for _, t := range l.Glossary {
		fmt.Fprintf(&b, "- **%s**: %s\n", mdEscape(t.Term), mdEscape(t.Meaning))
	}
	return b.String()
}

func mdQuestions(l *content.Lesson) string {
	if len(l.Questions) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n## Questions and answers\n")
	for _, sec := range questionSections(l) {
		fmt.Fprintf(&b, "\n### %s\n", mdEscape(sec.name))
		for _, qi := range sec.questions {
			q := l.Questions[qi]
			fmt.Fprintf(&b, "\n**%s**\n\n", mdEscape(q.Prompt))
			for j, c := range answerChoices(q) {
				fmt.Fprintf(&b, "%d. %s\n", j+1, mdEscape(c))
			}
			fmt.Fprintf(&b, "\n**Answer:** %s. %s", mdEscape(answerText(q)), mdEscape(q.Explain))
			if i := l.StepIndex(q.Step); i >= 0 {
				fmt.Fprintf(&b, " _(Step %d: %s.)_", i+1, mdEscape(l.Steps[i].Title))
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

// codeBlock fences text as a code block, with a fence longer than any run
// of backticks inside it.
func codeBlock(text string) string {
	fence := "```"
	for strings.Contains(text, fence) {
		fence += "`"
	}
	return fence + "text\n" + text + "\n" + fence + "\n"
}

// mdEscape escapes what Markdown would read as markup in plain text: a
// title or a table cell should print as written.
func mdEscape(s string) string {
	return mdEscaper.Replace(s)
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`)

// ShiftHeadings moves every heading of a Markdown body down by levels
// (### becomes ###### with 3), at most to level 6, so a step's own
// headings sit under the step's heading in a longer document. The rest of
// the text is left exactly as written. Headings underlined with === or ---
// become # headings.
func ShiftHeadings(body string, levels int) string {
	doc, src := content.ParseMarkdown(body)
	type edit struct {
		start, end int // the bytes replaced: the heading's marker, or its whole underline
		with       string
	}
	var edits []edit
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok || h.Lines().Len() == 0 {
			return ast.WalkContinue, nil
		}
		marks := strings.Repeat("#", min(h.Level+levels, 6))
		first := h.Lines().At(0)
		lineStart := bytes.LastIndexByte(src[:first.Start], '\n') + 1
		if hash := bytes.IndexByte(src[lineStart:first.Start], '#'); hash >= 0 {
			// An ATX heading: replace its run of #s.
			at := lineStart + hash
			end := at
			for end < len(src) && src[end] == '#' {
				end++
			}
			edits = append(edits, edit{at, end, marks})
			return ast.WalkSkipChildren, nil
		}
		// A setext heading: put #s before its text, drop its underline.
		last := h.Lines().At(h.Lines().Len() - 1)
		under := bytes.IndexByte(src[last.Stop:], '\n')
		if under < 0 {
			return ast.WalkSkipChildren, nil
		}
		underStart := last.Stop + under + 1
		underEnd := len(src)
		if nl := bytes.IndexByte(src[underStart:], '\n'); nl >= 0 {
			underEnd = underStart + nl + 1
		}
		edits = append(edits, edit{lineStart, lineStart, marks + " "})
		for i := 1; i < h.Lines().Len(); i++ { // a # heading is one line
			prev, cur := h.Lines().At(i-1), h.Lines().At(i)
			if nl := bytes.IndexByte(src[prev.Start:cur.Start], '\n'); nl >= 0 {
				edits = append(edits, edit{prev.Start + nl, cur.Start, " "})
			}
		}
		edits = append(edits, edit{underStart, underEnd, ""})
		return ast.WalkSkipChildren, nil
	})
	var b strings.Builder
	at := 0
	for _, e := range edits {
		b.Write(src[at:e.start])
		b.WriteString(e.with)
		at = e.end
	}
	b.Write(src[at:])
	return strings.TrimRight(b.String(), "\n")
}
