// Package watch reloads a lesson folder when its files change, for an
// author who edits a lesson while it runs (jakstat --lesson DIR --watch).
//
// It watches the folder itself, not each file, so an editor that saves by
// writing a new file and renaming it over the old one, a new step, and a
// deleted one are all seen. Editors write a file in several steps
// (truncate, write, write; or a backup, a temporary file and a rename), so
// a reload waits until the folder has been still for a moment (Quiet), and
// never longer than MaxWait while writes keep coming. Files an editor
// keeps for itself (swap files, backups, lock files) are not lesson files
// and do not count.
package watch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"jakstat/content"
)

// Options tune the reloads; the zero value has sensible defaults.
type Options struct {
	// Quiet is how long the folder must be still before it is loaded:
	// 100 ms when zero, enough for an editor's several writes of one save.
	Quiet time.Duration
	// MaxWait is the longest a reload waits while changes keep coming:
	// 1 s when zero.
	MaxWait time.Duration
	// Retry is how often a folder that went away is looked for again:
	// 500 ms when zero.
	Retry time.Duration
}

func (o Options) withDefaults() Options {
	if o.Quiet <= 0 {
		o.Quiet = 100 * time.Millisecond
	}
	if o.MaxWait <= 0 {
		o.MaxWait = time.Second
	}
	if o.MaxWait < o.Quiet {
		o.MaxWait = o.Quiet
	}
	if o.Retry <= 0 {
		o.Retry = 500 * time.Millisecond
	}
	return o
}

// Result is one reload: the lesson the folder now holds, or why it does
// not load (a content.Errors naming each problem's file and line, or a
// folder that is gone).
type Result struct {
	Lesson *content.Lesson
	Err    error
	// Changed names the lesson files whose change caused the reload, in
	// the order they first changed.
	Changed []string
	// Took is how long loading and checking the folder took.
	Took time.Duration
}

// ErrGone is the error of a reload whose folder was moved or deleted. The
// watch goes on: when the folder is back, it is loaded again.
var ErrGone = errors.New("the lesson folder was moved or deleted; put it back to reload")

// Start watches dir until ctx ends, calling deliver with each reload, one
// at a time and in order, from a goroutine of its own; deliver must not
// block for long (a tea.Program's Send is fine). It returns an error only
// when the folder cannot be watched at all.
func Start(ctx context.Context, dir string, o Options, deliver func(Result)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("cannot watch %s: %w", dir, err)
	}
	if err := w.Add(dir); err != nil {
		w.Close()
		return fmt.Errorf("cannot watch %s: %w", dir, err)
	}
	go loop(ctx, w, filepath.Clean(dir), o.withDefaults(), deliver)
	return nil
}

func loop(ctx context.Context, w *fsnotify.Watcher, dir string, o Options, deliver func(Result)) {
	defer w.Close()
	var d debouncer
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var retry *time.Ticker // ticks while the folder is gone
	defer func() {
		if retry != nil {
			retry.Stop()
		}
	}()
	var changed []string
	schedule := func(name string) {
		if name != "" && !contains(changed, name) {
			changed = append(changed, name)
		}
		timer.Reset(d.event(time.Now(), o).Sub(time.Now()))
	}
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			switch {
			case filepath.Clean(ev.Name) == dir && (ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)):
				if retry == nil {
					retry = time.NewTicker(o.Retry)
				}
				schedule("")
			case LessonFile(filepath.Base(ev.Name)) && ev.Op != fsnotify.Chmod:
				schedule(filepath.Base(ev.Name))
			}
		case _, ok := <-w.Errors:
			if !ok {
				return
			}
			schedule("") // events may have been lost: look again
		case <-tick(retry):
			if w.Add(dir) == nil {
				retry.Stop()
				retry = nil
				schedule("")
			}
		case <-timer.C:
			d.fired()
			r := load(dir)
			r.Changed, changed = changed, nil
			deliver(r)
		}
	}
}

// load reads and checks the folder.
func load(dir string) Result {
	start := time.Now()
	var r Result
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		r.Err = ErrGone
	} else {
		r.Lesson, r.Err = content.Load(os.DirFS(dir))
	}
	r.Took = time.Since(start)
	return r
}

// LessonFile says whether a file of that name can be part of a lesson: a
// step (.md) or a data file (.yaml). Editors' swap, backup, lock and
// temporary files (.x.swp, x~, #x#, .#x, 4913) are not.
func LessonFile(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~") {
		return false
	}
	ext := filepath.Ext(name)
	return ext == ".md" || ext == ".yaml" || ext == ".yml"
}

// tick is a ticker's channel, or nil (never ready) for no ticker.
func tick(t *time.Ticker) <-chan time.Time {
	if t == nil {
		return nil
	}
	return t.C
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// debouncer decides when a burst of changes has settled: Quiet after the
// last change, but no later than MaxWait after the first.
type debouncer struct {
	first   time.Time // the first change since the last reload; zero when none is pending
	pending bool
}

// event records a change at now and returns when to reload.
func (d *debouncer) event(now time.Time, o Options) time.Time {
	if !d.pending {
		d.first, d.pending = now, true
	}
	at := now.Add(o.Quiet)
	if limit := d.first.Add(o.MaxWait); at.After(limit) {
		at = limit
	}
	return at
}

// fired records that the reload happened.
func (d *debouncer) fired() { d.pending = false }
