package views

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"jakstat/content"
)

// QuizState is what a question screen shows beyond the question itself.
type QuizState struct {
	Section    string
	Number     int // one-based, of Of
	Of         int
	Cursor     int   // highlighted choice, as listed
	Picked     []int // order questions: the listed positions chosen so far
	Answered   bool
	Right      bool
	StepNumber int // one-based number of the step that teaches it
	StepTitle  string
	Review     bool // reviewing missed questions from the score screen
}

// Quiz renders a question, and after it is answered, the feedback.
func Quiz(s Styles, q content.Question, st QuizState, width int) string {
	var b strings.Builder
	head := "Check your understanding"
	if st.Review {
		head = "Review"
	}
	b.WriteString(s.PaneFocus.Render(Truncate(fmt.Sprintf("%s · %s · question %d of %d", head, st.Section, st.Number, st.Of), width)))
	b.WriteString("\n\n")
	b.WriteString(s.Title.Render(wrap(q.Prompt, width)))
	b.WriteString("\n\n")
	order := q.Kind == content.KindOrder
	shown := q.ShownOrder()
	if order {
		b.WriteString(s.Muted.Render(wrap("Press the numbers of the items in the order they happen, first to last (backspace undoes).", width)))
		b.WriteString("\n\n")
	}
	for i, item := range shown {
		mark := "  "
		style := s.Value
		if !order && i == st.Cursor && !st.Answered {
			mark, style = s.CardCursor.Render("▸ "), s.Title
		}
		if st.Answered && !order {
			switch {
			case item == q.Correct:
				mark, style = s.SceneSignal.Render("✓ "), s.SceneSignal
			case i == st.Cursor:
				mark, style = s.Warning.Render("✗ "), s.Warning
			}
		}
		label := fmt.Sprintf("%d) ", i+1)
		if order {
			for pos, p := range st.Picked {
				if p == i {
					label = fmt.Sprintf("%d) [%d] ", i+1, pos+1)
				}
			}
		}
		b.WriteString(hangStyled(mark+label, q.Choices[item], width, style))
		b.WriteString("\n")
	}
	if order && !st.Answered {
		b.WriteString("\n" + s.Muted.Render(fmt.Sprintf("%d of %d placed", len(st.Picked), len(q.Choices))))
		if len(st.Picked) == len(q.Choices) {
			b.WriteString(s.Muted.Render(" · enter to check"))
		}
		b.WriteString("\n")
	}
	if !st.Answered {
		return strings.TrimRight(b.String(), "\n")
	}
	b.WriteString("\n")
	if st.Right {
		b.WriteString(s.SceneSignal.Render("✓ Right."))
	} else {
		b.WriteString(s.Warning.Render("✗ Not quite."))
	}
	if order {
		b.WriteString("\n" + s.Muted.Render("The order:"))
		for i, c := range q.Choices {
			b.WriteString("\n" + hangStyled(fmt.Sprintf("%d. ", i+1), c, width, s.Value))
		}
	}
	b.WriteString("\n\n" + s.Value.Render(wrap(strings.TrimSpace(q.Explain+" "+refList(q.Sources.IDs)), width)))
	b.WriteString("\n\n" + s.Muted.Render(wrap(fmt.Sprintf("Taught in step %d, %q: press v to go there, or enter to go on.", st.StepNumber, st.StepTitle), width)))
	return b.String()
}

// hangStyled writes prefix then text wrapped under itself, styled.
func hangStyled(prefix, text string, width int, style lipgloss.Style) string {
	pw := lipgloss.Width(prefix)
	lines := strings.Split(wrap(text, max(width-pw, 10)), "\n")
	for i, ln := range lines {
		if i == 0 {
			lines[i] = prefix + style.Render(ln)
		} else {
			lines[i] = strings.Repeat(" ", pw) + style.Render(ln)
		}
	}
	return strings.Join(lines, "\n")
}

// Score renders the score screen.
func Score(s Styles, scores []content.SectionScore, width int) string {
	var b strings.Builder
	b.WriteString(s.PaneFocus.Render("Your checks of understanding"))
	b.WriteString("\n\n")
	right, total, missed := 0, 0, 0
	for _, sc := range scores {
		right += sc.Right
		total += sc.Total
		missed += len(sc.Missed)
		line := fmt.Sprintf("%-22s %d of %d right", Truncate(sc.Section, 22), sc.Right, sc.Total)
		if sc.Answered < sc.Total {
			line += fmt.Sprintf(" (%d not answered)", sc.Total-sc.Answered)
		}
		st := s.Value
		if sc.Right == sc.Total {
			st = s.SceneSignal
		}
		b.WriteString(st.Render(Truncate(line, width)) + "\n")
	}
	b.WriteString("\n" + s.Title.Render(fmt.Sprintf("In all: %d of %d.", right, total)) + "\n\n")
	if missed > 0 {
		b.WriteString(s.Muted.Render(wrap(fmt.Sprintf("r: review the %d you missed · esc: back to the lesson", missed), width)))
	} else {
		b.WriteString(s.Muted.Render("esc: back to the lesson"))
	}
	return b.String()
}

// Resume is the screen offering to pick up where the learner left off.
func Resume(s Styles, step, total int, title string, width int) string {
	return s.PaneFocus.Render("Welcome back") + "\n\n" +
		s.Value.Render(wrap(fmt.Sprintf("You were on step %d of %d, %q.", step, total, title), width)) + "\n\n" +
		s.Muted.Render(wrap("enter: pick up there · n: start from the beginning", width))
}
