package views

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"jakstat/content"
)

// Header is the top of every screen: the lesson and section on the left,
// the step count (after a presenter's clock, if any) on the right, a
// progress bar, then the step's title. It is always HeaderHeight lines and
// never scrolls.
func Header(s Styles, lessonTitle, section, stepTitle string, step, total, width int, clock string) string {
	count := s.Counter.Render(fmt.Sprintf("%d/%d", step+1, total))
	if clock != "" {
		count = s.Muted.Render(clock+" · ") + count
	}
	left := s.AppName.Render(lessonTitle) + s.Section.Render(" · "+section)
	room := width - lipgloss.Width(count) - 2
	if lipgloss.Width(left) > room {
		// Narrow: the section matters more than the lesson's name.
		left = s.Section.Render(Truncate(section, room))
	}
	gap := max(width-lipgloss.Width(left)-lipgloss.Width(count), 1)
	top := left + strings.Repeat(" ", gap) + count
	bar := ProgressBar(s, float64(step+1)/float64(max(total, 1)), width)
	title := s.Title.Render(Truncate(stepTitle, width))
	return top + "\n" + bar + "\n" + title
}

// HeaderHeight is how many lines Header takes.
const HeaderHeight = 3

// ProgressBar draws a bar width columns wide, filled to frac.
func ProgressBar(s Styles, frac float64, width int) string {
	frac = min(max(frac, 0), 1)
	full := int(frac*float64(width) + 0.5)
	return s.BarFull.Render(strings.Repeat("━", full)) + s.BarEmpty.Render(strings.Repeat("─", width-full))
}

// StatusLine sits above the help bar: on the left what is scrolled out of
// sight, on the right the lesson's short disclaimer and the date its facts
// were checked, shortened to fit. It is one line.
func StatusLine(s Styles, above, below int, meta content.Meta, width int) string {
	return StatusLineNote(s, above, below, meta, width)
}

// Note is a short note for the status line, in words and in short (the
// short form may be the same).
type Note struct{ Long, Short string }

// StatusLineNote is StatusLine with notes first on the left, most
// important first: a question waiting, where a diagram is in its story
// ("stage 3 of 5"). The disclaimer matters most, then the date the facts
// were checked, then the notes, then the scroll marks: when room is short,
// the words around the date go first, then the notes take their short
// forms and later notes go, the scroll marks shrink (and give way to a
// note), and only then do the notes go, before the date does.
func StatusLineNote(s Styles, above, below int, meta content.Meta, width int, notes ...Note) string {
	long, short := scrollMarks(above, below)
	var noteSets []string
	for n := len(notes); n > 0; n-- {
		var l, sh []string
		for _, nt := range notes[:n] {
			l, sh = append(l, nt.Long), append(sh, nt.Short)
		}
		noteSets = append(noteSets, strings.Join(l, " · "), strings.Join(sh, " · "))
	}
	dated := []string{
		meta.ShortDisclaimer + " · facts checked " + meta.Checked,
		meta.ShortDisclaimer + " · checked " + meta.Checked,
		meta.ShortDisclaimer + " · " + meta.Checked,
	}
	fits := func(note, left, right string) (string, bool) {
		if note != "" && left != "" {
			left = "  " + left
		}
		lw := lipgloss.Width(note) + lipgloss.Width(left)
		if lw+lipgloss.Width(right)+2 > width {
			return "", false
		}
		out := ""
		if note != "" {
			out = s.PaneFocus.Render(note)
		}
		return out + s.Overflow.Render(left) + strings.Repeat(" ", width-lw-lipgloss.Width(right)) + s.Muted.Render(right), true
	}
	for _, right := range dated {
		for _, note := range noteSets {
			for _, left := range []string{long, short, ""} {
				if out, ok := fits(note, left, right); ok {
					return out
				}
			}
		}
	}
	for _, right := range append(dated, meta.ShortDisclaimer) {
		for _, left := range []string{long, short} {
			if out, ok := fits("", left, right); ok {
				return out
			}
		}
	}
	return s.Overflow.Render(Truncate(short, width))
}

