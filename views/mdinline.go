package views

import (
	"bufio"
	"bytes"
	"html"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"jakstat/content"
)

// span is a run of inline text in one style, or a line break.
type span struct {
	text string
	st   inlineStyle
	link string // the address an OSC 8 hyperlink opens, when they are on
	br   bool   // a hard line break (two trailing spaces, a backslash, <br>)
	soft bool   // a soft line break: a space, except between CJK characters
	// whole lets the text break only at its spaces: an address or a
	// command reads badly split at a slash or a hyphen when the next line
	// has room for all of it. One wider than a line is still split.
	whole bool
}

// spans flattens a block's inline content into styled runs of text.
func (r *mdRenderer) spans(n ast.Node, st inlineStyle) []span {
	var out []span
	r.inline(n, st, "", &out)
	return out
}

func (r *mdRenderer) inline(n ast.Node, st inlineStyle, link string, out *[]span) {
	add := func(text string, st inlineStyle) {
		if text != "" {
			*out = append(*out, span{text: text, st: st, link: link, whole: st.code})
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Value(r.src)
			if c.IsRaw() || st.code {
				add(cleanText(strings.ReplaceAll(string(v), "\n", " ")), st)
			} else {
				add(decodeText(v), st)
			}
			switch {
			case c.HardLineBreak():
				*out = append(*out, span{br: true})
			case c.SoftLineBreak():
				*out = append(*out, span{text: " ", st: st, link: link, soft: true})
			}
		case *ast.String:
			if c.IsRaw() || c.IsCode() {
				add(cleanText(string(c.Value)), st)
			} else {
				add(decodeText(c.Value), st)
			}
		case *ast.Emphasis:
			inner := st
			if c.Level >= 2 {
				inner.bold = true
			} else {
				inner.italic = true
			}
			r.inline(c, inner, link, out)
		case *ast.CodeSpan:
			inner := st
			inner.code = true
			r.marked(c, inner, link, "`", out)
		case *east.Strikethrough:
			inner := st
			inner.strike = true
			r.marked(c, inner, link, "~~", out)
		case *ast.Link:
			r.link(c, st, string(c.Destination), out)
		case *ast.AutoLink:
			r.autoLink(c, st, out)
		case *ast.Image:
			label := st
			label.muted = true
			add("Image: ", label)
			alt := st
			alt.italic = true
			r.link(c, alt, string(c.Destination), out)
		case *ast.RawHTML:
			r.rawHTML(c, st, out)
		case *east.TaskCheckBox:
			// Drawn by the list as the item's marker.
		default:
			r.inline(c, st, link, out)
		}
	}
}

