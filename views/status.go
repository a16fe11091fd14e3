package views

import (
	"cmp"
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"jakstat/content"
)

// The status line sits between the screen and the help bar. It always says
// that the lesson is education, not medical advice, and the date its facts
// were checked, in the same words at every size ("checked 2026-11-26",
// never a bare date). Beside them go notes, most important first, and on
// the left what is scrolled out of sight. When room is short things give
// way in a fixed order, the least important first:
//
//  1. the scroll marks shorten ("▼ 26 more below" → "▼26"),
//  2. the notes that may go take their short forms ("stage 3/5"),
//  3. the notes that stay (Note.Keep: a classroom's state, a prompt being
//     typed) take their short forms,
//  4. the scroll marks shrink to a bare arrow ("▼"),
//  5. the notes that may go go, the last first,
//  6. the scroll marks go,
//  7. the notes that stay take their shortest forms.
//
// The disclaimer and the date never go. Where one line cannot hold them
// with the notes that stay, the status line takes two (StatusHeight):
// the notes above the disclaimer and date, or, narrower than the two of
// them side by side, the scroll marks beside the disclaimer and the notes
// beside the date.

// Tone is how a note stands out.
type Tone int

// The tones of a note.
const (
	ToneFocus   Tone = iota // a state worth a glance: a classroom, a diagram's stage
	TonePrompt              // something being typed
	ToneWarning             // something gone wrong, until the next key
)

// Note is a note for the status line, in words, in short and at its
// shortest; an empty form is the one before it.
type Note struct {
	Long, Short, Tiny string
	// Keep makes the note stay whatever the width, at its shortest: the
	// status line takes a second line rather than lose it.
	Keep bool
	Tone Tone
}

// Status is what the status line shows beside the disclaimer and date.
type Status struct {
	Notes        []Note // most important first
	Above, Below int    // lines scrolled out of sight
	// Notice, when set, is a warning shown until the next key: beside
	// the disclaimer and date where it fits, on its own line where the
	// status line has two, and in place of them (for that one key)
	// where it has one line and they do not fit beside it.
	Notice string
	// Classroom keeps room for a classroom's note (Note.Keep, at most
	// RoomNoteWidth wide) beside the disclaimer and date.
	Classroom bool
}

// RoomNoteWidth is the widest a classroom's note may be at its shortest
// ("20/23 following", "F: follow"); a wider one is cut.
const RoomNoteWidth = 20

// minKept is the room kept beside the disclaimer and date for a note that
// stays outside a classroom: a step number being typed (":12▏", "12…").
// It is small so that a projector's 60 columns keep a one-line status.
const minKept = 4

// checkedText is the date the facts were checked, in the status line's
// words.
func checkedText(meta content.Meta) string { return "checked " + meta.Checked }

// datedText is the disclaimer and the date side by side.
func datedText(meta content.Meta) string { return meta.ShortDisclaimer + " · " + checkedText(meta) }

// StatusHeight is how many lines (1 or 2) the status line takes at width:
// two where one cannot hold the disclaimer, the date and the room a note
// that stays needs (a classroom's, if classroom). It depends on nothing
// that changes while the window keeps its size, so the screen above never
// jumps.
func StatusHeight(meta content.Meta, width int, classroom bool) int {
	reserve := minKept
	if classroom {
		reserve = RoomNoteWidth
	}
	if width >= lipgloss.Width(datedText(meta))+2+reserve {
		return 1
	}
	return 2
}

// StatusLine is a status line with no notes: what is scrolled out of
// sight, the disclaimer and the date.
func StatusLine(s Styles, above, below int, meta content.Meta, width int) string {
	return StatusBar(s, Status{Above: above, Below: below}, meta, width)
}

// StatusLineNote is StatusLine with notes, most important first.
func StatusLineNote(s Styles, above, below int, meta content.Meta, width int, notes ...Note) string {
	return StatusBar(s, Status{Above: above, Below: below, Notes: notes}, meta, width)
}

// StatusBar draws the status line, StatusHeight lines of width.
func StatusBar(s Styles, st Status, meta content.Meta, width int) string {
	right := s.Muted
	dated := datedText(meta)
	if StatusHeight(meta, width, st.Classroom) == 1 {
		if st.Notice != "" {
			notice := s.Warning.Render(Truncate(st.Notice, width))
			if lipgloss.Width(st.Notice)+2+lipgloss.Width(dated) <= width {
				return fitLine(s, []part{{forms: []string{st.Notice}, style: s.Warning}}, nil, dated, width)
			}
			return notice
		}
		parts, steps := statusParts(s, st.Notes, st.Above, st.Below)
		return fitLine(s, parts, steps, dated, width)
	}
	var top string
	if width >= lipgloss.Width(dated) {
		// The notes and scroll marks over the disclaimer and date.
		parts, steps := statusParts(s, st.Notes, st.Above, st.Below)
		top = fitLine(s, parts, steps, "", width)
		if st.Notice != "" {
			top = s.Warning.Render(Truncate(st.Notice, width))
		}
		return top + "\n" + strings.Repeat(" ", width-lipgloss.Width(dated)) + right.Render(dated)
	}
	// Too narrow for the two side by side: the scroll marks beside the
	// disclaimer, the notes beside the date.
	parts, steps := statusParts(s, nil, st.Above, st.Below)
	top = fitLine(s, parts, steps, meta.ShortDisclaimer, width)
	if st.Notice != "" {
		top = s.Warning.Render(Truncate(st.Notice, width))
	}
	parts, steps = statusParts(s, st.Notes, 0, 0)
	return top + "\n" + fitLine(s, parts, steps, checkedText(meta), width)
}

