package views

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"jakstat/content"
	"jakstat/internal/fixture"
)

// printLessons are the lessons print is checked with: the shipped one
// (long source addresses), the antihistamine lesson, the fixture and the
// starter `jakstat new` writes (links in a step's text).
func printLessons(t *testing.T) map[string]*content.Lesson {
	starter := fstest.MapFS{}
	for name, data := range content.Starter(time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)) {
		starter[name] = &fstest.MapFile{Data: data}
	}
	l, err := content.Load(starter)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*content.Lesson{"shipped": shipped(t), "antihistamines": fixture.Antihistamines(t), "fixture": fixture.Lesson(t), "starter": l}
}

// printWidths are the widths print is checked at, down to the narrowest
// --width allows.
var printWidths = []int{20, 21, 23, 27, 32, 40, 47, 60, 80}

// TestPrintFitsEveryWidth: --width N wraps every printed line, down to the
// narrowest width allowed, for every lesson and with --ascii. The one line
// that may run past it is a web address too long for the width, alone on
// its line (after an indent or a list's or quote's mark): print never
// breaks an address, so it can be copied (TestPrintKeepsAddressesWhole).
func TestPrintFitsEveryWidth(t *testing.T) {
	for name, l := range printLessons(t) {
		for _, w := range printWidths {
			for _, ascii := range []bool{false, true} {
				over := 0
				for i, ln := range strings.Split(Print(l, PrintOptions{Width: w, ASCII: ascii}), "\n") {
					if ansi.StringWidth(ln) > w && !loneAddress(ln) {
						if over++; over <= 3 {
							t.Errorf("%s at %d (ascii %v): line %d is %d wide: %q", name, w, ascii, i+1, ansi.StringWidth(ln), ln)
						}
					}
				}
				if over > 3 {
					t.Errorf("%s at %d (ascii %v): %d lines too wide in all", name, w, ascii, over)
				}
			}
		}
	}
}

// loneAddress says whether a line is a web address and nothing else but
// what goes before any line of its block: spaces, a list's bullet or
// number, a task's box, a quote's bar.
func loneAddress(ln string) bool {
	f := strings.Fields(ln)
	if len(f) == 0 || !isWebAddress(f[len(f)-1]) {
		return false
	}
	for _, mark := range f[:len(f)-1] {
		if mark != "[x]" && mark != "[X]" && strings.ContainsFunc(mark, unicode.IsLetter) {
			return false
		}
	}
	return true
}

// TestPrintKeepsAddressesWhole: every source's address and every link's in
// a step's text is printed whole on one line, at every width, and one
// that fits the width fits its line: at the margin when it is too long to
// follow its source's indent.
func TestPrintKeepsAddressesWhole(t *testing.T) {
	for name, l := range printLessons(t) {
		urls := map[string]bool{}
		for _, st := range l.Steps {
			for _, id := range st.Sources.IDs {
				if src, _ := l.Source(id); src.URL != "" {
					urls[src.URL] = true
				}
			}
			for _, m := range linkAddress.FindAllStringSubmatch(st.Body, -1) {
				urls[m[1]] = true
			}
		}
		if len(urls) == 0 {
			t.Fatalf("%s: no addresses to check", name)
		}
		for _, w := range printWidths {
			lines := strings.Split(Print(l, PrintOptions{Width: w}), "\n")
			for url := range urls {
				found := false
				for _, ln := range lines {
					if strings.Contains(ln, url) {
						found = true
						if ansi.StringWidth(url) <= w && ansi.StringWidth(ln) > w && strings.TrimSpace(ln) == url {
							t.Errorf("%s at %d: %s fits the width but runs past it: %q", name, w, url, ln)
						}
					}
				}
				if !found {
					t.Errorf("%s at %d: %s is not whole on any line", name, w, url)
				}
			}
		}
	}
}

// linkAddress finds a link's address in Markdown: [text](address).
var linkAddress = regexp.MustCompile(`\]\((https?://[^)\s]+)\)`)

// TestPrintAddress: the rule, line by line.
func TestPrintAddress(t *testing.T) {
	tests := map[string]struct {
		url   string
		width int
		want  string
	}{
		"fits after the indent":   {"https://a.org/x", 20, "    https://a.org/x"},
		"fits only at the margin": {"https://a.org/xxxxxx", 20, "https://a.org/xxxxxx"},
		"longer than the width":   {"https://a.org/xxxxxxxxxxxxxxxx", 20, "https://a.org/xxxxxxxxxxxxxxxx"},
	}
	for name, tc := range tests {
		if got := printAddress("    ", tc.url, tc.width); got != tc.want {
			t.Errorf("%s: %q, want %q", name, got, tc.want)
		}
	}
}
