package content

import (
	"bytes"
	"encoding/gob"
	"flag"
	"io/fs"
	"os"
	"reflect"
	"testing"
	"testing/fstest"
)

var update = flag.Bool("update", false, "rewrite shipped.gob from content/lesson")

// shippedFiles is the built-in lesson's folder.
func shippedFiles(t testing.TB) fs.FS {
	t.Helper()
	sub, err := fs.Sub(shipped, "lesson")
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

// TestPreparsedLessonIsCurrent: shipped.gob is what Load makes of the
// lesson's files today. With -update (go generate ./content) it is
// rewritten from them.
func TestPreparsedLessonIsCurrent(t *testing.T) {
	files := shippedFiles(t)
	if *update {
		data, err := encodePreparsed(files)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("shipped.gob", data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, ok := decodePreparsed(preparsed, files)
	if !ok {
		t.Fatal("shipped.gob was not made from the lesson's files as they are: run go generate ./content")
	}
	want, err := Load(files)
	if err != nil {
		t.Fatal(err)
	}
	// Gob keeps no difference between an empty list and none, nor a time's
	// location pointer: compare what Load made after the same trip.
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(want); err != nil {
		t.Fatal(err)
	}
	var trip Lesson
	if err := gob.NewDecoder(&b).Decode(&trip); err != nil {
		t.Fatal(err)
	}
	trip.index()
	if !reflect.DeepEqual(comparable(&trip), comparable(got)) {
		t.Error("the pre-parsed lesson differs from the loaded one: run go generate ./content")
	}
	// Everything Load works out beyond the exported fields is rebuilt
	// after decoding, or the pre-parsed lesson would lack it.
	loaded, decoded := comparable(want), comparable(got)
	v, w := reflect.ValueOf(loaded).Elem(), reflect.ValueOf(decoded).Elem()
	for i := range v.NumField() {
		if f := v.Type().Field(i); !f.IsExported() && !reflect.DeepEqual(v.Field(i).IsZero(), w.Field(i).IsZero()) {
			t.Errorf("Lesson.%s is set by Load but not rebuilt for the pre-parsed lesson (decodePreparsed)", f.Name)
		}
	}
	if len(got.tables) != len(want.tables) {
		t.Error("the pre-parsed lesson has another table registry")
	}
}

// comparable is a copy of l without what cannot be compared (the table
// registry holds functions) or differs only in kind (no files failed to
// load: an empty set, or none).
func comparable(l *Lesson) *Lesson {
	c := *l
	c.tables = nil
	if len(c.unloaded) == 0 {
		c.unloaded = nil
	}
	return &c
}

// TestStalePreparsedLessonIsNotShown: when the files have changed since
// shipped.gob was made, the pre-parsed lesson is refused (Shipped then
// loads the files), and a damaged one is refused too.
func TestStalePreparsedLessonIsNotShown(t *testing.T) {
	files := shippedFiles(t)
	edited := fstest.MapFS{}
	err := fs.WalkDir(files, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(files, name)
		edited[name] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := decodePreparsed(preparsed, edited); !ok {
		t.Fatal("a copy of the same files was refused")
	}
	edited["01-welcome.md"] = &fstest.MapFile{Data: append(edited["01-welcome.md"].Data, []byte("\nOne more line.\n")...)}
	if _, ok := decodePreparsed(preparsed, edited); ok {
		t.Error("a pre-parsed lesson was accepted for edited files")
	}
	if _, ok := decodePreparsed(preparsed[:len(preparsed)/2], files); ok {
		t.Error("a cut-off shipped.gob was accepted")
	}
}
