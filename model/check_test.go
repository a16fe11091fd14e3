package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"jakstat/content"
	"jakstat/views"
)

// answerKeys are the keys that answer question q rightly (or, with wrong,
// wrongly), as a learner presses them.
func answerKeys(q content.Question, right bool) []string {
	shown := q.ShownOrder()
	if q.Kind != content.KindOrder {
		pick := q.Correct
		if !right {
			pick = (q.Correct + 1) % len(q.Choices)
		}
		return []string{fmt.Sprint(slices.Index(shown, pick) + 1)}
	}
	order := make([]int, len(q.Choices))
	for i := range order {
		order[i] = i
	}
	if !right {
		order[0], order[1] = order[1], order[0]
	}
	var keys []string
	for _, item := range order {
		keys = append(keys, fmt.Sprint(slices.Index(shown, item)+1))
	}
	return append(keys, "enter")
}

// TestCheckKeepsItsPlace walks a section's check as a learner would: v
// from an answered question shows its step, and enter or esc there (even
// after looking at other steps) brings back the same question, still
// answered; a question skipped is asked again later under its own number;
// the score screen then offers what is left, skipped and missed, until
// nothing is, when r goes.
func TestCheckKeepsItsPlace(t *testing.T) {
	l := shipped(t)
	const section = "The pathway"
	ids := l.SectionQuestions(section)
	if len(ids) < 3 {
		t.Fatalf("the test wants a section of at least 3 questions; %s has %d", section, len(ids))
	}
	of := len(ids)
	last := lastOfSection(t, section)
	m := press(t, gotoStep(t, quizzed(t, 80, 24), last), "right")
	heading := func(n int) string { return fmt.Sprintf("%s · question %d of %d", section, n, of) }

	// Question 1, right; then question 2.
	m = press(t, m, answerKeys(l.Questions[ids[0]], true)...)
	m = press(t, m, "enter")
	if !onQuestion(m) || !strings.Contains(screen(m), heading(2)) {
		t.Fatalf("enter after question 1 should ask question 2:\n%s", screen(m))
	}
	q2 := l.Questions[ids[1]]
	m = press(t, m, answerKeys(q2, false)...)
	answered := screen(m)

	for _, back := range [][]string{{"enter"}, {"esc"}, {"left", "left", "right", "enter"}, {"j", "esc"}} {
		m = press(t, m, "v")
		if !onStep(m) || m.Step() != l.StepIndex(q2.Step) {
			t.Fatalf("v should show the teaching step %d, shows step %d (screen %d)", l.StepIndex(q2.Step)+1, m.Step()+1, m.screen)
		}
		if s := helpAndStatus(m); !strings.Contains(s, "enter/esc back to the question") ||
			!strings.Contains(s, fmt.Sprintf("enter: back to question 2 of %d", of)) && !strings.Contains(s, fmt.Sprintf("enter: question 2/%d", of)) {
			t.Errorf("the step does not say how to get back to the question:\n%s", s)
		}
		m = press(t, m, back...)
		if !onQuestion(m) || asked(m) != q2.ID || !m.quiz.Position().Answered {
			t.Fatalf("%v on the step should bring back question 2, answered (screen %d, step %d)", back, m.screen, m.Step()+1)
		}
		if screen(m) != answered {
			t.Errorf("after %v the question does not look as it was left:\n%s\nwas:\n%s", back, screen(m), answered)
		}
	}

	// Question 3 is skipped: the lesson goes on past the section.
	m = press(t, m, "enter")
	if !strings.Contains(screen(m), heading(3)) {
		t.Fatalf("question 3 should be headed %q:\n%s", heading(3), screen(m))
	}
	m = press(t, m, "esc")
	if !onStep(m) || m.Step() != last {
		t.Fatalf("skipping should go on to step %d, at %d (screen %d)", last+1, m.Step()+1, m.screen)
	}
	// Asked again, it keeps its number in the section.
	m = press(t, gotoStep(t, m, last), "right")
	if !onQuestion(m) || asked(m) != l.Questions[ids[2]].ID || !strings.Contains(screen(m), heading(3)) {
		t.Fatalf("the skipped question should be asked again as %q:\n%s", heading(3), screen(m))
	}
	m = press(t, m, "esc")

	// The score offers the rest: every question skipped so far, and the
	// one missed.
	m = press(t, m, "G", "right")
	for onQuestion(m) { // the last sections' checks on the way
		m = press(t, m, "esc")
	}
	if !onScore(m) {
		t.Fatalf("the end of the lesson should show the score (screen %d)", m.screen)
	}
	var left []string
	for _, q := range l.Questions {
		if right, ok := m.answers[q.ID]; !ok || !right {
			left = append(left, q.ID)
		}
	}
	if s := strings.Join(strings.Fields(screen(m)), " "); !strings.Contains(s, fmt.Sprintf("r: answer the %d you skipped and review the 1 you missed", len(left)-1)) {
		t.Errorf("the score does not offer what is left:\n%s", screen(m))
	}
	m = press(t, m, "r")
	for i, id := range left {
		if !onQuestion(m) || asked(m) != id {
			t.Fatalf("r should ask %s as question %d of what is left", id, i+1)
		}
		m = press(t, m, answerKeys(l.Questions[l.QuestionIndex(id)], true)...)
		m = press(t, m, "enter")
	}
	if !onScore(m) || m.quiz.KeyMap.Review.Enabled() || strings.Contains(screen(m), "r:") {
		t.Errorf("with everything answered right, r should go:\n%s", screen(m))
	}
}

