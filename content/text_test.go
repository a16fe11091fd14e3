package content

import (
	"strings"
	"testing"
)

// TestMapTextReachesEveryTextAndCopies: MapText changes every piece of
// learner text in the copy, leaves ids alone, and never touches the
// original (the ASCII lesson and the Unicode one are used side by side).
func TestMapTextReachesEveryTextAndCopies(t *testing.T) {
	l := mustShipped(t)
	before := len(l.Steps[0].Body)
	up := l.MapText(strings.ToUpper)
	var missed []string
	up.eachText(func(f textField) {
		if *f.text != strings.ToUpper(*f.text) {
			missed = append(missed, f.what)
		}
	})
	if len(missed) > 0 {
		t.Errorf("MapText missed %d texts, first %q", len(missed), missed[0])
	}
	lower := 0
	l.eachText(func(f textField) {
		if *f.text != strings.ToUpper(*f.text) {
			lower++
		}
	})
	if lower == 0 || len(l.Steps[0].Body) != before || l.Steps[0].Body == up.Steps[0].Body {
		t.Error("MapText changed the original lesson")
	}
	if up.Steps[0].ID != l.Steps[0].ID || up.Drugs[0].ID != l.Drugs[0].ID || up.Questions[0].Section != l.Questions[0].Section {
		t.Error("MapText changed an id")
	}
	if _, ok := up.Source(l.Sources[0].ID); !ok {
		t.Error("the copy's index was not rebuilt")
	}
	if len(l.Meta.Changes) > 0 && up.Meta.Changes[0].What == l.Meta.Changes[0].What {
		t.Error("changelog text was not mapped")
	}
}
