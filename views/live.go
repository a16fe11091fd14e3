package views

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"jakstat/content"
)

// SpreadCount is how many in a room gave one response to a live check: for
// a choice question the index of the choice, for an order question the
// items' indices in the order given (as content.Question.Check takes them).
type SpreadCount struct {
	Response []int `json:"response"`
	Count    int   `json:"count"`
}

// LiveState is what a live check's screen shows: the teacher asks a
// question of the whole room, everyone answers on their own screen, and
// the spread of answers is hidden until the teacher reveals it.
type LiveState struct {
	Presenter  bool // the teacher's screen: it asks, it does not answer
	Number, Of int  // which of the check's questions this is (the teacher's heading)
	Vote       int  // 1, or 2 during a second vote
	Answered   int  // answers in this vote so far (the teacher's screen)
	Students   int  // how many could answer (the teacher's screen)
	Revealed   bool
	Revote     bool            // the teacher may ask everyone to vote again (R)
	Spreads    [][]SpreadCount // each vote's spread; drawn only once revealed
	Cursor     int             // a student's highlighted choice
	Picked     []int           // a student's order so far, as listed positions
	Mine       []int           // a student's response in this vote; nil until sent
	First      []int           // a student's response in the first vote, during a second
}

// maxOrders is how many different orders a spread lists; the rest are
// counted together.
const maxOrders = 4

// LiveCheck draws a live check for the teacher or a student at width.
func LiveCheck(s Styles, q content.Question, st LiveState, width int) string {
	var b strings.Builder
	head := "The teacher asks"
	if st.Presenter {
		head = fmt.Sprintf("Live check · %s · question %d of %d", q.Section, st.Number, st.Of)
	}
	if st.Vote > 1 {
		head += " · second vote"
	}
	b.WriteString(s.PaneFocus.Render(Truncate(head, width)) + "\n\n")
	b.WriteString(s.Title.Render(wrap(q.Prompt, width)) + "\n\n")
	order := q.Kind == content.KindOrder
	answering := !st.Presenter && st.Mine == nil && !st.Revealed
	if order && answering {
		b.WriteString(s.Muted.Render(wrap("Press the numbers of the items in the order they happen, first to last (backspace undoes), then enter to send.", width)) + "\n\n")
	}
	parts := []string{liveChoices(s, q, st, answering, width), liveProgress(s, q, st, answering, width)}
	if st.Revealed {
		parts = append(parts, liveReveal(s, q, st, width))
	}
	b.WriteString(strings.Join(slices.DeleteFunc(parts, func(p string) bool { return p == "" }), "\n\n"))
	return strings.TrimRight(b.String(), "\n")
}

// liveChoices lists the choices (or an order question's items) with the
// student's marks, and the right one once revealed.
func liveChoices(s Styles, q content.Question, st LiveState, answering bool, width int) string {
	order := q.Kind == content.KindOrder
	var lines []string
	for i, item := range q.ShownOrder() {
		mark, style := "  ", s.Value
		switch {
		case order:
		case answering && i == st.Cursor:
			mark, style = s.CardCursor.Render("▸ "), s.Title
		case st.Revealed && item == q.Correct:
			mark, style = s.SceneSignal.Render("✓ "), s.SceneSignal
		case st.Revealed && len(st.Mine) == 1 && st.Mine[0] == item:
			mark, style = s.Warning.Render("✗ "), s.Warning // the student's, and wrong
		case len(st.Mine) == 1 && st.Mine[0] == item:
			mark = s.CardCursor.Render("▸ ")
		}
		label := fmt.Sprintf("%d) ", i+1)
		if order && answering {
			if pos := slices.Index(st.Picked, i); pos >= 0 {
				label = fmt.Sprintf("%d) [%d] ", i+1, pos+1)
			}
		}
		lines = append(lines, hangStyled(mark+label, q.Choices[item], width, style))
	}
	return strings.Join(lines, "\n")
}

