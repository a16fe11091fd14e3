package linear

import (
	"fmt"
	"strconv"
	"strings"

	"jakstat/content"
	"jakstat/views"
)

// showStep reads the current step: the announcement, the text, the
// diagram as its captions, the table, and how many sources it cites.
func (s *Session) showStep() {
	st := s.l.Steps[s.step]
	s.list = listing{}
	s.say(fmt.Sprintf("Step %d of %d: %s Section: %s", s.step+1, len(s.l.Steps), sentence(st.Title), sentence(st.Section)))
	if body := markdownLines(st.Body); len(body) > 0 {
		s.blank()
		s.say(body...)
	}
	if st.Scene != "" {
		s.blank()
		s.diagram(st.Scene)
	}
	if st.Table != "" {
		s.blank()
		s.stepTable(s.l.Table(st.Table))
	}
	if n := len(st.Sources.IDs); n > 0 {
		s.blank()
		them := "them"
		if n == 1 {
			them = "it"
		}
		s.say(fmt.Sprintf("This step cites %s: type c to hear %s.", plural(n, "source"), them))
	}
	s.blank()
}

// diagram tells a scene as the captions its stages show, in order: what a
// sighted learner reads under the picture as it plays.
func (s *Session) diagram(scene string) {
	s.say("Diagram: " + sentence(views.SceneCaption(scene)))
	stages := views.SceneStages(scene)
	if len(stages) < 2 {
		return
	}
	s.say(fmt.Sprintf("It plays in %d stages:", len(stages)))
	for _, st := range stages {
		s.say(sentence(st.Caption))
	}
}

// next goes on: at the end of a section its unanswered questions come
// first; past the last step, the score.
func (s *Session) next() {
	last := s.step == len(s.l.Steps)-1
	if qs := s.dueQuestions(); len(qs) > 0 {
		then := s.step + 1
		if last {
			then = thenScore
		}
		s.startQuiz(qs, then, false)
		return
	}
	switch {
	case last && s.quizzing():
		s.score()
		s.say("That was the last step: type q to leave, or j 1 to start again.")
	case last:
		s.say("That was the last step: type q to leave, or j 1 to start again.")
	default:
		s.goStep(s.step + 1)
	}
}

func (s *Session) back() {
	if s.step == 0 {
		s.say("This is the first step: press Enter for the next one.")
		return
	}
	s.goStep(s.step - 1)
}

// jump goes to a step by its number.
func (s *Session) jump(arg string) {
	n, err := strconv.Atoi(firstWord(arg))
	switch {
	case arg == "":
		s.say(fmt.Sprintf("Type j and a step number from 1 to %d, like j 12; l lists the steps.", len(s.l.Steps)))
	case err != nil || n < 1 || n > len(s.l.Steps):
		s.say(fmt.Sprintf("There is no step %s: the steps are numbered 1 to %d. Type l to list them.", firstWord(arg), len(s.l.Steps)))
	default:
		s.goStep(n - 1)
	}
}

// contents lists the steps, one section a line, marking the current one.
func (s *Session) contents() {
	s.say(fmt.Sprintf("The %d steps, by section:", len(s.l.Steps)))
	var line []string
	section := ""
	flush := func() {
		if len(line) > 0 {
			s.say("Section " + section + ": " + strings.Join(line, "; ") + ".")
		}
	}
	for i, st := range s.l.Steps {
		if st.Section != section {
			flush()
			section, line = st.Section, nil
		}
		item := fmt.Sprintf("%d, %s", i+1, strings.TrimRight(st.Title, "."))
		if i == s.step {
			item += " (you are here)"
		}
		line = append(line, item)
	}
	flush()
	s.say("Type j and a number to go to a step.")
}

// stepSources reads the sources the current step cites, with addresses.
func (s *Session) stepSources() {
	ids := s.l.Steps[s.step].Sources.IDs
	if len(ids) == 0 {
		s.say("This step cites no sources.")
		return
	}
	s.say(fmt.Sprintf("Step %d cites %s:", s.step+1, plural(len(ids), "source")))
	for _, id := range ids {
		line := s.l.Sentence(content.RecordSource, id)
		if src, ok := s.l.Source(id); ok && src.URL != "" {
			line += " " + src.URL
		}
		s.say(line)
	}
}

func firstWord(s string) string {
	w, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	return w
}

// plural is "1 source", "4 sources", "2 matches".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "ch") || strings.HasSuffix(noun, "s") {
		return strconv.Itoa(n) + " " + noun + "es"
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
