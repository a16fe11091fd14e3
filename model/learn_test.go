package model

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"jakstat/content"
)

// lastOfSection returns the one-based number of the last step of section.
func lastOfSection(t *testing.T, section string) int {
	last := 0
	for i, st := range shipped(t).Steps {
		if st.Section == section {
			last = i + 1
		}
	}
	return last
}

func gotoStep(t *testing.T, m Model, n int) Model {
	t.Helper()
	m = press(t, m, ":")
	for _, r := range itoa(n) {
		m = press(t, m, string(r))
	}
	return press(t, m, "enter")
}

func itoa(n int) string {
	return strings.TrimLeft(string([]byte{byte('0' + n/10), byte('0' + n%10)}), "0")
}

func TestQuizAtTheEndOfASection(t *testing.T) {
	l := shipped(t)
	last := lastOfSection(t, "Eczema")
	m := gotoStep(t, quizzed(t, 80, 24), last)
	m = press(t, m, "right")
	if !onQuestion(m) || m.Step() != last-1 {
		t.Fatalf("leaving the section's last step should ask its questions first (screen %d, step %d)", m.screen, m.Step()+1)
	}
	qs := l.SectionQuestions("Eczema")
	for i := range qs {
		q := l.Questions[question(t, m)]
		m = press(t, m, itoa(q.Correct+1))
		if p := m.quiz.Position(); !p.Answered || !p.Right {
			t.Fatalf("question %d: picking the right choice was not marked right", i+1)
		}
		if s := screen(m); !strings.Contains(s, "Right.") || !strings.Contains(s, "press v") {
			t.Errorf("feedback missing:\n%s", s)
		}
		m = press(t, m, "enter")
	}
	if !onStep(m) || m.Step() != last {
		t.Fatalf("after the questions the lesson should go on to step %d, is at %d (screen %d)", last+1, m.Step()+1, m.screen)
	}
	m = gotoStep(t, m, last)
	if m = press(t, m, "right"); onQuestion(m) {
		t.Error("answered questions were asked again")
	}
}

// TestCountStopsAtASectionsChecks: a count before l is that many presses of
// l, so it stops where l asks a section's questions, and asks them; once
// they are answered, or with the checks off, it goes on through. A jump
// (3G) goes where it is told.
func TestCountStopsAtASectionsChecks(t *testing.T) {
	last := lastOfSection(t, "Eczema") // one-based
	tests := map[string]struct {
		from     int // one-based
		keys     []string
		checks   bool
		want     int // one-based step after the keys
		question bool
	}{
		"2l from the step before the end": {last - 1, []string{"2", "l"}, true, last, true},
		"l l from there, the same":        {last - 1, []string{"l", "l"}, true, last, true},
		"5l across the end":               {last - 2, []string{"5", "l"}, true, last, true},
		"3l from the end itself":          {last, []string{"3", "l"}, true, last, true},
		"2l onto the end reads it first":  {last - 2, []string{"2", "l"}, true, last, false},
		"5space across the end":           {last - 2, []string{"5", "space"}, true, last, true},
		"with the checks off":             {last - 1, []string{"2", "l"}, false, last + 1, false},
		"a jump goes past":                {last - 1, []string{itoa(last + 2), "G"}, true, last + 2, false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			m := sized(t, 80, 24)
			if tc.checks {
				m = quizzed(t, 80, 24)
			}
			m = press(t, gotoStep(t, m, tc.from), tc.keys...)
			if m.Step()+1 != tc.want || onQuestion(m) != tc.question {
				t.Fatalf("after %q from step %d: step %d, asking %v; want step %d, asking %v", tc.keys, tc.from, m.Step()+1, onQuestion(m), tc.want, tc.question)
			}
			if tc.question {
				if qs := shipped(t).SectionQuestions("Eczema"); len(qs) == 0 || question(t, m) != qs[0] {
					t.Errorf("asked %s, not the section's first question", asked(m))
				}
			}
		})
	}
	// Answered, the section lets a count through.
	m := gotoStep(t, quizzed(t, 80, 24), last)
	m = press(t, m, "l")
	for onQuestion(m) {
		m = press(t, m, "1", "enter")
	}
	m = press(t, gotoStep(t, m, last-1), "3", "l")
	if m.Step()+1 != last+2 || !onStep(m) {
		t.Errorf("3l through an answered section: step %d (asking %v), want %d", m.Step()+1, onQuestion(m), last+2)
	}
}

