// Package linear is the accessible lesson: the same lesson as the
// full-screen one, told as a conversation on the normal screen for screen
// readers, braille displays and terminals that cannot redraw.
//
// Nothing is ever redrawn, moved or hidden. Each step is written once as
// plain text that starts with a one-line announcement ("Step 5 of 24: ...
// Section: The pathway."), followed by a prompt; the learner answers with
// a line (n, b, j 12, t drugs oral, s itch, ...). A diagram is its caption
// sequence in sentences, a table one sentence per row, a check of
// understanding a numbered question answered with a number. No colour, no
// escape sequences, no animation and no clock: the output only ever grows,
// so a screen reader reads each new line once and a braille display can
// pan through it at the reader's pace.
//
// A Session is the conversation as a state machine (Start, Prompt, Handle,
// Stop return the text to write), so every exchange is testable without a
// terminal; Run connects one to a reader and a writer.
package linear

import (
	"cmp"
	"fmt"
	"maps"
	"strings"

	"jakstat/content"
	"jakstat/views"
)

// Progress is what a learner brings from an earlier run (the same as the
// full-screen lesson's, which main reads from the state file).
type Progress struct {
	Step    int             // zero-based step they were on
	Answers map[string]bool // question id -> answered right
	Resume  bool            // offer to pick up at Step
	Notice  string          // a one-line notice to give first (a state file set aside)
}

// Snapshot is the progress to keep, handed to Options.Save.
type Snapshot struct {
	Lesson  string // the lesson's fingerprint
	Step    int
	Answers map[string]bool
}

// Options configure a Session.
type Options struct {
	// Progress is the learner's saved place and answers, if any.
	Progress Progress
	// Save is given the progress whenever it changes, in order; it must
	// only queue it. nil keeps nothing (and the goodbye does not promise).
	Save func(Snapshot)
	// NoQuiz leaves out the checks of understanding.
	NoQuiz bool
	// ASCII writes plain ASCII only (Greek letters spelled out).
	ASCII bool
	// Width wraps lines at this many columns; 0 (the default) does not
	// wrap at all. A paragraph is then one line, which the terminal wraps
	// for the eye while screen readers and braille displays get it whole:
	// hard-wrapped lines make a braille display show ragged half-lines and
	// make some screen readers pause mid-sentence at every line end.
	Width int
	// Echo writes each line read back after the prompt, for input that is
	// not typed at a terminal (which echoes by itself): a transcript then
	// shows what was asked.
	Echo bool
}

// mode is what a line typed now answers.
type mode int

const (
	modeStep   mode = iota // a command at a step
	modeResume             // pick up where you stopped, or start again
	modeQuiz               // an answer to a check of understanding
)

// Session is one learner's conversation with the lesson.
type Session struct {
	l           *content.Lesson
	opts        Options
	fingerprint string

	step    int
	answers map[string]bool
	mode    mode
	quiz    quizRun
	list    listing // the last long reading, for m (more) and d (details)
	done    bool

	index []content.SearchLine // built on the first search
	terms [][]int              // the steps each glossary term is used on, on first use

	out strings.Builder
}

// New starts a conversation over lesson l.
func New(l *content.Lesson, opts Options) *Session {
	s := &Session{l: l, opts: opts, fingerprint: l.Fingerprint(), answers: maps.Clone(opts.Progress.Answers)}
	if s.answers == nil {
		s.answers = map[string]bool{}
	}
	return s
}

// Done says whether the conversation is over (the learner quit).
func (s *Session) Done() bool { return s.done }

// Start is the opening: what the lesson is, that it is education and not
// medical advice, when its facts were checked, how to answer; then the
// first step, or the offer to pick up where the learner stopped.
func (s *Session) Start() string {
	m := s.l.Meta
	s.say(sentence(cmp.Or(m.Title, "The lesson")) + " This is its accessible version: plain text, one step at a time, nothing redrawn.")
	if m.Subtitle != "" {
		s.say(sentence(m.Subtitle))
	}
	s.say(sentence(cmp.Or(m.Disclaimer, "This lesson is education, not medical advice.")))
	if checked := checkedOn(m); checked != "" {
		s.say("Facts checked on " + checked + ".")
	}
	s.say(fmt.Sprintf("The lesson has %d steps. After each one, type a command and press Enter: Enter alone goes on to the next step, and h lists every command.", len(s.l.Steps)),
		"Where the lesson's text names keys, they are the full-screen version's; here you type the commands instead.")
	if n := s.opts.Progress.Notice; n != "" {
		s.say(sentence(n))
	}
	p := s.opts.Progress
	if p.Resume && p.Step > 0 && p.Step < len(s.l.Steps) {
		s.mode = modeResume
		s.step = p.Step
		s.blank()
		s.say(fmt.Sprintf("Welcome back. You were on step %d of %d, %q.", p.Step+1, len(s.l.Steps), s.l.Steps[p.Step].Title))
		return s.flush()
	}
	s.blank()
	s.showStep()
	return s.flush()
}

