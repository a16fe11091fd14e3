package content

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
)

// Question is a check of understanding at the end of a section.
type Question struct {
	ID       string   `yaml:"id"`
	Section  string   `yaml:"section"`
	Kind     string   `yaml:"kind"` // choice, truefalse or order
	Prompt   string   `yaml:"prompt"`
	Choices  []string `yaml:"choices"` // for order: the items in the right order
	Answer   any      `yaml:"answer"`  // choice: an index; truefalse: a bool; order: none
	Explain  string   `yaml:"explain"`
	Step     string   `yaml:"step"` // the step that teaches it
	Sources  Refs     `yaml:"sources"`
	Corrects []int    `yaml:"corrects"`
	Line     int      `yaml:"-"`

	// Correct is the index of the right choice (true/false questions get
	// the choices "True" and "False"); set by Validate.
	Correct int `yaml:"-"`
}

// Term is a glossary entry.
type Term struct {
	Term    string   `yaml:"term"`
	Aliases []string `yaml:"aliases"`
	Meaning string   `yaml:"meaning"`
	Sources Refs     `yaml:"sources"`
	Line    int      `yaml:"-"`
}

// Question kinds.
const (
	KindChoice    = "choice"
	KindTrueFalse = "truefalse"
	KindOrder     = "order"
)

// Check says whether a response answers q: for a choice or true/false
// question the index picked, for an order question the items' indices in
// the order the learner put them.
func (q Question) Check(response []int) bool {
	if q.Kind == KindOrder {
		if len(response) != len(q.Choices) {
			return false
		}
		for i, r := range response {
			if r != i {
				return false
			}
		}
		return true
	}
	return len(response) == 1 && response[0] == q.Correct
}

// ShownOrder is the order in which an order question's items are listed:
// a shuffle fixed by the question's id (the same every time, so goldens,
// classrooms and every other screen agree), never the answer itself. For
// other kinds it is the choices in order.
func (q Question) ShownOrder() []int {
	if q.Kind != KindOrder {
		out := make([]int, len(q.Choices))
		for i := range out {
			out[i] = i
		}
		return out
	}
	h := fnv.New64a()
	h.Write([]byte(q.ID))
	perm := rand.New(rand.NewPCG(h.Sum64(), 7)).Perm(len(q.Choices))
	inOrder := true
	for i, p := range perm {
		inOrder = inOrder && p == i
	}
	if inOrder && len(perm) > 1 {
		perm = append(perm[1:], perm[0])
	}
	return perm
}

// Response turns the listed positions a reader picked (the one chosen for
// a choice question; for an order question, first to last) into the
// response Check takes.
func (q Question) Response(picked []int) []int {
	shown := q.ShownOrder()
	out := make([]int, 0, len(picked))
	for _, p := range picked {
		if p >= 0 && p < len(shown) {
			out = append(out, shown[p])
		}
	}
	return out
}

// QuestionIndex returns the position of the question with the given id, or -1.
func (l *Lesson) QuestionIndex(id string) int {
	return slices.IndexFunc(l.Questions, func(q Question) bool { return q.ID == id })
}

// SectionScore is how a learner did on one section's questions.
type SectionScore struct {
	Section  string
	Right    int
	Answered int
	Total    int
	Missed   []string // ids of questions answered wrongly
}

// Score totals answers (question id -> answered right) per section, in
// the lesson's section order.
func (l *Lesson) Score(answers map[string]bool) []SectionScore {
	var out []SectionScore
	for _, sec := range l.Sections() {
		s := SectionScore{Section: sec}
		for _, q := range l.Questions {
			if q.Section != sec {
				continue
			}
			s.Total++
			right, ok := answers[q.ID]
			if !ok {
				continue
			}
			s.Answered++
			if right {
				s.Right++
			} else {
				s.Missed = append(s.Missed, q.ID)
			}
		}
		if s.Total > 0 {
			out = append(out, s)
		}
	}
	return out
}

// Sections lists the section names in the order the steps first use them.
func (l *Lesson) Sections() []string {
	var out []string
	for _, st := range l.Steps {
		if !slices.Contains(out, st.Section) {
			out = append(out, st.Section)
		}
	}
	return out
}

