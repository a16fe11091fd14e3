package classroom

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"jakstat/content"
	"jakstat/model"
	"jakstat/model/live"
)

// Role is what a member of a room may do, decided by the server from what
// the member proved when signing in.
type Role int

// The roles.
const (
	Student   Role = iota // follows the teacher, or explores; answers live checks
	Presenter             // the teacher: the room follows them
	Notes                 // the teacher's console: speaker notes, the room, the check
)

func (r Role) String() string {
	return [...]string{"student", "presenter", "notes"}[r]
}

// ErrFull is a room with every student's seat taken.
var ErrFull = errors.New("the room is full")

// ErrNotesFull is a room with every console's seat taken.
var ErrNotesFull = errors.New("the presenter's console is already open in three places")

// maxConsoles is how many notes views a room keeps at once.
const maxConsoles = 3

// RoomConfig is how a room runs.
type RoomConfig struct {
	Lesson      *content.Lesson
	MaxStudents int                       // default 100; the presenter and consoles have seats of their own
	Store       Store                     // keeps the room's place across restarts; nil keeps nothing
	Log         func(string, ...any)      // nil logs nothing
	Now         func() time.Time          // the clock; nil is time.Now
	Results     func([]CheckResult) error // given every check's spreads when the room closes; nil keeps none
}

// Room is a classroom, whatever its members connect over: it holds the
// teacher's place (the whole view their screen shows), runs live checks,
// and hands every member's lesson the news it needs. It is the classroom's
// only shared state and is guarded here; nothing it does waits on a
// member. SSH sessions join it through Server; a browser's sessions join
// the same room the same way: Join, Member.Lesson, Member.Attach,
// Member.Leave.
type Room struct {
	cfg   RoomConfig
	cache *model.RenderCache // every member draws the same lesson the same way

	mu       sync.Mutex
	view     model.ViewPosition // the teacher's, even while no teacher is connected
	started  time.Time          // when the presentation began, for the clock
	teacher  *Member
	students map[*Member]struct{}
	consoles map[*Member]struct{}
	check    *check // the open live check, if any
	seq      int    // the last check's number
	// toldStudents is the check as students were last told it; newcomers
	// says a student joined since (Lesson shows a joiner the check, but
	// news already in its mailbox may be older).
	toldStudents live.Check
	newcomers    bool
	results      []CheckResult
	closed       bool
	keep         *keeper
}

