package content

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// How each table's rows are built from the data files, and the short cell
// texts they use (an approval as "2021, 2+", JAK targets as "JAK1/2"). The
// tables' ids, columns and captions are in the registry (Tables).

func drugRows(l *Lesson, t *Table) {
	addRows(t, l.Drugs, func(_ int, d Drug) (string, []string) {
		cells := []string{d.Generic, brandText(d), routeText(d), targetsText(d.Targets)}
		for _, region := range drugTableRegions() {
			cells = append(cells, eczemaApproval(d, region))
		}
		return d.ID, append(cells, boxedText(d.BoxedWarning))
	})
}

// addRows appends to t a key and a row of cells for each item.
func addRows[T any](t *Table, items []T, row func(i int, x T) (key string, cells []string)) {
	for i, x := range items {
		k, cells := row(i, x)
		t.Keys = append(t.Keys, k)
		t.Rows = append(t.Rows, cells)
	}
}

func brandText(d Drug) string {
	if d.Brand == "" {
		return "—"
	}
	return d.Brand
}

func routeText(d Drug) string {
	if d.Route == "oral" {
		return "oral"
	}
	return d.Form
}

// targetsText writes a drug's JAKs compactly: "JAK1", "JAK1/2", "all four".
func targetsText(t []string) string {
	if len(t) == len(JAKNames()) {
		return "all four"
	}
	if len(t) == 2 && strings.HasPrefix(t[0], "JAK") && strings.HasPrefix(t[1], "JAK") {
		return t[0] + "/" + strings.TrimPrefix(t[1], "JAK")
	}
	return strings.Join(t, ", ")
}

func boxedText(b string) string {
	switch b {
	case "yes":
		return "yes"
	case "no":
		return "no"
	}
	return "n/a"
}

// isEczema says whether an approval's condition is a form of eczema: the
// approvals the drug table's region columns and the region filter count.
func isEczema(condition string) bool {
	return condition == "atopic dermatitis" || condition == "chronic hand eczema"
}

// eczemaUses names what isEczema counts, for a label that must say it: the
// lesson stresses that a hand-eczema approval is not one for AD, so "approved
// for eczema" would hide that Anzupgo is among the rows.
const eczemaUses = "AD or hand eczema"

// eczemaApproval summarises a region's eczema decisions in one short cell:
// the first approval year and the youngest age allowed ("2021, 2+"), "hand"
// and the year when chronic hand eczema is the only eczema approval, or a
// word for the status when there is no approval.
func eczemaApproval(d Drug, region string) string {
	var approved []Approval
	status := ""
	for _, a := range d.Approvals {
		if a.Region != region || !isEczema(a.Condition) {
			continue
		}
		if a.Status == "approved" {
			approved = append(approved, a)
		} else if status == "" {
			status = a.Status
		}
	}
	if len(approved) == 0 {
		return statusWord(status)
	}
	year, youngestYear := "", ""
	youngest := -1
	hand := true
	for _, a := range approved {
		if y := a.Year(); y != "" && (year == "" || y < year) {
			year = y
		}
		if n := minAge(a.Age); n >= 0 && (youngest < 0 || n < youngest) {
			youngest, youngestYear = n, a.Year()
		}
		hand = hand && a.Condition == "chronic hand eczema"
	}
	// Hand eczema is adults only so far; naming the condition matters more.
	switch {
	case hand:
		return strings.TrimSpace("hand " + year)
	case year != "" && youngest >= 0 && youngestYear != "" && youngestYear != year:
		// "2022, 12+" would read as if teenagers were included from the
		// start; the year the youngest were added is said with them.
		return year + " (" + strconv.Itoa(youngest) + "+ " + youngestYear + ")"
	case year != "" && youngest >= 0:
		return year + ", " + strconv.Itoa(youngest) + "+"
	case year != "":
		return year
	}
	return "yes"
}

// statusWord is the cell for a region with no approval.
func statusWord(status string) string {
	switch status {
	case "":
		return "—"
	case "not approved":
		return "no"
	case "submitted":
		return "filed"
	}
	return "unclear"
}

// approvedForEczema says whether region approved the drug for a form of eczema.
func approvedForEczema(d Drug, region string) bool {
	for _, a := range d.Approvals {
		if a.Region == region && isEczema(a.Condition) && a.Status == "approved" {
			return true
		}
	}
	return false
}

// minAge reads the youngest age an age text allows: "12+" and "12-17" give
// 12, "adults" gives 18; anything else gives -1.
func minAge(s string) int {
	s = strings.TrimSpace(strings.ToLower(s))
	if strings.HasPrefix(s, "adult") {
		return 18
	}
	end := 0
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	if end == 0 {
		return -1
	}
	n, _ := strconv.Atoi(s[:end])
	return n
}

// GroupText names a side-effect group as a reader meets it.
func GroupText(g string) string {
	switch g {
	case "common":
		return "common"
	case "ra":
		return "in RA use"
	case "serious":
		return "serious"
	case "boxed":
		return "boxed warning"
	}
	return g
}

