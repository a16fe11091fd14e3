package linear

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"jakstat/content"
)

// Where a run of questions goes when it ends, besides a step.
const (
	thenScore = -1 // the score, after the last step
	thenStay  = -2 // back to the step the learner was on, without reading it again
)

// quizRun is a run of questions under way.
type quizRun struct {
	qs     []int // indices into Lesson.Questions
	cur    int
	then   int // the step to open afterwards, or thenScore
	review bool
}

func (s *Session) quizzing() bool { return !s.opts.NoQuiz && len(s.l.Questions) > 0 }

// dueQuestions lists the questions to ask before going on from the current
// step: the unanswered ones of its section, when it ends the section.
func (s *Session) dueQuestions() []int {
	if !s.quizzing() {
		return nil
	}
	sec := s.l.Steps[s.step].Section
	if s.step+1 < len(s.l.Steps) && s.l.Steps[s.step+1].Section == sec {
		return nil
	}
	var due []int
	for _, i := range s.l.SectionQuestions(sec) {
		if _, ok := s.answers[s.l.Questions[i].ID]; !ok {
			due = append(due, i)
		}
	}
	return due
}

func (s *Session) startQuiz(qs []int, then int, review bool) {
	s.mode, s.list = modeQuiz, listing{}
	s.quiz = quizRun{qs: qs, then: then, review: review}
	s.ask()
}

func (s *Session) question() content.Question { return s.l.Questions[s.quiz.qs[s.quiz.cur]] }

// ask reads the current question and its numbered choices.
func (s *Session) ask() {
	q := s.question()
	head := "Check your understanding"
	if s.quiz.review {
		head = "Trying again"
	}
	s.say(fmt.Sprintf("%s: %s, question %d of %d.", head, q.Section, s.quiz.cur+1, len(s.quiz.qs)))
	s.say(sentence(q.Prompt))
	if q.Kind == content.KindOrder {
		s.say("The items, in a mixed order:")
	}
	for i, item := range q.ShownOrder() {
		s.say(fmt.Sprintf("%d. %s", i+1, q.Choices[item]))
	}
}

func (s *Session) quizPrompt() string {
	q := s.question()
	if q.Kind == content.KindOrder {
		return fmt.Sprintf("Your order (the numbers 1 to %d, first to last, like %s; s skips the checks): ", len(q.Choices), exampleOrder(len(q.Choices)))
	}
	return fmt.Sprintf("Your answer (%s; s skips the checks): ", oneOf(len(q.Choices)))
}

// oneOf is "1 or 2", "1 to 4".
func oneOf(n int) string {
	if n == 2 {
		return "1 or 2"
	}
	return fmt.Sprintf("1 to %d", n)
}

// exampleOrder is an order to show as an example of the form: the items
// as listed, which is never the right order (ShownOrder never lists them
// in it), so the example gives nothing away.
func exampleOrder(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = strconv.Itoa(i + 1)
	}
	return strings.Join(parts, " ")
}

// answer takes a line typed while a question is open.
func (s *Session) answer(line string) {
	q := s.question()
	switch strings.ToLower(line) {
	case "s", "skip":
		if s.quiz.review {
			s.say("Stopping here; v starts again.")
		} else {
			s.say("Skipping these checks; they come again the next time you finish the section.")
		}
		s.endQuiz()
		return
	case "q", "quit", "exit":
		s.goodbye()
		return
	case "r", "repeat":
		s.ask()
		return
	case "h", "help", "?":
		s.say("Type the number of your answer and press Enter; for an order question, the numbers of the items from first to last, like 3 1 2. s skips the checks, r reads the question again, q leaves.")
		return
	}
	picked, ok := parseAnswer(q, line)
	if !ok {
		s.say(answerHelp(q))
		return
	}
	response := q.Response(picked)
	right := q.Check(response)
	s.answers[q.ID] = right
	s.save()
	s.say(s.feedback(q, right))
	if s.quiz.cur+1 < len(s.quiz.qs) {
		s.quiz.cur++
		s.blank()
		s.ask()
		return
	}
	s.endQuiz()
}

// parseAnswer reads the listed positions (zero-based) a line picks: one
// number for a choice, every number once for an order question ("3 1 2",
// "3,1,2", or "312" when every item has one digit). "true" and "false"
// answer a true-or-false question too.
func parseAnswer(q content.Question, line string) ([]int, bool) {
	n := len(q.Choices)
	if q.Kind == content.KindTrueFalse {
		switch strings.ToLower(line) {
		case "true", "t":
			line = "1"
		case "false", "f":
			line = "2"
		}
	}
	nums, ok := ParseNumbers(line, n)
	if !ok {
		return nil, false
	}
	if q.Kind != content.KindOrder {
		if len(nums) != 1 {
			return nil, false
		}
		return []int{nums[0] - 1}, true
	}
	if len(nums) != n {
		return nil, false
	}
	picked := make([]int, n)
	for i, v := range nums {
		if slices.Contains(nums[:i], v) {
			return nil, false
		}
		picked[i] = v - 1
	}
	return picked, true
}

