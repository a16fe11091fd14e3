package content

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestEczemaApprovalCells(t *testing.T) {
	a := func(region, cond, status, date, age string) Approval {
		return Approval{Region: region, Condition: cond, Status: status, Date: date, Age: age}
	}
	tests := map[string]struct {
		approvals []Approval
		want      string
	}{
		"none":               {nil, "—"},
		"year and age":       {[]Approval{a("FDA", "atopic dermatitis", "approved", "2022-01-14", "12+")}, "2022, 12+"},
		"earliest, youngest": {[]Approval{a("FDA", "atopic dermatitis", "approved", "2021-09", "12+"), a("FDA", "atopic dermatitis", "approved", "2025-09", "2-11")}, "2021 (2+ 2025)"},
		"adults":             {[]Approval{a("FDA", "atopic dermatitis", "approved", "2022", "adults")}, "2022, 18+"},
		"hand eczema":        {[]Approval{a("FDA", "chronic hand eczema", "approved", "2025-07-23", "adults")}, "hand 2025"},
		"not approved":       {[]Approval{a("FDA", "atopic dermatitis", "not approved", "", "")}, "no"},
		"unconfirmed":        {[]Approval{a("FDA", "atopic dermatitis", "unconfirmed", "", "")}, "unclear"},
		"approved, no date":  {[]Approval{a("FDA", "atopic dermatitis", "approved", "", "")}, "yes"},
		"other region":       {[]Approval{a("EU", "atopic dermatitis", "approved", "2021", "")}, "—"},
		"other condition":    {[]Approval{a("FDA", "alopecia areata", "approved", "2022", "")}, "—"},
	}
	for name, tc := range tests {
		if got := eczemaApproval(Drug{Approvals: tc.approvals}, "FDA"); got != tc.want {
			t.Errorf("%s: got %q, want %q", name, got, tc.want)
		}
	}
}

// TestTablesMatchTheirColumns: every registered table has rows, a key per
// row and a cell per column.
func TestTablesMatchTheirColumns(t *testing.T) {
	l := mustShipped(t)
	for _, spec := range Tables() {
		g := l.Table(spec.ID)
		if g.ID() != spec.ID || g.Spec.Record == "" {
			t.Errorf("table %s: built as %q, record %q", spec.ID, g.ID(), g.Spec.Record)
		}
		if len(g.Rows) == 0 {
			t.Errorf("table %s has no rows", spec.ID)
		}
		if len(g.Keys) != len(g.Rows) {
			t.Errorf("table %s: %d keys for %d rows", spec.ID, len(g.Keys), len(g.Rows))
		}
		for i, r := range g.Rows {
			if len(r) != len(g.Columns) {
				t.Errorf("table %s row %d has %d cells for %d columns", spec.ID, i, len(r), len(g.Columns))
			}
		}
	}
}

// TestRegistry: ids are unique, links and explorer mappings lead to real
// tabs, and TableNames is what steps may name.
func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range Tables() {
		if seen[s.ID] {
			t.Errorf("table %s is registered twice", s.ID)
		}
		seen[s.ID] = true
	}
	for _, s := range Tables() {
		if s.Link != nil {
			to, ok := Spec(s.Link.To)
			if !ok || !to.Explore || to.linked == nil || s.Link.Says == "" {
				t.Errorf("table %s links to %q, which is not an explorer tab that knows the link", s.ID, s.Link.To)
			}
		}
		if s.ExploreAs != "" {
			if as, ok := Spec(s.ExploreAs); !ok || !as.Explore {
				t.Errorf("table %s opens the explorer on %q, which is not a tab", s.ID, s.ExploreAs)
			}
		}
		if !s.Step && !s.Explore && !s.Handout {
			t.Errorf("table %s is shown nowhere", s.ID)
		}
	}
	if got := strings.Join(TableNames(), " "); got != "drugs trials cytokines sideeffects boxed sources" {
		t.Errorf("TableNames = %s", got)
	}
	if _, ok := Spec("planets"); ok {
		t.Error("an unknown table was found")
	}
	if g := mustShipped(t).Table("planets"); len(g.Rows) != 0 || g.ID() != "planets" {
		t.Errorf("an unknown table built %+v", g)
	}
}

