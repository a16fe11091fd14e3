package views

import (
	"regexp"
	"strings"

	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// Look picks a Markdown theme: colours for a dark or light terminal, or
// Plain for the print path, where no escape code may appear.
type Look int

// The Markdown looks.
const (
	Dark Look = iota
	Light
	Plain
)

// LookFor returns the look matching a dark or light background.
func LookFor(isDark bool) Look {
	if isDark {
		return Dark
	}
	return Light
}

// trailingPad matches the spaces (and the colour codes around them) glamour
// pads every line with up to the wrap width. Keeping them would make each
// frame several times larger for nothing.
var trailingPad = regexp.MustCompile(`(?:\x1b\[[0-9;]*m| )+$`)

// Markdown renders a step body at width columns. It is the costly part of a
// frame (milliseconds), so callers cache the result per step, width and look.
func Markdown(body string, width int, look Look) (string, error) {
	if width < 10 {
		width = 10
	}
	// Glamour's wrapper lets a line that ends at a breakpoint run a column
	// over, and counts the quote bar as one column however it is drawn; two
	// columns of slack keep every line within width.
	r, err := glamour.NewTermRenderer(glamour.WithStyles(markdownStyle(look)), glamour.WithWordWrap(width-2))
	if err != nil {
		return "", err
	}
	out, err := r.Render(body)
	if err != nil {
		return "", err
	}
	lines := strings.Split(strings.Trim(out, "\n"), "\n")
	for i, ln := range lines {
		trimmed := trailingPad.ReplaceAllString(ln, "")
		if look == Plain {
			trimmed = quoteBar.ReplaceAllString(trimmed, "${1}| ")
		} else {
			trimmed = bullet.ReplaceAllString(trimmed, "${1}• ")
			trimmed = quoteBar.ReplaceAllString(trimmed, "${1}┃ ")
		}
		if strings.Contains(trimmed, "\x1b[") {
			trimmed += "\x1b[0m"
		}
		lines[i] = trimmed
	}
	// Glamour leaves runs of blank lines around blocks; one is enough.
	outLines := lines[:0]
	for i, ln := range lines {
		if ln == "" && i > 0 && outLines[len(outLines)-1] == "" {
			continue
		}
		outLines = append(outLines, ln)
	}
	return strings.Join(outLines, "\n"), nil
}

// quoteBar finds the bar glamour draws down a blockquote, after any colour
// codes at the start of the line. Glamour sets aside one column per indent
// level whatever the bar's width, so a wider bar makes it re-wrap full lines
// into one-word orphans; it is given a one-column "|", swapped afterwards
// for "┃ " (the slack in Markdown's wrap width pays for the extra column).
var quoteBar = regexp.MustCompile(`^((?:\x1b\[[0-9;]*m)*)\|`)

// bullet likewise finds the ASCII list marker, swapped for a round one.
var bullet = regexp.MustCompile(`^((?:\x1b\[[0-9;]*m)*(?:\|)?(?:\x1b\[[0-9;]*m)*)- `)

// markdownStyle adapts glamour's built-in themes: no outer margin (the
// layout owns margins), plain headings, and misconception quotes in the
// attention colour. Only copies are changed; glamour's own values are shared.
func markdownStyle(look Look) gansi.StyleConfig {
	var cfg gansi.StyleConfig
	switch look {
	case Light:
		cfg = styles.LightStyleConfig
	case Plain:
		cfg = styles.ASCIIStyleConfig
	default:
		cfg = styles.DarkStyleConfig
	}
	zero := uint(0)
	cfg.Document.Margin = &zero
	cfg.Document.BlockPrefix = ""
	cfg.Document.BlockSuffix = ""
	cfg.H1.Prefix, cfg.H1.Suffix, cfg.H1.BackgroundColor = "", "", nil
	cfg.H2.Prefix = ""
	cfg.H3.Prefix = ""
	cfg.H4.Prefix = ""
	token := "|"
	cfg.BlockQuote.IndentToken = &token
	cfg.Item.BlockPrefix = "- "
	if look == Plain {
		// Emphasis markers (**, _) would be noise in plain text.
		cfg.Strong, cfg.Emph = gansi.StylePrimitive{}, gansi.StylePrimitive{}
		return cfg
	}
	s := NewStyles(look == Dark)
	warm := colorHex(s.Overflow.GetForeground())
	cfg.BlockQuote.Color = &warm
	return cfg
}