// ParseNumbers reads whole numbers from 1 to most, separated by spaces or
// commas; a run of digits with no separator is one number a digit when
// most is under 10 (so "312" is 3, 1, 2). It says false for anything else.
func ParseNumbers(line string, most int) ([]int, bool) {
	fields := strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == ',' })
	if len(fields) == 1 && most < 10 && len(fields[0]) > 1 && isDigits(fields[0]) {
		fields = strings.Split(fields[0], "")
	}
	if len(fields) == 0 || len(fields) > 100 {
		return nil, false
	}
	out := make([]int, 0, len(fields))
	for _, f := range fields {
		v, err := strconv.Atoi(f)
		if err != nil || !isDigits(f) || v < 1 || v > most {
			return nil, false
		}
		out = append(out, v)
	}
	return out, true
}

func answerHelp(q content.Question) string {
	if q.Kind == content.KindOrder {
		return fmt.Sprintf("Type each of the numbers 1 to %d once, in the order the items come, first to last, like %s. s skips the checks.", len(q.Choices), exampleOrder(len(q.Choices)))
	}
	return fmt.Sprintf("Type one number, %s. s skips the checks.", oneOf(len(q.Choices)))
}

// feedback is the one line that answers an answer: "Correct." or "Not
// quite: ...", the explanation, and where the lesson teaches it.
func (s *Session) feedback(q content.Question, right bool) string {
	var b strings.Builder
	shown := q.ShownOrder()
	switch {
	case right:
		b.WriteString("Correct. ")
	case q.Kind == content.KindOrder:
		pos := make([]string, len(q.Choices))
		for i := range q.Choices {
			pos[i] = strconv.Itoa(slices.Index(shown, i) + 1)
		}
		fmt.Fprintf(&b, "Not quite: the order is %s, that is: %s. ", strings.Join(pos, " "), strings.Join(q.Choices, "; then "))
	default:
		fmt.Fprintf(&b, "Not quite: the answer is %d, %s ", slices.Index(shown, q.Correct)+1, sentence(q.Choices[q.Correct]))
	}
	b.WriteString(sentence(q.Explain))
	if at := s.l.StepIndex(q.Step); at >= 0 {
		fmt.Fprintf(&b, " Taught in step %d, %q.", at+1, s.l.Steps[at].Title)
	}
	if ids := q.Sources.IDs; len(ids) > 0 {
		fmt.Fprintf(&b, " Sources: %s.", strings.Join(ids, ", "))
	}
	return b.String()
}

// endQuiz goes where the run of questions was heading.
func (s *Session) endQuiz() {
	s.mode = modeStep
	then := s.quiz.then
	s.quiz = quizRun{}
	s.blank()
	switch then {
	case thenScore:
		s.score()
		s.say("That was the last step: type q to leave, or j 1 to start again.")
	case thenStay:
		s.say(fmt.Sprintf("Back at step %d, %q: r reads it again.", s.step+1, s.l.Steps[s.step].Title))
	default:
		s.goStep(then)
	}
}

// score tells how the learner did, section by section.
func (s *Session) score() {
	if !s.quizzing() {
		s.say("This lesson asks no questions.")
		return
	}
	s.say("Your checks of understanding:")
	right, total, missed := 0, 0, 0
	for _, sc := range s.l.Score(s.answers) {
		line := fmt.Sprintf("%s: %d of %d right", sc.Section, sc.Right, sc.Total)
		if n := sc.Total - sc.Answered; n > 0 {
			line += fmt.Sprintf(", %d not answered yet", n)
		}
		s.say(line + ".")
		right, total, missed = right+sc.Right, total+sc.Total, missed+len(sc.Missed)
	}
	s.say(fmt.Sprintf("In all: %d of %d right.", right, total))
	if missed > 0 {
		s.say(fmt.Sprintf("Type v to try again the %d you got wrong.", missed))
	}
}

// review asks again the questions answered wrongly.
func (s *Session) review() {
	var missed []int
	for i, q := range s.l.Questions {
		if right, ok := s.answers[q.ID]; ok && !right {
			missed = append(missed, i)
		}
	}
	if len(missed) == 0 || !s.quizzing() {
		s.say("There are no wrong answers to try again.")
		return
	}
	s.startQuiz(missed, thenStay, true)
}
