package content

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SearchLine is one searchable line of the lesson.
type SearchLine struct {
	Step  int
	Where string // "text", "table" or "notes"
	Text  string
	lower string
}

// SearchIndex flattens every step's title, text, table and speaker notes
// into lines, once; searching is then a scan of plain strings. A step's
// text is its PlainLines: what the step shows, not its Markdown.
func (l *Lesson) SearchIndex() []SearchLine {
	var out []SearchLine
	marks := markup()
	add := func(step int, where, text string) {
		for _, ln := range strings.Split(text, "\n") {
			ln = strings.TrimSpace(marks.Replace(ln))
			if ln != "" {
				out = append(out, SearchLine{Step: step, Where: where, Text: ln, lower: strings.ToLower(ln)})
			}
		}
	}
	for i, st := range l.Steps {
		add(i, "text", st.Title)
		for _, ln := range PlainLines(st.Body) {
			out = append(out, SearchLine{Step: i, Where: "text", Text: ln, lower: strings.ToLower(ln)})
		}
		if st.Table != "" {
			for _, row := range l.Table(st.Table).Rows {
				add(i, "table", strings.Join(row, " · "))
			}
		}
		add(i, "notes", st.Notes)
	}
	return out
}

// markup strips the Markdown marks a reader never sees.
func markup() *strings.Replacer {
	return strings.NewReplacer("**", "", "__", "", "`", "", "### ", "", "## ", "", "# ", "", "> ", "")
}

// Search returns the index lines where query starts a word, ignoring case.
func Search(index []SearchLine, query string) []int {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return nil
	}
	var hits []int
	for i, ln := range index {
		if WordStart(ln.lower, q, 0) >= 0 {
			hits = append(hits, i)
		}
	}
	return hits
}

// WordStart finds q in lower (both already lower case) at or after from,
// where it begins a word ("itch" finds "itches", not "switch"); -1 if it
// does not.
func WordStart(lower, q string, from int) int {
	first, _ := utf8.DecodeRuneInString(q)
	for from <= len(lower) {
		i := strings.Index(lower[from:], q)
		if i < 0 {
			return -1
		}
		i += from
		if before, _ := utf8.DecodeLastRuneInString(lower[:i]); !isWordRune(before) || !isWordRune(first) {
			return i
		}
		from = i + 1
	}
	return -1
}

// StartsWord says whether query starts a word somewhere in text, ignoring case.
func StartsWord(text, query string) bool {
	q := strings.ToLower(strings.TrimSpace(query))
	return q != "" && WordStart(strings.ToLower(text), q, 0) >= 0
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

// TermSteps lists, for each glossary term, the steps whose title or text
// use it (or one of its aliases) as a whole word, ignoring case.
func (l *Lesson) TermSteps() [][]int {
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

// GlossaryOrder filters the terms by text (in the term, its aliases or its
// meaning) and lists the best matches first: the term itself, then a whole
// word of it, then a word it starts, then the same in the meaning, then
// the text anywhere ("bio" lists biologic before systemic, whose meaning
// mentions biologics). Among equal matches, and with no filter, terms used
// on the current step come first; steps is what TermSteps returned.
func (l *Lesson) GlossaryOrder(steps [][]int, filter string, current int) []int {
	f := strings.ToLower(strings.TrimSpace(filter))
	type ranked struct{ i, rank int }
	var found []ranked
	for i, t := range l.Glossary {
		rank := 0
		if f != "" {
			if rank = termRank(t, f); rank < 0 {
				continue
			}
		}
		if !slices.Contains(steps[i], current) {
			rank = 2*rank + 1 // after the terms of this step that match as well
		} else {
			rank *= 2
		}
		found = append(found, ranked{i, rank})
	}
	slices.SortStableFunc(found, func(a, b ranked) int { return a.rank - b.rank })
	out := make([]int, len(found))
	for n, r := range found {
		out[n] = r.i
	}
	return out
}

// termRank says how well f (lower case) matches a glossary term, best
// first, or -1 when it does not.
func termRank(t Term, f string) int {
	names := []string{strings.ToLower(t.Term)}
	for _, a := range t.Aliases {
		names = append(names, strings.ToLower(a))
	}
	meaning := strings.ToLower(t.Meaning)
	switch {
	case slices.Contains(names, f):
		return 0
	case slices.ContainsFunc(names, func(n string) bool { return hasWord(n, f) }):
		return 1
	case slices.ContainsFunc(names, func(n string) bool { return WordStart(n, f, 0) >= 0 }):
		return 2
	case hasWord(meaning, f):
		return 3
	case WordStart(meaning, f, 0) >= 0:
		return 4
	case strings.Contains(strings.Join(names, " ")+" "+meaning, f):
		return 5
	}
	return -1
}

// NextUse is the step the glossary goes to for a term used on steps
// used: the first after current, wrapping round; current when it is used
// nowhere.
func NextUse(used []int, current int) int {
	if len(used) == 0 {
		return current
	}
	for _, u := range used {
		if u > current {
			return u
		}
	}
	return used[0]
}
