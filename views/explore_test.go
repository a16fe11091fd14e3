package views

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

func TestApply(t *testing.T) {
	l := shipped(t)
	drugs := GridFor(l, "drugs")
	effects := GridFor(l, "alleffects")
	names := func(g Grid, idx []int, col int) string {
		var out []string
		for _, i := range idx {
			out = append(out, g.Rows[i][col])
		}
		return strings.Join(out, ",")
	}
	q := func(edit func(*Query)) Query {
		x := NewQuery()
		edit(&x)
		return x
	}
	tests := map[string]struct {
		g    Grid
		q    Query
		col  int
		want string
	}{
		"everything":             {drugs, NewQuery(), 1, "Cibinqo,Rinvoq,Olumiant,Opzelura,Corectim,Anzupgo,—"},
		"text in any cell":       {drugs, q(func(q *Query) { q.Text = "ointment" }), 1, "Corectim"},
		"text ignores case":      {drugs, q(func(q *Query) { q.Text = "RINVOQ" }), 1, "Rinvoq"},
		"no match":               {drugs, q(func(q *Query) { q.Text = "aspirin" }), 1, ""},
		"topical":                {drugs, q(func(q *Query) { q.Route = "topical" }), 1, "Opzelura,Corectim,Anzupgo"},
		"oral":                   {drugs, q(func(q *Query) { q.Route = "oral" }), 1, "Cibinqo,Rinvoq,Olumiant,—"},
		"FDA approved":           {drugs, q(func(q *Query) { q.Region = "FDA+" }), 1, "Cibinqo,Rinvoq,Opzelura,Anzupgo"},
		"not FDA approved":       {drugs, q(func(q *Query) { q.Region = "FDA-" }), 1, "Olumiant,Corectim,—"},
		"Japan approved":         {drugs, q(func(q *Query) { q.Region = "Japan+" }), 1, "Cibinqo,Rinvoq,Olumiant,Corectim"},
		"boxed warning":          {drugs, q(func(q *Query) { q.Boxed = "yes" }), 1, "Cibinqo,Rinvoq,Olumiant,Opzelura"},
		"filters combine":        {drugs, q(func(q *Query) { q.Route, q.Boxed = "topical", "yes" }), 1, "Opzelura"},
		"drugs listing acne":     {drugs, q(func(q *Query) { q.Link = "acne" }), 1, "Cibinqo,Rinvoq"},
		"sort by brand":          {drugs, q(func(q *Query) { q.SortCol = 1 }), 1, "Anzupgo,Cibinqo,Corectim,Olumiant,Opzelura,Rinvoq,—"},
		"sort by brand, reverse": {drugs, q(func(q *Query) { q.SortCol, q.Desc = 1, true }), 1, "—,Rinvoq,Opzelura,Olumiant,Corectim,Cibinqo,Anzupgo"},
		"sort by FDA year":       {drugs, q(func(q *Query) { q.SortCol, q.Route = 4, "topical" }), 1, "Opzelura,Anzupgo,Corectim"},
		"side effects of Rinvoq": {effects, q(func(q *Query) { q.Link = "upadacitinib"; q.Text = "acne" }), 0, "Acne"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := names(tc.g, Apply(l, tc.g, tc.q), tc.col); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestNaturalCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"week 8", "week 12", -1},
		{"2021, 2+", "2022, 12+", -1},
		{"Abc", "abd", -1},
		{"—", "anything", 1},
		{"", "—", 0},
		{"JAK1", "JAK1/2", -1},
		{"10", "9", 1},
	}
	for _, tc := range tests {
		if got := naturalCompare(tc.a, tc.b); got != tc.want {
			t.Errorf("naturalCompare(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestQuerySummary(t *testing.T) {
	l := shipped(t)
	g := GridFor(l, "drugs")
	q := NewQuery()
	q.Route, q.Region, q.Boxed, q.Text, q.SortCol = "oral", "EU-", "yes", "jak1", 4
	got := QuerySummary(l, 7, g, q)
	for _, want := range []string{"7 of 7 rows", "sorted by FDA ▲", `"jak1"`, "oral", "EU: not approved for eczema", "boxed warning: yes"} {
		if !strings.Contains(got, want) {
			t.Errorf("summary %q lacks %q", got, want)
		}
	}
}

// TestCrossLinksResolve: every drug's side effects, and every side effect's
// drugs, can be reached both ways.
func TestCrossLinksResolve(t *testing.T) {
	l := shipped(t)
	effects := GridFor(l, "alleffects")
	drugs := GridFor(l, "drugs")
	for _, d := range l.Drugs {
		q := NewQuery()
		q.Link = d.ID
		for _, i := range Apply(l, effects, q) {
			back := NewQuery()
			back.Link = effects.Keys[i]
			found := false
			for _, j := range Apply(l, drugs, back) {
				found = found || drugs.Keys[j] == d.ID
			}
			if !found {
				t.Errorf("%s lists %s, but not the other way round", d.ID, effects.Keys[i])
			}
		}
	}
}

func TestPrintTables(t *testing.T) {
	l := shipped(t)
	for _, format := range []string{FormatText, FormatMarkdown} {
		out := PrintTables(l, 100, format, false)
		for _, want := range []string{"Drugs", "Side effects", "Trials", "Cytokines", "Matrix", "Sources", "Rinvoq", "nasopharyngitis", l.Meta.Checked} {
			if !strings.Contains(strings.ToLower(out), strings.ToLower(want)) {
				t.Errorf("%s tables lack %q", format, want)
			}
		}
		if strings.ContainsRune(out, '\x1b') {
			t.Errorf("%s tables contain escape codes", format)
		}
	}
	md := MarkdownTable(Grid{Columns: []Column{{Title: "A"}, {Title: "B"}}, Rows: [][]string{{"x|y", "z"}}})
	if want := "| A | B |\n| --- | --- |\n| x\\|y | z |"; md != want {
		t.Errorf("MarkdownTable:\n%s\nwant\n%s", md, want)
	}
	golden.RequireEqual(t, []byte(MarkdownTable(GridFor(l, "matrix"))))
}

func BenchmarkApply(b *testing.B) {
	l := shipped(b)
	g := GridFor(l, "alleffects")
	q := NewQuery()
	q.Text, q.SortCol, q.Desc = "in", 3, true
	b.ReportAllocs()
	for b.Loop() {
		Apply(l, g, q)
	}
}

func BenchmarkGridAndApply(b *testing.B) {
	l := shipped(b)
	for _, name := range []string{"drugs", "alleffects", "matrix"} {
		b.Run(name, func(b *testing.B) {
			q := NewQuery()
			q.Text, q.SortCol = "a", 1
			for b.Loop() {
				Apply(l, GridFor(l, name), q)
			}
		})
	}
	_ = fmt.Sprint
}