// Prompt is the question the next line answers, ending in ": " with no
// line break, so the learner's typing follows it on the same line (where
// a braille display that follows the cursor shows both).
func (s *Session) Prompt() string {
	switch s.mode {
	case modeResume:
		return fmt.Sprintf("Pick up at step %d? (Enter: yes; 1: start from step 1): ", s.step+1)
	case modeQuiz:
		return s.quizPrompt()
	}
	return stepPrompt(s.list.more())
}

// Handle answers one line the learner typed.
func (s *Session) Handle(line string) string {
	if s.done {
		return ""
	}
	switch s.mode {
	case modeResume:
		s.resume(Clean(line))
	case modeQuiz:
		s.answer(Clean(line))
	default:
		s.command(ParseCommand(line))
	}
	return s.flush()
}

// Reason says why a conversation stopped without a q.
type Reason int

// Why a conversation stops.
const (
	EndOfInput  Reason = iota // standard input ended (Ctrl+D, or the end of a pipe)
	Interrupted               // Ctrl+C or a request to terminate
)

// Stop ends the conversation and says goodbye, saying where the learner's
// place is kept.
func (s *Session) Stop(why Reason) string {
	if s.done {
		return ""
	}
	switch why {
	case EndOfInput:
		s.say("End of input.")
	case Interrupted:
		s.say("Interrupted.")
	}
	s.goodbye()
	return s.flush()
}

func (s *Session) goodbye() {
	s.done = true
	if s.opts.Save == nil {
		s.say("Goodbye.")
		return
	}
	s.say(fmt.Sprintf("Your place is saved: step %d of %d. Next time the lesson offers to pick up there. Goodbye.", s.step+1, len(s.l.Steps)))
}

// resume answers the welcome-back question.
func (s *Session) resume(line string) {
	switch strings.ToLower(line) {
	case "", "y", "yes", "enter":
		s.goStep(s.step)
	case "1", "n", "no", "start":
		s.goStep(0)
	case "q", "quit", "exit":
		s.goodbye()
	default:
		s.say(fmt.Sprintf("Press Enter to pick up at step %d, or type 1 to start from the beginning.", s.step+1))
	}
}

// goStep opens step i (zero-based), saving the learner's place.
func (s *Session) goStep(i int) {
	s.mode = modeStep
	s.step = max(0, min(i, len(s.l.Steps)-1))
	s.save()
	s.showStep()
}

func (s *Session) save() {
	if s.opts.Save != nil {
		s.opts.Save(Snapshot{Lesson: s.fingerprint, Step: s.step, Answers: maps.Clone(s.answers)})
	}
}

// say writes lines of text, each ending in a line break.
func (s *Session) say(lines ...string) {
	for _, ln := range lines {
		ln = spoken(ln)
		if s.opts.ASCII {
			ln = views.ASCIIText(ln)
		}
		s.out.WriteString(ln)
		s.out.WriteByte('\n')
	}
}

// blank writes an empty line between parts, unless one is already there.
func (s *Session) blank() {
	if t := s.out.String(); t != "" && !strings.HasSuffix(t, "\n\n") {
		s.out.WriteByte('\n')
	}
}

// flush returns what was said since the last flush, ending in a blank
// line that sets it apart from the prompt after it.
func (s *Session) flush() string {
	s.blank()
	t := s.out.String()
	s.out.Reset()
	return t
}

// checkedOn is the checked-on date in words ("26 November 2026"), which
// speech reads as a date where it reads 2026-11-26 as numbers and dashes.
func checkedOn(m content.Meta) string {
	if !m.CheckedOn.IsZero() {
		return m.CheckedOn.Format("2 January 2006")
	}
	return m.Checked
}

// sentence ends text with a full stop unless it already ends a sentence
// (a closing bracket or quote after the stop counts: "(as here.)").
func sentence(text string) string {
	text = strings.TrimSpace(text)
	end := strings.TrimRight(text, ")]\"'”’")
	if end == "" || strings.ContainsAny(end[len(end)-1:], ".?!:") {
		return text
	}
	return text + "."
}
