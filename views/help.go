package views

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// FullHelp lays out every enabled binding, one group per column when the
// columns fit side by side and one group under another when they do not.
func FullHelp(s Styles, groups [][]key.Binding, width int) string {
	var cols []string
	for _, g := range groups {
		keyW := 0
		for _, b := range g {
			if b.Enabled() {
				keyW = max(keyW, lipgloss.Width(b.Help().Key))
			}
		}
		var lines []string
		for _, b := range g {
			if !b.Enabled() {
				continue
			}
			h := b.Help()
			pad := strings.Repeat(" ", keyW-lipgloss.Width(h.Key)+2)
			lines = append(lines, s.Help.FullKey.Render(h.Key)+pad+s.Help.FullDesc.Render(h.Desc))
		}
		if len(lines) > 0 {
			cols = append(cols, strings.Join(lines, "\n"))
		}
	}
	const gap = "    "
	side := lipgloss.JoinHorizontal(lipgloss.Top, interleave(cols, gap)...)
	if lipgloss.Width(side) <= width {
		return side
	}
	return strings.Join(cols, "\n\n")
}

func interleave(cols []string, gap string) []string {
	out := make([]string, 0, 2*len(cols))
	for i, c := range cols {
		if i > 0 {
			out = append(out, gap)
		}
		out = append(out, c)
	}
	return out
}

// HelpBar is the one-line help at the bottom: "key desc" for each enabled
// binding, in order, as many as fit in width, then "…" if some did not.
func HelpBar(s Styles, bindings []key.Binding, width int) string {
	return HelpBarMore(s, bindings, key.Binding{}, width)
}

// HelpBarMore is HelpBar for a screen with a key that shows every key
// (more, "? all keys"): when the bindings do not all fit, as many as fit
// come first, then "…" and more, so the key to everything left out is
// always in sight. When they all fit, more is where the bindings put it.
func HelpBarMore(s Styles, bindings []key.Binding, more key.Binding, width int) string {
	// The same three styles wrap every item: work out their codes once.
	keyPre, keyPost := codes(s.Help.ShortKey)
	descPre, descPost := codes(s.Help.ShortDesc)
	item := func(kb key.Binding) (string, int) {
		h := kb.Help()
		return keyPre + h.Key + keyPost + " " + descPre + h.Desc + descPost, lipgloss.Width(h.Key) + 1 + lipgloss.Width(h.Desc)
	}
	var shown []key.Binding
	total := 0
	for _, kb := range bindings {
		if kb.Enabled() {
			_, w := item(kb)
			total += w + 3*min(len(shown), 1)
			shown = append(shown, kb)
		}
	}
	tail, tailW := "", 0
	if total > width {
		tail, tailW = s.Help.Ellipsis.Render(" …"), 2
		if more.Enabled() {
			it, w := item(more)
			tail, tailW = tail+" "+it, tailW+1+w
			shown = slices.DeleteFunc(shown, func(kb key.Binding) bool { return kb.Help() == more.Help() })
		}
	}
	sep := s.Help.ShortSeparator.Render(" • ")
	var b strings.Builder
	used := 0
	for _, kb := range shown {
		it, w := item(kb)
		if used > 0 {
			w += 3
		}
		if used+w+tailW > width {
			break
		}
		if used > 0 {
			b.WriteString(sep)
		}
		b.WriteString(it)
		used += w
	}
	if used == 0 && tailW > 0 {
		// Nothing fits before the tail: it starts the bar.
		tail, tailW = strings.Replace(tail, s.Help.Ellipsis.Render(" …"), s.Help.Ellipsis.Render("…"), 1), tailW-1
	}
	if tailW > width {
		return Truncate(tail, width) // a window narrower than the tail itself
	}
	return b.String() + tail
}

// codes returns the escape codes a style puts before and after its text,
// for text that needs no other treatment (one line, no wrapping).
func codes(st lipgloss.Style) (before, after string) {
	before, after, _ = strings.Cut(st.Render("\x00"), "\x00")
	return before, after
}