func TestWrongAnswerExplainsAndPointsBack(t *testing.T) {
	l := shipped(t)
	m := gotoStep(t, quizzed(t, 100, 30), lastOfSection(t, "Blocking the signal"))
	m = press(t, m, "right")
	q := l.Questions[question(t, m)]
	if q.Kind == "order" {
		t.Skip("first question is an order question")
	}
	wrong := (q.Correct + 1) % len(q.Choices)
	m = press(t, m, itoa(wrong+1))
	if m.quiz.Position().Right {
		t.Fatal("a wrong choice was marked right")
	}
	if s := screen(m); !strings.Contains(s, "Not quite.") || !strings.Contains(s, "✓ ") {
		t.Errorf("a wrong answer should be marked and the right one shown:\n%s", s)
	}
	m = press(t, m, "v")
	if want := l.StepIndex(q.Step); m.Step() != want || !onStep(m) {
		t.Errorf("v should open the teaching step %d, at %d", want+1, m.Step()+1)
	}
}

func TestOrderQuestion(t *testing.T) {
	l := shipped(t)
	idx := -1
	for i, q := range l.Questions {
		if q.Kind == "order" {
			idx = i
			break
		}
	}
	if idx < 0 {
		t.Skip("no order question")
	}
	m := quizzed(t, 100, 30)
	m = ask(t, m, idx)
	q := l.Questions[idx]
	shown := q.ShownOrder()
	// Press the listed numbers in the right order.
	for item := range q.Choices {
		for pos, s := range shown {
			if s == item {
				m = press(t, m, itoa(pos+1))
			}
		}
	}
	m = press(t, m, "backspace")
	if len(m.quiz.Position().Picked) != len(q.Choices)-1 {
		t.Fatal("backspace did not undo the last pick")
	}
	for pos, s := range shown {
		if s == len(q.Choices)-1 {
			m = press(t, m, itoa(pos+1))
		}
	}
	m = press(t, m, "enter")
	if p := m.quiz.Position(); !p.Answered || !p.Right {
		t.Fatalf("the right order was not accepted: %+v", p)
	}
}

func TestScoreScreenAndReview(t *testing.T) {
	l := shipped(t)
	m := quizzed(t, 80, 24)
	m.answers = map[string]bool{}
	for i, q := range l.Questions {
		m.answers[q.ID] = i%3 != 0 // miss a few
	}
	m = press(t, m, "G", "right")
	if !onScore(m) {
		t.Fatalf("next on the last step should show the score, screen %d", m.screen)
	}
	s := screen(m)
	for _, want := range []string{"Your checks of understanding", "In all:", "r: review"} {
		if !strings.Contains(s, want) {
			t.Errorf("score screen lacks %q:\n%s", want, s)
		}
	}
	// Every section with questions is named in full where there is room.
	for _, size := range []tea.WindowSizeMsg{{Width: 80, Height: 24}, {Width: 120, Height: 30}} {
		s := screen(send(t, m, size))
		for _, q := range l.Questions {
			if !strings.Contains(s, q.Section+" ") {
				t.Errorf("%dx%d: the score screen cuts %q:\n%s", size.Width, size.Height, q.Section, s)
			}
		}
	}
	m = press(t, m, "r")
	if !onQuestion(m) || !m.quiz.Position().Review {
		t.Fatal("r should review the missed questions")
	}
	missed := 0
	for _, right := range m.answers {
		if !right {
			missed++
		}
	}
	if n := len(m.quiz.Position().Questions); n != missed {
		t.Errorf("review has %d questions, %d were missed", n, missed)
	}
	m = press(t, m, "esc")
	if !onScore(m) {
		t.Error("leaving a review should return to the score screen")
	}
}

