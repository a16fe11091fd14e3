// Package live is a live check of understanding in a classroom: the
// teacher asks a question of the whole room, every student answers it on
// their own screen, and the spread of answers stays hidden until the
// teacher reveals it, on every screen at once, with the right answer and
// why. The teacher may ask everyone to vote again (peer instruction: vote,
// discuss, vote again); the reveal then shows both spreads.
//
// The room runs the check; this package is only its screen, the teacher's
// and a student's. The teacher's screen says where the check is (Position)
// and the lesson hands that on to the room; the room tells every screen
// how the check stands in a CheckMsg; a student's answer comes back from
// Update as an AnswerMsg for the lesson to hand on.
package live

import (
	"slices"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"jakstat/content"
	"jakstat/model/internal/ui"
	"jakstat/views"
)

// Tally is how many gave one response.
type Tally = views.SpreadCount

// Check is how the room's live check stands, as the room tells every
// screen in it.
type Check struct {
	Seq      int    `json:"seq"`      // numbers the room's checks from 1; 0: none is open
	Question string `json:"question"` // the question's id
	Vote     int    `json:"vote"`     // 1, or 2 during a second vote
	Revealed bool   `json:"revealed"`
	Answered int    `json:"answered"` // answers in this vote so far (told to the teacher and the console)
	Students int    `json:"students"` // how many could answer (likewise)
	// Spreads is every vote's spread. A room sends it to the students only
	// once revealed; the teacher's console has it live.
	Spreads [][]Tally `json:"spreads,omitempty"`
}

// Open says whether a check is open.
func (c Check) Open() bool { return c.Seq != 0 }

// CheckMsg tells a lesson how the room's live check stands.
type CheckMsg struct{ Check }

// AnswerMsg reports a student's answer to vote Vote of check Seq.
type AnswerMsg struct {
	Seq, Vote int
	Response  []int
}

// DoneMsg reports that the teacher ended the check; Then is where the
// lesson goes on (as quiz.ShowMsg.Then).
type DoneMsg struct{ Then int }

// HideMsg reports that a student put the question aside for the lesson.
type HideMsg struct{}

// Position is the teacher's check as data: the lesson hands it to the room,
// and a teacher who reconnects is shown it again.
type Position struct {
	Questions []string `json:"questions"` // the check's questions, by id
	Current   int      `json:"current"`
	Then      int      `json:"then"`
	Vote      int      `json:"vote"` // 1, or 2
	Revealed  bool     `json:"revealed,omitempty"`
}

// Question is the id of the question asked, or "" if none.
func (p Position) Question() string {
	if p.Current < 0 || p.Current >= len(p.Questions) {
		return ""
	}
	return p.Questions[p.Current]
}

// Model is the live check's screen.
type Model struct {
	KeyMap KeyMap

	lesson    *content.Lesson
	styles    *views.Styles
	presenter bool
	width     int
	height    int

	room  Check    // as the room last told it
	pos   Position // the teacher's own check
	vote  vote     // a student's answers
	panel ui.Pane
}

// vote is a student's side of the open check.
type vote struct {
	seq, round int   // the check and vote these answers belong to
	cursor     int   // highlighted choice
	picked     []int // an order question's listed positions, so far
	mine       []int // the response sent in this vote; nil until sent
	first      []int // the response sent in the first vote, during a second
}

// New returns the screen for l's questions, the teacher's if presenter.
func New(l *content.Lesson, s *views.Styles, presenter bool) Model {
	m := Model{KeyMap: DefaultKeyMap(), lesson: l, styles: s, presenter: presenter}
	m.sync()
	return m
}

// SetSize fits the screen to the content area.
func (m *Model) SetSize(width, height int) {
	m.width, m.height = width, height
	m.render(false)
}

// Ask starts the teacher's check of the questions (by id) at the first.
func (m Model) Ask(questions []string, then int) Model {
	var ids []string
	for _, id := range questions {
		if m.lesson.QuestionIndex(id) >= 0 {
			ids = append(ids, id)
		}
	}
	return m.Apply(Position{Questions: ids, Then: then, Vote: 1})
}

// Apply shows the teacher's check at p.
func (m Model) Apply(p Position) Model {
	p.Current = min(max(p.Current, 0), max(len(p.Questions)-1, 0))
	p.Vote = min(max(p.Vote, 1), 2)
	m.pos = p
	m.render(true)
	return m
}

// Position is the teacher's check now.
func (m Model) Position() Position {
	p := m.pos
	p.Questions = slices.Clone(p.Questions)
	return p
}