// liveProgress is the line under the choices: what to do, what was sent,
// and how many have answered.
func liveProgress(s Styles, q content.Question, st LiveState, answering bool, width int) string {
	count := fmt.Sprintf("Answered %d of %d", st.Answered, st.Students)
	if st.Vote > 1 {
		count = "Second vote: answered " + strconv.Itoa(st.Answered) + " of " + strconv.Itoa(st.Students)
	}
	var lines []string
	switch {
	case st.Presenter && !st.Revealed:
		hint := "a: reveal the answers · enter: go on"
		if st.Revote {
			hint = "a: reveal the answers · R: vote again (after a discussion) · enter: go on"
		}
		lines = append(lines, s.PaneFocus.Render(count), s.Muted.Render(wrap("The answers stay hidden until you reveal them. "+hint, width)))
	case st.Presenter:
		lines = append(lines, s.Muted.Render(count), s.Muted.Render(wrap("enter: go on · esc: end the check", width)))
	case answering && q.Kind == content.KindOrder:
		lines = append(lines, s.Muted.Render(fmt.Sprintf("%d of %d placed", len(st.Picked), len(q.Choices))))
		if len(st.Picked) == len(q.Choices) {
			lines[0] += s.Muted.Render(" · enter to send")
		}
	case answering:
		lines = append(lines, s.Muted.Render(wrap("Press the number of your answer: it goes to the teacher at once.", width)))
	case !st.Revealed:
		lines = append(lines, s.PaneFocus.Render("Your answer is in: "+responseLabel(q, st.Mine)+"."),
			s.Muted.Render(wrap("The teacher will show everyone's answers.", width)))
	}
	if !st.Presenter && st.First != nil && st.Vote > 1 {
		lines = append(lines, s.Muted.Render("Your first vote: "+responseLabel(q, st.First)))
	}
	return strings.Join(lines, "\n")
}

// liveReveal is the spread of every vote, the right answer and why.
func liveReveal(s Styles, q content.Question, st LiveState, width int) string {
	var b strings.Builder
	if !st.Presenter && st.Mine != nil {
		if q.Check(st.Mine) {
			b.WriteString(s.SceneSignal.Render("✓ You answered "+responseLabel(q, st.Mine)+": right.") + "\n\n")
		} else {
			b.WriteString(s.Warning.Render("✗ You answered "+responseLabel(q, st.Mine)+": not quite.") + "\n\n")
		}
	}
	for i, sp := range st.Spreads {
		title := "The room's answers"
		if len(st.Spreads) > 1 {
			title = []string{"First vote", "Second vote"}[min(i, 1)]
		}
		b.WriteString(s.Label.Render(fmt.Sprintf("%s (%d answered)", title, total(sp))) + "\n")
		b.WriteString(Spread(s, q, sp, width) + "\n\n")
	}
	if q.Kind == content.KindOrder {
		b.WriteString(s.Muted.Render("The order:"))
		for i, c := range q.Choices {
			b.WriteString("\n" + hangStyled(fmt.Sprintf("%d. ", i+1), c, width, s.Value))
		}
		b.WriteString("\n\n")
	}
	b.WriteString(s.Value.Render(wrap(strings.TrimSpace(q.Explain+" "+refList(q.Sources.IDs)), width)))
	return b.String()
}

