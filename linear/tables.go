package linear

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"jakstat/content"
	"jakstat/views"
)

// stepTableRows is the most rows a step's table may have to be read with
// the step; a longer one is announced, and t reads it.
const stepTableRows = 8

// pageSize is how many rows or matches a long reading gives at a time.
const pageSize = 20

// listing is a long reading under way: a table's rows or search matches,
// numbered, read a page at a time.
type listing struct {
	lines []string
	next  int      // the first line not yet read
	noun  string   // what the lines are: "rows", "matches"
	tail  []string // said once the last line is read
	// table holds the rows read, in the order read, when the lines are a
	// table's: d and a row number tells everything about one.
	table content.Table
}

func (li listing) more() bool { return li.next < len(li.lines) }

// read starts a listing and reads its first page.
func (s *Session) read(li listing) {
	s.list = li
	s.readPage()
}

func (s *Session) readPage() {
	li := &s.list
	start, end := li.next, min(li.next+pageSize, len(li.lines))
	s.say(li.lines[start:end]...)
	li.next = end
	if li.more() {
		s.say(fmt.Sprintf("That was %s %d to %d of %d: type m for more.", li.noun, start+1, end, len(li.lines)))
		return
	}
	s.say(li.tail...)
}

func (s *Session) more() {
	if !s.list.more() {
		s.say("There is nothing more to read: r reads this step again.")
		return
	}
	s.readPage()
}

// tableSpecs are the tables t lists: the explorer's, then the handout's,
// leaving out any whose rows are records already listed (the matrix tells
// the same side effects as the side-effect table, and a sentence per row
// has no columns to tell apart).
func (s *Session) tableSpecs() []content.TableSpec {
	var out []content.TableSpec
	seen := map[content.Record]bool{}
	for _, spec := range append(s.l.ExploreTabs(), s.l.HandoutTables()...) {
		if !seen[spec.Record] {
			seen[spec.Record] = true
			out = append(out, spec)
		}
	}
	return out
}

// tables carries out t: alone, this step's table (or the list of tables on
// a step without one); "list", the list; a table's number or name, that
// table, keeping only the rows that mention every word after it; other
// words on a step with a table, that table's rows that mention them.
func (s *Session) tables(arg string) {
	specs := s.tableSpecs()
	here := s.l.Steps[s.step].Table
	name, rest, _ := strings.Cut(arg, " ")
	switch {
	case arg == "" && here != "":
		s.readTable(s.l.Table(here), nil)
	case arg == "" || strings.EqualFold(arg, "list"):
		s.listTables(specs)
	case isDigits(name):
		n, err := strconv.Atoi(name)
		if err != nil || n < 1 || n > len(specs) {
			s.say(fmt.Sprintf("There is no table %s: the tables are numbered 1 to %d.", name, len(specs)))
			s.listTables(specs)
			return
		}
		s.readTable(s.l.Table(specs[n-1].ID), strings.Fields(rest))
	default:
		if spec, ok := s.findTable(specs, name); ok {
			s.readTable(s.l.Table(spec.ID), strings.Fields(rest))
			return
		}
		if here != "" {
			s.readTable(s.l.Table(here), strings.Fields(arg))
			return
		}
		s.say(fmt.Sprintf("There is no table called %q.", name))
		s.listTables(specs)
	}
}

// findTable finds a table by its id, or by the start of its id or of a
// word of its title ("side" and "effects" find Side effects).
func (s *Session) findTable(specs []content.TableSpec, name string) (content.TableSpec, bool) {
	name = strings.ToLower(name)
	if spec, ok := content.Spec(name); ok && len(s.l.Table(name).Rows) > 0 {
		return spec, true
	}
	for _, spec := range specs {
		words := append([]string{spec.ID}, strings.FieldsFunc(strings.ToLower(spec.Title), notLetter)...)
		if slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(w, name) }) {
			return spec, true
		}
	}
	return content.TableSpec{}, false
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

