package views

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"jakstat/content"
)

// Column is one column of a lesson table.
type Column struct {
	Title string
	// Min is the narrowest the column may get before the whole table turns
	// into cards; it is at least the longest word the column must keep whole.
	Min int
	// Max caps the column so one long cell cannot starve the others; 0 means none.
	Max int
	// Whole keeps every cell of the column untruncated: a row's name is what
	// the learner reads first, so the table turns to cards before cutting it.
	Whole bool
}

// Grid is a lesson table as plain cells: what the bubbles table shows, what
// cards stack, and what the printer lays out. Row i's details come from
// Details(lesson, grid, i).
type Grid struct {
	Name    string // the table's name from TableNames
	Caption string // one line saying what the table is
	Columns []Column
	Rows    [][]string
	// Keys identify each row's record (drug id, side-effect id, ...).
	Keys []string
}

// GridFor builds the named table from the lesson's data files.
func GridFor(l *content.Lesson, name string) Grid {
	switch name {
	case "drugs":
		return drugGrid(l)
	case "sideeffects":
		return sideEffectGrid(l, "sideeffects", func(g string) bool { return g != "boxed" },
			"Side effects in plain words, the label term, and which drugs list them")
	case "boxed":
		return sideEffectGrid(l, "boxed", func(g string) bool { return g == "boxed" },
			"The five items of the FDA boxed warning and which labels carry them")
	case "alleffects":
		return sideEffectGrid(l, "alleffects", func(string) bool { return true },
			"Every side effect in the data, with its label term and the drugs that list it")
	case "matrix":
		return matrixGrid(l)
	case "cytokines":
		return cytokineGrid(l)
	case "trials":
		return trialGrid(l)
	case "sources":
		return sourceGrid(l)
	}
	return Grid{Name: name}
}

func drugGrid(l *content.Lesson) Grid {
	g := Grid{
		Name:    "drugs",
		Caption: fmt.Sprintf("JAK inhibitors and their eczema approvals, as of %s", l.Meta.Checked),
		Columns: []Column{
			{Title: "Drug", Whole: true}, {Title: "Brand", Min: 8}, {Title: "Route", Min: 8},
			{Title: "JAKs", Min: 8}, {Title: "FDA", Min: 9}, {Title: "EU", Min: 9},
			{Title: "Japan", Min: 9}, {Title: "Boxed", Min: 5},
		},
	}
	for _, d := range l.Drugs {
		g.Rows = append(g.Rows, []string{
			d.Generic, brandText(d), routeText(d), targetsText(d.Targets),
			eczemaApproval(d, "FDA"), eczemaApproval(d, "EU"), eczemaApproval(d, "Japan"),
			boxedText(d.BoxedWarning),
		})
		g.Keys = append(g.Keys, d.ID)
	}
	return g
}

func brandText(d content.Drug) string {
	if d.Brand == "" {
		return "—"
	}
	return d.Brand
}

func routeText(d content.Drug) string {
	if d.Route == "oral" {
		return "oral"
	}
	return d.Form
}

