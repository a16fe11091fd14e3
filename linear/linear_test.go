package linear

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/exp/golden"

	"jakstat/content"
	"jakstat/internal/fixture"
)

// converse runs a session the way a screen reader user's terminal meets
// it: lines in on standard input, text out, through Run. It checks that
// the output is plain, append-only text and returns it.
func converse(t *testing.T, l *content.Lesson, opts Options, lines ...string) string {
	t.Helper()
	var out bytes.Buffer
	in := ""
	if len(lines) > 0 {
		in = strings.Join(lines, "\n") + "\n"
	}
	if err := Run(context.Background(), New(l, opts), strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	checkPlain(t, out.String())
	return out.String()
}

// checkPlain fails the test if text holds anything but printable text and
// line breaks: no escape sequence (so no colour, cursor movement, screen
// switch or hidden cursor), no carriage return that would rewrite a line,
// no backspace, no other control character, and no box drawing, block
// or braille-pattern glyphs (drawn pictures that mean nothing read aloud).
func checkPlain(t *testing.T, text string) {
	t.Helper()
	for i, r := range text {
		switch {
		case r == '\n':
		case unicode.IsControl(r):
			t.Fatalf("control character %U at byte %d: %q", r, i, around(text, i))
		case r >= 0x2500 && r <= 0x259F, r >= 0x2800 && r <= 0x28FF:
			t.Fatalf("drawing glyph %q at byte %d: %q", r, i, around(text, i))
		}
	}
}

func around(s string, i int) string { return s[max(0, i-40):min(len(s), i+40)] }

// inOrder fails unless every want appears in text, each after the one before.
func inOrder(t *testing.T, text string, want ...string) {
	t.Helper()
	rest := text
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			if strings.Contains(text, w) {
				t.Errorf("%q is out of order in:\n%s", w, text)
			} else {
				t.Errorf("lacks %q:\n%s", w, text)
			}
			return
		}
		rest = rest[i+len(w):]
	}
}

// user answers the lesson through a pipe, as a person would: it reads the
// output up to each prompt and types a line in reply.
type user struct {
	t    *testing.T
	in   *io.PipeWriter
	out  *bufio.Reader
	done chan error
	seen strings.Builder // everything read so far
}

func startUser(t *testing.T, l *content.Lesson, opts Options) *user {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	u := &user{t: t, in: inW, out: bufio.NewReader(outR), done: make(chan error, 1)}
	go func() {
		err := Run(context.Background(), New(l, opts), inR, outW)
		outW.Close()
		u.done <- err
	}()
	return u
}

// prompt reads up to the next prompt (text ending in "): " with no line
// break after it) and returns what was read since the last one; ok is
// false when the output ended instead.
func (u *user) prompt() (string, bool) {
	var b strings.Builder
	for {
		r, _, err := u.out.ReadRune()
		if err != nil {
			u.seen.WriteString(b.String())
			return b.String(), false
		}
		b.WriteRune(r)
		if r == ' ' && strings.HasSuffix(b.String(), "): ") && u.out.Buffered() == 0 {
			u.seen.WriteString(b.String())
			return b.String(), true
		}
	}
}

func (u *user) say(line string) {
	if _, err := io.WriteString(u.in, line+"\n"); err != nil {
		u.t.Fatal(err)
	}
}

// finish ends the input and waits for the goodbye.
func (u *user) finish() string {
	u.in.Close()
	for {
		if _, ok := u.prompt(); !ok {
			break
		}
	}
	if err := <-u.done; err != nil {
		u.t.Fatal(err)
	}
	checkPlain(u.t, u.seen.String())
	return u.seen.String()
}

// rightAnswer is what to type to answer q correctly.
func rightAnswer(q content.Question) string {
	shown := q.ShownOrder()
	if q.Kind != content.KindOrder {
		return strconv.Itoa(slices.Index(shown, q.Correct) + 1)
	}
	parts := make([]string, len(q.Choices))
	for i := range q.Choices {
		parts[i] = strconv.Itoa(slices.Index(shown, i) + 1)
	}
	return strings.Join(parts, " ")
}

// asked finds the question whose prompt ends the text read.
func asked(l *content.Lesson, text string) (content.Question, bool) {
	best, at := content.Question{}, -1
	for _, q := range l.Questions {
		if i := strings.LastIndex(text, sentence(q.Prompt)); i > at {
			best, at = q, i
		}
	}
	return best, at >= 0
}

