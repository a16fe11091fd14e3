package content

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// A fact is a value the lesson states in more than one place: an age, a
// date, a trial result. It is written once, in facts.yaml, with its
// sources, and every text that states it names it instead of retyping it:
//
//	The EU allows it from age {{abrocitinib-eu-age}}.
//	Approved on {{opzelura-us-approval|day}}.
//
// Load replaces each reference with the value and adds the fact's sources
// to the sources of the step, row, question or term that used it, so the
// value cannot drift between prose and table and its sources always travel
// with it.
//
// A format after "|" rewrites a date value (YYYY-MM-DD or YYYY-MM): year
// gives "2024", month "September 2024", day "13 September 2024".
//
// The fact "checked" is built in: it is lesson.yaml's checked date.

// factsFile holds the lesson's facts; it is optional.
const factsFile = "facts.yaml"

// checkedFact is the built-in fact naming lesson.yaml's checked date.
const checkedFact = "checked"

// Fact statuses: a verified fact was confirmed in its sources; an
// unverified one was not, and may appear only where the text says so,
// never in a question or the glossary.
const (
	Verified   = "verified"
	Unverified = "unverified"
)

// Fact is one shared value with its sources.
type Fact struct {
	ID      string `yaml:"id"`
	Value   string `yaml:"value"`
	Status  string `yaml:"status"`
	Note    string `yaml:"note"` // for authors: what the value means, what was checked
	Sources Refs   `yaml:"sources"`
	Line    int    `yaml:"-"`

	// Uses counts the texts that name the fact; set by Load.
	Uses int `yaml:"-"`
}

func loadFacts(fsys fs.FS, l *Lesson, p *Errors) {
	loadOptional(fsys, factsFile, &l.Facts, p, func(f *Fact, n *yaml.Node) { f.Line = n.Line })
}

// Fact returns the fact with the given id, built-in ones included.
func (l *Lesson) Fact(id string) (Fact, bool) {
	if id == checkedFact {
		return Fact{ID: checkedFact, Value: l.Meta.Checked, Status: Verified}, true
	}
	for _, f := range l.Facts {
		if f.ID == id {
			return f, true
		}
	}
	return Fact{}, false
}

// resolveFacts replaces every fact reference in the lesson's text with the
// fact's value and cites the fact's sources where it is used. Each bad
// reference is a problem at its file and line.
func (l *Lesson) resolveFacts(p *Errors) {
	index := make(map[string]int, len(l.Facts))
	for i, f := range l.Facts {
		if _, dup := index[f.ID]; !dup {
			index[f.ID] = i
		}
	}
	l.eachText(func(t textField) {
		if !strings.Contains(*t.text, "{{") {
			return
		}
		out, errs := expandRefs(*t.text, func(id, format string) (string, error) {
			f, ok := l.Fact(id)
			if !ok {
				return "", fmt.Errorf("unknown fact %q (not in %s)", id, factsFile)
			}
			if t.strict && f.Status == Unverified {
				return "", fmt.Errorf("fact %q is unverified: keep it out of questions and the glossary", id)
			}
			v, err := formatFact(f.Value, format)
			if err != nil {
				return "", fmt.Errorf("fact %q: %w", id, err)
			}
			if i, ok := index[id]; ok {
				l.Facts[i].Uses++
			}
			if t.refs != nil {
				for _, s := range f.Sources.IDs {
					if !slices.Contains(t.refs.IDs, s) {
						t.refs.IDs = append(t.refs.IDs, s)
					}
				}
			}
			return v, nil
		})
		for _, e := range errs {
			p.add(t.file, t.lineAt(e.offset), "%s: %s", t.what, e.msg)
		}
		*t.text = out
	})
}

// refError is a bad reference at a byte offset of its text.
type refError struct {
	offset int
	msg    string
}