// Room is how the room's check stands, as last told.
func (m Model) Room() Check { return m.room }

// Waiting says whether a student has a question open to answer.
func (m Model) Waiting() bool {
	return !m.presenter && m.room.Open() && !m.room.Revealed && m.vote.mine == nil && m.asked().ID != ""
}

// asked is the question on screen: the teacher's own, or the room's.
func (m Model) asked() content.Question {
	id := m.room.Question
	if m.presenter {
		id = m.pos.Question()
	}
	if i := m.lesson.QuestionIndex(id); i >= 0 {
		return m.lesson.Questions[i]
	}
	return content.Question{}
}

// Update handles the room's news, a key, the wheel or new styles. It
// reports AnswerMsg, DoneMsg, HideMsg or tea.QuitMsg for the lesson to act
// on, or nil.
func (m Model) Update(msg tea.Msg) (Model, tea.Msg) {
	var out tea.Msg
	switch msg := msg.(type) {
	case ui.StylesMsg:
		m.styles = msg.Styles
	case CheckMsg:
		m.room = msg.Check
		if !m.presenter {
			m.vote = m.vote.follow(msg.Check)
		}
	case tea.MouseWheelMsg:
		m.panel.Wheel(msg)
		return m, nil
	case tea.KeyPressMsg:
		if key.Matches(msg, m.KeyMap.Quit) {
			return m, tea.QuitMsg{}
		}
		if m.presenter {
			m, out = m.teacherKey(msg)
		} else {
			m, out = m.studentKey(msg)
		}
		if _, done := out.(DoneMsg); done {
			return m, out
		}
	default:
		return m, nil
	}
	m.render(false)
	return m, out
}

// follow keeps a student's answers with the check they belong to: a new
// check starts afresh, a second vote keeps the first answer to show.
func (v vote) follow(c Check) vote {
	switch {
	case c.Seq != v.seq:
		return vote{seq: c.Seq, round: c.Vote}
	case c.Vote != v.round:
		return vote{seq: c.Seq, round: c.Vote, first: v.mine}
	}
	return v
}

// teacherKey handles the teacher's keys.
func (m Model) teacherKey(msg tea.KeyPressMsg) (Model, tea.Msg) {
	k, p := m.KeyMap, &m.pos
	switch {
	case key.Matches(msg, k.Reveal):
		p.Revealed = true
	case key.Matches(msg, k.Revote):
		p.Vote, p.Revealed = 2, false
	case key.Matches(msg, k.Next):
		if p.Current+1 >= len(p.Questions) {
			return m, DoneMsg{Then: p.Then}
		}
		p.Current, p.Vote, p.Revealed = p.Current+1, 1, false
		m.render(true)
	case key.Matches(msg, k.End):
		return m, DoneMsg{Then: p.Then}
	default:
		m.panel.ScrollKey(msg, k.Up, k.Down, k.PageUp, k.PageDown)
	}
	return m, nil
}

// studentKey handles a student's keys: choosing, placing, sending.
func (m Model) studentKey(msg tea.KeyPressMsg) (Model, tea.Msg) {
	k, v := m.KeyMap, &m.vote
	q := m.asked()
	order := q.Kind == content.KindOrder
	switch {
	case key.Matches(msg, k.Hide):
		return m, HideMsg{}
	case !m.Waiting():
		m.panel.ScrollKey(msg, k.Up, k.Down, k.PageUp, k.PageDown)
	case key.Matches(msg, k.Choose):
		n, _ := strconv.Atoi(msg.String())
		if n < 1 || n > len(q.Choices) {
			return m, nil
		}
		if !order {
			v.cursor = n - 1
			return m.send(q, []int{n - 1})
		}
		if !slices.Contains(v.picked, n-1) {
			// A fresh slice: an undo shortened this one, and an older copy of
			// the model may still hold the elements after it.
			v.picked = append(slices.Clip(v.picked), n-1)
		}
	case key.Matches(msg, k.Undo):
		if len(v.picked) > 0 {
			v.picked = v.picked[:len(v.picked)-1]
		}
	case key.Matches(msg, k.Send):
		switch {
		case !order:
			return m.send(q, []int{v.cursor})
		case len(v.picked) == len(q.Choices):
			return m.send(q, v.picked)
		}
	case order:
		m.panel.ScrollKey(msg, k.Up, k.Down, k.PageUp, k.PageDown)
	case key.Matches(msg, k.Up):
		v.cursor = max(v.cursor-1, 0)
	case key.Matches(msg, k.Down):
		v.cursor = min(v.cursor+1, len(q.Choices)-1)
	default:
		m.panel.ScrollKey(msg, k.Up, k.Down, k.PageUp, k.PageDown)
	}
	return m, nil
}

