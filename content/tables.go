package content

import (
	"slices"
	"strings"
)

// Column is one column of a lesson table. Min, Max and Whole are layout
// hints in character cells, for any renderer that lays cells out in a grid.
type Column struct {
	Title string
	// Min is the narrowest the column may get before a grid gives way to
	// a stacked layout; it is at least the longest word the column must keep whole.
	Min int
	// Max caps the column so one long cell cannot starve the others; 0 means none.
	Max int
	// Whole keeps every cell of the column untruncated: a row's name is what
	// the learner reads first, so a grid wraps it, or stacks its rows, before
	// cutting it.
	Whole bool
	// Focus marks a column the step's text points the reader at ("look down
	// the JAKs column"): like Whole it is never cut, and a grid gives it its
	// full width before any other column, so it reads down one line a row.
	// Table.WithFocus sets it from a step's front matter.
	Focus bool
}

// Kept says whether a grid must show every cell of the column whole.
func (c Column) Kept() bool { return c.Whole || c.Focus }

// Record says what a table's rows are, so a renderer knows how to tell
// everything about one (its details) from its key.
type Record string

// The kinds of record a row can be.
const (
	RecordDrug       Record = "drug"       // key: a drug id
	RecordSideEffect Record = "sideeffect" // key: a side-effect id
	RecordCytokine   Record = "cytokine"   // key: the cytokine's index in Lesson.Cytokines
	RecordTrial      Record = "trial"      // key: a trial id
	RecordSource     Record = "source"     // key: a source id
)

// Table is one of the lesson's tables as plain cells: what a terminal table,
// cards, a printed handout or a web page shows. Build one with Lesson.Table.
type Table struct {
	Spec    TableSpec
	Caption string // one line saying what the table is
	Columns []Column
	Rows    [][]string
	// Keys identify each row's record (see Spec.Record).
	Keys []string
	// terms holds, per row, what the row means beyond its cells, lower
	// case: a text filter matches them too (see TableSpec.terms).
	terms []string
}

// ID is the table's registry id; "" for no table.
func (t Table) ID() string { return t.Spec.ID }

// Subset returns the table with only the rows at idx, in that order.
func (t Table) Subset(idx []int) Table {
	out := t
	out.Rows = make([][]string, 0, len(idx))
	out.Keys = make([]string, 0, len(idx))
	out.terms = nil
	for _, i := range idx {
		out.Rows = append(out.Rows, t.Rows[i])
		out.Keys = append(out.Keys, t.Keys[i])
		if i < len(t.terms) {
			out.terms = append(out.terms, t.terms[i])
		}
	}
	return out
}

// WithFocus returns the table with the columns titled in titles marked as
// Focus: the columns a step's text points at (Step.Columns). Titles that
// name no column are ignored; Validate reports them.
func (t Table) WithFocus(titles []string) Table {
	if len(titles) == 0 {
		return t
	}
	t.Columns = slices.Clone(t.Columns)
	for i, c := range t.Columns {
		if slices.Contains(titles, c.Title) {
			t.Columns[i].Focus = true
		}
	}
	return t
}

// TableSpec describes one of the lesson's tables once: its id and title,
// what its rows are, where it may appear, how its rows are built from the
// data files, filtered and cross-linked, and the caveat a reader needs.
// Every screen, the printer and the validator read the registry (Tables);
// adding a table or a column means adding to the registry and the data.
type TableSpec struct {
	ID     string // what a step's front matter names (table: drugs)
	Title  string // a short title, for a tab or a handout heading
	Record Record
	// Columns are the table's columns; a table may add more that depend on
	// the data (the matrix has one per drug).
	Columns []Column

	Step    bool // a step may show it
	Explore bool // a tab of the table explorer
	Handout bool // printed with --tables
	// ExploreAs is the explorer tab a step's table opens on when it is not
	// a tab itself (a step's boxed-warning rows open among every side effect).
	ExploreAs string

	// Filters are the quick filters that apply to the rows, in order.
	Filters []Filter
	// Link is where a row leads, or nil.
	Link *Link

	caption func(*Lesson) string
	caveat  func(*Lesson) string
	rows    func(*Lesson, *Table) // adds the rows and their keys
	// terms says what the row with key means in words a reader may type
	// but its cells do not show: a cream's route class (topical), a drug's
	// generic and brand names, the regions that approved it, its targets.
	// A text filter matches them as well as the cells.
	terms func(l *Lesson, key string) []string
	// linked says whether the row with key is tied to record link of the
	// table a Link came from; nil when no link leads here.
	linked func(l *Lesson, key, link string) bool
	// linkText says in words which rows a link keeps.
	linkText func(l *Lesson, link string) string
}

