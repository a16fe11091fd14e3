package views

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"jakstat/content"
)

// ExploreTab is one tab of the table explorer.
type ExploreTab struct {
	Grid    string // the grid GridFor builds for it
	Title   string
	Caveat  string // shown under the table, where the data needs a warning
	Filters bool   // the quick filters (route, region, boxed warning) apply
}

// ExploreTabs lists the explorer's tabs in order.
func ExploreTabs(l *content.Lesson) []ExploreTab {
	asOf := "Approvals as of " + l.Meta.Checked + "; \"unclear\" means not confirmed, \"—\" none found."
	return []ExploreTab{
		{Grid: "drugs", Title: "Drugs", Caveat: asOf, Filters: true},
		{Grid: "alleffects", Title: "Side effects", Caveat: "From labels and trials; a figure is shown only where a source gives one."},
		{Grid: "trials", Title: "Trials", Caveat: "Trials differ in length and comparator: compare each drug with its own placebo, not with another row."},
		{Grid: "cytokines", Title: "Cytokines", Caveat: "\"not confirmed\" marks what the sources do not verify."},
		{Grid: "matrix", Title: "Matrix", Caveat: "● where a drug's label or trials list the side effect."},
	}
}

// Query is what the learner asked of a table: a text filter, quick
// filters, a cross-link, and a sort. The zero Query shows every row in
// data order.
type Query struct {
	Text   string
	Route  string // "", "oral" or "topical"
	Region string // "", or "FDA", "EU", "Japan" with a "+" (approved for eczema) or "-" (not) suffix
	Boxed  string // "", "yes" or "no"
	// Link keeps rows tied to one record of another table: on side
	// effects, those a drug lists; on drugs, those listing a side effect.
	Link string
	// SortCol is the column to sort on, or -1 for data order.
	SortCol int
	Desc    bool
}

// NewQuery returns a query showing every row in data order.
func NewQuery() Query { return Query{SortCol: -1} }

// Active says whether anything narrows the rows.
func (q Query) Active() bool {
	return q.Text != "" || q.Route != "" || q.Region != "" || q.Boxed != "" || q.Link != ""
}

// Apply returns the indices of g's rows that match q, in q's order. It is
// pure and cheap: it runs on every key press in the explorer.
func Apply(l *content.Lesson, g Grid, q Query) []int {
	needle := strings.ToLower(strings.TrimSpace(q.Text))
	out := make([]int, 0, len(g.Rows))
	for i, row := range g.Rows {
		if needle != "" && !rowContains(row, needle) {
			continue
		}
		if !quickMatch(l, g, i, q) {
			continue
		}
		out = append(out, i)
	}
	if q.SortCol >= 0 && q.SortCol < len(g.Columns) {
		slices.SortStableFunc(out, func(a, b int) int {
			c := naturalCompare(cell(g.Rows[a], q.SortCol), cell(g.Rows[b], q.SortCol))
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

// quickMatch applies the route, region, boxed-warning and link filters.
func quickMatch(l *content.Lesson, g Grid, i int, q Query) bool {
	key := g.Keys[i]
	switch g.Name {
	case "drugs":
		d, ok := l.Drug(key)
		if !ok {
			return false
		}
		if q.Route != "" && d.Route != q.Route {
			return false
		}
		if q.Boxed != "" && d.BoxedWarning != q.Boxed {
			return false
		}
		if q.Region != "" {
			region, want := q.Region[:len(q.Region)-1], q.Region[len(q.Region)-1] == '+'
			if approvedForEczema(d, region) != want {
				return false
			}
		}
		if q.Link != "" && !lists(l, q.Link, d.ID) {
			return false
		}
	case "alleffects", "sideeffects", "boxed":
		if q.Link != "" && !lists(l, key, q.Link) {
			return false
		}
	}
	return true
}

// approvedForEczema says whether region approved the drug for a form of eczema.
func approvedForEczema(d content.Drug, region string) bool {
	for _, a := range d.Approvals {
		if a.Region == region && isEczema(a.Condition) && a.Status == "approved" {
			return true
		}
	}
	return false
}

// lists says whether side effect se is listed for drug.
func lists(l *content.Lesson, se, drug string) bool {
	for _, s := range l.SideEffects {
		if s.ID != se {
			continue
		}
		for _, r := range s.Reported {
			if r.Drug == drug {
				return true
			}
		}
	}
	return false
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

// QuerySummary says in words what a query does, for the line above the
// table: how many of total rows g (the rows shown) holds, the sort, the filters.
func QuerySummary(l *content.Lesson, total int, g Grid, q Query) string {
	shown := len(g.Rows)
	var parts []string
	if q.Text != "" {
		parts = append(parts, fmt.Sprintf("%q", q.Text))
	}
	if q.Route != "" {
		parts = append(parts, q.Route)
	}
	if q.Region != "" {
		verb := "approved"
		if strings.HasSuffix(q.Region, "-") {
			verb = "not approved"
		}
		parts = append(parts, fmt.Sprintf("%s: %s for eczema", q.Region[:len(q.Region)-1], verb))
	}
	if q.Boxed != "" {
		parts = append(parts, "boxed warning: "+q.Boxed)
	}
	if q.Link != "" {
		parts = append(parts, linkText(l, g, q.Link))
	}
	head := fmt.Sprintf("%d of %d rows", shown, total)
	if q.SortCol >= 0 && q.SortCol < len(g.Columns) {
		dir := "▲"
		if q.Desc {
			dir = "▼"
		}
		head += " · sorted by " + g.Columns[q.SortCol].Title + " " + dir
	}
	if len(parts) == 0 {
		return head
	}
	return head + " · " + strings.Join(parts, " · ")
}

func linkText(l *content.Lesson, g Grid, link string) string {
	if g.Name == "drugs" {
		for _, s := range l.SideEffects {
			if s.ID == link {
				return "listing " + s.Name
			}
		}
	}
	if d, ok := l.Drug(link); ok {
		return "listed for " + d.Name()
	}
	return link
}

// matrixGrid is drugs x side effects: a mark where a drug lists the effect.
func matrixGrid(l *content.Lesson) Grid {
	g := Grid{
		Name:    "matrix",
		Caption: "Which drugs list which side effects",
		Columns: []Column{{Title: "Side effect", Whole: true}},
	}
	for _, d := range l.Drugs {
		g.Columns = append(g.Columns, Column{Title: cmp.Or(d.Brand, d.Generic), Min: 3})
	}
	for _, se := range l.SideEffects {
		row := []string{se.Name}
		for _, d := range l.Drugs {
			mark := ""
			if lists(l, se.ID, d.ID) {
				mark = "●"
			}
			row = append(row, mark)
		}
		g.Rows = append(g.Rows, row)
		g.Keys = append(g.Keys, se.ID)
	}
	return g
}
