package main

import (
	"testing"
	"time"

	"jakstat/model"
	"jakstat/model/quiz"
)

// TestLinkPosition: what a presenter tells the notes view beside it: the
// step and clock, the question on screen and whether it is revealed, and a
// blanked screen.
func TestLinkPosition(t *testing.T) {
	start := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		view model.ViewPosition
	}{
		{"a step", model.ViewPosition{Step: 3}},
		{"blanked", model.ViewPosition{Step: 3, Blank: true}},
		{"a question", model.ViewPosition{Step: 3, Screen: model.ScreenQuestion, Quiz: &quiz.Position{Questions: []string{"q1"}, Answered: true}}},
	} {
		p := linkPosition(tc.view, start)
		if p.Step != 3 || !p.Started.Equal(start) || p.Blank != tc.view.Blank {
			t.Errorf("%s: %+v", tc.name, p)
		}
		if q := tc.view.Quiz; q != nil && (p.Question != "q1" || !p.Revealed) {
			t.Errorf("%s: the question is %q, revealed %v", tc.name, p.Question, p.Revealed)
		}
	}
}