// effectRows lists the side effects of the groups keep accepts, in the
// order the lesson teaches the groups, with their group unless every row
// shares one (the boxed warning's).
func effectRows(keep func(group string) bool, withGroup bool) func(*Lesson, *Table) {
	return func(l *Lesson, t *Table) {
		effects := slices.Clone(l.SideEffects)
		order := Groups()
		slices.SortStableFunc(effects, func(a, b SideEffect) int {
			return cmp.Compare(slices.Index(order, a.Group), slices.Index(order, b.Group))
		})
		effects = slices.DeleteFunc(effects, func(se SideEffect) bool { return !keep(se.Group) })
		addRows(t, effects, func(_ int, se SideEffect) (string, []string) {
			if !withGroup {
				return se.ID, []string{se.Name, se.Term, reportedText(l, se)}
			}
			return se.ID, []string{se.Name, se.Term, GroupText(se.Group), reportedText(l, se)}
		})
	}
}

// reportedText lists the brands that report a side effect, with a figure where one is known.
func reportedText(l *Lesson, se SideEffect) string {
	if len(se.Reported) == 0 {
		return "no label found"
	}
	names := make([]string, 0, len(se.Reported))
	for _, r := range se.Reported {
		name := l.shortDrugName(r.Drug)
		if r.Figure != "" {
			name += " " + r.Figure
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return strings.Join(names, ", ")
}

// shortDrugName is a drug's brand, or its generic name while it has none;
// an unknown id is shown as it is.
func (l *Lesson) shortDrugName(id string) string {
	if d, ok := l.Drug(id); ok {
		return cmp.Or(d.Brand, d.Generic)
	}
	return id
}

func cytokineRows(l *Lesson, t *Table) {
	addRows(t, l.Cytokines, func(i int, c Cytokine) (string, []string) {
		return strconv.Itoa(i), []string{c.Cytokine, c.Receptor, strings.Join(c.JAKs, " + "), c.STAT, c.Role}
	})
}

func trialRows(l *Lesson, t *Table) {
	addRows(t, l.Trials, func(_ int, tr Trial) (string, []string) {
		return tr.ID, []string{tr.Trial, l.shortDrugName(tr.Drug), tr.Comparator, strconv.Itoa(tr.Week), tr.Skin, cmp.Or(tr.Itch, "—")}
	})
}

func sourceRows(l *Lesson, t *Table) {
	addRows(t, l.Sources, func(_ int, s Source) (string, []string) { return s.ID, []string{s.ID, s.Kind, s.Title} })
}

// matrixRows is drugs x side effects: a column per drug, and a mark where
// a drug lists the effect.
func matrixRows(l *Lesson, t *Table) {
	for _, d := range l.Drugs {
		t.Columns = append(t.Columns, Column{Title: cmp.Or(d.Brand, d.Generic), Min: 3})
	}
	addRows(t, l.SideEffects, func(_ int, se SideEffect) (string, []string) {
		row := []string{se.Name}
		for _, d := range l.Drugs {
			mark := ""
			if l.lists(se.ID, d.ID) {
				mark = "●"
			}
			row = append(row, mark)
		}
		return se.ID, row
	})
}

// lists says whether the side effect with id se is listed for drug.
func (l *Lesson) lists(se, drug string) bool {
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

// SideEffect returns the side effect with the given id.
func (l *Lesson) SideEffect(id string) (SideEffect, bool) {
	for _, s := range l.SideEffects {
		if s.ID == id {
			return s, true
		}
	}
	return SideEffect{}, false
}

// The drug table's quick filters.
func drugFilters() []Filter {
	return []Filter{
		{ID: "route", Values: []string{"", "oral", "topical"},
			match: func(l *Lesson, key, v string) bool {
				d, ok := l.Drug(key)
				return ok && d.Route == v
			},
			describe: func(v string) string { return v }},
		{ID: "region", Values: []string{"", "FDA+", "FDA-", "EU+", "EU-", "Japan+", "Japan-"},
			match: func(l *Lesson, key, v string) bool {
				d, ok := l.Drug(key)
				return ok && approvedForEczema(d, v[:len(v)-1]) == (v[len(v)-1] == '+')
			},
			describe: func(v string) string {
				verb := "approved"
				if strings.HasSuffix(v, "-") {
					verb = "not approved"
				}
				return fmt.Sprintf("%s: %s for %s", v[:len(v)-1], verb, eczemaUses)
			}},
		{ID: "boxed", Values: []string{"", "yes", "no"},
			match: func(l *Lesson, key, v string) bool {
				d, ok := l.Drug(key)
				return ok && d.BoxedWarning == v
			},
			describe: func(v string) string { return "boxed warning: " + v }},
	}
}

// Cross-links between drugs and side effects, both ways.

func drugListsEffect(l *Lesson, drug, se string) bool { return l.lists(se, drug) }
func effectListedFor(l *Lesson, se, drug string) bool { return l.lists(se, drug) }

func listingEffect(l *Lesson, se string) string {
	if s, ok := l.SideEffect(se); ok {
		return "listing " + s.Name
	}
	return se
}

func listedForDrug(l *Lesson, drug string) string {
	if d, ok := l.Drug(drug); ok {
		return "listed for " + d.Name()
	}
	return drug
}
