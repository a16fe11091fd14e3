package content

import (
	"slices"
	"strings"
)

// textField is one piece of text a learner reads, with where an author
// finds it and the sources of the record it belongs to. Fact references are
// resolved, and ASCII spelling applied, over exactly this set of fields.
type textField struct {
	file string
	line int
	what string  // the record, as problems name it: "step welcome"
	text *string // the text itself, changed in place
	refs *Refs   // the record's sources; nil when it has none (the lesson title)
	// strict marks question and glossary text, which a learner is tested
	// on or looks up as settled: they may use verified facts only.
	strict bool
	// body marks a step body, whose lines can be counted from BodyLine.
	body bool
}

// lineAt returns the file line of a byte offset into the text: exact for
// step bodies, the record's own line otherwise.
func (t textField) lineAt(offset int) int {
	if !t.body || offset > len(*t.text) {
		return t.line
	}
	return t.line + strings.Count((*t.text)[:offset], "\n")
}

// eachText calls visit with every piece of learner-facing text in the
// lesson. Ids, codes and vocabulary values the program matches on (drug
// ids, regions, statuses, groups, question sections) are not text.
func (l *Lesson) eachText(visit func(textField)) {
	m := &l.Meta
	for _, s := range []*string{&m.Title, &m.Subtitle, &m.Disclaimer, &m.ShortDisclaimer} {
		visit(textField{file: metaFile, what: "lesson", text: s})
	}
	for i := range m.Changes {
		c := &m.Changes[i]
		for _, s := range []*string{&c.What, &c.Why} {
			visit(textField{file: metaFile, what: "change " + c.Date, text: s})
		}
	}
	for i := range l.Steps {
		st := &l.Steps[i]
		what := "step " + st.ID
		for _, s := range []*string{&st.Title, &st.Section, &st.Notes} {
			visit(textField{file: st.File, line: 2, what: what, text: s, refs: &st.Sources})
		}
		visit(textField{file: st.File, line: st.BodyLine, what: what, text: &st.Body, refs: &st.Sources, body: true})
	}
	for i := range l.Sources {
		s := &l.Sources[i]
		visit(textField{file: sourcesFile, line: s.Line, what: "source " + s.ID, text: &s.Title})
	}
	for i := range l.Drugs {
		l.Drugs[i].eachText(visit)
	}
	for i := range l.SideEffects {
		se := &l.SideEffects[i]
		what := "side effect " + se.ID
		for _, s := range []*string{&se.Name, &se.Term, &se.Meaning, &se.Seed} {
			visit(textField{file: sideEffectsFile, line: se.Line, what: what, text: s, refs: &se.Sources})
		}
		for j := range se.Reported {
			r := &se.Reported[j]
			visit(textField{file: sideEffectsFile, line: r.Line, what: what + " for " + r.Drug, text: &r.Figure, refs: &r.Sources})
		}
	}
	for i := range l.Cytokines {
		c := &l.Cytokines[i]
		for _, s := range []*string{&c.Cytokine, &c.Receptor, &c.STAT, &c.Role} {
			visit(textField{file: cytokinesFile, line: c.Line, what: "cytokine " + c.Cytokine, text: s, refs: &c.Sources})
		}
	}
	for i := range l.Trials {
		t := &l.Trials[i]
		for _, s := range []*string{&t.Trial, &t.Dose, &t.Skin, &t.Itch} {
			visit(textField{file: trialsFile, line: t.Line, what: "trial " + t.ID, text: s, refs: &t.Sources})
		}
	}
	for i := range l.Questions {
		q := &l.Questions[i]
		for _, s := range withEach([]*string{&q.Prompt, &q.Explain}, q.Choices) {
			visit(textField{file: questionsFile, line: q.Line, what: "question " + q.ID, text: s, refs: &q.Sources, strict: true})
		}
	}
	for i := range l.Glossary {
		g := &l.Glossary[i]
		for _, s := range withEach([]*string{&g.Term, &g.Meaning}, g.Aliases) {
			visit(textField{file: glossaryFile, line: g.Line, what: "glossary term " + g.Term, text: s, refs: &g.Sources, strict: true})
		}
	}
}

// withEach returns fixed followed by a pointer to each element of more.
func withEach(fixed []*string, more []string) []*string {
	for i := range more {
		fixed = append(fixed, &more[i])
	}
	return fixed
}

// eachText visits a drug's text, each field with the sources that back it.
func (d *Drug) eachText(visit func(textField)) {
	what := "drug " + d.ID
	for _, s := range []*string{&d.Generic, &d.Brand, &d.Form, &d.Selectivity, &d.Note} {
		visit(textField{file: drugsFile, line: d.Line, what: what, text: s, refs: &d.Sources})
	}
	visit(textField{file: drugsFile, line: d.Line, what: what + " dose", text: &d.Dose, refs: &d.DoseSources})
	visit(textField{file: drugsFile, line: d.Line, what: what + " monitoring", text: &d.Monitoring, refs: &d.MonitoringSources})
	for j := range d.Approvals {
		a := &d.Approvals[j]
		for _, s := range []*string{&a.Date, &a.Age, &a.Detail} {
			visit(textField{file: drugsFile, line: a.Line, what: what + " approval (" + a.Region + ")", text: s, refs: &a.Sources})
		}
	}
}

// clone returns a copy of the lesson that shares no slice with l, so that
// changing one's text cannot change the other's.
func (l *Lesson) clone() *Lesson {
	out := *l
	out.Meta.Changes = slices.Clone(l.Meta.Changes)
	out.Steps = slices.Clone(l.Steps)
	out.Sources = slices.Clone(l.Sources)
	out.Drugs = cloneEach(l.Drugs, func(d *Drug) { d.Approvals = slices.Clone(d.Approvals) })
	out.SideEffects = cloneEach(l.SideEffects, func(s *SideEffect) { s.Reported = slices.Clone(s.Reported) })
	out.Cytokines = slices.Clone(l.Cytokines)
	out.Trials = slices.Clone(l.Trials)
	out.Questions = cloneEach(l.Questions, func(q *Question) { q.Choices = slices.Clone(q.Choices) })
	out.Glossary = cloneEach(l.Glossary, func(t *Term) { t.Aliases = slices.Clone(t.Aliases) })
	out.Facts = slices.Clone(l.Facts)
	return &out
}

// cloneEach clones s, then lets deepen clone what each element still shares.
func cloneEach[T any](s []T, deepen func(*T)) []T {
	out := slices.Clone(s)
	for i := range out {
		deepen(&out[i])
	}
	return out
}
