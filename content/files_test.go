package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

const stepHead = "---\nid: a\ntitle: A\nsection: S\nsources: [S1]\n---\n"

// TestLoadRefusesBadFiles: each kind of bad input in a lesson folder is
// reported once, at its file (and line, where it has one), with a message
// that says what to do; nothing else in the lesson is blamed for it.
func TestLoadRefusesBadFiles(t *testing.T) {
	big := stepHead + strings.Repeat("Ten words of filler text for a step that is far too long. ", 1200)
	tests := map[string]struct {
		files map[string]*fstest.MapFile
		want  []string // every problem, exactly, in order
	}{
		"invalid UTF-8 in a step": {
			files: map[string]*fstest.MapFile{"01-a.md": {Data: []byte(stepHead + "Body\nline two \xff\n")}},
			want:  []string{"01-a.md:8: invalid UTF-8 (byte 0xFF): save the file as UTF-8 text"},
		},
		"NUL byte in a step": {
			files: map[string]*fstest.MapFile{"01-a.md": {Data: []byte(stepHead + "Bo\x00dy\n")}},
			want:  []string{"01-a.md:7: NUL byte: the file is binary or damaged; save it as UTF-8 text"},
		},
		"escape code in a step": {
			files: map[string]*fstest.MapFile{"01-a.md": {Data: []byte(stepHead + "Red \x1b[31malert\n")}},
			want:  []string{"01-a.md:7: control character U+001B: remove it (a terminal would obey it as a command)"},
		},
		"C1 control in a step": {
			files: map[string]*fstest.MapFile{"01-a.md": {Data: []byte(stepHead + "x \u009b31m\n")}},
			want:  []string{"01-a.md:7: control character U+009B: remove it (a terminal would obey it as a command)"},
		},
		// One bad byte used to make sources.yaml unreadable and every
		// citation in the lesson an error besides (546 lines for the
		// shipped lesson): now it is one line.
		"one bad byte in sources.yaml": {
			files: map[string]*fstest.MapFile{"sources.yaml": {Data: []byte("- id: S1\n  title: A s\xe9ource\n")}},
			want:  []string{"sources.yaml:2: invalid UTF-8 (byte 0xE9): save the file as UTF-8 text"},
		},
		"line numbers with old Mac line ends": {
			files: map[string]*fstest.MapFile{"01-a.md": {Data: []byte("---\rid: a\rtitle: A\rsection: S\r---\rBody\r\r<b>bold</b>\r")}},
			want:  []string{`01-a.md:8: raw HTML <b> cannot be drawn in a terminal: write it in Markdown (only <br> is allowed, for a line break)`},
		},
		"NUL byte in drugs.yaml": {
			files: map[string]*fstest.MapFile{"drugs.yaml": {Data: []byte("- id: abro\x00\n")}},
			want:  []string{"drugs.yaml:1: NUL byte: the file is binary or damaged; save it as UTF-8 text"},
		},
		"broken drugs.yaml blames no other file": {
			files: map[string]*fstest.MapFile{"drugs.yaml": {Data: []byte("- id: [unclosed\n")}},
			want:  []string{"drugs.yaml:1: a list opened with [ is not closed: end it with ]"},
		},
		"folder named like a step": {
			files: map[string]*fstest.MapFile{"19-dir.md": {Mode: fs.ModeDir | 0o755}},
			want:  []string{"19-dir.md: is a folder: a step is a file named NN-slug.md, and folders are not read"},
		},
		"step over the size cap": {
			files: map[string]*fstest.MapFile{"03-big.md": {Data: []byte(big)}},
			want:  []string{fmt.Sprintf("03-big.md: is %d KiB; a step may be at most 64 KiB: split it into several steps", (len(big)+1023)>>10)},
		},
		"data file over the size cap": {
			files: map[string]*fstest.MapFile{"trials.yaml": {Data: bytes.Repeat([]byte("# a comment line\n"), 70000)}},
			want:  []string{"trials.yaml: is 1.1 MiB; a data file may be at most 1 MiB: split its rows into fewer, shorter entries"},
		},
		"link out of the folder": {
			files: map[string]*fstest.MapFile{"03-c.md": {Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink}},
			want:  []string{"03-c.md: is a link to /etc/passwd, outside the lesson folder: copy the file into the folder instead"},
		},
		"link climbing out of the folder": {
			files: map[string]*fstest.MapFile{"sources.yaml": {Data: []byte("../../shared/sources.yaml"), Mode: fs.ModeSymlink}},
			want:  []string{"sources.yaml: is a link to ../../shared/sources.yaml, outside the lesson folder: copy the file into the folder instead"},
		},
		"link through a linked folder": {
			files: map[string]*fstest.MapFile{
				"shared":  {Data: []byte("/home/someone"), Mode: fs.ModeSymlink},
				"03-c.md": {Data: []byte("shared/03-c.md"), Mode: fs.ModeSymlink},
			},
			want: []string{"03-c.md: is a link to /home/someone, outside the lesson folder: copy the file into the folder instead"},
		},
		"raw HTML": {
			files: map[string]*fstest.MapFile{"01-a.md": {Data: []byte(stepHead + "Text <span class=\"x\">red</span> here.\n\n<div>\nblock\n</div>\n")}},
			want: []string{
				`01-a.md:7: raw HTML <span class="x"> cannot be drawn in a terminal: write it in Markdown (only <br> is allowed, for a line break)`,
				`01-a.md:9: raw HTML <div> cannot be drawn in a terminal: write it in Markdown (only <br> is allowed, for a line break)`,
			},
		},
		"raw HTML after blank lines": {
			files: map[string]*fstest.MapFile{"01-a.md": {Data: []byte(stepHead + "\n\n\nText\n\n<img src=x>\n")}},
			want:  []string{`01-a.md:12: raw HTML <img src=x> cannot be drawn in a terminal: write it in Markdown (only <br> is allowed, for a line break)`},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			fsys := validLesson()
			for k, v := range tc.files {
				fsys[k] = v
			}
			_, err := Load(fsys)
			var probs Errors
			if !errors.As(err, &probs) {
				t.Fatalf("Load = %v, want Errors", err)
			}
			var got []string
			for _, p := range probs {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestLoadAcceptsWhatIsFine: what looks odd but is allowed loads cleanly.
func TestLoadAcceptsWhatIsFine(t *testing.T) {
	tests := map[string]map[string]*fstest.MapFile{
		"link inside the folder": {
			"01-a.md":     {Data: []byte("shared/a.md"), Mode: fs.ModeSymlink},
			"shared/a.md": {Data: []byte(stepHead + "Body\n")},
		},
		"link to a sibling by ./": {
			"01-a.md":  {Data: []byte("./src/../real.txt"), Mode: fs.ModeSymlink},
			"real.txt": {Data: []byte(stepHead + "Body\n")},
			"src":      {Mode: fs.ModeDir | 0o755},
		},
		"br, comments, code and autolinks": {
			"01-a.md": {Data: []byte(stepHead + "One<br>two<BR />three <!-- note -->\n\n<br>\n\n<!--\nblock note\n-->\n\n`<b>` and <https://example.org>\n\n```\n<div>\n```\n")},
		},
		"tabs, CRLF and a BOM": {
			"01-a.md": {Data: []byte("\ufeff---\r\nid: a\r\ntitle: A\r\nsection: S\r\n---\r\nBody\twith a tab\r\n")},
		},
		"a step just under the cap": {
			"01-a.md": {Data: []byte(stepHead + strings.Repeat("x", maxStepBytes-len(stepHead)))},
		},
		"other folders": {
			"images": {Mode: fs.ModeDir | 0o755},
		},
	}
	for name, files := range tests {
		t.Run(name, func(t *testing.T) {
			fsys := validLesson()
			for k, v := range files {
				fsys[k] = v
			}
			if _, err := Load(fsys); err != nil {
				t.Fatalf("Load refused a good lesson:\n%v", err)
			}
		})
	}
}

// TestLoadRefusesLinksOnDisk runs the link checks against a real folder,
// through os.DirFS as `--lesson DIR` reads it.
func TestLoadRefusesLinksOnDisk(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "lesson")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, f := range validLesson() {
		if err := os.WriteFile(filepath.Join(dir, name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	secret := filepath.Join(root, "secret.md")
	os.WriteFile(secret, []byte(stepHead+"Not part of the lesson\n"), 0o644)
	os.Remove(filepath.Join(dir, "glossary.yaml"))
	links := map[string]string{"03-abs.md": secret, "04-rel.md": "../secret.md", "05-ok.md": "01-a.md",
		"glossary.yaml": "terms.yaml"} // an optional file whose link leads nowhere is reported, not skipped
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skip("symbolic links are not available:", err)
		}
	}
	_, err := Load(os.DirFS(dir))
	if err == nil {
		t.Fatal("links out of the folder were followed")
	}
	want := "03-abs.md: is a link to " + filepath.ToSlash(secret) + ", outside the lesson folder: copy the file into the folder instead\n" +
		"04-rel.md: is a link to ../secret.md, outside the lesson folder: copy the file into the folder instead\n" +
		`05-ok.md:2: duplicate id "a" (also in 01-a.md)` + "\n" +
		"glossary.yaml: cannot read: no such file or directory"
	if err.Error() != want {
		t.Errorf("problems:\n%v\nwant:\n%s", err, want)
	}
}

// FuzzLoadFile feeds arbitrary bytes as each kind of lesson file through the
// whole loader: it never panics, a file it cannot read is one problem, not
// several, and every problem names a file and a line inside it.
func FuzzLoadFile(f *testing.F) {
	for _, name := range []string{"sources.yaml", "01-a.md", "lesson.yaml"} {
		f.Add(name, validLesson()[name].Data)
	}
	f.Add("01-a.md", []byte(stepHead+"<div>x</div> \xff"))
	f.Add("sources.yaml", []byte("- id: S1\x00\n"))
	f.Add("01-a.md", []byte(stepHead+"\n\n<br>\n<p>\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if !map[string]bool{"sources.yaml": true, "01-a.md": true, "lesson.yaml": true}[name] {
			return
		}
		fsys := validLesson()
		fsys[name] = &fstest.MapFile{Data: data}
		l, err := Load(fsys)
		if err == nil {
			if l == nil {
				t.Fatal("no lesson and no error")
			}
			return
		}
		var probs Errors
		if !errors.As(err, &probs) {
			t.Fatalf("error %T is not Errors", err)
		}
		lines := bytes.Count(lineEnds(data), []byte("\n")) + 1
		for _, p := range probs {
			if p.File == name && p.Line > lines {
				t.Fatalf("%s: line %d is past the file's %d lines", p, p.Line, lines)
			}
		}
		if line, msg := badText(lineEnds(data)); msg != "" {
			if len(probs) != 1 || probs[0].File != name || probs[0].Line != line {
				t.Fatalf("bad text at %s:%d gave other problems:\n%v", name, line, err)
			}
		}
	})
}
