package content

import (
	"slices"
	"strconv"
)

// What each table's rows mean in words a reader may type into a filter
// but the cells do not show (TableSpec.terms): "topical" for a cream,
// "Europe" for an EU approval, a drug's generic name where the cell shows
// its brand. Filters match these at the start of a word.

// routeWords are the words for how a drug is taken.
func routeWords(d Drug) []string {
	if d.Route == "oral" {
		return []string{"oral", "tablet", "tablets", "pill", "by mouth", "systemic", d.Form}
	}
	return []string{d.Route, "on the skin", d.Form, d.Form + "s"}
}

// regionWords are the names a reader may use for a region.
func regionWords(region string) []string {
	switch region {
	case "FDA":
		return []string{"FDA", "US", "USA", "United States", "America"}
	case "EU":
		return []string{"EU", "EMA", "Europe", "European"}
	case "Japan":
		return []string{"Japan", "Japanese", "PMDA"}
	}
	return []string{region}
}

// drugWords names a drug every way a reader may: generic, brand, route.
func drugWords(d Drug) []string {
	return append([]string{d.Generic, d.Brand}, routeWords(d)...)
}

func drugTerms(l *Lesson, key string) []string {
	d, ok := l.Drug(key)
	if !ok {
		return nil
	}
	out := append(drugWords(d), d.Targets...)
	if len(d.Targets) == len(JAKNames()) {
		out = append(out, "pan-JAK", "every JAK")
	}
	for _, a := range d.Approvals {
		if a.Status != "approved" {
			continue
		}
		out = append(out, a.Condition)
		// A region's name means what its column does: approved for eczema.
		if isEczema(a.Condition) {
			out = append(out, regionWords(a.Region)...)
		}
	}
	if d.BoxedWarning == "yes" {
		out = append(out, "boxed warning")
	}
	return out
}

// effectTerms: the label term and group, and every drug that lists the
// effect by each of its names, so "Rinvoq" or "cream" finds its rows.
func effectTerms(l *Lesson, key string) []string {
	se, ok := l.SideEffect(key)
	if !ok {
		return nil
	}
	out := []string{se.Term, GroupText(se.Group)}
	for _, r := range se.Reported {
		if d, ok := l.Drug(r.Drug); ok {
			out = append(out, drugWords(d)...)
		}
	}
	return out
}

func trialTerms(l *Lesson, key string) []string {
	i := slices.IndexFunc(l.Trials, func(t Trial) bool { return t.ID == key })
	if i < 0 {
		return nil
	}
	t := l.Trials[i]
	out := []string{t.Dose, "week " + strconv.Itoa(t.Week)}
	if d, ok := l.Drug(t.Drug); ok {
		out = append(out, drugWords(d)...)
	}
	if t.HeadToHead() {
		return append(out, "head to head", "head-to-head", "active comparator")
	}
	return append(out, "placebo-controlled", "dummy")
}

func cytokineTerms(l *Lesson, key string) []string {
	n, err := strconv.Atoi(key)
	if err != nil || n < 0 || n >= len(l.Cytokines) {
		return nil
	}
	return l.Cytokines[n].JAKs
}

func sourceTerms(l *Lesson, key string) []string {
	s, ok := l.Source(key)
	if !ok {
		return nil
	}
	return []string{s.URL}
}