// Link is a cross-link from a table's rows to the rows of another table
// that are tied to them (a drug to the side effects its label lists).
type Link struct {
	To   string // the table it leads to
	Says string // what the reader finds there, as a phrase
}

// Filter is a quick filter on a table's rows, with a short list of values
// a reader cycles through; "" (no filter) comes first.
type Filter struct {
	ID       string
	Values   []string
	match    func(l *Lesson, key, value string) bool
	describe func(value string) string
}

// Next returns the value after cur, wrapping round.
func (f Filter) Next(cur string) string {
	i := slices.Index(f.Values, cur)
	return f.Values[(i+1)%len(f.Values)]
}

// Caveat is what a reader must keep in mind about the table's rows, or "".
func (s TableSpec) Caveat(l *Lesson) string {
	if s.caveat == nil {
		return ""
	}
	return s.caveat(l)
}

// Filter returns the spec's filter with the given id.
func (s TableSpec) Filter(id string) (Filter, bool) {
	for _, f := range s.Filters {
		if f.ID == id {
			return f, true
		}
	}
	return Filter{}, false
}

// Tables is the registry: every table the lesson knows, explorer tabs in
// their order. It is built afresh on each call, so nothing can change it.
func Tables() []TableSpec {
	effectLink := &Link{To: "drugs", Says: "the drugs that list this side effect"}
	effectColumns := []Column{{Title: "Side effect", Whole: true}, {Title: "Label term", Min: 12}, {Title: "Group", Min: 9}, {Title: "Listed for", Min: 14}}
	return []TableSpec{
		{ID: "drugs", Title: "Drugs", Record: RecordDrug, Step: true, Explore: true, Handout: true,
			Columns: []Column{
				{Title: "Drug", Whole: true}, {Title: "Brand", Min: 8}, {Title: "Route", Min: 8},
				{Title: "JAKs", Min: 4}, {Title: "FDA", Min: 5}, {Title: "EU", Min: 5},
				{Title: "Japan", Min: 5}, {Title: "Boxed", Min: 5},
			},
			Filters: drugFilters(), Link: &Link{To: "alleffects", Says: "the side effects this drug's label lists"},
			caption: func(l *Lesson) string { return "JAK inhibitors and their eczema approvals, as of " + l.Meta.Checked },
			caveat:  approvalsCaveat, rows: drugRows, terms: drugTerms, linked: drugListsEffect, linkText: listingEffect},
		{ID: "alleffects", Title: "Side effects", Record: RecordSideEffect, Explore: true, Handout: true, Link: effectLink,
			Columns: effectColumns,
			caption: fixed("Every side effect in the data, with its label term and the drugs that list it"),
			caveat:  fixed("From labels and trials; a figure is shown only where a source gives one."),
			rows:    effectRows(func(string) bool { return true }, true), terms: effectTerms,
			linked: effectListedFor, linkText: listedForDrug},
		{ID: "trials", Title: "Trials", Record: RecordTrial, Step: true, Explore: true, Handout: true,
			// The skin result holds the figures the table is for: it is never
			// cut, so they show at any width a grid fits.
			Columns: []Column{{Title: "Trial", Whole: true}, {Title: "Drug", Min: 8}, {Title: "Against", Min: 9},
				{Title: "Week", Min: 4}, {Title: "Skin result", Min: 18, Whole: true}, {Title: "Itch", Min: 10}},
			caption: fixed("Pivotal trials, each against its own comparator (placebo, vehicle or another medicine): not comparable across rows"),
			caveat:  fixed("Each row is one trial, with its own length and its own comparator (the Against column): compare a drug with that comparator, not with another row."),
			rows:    trialRows, terms: trialTerms},
		{ID: "cytokines", Title: "Cytokines", Record: RecordCytokine, Step: true, Explore: true, Handout: true,
			Columns: []Column{{Title: "Cytokine", Whole: true}, {Title: "Receptor", Min: 14}, {Title: "JAKs", Min: 10}, {Title: "STAT", Min: 6}, {Title: "Role in eczema", Min: 14}},
			caption: fixed("Which eczema cytokine signals through which pair of JAKs"),
			caveat:  fixed("\"not confirmed\" marks what the sources do not verify."), rows: cytokineRows, terms: cytokineTerms},
		{ID: "matrix", Title: "Matrix", Record: RecordSideEffect, Explore: true, Handout: true, Link: effectLink,
			Columns: []Column{{Title: "Side effect", Whole: true}}, // and a column per drug
			caption: fixed("Which drugs list which side effects"),
			caveat:  fixed("● where a drug's label or trials list the side effect."), rows: matrixRows, terms: effectTerms},
		{ID: "sideeffects", Title: "Side effects", Record: RecordSideEffect, Step: true, ExploreAs: "alleffects",
			Columns: effectColumns,
			caption: fixed("Side effects in plain words, the label term, and which drugs list them"),
			rows:    effectRows(func(g string) bool { return g != "boxed" }, true), terms: effectTerms,
			linked: effectListedFor, linkText: listedForDrug},
		{ID: "boxed", Title: "Boxed warning", Record: RecordSideEffect, Step: true, ExploreAs: "alleffects",
			Columns: []Column{{Title: "Warning", Whole: true}, {Title: "Label term", Min: 12}, {Title: "On the label of", Min: 16}},
			caption: fixed("The five items of the FDA boxed warning and which labels carry them"),
			rows:    effectRows(func(g string) bool { return g == "boxed" }, false), terms: effectTerms,
			linked: effectListedFor, linkText: listedForDrug},
		{ID: "sources", Title: "Sources", Record: RecordSource, Step: true, Handout: true,
			Columns: []Column{{Title: "ID", Whole: true}, {Title: "Kind", Min: 9}, {Title: "Title", Min: 20}},
			caption: func(l *Lesson) string {
				return "Every source the lesson cites, with its kind (facts checked " + l.Meta.Checked + ")"
			},
			rows: sourceRows, terms: sourceTerms},
	}
}

