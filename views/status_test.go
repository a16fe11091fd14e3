package views

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"jakstat/content"
)

// TestStatusBarGivesWayInOrder: at every width from the smallest window
// up, the status line is StatusHeight lines exactly width wide, always
// with the disclaimer and the date in words, and the note that stays; the
// scroll marks and the notes that may go give way first, in order.
func TestStatusBarGivesWayInOrder(t *testing.T) {
	s := NewStyles(true)
	meta := content.Meta{ShortDisclaimer: "Education, not medical advice", Checked: "2026-11-26"}
	room := Note{Long: "23 in the room · 20 following · 3 exploring", Short: "20/23 following", Keep: true}
	stage := Note{Long: "stage 3 of 5", Short: "stage 3/5"}
	for w := MinWidth; w <= 200; w++ {
		for _, classroom := range []bool{false, true} {
			st := Status{Above: 0, Below: 125, Classroom: classroom, Notes: []Note{stage}}
			if classroom {
				st.Notes = []Note{room, stage}
			}
			out := ansi.Strip(StatusBar(s, st, meta, w))
			lines := strings.Split(out, "\n")
			name := fmt.Sprintf("width %d classroom %v", w, classroom)
			if len(lines) != StatusHeight(meta, w, classroom) {
				t.Fatalf("%s: %d lines, StatusHeight says %d:\n%s", name, len(lines), StatusHeight(meta, w, classroom), out)
			}
			for _, ln := range lines {
				if ansi.StringWidth(ln) != w {
					t.Fatalf("%s: a line %d wide: %q", name, ansi.StringWidth(ln), ln)
				}
			}
			if !strings.Contains(out, meta.ShortDisclaimer) || !strings.Contains(out, "checked 2026-11-26") {
				t.Fatalf("%s: the disclaimer or date is missing:\n%s", name, out)
			}
			if classroom && !strings.Contains(out, "20/23 following") && !strings.Contains(out, room.Long) {
				t.Fatalf("%s: the room's note is missing:\n%s", name, out)
			}
			if strings.Contains(out, "stage") && !strings.Contains(out, "▼") {
				t.Fatalf("%s: the stage stayed while the scroll mark went:\n%s", name, out)
			}
		}
	}
	for _, tc := range []struct {
		width     int
		classroom bool
		want      string
	}{
		{200, true, "23 in the room · 20 following · 3 exploring  stage 3 of 5  ▼ 125 more below"},
		{80, false, "stage 3 of 5  ▼125"},
		{76, true, "20/23 following  ▼125"},
		{60, false, "▼125"},
		{56, true, "20/23 following  stage 3 of 5  ▼ 125 more below"},
		{41, false, "▼125        Education, not medical advice\nstage 3 of 5           checked 2026-11-26"},
		{40, true, "▼125       Education, not medical advice\n20/23 following       checked 2026-11-26"},
	} {
		st := Status{Below: 125, Classroom: tc.classroom, Notes: []Note{stage}}
		if tc.classroom {
			st.Notes = []Note{room, stage}
		}
		if out := ansi.Strip(StatusBar(s, st, meta, tc.width)); !strings.Contains(out, tc.want) {
			t.Errorf("width %d: got\n%s\nwant it to contain\n%s", tc.width, out, tc.want)
		}
	}
}

// TestStatusBarNotice: a notice sits beside the disclaimer and date where
// it fits, on a line of its own where there are two, and alone (until the
// next key) where neither.
func TestStatusBarNotice(t *testing.T) {
	s := NewStyles(true)
	meta := content.Meta{ShortDisclaimer: "Education, not medical advice", Checked: "2026-11-26"}
	notice := "There are 24 steps: this is the last"
	for _, tc := range []struct {
		width      int
		disclaimed bool
	}{{120, true}, {80, false}, {50, true}, {40, true}} {
		out := ansi.Strip(StatusBar(s, Status{Notice: notice}, meta, tc.width))
		if !strings.Contains(out, notice[:20]) || strings.Contains(out, "checked") != tc.disclaimed {
			t.Errorf("width %d: %q", tc.width, out)
		}
	}
}
