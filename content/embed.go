package content

import (
	"embed"
	"io/fs"
)

//go:embed lesson
var shipped embed.FS

// Shipped returns the lesson built into the binary.
func Shipped() (*Lesson, error) {
	sub, err := fs.Sub(shipped, "lesson")
	if err != nil {
		return nil, err
	}
	return Load(sub)
}
