package views

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
)

// ReloadPanel is the panel under a lesson whose folder was edited into a
// lesson that does not load: the last good lesson stays on screen, and the
// panel says why the edit was not taken, one problem (file:line: message)
// after another, in at most maxLines lines of width columns. Problems that
// do not fit are counted on its last line. It is "" when maxLines is below
// two (the heading and one problem).
func ReloadPanel(s Styles, problems []string, width, maxLines int) string {
	if maxLines < 2 || len(problems) == 0 {
		return ""
	}
	// In a small window the problems matter more than the rule and the
	// longer heading.
	var out []string
	if maxLines >= 5 {
		out = append(out, s.Warning.Render(strings.Repeat("─", width)))
	}
	head := fmt.Sprintf("Not reloaded: %d %s; still showing the last good lesson.", len(problems), plural(len(problems), "problem", "problems"))
	if lipgloss.Width(head) > width {
		head = fmt.Sprintf("Not reloaded: %d %s", len(problems), plural(len(problems), "problem", "problems"))
	}
	out = append(out, s.Warning.Render(Truncate(head, width)))
	room := maxLines - len(out)
	var body []string
	shown := 0
	for i, p := range problems {
		lines := strings.Split(hang("• ", p, width), "\n")
		reserve := 0
		if i < len(problems)-1 {
			reserve = 1 // for the line counting the rest
		}
		if len(body)+len(lines)+reserve > room {
			if i == 0 { // the first problem is shown, if only its start
				body = append(body, lines[:max(room-reserve, 1)]...)
				shown++
			}
			break
		}
		body = append(body, lines...)
		shown++
	}
	if shown < len(problems) {
		more := fmt.Sprintf("… and %d more (jakstat validate lists them all)", len(problems)-shown)
		body = append(body, s.Muted.Render(Truncate(more, width)))
	}
	out = append(out, body...)
	if len(out) > maxLines { // a heading wrapped onto many lines in a narrow window
		out = out[:maxLines]
	}
	return strings.Join(out, "\n")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