// expandRefs replaces each {{id}} or {{id|format}} in s with what lookup
// returns. A reference lookup rejects, or one that is malformed, stays as
// written and is reported.
func expandRefs(s string, lookup func(id, format string) (string, error)) (string, []refError) {
	var b strings.Builder
	var errs []refError
	rest, at := s, 0
	for {
		open := strings.Index(rest, "{{")
		if open < 0 {
			b.WriteString(rest)
			return b.String(), errs
		}
		b.WriteString(rest[:open])
		closing := strings.Index(rest[open+2:], "}}")
		if closing < 0 {
			errs = append(errs, refError{at + open, `"{{" is not closed: write a fact reference as {{id}}`})
			b.WriteString(rest[open:])
			return b.String(), errs
		}
		inner := rest[open+2 : open+2+closing]
		ref := rest[open : open+2+closing+2]
		id, format, _ := strings.Cut(strings.TrimSpace(inner), "|")
		id, format = strings.TrimSpace(id), strings.TrimSpace(format)
		if !idPattern.MatchString(id) {
			errs = append(errs, refError{at + open, fmt.Sprintf("%q: a fact id uses lowercase letters, digits and dashes", ref)})
			b.WriteString(ref)
		} else if v, err := lookup(id, format); err != nil {
			errs = append(errs, refError{at + open, err.Error()})
			b.WriteString(ref)
		} else {
			b.WriteString(v)
		}
		advance := open + len(ref)
		rest, at = rest[advance:], at+advance
	}
}

// formatFact renders a fact's value in the named format ("" for as is).
func formatFact(value, format string) (string, error) {
	if format == "" {
		return value, nil
	}
	var t time.Time
	var err error
	switch len(value) {
	case len("2006-01-02"):
		t, err = time.Parse(time.DateOnly, value)
	case len("2006-01"):
		t, err = time.Parse("2006-01", value)
	default:
		err = errors.New("not a date")
	}
	if err != nil {
		return "", fmt.Errorf("format %q needs a date (YYYY-MM-DD or YYYY-MM), not %q", format, value)
	}
	switch format {
	case "year":
		return t.Format("2006"), nil
	case "month":
		return t.Format("January 2006"), nil
	case "day":
		if len(value) != len("2006-01-02") {
			return "", fmt.Errorf("format \"day\" needs a full date (YYYY-MM-DD), not %q", value)
		}
		return t.Format("2 January 2006"), nil
	}
	return "", fmt.Errorf("unknown format %q (known: year, month, day)", format)
}

// validateFacts checks the facts file: ids, one value per id, a status,
// and sources that exist.
func (l *Lesson) validateFacts(p *Errors) {
	first := map[string]Fact{}
	for _, f := range l.Facts {
		ln := f.Line
		switch prev, dup := first[f.ID]; {
		case f.ID == "" || !idPattern.MatchString(f.ID):
			p.add(factsFile, ln, "fact id %q: use lowercase letters, digits and dashes", f.ID)
		case f.ID == checkedFact:
			p.add(factsFile, ln, "fact id %q is built in (lesson.yaml's checked date)", f.ID)
		case dup && prev.Value != f.Value:
			p.add(factsFile, ln, "fact %q has two values: %q (line %d) and %q", f.ID, prev.Value, prev.Line, f.Value)
		case dup:
			p.add(factsFile, ln, "fact %q is defined twice (also on line %d)", f.ID, prev.Line)
		default:
			first[f.ID] = f
		}
		if strings.TrimSpace(f.Value) == "" {
			p.add(factsFile, ln, "fact %s has no value", f.ID)
		}
		if strings.Contains(f.Value, "{{") {
			p.add(factsFile, ln, "fact %s: a value cannot name another fact", f.ID)
		}
		if f.Status != Verified && f.Status != Unverified {
			p.add(factsFile, ln, "fact %s: status must be %s or %s (got %q)", f.ID, Verified, Unverified, f.Status)
		}
		l.refs(p, factsFile, ln, f.Sources, "fact "+f.ID, true)
	}
}
