package ui

import (
	"jakstat/content"
	"jakstat/views"
)

// CardsView draws t's rows as cards, scrolled so the selected card shows
// whole (from its first line when it is taller than height), and no card
// shows only its tail at the top.
func CardsView(t content.Table, width, height, sel int, s views.Styles) string {
	out, tops := views.Cards(t, width, sel, s)
	lines := views.SplitLines(out)
	top := 0
	if sel >= 0 && sel < len(tops) {
		end := len(lines)
		if sel+1 < len(tops) {
			end = tops[sel+1] - 1
		}
		top = views.ScrollTop(tops, tops[sel], end, len(lines), height)
	}
	return views.Window(lines, top, height)
}
