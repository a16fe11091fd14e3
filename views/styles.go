// Package views renders the lesson: pure functions from (data, size, styles)
// to strings. Nothing here holds state, sends messages or reads files; the
// model package decides what to show and calls in here to draw it.
package views

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/table"
	"charm.land/lipgloss/v2"
)

// Minimum window size the interactive lesson draws itself in. Below it the
// model shows TooSmall instead of a broken layout.
const (
	MinWidth  = 40
	MinHeight = 12
)

// Styles is every colour and text attribute the app uses, built once for a
// light or a dark terminal. NO_COLOR and plain pipes are handled later, by
// the renderer's colour-profile downsampling, so styles never test for them.
type Styles struct {
	AppName    lipgloss.Style // "JAK inhibitors for eczema" in the header
	Section    lipgloss.Style // the current section name
	Counter    lipgloss.Style // "3/18"
	Title      lipgloss.Style // the step title under the progress bar
	BarFull    lipgloss.Style // the done part of the progress bar
	BarEmpty   lipgloss.Style // the rest of it
	Muted      lipgloss.Style // secondary text: disclaimer, hints
	Overflow   lipgloss.Style // "more below" marks
	Warning    lipgloss.Style // "window too small", errors
	PaneLabel  lipgloss.Style // a pane's label when it does not have focus
	PaneFocus  lipgloss.Style // a pane's label when it has focus
	Label      lipgloss.Style // field names in details and cards
	Value      lipgloss.Style // field values
	CardTitle  lipgloss.Style // the first line of a card
	CardCursor lipgloss.Style // the marker beside the selected card
	SourceID   lipgloss.Style // [S12] in source lists
	Prompt     lipgloss.Style // the ":" jump prompt
	Match      lipgloss.Style // a search match

	MdText     lipgloss.Style // body text
	MdHeading1 lipgloss.Style // # headings, over a heavy rule
	MdHeading2 lipgloss.Style // ## headings, over a light rule
	MdHeading  lipgloss.Style // ### headings in a step
	MdHeading4 lipgloss.Style // #### headings and deeper
	MdQuote    lipgloss.Style // blockquotes: misconception notes
	MdCode     lipgloss.Style // `code` and code blocks
	MdLink     lipgloss.Style // a link's text (underlined as well)

	SceneMembrane lipgloss.Style // membrane, nucleus: the scenery
	SceneSignal   lipgloss.Style // the signal: cytokine, active JAKs, P marks, a gene on
	SceneAntibody lipgloss.Style // a biologic
	SceneBlock    lipgloss.Style // a JAK inhibitor and where the signal stops

	Table table.Styles
	Help  help.Styles

	scene roleCodes // each scene role's escape codes, worked out once
}

// NewStyles builds the styles for a dark or a light background.
//
// The app paints no background of its own, so every colour is chosen to be
// read on the terminal's: at least 4.5:1 (WCAG AA) for text and 3:1 for
// lines and separators, against both ends of what a light or dark terminal
// is (pure white or black, and the palest tinted schemes: Solarized Light
// #FDF6E3, Nord #2E3440), and still on pure white or black once tmux or an
// SSH session folds them to the 256-colour palette. contrast_test.go
// measures every one.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	var (
		text   = ld(lipgloss.Color("#1F1F28"), lipgloss.Color("#E6E6E6"))
		strong = ld(lipgloss.Color("#4E4E4E"), lipgloss.Color("#C6C6C6")) // help keys: between text and muted
		muted  = ld(lipgloss.Color("#6C6C6C"), lipgloss.Color("#9E9E9E"))
		faint  = ld(lipgloss.Color("#8A8A8A"), lipgloss.Color("#808080")) // lines and separators only
		accent = ld(lipgloss.Color("#1B6AC9"), lipgloss.Color("#5FAFFF")) // the signal: blue
		warm   = ld(lipgloss.Color("#A14A00"), lipgloss.Color("#FFAF5F")) // attention: amber
		green  = ld(lipgloss.Color("#2E7D32"), lipgloss.Color("#87D787")) // a biologic
	)
	base := lipgloss.NewStyle()
	s := Styles{
		AppName:    base.Bold(true).Foreground(accent),
		Section:    base.Foreground(muted),
		Counter:    base.Bold(true).Foreground(text),
		Title:      base.Bold(true).Foreground(text),
		BarFull:    base.Foreground(accent),
		BarEmpty:   base.Foreground(faint),
		Muted:      base.Foreground(muted),
		Overflow:   base.Foreground(warm),
		Warning:    base.Bold(true).Foreground(warm),
		PaneLabel:  base.Foreground(muted),
		PaneFocus:  base.Bold(true).Foreground(accent),
		Label:      base.Foreground(muted),
		Value:      base.Foreground(text),
		CardTitle:  base.Bold(true).Foreground(text),
		CardCursor: base.Bold(true).Foreground(accent),
		SourceID:   base.Foreground(accent),
		Prompt:     base.Bold(true).Foreground(accent),
		Match:      base.Bold(true).Reverse(true),
		Help:       helpStyles(strong, muted, faint),
		MdText:     base.Foreground(text),
		MdHeading1: base.Bold(true).Foreground(accent),
		MdHeading2: base.Bold(true).Foreground(accent),
		MdHeading:  base.Bold(true).Foreground(accent),
		MdHeading4: base.Bold(true).Italic(true).Foreground(text),
		MdQuote:    base.Foreground(warm),
		MdCode:     base.Foreground(accent),
		MdLink:     base.Foreground(accent),

		SceneMembrane: base.Foreground(muted),
		SceneSignal:   base.Bold(true).Foreground(accent),
		SceneAntibody: base.Bold(true).Foreground(green),
		SceneBlock:    base.Bold(true).Foreground(warm),
	}
	s.scene = newRoleCodes(s)
	s.Table = table.Styles{
		Header: base.Bold(true).PaddingRight(cellPad).Foreground(text).
			BorderStyle(lipgloss.NormalBorder()).BorderBottom(true).BorderForeground(faint),
		Cell: base.PaddingRight(cellPad),
		// Reverse video marks the row even where colour is off (NO_COLOR).
		Selected: base.Bold(true).Reverse(true),
	}
	return s
}

// helpStyles colours the help bar and the full help like bubbles' own,
// keys stronger than their descriptions and separators fainter, but dark
// enough to read: bubbles' greys measure 2.1:1 on white and 2.4:1 on black.
func helpStyles(key, desc, sep color.Color) help.Styles {
	base := lipgloss.NewStyle()
	return help.Styles{
		Ellipsis:       base.Foreground(desc),
		ShortKey:       base.Foreground(key),
		ShortDesc:      base.Foreground(desc),
		ShortSeparator: base.Foreground(sep),
		FullKey:        base.Foreground(key),
		FullDesc:       base.Foreground(desc),
		FullSeparator:  base.Foreground(sep),
	}
}
