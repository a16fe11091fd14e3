package views

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// piece is part of a word in one style: "**JAK1**," is a bold piece and a
// plain comma, one word.
type piece struct {
	text string
	st   inlineStyle
	link string
}

// word is the text between two places a line may break, without the
// spaces after it.
type word struct {
	pieces []piece
	width  int
	space  bool // spaces followed it: one is drawn unless the line ends here
	br     bool // a hard line break, not a word
}

// wrap lays a block's spans out in lines of at most width cells.
func (r *mdRenderer) wrap(spans []span, width int) []string {
	var lines []string
	var cur []word
	curW := 0
	flush := func() {
		lines = append(lines, r.line(cur))
		cur, curW = cur[:0], 0
	}
	for _, w := range words(spans) {
		if w.br {
			flush()
			continue
		}
		gap := 0
		if len(cur) > 0 && cur[len(cur)-1].space {
			gap = 1
		}
		if curW+gap+w.width <= width {
			cur = append(cur, w)
			curW += gap + w.width
			continue
		}
		if len(cur) > 0 {
			flush()
		}
		// A word wider than a line (a URL, a long name, a run of CJK text
		// with no break allowed) is split into line-wide chunks; on a screen
		// nothing may pass the pane's edge. Printed, a web address stays
		// whole on a line of its own, so it can be copied (see printAddress).
		for w.width > width && !(r.plain() && isWebAddress(w.text())) {
			var head word
			head, w = splitWord(w, width)
			cur = append(cur, head)
			flush()
		}
		cur, curW = append(cur, w), w.width
	}
	if len(cur) > 0 {
		flush()
	}
	return lines
}

// words splits spans at the places Unicode's line-breaking rules (UAX #14)
// allow a break: after spaces, after a hyphen, between CJK characters. A
// soft line break in the source is a space, except between two wide
// characters, where Chinese and Japanese put none.
func words(spans []span) []word {
	var out []word
	var text strings.Builder
	var runs []span // the spans of the current line of source, without breaks
	emit := func() {
		out = append(out, segment(text.String(), runs)...)
		text.Reset()
		runs = runs[:0]
	}
	for i, s := range spans {
		if s.br {
			emit()
			out = append(out, word{br: true})
			continue
		}
		if s.soft && i > 0 && i+1 < len(spans) && wideEnd(spans[i-1].text) && wideStart(spans[i+1].text) {
			continue
		}
		text.WriteString(s.text)
		runs = append(runs, s)
	}
	emit()
	return out
}

// segment cuts text (the runs' texts joined) into words at its break
// opportunities, carrying each run's style into the pieces.
func segment(text string, runs []span) []word {
	// Words average some six bytes with their space: size for that once.
	out := make([]word, 0, len(text)/5+1)
	pieces := make([]piece, 0, len(text)/5+len(runs)) // every word's pieces, in one array
	ri, roff := 0, 0                                  // the run holding text[pos], and where that run starts
	start, pos, state := 0, 0, -1
	for rest := text; rest != ""; {
		var seg string
		seg, rest, _, state = uniseg.FirstLineSegmentInString(rest, state)
		pos += len(seg)
		if rest != "" && seg[len(seg)-1] != ' ' && insideWhole(runs, pos) {
			continue // no break here: keep going to the next opportunity
		}
		chunk := text[start:pos]
		body := strings.TrimRight(chunk, " ")
		end := start + len(body)
		if body == "" {
			if len(out) > 0 {
				out[len(out)-1].space = true
			}
		} else {
			w := word{space: len(body) < len(chunk)}
			first := len(pieces)
			for p := start; p < end; {
				for roff+len(runs[ri].text) <= p {
					roff += len(runs[ri].text)
					ri++
				}
				stop := min(end, roff+len(runs[ri].text))
				part := text[p:stop]
				pieces = append(pieces, piece{text: part, st: runs[ri].st, link: runs[ri].link})
				w.width += textWidth(part)
				p = stop
			}
			w.pieces = pieces[first:len(pieces):len(pieces)]
			out = append(out, w)
		}
		start = pos
	}
	return out
}

// insideWhole says whether byte offset pos of the joined runs falls
// strictly inside a run that may break only at its spaces.
func insideWhole(runs []span, pos int) bool {
	off := 0
	for _, r := range runs {
		end := off + len(r.text)
		if pos < end {
			return r.whole && pos > off
		}
		off = end
	}
	return false
}

// text is the word's characters, without its styles.
func (w word) text() string {
	var b strings.Builder
	for _, p := range w.pieces {
		b.WriteString(p.text)
	}
	return b.String()
}

