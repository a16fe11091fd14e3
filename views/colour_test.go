package views

import (
	"bytes"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"
)

// TestColourGolden keeps the escape codes, so a change of colour or
// attribute shows in review, in true colour, folded to 256 colours as
// tmux does, and with NO_COLOR (the Ascii profile: no colour, bold kept).
// Codes are written as \e to keep the files readable.
func TestColourGolden(t *testing.T) {
	bar := []key.Binding{
		key.NewBinding(key.WithKeys("right"), key.WithHelp("→/l/space", "next")),
		key.NewBinding(key.WithKeys("left"), key.WithHelp("←/h", "back")),
		key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "pause")),
		key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
	}
	last := SceneFrames("nucleus") - 1
	light, dark := NewStyles(false), NewStyles(true)
	for _, tc := range []struct {
		name    string
		out     string
		profile colorprofile.Profile
	}{
		{"scene-light", SceneAt("nucleus", last, SceneCompact, UnicodeGlyphs(), light), colorprofile.TrueColor},
		{"scene-light-256", SceneAt("nucleus", last, SceneCompact, UnicodeGlyphs(), light), colorprofile.ANSI256},
		{"scene-dark", SceneAt("compare", 29, SceneCompact, UnicodeGlyphs(), dark), colorprofile.TrueColor},
		{"scene-nocolor", SceneAt("nucleus", last, SceneCompact, UnicodeGlyphs(), dark), colorprofile.ASCII},
		{"helpbar-light", HelpBar(light, bar, 50), colorprofile.TrueColor},
		{"helpbar-dark", HelpBar(dark, bar, 50), colorprofile.TrueColor},
		{"helpbar-dark-256", HelpBar(dark, bar, 50), colorprofile.ANSI256},
		{"helpbar-nocolor", HelpBar(light, bar, 50), colorprofile.ASCII},
		{"header-light", Header(light, "JAK inhibitors for eczema", "The pathway", "Stage 3", 6, 18, 50, ""), colorprofile.TrueColor},
		{"header-dark", Header(dark, "JAK inhibitors for eczema", "The pathway", "Stage 3", 6, 18, 50, ""), colorprofile.TrueColor},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			w := &colorprofile.Writer{Forward: &b, Profile: tc.profile}
			if _, err := w.WriteString(tc.out); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, []byte(strings.ReplaceAll(b.String(), "\x1b", `\e`)))
		})
	}
}