// TestEmptyDataLeavesItsTablesOut: a lesson on another topic, with no
// drugs, side effects or trials, has no tabs for them.
func TestEmptyDataLeavesItsTablesOut(t *testing.T) {
	l, err := Load(validLesson())
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range l.ExploreTabs() {
		ids = append(ids, s.ID)
	}
	if got := strings.Join(ids, " "); got != "drugs alleffects trials cytokines matrix" {
		t.Fatalf("explorer tabs of a full lesson: %s", got)
	}
	l.Drugs, l.SideEffects, l.Trials = nil, nil, nil
	l.index()
	ids = nil
	for _, s := range l.ExploreTabs() {
		ids = append(ids, s.ID)
	}
	if got := strings.Join(ids, " "); got != "cytokines" {
		t.Errorf("explorer tabs without drugs, side effects or trials: %s", got)
	}
	ids = nil
	for _, s := range l.HandoutTables() {
		ids = append(ids, s.ID)
	}
	if got := strings.Join(ids, " "); got != "cytokines sources" {
		t.Errorf("handout tables: %s", got)
	}
}

func TestApply(t *testing.T) {
	l := mustShipped(t)
	drugs := l.Table("drugs")
	effects := l.Table("alleffects")
	names := func(g Table, idx []int, col int) string {
		var out []string
		for _, i := range idx {
			out = append(out, g.Rows[i][col])
		}
		return strings.Join(out, ",")
	}
	q := func(edit func(Query) Query) Query { return edit(NewQuery()) }
	with := func(id, v string) func(Query) Query { return func(q Query) Query { return q.With(id, v) } }
	tests := map[string]struct {
		g    Table
		q    Query
		col  int
		want string
	}{
		"everything":              {drugs, NewQuery(), 1, "Cibinqo,Rinvoq,Olumiant,Opzelura,Corectim,Anzupgo,—"},
		"text in any cell":        {drugs, q(func(q Query) Query { q.Text = "ointment"; return q }), 1, "Corectim"},
		"text ignores case":       {drugs, q(func(q Query) Query { q.Text = "RINVOQ"; return q }), 1, "Rinvoq"},
		"no match":                {drugs, q(func(q Query) Query { q.Text = "aspirin"; return q }), 1, ""},
		"topical":                 {drugs, q(with("route", "topical")), 1, "Opzelura,Corectim,Anzupgo"},
		"oral":                    {drugs, q(with("route", "oral")), 1, "Cibinqo,Rinvoq,Olumiant,—"},
		"FDA approved":            {drugs, q(with("region", "FDA+")), 1, "Cibinqo,Rinvoq,Opzelura,Anzupgo"},
		"not FDA approved":        {drugs, q(with("region", "FDA-")), 1, "Olumiant,Corectim,—"},
		"Japan approved":          {drugs, q(with("region", "Japan+")), 1, "Cibinqo,Rinvoq,Olumiant,Corectim"},
		"boxed warning":           {drugs, q(with("boxed", "yes")), 1, "Cibinqo,Rinvoq,Olumiant,Opzelura"},
		"filters combine":         {drugs, q(func(q Query) Query { return q.With("route", "topical").With("boxed", "yes") }), 1, "Opzelura"},
		"drugs listing acne":      {drugs, q(func(q Query) Query { q.Link = "acne"; return q }), 1, "Cibinqo,Rinvoq"},
		"sort by brand":           {drugs, q(func(q Query) Query { q.SortCol = 1; return q }), 1, "Anzupgo,Cibinqo,Corectim,Olumiant,Opzelura,Rinvoq,—"},
		"sort by brand, reverse":  {drugs, q(func(q Query) Query { q.SortCol, q.Desc = 1, true; return q }), 1, "—,Rinvoq,Opzelura,Olumiant,Corectim,Cibinqo,Anzupgo"},
		"sort by FDA year":        {drugs, q(func(q Query) Query { q.SortCol = 4; return q.With("route", "topical") }), 1, "Opzelura,Anzupgo,Corectim"},
		"a route class":           {drugs, q(func(q Query) Query { q.Text = "topical"; return q }), 1, "Opzelura,Corectim,Anzupgo"},
		"a form the cells plural": {drugs, q(func(q Query) Query { q.Text = "creams"; return q }), 1, "Opzelura,Anzupgo"},
		"a generic name":          {effects, q(func(q Query) Query { q.Text = "baricitinib"; q.SortCol = 0; return q }), 0, olumiant(l)},
		"a region's other name":   {drugs, q(func(q Query) Query { q.Text = "europe"; return q }), 1, "Cibinqo,Rinvoq,Olumiant,Anzupgo"},
		"a target inside a pair":  {drugs, q(func(q Query) Query { q.Text = "jak2"; return q }), 1, "Olumiant,Opzelura,Corectim,Anzupgo"},
		"terms match word starts": {drugs, q(func(q Query) Query { q.Text = "opical"; return q }), 1, ""},
		"side effects of Rinvoq":  {effects, q(func(q Query) Query { q.Link = "upadacitinib"; q.Text = "acne"; return q }), 0, "Acne"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := names(tc.g, l.Apply(tc.g, tc.q), tc.col); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// olumiant lists, sorted, the side effects the data reports for
// baricitinib, whose rows show only its brand.
func olumiant(l *Lesson) string {
	var out []string
	for _, se := range l.SideEffects {
		if l.lists(se.ID, "baricitinib") {
			out = append(out, se.Name)
		}
	}
	slices.SortFunc(out, naturalCompare)
	return strings.Join(out, ",")
}

func TestQueriesAreValues(t *testing.T) {
	a := NewQuery().With("route", "oral")
	b := a.With("route", "topical")
	if a.Filter("route") != "oral" || b.Filter("route") != "topical" {
		t.Errorf("With changed the query it was called on: %v %v", a.Filters, b.Filters)
	}
	if NewQuery().Active() || !a.Active() || a.With("route", "").Active() {
		t.Error("Active misreads the filters")
	}
	c := a
	c.SortCol, c.Desc, c.Text = 2, true, "x"
	if got := c.Cleared(); got.Changed() || got.SortCol != -1 || got.Desc {
		t.Errorf("Cleared = %+v: want every row in data order", got)
	}
	if sorted := (Query{SortCol: 0}); sorted.Active() || !sorted.Changed() {
		t.Error("a sort alone is a change, though it hides no row")
	}
	f, _ := Tables()[0].Filter("route")
	if f.Next("") != "oral" || f.Next("topical") != "" || f.Next("nonsense") != "" {
		t.Error("Next does not cycle through the values")
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

// TestRegionFilterNamesWhatItCounts: the region filter counts hand-eczema
// approvals as well as AD ones (Anzupgo is among "FDA approved"), so its
// label must name both, never just "eczema", which the lesson uses for AD.
func TestRegionFilterNamesWhatItCounts(t *testing.T) {
	l := mustShipped(t)
	spec, _ := Spec("drugs")
	f, ok := spec.Filter("region")
	if !ok {
		t.Fatal("the drug table has no region filter")
	}
	g := l.Table("drugs")
	for _, v := range f.Values[1:] {
		region, approved := v[:len(v)-1], strings.HasSuffix(v, "+")
		label := f.describe(v)
		if !strings.HasPrefix(label, region+": ") || !strings.Contains(label, "AD") || !strings.Contains(label, "hand eczema") {
			t.Errorf("%s: label %q does not say it counts AD and hand eczema in %s", v, label, region)
		}
		if approved == strings.Contains(label, "not approved") {
			t.Errorf("%s: label %q says the opposite of the filter", v, label)
		}
		// Every row the filter keeps is one its label describes.
		for _, i := range l.Apply(g, NewQuery().With("region", v)) {
			d, _ := l.Drug(g.Keys[i])
			if approvedForEczema(d, region) != approved {
				t.Errorf("%s keeps %s, which its label %q does not describe", v, d.ID, label)
			}
		}
	}
}

func TestQuerySummary(t *testing.T) {
	l := mustShipped(t)
	g := l.Table("drugs")
	q := NewQuery().With("route", "oral").With("region", "EU-").With("boxed", "yes")
	q.Text, q.SortCol = "jak1", 4
	got := q.Summary(l, 7, g)
	for _, want := range []string{"7 of 7 rows", "sorted by FDA ▲", `"jak1"`, "oral", "EU: not approved for AD or hand eczema", "boxed warning: yes"} {
		if !strings.Contains(got, want) {
			t.Errorf("summary %q lacks %q", got, want)
		}
	}
	link := NewQuery()
	link.Link = "upadacitinib"
	if got := link.Summary(l, 20, l.Table("alleffects")); !strings.Contains(got, "listed for Upadacitinib (Rinvoq)") {
		t.Errorf("link summary %q", got)
	}
}

// TestCrossLinksResolve: every drug's side effects, and every side effect's
// drugs, can be reached both ways.
func TestCrossLinksResolve(t *testing.T) {
	l := mustShipped(t)
	effects := l.Table("alleffects")
	drugs := l.Table("drugs")
	for _, d := range l.Drugs {
		q := NewQuery()
		q.Link = d.ID
		for _, i := range l.Apply(effects, q) {
			back := NewQuery()
			back.Link = effects.Keys[i]
			found := false
			for _, j := range l.Apply(drugs, back) {
				found = found || drugs.Keys[j] == d.ID
			}
			if !found {
				t.Errorf("%s lists %s, but not the other way round", d.ID, effects.Keys[i])
			}
		}
	}
}

func BenchmarkApply(b *testing.B) {
	l := mustShipped(b)
	g := l.Table("alleffects")
	q := NewQuery()
	q.Text, q.SortCol, q.Desc = "in", 3, true
	b.ReportAllocs()
	for b.Loop() {
		l.Apply(g, q)
	}
}

func BenchmarkGridAndApply(b *testing.B) {
	l := mustShipped(b)
	for _, name := range []string{"drugs", "alleffects", "matrix"} {
		b.Run(name, func(b *testing.B) {
			q := NewQuery()
			q.Text, q.SortCol = "a", 1
			for b.Loop() {
				l.Apply(l.Table(name), q)
			}
		})
	}
}

// TestTablesSayWhatTheyHold: the trials table shows each trial's
// comparator, since placebo, vehicle and head-to-head trials share it, and
// its caption does not call them all placebo or vehicle trials; the
// sources table shows each source's kind.
func TestTablesSayWhatTheyHold(t *testing.T) {
	l := mustShipped(t)
	trials := l.Table("trials")
	against := slices.IndexFunc(trials.Columns, func(c Column) bool { return c.Title == "Against" })
	if against < 0 {
		t.Fatal("the trials table has no comparator column")
	}
	headToHead := 0
	for i, tr := range l.Trials {
		if trials.Rows[i][against] != tr.Comparator {
			t.Errorf("%s: Against says %q, the data %q", tr.ID, trials.Rows[i][against], tr.Comparator)
		}
		if tr.HeadToHead() {
			headToHead++
		}
	}
	if headToHead == 0 {
		t.Fatal("no head-to-head trial to test with")
	}
	for _, text := range []string{trials.Caption, trials.Spec.Caveat(l)} {
		if strings.Contains(text, "against placebo or vehicle") || !strings.Contains(text, "comparator") {
			t.Errorf("%q does not fit head-to-head trials", text)
		}
	}
	sources := l.Table("sources")
	for i, s := range l.Sources {
		if !slices.Contains(sources.Rows[i], s.Kind) {
			t.Errorf("source %s: row %v lacks its kind %q", s.ID, sources.Rows[i], s.Kind)
		}
	}
}

// TestStepColumns: WithFocus marks the columns a step names, and every
// shipped step with a table names at least one (each points at some).
func TestStepColumns(t *testing.T) {
	l := mustShipped(t)
	for _, st := range l.Steps {
		if st.Table == "" {
			continue
		}
		g := l.Table(st.Table).WithFocus(st.Columns)
		var focus []string
		for _, c := range g.Columns {
			if c.Focus {
				focus = append(focus, c.Title)
			}
		}
		if len(focus) == 0 || !slices.Equal(focus, st.Columns) {
			t.Errorf("step %s: focus %v, front matter %v", st.ID, focus, st.Columns)
		}
		if slices.ContainsFunc(l.Table(st.Table).Columns, func(c Column) bool { return c.Focus }) {
			t.Errorf("step %s: WithFocus changed the table it was called on", st.ID)
		}
	}
	if pointsAt("Look down the JAK column.", "JAKs") < 0 || pointsAt("the Label term column", "Label term") < 0 ||
		pointsAt("a NONJAK column", "JAKs") >= 0 || pointsAt("JAK columns", "EU") >= 0 {
		t.Error("pointsAt misreads which column a text points at")
	}
}

// TestChangesFollowTheText: a step asking for changes shows the newest
// changelog entries after its text, once, with their reasons.
func TestChangesFollowTheText(t *testing.T) {
	l, err := Load(func() fstest.MapFS {
		fsys := validLesson()
		fsys["lesson.yaml"] = &fstest.MapFile{Data: []byte("title: T\nchecked: 2026-11-26\ndisclaimer: D\nchanges:\n" +
			"  - {date: 2026-01-02, what: Old *fix*, why: Because}\n" +
			"  - {date: 2026-03-04, what: New fix with <b>, why: A reason}\n")}
		fsys["01-a.md"] = &fstest.MapFile{Data: []byte("---\nid: a\ntitle: A\nsection: S\nchanges: 1\n---\nBody text.\n")}
		return fsys
	}())
	if err != nil {
		t.Fatal(err)
	}
	body := l.Steps[0].Body
	want := "Body text.\n\n### Latest changes\nThe newest 1 of the changelog's 2 entries:\n- **2026-03-04:** New fix with \\<b> *Why:* A reason"
	if body != want {
		t.Errorf("body:\n%s\nwant:\n%s", body, want)
	}
	if l.Steps[1].Body != "More text." {
		t.Errorf("a step without changes got %q", l.Steps[1].Body)
	}
	shipped := mustShipped(t)
	st := shipped.Steps[shipped.StepIndex("sources")]
	if st.Changes == 0 || !strings.Contains(st.Body, shipped.Meta.RecentChanges(1)[0].Why) {
		t.Error("the sources step does not show the latest change")
	}
}
