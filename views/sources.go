package views

import (
	"strings"

	"jakstat/content"
)

// LinkedSourceList is SourceList, with each source's title an OSC 8
// hyperlink to its address when links is set (for a terminal known to
// support them): every wrapped line of the title is a whole link of its
// own, so any line can start a scrolled view.
func LinkedSourceList(l *content.Lesson, ids []string, width int, s Styles, links bool) string {
	lines := make([]string, 0, len(ids))
	for _, id := range ids {
		src, _ := l.Source(id)
		tag := "[" + id + "] "
		indent := strings.Repeat(" ", len(tag))
		for i, ln := range strings.Split(wrap(src.Title, max(width-len(tag), 10)), "\n") {
			text := s.Muted.Render(ln)
			if links && src.URL != "" {
				text = hyperlink(src.URL, text)
			}
			if i == 0 {
				lines = append(lines, s.SourceID.Render(tag)+text)
			} else {
				lines = append(lines, indent+text)
			}
		}
	}
	return strings.Join(lines, "\n")
}
