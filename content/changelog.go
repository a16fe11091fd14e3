package content

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Change is one entry of the lesson's changelog in lesson.yaml: when a
// review changed the facts, what it changed and why, so an educator can
// see that the lesson is maintained.
type Change struct {
	Date string `yaml:"date"`
	What string `yaml:"what"`
	Why  string `yaml:"why"`
}

// RecentChanges returns up to n changelog entries, newest first; entries
// of the same date keep the order they are written in.
func (m Meta) RecentChanges(n int) []Change {
	out := slices.Clone(m.Changes)
	slices.SortStableFunc(out, func(a, b Change) int { return strings.Compare(b.Date, a.Date) })
	if n >= 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// validateChanges checks each changelog entry: a real date no later than
// the checked-on date (a change is part of a check), and both a what and a
// why. checked is the zero time when lesson.yaml's date did not parse.
func validateChanges(p *Errors, changes []Change, checked time.Time) {
	for i, c := range changes {
		entry := i + 1
		d, err := time.Parse(time.DateOnly, c.Date)
		switch {
		case err != nil:
			p.add(metaFile, 0, "change %d: date must be YYYY-MM-DD (got %q)", entry, c.Date)
		case !checked.IsZero() && d.After(checked):
			p.add(metaFile, 0, "change %d (%s) is dated after checked (%s): update checked when you review the facts", entry, c.Date, checked.Format(time.DateOnly))
		}
		if strings.TrimSpace(c.What) == "" || strings.TrimSpace(c.Why) == "" {
			p.add(metaFile, 0, "change %d (%s): what and why are both required", entry, c.Date)
		}
	}
}

// checkChanges checks a step's changes: how many changelog entries to show.
func (l *Lesson) checkChanges(p *Errors, st *Step) {
	switch {
	case st.Changes < 0:
		p.add(st.File, 2, "changes: %d is not a number of changelog entries (use 1 or more, or leave it out)", st.Changes)
	case st.Changes > 0 && len(l.Meta.Changes) == 0:
		p.add(st.File, 2, "changes: %s has no changelog to show (add changes: to it)", metaFile)
	}
}

// addChanges puts the newest changelog entries after the text of each step
// that asks for them (Step.Changes), as Markdown, so the screen, the search
// and the printed lesson all show them. Facts in them are already resolved.
func (l *Lesson) addChanges() {
	for i := range l.Steps {
		st := &l.Steps[i]
		if st.Changes <= 0 || len(l.Meta.Changes) == 0 {
			continue
		}
		recent := l.Meta.RecentChanges(st.Changes)
		var b strings.Builder
		b.WriteString("\n\n### Latest changes\n")
		if len(recent) < len(l.Meta.Changes) {
			fmt.Fprintf(&b, "The newest %d of the changelog's %d entries:\n", len(recent), len(l.Meta.Changes))
		}
		for _, c := range recent {
			fmt.Fprintf(&b, "- **%s:** %s *Why:* %s\n", c.Date, mdEscape(c.What), mdEscape(c.Why))
		}
		st.Body = strings.TrimRight(st.Body+b.String(), "\n")
	}
}

// mdEscape keeps changelog text literal in Markdown: its stars, brackets
// and angle brackets are the author's words, not emphasis, links or HTML.
func mdEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "<", `\<`).Replace(s)
}
