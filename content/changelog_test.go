package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestChangelogValidation(t *testing.T) {
	head := "title: T\nchecked: 2026-11-26\ndisclaimer: Education, not medical advice.\nchanges:\n"
	tests := map[string]struct{ changes, want string }{
		"bad date":       {"  - date: 26/11/2026\n    what: W\n    why: Y\n", `lesson.yaml: change 1: date must be YYYY-MM-DD (got "26/11/2026")`},
		"after checked":  {"  - date: 2026-12-01\n    what: W\n    why: Y\n", "lesson.yaml: change 1 (2026-12-01) is dated after checked (2026-11-26)"},
		"no why":         {"  - date: 2026-11-26\n    what: W\n", "lesson.yaml: change 1 (2026-11-26): what and why are both required"},
		"second entry":   {"  - date: 2026-11-26\n    what: W\n    why: Y\n  - date: 2025-01-01\n    why: Y\n", "change 2 (2025-01-01): what and why"},
		"misspelt field": {"  - date: 2026-11-26\n    wat: W\n", "field wat not found in type content.Change"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			fsys := validLesson()
			fsys["lesson.yaml"] = &fstest.MapFile{Data: []byte(head + tc.changes)}
			_, err := Load(fsys)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got:\n%v\nwant a problem containing:\n%s", err, tc.want)
			}
		})
	}
	fsys := validLesson()
	fsys["lesson.yaml"] = &fstest.MapFile{Data: []byte(head + "  - date: 2026-11-26\n    what: W\n    why: Y\n")}
	if _, err := Load(fsys); err != nil {
		t.Errorf("a good changelog was rejected: %v", err)
	}
}

func TestRecentChanges(t *testing.T) {
	m := Meta{Changes: []Change{
		{Date: "2025-01-02", What: "old"},
		{Date: "2026-11-26", What: "new a"},
		{Date: "2024-06-30", What: "oldest"},
		{Date: "2026-11-26", What: "new b"},
	}}
	tests := []struct {
		n    int
		want string
	}{
		{2, "new a,new b"},
		{10, "new a,new b,old,oldest"},
		{0, ""},
		{-1, "new a,new b,old,oldest"},
	}
	for _, tc := range tests {
		var got []string
		for _, c := range m.RecentChanges(tc.n) {
			got = append(got, c.What)
		}
		if strings.Join(got, ",") != tc.want {
			t.Errorf("RecentChanges(%d) = %v, want %s", tc.n, got, tc.want)
		}
	}
	if m.Changes[0].What != "old" {
		t.Error("RecentChanges reordered the lesson's own changelog")
	}
}
