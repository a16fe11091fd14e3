package views

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"jakstat/content"
	"jakstat/internal/fixture"
)

// shipped is the built-in lesson.
func shipped(t testing.TB) *content.Lesson { t.Helper(); return fixture.Shipped(t) }

func TestTruncateNeverSplitsWords(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"Abrocitinib", 20, "Abrocitinib"},
		{"Ruxolitinib 1.5% cream", 16, "Ruxolitinib…"},
		{"IL-4Ra + common gamma chain", 14, "IL-4Ra…"},
		{"IL-4Ra + common gamma chain", 16, "IL-4Ra + common…"},
		{"upper respiratory tract infection", 24, "upper respiratory tract…"},
		// A cut after a sentence, a clause or a dash leaves no stray mark.
		{"Blocks its receptor IL-31RA. The chains are confirmed", 30, "Blocks its receptor IL-31RA…"},
		{"Rare — see the label", 8, "Rare…"},
		{"Why? Because", 9, "Why…"},
		{"44% / 24% vs 8% placebo; EASI-75: 63%", 26, "44% / 24% vs 8% placebo…"},
		{"Supercalifragilistic", 8, "Superca…"}, // one long word: cut at a grapheme
		{"日本語テキスト", 5, "日本…"},
		{"abc", 1, "…"},
		{"abc", 0, ""},
	}
	for _, tc := range tests {
		got := Truncate(tc.in, tc.width)
		if got != tc.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
		if w := ansi.StringWidth(got); w > max(tc.width, 0) {
			t.Errorf("Truncate(%q, %d) is %d wide", tc.in, tc.width, w)
		}
	}
}

// TestMarkdownFitsEveryWidth renders every step at every text width the
// layout can ask for: no line may be wider than asked, and a blockquote's
// bar must run down every line of it (glamour's own wrap breaks both).
func TestMarkdownFitsEveryWidth(t *testing.T) {
	l := shipped(t)
	step := 1
	if testing.Short() {
		step = 7
	}
	for w := MinWidth - 2; w <= 100; w += step {
		for _, st := range l.Steps {
			for _, look := range []Look{Dark, Light, Plain} {
				out := Markdown(st.Body, w, look)
				lines := strings.Split(ansi.Strip(out), "\n")
				bar := "┃ "
				if look == Plain {
					bar = "| "
				}
				for i, ln := range lines {
					if ansi.StringWidth(ln) > w {
						t.Fatalf("%s at %d (%d): line %q is %d wide", st.ID, w, look, ln, ansi.StringWidth(ln))
					}
					if i > 0 && i+1 < len(lines) && ln != "" && !strings.HasPrefix(ln, bar) &&
						strings.HasPrefix(lines[i-1], bar) && strings.HasPrefix(lines[i+1], bar) {
						t.Fatalf("%s at %d: %q fell out of its blockquote", st.ID, w, ln)
					}
				}
				if look == Plain && out != ansi.Strip(out) {
					t.Fatalf("%s: plain Markdown has escape codes", st.ID)
				}
			}
		}
	}
}

// TestDetailsCiteSources: every row of every table has details, and they
// say where the facts come from.
func TestDetailsCiteSources(t *testing.T) {
	l := shipped(t)
	for _, spec := range content.Tables() {
		g := l.Table(spec.ID)
		for i := range g.Rows {
			if d := Details(l, g, i, 60, Styles{}); !strings.Contains(d, "[") && spec.Record != content.RecordSource {
				t.Errorf("table %s row %d: details cite no sources:\n%s", spec.ID, i, d)
			}
		}
	}
}

// TestGoldenTables renders each table as the print path lays it out, and as
// cards, at a handout width and a projector width.
func TestGoldenTables(t *testing.T) {
	l := shipped(t)
	for _, name := range content.TableNames() {
		for _, w := range []int{60, 100} {
			t.Run(fmt.Sprintf("%s-%d", name, w), func(t *testing.T) {
				golden.RequireEqual(t, []byte(PlainTable(l.Table(name), w)))
			})
		}
	}
	cards, _ := Cards(l.Table("drugs"), 50, 1, NewStyles(true))
	t.Run("drug-cards-50", func(t *testing.T) { golden.RequireEqual(t, []byte(ansi.Strip(cards))) })
}