// autoLink draws <https://...>, <name@host> and a bare address: its label
// is the address, so it is never repeated in brackets.
func (r *mdRenderer) autoLink(n *ast.AutoLink, st inlineStyle, out *[]span) {
	st.link = true
	url := string(n.URL(r.src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(url, "mailto:") {
		url = "mailto:" + url
	}
	*out = append(*out, span{text: cleanText(string(n.Label(r.src))), st: st, link: r.linkTarget(cleanText(url)), whole: true})
}

// rawHTML draws what the validator lets through inline: <br> is a line
// break and a comment is nothing. Other HTML reaches here only in text that
// was not validated, and is shown as written rather than lost.
func (r *mdRenderer) rawHTML(n *ast.RawHTML, st inlineStyle, out *[]span) {
	raw := n.Segments.Value(r.src)
	switch {
	case content.IsHTMLBreak(raw):
		*out = append(*out, span{br: true})
	case bytes.HasPrefix(raw, []byte("<!--")):
	default:
		st.muted = true
		*out = append(*out, span{text: cleanText(string(raw)), st: st})
	}
}

// marked draws code spans and strikethrough. In Plain, which has no
// attributes, they keep their Markdown marks (`code`, ~~gone~~), so a
// printed command still reads as one and struck text still reads as struck.
func (r *mdRenderer) marked(n ast.Node, st inlineStyle, link, mark string, out *[]span) {
	if r.plain() {
		*out = append(*out, span{text: mark, st: st, link: link})
	}
	r.inline(n, st, link, out)
	if r.plain() {
		*out = append(*out, span{text: mark, st: st, link: link})
	}
}

// link draws a link's (or an image's) text. With hyperlinks on, the text
// opens the address; otherwise the address follows it in brackets unless
// the text already is the address.
func (r *mdRenderer) link(n ast.Node, st inlineStyle, dest string, out *[]span) {
	dest = cleanText(dest)
	inner := st
	inner.link = true
	start := len(*out)
	r.inline(n, inner, r.linkTarget(dest), out)
	if r.o.Hyperlinks || dest == "" {
		return
	}
	var text strings.Builder
	for _, s := range (*out)[start:] {
		text.WriteString(s.text)
	}
	if strings.TrimSpace(text.String()) == dest {
		return
	}
	addr := st
	addr.muted, addr.italic, addr.bold, addr.strike = true, false, false, false
	*out = append(*out, span{text: " [" + dest + "]", st: addr, whole: true})
}

// linkTarget is the address an OSC 8 hyperlink opens, or "" with hyperlinks off.
func (r *mdRenderer) linkTarget(dest string) string {
	if !r.o.Hyperlinks {
		return ""
	}
	return dest
}

// decodeText resolves what Markdown text may hold besides characters:
// backslash escapes (\*), entities (&amp;, &eacute;) and numeric references
// (&#955;, &#x3B3;). goldmark's own HTML writer does the resolving (into
// HTML-escaped text, which html.UnescapeString turns back), so the rules
// are exactly CommonMark's.
func decodeText(raw []byte) string {
	if bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\\') < 0 {
		return cleanText(string(raw))
	}
	var buf bytes.Buffer
	w := bufio.NewWriterSize(&buf, 64)
	gmhtml.NewWriter().Write(w, raw)
	w.Flush()
	return cleanText(html.UnescapeString(buf.String()))
}

// cleanText drops control characters, which a terminal would obey rather
// than show (the validator rejects them in lesson files; this guards text
// from anywhere else), and turns line ends into spaces.
func cleanText(s string) string {
	clean := true
	for _, c := range s {
		if c < 0x20 || (c >= 0x7f && c <= 0x9f) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(c rune) rune {
		switch {
		case c == '\n' || c == '\t':
			return ' '
		case c < 0x20 || (c >= 0x7f && c <= 0x9f):
			return -1
		}
		return c
	}, s)
}

// render draws text in a style. In Plain it is the text alone.
func (r *mdRenderer) render(st inlineStyle, text string) string {
	if r.plain() || text == "" {
		return text
	}
	codes, ok := r.open[st]
	if !ok {
		// Render a marker once and keep what lipgloss puts either side of
		// it: styling each run by hand then costs a string join, not a
		// lipgloss layout pass.
		const marker = "\uE000"
		before, after, _ := strings.Cut(r.style(st).Render(marker), marker)
		codes = [2]string{before, after}
		r.open[st] = codes
	}
	return codes[0] + text + codes[1]
}

// style is the lipgloss style for an inline style in the current look.
func (r *mdRenderer) style(st inlineStyle) lipgloss.Style {
	var out lipgloss.Style
	switch {
	case st.heading == 1:
		out = r.s.MdHeading1
	case st.heading == 2:
		out = r.s.MdHeading2
	case st.heading == 3:
		out = r.s.MdHeading
	case st.heading > 3:
		out = r.s.MdHeading4
	case st.code:
		out = r.s.MdCode
	case st.muted:
		out = r.s.Muted
	case st.link:
		out = r.s.MdLink
	case st.quote:
		out = r.s.MdQuote
	default:
		out = r.s.MdText
	}
	if st.literal {
		return out.UnsetUnderline()
	}
	if st.link && !st.muted {
		out = out.Underline(true)
	}
	if st.bold {
		out = out.Bold(true)
	}
	if st.italic {
		out = out.Italic(true)
	}
	if st.strike {
		out = out.Strikethrough(true)
	}
	return out
}

// hyperlink wraps already styled text in an OSC 8 hyperlink.
func hyperlink(url, text string) string {
	return ansi.SetHyperlink(url) + text + ansi.ResetHyperlink()
}