// targetsText writes a drug's JAKs compactly: "JAK1", "JAK1/2", "all four".
func targetsText(t []string) string {
	if len(t) == len(content.JAKNames()) {
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

// eczemaConditions are the approvals the drug table's region columns show.
func isEczema(condition string) bool {
	return condition == "atopic dermatitis" || condition == "chronic hand eczema"
}

// eczemaApproval summarises a region's eczema decisions in one short cell:
// the first approval year and the youngest age allowed ("2021, 2+"), "hand"
// and the year when chronic hand eczema is the only eczema approval, or a
// word for the status when there is no approval.
func eczemaApproval(d content.Drug, region string) string {
	var approved []content.Approval
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
	year := ""
	youngest := -1
	hand := true
	for _, a := range approved {
		if y := a.Year(); y != "" && (year == "" || y < year) {
			year = y
		}
		if n := minAge(a.Age); n >= 0 && (youngest < 0 || n < youngest) {
			youngest = n
		}
		hand = hand && a.Condition == "chronic hand eczema"
	}
	// Hand eczema is adults only so far; naming the condition matters more.
	switch {
	case hand:
		return strings.TrimSpace("hand " + year)
	case year != "" && youngest >= 0:
		return year + ", " + strconv.Itoa(youngest) + "+"
	case year != "":
		return year
	}
	return "yes"
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

func groupText(g string) string {
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

func sideEffectGrid(l *content.Lesson, name string, keep func(string) bool, caption string) Grid {
	g := Grid{Name: name, Caption: caption}
	if name == "boxed" {
		g.Columns = []Column{{Title: "Warning", Whole: true}, {Title: "Label term", Min: 12}, {Title: "On the label of", Min: 16}}
	} else {
		g.Columns = []Column{{Title: "Side effect", Whole: true}, {Title: "Label term", Min: 12}, {Title: "Group", Min: 9}, {Title: "Listed for", Min: 14}}
	}
	effects := slices.Clone(l.SideEffects)
	order := content.Groups()
	slices.SortStableFunc(effects, func(a, b content.SideEffect) int {
		return cmp.Compare(slices.Index(order, a.Group), slices.Index(order, b.Group))
	})
	for _, se := range effects {
		if !keep(se.Group) {
			continue
		}
		drugs := reportedText(l, se)
		if name == "boxed" {
			g.Rows = append(g.Rows, []string{se.Name, se.Term, drugs})
		} else {
			g.Rows = append(g.Rows, []string{se.Name, se.Term, groupText(se.Group), drugs})
		}
		g.Keys = append(g.Keys, se.ID)
	}
	return g
}

// reportedText lists the brands that report a side effect, with a figure where one is known.
func reportedText(l *content.Lesson, se content.SideEffect) string {
	if len(se.Reported) == 0 {
		return "no label found"
	}
	names := make([]string, 0, len(se.Reported))
	for _, r := range se.Reported {
		name := r.Drug
		if d, ok := l.Drug(r.Drug); ok {
			name = cmp.Or(d.Brand, d.Generic)
		}
		if r.Figure != "" {
			name += " " + r.Figure
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return strings.Join(names, ", ")
}

func cytokineGrid(l *content.Lesson) Grid {
	g := Grid{
		Name:    "cytokines",
		Caption: "Which eczema cytokine signals through which pair of JAKs",
		Columns: []Column{{Title: "Cytokine", Whole: true}, {Title: "Receptor", Min: 14}, {Title: "JAKs", Min: 10}, {Title: "STAT", Min: 6}, {Title: "Role in eczema", Min: 14}},
	}
	for i, c := range l.Cytokines {
		g.Rows = append(g.Rows, []string{c.Cytokine, c.Receptor, strings.Join(c.JAKs, " + "), c.STAT, c.Role})
		g.Keys = append(g.Keys, strconv.Itoa(i))
	}
	return g
}

func trialGrid(l *content.Lesson) Grid {
	g := Grid{
		Name:    "trials",
		Caption: "Pivotal trials against placebo or vehicle: not comparable across rows",
		Columns: []Column{{Title: "Trial", Whole: true}, {Title: "Drug", Min: 8}, {Title: "Week", Min: 4}, {Title: "Skin result", Min: 18}, {Title: "Itch", Min: 10}},
	}
	for _, t := range l.Trials {
		drug := t.Drug
		if d, ok := l.Drug(t.Drug); ok {
			drug = cmp.Or(d.Brand, d.Generic)
		}
		itch := t.Itch
		if itch == "" {
			itch = "—"
		}
		g.Rows = append(g.Rows, []string{t.Trial, drug, strconv.Itoa(t.Week), t.Skin, itch})
		g.Keys = append(g.Keys, t.ID)
	}
	return g
}

func sourceGrid(l *content.Lesson) Grid {
	g := Grid{
		Name:    "sources",
		Caption: fmt.Sprintf("Every source the lesson cites (facts checked %s)", l.Meta.Checked),
		Columns: []Column{{Title: "ID", Whole: true}, {Title: "Title", Min: 20}},
	}
	for _, s := range l.Sources {
		g.Rows = append(g.Rows, []string{s.ID, s.Title})
		g.Keys = append(g.Keys, s.ID)
	}
	return g
}