// PendingCount is the status line while a count is typed before a motion
// (the 12 of 12G): the count so far, and what it will do.
func PendingCount(s Styles, count, width int) string {
	typed := s.Prompt.Render(fmt.Sprintf("%d…", count))
	for _, hint := range []string{
		fmt.Sprintf("  G or enter: go to step %d · l/h: move %d steps · j/k: scroll %d lines · esc: cancel", count, count, count),
		fmt.Sprintf("  G or enter: go to step %d · esc: cancel", count),
		fmt.Sprintf("  G: step %d · esc: cancel", count),
	} {
		if lipgloss.Width(typed)+lipgloss.Width(hint) <= width {
			return typed + s.Muted.Render(hint)
		}
	}
	return typed
}

// RoomSummary says in a few words who is in a classroom: "23 in the room ·
// 20 following · 3 exploring".
func RoomSummary(students, following, exploring int) string {
	if students == 0 {
		return "no students yet"
	}
	out := fmt.Sprintf("%d in the room · %d following", students, following)
	if exploring > 0 {
		out += fmt.Sprintf(" · %d exploring", exploring)
	}
	return out
}

// RoomSummaryShort is RoomSummary for a narrow line: "20/23 following".
func RoomSummaryShort(students, following int) string {
	if students == 0 {
		return "no students yet"
	}
	return fmt.Sprintf("%d/%d following", following, students)
}

// scrollMarks says how many lines are out of sight, in words and in short.
func scrollMarks(above, below int) (long, short string) {
	var l, sh []string
	if above > 0 {
		l = append(l, fmt.Sprintf("▲ %d above", above))
		sh = append(sh, fmt.Sprintf("▲%d", above))
	}
	if below > 0 {
		l = append(l, fmt.Sprintf("▼ %d more below", below))
		sh = append(sh, fmt.Sprintf("▼%d", below))
	}
	return strings.Join(l, "  "), strings.Join(sh, " ")
}

// TooSmall is the whole screen when the window is below MinWidth x MinHeight.
func TooSmall(s Styles, width, height int) string {
	msg := []string{
		s.Warning.Render("Window too small"),
		fmt.Sprintf("It is %dx%d; needs %dx%d.", width, height, MinWidth, MinHeight),
		"Enlarge it, or press q.",
	}
	var lines []string
	for _, m := range msg {
		lines = append(lines, Truncate(m, width))
	}
	return lipgloss.Place(width, height, lipgloss.Center, lipgloss.Center, strings.Join(lines, "\n"))
}

// PaneLabel is the one-line label above a pane (the text or a table) on
// steps with more than one; the focused pane's label stands out. hints are
// tried longest first, and the first that fits is shown after the label.
func PaneLabel(s Styles, label string, focused bool, width int, hints ...string) string {
	st := s.PaneLabel
	mark := "  "
	if focused {
		st = s.PaneFocus
		mark = "▸ "
	}
	text := mark + label
	for _, h := range hints {
		if h != "" && lipgloss.Width(text)+lipgloss.Width(h)+3 <= width {
			return st.Render(text) + s.Muted.Render(" · "+h)
		}
	}
	return st.Render(Truncate(text, width))
}

// PromptLine is the status line while the ":" jump prompt is open.
func PromptLine(s Styles, typed Field, total, width int) string {
	prompt := s.Prompt.Render(Truncate(":"+caretText(typed, max(width-2, 1)), width))
	for _, hint := range []string{
		fmt.Sprintf("  go to step (1-%d) · enter to go · esc to cancel", total),
		fmt.Sprintf("  step 1-%d · enter · esc", total),
	} {
		if lipgloss.Width(prompt)+lipgloss.Width(hint) <= width {
			return prompt + s.Muted.Render(hint)
		}
	}
	return prompt
}

// TabBar draws tab titles in a row, the active one marked, shortened to fit.
func TabBar(s Styles, titles []string, active, width int) string {
	render := func(short bool) (string, int) {
		var parts []string
		w := 0
		for i, t := range titles {
			if short && i != active {
				t = string([]rune(t)[:1])
			}
			label := " " + t + " "
			w += lipgloss.Width(label) + 1
			if i == active {
				parts = append(parts, s.PaneFocus.Reverse(true).Render(label))
			} else {
				parts = append(parts, s.PaneLabel.Render(label))
			}
		}
		return strings.Join(parts, s.Muted.Render("│")), w - 1
	}
	out, w := render(false)
	if w > width {
		out, _ = render(true)
	}
	return out
}

// Clock is a duration as m:ss, or h:mm:ss from an hour on.
func Clock(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