func TestNoQuiz(t *testing.T) {
	m := sized(t, 80, 24)
	m = gotoStep(t, m, lastOfSection(t, "Eczema"))
	if m = press(t, m, "right"); onQuestion(m) {
		t.Error("--no-quiz asked a question")
	}
	if m = press(t, m, "G", "right"); onScore(m) {
		t.Error("--no-quiz showed a score")
	}
}

func TestGlossary(t *testing.T) {
	l := shipped(t)
	m := gotoStep(t, quizzed(t, 100, 30), l.StepIndex("how-jak-inhibitors-work")+1)
	m = press(t, m, "d")
	if m.screen != screenGlossary {
		t.Fatal("d did not open the glossary")
	}
	if s := screen(m); !strings.Contains(s, "on this step") {
		t.Errorf("terms on the current step should come first:\n%s", s)
	}
	for _, r := range "nasoph" {
		m = press(t, m, string(r))
	}
	if s := screen(m); !strings.Contains(s, "nasopharyngitis") || !strings.Contains(s, "1 of") {
		t.Fatalf("filtering did not find nasopharyngitis:\n%s", s)
	}
	m = press(t, m, "enter")
	if !onStep(m) || !strings.Contains(strings.ToLower(l.Steps[m.Step()].Body), "nasopharyngitis") {
		t.Errorf("enter should jump to a step using the term, at %d", m.Step()+1)
	}
	m = press(t, m, "d", "z", "z", "z", "q")
	if s := screen(m); !strings.Contains(s, "No term matches") {
		t.Errorf("no-match message missing:\n%s", s)
	}
	if m = press(t, m, "esc"); !onStep(m) {
		t.Error("esc did not close the glossary")
	}
}

func TestSearch(t *testing.T) {
	m := quizzed(t, 100, 30)
	m = press(t, m, "/")
	for _, r := range "ORAL Surveillance" {
		m = press(t, m, string(r))
	}
	hits := content.Search(m.search.Index(), "ORAL Surveillance")
	if len(hits) == 0 {
		t.Fatal("no hits for ORAL Surveillance")
	}
	m = press(t, m, "enter")
	first := m.search.Index()[hits[0]].Step
	if m.Step() != first || m.found.query == "" {
		t.Fatalf("enter should jump to step %d, at %d", first+1, m.Step()+1)
	}
	found := false
	for _, ln := range m.panes.text.Lines() {
		found = found || strings.Contains(ln, m.styles.Match.Render("ORAL Surveillance")) || strings.Contains(ln, m.styles.Match.Render("ORAL surveillance"))
	}
	if !found {
		t.Error("the match is not highlighted in the text")
	}
	m = press(t, m, "n")
	if len(hits) > 1 && m.found.hit != 1 {
		t.Errorf("n: hit %d", m.found.hit)
	}
	m = press(t, m, "N", "N")
	if want := len(hits) - 1; m.found.hit != want {
		t.Errorf("N past the first wraps to the last: hit %d, want %d", m.found.hit, want)
	}
	m = press(t, m, "esc")
	if m.found.query != "" {
		t.Error("esc should clear the search")
	}
	m = press(t, m, "/", "x", "q", "z", "x")
	if s := screen(m); !strings.Contains(s, "No matches") {
		t.Errorf("no-match message missing:\n%s", s)
	}
}

