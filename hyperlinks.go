package main

import (
	"strconv"
	"strings"
)

// The values of --hyperlinks.
const (
	hyperlinksAuto = "auto"
	hyperlinksOn   = "on"
	hyperlinksOff  = "off"
)

// hyperlinks decides whether the lesson draws links as OSC 8 hyperlinks:
// as --hyperlinks says, or for auto, only in a terminal known to support
// them. A terminal that does not would show the link's text with its
// address gone, so when in doubt they stay off and the address is printed.
func hyperlinks(when string, env func(string) string) bool {
	switch when {
	case hyperlinksOn:
		return true
	case hyperlinksOff:
		return false
	}
	return knownHyperlinkTerminal(env)
}

// knownHyperlinkTerminal recognises terminals that support OSC 8 from the
// variables they set, and says no wherever the terminal that will draw the
// text is unknown: over SSH (the variables describe this machine, not the
// viewer's), and inside tmux or screen (which drop the links unless set up
// to pass them on).
func knownHyperlinkTerminal(env func(string) string) bool {
	for _, v := range []string{"SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY", "TMUX", "STY"} {
		if env(v) != "" {
			return false
		}
	}
	term := env("TERM")
	switch {
	case term == "" || term == "dumb" || term == "linux",
		strings.HasPrefix(term, "screen"), strings.HasPrefix(term, "tmux"):
		return false
	case term == "xterm-kitty" || env("KITTY_WINDOW_ID") != "",
		strings.HasPrefix(term, "foot"),
		term == "xterm-ghostty",
		env("WT_SESSION") != "": // Windows Terminal
		return true
	}
	switch env("TERM_PROGRAM") {
	case "iTerm.app", "WezTerm", "vscode", "ghostty":
		return true
	}
	// VTE (GNOME Terminal, Tilix, Terminator...) has drawn them since 0.50.
	if v, err := strconv.Atoi(env("VTE_VERSION")); err == nil && v >= 5000 {
		return true
	}
	return false
}
