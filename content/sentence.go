package content

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
)

// A row read aloud. A grid shows a row as short cells under column titles;
// a listener or a braille reader gets no titles and no columns, so each
// kind of record is told as one sentence that names what every part is:
// "Abrocitinib, brand Cibinqo: an oral tablet; targets JAK1; FDA: approved
// 2022 for adults and 2023 for ages 12 to 17; ...". The sentences say what
// the cells abbreviate (an approval's ages and conditions in words, not
// "2022, 12+"), and nothing the data does not.

// Sentence tells the record with the given key (see Record) as one
// sentence, ending in a full stop; "" when no record has that key.
func (l *Lesson) Sentence(r Record, key string) string {
	var s string
	switch r {
	case RecordDrug:
		if d, ok := l.Drug(key); ok {
			s = drugSentence(d)
		}
	case RecordSideEffect:
		if se, ok := l.SideEffect(key); ok {
			s = l.effectSentence(se)
		}
	case RecordCytokine:
		if n, err := strconv.Atoi(key); err == nil && n >= 0 && n < len(l.Cytokines) {
			s = cytokineSentence(l.Cytokines[n])
		}
	case RecordTrial:
		for _, t := range l.Trials {
			if t.ID == key {
				s = l.trialSentence(t)
			}
		}
	case RecordSource:
		if src, ok := l.Source(key); ok {
			s = sourceSentence(src)
		}
	}
	if s == "" {
		return ""
	}
	return fullStop(s)
}

// RowSentence tells row i of t as a sentence.
func (l *Lesson) RowSentence(t Table, i int) string {
	if i < 0 || i >= len(t.Keys) {
		return ""
	}
	return l.Sentence(t.Spec.Record, t.Keys[i])
}