func TestGoldenDetails(t *testing.T) {
	l := shipped(t)
	s := NewStyles(true)
	for _, tc := range []struct{ table, key string }{
		{"drugs", "abrocitinib"}, {"drugs", "delgocitinib-cream"}, {"sideeffects", "nasopharyngitis"}, {"trials", "jade-mono-1"},
	} {
		g := l.Table(tc.table)
		row := -1
		for i, k := range g.Keys {
			if k == tc.key {
				row = i
			}
		}
		if row < 0 {
			t.Fatalf("no %s row %q", tc.table, tc.key)
		}
		for _, w := range []int{58, 98} {
			t.Run(fmt.Sprintf("%s-%d", tc.key, w), func(t *testing.T) {
				out := ansi.Strip(Details(l, g, row, w, s))
				for _, ln := range strings.Split(out, "\n") {
					if ansi.StringWidth(ln) > w {
						t.Errorf("line wider than %d: %q", w, ln)
					}
				}
				golden.RequireEqual(t, []byte(out))
			})
		}
	}
}

func TestChrome(t *testing.T) {
	s := NewStyles(true)
	for _, w := range []int{40, 60, 80, 120} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			h := ansi.Strip(Header(s, "JAK inhibitors for eczema", "The pathway", "The receptor and its JAKs", 3, 18, w, ""))
			st := ansi.Strip(StatusLine(s, 4, 12, content.Meta{ShortDisclaimer: "Education, not medical advice", Checked: "2026-11-26"}, w))
			for _, ln := range strings.Split(h+"\n"+st, "\n") {
				if ansi.StringWidth(ln) > w {
					t.Errorf("%q is wider than %d", ln, w)
				}
			}
			if !strings.Contains(h, "4/18") || !strings.Contains(st, "12") || !strings.Contains(st, "medical advice") {
				t.Errorf("chrome lost its content at %d:\n%s\n%s", w, h, st)
			}
			golden.RequireEqual(t, []byte(h+"\n"+st))
		})
	}
}

func TestTooSmall(t *testing.T) {
	out := ansi.Strip(TooSmall(NewStyles(false), 30, 8))
	if !strings.Contains(out, "too small") || !strings.Contains(out, "40x12") {
		t.Errorf("unhelpful message:\n%s", out)
	}
}

func TestPrint(t *testing.T) {
	l := shipped(t)
	for _, w := range []int{40, 80, 120} {
		out := Print(l, PrintOptions{Width: w})
		if strings.ContainsRune(out, '\x1b') {
			t.Fatalf("width %d: print output has escape codes", w)
		}
		for i, ln := range strings.Split(out, "\n") {
			if ansi.StringWidth(ln) > w && !loneAddress(ln) { // an address is never broken (TestPrintFitsEveryWidth)
				t.Errorf("width %d: line %d is %d wide: %q", w, i+1, ansi.StringWidth(ln), ln)
			}
		}
		for i, st := range l.Steps {
			if !strings.Contains(out, fmt.Sprintf("Step %d/%d", i+1, len(l.Steps))) {
				t.Errorf("width %d: step %d (%s) is missing", w, i+1, st.Title)
			}
		}
		for _, d := range l.Drugs {
			if !strings.Contains(out, d.Brand) {
				t.Errorf("width %d: drug %s is missing from the printed tables", w, d.Brand)
			}
		}
		for _, want := range []string{l.Meta.Disclaimer[:20], "Facts checked on " + l.Meta.Checked} {
			if !strings.Contains(out, want) {
				t.Errorf("width %d: missing %q", w, want)
			}
		}
	}
}

func BenchmarkMarkdown(b *testing.B) {
	l := shipped(b)
	body := l.Steps[3].Body
	for _, w := range []int{78, 98} {
		b.Run(fmt.Sprint(w), func(b *testing.B) {
			for b.Loop() {
				Markdown(body, w, Dark)
			}
		})
	}
}

func BenchmarkPrint(b *testing.B) {
	l := shipped(b)
	for b.Loop() {
		Print(l, PrintOptions{Width: 80})
	}
}

func TestPrintTables(t *testing.T) {
	l := shipped(t)
	for _, format := range []string{FormatText, FormatMarkdown} {
		out := PrintTables(l, 100, format, false)
		for _, want := range []string{"Drugs", "Side effects", "Trials", "Cytokines", "Matrix", "Sources", "Rinvoq", "nasopharyngitis", l.Meta.Checked} {
			if !strings.Contains(strings.ToLower(out), strings.ToLower(want)) {
				t.Errorf("%s tables lack %q", format, want)
			}
		}
		if strings.ContainsRune(out, '\x1b') {
			t.Errorf("%s tables contain escape codes", format)
		}
	}
	md := MarkdownTable(content.Table{Columns: []content.Column{{Title: "A"}, {Title: "B"}}, Rows: [][]string{{"x|y", "z"}}})
	if want := "| A | B |\n| --- | --- |\n| x\\|y | z |"; md != want {
		t.Errorf("MarkdownTable:\n%s\nwant\n%s", md, want)
	}
	golden.RequireEqual(t, []byte(MarkdownTable(l.Table("matrix"))))
}
