// Package views renders the lesson: pure functions from (data, size, styles)
// to strings. Nothing here holds state, sends messages or reads files; the
// model package decides what to show and calls in here to draw it.
package views

import (
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

	MdText    lipgloss.Style // body text
	MdHeading lipgloss.Style // ### headings in a step
	MdQuote   lipgloss.Style // blockquotes: misconception notes
	MdCode    lipgloss.Style // `code`

	SceneMembrane lipgloss.Style // membrane, nucleus: the scenery
	SceneSignal   lipgloss.Style // the signal: cytokine, active JAKs, P marks, a gene on
	SceneAntibody lipgloss.Style // a biologic
	SceneBlock    lipgloss.Style // a JAK inhibitor and where the signal stops

	Table table.Styles
	Help  help.Styles
}

// NewStyles builds the styles for a dark or a light background.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	var (
		text   = ld(lipgloss.Color("#1F1F28"), lipgloss.Color("#E6E6E6"))
		muted  = ld(lipgloss.Color("#6C6C6C"), lipgloss.Color("#8A8A8A"))
		faint  = ld(lipgloss.Color("#C8C8C8"), lipgloss.Color("#3A3A3A"))
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
		Help:       help.DefaultStyles(isDark),
		MdText:     base.Foreground(text),
		MdHeading:  base.Bold(true).Foreground(accent),
		MdQuote:    base.Foreground(warm),
		MdCode:     base.Foreground(accent),

		SceneMembrane: base.Foreground(muted),
		SceneSignal:   base.Bold(true).Foreground(accent),
		SceneAntibody: base.Bold(true).Foreground(green),
		SceneBlock:    base.Bold(true).Foreground(warm),
	}
	s.Table = table.Styles{
		Header: base.Bold(true).PaddingRight(cellPad).Foreground(text).
			BorderStyle(lipgloss.NormalBorder()).BorderBottom(true).BorderForeground(faint),
		Cell: base.PaddingRight(cellPad),
		// Reverse video marks the row even where colour is off (NO_COLOR).
		Selected: base.Bold(true).Reverse(true),
	}
	return s
}
