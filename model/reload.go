package model

import (
	"errors"

	"jakstat/content"
	"jakstat/views"
)

// Live reload: an author edits the lesson folder while it runs (--watch).
// An edit that loads arrives as a LessonMsg and replaces the lesson in
// place (see reload); one that does not arrives as a ReloadFailedMsg, and
// the last good lesson stays on screen with a panel under it naming each
// problem's file and line, until an edit loads.

// ReloadFailedMsg says the edited lesson does not load, and why: Err is a
// content.Errors listing each problem at its file and line, or another
// error (the folder is gone). The lesson on screen stays.
type ReloadFailedMsg struct{ Err error }

// Problems lists the problems of the last edit that did not load, as
// file:line: message; nil once an edit loads.
func (m Model) Problems() []string { return m.problems }

// reloadFailed keeps the lesson and shows why the edit did not load.
func (m Model) reloadFailed(err error) Model {
	var probs content.Errors
	m.problems, m.notice = nil, "" // an earlier "Reloaded" no longer holds
	if errors.As(err, &probs) {
		for _, p := range probs {
			m.problems = append(m.problems, p.String())
		}
	} else if err != nil {
		m.problems = []string{err.Error()}
	}
	m.layout(false)
	return m
}

// layoutProblems draws the problems panel for the window: at most two
// fifths of the room under the header, and nothing when there is none or
// the window is too small for the lesson.
func (m *Model) layoutProblems(frameW int) {
	m.problemsView = ""
	if len(m.problems) == 0 || m.opts.Notes || m.tooSmall() {
		return
	}
	// The step keeps most of the room, and at least enough for a table's
	// two labels and a few rows, except in the smallest windows, where the
	// panel keeps its two lines (what did not load, and the first why).
	const keep = 5
	room := m.height - views.HeaderHeight - m.footerHeight(frameW)
	m.problemsView = views.ReloadPanel(*m.styles, m.problems, frameW, max(min(max(room*2/5, 2), room-keep), 2))
}

// problemsHeight is how many lines the problems panel takes.
func (m Model) problemsHeight() int {
	if m.problemsView == "" {
		return 0
	}
	return len(views.SplitLines(m.problemsView))
}