// part is one thing on the left of a status line, in the forms it can
// take, longest first; an empty form is gone.
type part struct {
	forms []string
	style lipgloss.Style
	at    int // the form shown
}

// statusParts is the notes then the scroll marks as parts, and the order
// in which they give way (indices into the parts, one form per step).
func statusParts(s Styles, notes []Note, above, below int) (parts []part, steps []int) {
	var kept, droppable []int
	for _, n := range notes {
		short := cmp.Or(n.Short, n.Long)
		tiny := cmp.Or(n.Tiny, short)
		st := s.PaneFocus
		switch n.Tone {
		case TonePrompt:
			st = s.Prompt
		case ToneWarning:
			st = s.Warning
		}
		if n.Keep {
			kept = append(kept, len(parts))
			parts = append(parts, part{forms: []string{n.Long, short, tiny}, style: st})
		} else {
			droppable = append(droppable, len(parts))
			parts = append(parts, part{forms: []string{n.Long, short, ""}, style: st})
		}
	}
	scroll := len(parts)
	long, short := scrollMarks(above, below)
	parts = append(parts, part{forms: []string{long, short, scrollArrows(above, below), ""}, style: s.Overflow})
	backwards := func(idx []int) []int {
		out := make([]int, 0, len(idx))
		for i := len(idx) - 1; i >= 0; i-- {
			out = append(out, idx[i])
		}
		return out
	}
	steps = append(steps, scroll)
	steps = append(steps, backwards(droppable)...)
	steps = append(steps, backwards(kept)...)
	steps = append(steps, scroll)
	steps = append(steps, backwards(droppable)...)
	steps = append(steps, scroll)
	steps = append(steps, backwards(kept)...)
	return parts, steps
}

// fitLine lays parts out on the left, two spaces apart, and right (muted)
// on the right of a line width wide, taking the steps (each shortens one
// part by a form) until it fits. If it never does, the parts are cut.
func fitLine(s Styles, parts []part, steps []int, right string, width int) string {
	rw := lipgloss.Width(right)
	if rw > width {
		return s.Muted.Render(Truncate(right, width))
	}
	room := width - rw
	if right != "" {
		room -= 2 // the gap before it
	}
	for _, i := range steps {
		if leftWidth(parts) <= room {
			break
		}
		parts[i].at = min(parts[i].at+1, len(parts[i].forms)-1)
	}
	// What gave way early may fit again once later steps made room ("▼"
	// back to "▼26" once a stage went): the most important first.
	for i := range parts {
		for parts[i].at > 0 {
			parts[i].at--
			if leftWidth(parts) > room {
				parts[i].at++
				break
			}
		}
	}
	var b strings.Builder
	used := 0
	for _, p := range parts {
		text := p.forms[p.at]
		if text == "" {
			continue
		}
		gap := 0
		if used > 0 {
			gap = 2
		}
		text = Truncate(text, room-used-gap)
		if text == "" {
			break
		}
		b.WriteString(strings.Repeat(" ", gap) + p.style.Render(text))
		used += gap + lipgloss.Width(text)
	}
	if right == "" {
		return b.String() + strings.Repeat(" ", width-used)
	}
	return b.String() + strings.Repeat(" ", width-used-rw) + s.Muted.Render(right)
}

// leftWidth is how wide the parts are, as shown, two spaces apart.
func leftWidth(parts []part) int {
	w := 0
	for _, p := range parts {
		if t := p.forms[p.at]; t != "" {
			if w > 0 {
				w += 2
			}
			w += lipgloss.Width(t)
		}
	}
	return w
}

// scrollMarks says how many lines are out of sight, in words and in short.
func scrollMarks(above, below int) (long, short string) {
	var l, sh []string
	if above > 0 {
		l = append(l, fmt.Sprintf("▲ %d above", above))
		sh = append(sh, fmt.Sprintf("▲%d", above))
	}
	if below > 0 {
		l = append(l, fmt.Sprintf("▼ %d more below", below))
		sh = append(sh, fmt.Sprintf("▼%d", below))
	}
	return strings.Join(l, "  "), strings.Join(sh, " ")
}

// scrollArrows is the scroll marks at their barest: which way there is more.
func scrollArrows(above, below int) string {
	out := ""
	if above > 0 {
		out += "▲"
	}
	if below > 0 {
		out += "▼"
	}
	return out
}
