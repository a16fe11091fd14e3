package content

import (
	"embed"
	"io/fs"
	"regexp"
	"time"
)

//go:embed starter
var starter embed.FS

// checkedLine is lesson.yaml's checked-on date, at the start of its line.
var checkedLine = regexp.MustCompile(`(?m)^checked: .*$`)

// Starter is the lesson `jakstat new` writes for an educator to begin
// from: lesson.yaml, sources, three steps in two sections (one with a
// diagram, one with a table of its own), a question and a glossary term,
// each file commented field by field. It validates and runs as written.
// Its facts are checked on the day given: the day it is made. The map is
// keyed by file name.
func Starter(checked time.Time) map[string][]byte {
	files := map[string][]byte{}
	entries, _ := fs.ReadDir(starter, "starter") // embedded: it cannot fail
	for _, e := range entries {
		data, _ := fs.ReadFile(starter, "starter/"+e.Name())
		if e.Name() == metaFile {
			data = checkedLine.ReplaceAll(data, []byte("checked: "+checked.Format(time.DateOnly)))
		}
		files[e.Name()] = data
	}
	return files
}
