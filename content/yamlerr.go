package content

import (
	"regexp"
	"strings"
)

// YAML's own error messages are a parser's ("did not find expected ',' or
// ']'"), and yaml.v3 reports a parser error's line counting from 0, so it
// names the line above the one that is wrong. yamlSyntax puts the common
// mistakes in an author's words, at the line where they were made: a [, {
// or quote that is never closed (at the line that opened it), a tab in an
// indent, a line indented out of step, a value that needs quotes.

// parserErrors are the messages yaml.v3's parser gives (its scanner's
// lines count from 1, its parser's from 0).
var parserErrors = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// yamlSyntax is a yaml.v3 syntax error in data (msg, without "yaml: " and
// "line N: "; line is N, 0 when there was none) as the line it is on in
// data (from 1) and what to do about it.
func yamlSyntax(data []byte, msg string, line int) (int, string) {
	if parserErrors[msg] {
		line++ // yaml.v3 counts a parser error's line from 0, and leaves out line 0
	}
	lines := strings.Split(string(data), "\n")
	text := ""
	if line > 0 && line <= len(lines) {
		text = lines[line-1]
	}
	switch msg {
	case "did not find expected ',' or ']'", "did not find expected ',' or '}'", "found unexpected end of stream", "did not find expected node content":
		if at, what := unclosed(lines); at > 0 {
			return at, what
		}
	}
	switch msg {
	case "did not find expected ',' or ']'":
		return line, "a list in [ ] needs commas between its items and a ] at its end"
	case "did not find expected ',' or '}'":
		return line, "a { } group needs commas between its entries and a } at its end"
	case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
		return tabbed(lines, line), tabIndent
	case "found character that cannot start any token":
		return line, cannotStart(text)
	case "mapping values are not allowed in this context":
		return line, secondColon(text)
	case "did not find expected key":
		return line, notAKey(text)
	case "did not find expected '-' indicator":
		return breaksList(lines, line), "this line breaks the list above it: its items line up, each starting with \"- \""
	case "could not find expected ':'":
		return line, `a key needs ": " after it (or a value that runs over lines needs quotes)`
	case "did not find expected node content":
		return line, "a value is missing here"
	case "found unknown escape character":
		return line, `an unknown \ escape in a "double-quoted" value: write \\ for a backslash, or use 'single quotes'`
	}
	return line, msg
}

// breaksList finds the line that breaks the list starting on line start
// (from 1; yaml.v3 names the list's first line): the first after it, at
// the list's indent, that is not an item.
func breaksList(lines []string, start int) int {
	if start < 1 || start > len(lines) {
		return start
	}
	indent := func(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }
	at := indent(lines[start-1])
	for i := start; i < len(lines); i++ {
		ln := lines[i]
		if t := strings.TrimSpace(ln); t == "" || t[0] == '#' || indent(ln) > at {
			continue
		}
		if t := strings.TrimSpace(ln); indent(ln) == at && (t == "-" || strings.HasPrefix(t, "- ")) {
			continue
		}
		return i + 1
	}
	return start
}

// notAKey says what is wrong with a line where a key belongs: text after
// a quoted value, a ] or } that closes nothing, a list item at the margin,
// or (most often) an indent out of step.
func notAKey(line string) string {
	t := strings.TrimSpace(line)
	switch {
	case trailingAfterQuote.MatchString(line):
		return "text after a quoted value: put the whole value inside the quotes"
	case strings.Count(t, "]") > strings.Count(t, "["):
		return "a ] here closes nothing: remove it"
	case strings.Count(t, "}") > strings.Count(t, "{"):
		return "a } here closes nothing: remove it"
	case (t == "-" || strings.HasPrefix(t, "- ")) && !strings.HasPrefix(line, " "):
		return "a list item where a key belongs: write the key, then the items under it, indented"
	}
	return "this line does not line up with the lines above it: lines at the same level start after the same number of spaces"
}

// tabbed finds the line with a tab in its indent, from line on (yaml.v3
// may name the line of the block the tab is in).
func tabbed(lines []string, line int) int {
	for i := max(line-1, 0); i < len(lines); i++ {
		ln := lines[i]
		if strings.Contains(ln[:len(ln)-len(strings.TrimLeft(ln, " \t"))], "\t") {
			return i + 1
		}
	}
	return line
}

