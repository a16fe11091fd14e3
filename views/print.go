package views

import (
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"

	"jakstat/content"
)

// Formats the printed lesson comes in.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
)

// PrintFormats lists the formats Print understands.
func PrintFormats() []string { return []string{FormatText, FormatMarkdown, FormatHTML} }

// PrintOptions say how to print a lesson.
type PrintOptions struct {
	// Format is FormatText (the default), FormatMarkdown or FormatHTML.
	Format string
	// Width is the most columns a line of text may take (at least 20).
	// Markdown and HTML are reflowed by whatever shows them and ignore it.
	Width int
	// ASCII spells everything in ASCII: diagrams, lines and text.
	ASCII bool
	// Answers adds the checks of understanding with their answers.
	Answers bool
}

// Print renders the whole lesson for a pipe, a file or a handout: the
// title, disclaimer and checked-on date, then every step with its
// diagram's last frame, its table and its sources (addresses included: a
// handout's reader cannot press enter on a source), then the glossary
// and, with Answers, the questions and their answers. Text has no escape
// codes and no line wider than Width; Markdown is GitHub's; HTML is one
// self-contained page (see PrintHTML).
func Print(l *content.Lesson, o PrintOptions) string {
	if o.ASCII {
		l = l.MapText(ASCIIText)
	}
	switch o.Format {
	case FormatMarkdown:
		return printMarkdown(l, o)
	case FormatHTML:
		return PrintHTML(l, o)
	}
	return printText(l, o)
}

// glyphsFor is the glyph set a printed diagram is drawn with.
func glyphsFor(ascii bool) Glyphs {
	if ascii {
		return ASCIIGlyphs()
	}
	return UnicodeGlyphs()
}

// printText is the plain-text lesson. Steps are rendered in parallel:
// they do not depend on each other.
func printText(l *content.Lesson, o PrintOptions) string {
	width := max(o.Width, 20)
	bodies := renderAll(len(l.Steps), func(i int) string { return Markdown(l.Steps[i].Body, width, Plain) })
	var b strings.Builder
	rule := strings.Repeat("=", width)
	b.WriteString(wrap(strings.ToUpper(l.Meta.Title), width) + "\n")
	if l.Meta.Subtitle != "" {
		b.WriteString(wrap(l.Meta.Subtitle, width) + "\n")
	}
	b.WriteString("\n" + wrap(l.Meta.Disclaimer, width) + "\n")
	b.WriteString(wrap(fmt.Sprintf("Facts checked on %s.", l.Meta.Checked), width) + "\n")
	for i, st := range l.Steps {
		b.WriteString("\n" + rule + "\n")
		b.WriteString(wrap(fmt.Sprintf("Step %d/%d · %s · %s", i+1, len(l.Steps), st.Section, st.Title), width))
		b.WriteString("\n" + rule + "\n\n")
		if st.Scene != "" {
			b.WriteString(printScene(st.Scene, width, glyphsFor(o.ASCII)))
			b.WriteString("\n\n")
		}
		b.WriteString(bodies[i])
		b.WriteString("\n")
		if st.Table != "" {
			g := l.Table(st.Table)
			b.WriteString("\n" + wrap(g.Caption, width) + "\n\n")
			b.WriteString(PlainTable(g, width))
			b.WriteString("\n")
		}
		if len(st.Sources.IDs) > 0 {
			b.WriteString("\nSources:\n")
			b.WriteString(printSources(l, st.Sources.IDs, width))
			b.WriteString("\n")
		}
	}
	b.WriteString(textGlossary(l, width))
	if o.Answers {
		b.WriteString(textQuestions(l, width))
	}
	out := trimLines(ansi.Strip(b.String()))
	if o.ASCII {
		out = ASCIIFrame(out)
	}
	return out
}

