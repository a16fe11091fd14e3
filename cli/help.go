package cli

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Command documents one command: the program itself (Name "") or one of
// its subcommands.
type Command struct {
	Name      string   // the subcommand's word; empty for the program itself
	Args      string   // its arguments as the synopsis shows them: "bash|zsh|fish"
	ArgValues []string // the values of its one argument, offered by completion
	ArgFolder bool     // its one argument is a folder, which completion offers
	Summary   string   // one line, for the usage list and completion menus
	About     string   // paragraphs for its --help and the man page, blank-line separated
	Flags     []Flag   // every command also takes -h, --help
}

// Item is one entry of a man page list: a tag and what it means.
type Item struct {
	Tag, Text string
}

// Section is a man page section beyond the ones made from the commands.
type Section struct {
	Title string // upper case by convention: "FILES"
	Text  string // paragraphs, blank-line separated, before the items
	Items []Item
}

// Program is a whole command line: its commands, and what the man page
// says besides them.
type Program struct {
	Name     string
	Summary  string    // the man page's NAME line: "name - summary"
	Commands []Command // the first is the program itself
	// Sections follow the commands on the man page (ENVIRONMENT, FILES,
	// EXIT STATUS...). Flags' environment variables are listed for you.
	Sections []Section
}

// helpSummary is what -h, --help does, on every command.
const helpSummary = "show this help"

// Command finds a command by name ("" for the program itself).
func (p Program) Command(name string) (Command, bool) {
	for _, c := range p.Commands {
		if c.Name == name {
			return c, true
		}
	}
	return Command{}, false
}

// Synopsis is how a command is invoked: "jakstat serve [flags]".
func (p Program) Synopsis(c Command) string {
	parts := []string{p.Name}
	if c.Name != "" {
		parts = append(parts, c.Name)
	}
	if len(c.Flags) > 0 {
		parts = append(parts, "[flags]")
	}
	if c.Args != "" {
		parts = append(parts, c.Args)
	}
	return strings.Join(parts, " ")
}

// Help is the --help text of the named command: its synopsis (for the
// program itself, every subcommand's too), what it does, and its flags.
func (p Program) Help(name string) string {
	c, ok := p.Command(name)
	if !ok {
		return ""
	}
	var b strings.Builder
	b.WriteString("Usage: " + p.Synopsis(c) + "\n")
	if name == "" {
		b.WriteString(p.subcommandList())
	}
	about := c.About
	if about == "" && c.Summary != "" {
		about = capitalize(c.Summary) + "."
	}
	if about != "" {
		b.WriteString("\n" + strings.TrimSpace(about) + "\n")
	}
	b.WriteString("\nFlags:\n")
	b.WriteString(flagTable(c.Flags))
	return b.String()
}

// subcommandList lines up every subcommand's synopsis and summary under
// the program's own usage line.
func (p Program) subcommandList() string {
	width := 0
	for _, c := range p.Commands[1:] {
		width = max(width, len(p.Synopsis(c)))
	}
	var b strings.Builder
	for _, c := range p.Commands[1:] {
		fmt.Fprintf(&b, "       %-*s   %s\n", width, p.Synopsis(c), c.Summary)
	}
	return b.String()
}

// helpWidth is where the --help text wraps: it reads in an 80-column terminal.
const helpWidth = 78

// flagTable lists flags in two columns, their names and placeholders, then
// their help wrapped beside them; -h, --help comes last.
func flagTable(flags []Flag) string {
	names := make([]string, 0, len(flags)+1)
	helps := make([]string, 0, len(flags)+1)
	for _, f := range flags {
		names = append(names, usageName(f))
		helps = append(helps, f.HelpText())
	}
	names = append(names, "-h, --help")
	helps = append(helps, helpSummary)
	col := 0
	for _, n := range names {
		col = max(col, utf8.RuneCountInString(n))
	}
	col += 2 + 3 // indent, name, three spaces
	var b strings.Builder
	for i, n := range names {
		lines := wrap(helps[i], helpWidth-col)
		fmt.Fprintf(&b, "  %-*s%s\n", col-2, n, lines[0])
		for _, l := range lines[1:] {
			fmt.Fprintf(&b, "%*s%s\n", col, "", l)
		}
	}
	return b.String()
}

// usageName is a flag as its help shows it: "--width N".
func usageName(f Flag) string {
	if f.Arg == "" {
		return "--" + f.Name
	}
	return "--" + f.Name + " " + f.Arg
}

// wrap breaks text into lines of at most width columns at spaces; a word
// longer than width gets a line of its own. (Word wrappers that also break
// at hyphens would split flag names such as --no-motion.)
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	return append(lines, line)
}

// CheckArgs checks the arguments left after a command's flags: one of
// ArgValues for a command that has them, one folder for a command whose
// argument is a folder, none for the rest.
func (c Command) CheckArgs(args []string) error {
	if c.ArgFolder {
		switch {
		case len(args) == 0:
			return fmt.Errorf("%s needs a folder: %s %s", c.Name, c.Name, c.Args)
		case len(args) > 1:
			return fmt.Errorf("unexpected argument %q", args[1])
		}
		return nil
	}
	if len(c.ArgValues) == 0 {
		if len(args) > 0 {
			return fmt.Errorf("unexpected argument %q", args[0])
		}
		return nil
	}
	switch {
	case len(args) == 0:
		return fmt.Errorf("%s needs %s", c.Name, orList(c.ArgValues))
	case len(args) > 1:
		return fmt.Errorf("unexpected argument %q", args[1])
	case !slices.Contains(c.ArgValues, args[0]):
		return fmt.Errorf("%s takes %s (got %q)", c.Name, orList(c.ArgValues), args[0])
	}
	return nil
}