// Spec returns the registry entry with the given id.
func Spec(id string) (TableSpec, bool) { return find(Tables(), id) }

// spec is Spec from the lesson's own copy of the registry, which Table
// reads on every step change: building the registry each time would not do.
func (l *Lesson) spec(id string) (TableSpec, bool) { return find(l.registry(), id) }

func (l *Lesson) registry() []TableSpec {
	if l.tables == nil {
		return Tables() // a Lesson built by hand, not loaded
	}
	return l.tables
}

func find(specs []TableSpec, id string) (TableSpec, bool) {
	i := slices.IndexFunc(specs, func(s TableSpec) bool { return s.ID == id })
	if i < 0 {
		return TableSpec{}, false
	}
	return specs[i], true
}

// TableNames lists the tables a step may show.
func TableNames() []string {
	var out []string
	for _, s := range Tables() {
		if s.Step {
			out = append(out, s.ID)
		}
	}
	return out
}

// Table builds the table with the given id from the lesson's data. An
// unknown id gives a table with no columns and no rows.
func (l *Lesson) Table(id string) Table {
	s, ok := l.spec(id)
	if !ok {
		return Table{Spec: TableSpec{ID: id}}
	}
	t := Table{Spec: s, Caption: s.caption(l), Columns: slices.Clone(s.Columns)}
	s.rows(l, &t)
	if s.terms != nil {
		t.terms = make([]string, len(t.Keys))
		for i, k := range t.Keys {
			t.terms[i] = strings.ToLower(strings.Join(s.terms(l, k), " · "))
		}
	}
	return t
}

// ExploreTabs lists the explorer's tables in order, leaving out any whose
// data is empty (a lesson on another topic may have no drugs at all).
func (l *Lesson) ExploreTabs() []TableSpec {
	return l.present(func(s TableSpec) bool { return s.Explore })
}

// HandoutTables lists the tables --tables prints, leaving out empty ones.
func (l *Lesson) HandoutTables() []TableSpec {
	return l.present(func(s TableSpec) bool { return s.Handout })
}

// Explorable says whether the explorer has a table to show, as
// len(ExploreTabs()) > 0 would, but stops at the first table with rows: a
// screen asks before its first frame.
func (l *Lesson) Explorable() bool {
	for _, s := range l.registry() {
		if s.Explore && len(l.Table(s.ID).Rows) > 0 {
			return true
		}
	}
	return false
}

func (l *Lesson) present(keep func(TableSpec) bool) []TableSpec {
	var out []TableSpec
	for _, s := range l.registry() {
		if keep(s) && len(l.Table(s.ID).Rows) > 0 {
			out = append(out, s)
		}
	}
	return out
}

func fixed(text string) func(*Lesson) string { return func(*Lesson) string { return text } }

func approvalsCaveat(l *Lesson) string {
	return "Approvals as of " + l.Meta.Checked + "; \"unclear\" means not confirmed, \"—\" none found."
}
