package classroom

import (
	"encoding/json"
	"time"

	"jakstat/content"
	"jakstat/model"
)

// Store keeps a room's place between runs of the server: the last thing
// kept is what Load gives back. The server's is a file in the state folder,
// written atomically.
type Store interface {
	Load() ([]byte, error) // nothing kept yet: nil and no error
	Save([]byte) error
}

// place is what a room keeps: the teacher's view, when the presentation
// began (the clock goes on from there if the server comes back soon), and
// the lesson it belongs to.
type place struct {
	View    model.ViewPosition `json:"view"`
	Started time.Time          `json:"started"`
	Lesson  string             `json:"lesson"` // the lesson's fingerprint
	Saved   time.Time          `json:"saved"`
}

// clockGap is how long a server may be down and its presentation's clock
// still go on; a room restored later starts its clock afresh.
const clockGap = time.Hour

// restore reads the place kept for lesson l. A place kept for another
// lesson (or edition of it), or one that cannot be read, is not used. A
// check that was open is not: its answers were kept only in memory, so the
// teacher comes back to the step under it.
func restore(s Store, l *content.Lesson, now time.Time) (place, bool) {
	data, err := s.Load()
	if err != nil || data == nil {
		return place{}, false
	}
	var p place
	if json.Unmarshal(data, &p) != nil || p.Lesson != l.Fingerprint() {
		return place{}, false
	}
	if i := l.StepIndex(p.View.StepID); i >= 0 {
		p.View.Step = i
	}
	if p.View.Step < 0 || p.View.Step >= len(l.Steps) {
		return place{}, false
	}
	if p.View.Screen == model.ScreenLive {
		p.View.Screen = model.ScreenLesson
	}
	p.View.Live = nil
	if now.Sub(p.Saved) > clockGap {
		p.Started = time.Time{}
	}
	return p, true
}

// keeper saves places in the background, latest first: a teacher flipping
// through steps costs a write or two, and never waits for the disk.
type keeper struct {
	pending chan place
	done    chan error
}

func newKeeper(s Store, log func(string, ...any)) *keeper {
	k := &keeper{pending: make(chan place, 1), done: make(chan error, 1)}
	go func() {
		var last error
		for p := range k.pending {
			data, _ := json.Marshal(p)
			if last = s.Save(data); last != nil {
				log("the room's place could not be kept: %v", last)
			}
		}
		k.done <- last
	}()
	return k
}

// put queues p, replacing a place not yet written; it never blocks (it
// runs under the room's lock, and the keeper's goroutine does not take it).
func (k *keeper) put(p place) {
	for {
		select {
		case k.pending <- p:
			return
		default:
		}
		select {
		case <-k.pending:
		default:
		}
	}
}

// close writes what is queued and reports the last write's error.
func (k *keeper) close() error {
	close(k.pending)
	return <-k.done
}
