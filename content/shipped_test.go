package content

import (
	"slices"
	"strings"
	"testing"
)

// The shipped lesson's own standards, beyond what Validate asks of any
// lesson: primary sources under every question and step, no weak websites,
// every fact used, every section checked by a question.

func TestShippedQuestionsAndStepsRestOnPrimarySources(t *testing.T) {
	l := mustShipped(t)
	primary := func(r Refs) bool {
		return slices.ContainsFunc(r.IDs, func(id string) bool {
			s, _ := l.Source(id)
			return Primary(s.Kind)
		})
	}
	for _, q := range l.Questions {
		if !primary(q.Sources) {
			t.Errorf("question %s cites no label, regulator, guideline or paper: %v", q.ID, q.Sources.IDs)
		}
	}
	for _, st := range l.Steps {
		if len(st.Sources.IDs) > 0 && !primary(st.Sources) {
			t.Errorf("step %s cites no label, regulator, guideline or paper: %v", st.ID, st.Sources.IDs)
		}
	}
	for _, term := range l.Glossary {
		if !primary(term.Sources) {
			t.Errorf("glossary term %s cites no primary source: %v", term.Term, term.Sources.IDs)
		}
	}
}

// TestShippedSourcesAreNotWeakSites: review finding 17 replaced these sites;
// none may come back.
func TestShippedSourcesAreNotWeakSites(t *testing.T) {
	weak := []string{"grokipedia.", "droracle.", "healthfitideas.", "wikimili.", "articles01.", "parliamenttoday.", "myeczemateam.", "allmyfamilycare."}
	for _, s := range mustShipped(t).Sources {
		for _, w := range weak {
			if strings.Contains(s.URL, w) {
				t.Errorf("source %s is on a weak site (%s): %s", s.ID, w, s.URL)
			}
		}
	}
}

// TestShippedSourcesAreAllCited: the sources step lists every source, so
// each must back something a learner reads.
func TestShippedSourcesAreAllCited(t *testing.T) {
	l := mustShipped(t)
	cited := map[string]bool{}
	l.eachText(func(f textField) {
		if f.refs != nil {
			for _, id := range f.refs.IDs {
				cited[id] = true
			}
		}
	})
	for _, f := range l.Facts {
		for _, id := range f.Sources.IDs {
			cited[id] = true
		}
	}
	for _, s := range l.Sources {
		if !cited[s.ID] {
			t.Errorf("source %s (%s) is cited nowhere", s.ID, s.Title)
		}
	}
}

func TestShippedFactsAreUsedAndResolved(t *testing.T) {
	l := mustShipped(t)
	for _, f := range l.Facts {
		if f.Uses == 0 {
			t.Errorf("fact %s is never used", f.ID)
		}
	}
	l.eachText(func(f textField) {
		if strings.Contains(*f.text, "{{") || strings.Contains(*f.text, "}}") {
			t.Errorf("%s still holds a fact reference: %q", f.what, *f.text)
		}
	})
}

func TestShippedSectionsAreShortAndChecked(t *testing.T) {
	l := mustShipped(t)
	if n := len(l.Steps); n < 22 || n > 26 {
		t.Errorf("the lesson has %d steps, want about 24", n)
	}
	steps := map[string]int{}
	for _, st := range l.Steps {
		steps[st.Section]++
	}
	for _, sec := range l.Sections() {
		if steps[sec] > 5 {
			t.Errorf("section %q has %d steps: too long to teach in one sitting", sec, steps[sec])
		}
		n := len(l.SectionQuestions(sec))
		if sec == "Start" || sec == "Wrap-up" {
			continue
		}
		if n < 1 || n > 3 {
			t.Errorf("section %q has %d questions, want one to three", sec, n)
		}
	}
}

func TestShippedChangelog(t *testing.T) {
	l := mustShipped(t)
	recent := l.Meta.RecentChanges(3)
	if len(recent) == 0 || recent[0].Date != l.Meta.Checked {
		t.Errorf("the latest change should be dated the checked date %s: %+v", l.Meta.Checked, recent)
	}
}

// TestShippedNotesTeach: speaker notes are for a teacher who never saw an
// earlier version of the lesson, so they teach the point; what a review
// changed belongs in the changelog (lesson.yaml), not in the notes.
func TestShippedNotesTeach(t *testing.T) {
	l := mustShipped(t)
	review := []string{"old version", "earlier version", "previous version", "this review", "changed in this", "the change from", "used to say", "no longer says"}
	for _, st := range l.Steps {
		notes := strings.ToLower(st.Notes)
		for _, phrase := range review {
			if strings.Contains(notes, phrase) {
				t.Errorf("step %s: its notes speak of the lesson's history (%q); teach the point, and leave what changed to the changelog", st.ID, phrase)
			}
		}
	}
}