// TestWalkTheWholeLesson walks every step of the real lesson and of the
// fixture through a pipe, pressing Enter at each step and answering every
// check of understanding correctly: each step is announced exactly once
// and in order, every question is asked once, the score is perfect, and
// the progress saved at the end is the last step with every answer.
func TestWalkTheWholeLesson(t *testing.T) {
	shipped, err := content.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	for name, l := range map[string]*content.Lesson{"shipped": shipped, "fixture": fixture.Lesson(t)} {
		t.Run(name, func(t *testing.T) {
			var saved []Snapshot
			u := startUser(t, l, Options{Save: func(s Snapshot) { saved = append(saved, s) }})
			for turns := 0; ; turns++ {
				text, ok := u.prompt()
				if !ok || turns > 10*len(l.Steps)+10*len(l.Questions) {
					t.Fatalf("the walk did not end:\n%s", u.seen.String())
				}
				if strings.Contains(text, "That was the last step") {
					break
				}
				reply := ""
				if strings.HasPrefix(lastLine(text), "Your answer") || strings.HasPrefix(lastLine(text), "Your order") {
					q, ok := asked(l, text)
					if !ok {
						t.Fatalf("a question was asked that the lesson does not have:\n%s", text)
					}
					reply = rightAnswer(q)
				}
				u.say(reply)
			}
			u.say("q")
			out := u.finish()

			var want []string
			for i, st := range l.Steps {
				a := fmt.Sprintf("Step %d of %d: %s Section: %s", i+1, len(l.Steps), sentence(st.Title), sentence(st.Section))
				if n := strings.Count(out, a); n != 1 {
					t.Errorf("%q was announced %d times", a, n)
				}
				want = append(want, a)
			}
			inOrder(t, out, want...)
			if n := strings.Count(out, "Correct."); n != len(l.Questions) {
				t.Errorf("%d answers were correct, want %d", n, len(l.Questions))
			}
			inOrder(t, out, fmt.Sprintf("In all: %d of %d right.", len(l.Questions), len(l.Questions)), "Your place is saved: step")
			last := saved[len(saved)-1]
			if last.Step != len(l.Steps)-1 || len(last.Answers) != len(l.Questions) || last.Lesson != l.Fingerprint() {
				t.Errorf("last snapshot %+v", last)
			}
		})
	}
}

func lastLine(text string) string {
	return text[strings.LastIndex(text, "\n")+1:]
}

