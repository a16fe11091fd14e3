package views

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"jakstat/content"
)

// Glossary renders the glossary: the filter, the terms (those on the
// current step marked), and the selected term's meaning and steps.
func Glossary(s Styles, l *content.Lesson, steps [][]int, order []int, sel, current int, filter Field, width, height int) string {
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
		next := content.NextUse(used, current)
		b.WriteString("\n\n" + s.Value.Render(wrap("Used on steps "+strings.Join(nums, ", ")+".", width)))
		b.WriteString("\n" + s.Muted.Render(wrap(fmt.Sprintf("enter: go to step %d, %q", next+1, l.Steps[next].Title), width)))
	}
	return b.String()
}

// SearchResults renders the hit list: step, where, and the line around the match.
func SearchResults(s Styles, index []content.SearchLine, hits []int, sel int, query Field, width, height int) string {
	var b strings.Builder
	b.WriteString(PromptText(s, "/", query, "  "+searchHint(query.Text, len(hits), sel), width))
	b.WriteString("\n")
	if query.Text != "" && len(hits) == 0 {
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
		b.WriteString(mark + s.Muted.Render(tag) + Highlight(s, around(ln.Text, query.Text, room), query.Text) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// searchHint is what the search prompt says beside the typed text: which
// of the matches is selected and the keys that work there (n and N work
// once the search is closed, on the step: the status line says so then).
func searchHint(query string, n, sel int) string {
	switch {
	case strings.TrimSpace(query) == "":
		return "type to search every step · esc: close"
	case n == 0:
		return "no matches · esc: close"
	}
	return MatchCount(sel, n) + " · ↑/↓ choose · enter: go · esc: close"
}

// MatchCount says which of n matches is the current one (zero-based i):
// "1 match", or "match 2 of 5".
func MatchCount(i, n int) string {
	if n == 1 {
		return "1 match"
	}
	return fmt.Sprintf("match %d of %d", i+1, n)
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
		i := content.WordStart(lower, q, from)
		if i < 0 {
			b.WriteString(s.Value.Render(text[from:]))
			return b.String()
		}
		b.WriteString(s.Value.Render(text[from:i]))
		b.WriteString(s.Match.Render(text[i : i+len(q)]))
		from = i + len(q)
	}
}

// Field is text being typed, with the caret's place in it (in runes).
type Field struct {
	Text   string
	Cursor int
}

// PromptText is a typing prompt: label, the typed text with a caret (the
// caret kept in view when the text is long), then as much of hint as fits.
func PromptText(s Styles, label string, f Field, hint string, width int) string {
	head := label + caretText(f, max(width-ansi.StringWidth(label)-1, 1))
	return s.Prompt.Render(head) + s.Muted.Render(Truncate(hint, max(width-ansi.StringWidth(head), 0)))
}

// caretText is f's text with a caret at its cursor, cut to room columns
// plus the caret: from the left first, so the text before the caret shows.
func caretText(f Field, room int) string {
	r := []rune(f.Text)
	at := min(max(f.Cursor, 0), len(r))
	before, after := r[:at], r[at:]
	for ansi.StringWidth(string(before)) > room {
		before = before[1:]
	}
	for ansi.StringWidth(string(before))+ansi.StringWidth(string(after)) > room {
		after = after[:len(after)-1]
	}
	return string(before) + "▏" + string(after)
}
