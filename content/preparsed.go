package content

import (
	"bytes"
	_ "embed"
	"encoding/gob"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
)

// The built-in lesson is also kept pre-parsed: shipped.gob holds the
// Lesson that Load makes of content/lesson, so the program starts without
// parsing a hundred kilobytes of YAML and Markdown (about 3 ms to decode
// against 10 to 25 ms to load, on this project's 2-core machine). It
// carries a digest of the files it was made from; when they have changed
// since (an author's edit, before regenerating), Shipped loads the files
// instead, so the lesson shown is never stale. Regenerate it with
//
//	go generate ./content
//
// (TestPreparsedLessonIsCurrent fails until it matches the files.)

//go:generate go test -run TestPreparsedLessonIsCurrent -update .

//go:embed shipped.gob
var preparsed []byte

// preparsedLesson is what shipped.gob holds.
type preparsedLesson struct {
	Digest string // of the files the lesson was loaded from
	Lesson *Lesson
}

// digest is a fingerprint of every file in fsys: names and bytes, in the
// order fs.WalkDir visits them.
func digest(fsys fs.FS) (string, error) {
	h := fnv.New128a()
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := fsys.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		fmt.Fprintf(h, "%s\x00", name)
		_, err = io.Copy(h, f)
		return err
	})
	return fmt.Sprintf("%x", h.Sum(nil)), err
}

// decodePreparsed returns the lesson in data if it was made from exactly
// the files in fsys.
func decodePreparsed(data []byte, fsys fs.FS) (*Lesson, bool) {
	var p preparsedLesson
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&p); err != nil || p.Lesson == nil {
		return nil, false
	}
	if d, err := digest(fsys); err != nil || d != p.Digest {
		return nil, false
	}
	p.Lesson.index() // the lookups and the table registry are not encoded
	return p.Lesson, true
}

// encodePreparsed loads the lesson in fsys and encodes it with the digest
// of its files, for shipped.gob.
func encodePreparsed(fsys fs.FS) ([]byte, error) {
	l, err := Load(fsys)
	if err != nil {
		return nil, err
	}
	d, err := digest(fsys)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(preparsedLesson{Digest: d, Lesson: l}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