// TestConversation drives the fixture lesson through standard input, one
// case a conversation, and checks what it says, in order.
func TestConversation(t *testing.T) {
	l := fixture.Lesson(t)
	drugs := l.Table("drugs")
	tests := map[string]struct {
		opts  Options
		lines []string
		want  []string // in this order
		not   []string
	}{
		"the opening": {lines: nil, want: []string{
			"Fixture lesson. This is its accessible version", "A stand-in lesson for tests.",
			"A test fixture with invented medicines, for education about the program only, not medical advice.",
			"Facts checked on 1 January 2000.", "The lesson has 7 steps.",
			"Step 1 of 7: Welcome to the fixture. Section: Start.", "Your choice (n next, b back, j jump, t tables, s search, g glossary, h help, q quit): ",
			"End of input.", "Goodbye."}},
		"next, back, Enter": {lines: []string{"n", "b", "", "next"}, want: []string{
			"Step 1 of 7", "Step 2 of 7", "Step 1 of 7", "Step 2 of 7", "Step 3 of 7: The messenger binds. Section: Basics."}},
		"back at the start": {lines: []string{"b"}, want: []string{"This is the first step: press Enter for the next one."}},
		"jump": {lines: []string{"j 5", "j3", "6", "j", "j 99", "j x"}, want: []string{
			"Step 5 of 7: The invented medicines.", "Step 3 of 7", "Step 6 of 7",
			"Type j and a step number from 1 to 7, like j 12",
			"There is no step 99: the steps are numbered 1 to 7.", "There is no step x"}},
		"list and repeat": {lines: []string{"j 2", "l", "r"}, want: []string{
			"The 7 steps, by section:", "Section Start: 1, Welcome to the fixture.",
			"Section Basics: 2, A step long enough to scroll (you are here); 3, The messenger binds; 4, Two ways to stop the signal.",
			"Step 2 of 7: A step long enough to scroll."}},
		"the step's text, read out": {lines: []string{"j 2"}, want: []string{
			"A cytokine is a messenger: one cell releases it",
			"Outside the cell\n",
			"Common misconception: A messenger does not enter the cell.",
			"A list of 3 items:\n- The chains come together when the messenger binds.\n- The JAKs touch",
			"This step cites 1 source: type c to hear it."},
			not: []string{"**", "###", "> ", "|", "•"}},
		"a diagram, in words": {lines: []string{"j 3"}, want: []string{
			"Diagram: A cytokine arrives and binds; the two receptor chains come together, bringing their JAKs close.",
			"It plays in 2 stages:\n1. The cytokine arrives outside the cell.\n2. It binds: the chains come together."}},
		"a step's table, a sentence a row": {lines: []string{"j 5"}, want: []string{
			"Table Drugs: " + spoken(drugs.Caption), "3 rows.",
			"1. " + l.RowSentence(drugs, 0), "2. " + l.RowSentence(drugs, 1), "3. " + l.RowSentence(drugs, 2),
			"Type d and a row number, like d 1, for everything about a row, with its sources."}},
		"the tables, and one filtered": {lines: []string{"t", "t drugs cream", "t 1 tablet jak1", "t drugs nothing-at-all", "t 9", "t nonsense"}, want: []string{
			"The tables:\n1. Drugs, 3 rows.", "Type t and a table's number or name",
			"1 of its 3 rows mentions \"cream\".\n1. Samplitinib, brand Testane: a topical cream",
			"2 of its 3 rows mention \"tablet\" and \"jak1\".\n1. Examplinib, brand Demora: an oral tablet; targets JAK1;", // a filter matches meaning: all four JAKs include JAK1
			"2. Mockitinib, no brand name yet: an oral tablet; targets all four JAKs;",
			"0 of its 3 rows mention \"nothing-at-all\".", "Try fewer words",
			"There is no table 9", "There is no table called \"nonsense\"."}},
		"a filter on the step's own table": {lines: []string{"j 6", "t demora"}, want: []string{
			"Step 6 of 7", "Table Side effects:", "rows mention \"demora\"."}},
		"details of a row": {lines: []string{"d 1", "t drugs", "d 2", "d 7"}, want: []string{
			"Read a table first (type t), then d and a row number.",
			"Samplitinib (Testane)", "Route: topical cream", "Sources\n[F2]",
			"Type d and a row number from 1 to 3, like d 1."},
			not: []string{"•", " · "}},
		"the step's sources": {lines: []string{"c", "j 2", "c"}, want: []string{
			"This step cites no sources.", "Step 2 cites 1 source:\nF1, "}},
		"search": {lines: []string{"s", "s messenger", "s zzzz"}, want: []string{
			"Type s and a word to search every step, like s itch.",
			"matches for \"messenger\", on", "1. Step 2, \"A step long enough to scroll\": A cytokine is a messenger",
			"Type j and a step number to go there.",
			"Nothing matches \"zzzz\"."}},
		"glossary": {lines: []string{"g", "g messenger", "g zzzz"}, want: []string{
			"The glossary has 3 terms: cytokine, JAK, receptor.",
			"2 terms in the glossary for \"messenger\":\ncytokine (also cytokines, messenger): A small protein one cell releases to signal another, in this fixture. Used in steps 2 to 4. Sources: F1.\nreceptor",
			"No term in the glossary mentions \"zzzz\"."}},
		"a check of understanding, right and wrong": {lines: []string{"j 4", "n", "1", "2"}, want: []string{
			"Check your understanding: Basics, question 1 of 2.", "In this fixture, what does the messenger do?",
			"1. It binds a receptor outside the cell", "Your answer (1 to 3; s skips the checks): ",
			"Correct. The messenger binds its receptor on the outside; everything else follows inside. Taught in step 3, \"The messenger binds\". Sources: F1.",
			"question 2 of 2.", "The JAKs sit on the inner tails of the receptor.", "1. True\n2. False",
			"Not quite: the answer is 1, True. They wait on the tails inside the cell",
			"Step 5 of 7: The invented medicines."}},
		"answers that are not answers": {lines: []string{"j 4", "n", "9", "1 2", "next", "true", "r", "h", "1", "true"}, want: []string{
			"Type one number, 1 to 3. s skips the checks.", "Type one number, 1 to 3.", "Type one number, 1 to 3.", "Type one number, 1 to 3.",
			"In this fixture, what does the messenger do?", "Type the number of your answer",
			"Correct.", "The JAKs sit on the inner tails", "Correct."}},
		"an order question": {lines: []string{"j 6", "n", "2", "3 3 1", "1 2 3", "2", "v", rightAnswer(l.Questions[2])}, want: []string{
			"Check your understanding: Medicines, question 1 of 2.", "Put the signal's steps in order.",
			"The items, in a mixed order:", "Your order (the numbers 1 to 3, first to last, like 1 2 3; s skips the checks): ",
			"Type each of the numbers 1 to 3 once", "Type each of the numbers 1 to 3 once",
			"Not quite: the order is 3 2 1, that is: The messenger binds; then The JAKs switch each other on; then STATs carry the message inward.",
			"question 2 of 2", "Correct.", "Step 7 of 7", "Trying again: Medicines, question 1 of 1.", "Correct."}},
		"skipping the checks, and the score": {lines: []string{"j 4", "n", "s", "k"}, want: []string{
			"Check your understanding", "Skipping these checks; they come again the next time you finish the section.",
			"Step 5 of 7", "Your checks of understanding:\nBasics: 0 of 2 right, 2 not answered yet.", "In all: 0 of 4 right."}},
		"review the wrong ones": {lines: []string{"j 4", "n", "2", "1", "v", "1", "v"}, want: []string{
			"Not quite", "Correct.", "Step 5 of 7",
			"Trying again: Basics, question 1 of 1.", "Correct.", "Back at step 5, \"The invented medicines\": r reads it again.",
			"There are no wrong answers to try again."}},
		"the end": {lines: []string{"j 4", "n", "1", "1", "j 7", "n"}, want: []string{
			"Correct.", "Correct.", "Step 7 of 7", "Your checks of understanding:\nBasics: 2 of 2 right.\nMedicines: 0 of 2 right, 2 not answered yet.\nIn all: 2 of 4 right.",
			"That was the last step: type q to leave, or j 1 to start again."}},
		"no checks": {opts: Options{NoQuiz: true}, lines: []string{"j 4", "n", "j 7", "n", "k", "v"}, want: []string{
			"Step 5 of 7", "That was the last step", "This lesson asks no questions.", "There are no wrong answers to try again."},
			not: []string{"Check your understanding"}},
		"unknown commands": {lines: []string{"x", "what is a jak", "\x1b[A"}, want: []string{
			"\"x\" is not a command. Press Enter for the next step, or type h for every command.",
			"\"what is a jak\" is not a command. To search the lesson for it, type s what is a jak.",
			"Keys like the arrows do nothing here: type a command and press Enter; h lists them."}, not: []string{"Step 2 of 7"}},
		"help lists every command": {lines: []string{"h"}, want: helpWants()},
		"more, a page at a time":   {lines: []string{"m"}, want: []string{"There is nothing more to read"}},
		"quit":                     {lines: []string{"n", "q", "n"}, want: []string{"Step 2 of 7", "Goodbye."}, not: []string{"Step 3 of 7", "End of input."}},
		"quit saves": {opts: Options{Save: func(Snapshot) {}}, lines: []string{"n", "quit"}, want: []string{
			"Your place is saved: step 2 of 7. Next time the lesson offers to pick up there. Goodbye."}},
		"end of input saves": {opts: Options{Save: func(Snapshot) {}}, lines: []string{"j 3"}, want: []string{
			"Step 3 of 7", "Your choice (", "\nEnd of input.\nYour place is saved: step 3 of 7."}},
		"welcome back": {opts: Options{Progress: Progress{Step: 3, Resume: true}}, lines: []string{""}, want: []string{
			"Welcome back. You were on step 4 of 7, \"Two ways to stop the signal\".", "Pick up at step 4? (Enter: yes; 1: start from step 1): ",
			"Step 4 of 7"}, not: []string{"Step 1 of 7"}},
		"welcome back, from the start": {opts: Options{Progress: Progress{Step: 3, Resume: true}}, lines: []string{"what", "1"}, want: []string{
			"Press Enter to pick up at step 4, or type 1 to start from the beginning.", "Step 1 of 7"}, not: []string{"Step 4 of 7:"}},
		"a notice first": {opts: Options{Progress: Progress{Notice: "Progress cannot be saved: read-only folder"}}, want: []string{
			"Progress cannot be saved: read-only folder.", "Step 1 of 7"}},
		"ASCII only": {opts: Options{ASCII: true}, lines: []string{"j 5", "d 1", "s messenger"}, want: []string{"Step 5 of 7"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			out := converse(t, l, tc.opts, tc.lines...)
			inOrder(t, out, tc.want...)
			for _, n := range tc.not {
				if strings.Contains(out, n) {
					t.Errorf("has %q:\n%s", n, out)
				}
			}
			if tc.opts.ASCII {
				for i, r := range out {
					if r > unicode.MaxASCII {
						t.Fatalf("non-ASCII %q: %q", r, around(out, i))
					}
				}
			}
		})
	}
}

