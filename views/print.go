package views

import (
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"

	"jakstat/content"
)

// Print renders the whole lesson as plain text for a pipe, a file or a
// handout: every step, its table and its sources, wrapped to width, with no
// escape codes; each diagram appears as its last frame. With ascii, every
// byte is ASCII. Steps are rendered in parallel: they do not depend on each
// other.
func Print(l *content.Lesson, width int, ascii bool) string {
	width = max(width, 20)
	glyphs := UnicodeGlyphs()
	if ascii {
		l = l.MapText(ASCIIText)
		glyphs = ASCIIGlyphs()
	}
	bodies := make([]string, len(l.Steps))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(l.Steps)) {
		wg.Go(func() {
			for i := range next {
				bodies[i] = Markdown(l.Steps[i].Body, width, Plain)
			}
		})
	}
	for i := range l.Steps {
		next <- i
	}
	close(next)
	wg.Wait()

	var b strings.Builder
	rule := strings.Repeat("=", width)
	b.WriteString(strings.ToUpper(l.Meta.Title) + "\n")
	if l.Meta.Subtitle != "" {
		b.WriteString(wrap(l.Meta.Subtitle, width) + "\n")
	}
	b.WriteString("\n" + wrap(l.Meta.Disclaimer, width) + "\n")
	b.WriteString(fmt.Sprintf("Facts checked on %s.\n", l.Meta.Checked))
	for i, st := range l.Steps {
		b.WriteString("\n" + rule + "\n")
		b.WriteString(wrap(fmt.Sprintf("Step %d/%d · %s · %s", i+1, len(l.Steps), st.Section, st.Title), width))
		b.WriteString("\n" + rule + "\n\n")
		if st.Scene != "" {
			b.WriteString(printScene(st.Scene, width, glyphs))
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
			b.WriteString(SourceList(l, st.Sources.IDs, width, Styles{}))
			b.WriteString("\n")
		}
	}
	out := trimLines(ansi.Strip(b.String()))
	if ascii {
		out = ASCIIFrame(out)
	}
	return out
}

// printScene is a scene's last frame in the widest layout that fits, or
// its one-sentence description.
func printScene(name string, width int, g Glyphs) string {
	last := SceneFrames(name) - 1
	for _, wide := range []bool{true, false} {
		if w, _ := SceneSize(name, wide, g); w <= width {
			return Scene(name, last, wide, g, Styles{})
		}
	}
	return wrap("Diagram: "+SceneCaption(name), width)
}

// trimLines drops trailing spaces that wrapping leaves on each line.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, ln := range lines {
		lines[i] = strings.TrimRight(ln, " ")
	}
	return strings.Join(lines, "\n")
}

// Formats PrintTables understands.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
)

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
		fmt.Fprintf(&b, "%s: TABLES\n\n%s\nFacts checked on %s.\n", strings.ToUpper(l.Meta.Title), wrap(l.Meta.Disclaimer, width), l.Meta.Checked)
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