// TestCheckGivenUpForANewOne: a question left with v is given up when
// the learner goes on to another check; enter on the step then goes on.
func TestCheckGivenUpForANewOne(t *testing.T) {
	l := shipped(t)
	m := ask(t, quizzed(t, 80, 24), 0)
	m = press(t, m, answerKeys(l.Questions[0], true)...)
	m = press(t, m, "v")
	m = send(t, m, tea.WindowSizeMsg{Width: 60, Height: 16}) // a resize keeps the question waiting
	if !m.keys.BackToCheck.Enabled() {
		t.Fatal("a resize dropped the waiting question")
	}
	m = ask(t, m, 1)
	m = press(t, m, "esc")
	step := m.Step()
	if m = press(t, m, "enter"); m.screen != screenLesson || m.Step() != step+1 {
		t.Errorf("with no question waiting, enter on the text should go on (screen %d, step %d)", m.screen, m.Step()+1)
	}
}

// TestOrderQuestionsFitAProjector: every order question of the lesson is
// asked at 60x16, a learner's and a presenter's, with nothing scrolled out
// of sight; and a wrong answer marks where the learner put each item.
func TestOrderQuestionsFitAProjector(t *testing.T) {
	l := shipped(t)
	for i, q := range l.Questions {
		if q.Kind != content.KindOrder {
			continue
		}
		for _, present := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s-present=%v", q.ID, present), func(t *testing.T) {
				m := send(t, New(l, Options{Theme: ThemeDark, Present: present}), tea.WindowSizeMsg{Width: 60, Height: 16})
				m = ask(t, m, i)
				keys := answerKeys(q, false)
				for _, k := range append([]string{""}, keys[:len(keys)-1]...) {
					if k != "" {
						m = press(t, m, k)
					}
					assertFits(t, m)
					if above, below := m.quiz.Scrolled(); above+below > 0 {
						t.Fatalf("after %q the question does not fit (%d lines above, %d below):\n%s", k, above, below, screen(m))
					}
				}
				m = press(t, m, "enter")
				if s := screen(m); !strings.Contains(s, "you put it") {
					t.Errorf("a wrong order does not say where items were put:\n%s", s)
				}
			})
		}
	}
}

