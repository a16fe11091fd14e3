package views

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"jakstat/content"
)

// TermSteps lists, for each glossary term, the steps whose title or text
// use it (or one of its aliases) as a whole word, ignoring case.
func TermSteps(l *content.Lesson) [][]int {
	texts := make([]string, len(l.Steps))
	for i, st := range l.Steps {
		texts[i] = strings.ToLower(st.Title + "\n" + st.Body)
	}
	out := make([][]int, len(l.Glossary))
	for i, t := range l.Glossary {
		words := []string{strings.ToLower(t.Term)}
		for _, a := range t.Aliases {
			words = append(words, strings.ToLower(a))
		}
		for s, text := range texts {
			if slices.ContainsFunc(words, func(w string) bool { return hasWord(text, w) }) {
				out[i] = append(out[i], s)
			}
		}
	}
	return out
}

// hasWord says whether w occurs in text with no letter or digit either side.
func hasWord(text, w string) bool {
	if w == "" {
		return false
	}
	for from := 0; ; {
		i := strings.Index(text[from:], w)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(w):])
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		from = i + 1
	}
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// GlossaryOrder filters terms by text (in the term, its aliases or its
// meaning) and lists those used on the current step first.
func GlossaryOrder(l *content.Lesson, steps [][]int, filter string, current int) []int {
	f := strings.ToLower(strings.TrimSpace(filter))
	var here, rest []int
	for i, t := range l.Glossary {
		if f != "" && !strings.Contains(strings.ToLower(t.Term+" "+strings.Join(t.Aliases, " ")+" "+t.Meaning), f) {
			continue
		}
		if slices.Contains(steps[i], current) {
			here = append(here, i)
		} else {
			rest = append(rest, i)
		}
	}
	return append(here, rest...)
}

// Glossary renders the glossary: the filter, the terms (those on the
// current step marked), and the selected term's meaning and steps.
func Glossary(s Styles, l *content.Lesson, steps [][]int, order []int, sel, current int, filter string, width, height int) string {
	var b strings.Builder
	b.WriteString(PromptText(s, "Glossary: ", filter, fmt.Sprintf("  type to filter · %d of %d terms", len(order), len(l.Glossary)), width))
	b.WriteString("\n")
	if len(order) == 0 {
		b.WriteString("\n" + s.Warning.Render("No term matches.") + "\n" + s.Muted.Render(Truncate("Backspace to widen the filter.", width)))
		return b.String()
	}
	listH := max(min(len(order), height/2-1), 3)
	top := min(max(sel-listH+1, 0), max(len(order)-listH, 0))
	for i := top; i < min(top+listH, len(order)); i++ {
		t := l.Glossary[order[i]]
		mark, st := "  ", s.Value
		if i == sel {
			mark, st = s.CardCursor.Render("▸ "), s.Title
		}
		name := t.Term
		if slices.Contains(steps[order[i]], current) {
			name += s.Muted.Render(" · on this step")
		}
		b.WriteString(mark + st.Render(name) + "\n")
	}
	t := l.Glossary[order[sel]]
	b.WriteString("\n" + s.Title.Render(t.Term))
	if len(t.Aliases) > 0 {
		b.WriteString(s.Muted.Render(" (" + strings.Join(t.Aliases, ", ") + ")"))
	}
	b.WriteString("\n" + s.Value.Render(wrap(t.Meaning+" "+refList(t.Sources.IDs), width)))
	if used := steps[order[sel]]; len(used) > 0 {
		var nums []string
		for _, n := range used {
			nums = append(nums, fmt.Sprint(n+1))
		}
		next := nextUse(used, current)
		b.WriteString("\n\n" + s.Value.Render(wrap("Used on steps "+strings.Join(nums, ", ")+".", width)))
		b.WriteString("\n" + s.Muted.Render(wrap(fmt.Sprintf("enter: go to step %d, %q", next+1, l.Steps[next].Title), width)))
	}
	return b.String()
}

// nextUse is the first step using a term after the current one, wrapping round.
func nextUse(used []int, current int) int {
	for _, u := range used {
		if u > current {
			return u
		}
	}
	return used[0]
}

// NextUse is the step the glossary's enter jumps to for a term.
func NextUse(used []int, current int) int {
	if len(used) == 0 {
		return current
	}
	return nextUse(used, current)
}

// SearchLine is one searchable line of the lesson.
type SearchLine struct {
	Step  int
	Where string // "text", "table" or "notes"
	Text  string
	lower string
}

