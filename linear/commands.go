package linear

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// The commands, as data: parsing, the help and the prompt are all made
// from this table, so they cannot disagree.

// command is one thing the learner can type at a step.
type command struct {
	name    string   // the short form, shown first: "n"
	aliases []string // other ways to type it: "next"
	arg     string   // how help shows what follows ("a number, like j 12"); "" for nothing
	prompt  string   // its word in the prompt ("next"); "" leaves it to the help
	help    string   // what it does, for h
	run     func(s *Session, arg string)
}

func commands() []command {
	return []command{
		{name: "n", aliases: []string{"next"}, prompt: "next", help: "the next step (Enter alone does the same)",
			run: func(s *Session, _ string) { s.next() }},
		{name: "b", aliases: []string{"back", "p", "previous"}, prompt: "back", help: "the step before",
			run: func(s *Session, _ string) { s.back() }},
		{name: "j", aliases: []string{"jump", "go"}, arg: "and a step number, like j 12 (or just 12)", prompt: "jump", help: "go to that step",
			run: (*Session).jump},
		{name: "l", aliases: []string{"list", "steps", "contents"}, help: "list every step, by section",
			run: func(s *Session, _ string) { s.contents() }},
		{name: "r", aliases: []string{"repeat", "again"}, help: "read this step again",
			run: func(s *Session, _ string) { s.showStep() }},
		{name: "t", aliases: []string{"table", "tables"}, arg: "alone, or with a table's number or name and any words, like t 1 or t drugs oral", prompt: "tables",
			help: "alone, this step's table, or the list of tables (t list lists them anywhere); with a table, read it a row at a time, keeping only the rows that mention every word after it",
			run:  (*Session).tables},
		{name: "d", aliases: []string{"details", "row"}, arg: "and a row number, like d 3", help: "everything about that row of the last table read, with its sources",
			run: (*Session).details},
		{name: "m", aliases: []string{"more"}, help: "the next rows of a long table, or the next search matches",
			run: func(s *Session, _ string) { s.more() }},
		{name: "c", aliases: []string{"sources", "cite"}, help: "the sources this step cites, with their addresses",
			run: func(s *Session, _ string) { s.stepSources() }},
		{name: "s", aliases: []string{"search", "find"}, arg: "and words, like s itch", prompt: "search", help: "search every step's text, tables and speaker notes",
			run: (*Session).search},
		{name: "g", aliases: []string{"glossary", "define"}, arg: "alone, or with a word, like g cytokine", prompt: "glossary", help: "the glossary's terms, or what a term means and where the lesson uses it",
			run: (*Session).glossary},
		{name: "v", aliases: []string{"review"}, help: "try again the checks of understanding you got wrong",
			run: func(s *Session, _ string) { s.review() }},
		{name: "k", aliases: []string{"score"}, help: "how you did on the checks of understanding so far",
			run: func(s *Session, _ string) { s.score() }},
		{name: "h", aliases: []string{"help", "?"}, prompt: "help", help: "this list",
			run: func(s *Session, _ string) { s.help() }},
		{name: "q", aliases: []string{"quit", "exit", "bye"}, prompt: "quit", help: "leave the lesson; your place is kept",
			run: func(s *Session, _ string) { s.goodbye() }},
	}
}

// Command is a line typed at a step, read.
type Command struct {
	// Name is the command's short name ("n", "j", "t"), "" for an empty
	// line (Enter alone), or the first word as typed (lower case) when it
	// is no command; Known says which. A line of nothing but keys that
	// type escape codes (arrows) is "" and not Known.
	Name  string
	Known bool
	// Arg is the rest of the line, spaces collapsed: a number, a table and
	// words, what to search for.
	Arg string
}

// String writes the command back as a line that parses to it again.
func (c Command) String() string { return strings.TrimSpace(c.Name + " " + c.Arg) }

// maxLine is the most characters of a line that are read; a command is a
// few words, and anything longer is a paste that went astray.
const maxLine = 200

