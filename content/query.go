package content

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Query is what a reader asked of a table: a text filter, quick filters,
// a cross-link, and a sort. NewQuery shows every row in data order.
type Query struct {
	Text string
	// Filters holds a value per quick filter of the table's spec (filter
	// id -> value); a missing or empty value filters nothing. Change it with
	// With, which copies: queries are values.
	Filters map[string]string
	// Link keeps rows tied to one record of another table (see Link): on
	// side effects, those a drug lists; on drugs, those listing a side effect.
	Link string
	// SortCol is the column to sort on, or -1 for data order.
	SortCol int
	Desc    bool
}

// NewQuery returns a query showing every row in data order.
func NewQuery() Query { return Query{SortCol: -1} }

// Filter returns the value of the quick filter with the given id.
func (q Query) Filter(id string) string { return q.Filters[id] }

// With returns the query with quick filter id set to value.
func (q Query) With(id, value string) Query {
	q.Filters = maps.Clone(q.Filters)
	if q.Filters == nil {
		q.Filters = map[string]string{}
	}
	q.Filters[id] = value
	return q
}

// Active says whether anything narrows the rows.
func (q Query) Active() bool {
	if q.Text != "" || q.Link != "" {
		return true
	}
	for _, v := range q.Filters {
		if v != "" {
			return true
		}
	}
	return false
}

// Sorted says whether the rows are sorted, not in data order.
func (q Query) Sorted() bool { return q.SortCol >= 0 }

// Changed says whether the query shows anything but every row in data order.
func (q Query) Changed() bool { return q.Active() || q.Sorted() }

// Cleared returns the query with its filters, link and sort removed: every
// row, in data order.
func (q Query) Cleared() Query { return NewQuery() }

// Apply returns the indices of t's rows that match q, in q's order. It is
// pure and cheap: an explorer runs it on every key press. The text matches
// anywhere in a cell, or at the start of a word in what the row means (its
// terms: "topical" finds the creams, whose cells say cream and ointment).
func (l *Lesson) Apply(t Table, q Query) []int {
	needle := strings.ToLower(strings.TrimSpace(q.Text))
	out := make([]int, 0, len(t.Rows))
	for i, row := range t.Rows {
		if needle != "" && !rowContains(row, needle) && !(i < len(t.terms) && WordStart(t.terms[i], needle, 0) >= 0) {
			continue
		}
		if !l.quickMatch(t, t.Keys[i], q) {
			continue
		}
		out = append(out, i)
	}
	if q.SortCol >= 0 && q.SortCol < len(t.Columns) {
		slices.SortStableFunc(out, func(a, b int) int {
			c := naturalCompare(cell(t.Rows[a], q.SortCol), cell(t.Rows[b], q.SortCol))
			if q.Desc {
				return -c
			}
			return c
		})
	}
	return out
}

func rowContains(row []string, needle string) bool {
	for _, c := range row {
		if strings.Contains(strings.ToLower(c), needle) {
			return true
		}
	}
	return false
}

func cell(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// quickMatch applies the quick filters and the cross-link.
func (l *Lesson) quickMatch(t Table, key string, q Query) bool {
	for _, f := range t.Spec.Filters {
		if v := q.Filter(f.ID); v != "" && !f.match(l, key, v) {
			return false
		}
	}
	if q.Link != "" && t.Spec.linked != nil && !t.Spec.linked(l, key, q.Link) {
		return false
	}
	return true
}

// naturalCompare orders text with numbers by value ("week 8" before "week
// 12", "2021" before "2022") and everything else case-insensitively; "—"
// and empty cells sort last.
func naturalCompare(a, b string) int {
	blank := func(s string) bool { return s == "" || s == "—" || s == "-" }
	switch {
	case blank(a) && blank(b):
		return 0
	case blank(a):
		return 1
	case blank(b):
		return -1
	}
	ra, rb := []rune(strings.ToLower(a)), []rune(strings.ToLower(b))
	i, j := 0, 0
	for i < len(ra) && j < len(rb) {
		if unicode.IsDigit(ra[i]) && unicode.IsDigit(rb[j]) {
			si, sj := i, j
			for i < len(ra) && unicode.IsDigit(ra[i]) {
				i++
			}
			for j < len(rb) && unicode.IsDigit(rb[j]) {
				j++
			}
			na, _ := strconv.Atoi(string(ra[si:i]))
			nb, _ := strconv.Atoi(string(rb[sj:j]))
			if c := cmp.Compare(na, nb); c != 0 {
				return c
			}
			continue
		}
		if c := cmp.Compare(ra[i], rb[j]); c != 0 {
			return c
		}
		i++
		j++
	}
	return cmp.Compare(len(ra)-i, len(rb)-j)
}

// Summary says in words what q does to a table, for the line above it: how
// many of total rows are shown (shown holds them), the sort, the filters.
func (q Query) Summary(l *Lesson, total int, shown Table) string {
	var parts []string
	if q.Text != "" {
		parts = append(parts, fmt.Sprintf("%q", q.Text))
	}
	for _, f := range shown.Spec.Filters {
		if v := q.Filter(f.ID); v != "" {
			parts = append(parts, f.describe(v))
		}
	}
	if q.Link != "" && shown.Spec.linkText != nil {
		parts = append(parts, shown.Spec.linkText(l, q.Link))
	}
	head := fmt.Sprintf("%d of %d rows", len(shown.Rows), total)
	if q.SortCol >= 0 && q.SortCol < len(shown.Columns) {
		dir := "▲"
		if q.Desc {
			dir = "▼"
		}
		head += " · sorted by " + shown.Columns[q.SortCol].Title + " " + dir
	}
	if len(parts) == 0 {
		return head
	}
	return head + " · " + strings.Join(parts, " · ")
}