// TestStartingOverKeepsAnswers: "start from the beginning" on the resume
// offer keeps the answers given, as the offer says.
func TestStartingOverKeepsAnswers(t *testing.T) {
	l := shipped(t)
	answers := map[string]bool{l.Questions[0].ID: true, l.Questions[1].ID: false}
	m := send(t, New(l, Options{Theme: ThemeDark, Progress: Progress{Step: 5, Resume: true, Answers: answers}}),
		tea.WindowSizeMsg{Width: 80, Height: 24})
	if s := strings.Join(strings.Fields(screen(m)), " "); !strings.Contains(s, "answered 2 of the") || !strings.Contains(s, "your answers are kept") {
		t.Errorf("the offer does not say the answers are kept:\n%s", screen(m))
	}
	m = press(t, m, "n")
	if m.Step() != 0 || len(m.answers) != 2 {
		t.Errorf("starting over: step %d, answers %v", m.Step()+1, m.answers)
	}
}

// TestCountShowsPending: digits typed before a motion show on the status
// line until the motion (or another key) uses them.
func TestCountShowsPending(t *testing.T) {
	for _, tc := range []struct {
		keys    []string
		pending string // "" when none should show
		step    int    // one-based
	}{
		{[]string{"1"}, "1…", 1},
		{[]string{"1", "2"}, "12…  G: go to step 12", 1},
		{[]string{"1", "2", "G"}, "", 12},
		{[]string{"1", "2", "enter"}, "", 12},
		{[]string{"3", "x"}, "", 1},
		{[]string{"3", "j"}, "", 1},
	} {
		t.Run(strings.Join(tc.keys, ""), func(t *testing.T) {
			for _, present := range []bool{false, true} {
				m := send(t, New(shipped(t), Options{Theme: ThemeDark, NoQuiz: true, Present: present}), tea.WindowSizeMsg{Width: 80, Height: 24})
				m = press(t, m, tc.keys...)
				st := statusLine(m)
				if tc.pending == "" && strings.Contains(st, "…") || tc.pending != "" && !strings.Contains(st, tc.pending) {
					t.Errorf("present=%v after %v the status line is %q, want %q", present, tc.keys, st, tc.pending)
				}
				if m.Step()+1 != tc.step {
					t.Errorf("after %v: step %d, want %d", tc.keys, m.Step()+1, tc.step)
				}
			}
		})
	}
}

// TestASCIIQuizMarks: under --ascii the checks' marks have ASCII forms,
// not question marks, and every glyph any screen draws has one.
func TestASCIIQuizMarks(t *testing.T) {
	l := shipped(t)
	m := send(t, New(l, Options{Theme: ThemeDark, ASCII: true}), tea.WindowSizeMsg{Width: 80, Height: 24})
	choice := slices.IndexFunc(l.Questions, func(q content.Question) bool { return q.Kind == content.KindChoice })
	order := slices.IndexFunc(l.Questions, func(q content.Question) bool { return q.Kind == content.KindOrder })
	wrong := ask(t, m, choice)
	wrong = press(t, wrong, answerKeys(l.Questions[choice], false)...)
	orderWrong := press(t, ask(t, m, order), answerKeys(l.Questions[order], false)...)
	right := press(t, ask(t, m, choice), answerKeys(l.Questions[choice], true)...)
	for name, s := range map[string]Model{"wrong": wrong, "order": orderWrong, "right": right} {
		out := s.Render()
		if strings.Contains(out, "?") && !strings.Contains(s.render(), "?") {
			t.Errorf("%s: a glyph became \"?\":\n%s", name, screen(s))
		}
		for _, r := range s.render() {
			if r > 127 && views.ASCIIFrame(string(r)) == "?" {
				t.Errorf("%s: %q has no ASCII form", name, r)
			}
		}
	}
	if s := screen(wrong); !strings.Contains(s, "x Not quite.") || !strings.Contains(s, "+ ") {
		t.Errorf("the marks have no ASCII forms:\n%s", s)
	}
}