// renderAll renders n pieces with f on every core, keeping their order.
func renderAll(n int, f func(i int) string) []string {
	out := make([]string, n)
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := range next {
				out[i] = f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// printScene is a scene's last frame in the roomiest layout that fits the
// width, or its one-sentence description.
func printScene(name string, width int, g Glyphs) string {
	if layout, ok := FitScene(name, width, 1<<20, g); ok {
		return SceneAt(name, SceneFrames(name)-1, layout, g, Styles{})
	}
	return wrap("Diagram: "+SceneCaption(name), width)
}

// printSources lists sources as SourceList does, each with its address on
// the line under its title (see printAddress).
func printSources(l *content.Lesson, ids []string, width int) string {
	lines := make([]string, 0, 2*len(ids))
	for _, id := range ids {
		src, _ := l.Source(id)
		tag := "[" + id + "] "
		lines = append(lines, hang(tag, src.Title, width))
		if src.URL != "" {
			lines = append(lines, printAddress(strings.Repeat(" ", len(tag)), src.URL, width))
		}
	}
	return strings.Join(lines, "\n")
}

// printAddress is a web address on a line of its own after indent. The
// rule of print (the text format): a web address is never broken, so it
// can be copied whole from the page. One too long to follow the indent
// starts at the margin, and one longer than the whole width runs past it:
// the one kind of line --print lets overflow --width.
func printAddress(indent, url string, width int) string {
	if textWidth(indent)+textWidth(url) <= width {
		return indent + url
	}
	return url
}

// textHeading is a heading for a part after the steps.
func textHeading(title string, width int) string {
	return "\n" + strings.Repeat("=", width) + "\n" + wrap(strings.ToUpper(title), width) + "\n" + strings.Repeat("=", width) + "\n\n"
}

// textGlossary is the glossary, one term to a paragraph, or "".
func textGlossary(l *content.Lesson, width int) string {
	if len(l.Glossary) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(textHeading("Glossary", width))
	for i, t := range l.Glossary {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(wrap(t.Term, width) + "\n")
		b.WriteString(hang("    ", t.Meaning, width) + "\n")
	}
	return b.String()
}

// textQuestions is every check of understanding with its answer, by
// section, or "" when there are none.
func textQuestions(l *content.Lesson, width int) string {
	if len(l.Questions) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(textHeading("Questions and answers", width))
	n := 0
	for _, sec := range questionSections(l) {
		b.WriteString(wrap(sec.name, width) + "\n\n")
		for _, qi := range sec.questions {
			q := l.Questions[qi]
			n++
			b.WriteString(hang(fmt.Sprintf("%d. ", n), q.Prompt, width) + "\n")
			for j, c := range answerChoices(q) {
				b.WriteString(hang(fmt.Sprintf("   %d) ", j+1), c, width) + "\n")
			}
			b.WriteString(hang("   Answer: ", answerText(q), width) + "\n")
			b.WriteString(hang("   ", q.Explain, width) + "\n")
			if i := l.StepIndex(q.Step); i >= 0 {
				b.WriteString(hang("   ", fmt.Sprintf("Taught in step %d: %s.", i+1, l.Steps[i].Title), width) + "\n")
			}
			b.WriteString("\n")
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// section is one section's questions, by index, in lesson order.
type section struct {
	name      string
	questions []int
}

// questionSections lists the sections that have questions, in the order
// the steps teach them.
func questionSections(l *content.Lesson) []section {
	var out []section
	seen := map[string]bool{}
	for _, st := range l.Steps {
		if seen[st.Section] {
			continue
		}
		seen[st.Section] = true
		if qs := l.SectionQuestions(st.Section); len(qs) > 0 {
			out = append(out, section{st.Section, qs})
		}
	}
	return out
}

// answerChoices are a question's choices as a learner sees them: an order
// question's items shuffled (ShownOrder), true or false spelt out.
func answerChoices(q content.Question) []string {
	var out []string
	for _, i := range q.ShownOrder() {
		out = append(out, q.Choices[i])
	}
	return out
}

// answerText is a question's right answer in words; for an order question,
// the numbers of its items as listed, in the right order, then the items.
func answerText(q content.Question) string {
	if q.Kind != content.KindOrder {
		return q.Choices[q.Correct]
	}
	shown := q.ShownOrder()
	numbers := make([]string, len(q.Choices))
	for i := range q.Choices {
		for pos, item := range shown {
			if item == i {
				numbers[i] = fmt.Sprint(pos + 1)
			}
		}
	}
	return strings.Join(numbers, ", ") + " (" + strings.Join(q.Choices, "; ") + ")"
}

// trimLines drops trailing spaces that wrapping leaves on each line.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, ln := range lines {
		lines[i] = strings.TrimRight(ln, " ")
	}
	return strings.Join(lines, "\n")
}

// PrintTables prints the handout tables (the explorer's and the sources),
// for a handout: plain text laid out within width, or Markdown tables (which
// ignore width: Markdown renderers wrap their own cells).
func PrintTables(l *content.Lesson, width int, format string, ascii bool) string {
	if ascii {
		l = l.MapText(ASCIIText)
	}
	var b strings.Builder
	md := format == FormatMarkdown
	if md {
		fmt.Fprintf(&b, "# %s: tables\n\n%s Facts checked on %s.\n", l.Meta.Title, l.Meta.Disclaimer, l.Meta.Checked)
	} else {
		fmt.Fprintf(&b, "%s\n\n%s\n%s\n", wrap(strings.ToUpper(l.Meta.Title)+": TABLES", width), wrap(l.Meta.Disclaimer, width), wrap("Facts checked on "+l.Meta.Checked+".", width))
	}
	for _, spec := range l.HandoutTables() {
		g, caveat := l.Table(spec.ID), spec.Caveat(l)
		if md {
			fmt.Fprintf(&b, "\n## %s\n\n%s\n\n%s\n", spec.Title, g.Caption, MarkdownTable(g))
			if caveat != "" {
				fmt.Fprintf(&b, "\n_%s_\n", caveat)
			}
			continue
		}
		fmt.Fprintf(&b, "\n%s\n%s\n%s\n\n%s\n", strings.ToUpper(spec.Title), strings.Repeat("=", min(width, len(spec.Title))), wrap(g.Caption, width), PlainTable(g, width))
		if caveat != "" {
			fmt.Fprintf(&b, "\n%s\n", wrap(caveat, width))
		}
	}
	out := trimLines(b.String())
	if ascii {
		out = ASCIIFrame(out)
	}
	return out
}

// MarkdownTable writes a table as a GitHub-flavoured Markdown table.
func MarkdownTable(g content.Table) string {
	esc := strings.NewReplacer("|", `\|`, "\n", " ")
	var b strings.Builder
	row := func(cells []string) {
		b.WriteString("|")
		for i := range g.Columns {
			b.WriteString(" " + esc.Replace(cell(cells, i)) + " |")
		}
		b.WriteString("\n")
	}
	titles := make([]string, len(g.Columns))
	for i, c := range g.Columns {
		titles[i] = c.Title
	}
	row(titles)
	b.WriteString("|" + strings.Repeat(" --- |", len(g.Columns)) + "\n")
	for _, r := range g.Rows {
		row(r)
	}
	return strings.TrimRight(b.String(), "\n")
}
