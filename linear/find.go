package linear

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"jakstat/content"
)

// search finds words across every step's text, tables and speaker notes,
// as the full-screen search does, and reads the matches with their steps.
func (s *Session) search(arg string) {
	if arg == "" {
		s.say("Type s and a word to search every step, like s itch.")
		return
	}
	if s.index == nil {
		s.index = s.l.SearchIndex()
	}
	hits := content.Search(s.index, arg)
	if len(hits) == 0 {
		s.say(fmt.Sprintf("Nothing matches %q. The search finds words that start with what you type: try a shorter word, or g for the glossary.", arg))
		return
	}
	steps := map[int]bool{}
	lines := make([]string, len(hits))
	for i, h := range hits {
		ln := s.index[h]
		steps[ln.Step] = true
		where := ""
		switch ln.Where {
		case "table":
			where = ", its table"
		case "notes":
			where = ", speaker notes"
		}
		lines[i] = fmt.Sprintf("%d. Step %d, %q%s: %s", i+1, ln.Step+1, s.l.Steps[ln.Step].Title, where, readable().Replace(ln.Text))
	}
	s.say(fmt.Sprintf("%s for %q, on %s:", plural(len(hits), "match"), arg, plural(len(steps), "step")))
	s.read(listing{lines: lines, noun: "matches", tail: []string{"Type j and a step number to go there."}})
}

// glossary lists the terms, or tells the ones that match a word: the
// meaning and the steps that use it, this step's terms first.
func (s *Session) glossary(arg string) {
	g := s.l.Glossary
	if len(g) == 0 {
		s.say("This lesson has no glossary.")
		return
	}
	if s.terms == nil {
		s.terms = s.l.TermSteps()
	}
	if arg == "" {
		names := make([]string, len(g))
		for i, t := range g {
			names[i] = t.Term
		}
		s.say(fmt.Sprintf("The glossary has %d terms: %s.", len(g), strings.Join(names, ", ")))
		s.say("Type g and a word, like g " + strings.ToLower(g[0].Term) + ", to hear what a term means and where the lesson uses it.")
		return
	}
	order := namedFirst(g, s.l.GlossaryOrder(s.terms, arg, s.step), arg)
	if len(order) == 0 {
		s.say(fmt.Sprintf("No term in the glossary mentions %q. Type g alone for the list of terms, or s %s to search the lesson.", arg, arg))
		return
	}
	lines := make([]string, len(order))
	for i, n := range order {
		lines[i] = s.term(g[n], s.terms[n])
	}
	s.say(fmt.Sprintf("%s in the glossary for %q:", plural(len(order), "term"), arg))
	s.read(listing{lines: lines, noun: "terms"})
}

// term tells a glossary entry in one line.
func (s *Session) term(t content.Term, used []int) string {
	head := t.Term
	if len(t.Aliases) > 0 {
		head += " (also " + strings.Join(t.Aliases, ", ") + ")"
	}
	line := head + ": " + sentence(t.Meaning)
	switch len(used) {
	case 0:
	case 1:
		line += fmt.Sprintf(" Used in step %d.", used[0]+1)
	default:
		line += " Used in steps " + stepRanges(used) + "."
	}
	if ids := t.Sources.IDs; len(ids) > 0 {
		line += " Sources: " + strings.Join(ids, ", ") + "."
	}
	return line
}

// namedFirst puts the terms whose name or alias starts with the word
// before those that only mention it in their meaning: someone who asks
// for "cyto" wants cytokine before JAK.
func namedFirst(g []content.Term, order []int, word string) []int {
	named := func(i int) bool {
		return slices.ContainsFunc(append([]string{g[i].Term}, g[i].Aliases...), func(n string) bool {
			return content.StartsWord(n, word)
		})
	}
	out := slices.Clone(order)
	slices.SortStableFunc(out, func(a, b int) int {
		switch na, nb := named(a), named(b); {
		case na && !nb:
			return -1
		case nb && !na:
			return 1
		}
		return 0
	})
	return out
}

// stepRanges says a sorted list of zero-based steps as one-based numbers,
// runs as ranges: "1 to 13, 15 to 17 and 23".
func stepRanges(steps []int) string {
	var parts []string
	for i := 0; i < len(steps); {
		j := i
		for j+1 < len(steps) && steps[j+1] == steps[j]+1 {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, strconv.Itoa(steps[i]+1))
		case j == i+1:
			parts = append(parts, strconv.Itoa(steps[i]+1), strconv.Itoa(steps[j]+1))
		default:
			parts = append(parts, fmt.Sprintf("%d to %d", steps[i]+1, steps[j]+1))
		}
		i = j + 1
	}
	return content.AndList(parts)
}