// NewRoom opens a room for cfg.Lesson, at the place its Store kept, if any.
func NewRoom(cfg RoomConfig) *Room {
	if cfg.MaxStudents <= 0 {
		cfg.MaxStudents = 100
	}
	if cfg.Log == nil {
		cfg.Log = func(string, ...any) {}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	r := &Room{cfg: cfg, cache: model.NewRenderCache(), students: map[*Member]struct{}{}, consoles: map[*Member]struct{}{}}
	if cfg.Store != nil {
		if p, ok := restore(cfg.Store, cfg.Lesson, cfg.Now()); ok {
			r.view, r.started = p.View, p.Started
			cfg.Log("the room's place is restored: step %d", p.View.Step+1)
		}
		r.keep = newKeeper(cfg.Store, cfg.Log)
	}
	return r
}

// Member is one person's place in a room.
type Member struct {
	room *Room
	role Role
	end  func(reason string)
	box  *mailbox

	// Guarded by room.mu.
	seat model.Seat
	gone bool
	vote map[int]int // check number -> the vote last answered
}

// Join admits someone in role. end is how the room ends this member's
// session: it is called (at most once, not under any lock) when a presenter
// signs in elsewhere and takes the seat over. A student past MaxStudents is
// refused with ErrFull; the presenter's seat and the consoles' are kept
// apart from the students', so a full room never locks the teacher out.
func (r *Room) Join(role Role, end func(reason string)) (*Member, error) {
	m := &Member{room: r, role: role, end: end, box: newMailbox(), vote: map[int]int{}}
	r.mu.Lock()
	var replaced *Member
	switch {
	case r.closed:
		r.mu.Unlock()
		return nil, errors.New("the room is closing")
	case role == Student && len(r.students) >= r.cfg.MaxStudents:
		r.mu.Unlock()
		return nil, ErrFull
	case role == Notes && len(r.consoles) >= maxConsoles:
		r.mu.Unlock()
		return nil, ErrNotesFull
	case role == Student:
		r.students[m] = struct{}{}
		m.seat = model.Seat{Step: r.view.Step, Following: true}
		r.newcomers = true
	case role == Notes:
		r.consoles[m] = struct{}{}
	default:
		replaced, r.teacher = r.teacher, m
		if r.started.IsZero() {
			r.started = r.cfg.Now()
		}
	}
	if replaced != nil {
		replaced.gone = true
		replaced.box.close()
	}
	r.news()
	r.mu.Unlock()
	if replaced != nil && replaced.end != nil {
		replaced.end("You signed in as the presenter somewhere else, so this session has ended.")
	}
	return m, nil
}

// Lesson is the member's lesson, wired to the room and showing its place
// now: the teacher's view for a student or a teacher who comes back, the
// teacher's step for a console. opts says how to draw it (the theme, say);
// the room sets the rest.
func (m *Member) Lesson(opts model.Options) model.Model {
	r := m.room
	opts.Cache, opts.Room = r.cache, m
	opts.Present, opts.Follow, opts.Notes = m.role == Presenter, m.role == Student, m.role == Notes
	r.mu.Lock()
	view, started, teacher, check, status := r.view, r.started, r.teacher != nil, r.checkFor(m), r.status()
	r.mu.Unlock()
	opts.Started = started
	l := model.New(r.cfg.Lesson, opts)
	var first []tea.Msg
	switch m.role {
	case Presenter:
		first = []tea.Msg{model.ViewMsg{ViewPosition: view}, live.StatusMsg{Status: status}}
	case Student:
		first = []tea.Msg{model.FollowMsg{View: view, Teacher: teacher}}
	case Notes:
		first = []tea.Msg{model.PositionMsg{Step: view.Step, Started: started, Blank: view.Blank}, live.StatusMsg{Status: status}}
	}
	first = append(first, live.CheckMsg{Check: check})
	for _, msg := range first {
		next, _ := l.Update(msg)
		l = next.(model.Model)
	}
	return l
}

// Attach starts handing the room's news to the member's program.
func (m *Member) Attach(p Program) { go m.box.deliver(p) }

// Leave gives up the member's seat.
func (m *Member) Leave() {
	r := m.room
	r.mu.Lock()
	defer r.mu.Unlock()
	m.box.close()
	if m.gone {
		return
	}
	m.gone = true
	delete(r.students, m)
	delete(r.consoles, m)
	if r.teacher == m {
		r.teacher = nil
	}
	r.news()
}

// Role is what the member may do.
func (m *Member) Role() Role { return m.role }

// Presented takes the teacher's view (model.Room).
func (m *Member) Presented(v model.ViewPosition) {
	r := m.room
	r.mu.Lock()
	if r.teacher != m || m.gone || r.closed {
		r.mu.Unlock()
		return // a teacher who was replaced no longer moves the room
	}
	r.view = v
	opened, seq := r.runCheck(v), r.seq
	r.news()
	if r.keep != nil {
		r.keep.put(place{View: v, Started: r.started, Lesson: r.cfg.Lesson.Fingerprint(), Saved: r.cfg.Now()})
	}
	r.mu.Unlock()
	// Logged once the room is unlocked: a server log that blocks (a paused
	// terminal, a full pipe) must not stall the whole room.
	if opened != "" {
		r.cfg.Log("check %d opened: %s", seq, opened)
	}
}

// Seated takes a student's place (model.Room).
func (m *Member) Seated(s model.Seat) {
	r := m.room
	r.mu.Lock()
	defer r.mu.Unlock()
	if m.role != Student || m.gone || m.seat == s {
		return
	}
	m.seat = s
	r.newStatus()
}

// Answered takes a student's answer to the live check (model.Room).
func (m *Member) Answered(a live.AnswerMsg) {
	r := m.room
	r.mu.Lock()
	defer r.mu.Unlock()
	c := r.check
	if m.role != Student || m.gone || c == nil || a.Seq != c.seq || a.Vote != len(c.votes) || m.vote[c.seq] >= a.Vote ||
		!r.answers(c.question, a.Response) {
		return // a stale answer, a second one to the same vote, or nonsense
	}
	m.vote[c.seq] = a.Vote
	c.add(a.Response)
	r.newCheck()
}

// news tells every member everything: after a change of teacher or view.
func (r *Room) news() {
	follow := model.FollowMsg{View: r.view, Teacher: r.teacher != nil}
	for m := range r.students {
		m.box.put(kindView, follow)
	}
	pos := model.PositionMsg{Step: r.view.Step, Started: r.started, Blank: r.view.Blank}
	for m := range r.consoles {
		m.box.put(kindPosition, pos)
	}
	r.newCheck()
	r.newStatus()
}

// newStatus tells the teacher and the consoles who is in the room.
func (r *Room) newStatus() {
	msg := live.StatusMsg{Status: r.status()}
	if r.teacher != nil {
		r.teacher.box.put(kindStatus, msg)
	}
	for m := range r.consoles {
		m.box.put(kindStatus, msg)
	}
}

func (r *Room) status() live.Status {
	s := live.Status{Teacher: r.teacher != nil, Students: len(r.students)}
	for m := range r.students {
		if m.seat.Following {
			s.Following++
		} else {
			s.Exploring = append(s.Exploring, m.seat.Step)
		}
	}
	slices.Sort(s.Exploring)
	return s
}

// newCheck tells everyone how the live check stands. Students are told
// only when what they see changes (a question, a vote, a reveal), not at
// every answer: the count is the teacher's.
func (r *Room) newCheck() {
	if c := r.studentCheck(); !reflect.DeepEqual(c, r.toldStudents) || r.newcomers {
		r.toldStudents, r.newcomers = c, false
		for m := range r.students {
			m.box.put(kindCheck, live.CheckMsg{Check: c})
		}
	}
	if r.teacher != nil {
		r.teacher.box.put(kindCheck, live.CheckMsg{Check: r.checkFor(r.teacher)})
	}
	for m := range r.consoles {
		m.box.put(kindCheck, live.CheckMsg{Check: r.checkFor(m)})
	}
}

// checkFor is the live check as m may see it: the spread is the room's
// secret until the teacher reveals it, except on the teacher's console,
// and the count is the teacher's and the console's.
func (r *Room) checkFor(m *Member) live.Check {
	c := r.check
	if c == nil {
		return live.Check{}
	}
	if m.role == Student {
		return r.studentCheck()
	}
	out := live.Check{Seq: c.seq, Question: c.question, Vote: len(c.votes), Revealed: c.revealed,
		Answered: total(c.votes[len(c.votes)-1]), Students: len(r.students)}
	if c.revealed || m.role == Notes {
		out.Spreads = c.spreads()
	}
	return out
}

// studentCheck is the live check as a student sees it.
func (r *Room) studentCheck() live.Check {
	c := r.check
	if c == nil {
		return live.Check{}
	}
	out := live.Check{Seq: c.seq, Question: c.question, Vote: len(c.votes), Revealed: c.revealed}
	if c.revealed {
		out.Spreads = c.spreads()
	}
	return out
}

// Close ends the room: members are left to their sessions, which the
// server ends; the place is written and the checks' results handed on.
func (r *Room) Close() error {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return nil
	}
	r.closed = true
	r.closeCheck()
	results := slices.Clone(r.results)
	keep := r.keep
	r.mu.Unlock()
	var errs []error
	if keep != nil {
		errs = append(errs, keep.close())
	}
	if r.cfg.Results != nil {
		if err := r.cfg.Results(results); err != nil {
			errs = append(errs, fmt.Errorf("the checks' results could not be written: %w", err))
		}
	}
	return errors.Join(errs...)
}

// Lesson is the lesson the room shows.
func (r *Room) Lesson() *content.Lesson { return r.cfg.Lesson }

// View is the teacher's place, as the room holds it.
func (r *Room) View() model.ViewPosition {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.view
}

// Status is who is in the room.
func (r *Room) Status() live.Status {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.status()
}

// answers says whether response could answer the question: a choice that
// exists, or an order of every item once.
func (r *Room) answers(question string, response []int) bool {
	q := r.cfg.Lesson.Questions[r.cfg.Lesson.QuestionIndex(question)]
	for i, v := range response {
		if v < 0 || v >= len(q.Choices) || slices.Contains(response[:i], v) {
			return false
		}
	}
	if q.Kind == content.KindOrder {
		return len(response) == len(q.Choices)
	}
	return len(response) == 1
}
