package content

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// checkColumns checks a step's columns (the ones its text points at):
// each names a column of its table, and every column the text points at
// ("look down the JAK column") is listed, so no screen cuts it.
func checkColumns(p *Errors, st *Step) {
	f := st.File
	if st.Table == "" {
		if len(st.Columns) > 0 {
			p.add(f, 2, "columns: the step shows no table")
		}
		return
	}
	spec, ok := Spec(st.Table)
	if !ok {
		return // reported as an unknown table
	}
	titles := make([]string, len(spec.Columns))
	for i, c := range spec.Columns {
		titles[i] = c.Title
	}
	for _, c := range st.Columns {
		if !slices.Contains(titles, c) {
			p.add(f, 2, "columns: table %s has no column %q (its columns: %s)", st.Table, c, strings.Join(titles, ", "))
		}
	}
	for _, title := range titles {
		if slices.Contains(st.Columns, title) {
			continue
		}
		if at := pointsAt(st.Body, title); at >= 0 {
			p.add(f, st.BodyLine+strings.Count(st.Body[:at], "\n"),
				"the text points at the %s column: add it to the front matter's columns (columns: [%s]) so no screen cuts it", title, title)
		}
	}
}

// pointsAt finds where text refers to the column titled title ("the JAK
// column" for JAKs, "the Label term column"), ignoring case; -1 if nowhere.
func pointsAt(text, title string) int {
	lower := strings.ToLower(text)
	t := strings.ToLower(title)
	for _, name := range []string{t, strings.TrimSuffix(t, "s")} {
		needle := name + " column"
		for from := 0; ; {
			i := strings.Index(lower[from:], needle)
			if i < 0 {
				break
			}
			i += from
			before, _ := utf8.DecodeLastRuneInString(lower[:i])
			if !isWordRune(before) {
				return i
			}
			from = i + 1
		}
	}
	return -1
}