// send records the student's response (listed positions) and reports it.
func (m Model) send(q content.Question, picked []int) (Model, tea.Msg) {
	response := q.Response(picked)
	m.vote.mine = response
	return m, AnswerMsg{Seq: m.room.Seq, Vote: m.room.Vote, Response: slices.Clone(response)}
}

// render draws the screen into its pane; with reset it starts at the top.
func (m *Model) render(reset bool) {
	defer m.sync()
	if m.styles == nil || m.width <= 0 {
		return
	}
	top := m.panel.Top()
	q := m.asked()
	text := ""
	if q.ID != "" {
		text = views.LiveCheck(*m.styles, q, m.state(q), min(m.width, ui.MaxTextWidth))
	}
	m.panel = ui.NewPane(text, m.width, m.height)
	if !reset {
		m.panel.ScrollTo(top)
	}
}

// state is what views draws: the room's counts and, once revealed, its
// spreads; the teacher's place in the check, or the student's answers.
func (m Model) state(q content.Question) views.LiveState {
	st := views.LiveState{Presenter: m.presenter, Vote: 1}
	room := m.room
	if room.Question == q.ID {
		st.Vote, st.Answered, st.Students, st.Revealed = room.Vote, room.Answered, room.Students, room.Revealed
		if room.Revealed {
			st.Spreads = room.Spreads
		}
	}
	if m.presenter {
		st.Number, st.Of = m.pos.Current+1, len(m.pos.Questions)
		st.Vote, st.Revote = m.pos.Vote, m.canRevote()
		// The teacher's own key reveals at once; the room's spread follows.
		st.Revealed = m.pos.Revealed
		if !st.Revealed {
			st.Spreads = nil
		}
		return st
	}
	st.Cursor, st.Picked, st.Mine, st.First = m.vote.cursor, m.vote.picked, m.vote.mine, m.vote.first
	return st
}

// sync enables the bindings that work now.
func (m *Model) sync() {
	k := &m.KeyMap
	teacher := m.presenter && m.pos.Question() != ""
	waiting := m.Waiting()
	order := m.asked().Kind == content.KindOrder
	k.Choose.SetEnabled(waiting)
	if q := m.asked(); q.ID != "" {
		ui.DigitsUpTo(&k.Choose, len(q.Choices))
	}
	// A number sends a choice at once; an order's numbers place its items,
	// sent with enter.
	k.Choose.SetHelp(k.Choose.Help().Key, "send")
	if order {
		k.Choose.SetHelp(k.Choose.Help().Key, "place")
	}
	k.Send.SetEnabled(waiting)
	k.Undo.SetEnabled(waiting && order)
	k.Hide.SetEnabled(!m.presenter)
	k.Reveal.SetEnabled(teacher && !m.pos.Revealed)
	k.Revote.SetEnabled(m.canRevote())
	k.Next.SetEnabled(teacher)
	k.End.SetEnabled(teacher)
	k.PageUp.SetEnabled(!waiting)
	k.PageDown.SetEnabled(!waiting)
}

// canRevote says whether the teacher may ask everyone to vote again (vote,
// discuss, vote again): in the first vote, once answers are in (there is
// something to discuss), and before the reveal (after it everyone knows
// the answer).
func (m Model) canRevote() bool {
	p := m.pos
	return m.presenter && p.Question() != "" && p.Vote == 1 && !p.Revealed &&
		m.room.Question == p.Question() && m.room.Vote == 1 && m.room.Answered > 0
}

// ShortHelp is what the help bar offers now.
func (m Model) ShortHelp() []key.Binding {
	k := m.KeyMap
	switch {
	case m.presenter:
		return []key.Binding{k.Reveal, k.Revote, k.Next, k.End}
	case m.Waiting() && m.asked().Kind == content.KindOrder:
		return []key.Binding{k.Choose, k.Undo, k.Send, k.Hide}
	case m.Waiting():
		return k.ShortHelp()
	}
	short := []key.Binding{k.Hide}
	if m.panel.Above()+m.panel.Below() > 0 {
		short = append(short, k.Down)
	}
	return short
}

// FullHelp is every key of the screen.
func (m Model) FullHelp() [][]key.Binding { return m.KeyMap.FullHelp() }

// View is the content area.
func (m Model) View() string { return m.panel.View() }

// Scrolled counts the lines out of sight above and below.
func (m Model) Scrolled() (above, below int) { return m.panel.Above(), m.panel.Below() }