func helpWants() []string {
	var out []string
	for _, c := range commands() {
		out = append(out, "- "+c.name+" (or ")
	}
	return append(out, "Ctrl+D")
}

// TestChecksAfterTheLastStep: when the last section has questions, going
// on from the last step asks them, then gives the score.
func TestChecksAfterTheLastStep(t *testing.T) {
	l := *fixture.Lesson(t)
	l.Questions = slices.Clone(l.Questions)
	for i := range l.Questions {
		if l.Questions[i].Section == "Medicines" {
			l.Questions[i].Section = "Wrap-up"
		}
	}
	out := converse(t, &l, Options{}, "j 7", "n", "1 2 3", "1", "v", "s")
	inOrder(t, out, "Step 7 of 7", "Check your understanding: Wrap-up, question 1 of 2.", "Not quite", "question 2 of 2", "Not quite",
		"Your checks of understanding:", "Wrap-up: 0 of 2 right.", "Type v to try again the 2 you got wrong.", "That was the last step",
		"Trying again: Wrap-up, question 1 of 2.", "Stopping here; v starts again.", "Back at step 7")
}

// TestProgressIsSavedAsItChanges: every move and every answer hands over
// a snapshot, in order, with the lesson's fingerprint.
func TestProgressIsSavedAsItChanges(t *testing.T) {
	l := fixture.Lesson(t)
	var saved []Snapshot
	converse(t, l, Options{Save: func(s Snapshot) { saved = append(saved, s) }}, "n", "n", "n", "n", "1", "2", "b", "t", "s jak")
	var steps []int
	for _, s := range saved {
		if s.Lesson != l.Fingerprint() {
			t.Fatalf("snapshot for lesson %q", s.Lesson)
		}
		steps = append(steps, s.Step)
	}
	// Steps 2, 3, 4; two answers on step 4; step 5 after the checks; back to 4.
	if want := []int{1, 2, 3, 3, 3, 4, 3}; !slices.Equal(steps, want) {
		t.Errorf("saved steps %v, want %v", steps, want)
	}
	if a := saved[len(saved)-1].Answers; len(a) != 2 || !a["what-a-signal-does"] || a["jaks-sit-inside"] {
		t.Errorf("answers %v", a)
	}
}

