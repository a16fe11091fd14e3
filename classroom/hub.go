package classroom

import (
	"sync"

	tea "charm.land/bubbletea/v2"

	"jakstat/model"
)

// hub holds the teacher's position and the students' programs. It is the
// classroom's only shared state, guarded here. Each student has a mailbox
// of one message and a goroutine delivering it, so a slow or vanished
// student only ever misses stale positions and never holds up the teacher.
type hub struct {
	mu        sync.Mutex
	pos       model.Position
	teacher   bool
	claimed   bool // a presenter session holds the room
	followers map[*tea.Program]*mailbox
	closed    bool
}

type mailbox struct {
	msgs chan model.FollowMsg
	done chan struct{}
}

func newHub() *hub { return &hub{followers: map[*tea.Program]*mailbox{}} }

func (h *hub) current() model.FollowMsg {
	return model.FollowMsg{Position: h.pos, Teacher: h.teacher}
}

// add starts delivering positions to a student's program.
func (h *hub) add(p *tea.Program) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	mb := &mailbox{msgs: make(chan model.FollowMsg, 1), done: make(chan struct{})}
	h.followers[p] = mb
	mb.msgs <- h.current()
	go func() {
		defer close(mb.done)
		for msg := range mb.msgs {
			p.Send(msg) // returns when delivered, or when the program has ended
		}
	}()
}

// remove stops delivering to a student who has left.
func (h *hub) remove(p *tea.Program) {
	h.mu.Lock()
	mb, ok := h.followers[p]
	delete(h.followers, p)
	h.mu.Unlock()
	if ok {
		close(mb.msgs)
		<-mb.done
	}
}

// publish is the teacher moving: every student's mailbox gets the new
// position, replacing one not yet delivered.
func (h *hub) publish(pos model.Position) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.pos, h.teacher = pos, true
	h.broadcast()
}

// claim reserves the presenter's place; false if it is taken.
func (h *hub) claim() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.claimed {
		return false
	}
	h.claimed = true
	return true
}

func (h *hub) presenterJoined() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.teacher = true
	h.broadcast()
}

// presenterLeft tells students the teacher has gone; they keep their place.
func (h *hub) presenterLeft() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.teacher, h.claimed = false, false
	h.broadcast()
}

func (h *hub) broadcast() {
	msg := h.current()
	for _, mb := range h.followers {
		select {
		case <-mb.msgs:
		default:
		}
		mb.msgs <- msg
	}
}

// close stops every delivery.
func (h *hub) close() {
	h.mu.Lock()
	h.closed = true
	followers := h.followers
	h.followers = map[*tea.Program]*mailbox{}
	h.mu.Unlock()
	for _, mb := range followers {
		close(mb.msgs)
		<-mb.done
	}
}
