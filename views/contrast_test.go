package views

import (
	"fmt"
	"image/color"
	"math"
	"reflect"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// luminance is a colour's relative luminance, as WCAG 2.x defines it.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG 2.x contrast ratio of two colours, from 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

type styleColour struct {
	name       string
	fg         color.Color
	decoration bool
}

// styleColours lists the foreground colour of every style in s, found by
// walking the struct, so a style added later cannot escape the check.
func styleColours(s Styles) []styleColour {
	var out []styleColour
	var walk func(prefix string, v reflect.Value)
	walk = func(prefix string, v reflect.Value) {
		for i := range v.NumField() {
			if !v.Type().Field(i).IsExported() {
				continue // worked out from the exported styles
			}
			f, name := v.Field(i), prefix+v.Type().Field(i).Name
			switch st := f.Interface().(type) {
			case lipgloss.Style:
				if fg := st.GetForeground(); fg != nil {
					if _, none := fg.(lipgloss.NoColor); !none {
						out = append(out, styleColour{name, fg, decorative[name]})
					}
				}
				if bc := st.GetBorderBottomForeground(); bc != nil {
					if _, none := bc.(lipgloss.NoColor); !none {
						out = append(out, styleColour{name + ".Border", bc, true})
					}
				}
			default:
				if f.Kind() == reflect.Struct {
					walk(name+".", f)
				}
			}
		}
	}
	walk("", reflect.ValueOf(s))
	return out
}

// decorative names the styles that draw lines and marks rather than words;
// WCAG asks 3:1 of them instead of 4.5:1.
var decorative = map[string]bool{
	"BarEmpty": true, "BarFull": true, "Help.ShortSeparator": true, "Help.FullSeparator": true,
}

// Backgrounds the styles are read on. The app paints none, so text sits on
// the terminal's own background: anything from pure white (black) to the
// palest tinted light (dark) scheme in common use. Contrast only falls as
// the background moves towards the text, so passing at both ends passes
// everywhere between.
var backgrounds = map[bool][]struct {
	name string
	c    color.Color
	tint bool
}{
	false: {{"white", lipgloss.Color("#FFFFFF"), false}, {"Solarized Light", lipgloss.Color("#FDF6E3"), true}},
	true:  {{"black", lipgloss.Color("#000000"), false}, {"Nord", lipgloss.Color("#2E3440"), true}},
}

// TestContrast holds every colour in both themes to WCAG AA: 4.5:1 for
// text, 3:1 for lines and separators. Colours are measured as sent in true
// colour, and as tmux or an SSH session folds them to the 256-colour
// palette; the 256 palette is too coarse to promise AA on tinted
// backgrounds (its nearest amber, #AF5F00, reaches 4.37:1 on Solarized
// Light), so folded colours are held to it on pure white and black.
func TestContrast(t *testing.T) {
	for _, dark := range []bool{false, true} {
		for _, sc := range styleColours(NewStyles(dark)) {
			need := 4.5
			if sc.decoration {
				need = 3
			}
			line := fmt.Sprintf("%-5s %-20s %s", theme(dark), sc.name, hex(sc.fg))
			for _, bg := range backgrounds[dark] {
				tc, c256 := contrast(sc.fg, bg.c), contrast(ansi.Convert256(sc.fg), bg.c)
				line += fmt.Sprintf("  %s %.2f (256: %.2f)", bg.name, tc, c256)
				if tc < need || !bg.tint && c256 < need {
					t.Errorf("%s theme %s %s on %s: %.2f:1 (256 colours: %.2f:1), needs %.1f:1",
						theme(dark), sc.name, hex(sc.fg), bg.name, tc, c256, need)
				}
			}
			t.Log(line)
		}
	}
}

// TestContrastMeasure checks the measuring stick against WCAG's own
// figures, so a passing TestContrast means what it says.
func TestContrastMeasure(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"#000000", "#FFFFFF", 21},
		{"#FFFFFF", "#FFFFFF", 1},
		{"#767676", "#FFFFFF", 4.54}, // the lightest grey that passes AA on white
		{"#777777", "#FFFFFF", 4.48},
		{"#B2B2B2", "#FFFFFF", 2.12}, // bubbles' help text on white, as the issue measured
	} {
		if got := contrast(lipgloss.Color(tc.a), lipgloss.Color(tc.b)); math.Abs(got-tc.want) > 0.01 {
			t.Errorf("contrast(%s, %s) = %.3f, want %.2f", tc.a, tc.b, got, tc.want)
		}
	}
	if n := len(styleColours(NewStyles(true))); n < 30 {
		t.Errorf("found only %d style colours: the walk missed some", n)
	}
}

func theme(dark bool) string {
	if dark {
		return "dark"
	}
	return "light"
}

func hex(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02X%02X%02X", r>>8, g>>8, b>>8)
}