// fullStop ends s with a full stop unless it already ends a sentence.
func fullStop(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

func drugSentence(d Drug) string {
	name := d.Generic + ", brand " + d.Brand
	if d.Brand == "" {
		name = d.Generic + ", no brand name yet"
	}
	parts := []string{name + ": " + formPhrase(d), "targets " + targetsPhrase(d.Targets)}
	for _, region := range drugTableRegions() {
		parts = append(parts, region+": "+approvalPhrase(d, region))
	}
	parts = append(parts, "US boxed warning: "+boxedPhrase(d.BoxedWarning))
	return strings.Join(parts, "; ")
}

// drugTableRegions are the regions the drug table has a column for.
func drugTableRegions() []string { return []string{"FDA", "EU", "Japan"} }

// formPhrase is "an oral tablet", "a topical cream", "an oral medicine".
func formPhrase(d Drug) string {
	words := strings.TrimSpace(d.Route + " " + cmp.Or(d.Form, "medicine"))
	article := "a "
	if strings.ContainsRune("aeiouAEIOU", rune(words[0])) {
		article = "an "
	}
	return article + words
}

// targetsPhrase is "JAK1", "JAK1 and JAK2", "all four JAKs".
func targetsPhrase(t []string) string {
	switch {
	case len(t) == 0:
		return "no JAK named in the sources"
	case len(t) == len(JAKNames()):
		return "all four JAKs"
	}
	return AndList(t)
}

// AndList joins items as a reader says them: "a", "a and b", "a, b and c".
func AndList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// approvalPhrase tells a region's eczema decisions for a drug: "approved
// 2022 for adults and 2023 for ages 12 to 17", "not approved for eczema",
// "none found". Atopic dermatitis goes unnamed (the table is about it)
// unless the region also decided on chronic hand eczema.
func approvalPhrase(d Drug, region string) string {
	var rows []Approval
	hand := false
	for _, a := range d.Approvals {
		if a.Region == region && isEczema(a.Condition) {
			rows = append(rows, a)
			hand = hand || a.Condition == "chronic hand eczema"
		}
	}
	if len(rows) == 0 {
		return "none found"
	}
	if len(rows) == 1 && rows[0].Status == "not approved" && !hand {
		return "not approved for eczema"
	}
	var out []string
	prev := ""
	for _, a := range rows {
		phrase := strings.TrimSpace(a.Year() + " " + forWhom(a, hand))
		if a.Status != prev {
			phrase = strings.TrimSpace(statusPhrase(a.Status) + " " + phrase)
			prev = a.Status
		}
		if a.Status == "submitted" {
			phrase += ", no decision yet"
		}
		out = append(out, phrase)
	}
	return AndList(out)
}

// statusPhrase words an approval status as the start of a phrase.
func statusPhrase(status string) string {
	switch status {
	case "submitted":
		return "filed"
	case "unconfirmed":
		return "unclear"
	}
	return status // approved, not approved
}

// forWhom is "for adults", "for ages 12 to 17", "for chronic hand eczema
// in adults"; conditions are named when the region decided on more than one.
func forWhom(a Approval, nameCondition bool) string {
	who := ageWords(a.Age)
	switch {
	case !nameCondition && who == "":
		return ""
	case !nameCondition:
		return "for " + who
	case who == "":
		return "for " + a.Condition
	case who == "adults":
		return "for " + a.Condition + " in adults"
	}
	return "for " + a.Condition + " at " + who
}

// ageWords says an age text in words: "12+" is "ages 12 and up", "12-17"
// is "ages 12 to 17", "12+ and 40 kg+" is "ages 12 and up, weighing 40 kg
// or more"; "adults" and anything else unfamiliar stay as they are.
func ageWords(age string) string {
	age = strings.TrimSpace(age)
	parts := strings.Split(age, " and ")
	first := strings.TrimSpace(parts[0])
	lo, hi, isRange := strings.Cut(first, "-")
	switch {
	case isRange && isNumber(lo) && isNumber(hi):
		first = "ages " + lo + " to " + hi
	case strings.HasSuffix(first, "+") && isNumber(strings.TrimSuffix(first, "+")):
		first = "ages " + strings.TrimSuffix(first, "+") + " and up"
	default:
		return age
	}
	for _, p := range parts[1:] {
		p = strings.TrimSpace(p)
		if w, ok := strings.CutSuffix(p, "kg+"); ok {
			first += ", weighing " + strings.TrimSpace(w) + " kg or more"
		} else {
			first += " and " + p
		}
	}
	return first
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil && s != "" && s[0] != '+' && s[0] != '-'
}

func boxedPhrase(b string) string {
	switch b {
	case "yes", "no":
		return b
	}
	return "not applicable, not sold in the US"
}

func (l *Lesson) effectSentence(se SideEffect) string {
	head := se.Name
	if !strings.EqualFold(se.Term, se.Name) && se.Term != "" {
		head += ", label term " + se.Term
	}
	var listed []string
	for _, r := range se.Reported {
		name := l.shortDrugName(r.Drug)
		if r.Figure != "" {
			name += " (" + r.Figure + ")"
		}
		listed = append(listed, name)
	}
	out := head + ": " + groupPhrase(se.Group) + "; "
	if len(listed) == 0 {
		return out + "no label found that lists it"
	}
	return out + "listed for " + AndList(listed)
}

// groupPhrase says what a side-effect group means.
func groupPhrase(g string) string {
	switch g {
	case "common":
		return "common in eczema trials"
	case "ra":
		return "reported in rheumatoid arthritis use"
	case "serious":
		return "serious"
	case "boxed":
		return "in the FDA boxed warning"
	}
	return GroupText(g)
}

func cytokineSentence(c Cytokine) string {
	parts := []string{c.Cytokine + ": receptor " + c.Receptor}
	if len(c.JAKs) > 0 {
		parts = append(parts, "JAK pair: "+AndList(c.JAKs))
	}
	if c.STAT != "" {
		parts = append(parts, "main STAT: "+c.STAT)
	}
	if c.Role != "" {
		parts = append(parts, "role in eczema: "+c.Role)
	}
	return strings.Join(parts, "; ")
}

func (l *Lesson) trialSentence(t Trial) string {
	drug := strings.TrimSpace(l.shortDrugName(t.Drug) + " " + t.Dose)
	s := t.Trial + ": " + drug
	if t.Comparator != "" {
		s += " against " + t.Comparator
	}
	s += fmt.Sprintf(", measured at week %d; skin: %s", t.Week, t.Skin)
	if t.Itch != "" {
		s += "; itch: " + t.Itch
	}
	return s
}

func sourceSentence(s Source) string {
	if kind := kindWords(s.Kind); kind != "" {
		return s.ID + ", " + kind + ": " + s.Title
	}
	return s.ID + ": " + s.Title
}

// kindWords says what sort of document a source kind is.
func kindWords(kind string) string {
	switch kind {
	case "label":
		return "a medicine's label"
	case "regulator":
		return "a regulator's decision or notice"
	case "guideline":
		return "a clinical guideline"
	case "trial":
		return "a trial report"
	case "study":
		return "a study"
	case "review":
		return "a review article"
	case "reference":
		return "a reference work"
	case "news":
		return "news or a press release"
	}
	return ""
}