func TestResumeAndSave(t *testing.T) {
	var mu sync.Mutex
	var saved []Snapshot
	save := func(s Snapshot) {
		mu.Lock()
		defer mu.Unlock()
		saved = append(saved, s)
	}
	opts := Options{Progress: Progress{Step: 6, Resume: true, Answers: map[string]bool{"what-cytokines-do": true}}}
	m := New(shipped(t), opts).WithSave(save)
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if s := screen(m); m.screen != screenResume || !strings.Contains(s, fmt.Sprintf("You were on step 7 of %d", len(shipped(t).Steps))) {
		t.Fatalf("no offer to resume:\n%s", s)
	}
	next, cmd := m.Update(keyMsg("enter"))
	m = next.(Model)
	if m.Step() != 6 {
		t.Fatalf("enter should resume at step 7, at %d", m.Step()+1)
	}
	runCmds(cmd)
	mu.Lock()
	if len(saved) == 0 || saved[len(saved)-1].Step != 6 || !saved[len(saved)-1].Answers["what-cytokines-do"] || saved[len(saved)-1].Lesson == "" {
		t.Errorf("progress not saved: %+v", saved)
	}
	mu.Unlock()

	fresh := send(t, New(shipped(t), opts), tea.WindowSizeMsg{Width: 80, Height: 24})
	fresh = press(t, fresh, "n")
	if fresh.Step() != 0 || !onStep(fresh) {
		t.Error("n should start from the beginning")
	}
	notice := send(t, New(shipped(t), Options{Progress: Progress{Notice: "Saved progress could not be used"}}), tea.WindowSizeMsg{Width: 80, Height: 24})
	if !strings.Contains(screen(notice), "Saved progress could not be used") {
		t.Error("the set-aside notice is not shown")
	}
	if notice = press(t, notice, "right"); strings.Contains(screen(notice), "could not be used") {
		t.Error("the notice should go once the learner moves on")
	}
}

// runCmds runs a command and the commands of a batch inside it, as the
// runtime would (a scene tick among them just waits its 100 ms).
func runCmds(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	if batch, ok := cmd().(tea.BatchMsg); ok {
		for _, c := range batch {
			runCmds(c)
		}
	}
}

// BenchmarkSearchKey is one key typed into the search: filter the whole
// lesson and redraw the results.
func BenchmarkSearchKey(b *testing.B) {
	typeAndErase(b, press(b, sized(b, 120, 40), "/", "b", "o", "x"), "e")
}

// typeAndErase times typing letter into the field open in m, then erasing
// it, a key at a time.
func typeAndErase(b *testing.B, m Model, letter string) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		k := letter
		if i%2 == 1 {
			k = "backspace"
		}
		next, _ := m.Update(keyMsg(k))
		m = next.(Model)
	}
}

// BenchmarkExplorerKey is one key in the explorer: filter, sort and redraw.
func BenchmarkExplorerKey(b *testing.B) {
	m := press(b, sized(b, 120, 40), "t", "2")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		next, _ := m.Update(keyMsg([]string{"s", "o", "j", "x"}[i%4]))
		m = next.(Model)
	}
}

// TestSearchSaysWhichMatch: the search prompt says which match is chosen
// ("match 2 of 6", "1 match") and offers only keys that work there; on the
// step, the help bar offers n/N with the match, while there is another.
// TestSearchResultsReadAsText: the hits read as the step shows them, not
// as its Markdown: no list bullet ("- itches"), no ** or backticks.
func TestSearchResultsReadAsText(t *testing.T) {
	for _, query := range []string{"itches", "space", "jak"} {
		m := press(t, sized(t, 100, 40), append([]string{"/"}, strings.Split(query, "")...)...)
		lines := strings.Split(screen(m), "\n")
		var hits []string
		for _, ln := range lines {
			if strings.Contains(ln, " text ") || strings.Contains(ln, " table ") || strings.Contains(ln, " notes ") {
				hits = append(hits, ln)
			}
		}
		if len(hits) == 0 {
			t.Fatalf("%q: no hits listed:\n%s", query, screen(m))
		}
		for _, ln := range hits {
			f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(ln), "▸"))
			if len(f) > 2 && (f[2] == "-" || f[2] == "*" || f[2] == "•") || strings.Contains(ln, "**") || strings.Contains(ln, "`") || strings.Contains(ln, "](") {
				t.Errorf("%q: a hit shows Markdown: %q", query, ln)
			}
		}
	}
}

