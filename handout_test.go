package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"jakstat/content"
	"jakstat/internal/fixture"
)

// TestHandoutInABrowser opens the HTML handout (--print --format html
// --answers) in headless Chromium, as a reader would, for the shipped
// lesson and the antihistamine lesson: every step's heading and every
// source's link is on the page, the page names its language, asks for
// nothing beyond its own file, logs no error, fits a phone's width, and
// prints. Set JAKSTAT_SCREENSHOTS to a folder to keep a phone and a
// desktop screenshot of each, to look at.
func TestHandoutInABrowser(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed (apt-get install -y chromium; .ci/run installs it): the handout was not checked in a browser")
	}
	if testing.Short() {
		t.Skip("starts a browser")
	}
	ctx, cancel := browser(t, chromium)
	defer cancel()
	lessons := []struct {
		name   string
		args   []string
		lesson *content.Lesson
	}{
		{"shipped", nil, mustShipped(t)},
		{"antihistamines", []string{"--lesson", fixture.AntihistaminesDir}, fixture.Antihistamines(t)},
	}
	for _, tc := range lessons {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := run(append(tc.args, "--print", "--format", "html", "--answers"), noEnv, nil, &out, &errOut, false); code != 0 {
				t.Fatalf("exit %d: %s", code, errOut.String())
			}
			file := filepath.Join(t.TempDir(), "handout.html")
			if err := os.WriteFile(file, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			checkHandout(t, ctx, "file://"+file, tc.lesson)
		})
	}
}

func mustShipped(t *testing.T) *content.Lesson {
	t.Helper()
	l, err := content.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// browser starts headless Chromium with no network chatter of its own
// (updates, sync, first-run pages), so every request seen is the page's.
func browser(t *testing.T, path string) (context.Context, context.CancelFunc) {
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()))
	ctx, cancelCtx := chromedp.NewContext(alloc)
	if err := chromedp.Do(ctx); err != nil {
		cancelCtx()
		cancelAlloc()
		t.Fatalf("chromium did not start: %v", err)
	}
	return ctx, func() { cancelCtx(); cancelAlloc() }
}

// page is what the test reads off the rendered page.
type page struct {
	Lang       string   `json:"lang"`
	Steps      []string `json:"steps"`
	Links      []string `json:"links"`
	Pre        int      `json:"pre"`
	Questions  int      `json:"questions"`
	Overflow   int      `json:"overflow"` // how far the page is wider than the window
	TableCount int      `json:"tables"`
}

const readPage = `({
	lang: document.documentElement.lang,
	steps: [...document.querySelectorAll("article.step > h3")].map(h => h.textContent),
	links: [...document.querySelectorAll("a[href]")].map(a => a.href),
	pre: document.querySelectorAll("figure.diagram pre").length,
	questions: document.querySelectorAll(".question").length,
	overflow: document.documentElement.scrollWidth - window.innerWidth,
	tables: document.querySelectorAll("table").length,
})`

func checkHandout(t *testing.T, parent context.Context, url string, l *content.Lesson) {
	ctx, cancel := chromedp.NewContext(parent) // a tab of its own
	defer cancel()
	var mu sync.Mutex
	var requests, problems []string
	if err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			requests = append(requests, ev.Request.URL)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				problems = append(problems, "console "+string(ev.Type))
			}
		case *runtime.EventExceptionThrown:
			problems = append(problems, "exception: "+ev.ExceptionDetails.Text)
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.EntryLevelError || ev.Entry.Level == cdplog.EntryLevelWarning {
				problems = append(problems, string(ev.Entry.Source)+": "+ev.Entry.Text)
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	var got page
	for _, size := range []struct {
		name string
		w, h int64
		opts []chromedp.EmulateViewportOption
	}{
		{"phone", 390, 844, []chromedp.EmulateViewportOption{chromedp.EmulateScale(2), chromedp.EmulateMobile}},
		{"desktop", 1280, 900, nil},
	} {
		err := chromedp.Do(ctx, chromedp.EmulateViewport(size.w, size.h, size.opts...), chromedp.Navigate(url), chromedp.WaitReady("footer"))
		if err != nil {
			t.Fatalf("%s: %v", size.name, err)
		}
		if got, err = chromedp.Run(ctx, chromedp.Evaluate[page](readPage)); err != nil {
			t.Fatal(err)
		}
		if got.Overflow > 0 {
			t.Errorf("%s: the page is %d px wider than the window: a reader must scroll sideways", size.name, got.Overflow)
		}
		if dir := os.Getenv("JAKSTAT_SCREENSHOTS"); dir != "" {
			screenshots(t, ctx, dir, strings.ToLower(strings.Fields(l.Meta.Title)[0])+"-"+size.name)
		}
	}
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF())
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Errorf("the page does not print: %v", err)
	}

	if got.Lang != l.Meta.Language {
		t.Errorf("<html lang=%q>, want %q", got.Lang, l.Meta.Language)
	}
	if len(got.Steps) != len(l.Steps) {
		t.Errorf("%d step headings for %d steps", len(got.Steps), len(l.Steps))
	}
	for i, st := range l.Steps {
		if i < len(got.Steps) && !strings.HasSuffix(got.Steps[i], st.Title) {
			t.Errorf("step %d's heading is %q, want %q", i+1, got.Steps[i], st.Title)
		}
	}
	for _, s := range l.Sources {
		if s.URL != "" && !slices.ContainsFunc(got.Links, func(h string) bool { return sameURL(h, s.URL) }) {
			t.Errorf("source %s (%s) is not a link on the page", s.ID, s.URL)
		}
	}
	scenes := 0
	for _, st := range l.Steps {
		if st.Scene != "" {
			scenes++
		}
	}
	if got.Pre != scenes || got.Questions != len(l.Questions) {
		t.Errorf("%d diagrams (want %d), %d questions (want %d)", got.Pre, scenes, got.Questions, len(l.Questions))
	}
	mu.Lock()
	defer mu.Unlock()
	for _, r := range requests {
		if !strings.HasPrefix(r, "file://") && !strings.HasPrefix(r, "data:") {
			t.Errorf("the page asked for %s", r)
		}
	}
	if len(problems) > 0 {
		t.Errorf("the browser reported: %v", problems)
	}
}

// screenshots keeps the top of the page, its first diagram and its first
// table as images named after prefix, for a person to look at.
func screenshots(t *testing.T, ctx context.Context, dir, prefix string) {
	for name, sel := range map[string]string{"top": "body", "diagram": "figure.diagram", "table": "article table"} {
		found, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const e = document.querySelector("`+sel+`");
			if (e) { e.scrollIntoView(); } return !!e; })()`))
		if err != nil || !found {
			continue
		}
		img, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err == nil && len(img) == 0 {
			err = errors.New("empty image")
		}
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, prefix+"-"+name+".png"), img, 0o644)
		}
		if err != nil {
			t.Errorf("screenshot %s-%s: %v", prefix, name, err)
		}
	}
}

// sameURL compares an address as written with the one the browser reads
// from the page, which may have been normalised (a trailing slash added,
// characters escaped).
func sameURL(page, written string) bool {
	return page == written || strings.TrimSuffix(page, "/") == strings.TrimSuffix(written, "/") ||
		strings.EqualFold(strings.ReplaceAll(page, "%20", " "), written)
}