// tabIndent is what a tab in an indent is told.
const tabIndent = "a tab in this line's indent: YAML indents with spaces only"

// trailingAfterQuote matches a line whose quoted value has more after it.
var trailingAfterQuote = regexp.MustCompile(`^\s*(?:- )?[^\s"':#][^:#]*:\s+("[^"]*"|'[^']*')\s*[^\s#]`)

// cannotStart says what to do about a value that begins with a character
// YAML keeps for itself (` @ %), or a tab where the indent should be.
func cannotStart(line string) string {
	indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
	if strings.Contains(indent, "\t") {
		return tabIndent
	}
	if _, value, ok := strings.Cut(line, ": "); ok {
		if v := strings.TrimSpace(value); v != "" && strings.ContainsAny(v[:1], "`@%") {
			return "a value cannot start with " + v[:1] + ": put the value in quotes"
		}
	}
	return "a character here cannot start a value: put the value in quotes"
}

// secondColon says what to do about ": " where YAML allows no key: a
// value holding one, or a line indented deeper than the key above it.
func secondColon(line string) string {
	_, value, ok := strings.Cut(strings.TrimSpace(line), ": ")
	if ok && strings.Contains(value, ": ") && !strings.ContainsAny(strings.TrimSpace(value)[:1], `"'`) {
		return `the value holds ": ": put the whole value in quotes`
	}
	return "this line is indented more than the key above it: line it up with the other keys (a list under a key starts each item with \"- \")"
}

// unclosed finds a [ or { or a quote that is never closed, and returns the
// line that opened it (from 1) and what to do, or 0 when everything that
// was opened is closed. It reads YAML as far as these need: comments,
// block scalars (| and >, whose lines are text), quoted values (which may
// run over lines) and [ ] { } groups (which may too). A [ inside a plain
// value ("a [b]") opens nothing.
func unclosed(lines []string) (int, string) {
	type open struct {
		char byte
		line int
	}
	var stack []open
	var quote byte
	quoteLine, blockIndent := 0, -1
	for i, ln := range lines {
		indent := len(ln) - len(strings.TrimLeft(ln, " "))
		if blockIndent >= 0 {
			if strings.TrimSpace(ln) == "" || indent > blockIndent {
				continue // a line of a block scalar's text
			}
			blockIndent = -1
		}
		start := quote == 0 // a value may start here
		for j := 0; j < len(ln); j++ {
			c := ln[j]
			switch {
			case quote == '"' && c == '\\':
				j++
			case quote == '\'' && c == '\'' && j+1 < len(ln) && ln[j+1] == '\'':
				j++
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '#' && (j == 0 || ln[j-1] == ' ' || ln[j-1] == '\t'):
				j = len(ln) // a comment
			case (c == '"' || c == '\'') && start:
				quote, quoteLine = c, i+1
			case (c == '[' || c == '{') && (start || len(stack) > 0):
				stack = append(stack, open{c, i + 1})
				start = true
				continue
			case (c == ']' || c == '}') && len(stack) > 0:
				stack = stack[:len(stack)-1]
			case c == ',' && len(stack) > 0:
				start = true
				continue
			case c == ' ' || c == '\t':
				continue // spaces keep a value's start
			case (c == ':' || c == '-' && start) && (j+1 == len(ln) || ln[j+1] == ' '):
				start = true // after a key's colon, or a list item's dash
				if len(stack) == 0 && blockScalar(ln[j+1:]) {
					blockIndent = indent
				}
				continue
			}
			start = false
		}
	}
	switch {
	case quote != 0:
		return quoteLine, "a quote opened with " + string(quote) + " is not closed: end the value with " + string(quote)
	case len(stack) > 0:
		o := stack[len(stack)-1]
		if o.char == '[' {
			return o.line, "a list opened with [ is not closed: end it with ]"
		}
		return o.line, "a { opened here is not closed: end it with }"
	}
	return 0, ""
}

// blockScalar says whether what follows a key's colon starts a block
// scalar: | or > with any indentation and chomping indicators.
func blockScalar(rest string) bool {
	rest, _, _ = strings.Cut(rest, " #")
	return blockIndicator.MatchString(strings.TrimSpace(rest))
}

var blockIndicator = regexp.MustCompile(`^[|>][0-9+-]*$`)