func TestSearchSaysWhichMatch(t *testing.T) {
	m := press(t, sized(t, 120, 40), "/", "j", "a", "k")
	n := len(content.Search(m.search.Index(), "jak"))
	if n < 3 {
		t.Fatalf("jak matches %d lines", n)
	}
	prompt := strings.SplitN(screen(m), "\n", 6)[5]
	if want := fmt.Sprintf("match 1 of %d", n); !strings.Contains(screen(m), want) || strings.Contains(screen(m), "n/N") {
		t.Errorf("prompt lacks %q, or offers n/N where they are typed:\n%s", want, prompt)
	}
	m = press(t, m, "down", "enter")
	if want := fmt.Sprintf("n/N match 2 of %d: next/previous", n); !strings.Contains(screen(m), want) {
		t.Errorf("the step does not offer n/N with %q:\n%s", want, screen(m))
	}
	if m = press(t, m, "n"); !strings.Contains(screen(m), fmt.Sprintf("match 3 of %d", n)) {
		t.Errorf("n did not move to match 3:\n%s", screen(m))
	}
	// A word found once: "1 match", and no n/N on the step.
	once := ""
	for _, w := range strings.Fields(strings.ToLower(m.lesson.Steps[0].Body)) {
		if w = strings.Trim(w, ".,:;*()"); len(w) > 4 && len(content.Search(m.search.Index(), w)) == 1 {
			once = w
			break
		}
	}
	if once == "" {
		t.Fatal("no word of the first step is found exactly once")
	}
	m = press(t, sized(t, 120, 40), append([]string{"/"}, strings.Split(once, "")...)...)
	if s := screen(m); !strings.Contains(s, "1 match ·") || strings.Contains(s, "1 matches") {
		t.Errorf("one match of %q:\n%s", once, s)
	}
	if m = press(t, m, "enter"); m.keys.NextHit.Enabled() || strings.Contains(screen(m), "n/N") {
		t.Errorf("n/N offered with nothing else to go to:\n%s", screen(m))
	}
}

// TestGlossaryRanksWordStarts: "bio" lists biologic first, before terms
// whose meaning only mentions biologics.
func TestGlossaryRanksWordStarts(t *testing.T) {
	m := press(t, sized(t, 120, 40), "d", "b", "i", "o")
	if s := screen(m); !strings.Contains(s, "▸ biologic") {
		t.Errorf("bio does not start with biologic:\n%s", s)
	}
}

// BenchmarkExplorerFilter is one key typed into the explorer's text filter
// on the Drugs tab (a letter, then backspace): filter and redraw.
func BenchmarkExplorerFilter(b *testing.B) {
	typeAndErase(b, press(b, sized(b, 120, 40), "t", "1", "/", "o", "r"), "a")
}

// BenchmarkTableStepKey is a row key on a table step (the trials), and a
// move onto that step: fit the columns, then draw the table.
func BenchmarkTableStepKey(b *testing.B) {
	b.Run("row", func(b *testing.B) {
		m := press(b, sized(b, 120, 40), "1", "4", "G", "tab")
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			next, _ := m.Update(keyMsg([]string{"j", "k"}[i%2]))
			m = next.(Model)
			m.View()
		}
	})
	b.Run("onto the step", func(b *testing.B) {
		m := press(b, sized(b, 120, 40), "1", "3", "G")
		b.ReportAllocs()
		for b.Loop() {
			next, _ := m.Update(keyMsg("right"))
			next.View()
		}
	})
}
