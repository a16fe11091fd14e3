package views

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
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

// PendingNote is the status line's note while a count is typed before a
// motion (the 12 of 12G): the count so far, and what it will do. It stays
// while it is typed.
func PendingNote(count int) Note {
	typed := fmt.Sprintf("%d…", count)
	return Note{
		Long:  fmt.Sprintf("%s  G or enter: go to step %d · l/h: move %d steps · j/k: scroll %d lines · esc: cancel", typed, count, count, count),
		Short: fmt.Sprintf("%s  G: go to step %d", typed, count),
		Tiny:  typed,
		Keep:  true, Tone: TonePrompt,
	}
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

// PromptNote is the status line's note while the ":" jump prompt is open:
// the digits typed, with a caret, and which steps there are. The help bar
// has the prompt's keys. It stays while it is typed.
func PromptNote(typed Field, total int) Note {
	prompt := ":" + caretText(typed, 8)
	return Note{
		Long:  fmt.Sprintf("%s  go to step (1-%d)", prompt, total),
		Short: fmt.Sprintf("%s  step 1-%d", prompt, total),
		Tiny:  prompt,
		Keep:  true, Tone: TonePrompt,
	}
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
