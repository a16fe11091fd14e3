package content_test

import (
	"strings"
	"testing"

	"jakstat/content"
	"jakstat/internal/fixture"
)

// TestSearchLinesArePlain: no line of a lesson's text that search lists
// or searches carries Markdown (the tester saw "- itches").
func TestSearchLinesArePlain(t *testing.T) {
	lessons := fixture.Lessons(t)
	shipped, err := content.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	lessons["shipped"] = shipped
	for name, l := range lessons {
		var items int
		for _, ln := range l.SearchIndex() {
			if ln.Where != "text" {
				continue
			}
			for _, mark := range []string{"**", "`", "](", "<http", "\\"} {
				if strings.Contains(ln.Text, mark) {
					t.Errorf("%s, step %d: %q holds %q", name, ln.Step+1, ln.Text, mark)
				}
			}
			if f := strings.Fields(ln.Text); len(f) > 0 && (f[0] == "-" || f[0] == "*" || f[0] == "#" || f[0] == ">") {
				t.Errorf("%s, step %d: %q starts with a mark", name, ln.Step+1, ln.Text)
			}
			if ln.Text == "itches" {
				items++
			}
		}
		if name == "shipped" && items == 0 {
			t.Error(`the list item "itches" is not a line of its own`)
		}
	}
}