// SectionQuestions returns the indices of a section's questions.
func (l *Lesson) SectionQuestions(section string) []int {
	var out []int
	for i, q := range l.Questions {
		if q.Section == section {
			out = append(out, i)
		}
	}
	return out
}

// StepIndex returns the position of the step with the given id, or -1.
func (l *Lesson) StepIndex(id string) int {
	return slices.IndexFunc(l.Steps, func(st Step) bool { return st.ID == id })
}

func (l *Lesson) validateQuestions(p *Errors) {
	seen := map[string]bool{}
	sections := l.Sections()
	for i := range l.Questions {
		q := &l.Questions[i]
		f, ln := questionsFile, q.Line
		switch {
		case q.ID == "" || !idPattern.MatchString(q.ID):
			p.add(f, ln, "question id %q: use lowercase letters, digits and dashes", q.ID)
		case seen[q.ID]:
			p.add(f, ln, "duplicate question id %q", q.ID)
		}
		seen[q.ID] = true
		if !slices.Contains(sections, q.Section) && l.loaded("steps") {
			p.add(f, ln, "question %s: section %q is not a section of the lesson", q.ID, q.Section)
		}
		if q.Prompt == "" || q.Explain == "" {
			p.add(f, ln, "question %s: prompt and explain are both required", q.ID)
		}
		if l.StepIndex(q.Step) < 0 && l.loaded("steps") {
			p.add(f, ln, "question %s: step %q does not exist", q.ID, q.Step)
		}
		for _, c := range q.Corrects {
			if c < 1 || c > 12 {
				p.add(f, ln, "question %s: corrects %d is not a seed correction (1-12)", q.ID, c)
			}
		}
		l.refs(p, f, ln, q.Sources, "question "+q.ID, true)
		if l.onlyNews(q.Sources) {
			p.add(f, ln, "question %s cites only news: a learner is tested on it, so cite a label, regulator, guideline or paper", q.ID)
		}
		if msg := q.normalise(); msg != "" {
			p.add(f, ln, "question %s: %s", q.ID, msg)
		}
	}
	seenTerm := map[string]bool{}
	for _, t := range l.Glossary {
		if t.Term == "" || t.Meaning == "" {
			p.add(glossaryFile, t.Line, "glossary entry %q: term and meaning are both required", t.Term)
		}
		if seenTerm[t.Term] {
			p.add(glossaryFile, t.Line, "duplicate glossary term %q", t.Term)
		}
		seenTerm[t.Term] = true
		l.refs(p, glossaryFile, t.Line, t.Sources, "glossary term "+t.Term, true)
	}
}

// normalise checks a question's choices and answer for its kind and sets
// Correct; it returns what is wrong, or "".
func (q *Question) normalise() string {
	switch q.Kind {
	case KindChoice:
		n, ok := q.Answer.(int)
		if len(q.Choices) < 2 {
			return "a choice question needs at least two choices"
		}
		if !ok || n < 0 || n >= len(q.Choices) {
			return fmt.Sprintf("answer must be the index (0-%d) of the right choice", len(q.Choices)-1)
		}
		q.Correct = n
	case KindTrueFalse:
		b, ok := q.Answer.(bool)
		if !ok {
			return "answer must be true or false"
		}
		if len(q.Choices) > 0 && !slices.Equal(q.Choices, []string{"True", "False"}) {
			return "a true/false question has no choices"
		}
		q.Choices = []string{"True", "False"}
		q.Correct = 1
		if b {
			q.Correct = 0
		}
	case KindOrder:
		if len(q.Choices) < 3 {
			return "an order question needs at least three items, listed in the right order"
		}
		if q.Answer != nil {
			return "an order question has no answer: its choices are listed in the right order"
		}
	default:
		return fmt.Sprintf("unknown kind %q (known: choice, truefalse, order)", q.Kind)
	}
	return ""
}

// Fingerprint identifies this edition of the lesson (its title, checked-on
// date, steps and questions), so saved progress from another edition is
// recognised and not misapplied.
func (l *Lesson) Fingerprint() string {
	h := fnv.New64a()
	fmt.Fprintln(h, l.Meta.Title, l.Meta.Checked)
	for _, st := range l.Steps {
		fmt.Fprintln(h, st.ID)
	}
	for _, q := range l.Questions {
		fmt.Fprintln(h, q.ID)
	}
	return fmt.Sprintf("%016x", h.Sum64())
}
