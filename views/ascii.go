package views

import (
	"strings"
	"unicode/utf8"
)

// asciiText spells the characters lesson text uses in ASCII. Spellings may
// be longer than the original, so it is applied to text before layout.
func asciiText() *strings.Replacer {
	return strings.NewReplacer(
		"—", "--", "–", "-", "…", "...", "≤", "<=", "≥", ">=", "×", "x", "±", "+/-",
		"α", "alpha", "β", "beta", "γ", "gamma", "κ", "kappa", "µ", "u", "μ", "u",
		"‘", "'", "’", "'", "“", "\"", "”", "\"", "·", "-", "•", "*", "→", "->", "←", "<-",
		"°", " deg", "é", "e", "è", "e", "ö", "o", "ü", "u", "\u00a0", " ",
	)
}

// ASCIIText rewrites text in plain ASCII for --ascii: known characters get
// a readable spelling, anything else becomes "?".
func ASCIIText(s string) string {
	return onlyASCII(asciiText().Replace(s))
}

// asciiFrame maps every glyph the interface draws to a one-column stand-in,
// so a finished frame can be folded without moving anything.
func asciiFrame() *strings.Replacer {
	return strings.NewReplacer(
		"━", "=", "─", "-", "═", "=", "┃", "|", "│", "|", "╭", "+", "╮", "+", "╰", "+", "╯", "+",
		"•", "*", "·", "-", "▲", "^", "▼", "v", "▸", ">", "▏", "|", "…", "~", "—", "-",
		"→", ">", "←", "<", "↑", "^", "↓", "v", "◆", "*", "■", "#", "✕", "X", "≈", "~",
		"✓", "+", "✗", "x", "“", "\"", "”", "\"",
	)
}

// ASCIIFrame folds a rendered frame to ASCII, cell for cell.
func ASCIIFrame(s string) string {
	return onlyASCII(asciiFrame().Replace(s))
}

// onlyASCII replaces any rune left above 127 with "?", one per rune.
func onlyASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			var b strings.Builder
			for _, r := range s {
				if r >= utf8.RuneSelf {
					r = '?'
				}
				b.WriteRune(r)
			}
			return b.String()
		}
	}
	return s
}
