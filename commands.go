package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"jakstat/cli"
)

// subcommand runs jakstat version, completion or man, which print
// something about the program rather than the lesson.
func subcommand(name string, args []string, stdout, stderr io.Writer) int {
	p := program()
	cmd, _ := p.Command(name)
	var none struct{}
	rest, err := cli.Parse[struct{}](nil, &none, args)
	if errors.Is(err, cli.ErrHelp) {
		fmt.Fprint(stdout, p.Help(name))
		return 0
	}
	if err == nil {
		err = cmd.CheckArgs(rest)
	}
	if err != nil {
		return usageError(stderr, name, err)
	}
	switch name {
	case "version":
		fmt.Fprint(stdout, buildVersion().String())
	case "completion":
		script, _ := p.Completion(rest[0])
		fmt.Fprint(stdout, script)
	case "man":
		v := buildVersion()
		fmt.Fprint(stdout, p.Man(v.Day(), strings.TrimSpace("jakstat "+v.Version)))
	}
	return 0
}

// usageError reports a command-line mistake in one line, then the
// command's usage, and returns exit status 2.
func usageError(stderr io.Writer, name string, err error) int {
	prefix := "jakstat"
	if name != "" {
		prefix += " " + name
	}
	fmt.Fprintf(stderr, "%s: %s\n\n%s", prefix, strings.TrimPrefix(err.Error(), errUsage.Error()+": "), program().Help(name))
	return 2
}
