package views

import (
	"fmt"
	"slices"
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
	// Height is the room the screen has; when the question does not fit
	// with blank lines between its parts, they go (0: no limit).
	Height int
}

// Quiz renders a question, and after it is answered, the feedback. An
// order question's answer marks each item right or wrong, and where the
// learner put the ones that are wrong.
func Quiz(s Styles, q content.Question, st QuizState, width int) string {
	head := "Check your understanding"
	if st.Review {
		head = "Review"
	}
	parts := [][]string{
		{s.PaneFocus.Render(Truncate(fmt.Sprintf("%s · %s · question %d of %d", head, st.Section, st.Number, st.Of), width))},
		{s.Title.Render(wrap(q.Prompt, width))},
	}
	order := q.Kind == content.KindOrder
	switch {
	case order && st.Answered:
		parts = append(parts, orderFeedback(s, q, st, width))
	case order:
		parts = append(parts, []string{orderItems(s, q, st, width)}, []string{orderProgress(s, q, st, width)})
	default:
		parts = append(parts, []string{choiceItems(s, q, st, width)})
		if st.Answered {
			parts = append(parts, []string{verdict(s, st.Right)})
		}
	}
	if st.Answered {
		parts = append(parts,
			[]string{s.Value.Render(wrap(strings.TrimSpace(q.Explain+" "+refList(q.Sources.IDs)), width))},
			[]string{s.Muted.Render(wrap(fmt.Sprintf("Taught in step %d, %q: press v to go there, or enter to go on.", st.StepNumber, st.StepTitle), width))})
	}
	return joinParts(parts, st.Height)
}

// joinParts puts a blank line between parts where the height allows it,
// and none where it does not, so a question fits a projector's 60x16.
func joinParts(parts [][]string, height int) string {
	var blocks []string
	for _, p := range parts {
		blocks = append(blocks, strings.Join(p, "\n"))
	}
	spaced := strings.Join(blocks, "\n\n")
	if height <= 0 || strings.Count(spaced, "\n")+1 <= height {
		return spaced
	}
	return strings.Join(blocks, "\n")
}

func verdict(s Styles, right bool) string {
	if right {
		return s.SceneSignal.Render("✓ Right.")
	}
	return s.Warning.Render("✗ Not quite.")
}

// choiceItems lists a choice question's choices: the highlight while it is
// open, then the right one and a wrong pick marked.
func choiceItems(s Styles, q content.Question, st QuizState, width int) string {
	var lines []string
	for i, item := range q.ShownOrder() {
		mark, style := "  ", s.Value
		switch {
		case !st.Answered && i == st.Cursor:
			mark, style = s.CardCursor.Render("▸ "), s.Title
		case st.Answered && item == q.Correct:
			mark, style = s.SceneSignal.Render("✓ "), s.SceneSignal
		case st.Answered && i == st.Cursor:
			mark, style = s.Warning.Render("✗ "), s.Warning
		}
		lines = append(lines, hangStyled(mark+fmt.Sprintf("%d) ", i+1), q.Choices[item], width, style))
	}
	return strings.Join(lines, "\n")
}

// orderItems lists an order question's items as shown, each placed one
// marked with its place in the learner's order ("[2]"), in a column of
// its own so nothing moves as items are placed.
func orderItems(s Styles, q content.Question, st QuizState, width int) string {
	var lines []string
	for i, item := range q.ShownOrder() {
		mark, style := "    ", s.Value
		if pos := slices.Index(st.Picked, i); pos >= 0 {
			mark, style = s.CardCursor.Render(fmt.Sprintf("[%d]", pos+1))+" ", s.Title
		}
		lines = append(lines, hangStyled(mark+fmt.Sprintf("%d) ", i+1), q.Choices[item], width, style))
	}
	return strings.Join(lines, "\n")
}

// orderProgress is the line under an open order question: what to do, and
// how far the learner has got.
func orderProgress(s Styles, q content.Question, st QuizState, width int) string {
	n := len(q.Choices)
	switch {
	case len(st.Picked) == 0:
		return s.Muted.Render(wrap("Press their numbers in order, first to last.", width))
	case len(st.Picked) < n:
		return s.Muted.Render(wrap(fmt.Sprintf("%d of %d placed · backspace undoes", len(st.Picked), n), width))
	}
	return s.Muted.Render(wrap(fmt.Sprintf("All %d placed · enter to check · backspace undoes", n), width))
}

