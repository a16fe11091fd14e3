package cli

import (
	"fmt"
	"strings"
)

// Man is p's manual page in roff (man(7) macros), for section 1. date and
// source fill the page's footer: "2026-11-26" and "jakstat 1.2.0", say.
func (p Program) Man(date, source string) string {
	var b strings.Builder
	fmt.Fprintf(&b, ".TH %s 1 %s %s \"User Commands\"\n", roffArg(strings.ToUpper(p.Name)), roffArg(date), roffArg(source))
	b.WriteString(".nh\n.ad l\n") // no hyphenation, ragged right: flags stay whole
	fmt.Fprintf(&b, ".SH NAME\n%s \\- %s\n", roff(p.Name), roff(p.Summary))

	b.WriteString(".SH SYNOPSIS\n")
	for i, c := range p.Commands {
		if i > 0 {
			b.WriteString(".br\n")
		}
		b.WriteString(manSynopsis(p, c) + "\n")
	}

	root := p.Commands[0]
	b.WriteString(".SH DESCRIPTION\n")
	b.WriteString(paragraphs(root.About))
	b.WriteString(".SH OPTIONS\n")
	b.WriteString(manFlags(root.Flags))

	b.WriteString(".SH COMMANDS\n")
	for _, c := range p.subcommands() {
		fmt.Fprintf(&b, ".SS %s\n", roff(p.Synopsis(c)))
		text := c.About
		if text == "" {
			text = capitalize(c.Summary) + "."
		}
		b.WriteString(paragraphs(text))
		if len(c.Flags) > 0 {
			b.WriteString(".PP\nFlags:\n")
			b.WriteString(manFlags(c.Flags))
		}
	}

	if env := p.environment(); len(env) > 0 {
		b.WriteString(manSection(Section{Title: "ENVIRONMENT", Items: env}))
	}
	for _, s := range p.Sections {
		if s.Title != "ENVIRONMENT" {
			b.WriteString(manSection(s))
		}
	}
	return b.String()
}

// manSynopsis sets a command's synopsis in the man page's fonts: the words
// to type in bold, placeholders in italics.
func manSynopsis(p Program, c Command) string {
	s := `\fB` + roff(p.Name)
	if c.Name != "" {
		s += " " + roff(c.Name)
	}
	s += `\fR`
	if len(c.Flags) > 0 {
		s += ` [\fIflags\fR]`
	}
	if c.Args != "" {
		s += " " + roff(c.Args)
	}
	return s
}

// environment lists every flag's environment variable, then the
// variables of an ENVIRONMENT section in p.Sections.
func (p Program) environment() []Item {
	var items []Item
	for _, c := range p.Commands {
		for _, f := range c.Flags {
			if f.Env != "" {
				items = append(items, Item{Tag: f.Env, Text: "Does what --" + f.Name + " does, when the flag is not given."})
			}
		}
	}
	for _, s := range p.Sections {
		if s.Title == "ENVIRONMENT" {
			items = append(items, s.Items...)
		}
	}
	return items
}

func manFlags(flags []Flag) string {
	var b strings.Builder
	for _, f := range flags {
		tag := `\fB\-\-` + roff(f.Name) + `\fR`
		if f.Arg != "" {
			tag += ` \fI` + roff(f.Arg) + `\fR`
		}
		fmt.Fprintf(&b, ".TP\n%s\n%s\n", tag, roff(f.HelpText()))
	}
	fmt.Fprintf(&b, ".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\n%s\n", roff(helpSummary))
	return b.String()
}

func manSection(s Section) string {
	var b strings.Builder
	fmt.Fprintf(&b, ".SH %s\n", roff(s.Title))
	b.WriteString(paragraphs(s.Text))
	for _, it := range s.Items {
		fmt.Fprintf(&b, ".TP\n\\fB%s\\fR\n%s\n", roff(it.Tag), roff(it.Text))
	}
	return b.String()
}

// paragraphs sets blank-line separated text as roff paragraphs.
func paragraphs(text string) string {
	var b strings.Builder
	for i, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		if i > 0 {
			b.WriteString(".PP\n")
		}
		b.WriteString(roff(strings.Join(strings.Fields(para), " ")) + "\n")
	}
	return b.String()
}

// roff escapes text for a roff text line: backslashes and dashes (so that
// flags copy as ASCII hyphen-minus), and a leading dot or quote that would
// read as a request.
func roff(s string) string {
	s = strings.NewReplacer(`\`, `\e`, "-", `\-`).Replace(s)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// roffArg quotes a macro argument.
func roffArg(s string) string {
	return `"` + strings.ReplaceAll(roff(s), `"`, `\(dq`) + `"`
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