// SearchIndex flattens every step's title, text, table and speaker notes
// into lines, once; searching is then a scan of plain strings.
func SearchIndex(l *content.Lesson) []SearchLine {
	var out []SearchLine
	add := func(step int, where, text string) {
		for _, ln := range strings.Split(text, "\n") {
			ln = strings.TrimSpace(markup.Replace(ln))
			if ln != "" {
				out = append(out, SearchLine{Step: step, Where: where, Text: ln, lower: strings.ToLower(ln)})
			}
		}
	}
	for i, st := range l.Steps {
		add(i, "text", st.Title)
		add(i, "text", st.Body)
		if st.Table != "" {
			for _, row := range GridFor(l, st.Table).Rows {
				add(i, "table", strings.Join(row, " · "))
			}
		}
		add(i, "notes", st.Notes)
	}
	return out
}

// markup strips the Markdown marks a reader never sees.
var markup = strings.NewReplacer("**", "", "__", "", "`", "", "### ", "", "## ", "", "# ", "", "> ", "")

// Search returns the index lines where query starts a word, ignoring case.
func Search(index []SearchLine, query string) []int {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return nil
	}
	var hits []int
	for i, ln := range index {
		if wordStart(ln.lower, q, 0) >= 0 {
			hits = append(hits, i)
		}
	}
	return hits
}

// wordStart finds q in lower at or after from, where it begins a word
// ("itch" finds "itches", not "switch"); -1 if it does not.
func wordStart(lower, q string, from int) int {
	for from <= len(lower) {
		i := strings.Index(lower[from:], q)
		if i < 0 {
			return -1
		}
		i += from
		if before, _ := utf8.DecodeLastRuneInString(lower[:i]); !isWordRune(before) || !isWordRune([]rune(q)[0]) {
			return i
		}
		from = i + 1
	}
	return -1
}

// SearchResults renders the hit list: step, where, and the line around the match.
func SearchResults(s Styles, l *content.Lesson, index []SearchLine, hits []int, sel int, query string, width, height int) string {
	var b strings.Builder
	b.WriteString(PromptText(s, "/", query, fmt.Sprintf("  %d matches · enter: go · n/N: next/previous · esc: close", len(hits)), width))
	b.WriteString("\n")
	if query != "" && len(hits) == 0 {
		b.WriteString("\n" + s.Warning.Render("No matches.") + "\n" + s.Muted.Render(Truncate("Try a shorter or different word.", width)))
		return b.String()
	}
	rows := max(height-2, 1)
	top := min(max(sel-rows+1, 0), max(len(hits)-rows, 0))
	for i := top; i < min(top+rows, len(hits)); i++ {
		ln := index[hits[i]]
		tag := fmt.Sprintf("%2d %-5s ", ln.Step+1, ln.Where)
		mark := "  "
		if i == sel {
			mark = s.CardCursor.Render("▸ ")
		}
		room := max(width-2-ansi.StringWidth(tag), 10)
		b.WriteString(mark + s.Muted.Render(tag) + Highlight(s, around(ln.Text, query, room), query) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// around cuts text to width, keeping the first match of query in view.
func around(text, query string, width int) string {
	if ansi.StringWidth(text) <= width {
		return text
	}
	at := strings.Index(strings.ToLower(text), strings.ToLower(query))
	if at > width/2 {
		cut := text[at-width/3:]
		if i := strings.IndexByte(cut, ' '); i >= 0 && i < width/3 {
			cut = cut[i+1:]
		}
		text = "…" + cut
	}
	return Truncate(text, width)
}

// Highlight marks every place query starts a word in plain text, ignoring case.
func Highlight(s Styles, text, query string) string {
	q := strings.ToLower(query)
	if q == "" {
		return s.Value.Render(text)
	}
	lower := strings.ToLower(text)
	if len(lower) != len(text) {
		return s.Value.Render(text) // case folding changed lengths: do not risk cutting a rune
	}
	var b strings.Builder
	from := 0
	for {
		i := wordStart(lower, q, from)
		if i < 0 {
			b.WriteString(s.Value.Render(text[from:]))
			return b.String()
		}
		b.WriteString(s.Value.Render(text[from:i]))
		b.WriteString(s.Match.Render(text[i : i+len(q)]))
		from = i + len(q)
	}
}

// PromptText is a typing prompt: label, the typed text (its end kept in
// view when long) and a cursor, then as much of hint as fits.
func PromptText(s Styles, label, typed, hint string, width int) string {
	room := max(width-ansi.StringWidth(label)-1, 1)
	r := []rune(typed)
	for ansi.StringWidth(string(r)) > room {
		r = r[1:]
	}
	head := label + string(r) + "▏"
	return s.Prompt.Render(head) + s.Muted.Render(Truncate(hint, max(width-ansi.StringWidth(head), 0)))
}

// StartsWord says whether query starts a word somewhere in text, ignoring case.
func StartsWord(text, query string) bool {
	q := strings.ToLower(strings.TrimSpace(query))
	return q != "" && wordStart(strings.ToLower(text), q, 0) >= 0
}