// orderFeedback is an answered order question: the verdict, then the
// right order with each item marked, and where the learner put the ones
// in the wrong place.
func orderFeedback(s Styles, q content.Question, st QuizState, width int) []string {
	response := q.Response(st.Picked)
	rightPlaces := 0
	for i, item := range response {
		if item == i {
			rightPlaces++
		}
	}
	head := verdict(s, st.Right)
	if !st.Right {
		head += s.Warning.Render(fmt.Sprintf(" %d of %d in the right place.", rightPlaces, len(q.Choices)))
	}
	out := []string{head, s.Muted.Render("The order, first to last:")}
	for i, c := range q.Choices {
		pos := slices.Index(response, i)
		mark, style, note := s.SceneSignal.Render("✓ "), s.SceneSignal, ""
		if pos != i {
			mark, style = s.Warning.Render("✗ "), s.Warning
			note = " (not placed)"
			if pos >= 0 {
				note = fmt.Sprintf(" (you put it %s)", ordinal(pos+1))
			}
		}
		out = append(out, hangStyled(mark+fmt.Sprintf("%d. ", i+1), c+note, width, style))
	}
	return out
}

// ordinal spells a small place as 1st, 2nd, 3rd, 4th.
func ordinal(n int) string {
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return fmt.Sprintf("%dth", n)
	case n%10 == 1:
		return fmt.Sprintf("%dst", n)
	case n%10 == 2:
		return fmt.Sprintf("%dnd", n)
	case n%10 == 3:
		return fmt.Sprintf("%drd", n)
	}
	return fmt.Sprintf("%dth", n)
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

// Score renders the score screen. What is left to do (questions skipped,
// questions missed) is offered under r; when nothing is left, r is not.
func Score(s Styles, scores []content.SectionScore, width int) string {
	var b strings.Builder
	b.WriteString(s.PaneFocus.Render("Your checks of understanding"))
	b.WriteString("\n\n")
	right, total, missed, skipped := 0, 0, 0, 0
	results := make([]string, len(scores))
	nameW, resultW := 0, 0
	for i, sc := range scores {
		results[i] = fmt.Sprintf("%d of %d right", sc.Right, sc.Total)
		if sc.Answered < sc.Total {
			results[i] += fmt.Sprintf(" (%d not answered)", sc.Total-sc.Answered)
		}
		nameW, resultW = max(nameW, lipgloss.Width(sc.Section)), max(resultW, lipgloss.Width(results[i]))
	}
	// The names' column is as wide as the longest name, unless that leaves
	// the results no room: then names are cut (to no fewer than 12
	// columns), and in the narrowest windows the results' ends too.
	nameW = min(nameW, max(width-1-resultW, 12))
	for i, sc := range scores {
		right += sc.Right
		total += sc.Total
		missed += len(sc.Missed)
		skipped += sc.Total - sc.Answered
		name := Truncate(sc.Section, nameW)
		line := name + strings.Repeat(" ", nameW-lipgloss.Width(name)+1) + Truncate(results[i], width-nameW-1)
		st := s.Value
		if sc.Right == sc.Total {
			st = s.SceneSignal
		}
		b.WriteString(st.Render(line) + "\n")
	}
	b.WriteString("\n" + s.Title.Render(fmt.Sprintf("In all: %d of %d.", right, total)) + "\n\n")
	var todo string
	switch {
	case skipped > 0 && missed > 0:
		todo = fmt.Sprintf("r: answer the %d you skipped and review the %d you missed · ", skipped, missed)
	case skipped > 0:
		todo = fmt.Sprintf("r: answer the %d you skipped · ", skipped)
	case missed > 0:
		todo = fmt.Sprintf("r: review the %d you missed · ", missed)
	}
	b.WriteString(s.Muted.Render(wrap(todo+"esc: back to the lesson", width)))
	return b.String()
}

// Resume is the screen offering to pick up where the learner left off.
// Starting from the beginning keeps the answers already given, and the
// screen says so.
func Resume(s Styles, step, total int, title string, answered, questions, width int) string {
	where := fmt.Sprintf("You were on step %d of %d, %q.", step, total, title)
	start := "n: start from the beginning"
	if answered > 0 {
		where += fmt.Sprintf(" You have answered %d of the %d checks.", answered, questions)
		start += " (your answers are kept; --reset forgets them)"
	}
	return s.PaneFocus.Render("Welcome back") + "\n\n" +
		s.Value.Render(wrap(where, width)) + "\n\n" +
		s.Muted.Render(wrap("enter: pick up there · "+start, width))
}