// isWebAddress says whether a word is a web address, in brackets or not
// ("[https://…]." after a link's text).
func isWebAddress(w string) bool {
	return webAddress.MatchString(strings.TrimLeft(w, "[(<"))
}

// webAddress is what starts a web address: a scheme and ://, www., mailto:.
var webAddress = regexp.MustCompile(`^(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.|mailto:)[^\s]`)

// splitWord takes the first width cells of a word that does not fit on a
// line, breaking after a URL's punctuation (/ ? & = - . _ #) when one
// leaves the line at least half full, else at a grapheme.
func splitWord(w word, width int) (head, tail word) {
	cut, _ := splitAt(w.text(), width, "/?&=-._#,;:")
	head, tail = cutPieces(w.pieces, cut)
	tail.space = w.space
	return head, tail
}

// splitLine breaks a line of code into what fits in width and the rest,
// at a space when one leaves the line at least half full.
func splitLine(s string, width int) (head, rest string) {
	cut, atSpace := splitAt(s, width, "")
	head, rest = s[:cut], s[cut:]
	if atSpace {
		head, rest = strings.TrimRight(head, " "), strings.TrimLeft(rest, " ")
	}
	return head, rest
}

// splitAt finds where to break s to fit width cells: the byte offset, and
// whether the break is at a space. It breaks after the last space or
// character of punct that leaves the line at least half full, else after
// the last grapheme that fits; it always makes progress, even when one
// grapheme is wider than width.
func splitAt(s string, width int, punct string) (cut int, atSpace bool) {
	width = max(width, 1)
	if textWidth(s) <= width {
		return len(s), false
	}
	used, pos, soft, space := 0, 0, 0, false
	for state := -1; pos < len(s); {
		g, _, gw, st := uniseg.FirstGraphemeClusterInString(s[pos:], state)
		gw = textWidth(g)
		if used+gw > width {
			break
		}
		state = st
		used += gw
		pos += len(g)
		switch {
		case g == " ":
			soft, space = pos, true
		case punct != "" && strings.Contains(punct, g) && pos < len(s) && s[pos] != ' ':
			soft, space = pos, false
		}
	}
	if pos == 0 {
		_, size := utf8.DecodeRuneInString(s)
		return size, false
	}
	if soft > 0 && textWidth(s[:soft]) >= width/2 {
		return soft, space
	}
	return pos, false
}

// cutPieces splits pieces at a byte offset into their joined text.
func cutPieces(ps []piece, cut int) (head, tail word) {
	for _, p := range ps {
		switch {
		case cut <= 0:
			tail.pieces = append(tail.pieces, p)
			tail.width += textWidth(p.text)
		case cut >= len(p.text):
			head.pieces = append(head.pieces, p)
			head.width += textWidth(p.text)
		default:
			a, b := p, p
			a.text, b.text = p.text[:cut], p.text[cut:]
			head.pieces = append(head.pieces, a)
			tail.pieces = append(tail.pieces, b)
			head.width += textWidth(a.text)
			tail.width += textWidth(b.text)
		}
		cut -= len(p.text)
	}
	return head, tail
}

// line draws one line's words, joining runs that share a style (and link)
// so each is opened once; a space between two such runs goes inside, so an
// underlined link stays underlined across its spaces.
func (r *mdRenderer) line(ws []word) string {
	var b, run strings.Builder
	var cur piece // the style and link of run
	emit := func() {
		if run.Len() == 0 {
			return
		}
		text := r.render(cur.st, run.String())
		if cur.link != "" {
			text = hyperlink(cur.link, text)
		}
		b.WriteString(text)
		run.Reset()
	}
	for i, w := range ws {
		for j, p := range w.pieces {
			same := p.st == cur.st && p.link == cur.link
			if j == 0 && i > 0 && ws[i-1].space {
				if !same {
					emit()
					b.WriteByte(' ') // a space between styles takes neither
				} else {
					run.WriteByte(' ')
				}
			}
			if !same {
				emit()
				cur = p
			}
			run.WriteString(p.text)
		}
	}
	emit()
	return b.String()
}

// textWidth is the cells s takes; plain ASCII, most of a lesson, is counted
// without the grapheme walk.
func textWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || s[i] < 0x20 {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

// wideEnd and wideStart say whether text ends or starts with a wide (CJK)
// character.
func wideEnd(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r >= 0x1100 && textWidth(string(r)) == 2
}

func wideStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= 0x1100 && textWidth(string(r)) == 2
}
