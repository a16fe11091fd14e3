package content

import (
	"slices"
	"strings"
	"testing"
)

func TestSearch(t *testing.T) {
	l := mustShipped(t)
	idx := l.SearchIndex()
	tests := map[string]struct {
		query     string
		wantSteps []string // step ids that must appear among the hits
		noneIn    string   // a word that must not be matched inside another
		empty     bool
	}{
		"text":                 {query: "ORAL Surveillance", wantSteps: []string{"boxed-warning"}},
		"tables are searched":  {query: "Anzupgo", wantSteps: []string{"drugs"}},
		"notes are searched":   {query: "Ask who has heard", wantSteps: []string{"welcome"}},
		"word starts only":     {query: "itch", noneIn: "switch"},
		"nothing":              {query: "zzzyx", empty: true},
		"blank query is empty": {query: "   ", empty: true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			hits := Search(idx, tc.query)
			if tc.empty != (len(hits) == 0) {
				t.Fatalf("%d hits", len(hits))
			}
			var steps []string
			for _, h := range hits {
				steps = append(steps, l.Steps[idx[h].Step].ID)
				if tc.noneIn != "" && strings.Contains(strings.ToLower(idx[h].Text), tc.noneIn) && !StartsWord(idx[h].Text, tc.query) {
					t.Errorf("matched inside a word: %q", idx[h].Text)
				}
			}
			for _, want := range tc.wantSteps {
				if !slices.Contains(steps, want) {
					t.Errorf("no hit on step %s (hits on %v)", want, steps)
				}
			}
		})
	}
}

func TestGlossaryTermsAndOrder(t *testing.T) {
	l := mustShipped(t)
	steps := l.TermSteps()
	for i, term := range l.Glossary {
		if len(steps[i]) == 0 {
			t.Errorf("glossary term %q is used on no step", term.Term)
		}
	}
	cur := l.StepIndex("how-jak-inhibitors-work")
	order := l.GlossaryOrder(steps, "", cur)
	if len(order) != len(l.Glossary) {
		t.Fatalf("unfiltered glossary lists %d of %d", len(order), len(l.Glossary))
	}
	seenOther := false
	for _, i := range order {
		here := slices.Contains(steps[i], cur)
		if here && seenOther {
			t.Fatal("a term on this step is listed after one that is not")
		}
		seenOther = seenOther || !here
	}
	if got := l.GlossaryOrder(steps, "NASOPH", cur); len(got) != 1 || l.Glossary[got[0]].Term != "nasopharyngitis" {
		t.Errorf("filter NASOPH: %v", got)
	}
	ranked := map[string][]string{ // filter: the terms it must list first, in order
		"bio":   {"biologic"}, // before systemic, whose meaning says biologics
		"jak":   {"JAK"},      // the term itself, before the terms it is a word of
		"atp":   {"ATP", "ATP pocket"},
		"vehic": {"vehicle"},
	}
	for filter, want := range ranked {
		got := l.GlossaryOrder(steps, filter, cur)
		for i, w := range want {
			if i >= len(got) || l.Glossary[got[i]].Term != w {
				var names []string
				for _, g := range got {
					names = append(names, l.Glossary[g].Term)
				}
				t.Errorf("filter %q lists %v; want %v first", filter, names, want)
				break
			}
		}
	}
	if got := l.GlossaryOrder(steps, "qqqq", cur); len(got) != 0 {
		t.Errorf("no-match filter returned %v", got)
	}
	if !hasWord("the jak1 pair", "jak1") || hasWord("tyrosines", "tyrosine") || !hasWord("(atp)", "atp") {
		t.Error("hasWord misjudges word edges")
	}
	if NextUse([]int{2, 5, 9}, 5) != 9 || NextUse([]int{2, 5}, 7) != 2 || NextUse(nil, 4) != 4 {
		t.Error("NextUse does not go to the next use, wrapping round")
	}
}

func TestOrderShownIsAShuffle(t *testing.T) {
	for _, q := range mustShipped(t).Questions {
		p := q.ShownOrder()
		if len(p) != len(q.Choices) {
			t.Fatalf("%s: %v", q.ID, p)
		}
		sorted := slices.Sorted(slices.Values(p))
		for i, v := range sorted {
			if v != i {
				t.Fatalf("%s: %v is not a permutation", q.ID, p)
			}
		}
		if q.Kind != KindOrder {
			if !slices.Equal(p, sorted) {
				t.Errorf("%s: a %s question's choices are shuffled", q.ID, q.Kind)
			}
			continue
		}
		if slices.Equal(p, sorted) {
			t.Errorf("%s is listed in its answer order", q.ID)
		}
		if !slices.Equal(p, q.ShownOrder()) {
			t.Errorf("%s is shuffled differently each time", q.ID)
		}
		// Picking the listed items in the right order answers it.
		picked := make([]int, len(p))
		for pos, item := range p {
			picked[item] = pos
		}
		if !q.Check(q.Response(picked)) {
			t.Errorf("%s: the right order, picked as listed, is not accepted", q.ID)
		}
	}
}
