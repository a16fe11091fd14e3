// Package ui holds what every screen of the lesson shares: the layout
// limits, a scrollable pane, a text input, the table builder and the
// standard key bindings. Screens build their key maps from these bindings
// so the same key reads the same way everywhere.
package ui

// Layout limits, in cells.
const (
	MaxFrameWidth = 140 // wider windows centre a frame this wide
	MaxTextWidth  = 100 // lines longer than this are hard to read
	Gap           = 2   // between a table and a panel beside it, or text and a scene
)

// Clamp keeps i within [0, n-1], or 0 when n is 0.
func Clamp(i, n int) int { return min(max(i, 0), max(n-1, 0)) }
