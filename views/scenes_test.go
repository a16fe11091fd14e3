package views

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"jakstat/content"
)

// TestSceneGolden pins the first, a middle and the last frame of every
// scene, wide and narrow, in Unicode and in ASCII. Review changes by eye:
// go test ./views -run TestSceneGolden -update
func TestSceneGolden(t *testing.T) {
	s := NewStyles(true)
	for _, name := range content.SceneNames() {
		last := SceneFrames(name) - 1
		for _, layout := range []struct {
			name string
			wide bool
		}{{"wide", true}, {"narrow", false}} {
			for _, glyphs := range []struct {
				name string
				g    Glyphs
			}{{"unicode", UnicodeGlyphs()}, {"ascii", ASCIIGlyphs()}} {
				for _, fr := range []struct {
					name string
					f    int
				}{{"first", 0}, {"middle", last / 2}, {"last", last}} {
					t.Run(fmt.Sprintf("%s-%s-%s-%s", name, layout.name, glyphs.name, fr.name), func(t *testing.T) {
						out := Scene(name, fr.f, layout.wide, glyphs.g, s)
						plain := ansi.Strip(out)
						w, h := SceneSize(name, layout.wide, glyphs.g)
						lines := strings.Split(plain, "\n")
						if len(lines) != h {
							t.Errorf("%d lines, SceneSize says %d", len(lines), h)
						}
						for _, ln := range lines {
							if ansi.StringWidth(ln) > w {
								t.Errorf("line wider than %d: %q", w, ln)
							}
						}
						if glyphs.g.ASCII {
							for i := 0; i < len(out); i++ {
								if out[i] > 127 {
									t.Fatalf("byte %d is %#x in ASCII mode", i, out[i])
								}
							}
						}
						golden.RequireEqual(t, []byte(plain))
					})
				}
			}
		}
	}
}

// TestScenesSayWhatTheyShow checks each scene's last frame tells its story
// in the lesson's words, and that the blocked one stops at the JAK.
func TestScenesSayWhatTheyShow(t *testing.T) {
	s := Styles{}
	g := UnicodeGlyphs()
	last := func(name string) string { return Scene(name, SceneFrames(name)-1, true, g, s) }
	for _, name := range content.SceneNames() {
		out := last(name)
		for _, word := range []string{"cytokine", "receptor", "JAK", "STAT", "phosphate", "nucleus", "DNA"} {
			if !strings.Contains(out, word) {
				t.Errorf("%s: legend or labels never say %q", name, word)
			}
		}
	}
	if out := last("nucleus"); !strings.Contains(out, "gene ON") {
		t.Errorf("nucleus ends without a gene switched on:\n%s", out)
	}
	blocked := last("blocked")
	drawing := strings.Join(strings.Split(blocked, "\n")[:sceneRows], "\n")
	if strings.Contains(blocked, "gene ON") || strings.Contains(drawing, "P") {
		t.Errorf("blocked scene shows the signal getting through:\n%s", blocked)
	}
	if !strings.Contains(blocked, string(g.Block)) || !strings.Contains(blocked, string(g.Drug)) {
		t.Errorf("blocked scene lacks the drug or the stop mark:\n%s", blocked)
	}
	if bio := last("biologic"); strings.Contains(bio, "gene ON") || !strings.Contains(bio, "antibody") {
		t.Errorf("biologic scene wrong:\n%s", bio)
	}
}

// TestScenesMatchContentVocabulary: every scene a step may name can be drawn.
func TestScenesMatchContentVocabulary(t *testing.T) {
	for _, name := range content.SceneNames() {
		if SceneFrames(name) < 2 || SceneCaption(name) == "" {
			t.Errorf("scene %s has no frames or no caption", name)
		}
	}
}

// TestFramesArePure: drawing a frame twice, or out of order, gives the same picture.
func TestFramesArePure(t *testing.T) {
	s := NewStyles(false)
	for _, name := range content.SceneNames() {
		a := Scene(name, 5, true, UnicodeGlyphs(), s)
		Scene(name, 9, true, UnicodeGlyphs(), s)
		if b := Scene(name, 5, true, UnicodeGlyphs(), s); a != b {
			t.Errorf("%s: frame 5 differs between draws", name)
		}
		if Scene(name, -3, false, ASCIIGlyphs(), s) != Scene(name, 0, false, ASCIIGlyphs(), s) {
			t.Errorf("%s: frames before the first are not clamped", name)
		}
	}
}

func TestPrintASCII(t *testing.T) {
	out := Print(shipped(t), 80, true)
	for i := 0; i < len(out); i++ {
		if out[i] > 127 {
			t.Fatalf("byte %#x at %d: %q", out[i], i, out[max(0, i-30):min(len(out), i+10)])
		}
	}
	if !strings.Contains(out, "gamma") || !strings.Contains(out, "nucleus") {
		t.Error("ASCII print lost its Greek letters' names or its diagrams")
	}
}

func BenchmarkScene(b *testing.B) {
	s := NewStyles(true)
	for _, wide := range []bool{true, false} {
		b.Run(fmt.Sprint("wide=", wide), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				Scene("nucleus", i%SceneFrames("nucleus"), wide, UnicodeGlyphs(), s)
			}
		})
	}
}
