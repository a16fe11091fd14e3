package content

import (
	"embed"
	"io/fs"
)

//go:embed lesson
var shipped embed.FS

// Shipped returns the lesson built into the binary: pre-parsed (see
// preparsed.go) when shipped.gob matches its files, else loaded from them.
func Shipped() (*Lesson, error) {
	sub, err := fs.Sub(shipped, "lesson")
	if err != nil {
		return nil, err
	}
	if l, ok := decodePreparsed(preparsed, sub); ok {
		return l, nil
	}
	return Load(sub)
}