// Spread draws a spread as bars: one per choice, or for an order question
// one per order given (the most given first, the rest counted together);
// the right answer is marked.
func Spread(s Styles, q content.Question, sp []SpreadCount, width int) string {
	type bar struct {
		label string
		count int
		right bool
	}
	var bars []bar
	if q.Kind == content.KindOrder {
		sorted := slices.Clone(sp)
		slices.SortStableFunc(sorted, func(a, b SpreadCount) int { return b.Count - a.Count })
		rest := 0
		for i, c := range sorted {
			if i >= maxOrders {
				rest += c.Count
				continue
			}
			bars = append(bars, bar{responseLabel(q, c.Response), c.Count, q.Check(c.Response)})
		}
		if rest > 0 {
			bars = append(bars, bar{"other orders", rest, false})
		}
		if len(bars) == 0 {
			bars = append(bars, bar{"no answers", 0, false})
		}
	} else {
		for i := range q.Choices {
			n := 0
			for _, c := range sp {
				if len(c.Response) == 1 && c.Response[0] == i {
					n += c.Count
				}
			}
			bars = append(bars, bar{strconv.Itoa(i + 1), n, i == q.Correct})
		}
	}
	labelW, most := 0, 1
	for _, b := range bars {
		labelW, most = max(labelW, lipgloss.Width(b.label)), max(most, b.count)
	}
	all := max(total(sp), 1)
	room := max(width-labelW-2-2-12, 4) // label, mark, gap, "  123  100%"
	var lines []string
	for _, b := range bars {
		mark := "  "
		if b.right {
			mark = s.SceneSignal.Render("✓ ")
		}
		n := b.count * room / most
		line := mark + s.Value.Render(b.label+strings.Repeat(" ", labelW-lipgloss.Width(b.label))) + " " +
			s.BarFull.Render(strings.Repeat("■", n)) + s.BarEmpty.Render(strings.Repeat("·", room-n)) +
			s.Value.Render(fmt.Sprintf(" %3d %4d%%", b.count, b.count*100/all))
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// responseLabel names a response as the listed numbers: "2" for a choice,
// "3 1 2" for an order.
func responseLabel(q content.Question, response []int) string {
	shown := q.ShownOrder()
	var parts []string
	for _, item := range response {
		parts = append(parts, strconv.Itoa(slices.Index(shown, item)+1))
	}
	return strings.Join(parts, " ")
}

func total(sp []SpreadCount) int {
	n := 0
	for _, c := range sp {
		n += c.Count
	}
	return n
}

// ConsoleCheck is what the teacher's console shows of a check: the
// question, its answer, and the spread as it comes in (the console is the
// teacher's own screen, so nothing is hidden there).
type ConsoleCheck struct {
	Vote     int
	Answered int
	Students int
	Room     bool // a classroom's check: counts and spreads
	Revealed bool
	Spreads  [][]SpreadCount
}

// CheckSummary draws the teacher's console's view of a check.
func CheckSummary(s Styles, q content.Question, c ConsoleCheck, width int) string {
	head := "Check"
	if c.Vote > 1 {
		head += " · second vote"
	}
	if c.Room {
		head += fmt.Sprintf(" · answered %d of %d", c.Answered, c.Students)
	}
	if c.Revealed {
		head += " · revealed"
	}
	lines := []string{s.PaneFocus.Render(Truncate(head, width)), s.Value.Render(wrap(q.Prompt, width))}
	answer := ""
	if q.Kind == content.KindOrder {
		var right []int
		for i := range q.Choices {
			right = append(right, i)
		}
		answer = responseLabel(q, right) + " (first to last)"
	} else {
		answer = responseLabel(q, []int{q.Correct}) + ") " + q.Choices[q.Correct]
	}
	lines = append(lines, s.Label.Render("Answer: ")+s.SceneSignal.Render(Truncate(answer, max(width-8, 1))))
	if c.Room {
		for i, sp := range c.Spreads {
			if len(c.Spreads) > 1 {
				lines = append(lines, s.Muted.Render([]string{"First vote", "Second vote"}[min(i, 1)]))
			}
			lines = append(lines, Spread(s, q, sp, width))
		}
	}
	return strings.Join(lines, "\n")
}

// RoomDetail is the teacher's console's line about the room: how many are
// there, following and exploring, and where the explorers are.
func RoomDetail(s Styles, students, following int, exploring []int, width int) string {
	text := RoomSummary(students, following, len(exploring))
	if len(exploring) > 0 {
		var where []string
		for i := 0; i < len(exploring); {
			j := i
			for j < len(exploring) && exploring[j] == exploring[i] {
				j++
			}
			w := fmt.Sprintf("step %d", exploring[i]+1)
			if j-i > 1 {
				w += fmt.Sprintf(" (%d)", j-i)
			}
			where = append(where, w)
			i = j
		}
		text += ": " + strings.Join(where, ", ")
	}
	return s.Muted.Render(wrap(text, width))
}
