package content

import "slices"

// MapText returns a copy of the lesson with every piece of text a learner
// reads passed through f (used to spell the lesson in ASCII). Ids, codes
// and vocabulary values that the program matches on are left as they are.
func (l *Lesson) MapText(f func(string) string) *Lesson {
	out := *l
	out.Meta.Title, out.Meta.Subtitle, out.Meta.Disclaimer = f(l.Meta.Title), f(l.Meta.Subtitle), f(l.Meta.Disclaimer)
	out.Steps = slices.Clone(l.Steps)
	for i := range out.Steps {
		st := &out.Steps[i]
		st.Title, st.Section, st.Body, st.Notes = f(st.Title), f(st.Section), f(st.Body), f(st.Notes)
	}
	out.Sources = slices.Clone(l.Sources)
	for i := range out.Sources {
		out.Sources[i].Title = f(out.Sources[i].Title)
	}
	out.Drugs = slices.Clone(l.Drugs)
	for i := range out.Drugs {
		d := &out.Drugs[i]
		d.Generic, d.Brand, d.Form, d.Selectivity = f(d.Generic), f(d.Brand), f(d.Form), f(d.Selectivity)
		d.Dose, d.Monitoring, d.Note = f(d.Dose), f(d.Monitoring), f(d.Note)
		d.Approvals = slices.Clone(d.Approvals)
		for j := range d.Approvals {
			a := &d.Approvals[j]
			a.Age, a.Detail = f(a.Age), f(a.Detail)
		}
	}
	out.SideEffects = slices.Clone(l.SideEffects)
	for i := range out.SideEffects {
		s := &out.SideEffects[i]
		s.Name, s.Term, s.Meaning, s.Seed = f(s.Name), f(s.Term), f(s.Meaning), f(s.Seed)
		s.Reported = slices.Clone(s.Reported)
		for j := range s.Reported {
			s.Reported[j].Figure = f(s.Reported[j].Figure)
		}
	}
	out.Cytokines = slices.Clone(l.Cytokines)
	for i := range out.Cytokines {
		c := &out.Cytokines[i]
		c.Cytokine, c.Receptor, c.STAT, c.Role = f(c.Cytokine), f(c.Receptor), f(c.STAT), f(c.Role)
	}
	out.Trials = slices.Clone(l.Trials)
	for i := range out.Trials {
		t := &out.Trials[i]
		t.Trial, t.Dose, t.Skin, t.Itch = f(t.Trial), f(t.Dose), f(t.Skin), f(t.Itch)
	}
	out.Questions = slices.Clone(l.Questions)
	for i := range out.Questions {
		q := &out.Questions[i]
		q.Prompt, q.Explain = f(q.Prompt), f(q.Explain)
		q.Choices = slices.Clone(q.Choices)
		for j := range q.Choices {
			q.Choices[j] = f(q.Choices[j])
		}
	}
	out.Glossary = slices.Clone(l.Glossary)
	for i := range out.Glossary {
		t := &out.Glossary[i]
		t.Term, t.Meaning = f(t.Term), f(t.Meaning)
		t.Aliases = slices.Clone(t.Aliases)
		for j := range t.Aliases {
			t.Aliases[j] = f(t.Aliases[j])
		}
	}
	out.index()
	return &out
}