// TestTranscript is a short session as a learner would type it, echoed
// (as when input is piped), kept as a golden file to read by eye:
// go test ./linear -run TestTranscript -update.
func TestTranscript(t *testing.T) {
	l := fixture.Lesson(t)
	out := converse(t, l, Options{Echo: true, Save: func(Snapshot) {}},
		"", "n", "t drugs cream", "d 1", "s messenger", "g jak", "n", "n", "1", "2", "q")
	golden.RequireEqual(t, []byte(out))
}

// TestTranscriptWrapped: with a width, every line fits it, list items
// hang under their text, and the prompt keeps its trailing space.
func TestTranscriptWrapped(t *testing.T) {
	l := fixture.Lesson(t)
	for _, width := range []int{40, 60} {
		t.Run(strconv.Itoa(width), func(t *testing.T) {
			out := converse(t, l, Options{Echo: true, Width: width}, "n", "j 5", "q")
			for _, ln := range strings.Split(out, "\n") {
				if n := len([]rune(ln)); n > width+1 { // a prompt may end in its space, then the echo
					if !strings.Contains(ln, "): ") {
						t.Errorf("%d columns: %q", n, ln)
					}
				}
			}
			golden.RequireEqual(t, []byte(out))
		})
	}
}

// TestRandomLines: any lines at all, at any point of the conversation,
// never stop it early, never panic, and never write anything but plain
// text.
func TestRandomLines(t *testing.T) {
	l := fixture.Lesson(t)
	words := []string{"", "n", "b", "j", "j 3", "99", "t", "t 1", "t drugs oral", "t 7", "d", "d 2", "d 9", "m", "c",
		"s", "s jak", "g", "g cyto", "v", "k", "h", "r", "l", "1", "2", "3", "1 2 3", "3 2 1", "true", "s", "skip",
		"\x1b[B", "\r", "\x00", "é", strings.Repeat("x", 5000), "t " + strings.Repeat("a ", 300)}
	for seed := range 40 {
		var lines []string
		x := uint32(seed*2654435761 + 1)
		for range 60 {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			lines = append(lines, words[x%uint32(len(words))])
		}
		out := converse(t, l, Options{Save: func(Snapshot) {}}, lines...)
		if !strings.HasSuffix(out, "Goodbye.\n\n") {
			t.Fatalf("seed %d: the conversation did not end with a goodbye:\n%s", seed, out[max(0, len(out)-400):])
		}
	}
}