// Clean makes a typed line safe and plain: terminal escape sequences (what
// arrow keys type into a line) and other control characters are dropped,
// invalid UTF-8 is removed, spaces are collapsed and trimmed, and it is
// cut to maxLine characters.
func Clean(line string) string {
	line = ansi.Strip(strings.ToValidUTF8(line, ""))
	line = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return ' '
		case unicode.IsControl(r), r == utf8.RuneError:
			return -1
		}
		return r
	}, line)
	line = strings.Join(strings.Fields(line), " ")
	if utf8.RuneCountInString(line) > maxLine {
		line = strings.TrimSpace(string([]rune(line)[:maxLine]))
	}
	return line
}

// ParseCommand reads a line typed at a step: "n", "next", "j 12", "j12",
// "12", "t drugs oral", "s itch". Command words are matched in any letter
// case; the rest of the line is kept as typed.
func ParseCommand(line string) Command {
	raw := line
	line = Clean(line)
	if line == "" {
		// Enter alone; but a line of nothing but escape codes is a key
		// that typed them (an arrow), not Enter.
		return Command{Known: strings.TrimSpace(raw) == ""}
	}
	word, arg, _ := strings.Cut(line, " ")
	word = strings.ToLower(word)
	if isDigits(word) {
		return Command{Name: "j", Known: true, Arg: strings.TrimSpace(word + " " + arg)}
	}
	// A letter run straight into a number: j12, d3, t2.
	if i := strings.IndexFunc(word, unicode.IsDigit); i > 0 && isDigits(word[i:]) {
		if c, ok := lookup(word[:i]); ok {
			return Command{Name: c.name, Known: true, Arg: strings.TrimSpace(word[i:] + " " + arg)}
		}
	}
	if c, ok := lookup(word); ok {
		return Command{Name: c.name, Known: true, Arg: arg}
	}
	return Command{Name: word, Arg: arg}
}

func lookup(word string) (command, bool) {
	for _, c := range commands() {
		if word == c.name || slices.Contains(c.aliases, word) {
			return c, true
		}
	}
	return command{}, false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// command carries out a line typed at a step.
func (s *Session) command(c Command) {
	switch {
	case !c.Known:
		s.unknown(c)
	case c.Name == "":
		s.next()
	default:
		cmd, _ := lookup(c.Name)
		cmd.run(s, c.Arg)
	}
}

// unknown answers a line that is no command with what might have been meant.
func (s *Session) unknown(c Command) {
	typed := c.String()
	if typed == "" {
		s.say("Keys like the arrows do nothing here: type a command and press Enter; h lists them.")
		return
	}
	if len([]rune(typed)) > 40 {
		typed = string([]rune(typed)[:40]) + "..."
	}
	if len(c.Name) > 2 || c.Arg != "" {
		s.say(fmt.Sprintf("%q is not a command. To search the lesson for it, type s %s. Type h for every command.", typed, c.String()))
		return
	}
	s.say(fmt.Sprintf("%q is not a command. Press Enter for the next step, or type h for every command.", typed))
}

// stepPrompt lists the commands that have a word in the prompt, with m
// first while a long reading has more to come.
func stepPrompt(more bool) string {
	var parts []string
	if more {
		parts = append(parts, "m more")
	}
	for _, c := range commands() {
		if c.prompt != "" {
			parts = append(parts, c.name+" "+c.prompt)
		}
	}
	return "Your choice (" + strings.Join(parts, ", ") + "): "
}

// help lists every command, one a line.
func (s *Session) help() {
	s.say("Type a command and press Enter. Commands:")
	for _, c := range commands() {
		names := c.name
		if len(c.aliases) > 0 {
			names += " (or " + strings.Join(c.aliases, ", ") + ")"
		}
		if c.arg != "" {
			names += " " + c.arg
		}
		s.say("- " + names + ": " + c.help + ".")
	}
	s.say(
		"Checks of understanding come at the end of each section: answer with the number of your choice, or for an order question with the numbers in order, like 3 1 2.",
		fmt.Sprintf("Tables of more than %d rows, and searches, are read %d at a time: m reads on.", stepTableRows, pageSize),
		"Ctrl+D (on Windows Ctrl+Z, then Enter) leaves at any time, like q.",
	)
}