func (s *Session) listTables(specs []content.TableSpec) {
	s.say("The tables:")
	for i, spec := range specs {
		s.say(fmt.Sprintf("%d. %s, %s.", i+1, spec.Title, plural(len(s.l.Table(spec.ID).Rows), "row")))
	}
	s.say("Type t and a table's number or name to hear it, like t 1 or t drugs; words after it keep only the rows that mention them all, like t drugs oral.")
}

// stepTable reads a step's table with the step when it is short, and
// otherwise says what it holds and how to hear it.
func (s *Session) stepTable(t content.Table) {
	switch n := len(t.Rows); {
	case n == 0:
	case n <= stepTableRows:
		s.readTable(t, nil)
	default:
		s.say(fmt.Sprintf("Table %s: %s It has %d rows: type t to hear them, or t and a word to hear only the rows that mention it.",
			t.Spec.Title, sentence(t.Caption), n))
	}
}

// readTable reads a table, one sentence a row, keeping only the rows that
// mention every word (in a cell, as the explorer's filter finds them, or
// in the sentence the learner hears).
func (s *Session) readTable(t content.Table, words []string) {
	rows := s.matching(t, words)
	head := fmt.Sprintf("Table %s: %s", t.Spec.Title, sentence(t.Caption))
	if len(words) == 0 {
		head += " " + plural(len(rows), "row") + "."
	} else {
		verb := "mention"
		if len(rows) == 1 {
			verb = "mentions"
		}
		head += fmt.Sprintf(" %d of its %d rows %s %s.", len(rows), len(t.Rows), verb, quoted(words))
	}
	s.say(head)
	if len(rows) == 0 {
		s.say("Try fewer words, or t alone for the list of tables.")
		return
	}
	shown := t.Subset(rows)
	lines := make([]string, len(rows))
	for i := range rows {
		lines[i] = fmt.Sprintf("%d. %s", i+1, s.l.RowSentence(shown, i))
	}
	var tail []string
	if c := t.Spec.Caveat(s.l); c != "" {
		tail = append(tail, "Keep in mind: "+sentence(c))
	}
	tail = append(tail, "Type d and a row number, like d 1, for everything about a row, with its sources.")
	s.read(listing{lines: lines, noun: "rows", tail: tail, table: shown})
}

// matching lists t's rows that mention every word.
func (s *Session) matching(t content.Table, words []string) []int {
	rows := s.l.Apply(t, content.NewQuery())
	for _, w := range words {
		q := content.NewQuery()
		q.Text = w
		inCells := s.l.Apply(t, q)
		rows = slices.DeleteFunc(rows, func(i int) bool {
			return !slices.Contains(inCells, i) && !content.StartsWord(s.l.RowSentence(t, i), w)
		})
	}
	return rows
}

// details tells everything about a row of the last table read.
func (s *Session) details(arg string) {
	t := s.list.table
	if t.ID() == "" {
		s.say("Read a table first (type t), then d and a row number.")
		return
	}
	n, err := strconv.Atoi(firstWord(arg))
	if err != nil || n < 1 || n > len(t.Rows) {
		s.say(fmt.Sprintf("Type d and a row number from 1 to %d, like d 1.", len(t.Rows)))
		return
	}
	width := s.opts.Width
	if width <= 0 {
		width = 1 << 16 // no wrapping: the writer wraps, if asked
	}
	text := readable().Replace(views.Details(s.l, t, n-1, width, views.Styles{}))
	s.say(strings.Split(strings.TrimRight(text, "\n"), "\n")...)
}

// readable swaps the glyphs the details panel draws for what a screen
// reader says well: bullets become dashes, dot separators commas.
func readable() *strings.Replacer {
	return strings.NewReplacer("• ", "- ", " · ", ", ")
}

// quoted is `"oral"`, `"oral" and "jak1"`.
func quoted(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = strconv.Quote(w)
	}
	return content.AndList(q)
}
