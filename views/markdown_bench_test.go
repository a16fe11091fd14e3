package views

import (
	"fmt"
	"testing"
)

// BenchmarkMarkdownSteps renders every shipped step, the way the lesson
// does on a step change: one Markdown call per step. ns/step is the figure
// README quotes.
func BenchmarkMarkdownSteps(b *testing.B) {
	l := shipped(b)
	for _, w := range []int{40, 78, 98} {
		b.Run(fmt.Sprint(w), func(b *testing.B) {
			for b.Loop() {
				for _, st := range l.Steps {
					Markdown(st.Body, w, Dark)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(l.Steps)), "ns/step")
		})
	}
}
