package watch

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jakstat/content"
)

func TestLessonFile(t *testing.T) {
	for name, want := range map[string]bool{
		"01-welcome.md": true, "drugs.yaml": true, "notes.yml": true, "19-dir.md": true,
		".01-welcome.md.swp": false, ".01-welcome.md.swx": false, "01-welcome.md~": false, "4913": false,
		"#01-welcome.md#": false, ".#01-welcome.md": false, "README.txt": false, ".hidden.md": false, "draft.md.tmp": false,
	} {
		if got := LessonFile(name); got != want {
			t.Errorf("LessonFile(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestDebouncer: a burst of writes reloads once, Quiet after the last;
// writes that never stop still reload every MaxWait.
func TestDebouncer(t *testing.T) {
	o := Options{Quiet: 100 * time.Millisecond, MaxWait: time.Second}.withDefaults()
	at := func(ms int) time.Time { return time.Unix(0, 0).Add(time.Duration(ms) * time.Millisecond) }
	var d debouncer
	for _, tc := range []struct{ event, want int }{{0, 100}, {30, 130}, {60, 160}} {
		if got := d.event(at(tc.event), o); !got.Equal(at(tc.want)) {
			t.Errorf("change at %d ms: reload at %v, want %d ms", tc.event, got.Sub(at(0)), tc.want)
		}
	}
	d.fired()
	if got := d.event(at(500), o); !got.Equal(at(600)) {
		t.Errorf("after a reload a change starts afresh: %v", got.Sub(at(0)))
	}
	d.fired()
	var last time.Time
	for ms := 2000; ms <= 5000; ms += 50 { // writes that never stop
		last = d.event(at(ms), o)
		if ms == 2100 && !last.Equal(at(2200)) {
			t.Errorf("mid-stream the reload waits for quiet: %v", last.Sub(at(0)))
		}
	}
	if !last.Equal(at(3000)) {
		t.Errorf("a stream of writes from 2000 ms reloads at %v, want 3000 ms", last.Sub(at(0)))
	}
}

// TestWatchAFolder drives a real folder the way editors save: a write in
// several steps, a write to a temporary file renamed over the step, a new
// step, a deleted step, a broken file and its fix, editors' own files, and
// the folder moved away and back. Each time the next reload has what was
// saved. (The wait for a reload is a guard against a hang, not a timing.)
func TestWatchAFolder(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	step := func(id, body string) string {
		return "---\nid: " + id + "\ntitle: " + id + "\nsection: S\n---\n" + body + "\n"
	}
	write("lesson.yaml", "title: T\nchecked: 2026-11-20\ndisclaimer: Education only.\n")
	write("01-a.md", step("a", "First."))
	write("02-b.md", step("b", "Second."))

	results := make(chan Result, 16)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := Start(ctx, dir, Options{Quiet: 50 * time.Millisecond}, func(r Result) { results <- r }); err != nil {
		t.Fatal(err)
	}
	next := func(what string, ok func(Result) bool) Result {
		t.Helper()
		deadline := time.After(30 * time.Second)
		for {
			select {
			case r := <-results:
				if ok(r) {
					return r
				}
			case <-deadline:
				t.Fatalf("%s: no reload came", what)
			}
		}
	}
	body := func(i int, want string) func(Result) bool {
		return func(r Result) bool { return r.Err == nil && len(r.Lesson.Steps) > i && r.Lesson.Steps[i].Body == want }
	}

	// Truncate, then write in pieces: one save in several writes.
	f, err := os.OpenFile(filepath.Join(dir, "01-a.md"), os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, piece := range strings.SplitAfter(step("a", "First, edited."), "\n") {
		f.WriteString(piece)
		f.Sync()
	}
	f.Close()
	r := next("a write in pieces", body(0, "First, edited."))
	if len(r.Changed) != 1 || r.Changed[0] != "01-a.md" {
		t.Errorf("changed %v", r.Changed)
	}

	// vim and most editors: swap and backup files, then a new file renamed over the step.
	write(".02-b.md.swp", "swap")
	write("4913", "")
	write(".02-b.md.tmp", step("b", "Second, replaced."))
	if err := os.Rename(filepath.Join(dir, ".02-b.md.tmp"), filepath.Join(dir, "02-b.md")); err != nil {
		t.Fatal(err)
	}
	r = next("an atomic replace", body(1, "Second, replaced."))
	for _, c := range r.Changed {
		if !LessonFile(c) {
			t.Errorf("%s counted as a lesson file", c)
		}
	}

	write("03-c.md", step("c", "Third."))
	next("a new step", body(2, "Third."))
	os.Remove(filepath.Join(dir, "03-c.md"))
	next("a deleted step", func(r Result) bool { return r.Err == nil && len(r.Lesson.Steps) == 2 })

	write("02-b.md", step("b", "Broken <span>x</span>."))
	r = next("a broken edit", func(r Result) bool { return r.Err != nil })
	var probs content.Errors
	if !errors.As(r.Err, &probs) || len(probs) != 1 || probs[0].String() != "02-b.md:6: "+probs[0].Msg {
		t.Errorf("the broken edit's problems: %v", r.Err)
	}
	write("02-b.md", step("b", "Fixed."))
	next("the fix", body(1, "Fixed."))

	moved := dir + "-away"
	if err := os.Rename(dir, moved); err != nil {
		t.Fatal(err)
	}
	next("the folder moved away", func(r Result) bool { return errors.Is(r.Err, ErrGone) })
	if err := os.Rename(moved, dir); err != nil {
		t.Fatal(err)
	}
	next("the folder back", body(1, "Fixed."))
	write("01-a.md", step("a", "Watched again."))
	next("an edit after it came back", body(0, "Watched again."))
}

// BenchmarkLoad is a reload's loading and checking of the shipped lesson's
// folder from disk, the part of a reload between the quiet wait and the
// screen.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if r := load(filepath.Join("..", "content", "lesson")); r.Err != nil {
			b.Fatal(r.Err)
		}
	}
}
