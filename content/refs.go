package content

import "slices"

// Every list of source ids is shown in one order: by number, as the
// sources table lists them (S2 before S10), so a reader can scan a list
// for an id. Authors write lists in any order, and facts add their own
// sources to the end of the lists of the texts that use them; Load sorts
// every list once, after the facts are in.

// sortRefs puts every list of source ids in the lesson in number order.
func (l *Lesson) sortRefs() {
	l.eachRefs(func(r *Refs) { slices.SortStableFunc(r.IDs, naturalCompare) })
}

// eachRefs calls visit with every list of source ids in the lesson.
func (l *Lesson) eachRefs(visit func(*Refs)) {
	for i := range l.Steps {
		visit(&l.Steps[i].Sources)
	}
	for i := range l.Drugs {
		d := &l.Drugs[i]
		for _, r := range []*Refs{&d.DoseSources, &d.BoxedSources, &d.MonitoringSources, &d.Sources} {
			visit(r)
		}
		for j := range d.Approvals {
			visit(&d.Approvals[j].Sources)
		}
	}
	for i := range l.SideEffects {
		se := &l.SideEffects[i]
		visit(&se.Sources)
		for j := range se.Reported {
			visit(&se.Reported[j].Sources)
		}
	}
	for i := range l.Cytokines {
		visit(&l.Cytokines[i].Sources)
	}
	for i := range l.Trials {
		visit(&l.Trials[i].Sources)
	}
	for i := range l.Questions {
		visit(&l.Questions[i].Sources)
	}
	for i := range l.Glossary {
		visit(&l.Glossary[i].Sources)
	}
	for i := range l.Facts {
		visit(&l.Facts[i].Sources)
	}
}
