package classroom

import (
	"sync"

	tea "charm.land/bubbletea/v2"
)

// Program is what a room delivers its news to: a running Bubble Tea
// program (a *tea.Program), whatever carries its screen (SSH, or a
// browser's WebSocket).
type Program interface {
	Send(tea.Msg)
}

// kind is a sort of news a member gets. A mailbox keeps only the latest of
// each kind: news of a kind supersedes the older, so a member who is slow
// to take it only misses stale states, and a mailbox never grows.
type kind int

const (
	kindView     kind = iota // the teacher's view, for students (FollowMsg) or the teacher's own lesson (ViewMsg)
	kindPosition             // the teacher's step and clock, for the console (model.PositionMsg)
	kindCheck                // the live check (live.CheckMsg)
	kindStatus               // who is in the room (live.StatusMsg)
	kinds
)

// mailbox holds a member's undelivered news, one of each kind, and a
// goroutine delivers it, in kind order, to the member's program. Sending
// to a program blocks while the program is busy (a client that stopped
// reading stalls its program's output, and so its event loop); only this
// goroutine waits, never the room.
type mailbox struct {
	mu      sync.Mutex
	pending [kinds]tea.Msg
	closed  bool
	wake    chan struct{} // has a value when there is news
	done    chan struct{} // closed when delivery has stopped
}

func newMailbox() *mailbox {
	return &mailbox{wake: make(chan struct{}, 1), done: make(chan struct{})}
}

// put leaves msg as the latest news of its kind. It never blocks.
func (b *mailbox) put(k kind, msg tea.Msg) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	b.pending[k] = msg
	select {
	case b.wake <- struct{}{}:
	default:
	}
}

// deliver hands the news to p until close; run it on its own goroutine.
func (b *mailbox) deliver(p Program) {
	defer close(b.done)
	for range b.wake {
		b.mu.Lock()
		if b.closed {
			b.mu.Unlock()
			return
		}
		news := b.pending
		b.pending = [kinds]tea.Msg{}
		b.mu.Unlock()
		for _, msg := range news {
			if msg != nil {
				p.Send(msg)
			}
		}
	}
}

// close stops delivery. It does not wait for a Send in progress: the
// program it is waiting on ends with its session, which ends that Send.
func (b *mailbox) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.closed {
		b.closed = true
		close(b.wake)
	}
}
