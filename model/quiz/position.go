package quiz

// Position is the screen's state as data, for a follower to show the same
// question (or the score screen) in the same state.
type Position struct {
	Questions []string `json:"questions,omitempty"` // the run, by question id
	Current   int      `json:"current"`             // which of them is showing
	Cursor    int      `json:"cursor,omitempty"`    // the highlighted (or the room's marked) choice
	Picked    []int    `json:"picked,omitempty"`    // an order question's items placed so far
	Answered  bool     `json:"answered,omitempty"`
	Right     bool     `json:"right,omitempty"` // answered right; Apply works it out again
	Review    bool     `json:"review,omitempty"`
	Then      int      `json:"then"`
	Score     bool     `json:"score,omitempty"` // the score screen, not a question
}

// Position is the screen's state now.
func (m Model) Position() Position {
	r := m.run
	p := Position{Current: r.cur, Cursor: r.cursor, Picked: append([]int(nil), r.picked...), Answered: r.answered,
		Right: r.right, Review: r.review, Then: r.then, Score: m.score}
	for _, i := range r.qs {
		p.Questions = append(p.Questions, m.lesson.Questions[i].ID)
	}
	return p
}

// Apply shows the run in p at its question and state. The score screen
// needs the learner's answers: send a ScoreMsg for it.
func (m Model) Apply(p Position) Model {
	m.show(ShowMsg{Questions: p.Questions, Then: p.Then, Review: p.Review})
	r := &m.run
	if !m.open() {
		return m
	}
	r.cur = min(max(p.Current, 0), len(r.qs)-1)
	q := m.question()
	r.cursor = min(max(p.Cursor, 0), len(q.Choices)-1)
	for _, i := range p.Picked {
		if i >= 0 && i < len(q.Choices) {
			r.picked = append(r.picked, i)
		}
	}
	if p.Answered {
		picked := []int{r.cursor}
		if m.order() {
			picked = r.picked
		}
		r.answered, r.right = true, q.Check(q.Response(picked))
	}
	m.render(true)
	return m
}
