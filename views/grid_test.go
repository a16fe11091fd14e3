package views

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/rivo/uniseg"

	"jakstat/content"
)

func TestRunsKeepNumbersWhole(t *testing.T) {
	tests := map[string][]string{
		"itch eased (-0.7 vs -0.2 on a 0-10 scale)": {"itch", "eased", "(-0.7", "vs", "-0.2", "on", "a", "0-10", "scale)"},
		"4 mg, raised to 30 mg":                     {"4 mg,", "raised", "to", "30 mg"},
		"at week 16 and day 4":                      {"at", "week 16", "and", "day 4"},
		"53.8% vs 15.1 % with vehicle":              {"53.8%", "vs", "15.1 %", "with", "vehicle"},
		"itch 4+ points better":                     {"itch", "4+ points", "better"},
		"a change of - 3 points":                    {"a", "change", "of", "- 3 points"},
		"2022, 12+":                                 {"2022,", "12+"},
		"EASI-75: 63% / 40% vs 12%":                 {"EASI-75:", "63% / 40%", "vs", "12%"},
		"IL-4 / IL-13":                              {"IL-4", "/", "IL-13"},
		"IL-4R-alpha + common gamma chain":          {"IL-4R-alpha", "+", "common", "gamma", "chain"},
	}
	for in, want := range tests {
		if got := runs(in); !slices.Equal(got, want) {
			t.Errorf("runs(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWrapNeverSplitsANumber: at every width, a signed number stays whole
// and with its unit (the card that split "-0.7 vs -" from "0.2").
func TestWrapNeverSplitsANumber(t *testing.T) {
	text := "Subgroup of Black patients: itch eased within about 12 hours (-0.7 vs -0.2 on a 0-10 scale), 1.5% cream, 4 mg daily"
	whole := []string{"12 hours", "(-0.7", "-0.2", "0-10", "1.5%", "4 mg"}
	for w := 8; w <= 60; w++ {
		lines := wrapLines(text, w)
		for _, ln := range lines {
			if ansi.StringWidth(ln) > w {
				t.Fatalf("width %d: %q is too wide", w, ln)
			}
		}
		joined := strings.Join(lines, "\n")
		for _, run := range whole {
			if !strings.Contains(joined, run) {
				t.Fatalf("width %d split %q:\n%s", w, run, joined)
			}
		}
	}
	if got := Truncate("Level Up: 15 mg, raised to 30 mg", 18); got != "Level Up: 15 mg…" {
		t.Errorf("Truncate cut a number from its unit: %q", got)
	}
}

func TestFitGrid(t *testing.T) {
	g := content.Table{
		Columns: []content.Column{{Title: "Drug", Min: 12}, {Title: "Note", Min: 6}, {Title: "Yes"}},
		Rows:    [][]string{{"Abrocitinib", "a long note about the drug", "yes"}, {"Upadacitinib", "short", "no"}},
	}
	tests := map[string]struct {
		width  int
		want   []int
		wantOK bool
	}{
		"everything fits":             {80, []int{12, 26, 3}, true},
		"the long column wraps":       {30, []int{12, 12, 3}, true},
		"minimums: the longest words": {24, []int{12, 6, 3}, true},
		"too narrow: cards":           {23, nil, false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, ok := FitGrid(g, tc.width, true)
			if ok != tc.wantOK || fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("FitGrid(%d) = %v, %v; want %v, %v", tc.width, got, ok, tc.want, tc.wantOK)
			}
			if ok && GridWidth(got) > tc.width {
				t.Errorf("columns take %d of %d", GridWidth(got), tc.width)
			}
		})
	}
	if w, ok := FitGrid(content.Table{Columns: g.Columns, Rows: [][]string{{"x", "incomprehensibilities", "y"}}}, 40, true); !ok || w[1] < 21 {
		t.Errorf("no column may be narrower than its longest word: %v %v", w, ok)
	}
}

// TestFocusColumnsComeFirst: a column the step points at gets its whole
// width before others get any, so it reads one line a row.
func TestFocusColumnsComeFirst(t *testing.T) {
	l := shipped(t)
	g := l.Table("cytokines")
	jaks := slices.IndexFunc(g.Columns, func(c content.Column) bool { return c.Title == "JAKs" })
	want := 0
	for _, r := range g.Rows {
		want = max(want, ansi.StringWidth(r[jaks]))
	}
	for _, w := range []int{64, 76, 80, 98, 100} {
		plain, ok := FitGrid(g, w, true)
		focused, ok2 := FitGrid(g.WithFocus([]string{"JAKs"}), w, true)
		if !ok || !ok2 {
			t.Fatalf("cytokines do not fit %d", w)
		}
		if focused[jaks] != want {
			t.Errorf("width %d: the JAKs column gets %d of the %d it needs (%d without focus)", w, focused[jaks], want, plain[jaks])
		}
	}
}

// TestStepTablesKeepWhatTheTextPointsAt draws every step's table at the
// widths a step uses: no cell of a column the text points at (or of a
// whole column) is cut, and no line is wider than the window.
func TestStepTablesKeepWhatTheTextPointsAt(t *testing.T) {
	s := NewStyles(true)
	for id, g := range stepTables(t) {
		for w := 60; w <= 200; w++ {
			widths, ok := FitGrid(g, w, true)
			if !ok {
				continue // cards, which cut nothing
			}
			out := ansi.Strip(Grid(g, widths, GridOptions{Selected: -1, SortCol: -1}, s))
			for _, ln := range strings.Split(out, "\n") {
				if ansi.StringWidth(ln) > w {
					t.Fatalf("%s at %d: %q is too wide", id, w, ln)
				}
			}
			gr := layoutGrid(g, widths, -1, false, true)
			for r, row := range g.Rows {
				for c, col := range g.Columns {
					if !col.Kept() {
						continue
					}
					lines, _ := clip(row[c], widths[c], 0)
					text := strings.Join(gr.rows[r], "\n")
					for _, ln := range lines {
						if !strings.Contains(text, ln) {
							t.Fatalf("%s at %d: %s cell %q lost %q", id, w, col.Title, row[c], ln)
						}
					}
				}
			}
		}
	}
}

// TestTrialGridShowsEveryFigure: the explorer's trials grid, whose columns
// no step points at, shows every figure of every skin result at every width
// a grid fits (at 80 columns each one used to stop at "IGA 0/1 (with a
// 2-grade improvement)…", before its first percentage).
func TestTrialGridShowsEveryFigure(t *testing.T) {
	g := shipped(t).Table("trials")
	skin := slices.IndexFunc(g.Columns, func(c content.Column) bool { return c.Title == "Skin result" })
	figure := regexp.MustCompile(`[-+]?\d+(\.\d+)?%`)
	for w := 60; w <= 200; w++ {
		widths, ok := FitGrid(g, w, true)
		if !ok {
			continue // cards, which cut nothing
		}
		gr := layoutGrid(g, widths, -1, false, true)
		for r, row := range g.Rows {
			var cell []string
			for _, ln := range gr.rows[r] {
				start := sum(widths[:skin]) + skin*cellPad
				cell = append(cell, strings.TrimSpace(ansi.Cut(ln, start, start+widths[skin])))
			}
			shown := strings.Join(cell, " ")
			for _, f := range figure.FindAllString(row[skin], -1) {
				if !strings.Contains(shown, f) {
					t.Fatalf("width %d, %s: %s is not shown (the cell reads %q)", w, row[0], f, shown)
				}
			}
		}
	}
}

// TestGoldenGrids: the step tables as the lesson draws them, at the widths
// of a 120, 100, 80 and 60-column window, and of a projector's 80 (76).
func TestGoldenGrids(t *testing.T) {
	s := NewStyles(true)
	for id, g := range stepTables(t) {
		for _, w := range []int{120, 100, 80, 76, 60} {
			t.Run(fmt.Sprintf("%s-%d", id, w), func(t *testing.T) {
				widths, ok := FitGrid(g, w, true)
				var out string
				if ok {
					out = Grid(g, widths, GridOptions{Selected: 1, SortCol: -1}, s)
				} else {
					out, _ = Cards(g, w, 1, s)
				}
				golden.RequireEqual(t, []byte(ansi.Strip(out)))
			})
		}
	}
}

// stepTables is each shipped step's table, by step id, with the columns
// its text points at marked.
func stepTables(t *testing.T) map[string]content.Table {
	l := shipped(t)
	out := map[string]content.Table{}
	for _, st := range l.Steps {
		if st.Table != "" {
			out[st.ID] = l.Table(st.Table).WithFocus(st.Columns)
		}
	}
	return out
}

// TestMatrixCards: a matrix card lists the drugs that list the side effect
// on one line, with no line for the drugs that do not.
func TestMatrixCards(t *testing.T) {
	l := shipped(t)
	g := l.Table("matrix")
	out, tops := Cards(g, 60, -1, Styles{})
	lines := strings.Split(out, "\n")
	for i, top := range tops {
		end := len(lines)
		if i+1 < len(tops) {
			end = tops[i+1] - 1
		}
		card := lines[top:end]
		if len(card) > 3 || slices.Contains(card, "") || slices.ContainsFunc(card, func(ln string) bool { return strings.HasSuffix(ln, ":") }) {
			t.Fatalf("card %d is %d lines:\n%s", i, len(card), strings.Join(card, "\n"))
		}
	}
	if !strings.Contains(out, "  ● Cibinqo, Opzelura") {
		t.Errorf("the common cold's card does not list its drugs:\n%s", strings.Join(lines[:4], "\n"))
	}
	golden.RequireEqual(t, []byte(out))
}

// BenchmarkFitGrid fits the widest-celled tables: the explorer does it once
// per tab and window width, a step once per step and width.
func BenchmarkFitGrid(b *testing.B) {
	l := shipped(b)
	for _, name := range []string{"trials", "alleffects", "matrix"} {
		g := l.Table(name)
		for _, w := range []int{78, 120} {
			b.Run(fmt.Sprintf("%s-%d", name, w), func(b *testing.B) {
				for b.Loop() {
					FitGrid(g, w, true)
				}
			})
		}
	}
}

// TestTrialDetailsNameTheComparator: a trial's details say what it was
// compared with, and a head-to-head trial's caveat says what sets it apart.
func TestTrialDetailsNameTheComparator(t *testing.T) {
	l := shipped(t)
	g := l.Table("trials")
	for i, tr := range l.Trials {
		d := strings.Join(strings.Fields(Details(l, g, i, 200, Styles{})), " ")
		if !strings.Contains(d, "Compared with: "+tr.Comparator) {
			t.Errorf("%s: details do not name the comparator %q", tr.ID, tr.Comparator)
		}
		if tr.HeadToHead() != strings.Contains(d, "head-to-head trial") || strings.Contains(d, "placebos or vehicles") {
			t.Errorf("%s: the caveat does not fit the trial:\n%s", tr.ID, d)
		}
	}
	src := l.Sources[0]
	if d := Details(l, l.Table("sources"), 0, 200, Styles{}); !strings.Contains(d, "Kind: "+src.Kind) {
		t.Errorf("a source's details do not say its kind:\n%s", d)
	}
}

// TestScrollTop: a view starts where an item does, keeps the chosen item
// whole and near the middle, and starts at the top when it can.
func TestScrollTop(t *testing.T) {
	starts := []int{0, 3, 6, 9, 12} // items of 2 lines and a blank, 14 lines
	tests := []struct {
		top, end, room, want int
	}{
		{0, 2, 5, 0},   // fits from the top
		{3, 5, 5, 0},   // still fits from the top
		{6, 8, 5, 3},   // the one before it shows whole above it
		{12, 14, 5, 9}, // the last: as far down as a start allows
		{6, 8, 2, 6},   // no room for more than it
		{6, 8, 1, 6},   // taller than the room: from its first line
		{9, 11, 6, 6},  // centred would be line 7, mid-item: back to 6
	}
	for _, tc := range tests {
		got := ScrollTop(starts, tc.top, tc.end, 14, tc.room)
		if got != tc.want {
			t.Errorf("ScrollTop(item %d-%d, room %d) = %d, want %d", tc.top, tc.end, tc.room, got, tc.want)
		}
	}
}

// TestGridHeight: with a height, Grid draws exactly that many lines, with
// the selected row in them, at every height a pane may have.
func TestGridHeight(t *testing.T) {
	l := shipped(t)
	g := l.Table("trials")
	widths, _ := FitGrid(g, 80, true)
	s := NewStyles(true)
	for sel := range g.Rows {
		for h := 1; h <= 30; h++ {
			out := ansi.Strip(Grid(g, widths, GridOptions{Selected: sel, SortCol: -1, Height: h}, s))
			if n := len(strings.Split(out, "\n")); n > h {
				t.Fatalf("row %d, height %d: %d lines", sel, h, n)
			}
			if h >= 10 && !strings.Contains(out, strings.Fields(g.Rows[sel][0])[0]) {
				t.Fatalf("row %d, height %d: the selected row is out of view:\n%s", sel, h, out)
			}
		}
	}
}

// FuzzWrapLines: wrapped text is never wider than asked, keeps every word
// in order, and a number never leaves its unit, whatever the text.
func FuzzWrapLines(f *testing.F) {
	f.Add("itch eased (-0.7 vs -0.2 on a 0-10 scale), 4 mg at week 16", 12)
	f.Add("IGA 0/1: 44% / 24% vs 8% placebo", 5)
	f.Add("日本語 テキスト and Supercalifragilistic", 3)
	f.Fuzz(func(t *testing.T, text string, width int) {
		if !utf8.ValidString(text) {
			t.Skip("the loader refuses text that is not UTF-8")
		}
		width = 1 + abs(width)%120
		lines := wrapLines(text, width)
		for _, ln := range lines {
			if ansi.StringWidth(ln) > width && uniseg.GraphemeClusterCount(ln) > 1 {
				t.Fatalf("%q at %d: %q is too wide", text, width, ln)
			}
		}
		if longestRun(text) <= width {
			if got, want := strings.Fields(strings.Join(lines, " ")), strings.Fields(text); !slices.Equal(got, want) {
				t.Fatalf("%q at %d lost words: %q", text, width, got)
			}
			for _, para := range strings.Split(text, "\n") {
				for _, r := range runs(para) {
					if strings.Contains(r, " ") && !strings.Contains(strings.Join(lines, "\n"), r) {
						t.Fatalf("%q at %d split %q", text, width, r)
					}
				}
			}
		}
	})
}
