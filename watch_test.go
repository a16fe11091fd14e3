package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"jakstat/content"
	"jakstat/internal/fixture"
	"jakstat/model"
	"jakstat/watch"
)

// TestWatchedLessonKeepsItsPlace runs a lesson folder as --lesson DIR
// --watch does (the real watcher, the messages runProgram sends) while an
// author edits it: an edit shows on the step the learner is on, a new step
// before it keeps them on the same step, an edit that does not load keeps
// the last good lesson with a panel naming file and line, and the fix
// clears the panel.
func TestWatchedLessonKeepsItsPlace(t *testing.T) {
	dir := t.TempDir()
	src := fixture.AntihistaminesDir
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(src, e.Name()))
		os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644)
	}
	l, err := content.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	msgs := make(chan tea.Msg, 16)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if err := watch.Start(ctx, dir, watch.Options{}, func(r watch.Result) { msgs <- reloadMsg(r) }); err != nil {
		t.Fatal(err)
	}

	var m tea.Model = model.New(l, model.Options{Theme: model.ThemeDark, NoQuiz: true})
	m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	for range 2 {
		m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyRight})
	}
	screen := func() string { return ansi.Strip(m.(model.Model).Render()) }
	// next waits for the reload after an edit (a guard against a hang, not a timing).
	next := func(what string) tea.Msg {
		t.Helper()
		select {
		case msg := <-msgs:
			m, _ = m.Update(msg)
			return msg
		case <-time.After(30 * time.Second):
			t.Fatalf("%s: no reload came", what)
		}
		return nil
	}
	step := filepath.Join(dir, "03-switched-off.md")
	original, _ := os.ReadFile(step)
	onStep := func(when, want string) {
		t.Helper()
		if s := screen(); !strings.Contains(s, "Holding the receptor switched off") || !strings.Contains(s, want) {
			t.Errorf("%s: not on the same step (%s):\n%s", when, want, s)
		}
	}

	edited := strings.Replace(string(original), "The H1 receptor is never completely still.", "The H1 receptor never keeps still.", 1)
	os.WriteFile(step, []byte(edited), 0o644)
	if msg, ok := next("an edit").(model.LessonMsg); !ok || !strings.Contains(msg.Notice, "03-switched-off.md") {
		t.Errorf("the edit's reload: %#v", msg)
	}
	onStep("after an edit", "3/5")
	if !strings.Contains(screen(), "The H1 receptor never keeps still.") || !strings.Contains(screen(), "Reloaded: 03-switched-off.md") {
		t.Errorf("the edit does not show:\n%s", screen())
	}

	os.WriteFile(filepath.Join(dir, "02-aside.md"), []byte("---\nid: aside\ntitle: An aside\nsection: Histamine\n---\nA new step.\n"), 0o644)
	next("a new step")
	onStep("after a step was added before it", "4/6")

	broken := strings.Replace(edited, "section: How the tablets work", "section: How the tablets work\nscene: disco", 1)
	os.WriteFile(step, []byte(broken), 0o644)
	if _, ok := next("a broken edit").(model.ReloadFailedMsg); !ok {
		t.Fatal("a broken edit was not reported")
	}
	onStep("after a broken edit", "4/6")
	if s := screen(); !strings.Contains(s, "Not reloaded") || !strings.Contains(s, `03-switched-off.md:5: unknown scene "disco"`) ||
		!strings.Contains(s, "The H1 receptor never keeps still.") {
		t.Errorf("no panel naming file and line over the last good lesson:\n%s", s)
	}

	os.WriteFile(step, []byte(edited), 0o644)
	next("the fix")
	onStep("after the fix", "4/6")
	if s := screen(); strings.Contains(s, "Not reloaded") || len(m.(model.Model).Problems()) != 0 {
		t.Errorf("the fix did not clear the panel:\n%s", s)
	}
}
