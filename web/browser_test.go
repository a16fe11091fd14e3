package web

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"jakstat/classroom"
	"jakstat/internal/fixture"
)

// The browser tests open the page in headless Chromium (Debian's chromium
// package, driven by chromedp), as a student or a teacher would. With
// -screenshots they write what they saw to testdata/*.png, to look at:
//
//	go test ./web -run TestBrowser -screenshots

var screenshots = flag.Bool("screenshots", false, "write the browser tests' screenshots to testdata/")

// chromiumPath finds Chromium, or skips the test where it is missing;
// in CI (which installs it) it must be there.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a browser")
	}
	path, err := exec.LookPath("chromium")
	switch {
	case err == nil:
		return path
	case os.Getenv("CI") != "":
		t.Fatal("chromium is not installed, and CI must test the page in a browser (.ci/run installs it)")
	}
	t.Skip("chromium is not installed (apt-get install -y chromium; .ci/run installs it): the page was not tested in a browser")
	return ""
}

// startBrowser starts headless Chromium with no network chatter of its own,
// so every request seen is the page's.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath(t)), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("font-render-hinting", "none"), chromedp.UserDataDir(t.TempDir()))
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("chromium did not start: %v", err)
	}
	return ctx
}

// browserTab is the page open in a tab of its own.
type browserTab struct {
	t    *testing.T
	ctx  context.Context
	base string

	mu       sync.Mutex
	problems []string // errors the page logged, requests it made elsewhere
}

// view is how a tab is shown: its size, touch, and the theme the reader's
// system prefers.
type view struct {
	w, h  int64
	phone bool
	theme string
}

// openPage opens path on the rig's page in a new tab of the browser.
func openPage(t *testing.T, browser context.Context, r *rig, path string, v view) *browserTab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	b := &browserTab{t: t, ctx: ctx, base: r.base}
	if err := chromedp.Listen(ctx, b.heard); err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.EmulateViewportOption{}
	if v.phone {
		opts = append(opts, chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)
	}
	media := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: v.theme}}}
	err := chromedp.Do(ctx, chromedp.EmulateViewport(v.w, v.h, opts...),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, media)
			return err
		}),
		chromedp.Navigate(r.base+path))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// heard notes what the page should never do: log an error or a warning
// (a refused script or style among them), throw, or ask another server.
func (b *browserTab) heard(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		if !strings.HasPrefix(ev.Request.URL, b.base) && !strings.HasPrefix(ev.Request.URL, "ws"+strings.TrimPrefix(b.base, "http")) {
			b.problems = append(b.problems, "a request for "+ev.Request.URL)
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
			b.problems = append(b.problems, "console "+string(ev.Type))
		}
	case *runtime.EventExceptionThrown:
		b.problems = append(b.problems, "exception: "+ev.ExceptionDetails.Text)
	case *cdplog.EventEntryAdded:
		if ev.Entry.Level == cdplog.EntryLevelError || ev.Entry.Level == cdplog.EntryLevelWarning {
			b.problems = append(b.problems, string(ev.Entry.Source)+": "+ev.Entry.Text)
		}
	}
}

// check fails the test for anything the page should not have done.
func (b *browserTab) check() {
	b.t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.problems) > 0 {
		b.t.Errorf("the browser reported: %v", b.problems)
	}
}

// do runs actions in the tab.
func (b *browserTab) do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatal(err)
	}
}

// eval is a script's value in the page.
func eval[T any](b *browserTab, js string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		b.t.Fatalf("%s: %v", js, err)
	}
	return v
}

// waitFor waits for a script's value in the page to be true.
func (b *browserTab) waitFor(what, js string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		b.t.Fatalf("waiting for %s: %v; the page shows:\n%s", what, err, b.screen())
	}
}

// screen is the lesson's text as the page shows it.
func (b *browserTab) screen() string {
	s, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.getElementById("screen").innerText`))
	return s
}

// waitText waits for the lesson on the page to show want.
func (b *browserTab) waitText(want string) {
	b.t.Helper()
	b.waitFor(fmt.Sprintf("the page to show %q", want), fmt.Sprintf(`document.getElementById("screen").innerText.includes(%q)`, want))
}

// waitFollowing waits for the page to say it follows the teacher at step.
func (b *browserTab) waitFollowing(step int) {
	b.t.Helper()
	b.waitFor(fmt.Sprintf("the page to follow the teacher at step %d", step),
		fmt.Sprintf(`(t => t.includes("following the teacher") && t.includes(" %d/"))(document.getElementById("screen").innerText)`, step))
}

// shot saves what the tab shows as testdata/name.png, with -screenshots.
func (b *browserTab) shot(name string) {
	b.t.Helper()
	if !*screenshots {
		return
	}
	img, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err == nil {
		err = os.WriteFile(filepath.Join("testdata", name+".png"), img, 0o644)
	}
	if err != nil {
		b.t.Errorf("screenshot %s: %v", name, err)
	}
}

func TestBrowser(t *testing.T) {
	browser := startBrowser(t)
	desktop := view{w: 1280, h: 800, theme: "dark"}
	for _, tc := range []struct {
		name string
		run  func(*testing.T, context.Context, view)
	}{
		{"follows the presenter", browserFollows},
		{"answers a live check", browserLiveCheck},
		{"re-lays the lesson on a resize", browserResize},
		{"a phone", browserPhone},
		{"a fast wheel", browserWheel},
		{"joins again after a dropped connection", browserReconnect},
		{"the presenter signs in", browserPresenter},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.run(t, browser, desktop) })
	}
}

// browserFollows: the page shows the first step, the right arrow breaks
// away (the live region says where to), F follows again, and a move of
// the presenter over SSH reaches the page.
func browserFollows(t *testing.T, browser context.Context, desktop view) {
	r := newRig(t, classroom.Config{PresenterPass: "teach"}, rigOptions{ssh: true})
	l := r.room.Lesson()
	total := len(l.Steps)
	teacher := sshJoin(t, r.ssh, "presenter", "teach", 120, 40)
	b := openPage(t, browser, r, "/", desktop)
	b.waitText(fmt.Sprintf("1/%d", total))
	b.waitFollowing(1)
	roomStatus(t, teacher, 1, 1)
	b.shot("desktop-first-step")

	b.do(chromedp.KeyEvent(kb.ArrowRight))
	b.waitText(fmt.Sprintf("2/%d", total))
	b.waitText("step 1 · F: follow")
	b.waitFor("the live region to announce step 2",
		fmt.Sprintf(`document.getElementById("announce").textContent === %q`, fmt.Sprintf("Step 2 of %d: %s", total, l.Steps[1].Title)))
	roomStatus(t, teacher, 0, 1)
	b.shot("desktop-broke-away")

	b.do(chromedp.KeyEvent("F"))
	b.waitFollowing(1)
	teacher.keys("5G")
	b.waitText(fmt.Sprintf("5/%d", total))
	b.waitFollowing(5)
	b.shot("desktop-following")
	b.check()
}

// browserLiveCheck: a live check asked over SSH is answered on the page
// and counted in the presenter's tally.
func browserLiveCheck(t *testing.T, browser context.Context, desktop view) {
	r := newRig(t, classroom.Config{PresenterPass: "teach"}, rigOptions{ssh: true})
	end, qs := fixture.FirstCheck(t, r.room.Lesson())
	teacher := sshJoin(t, r.ssh, "presenter", "teach", 120, 40)
	b := openPage(t, browser, r, "/", desktop)
	b.waitFollowing(1)
	teacher.keys(fmt.Sprintf("%dG", end))
	b.waitFollowing(end)
	teacher.keys("l")
	b.waitText("The teacher asks")
	teacher.waitScreen(t, "Answered 0 of 1")
	b.shot("desktop-live-check")
	if qs[0].Kind == "order" {
		for i := range qs[0].Choices {
			b.do(chromedp.KeyEvent(fmt.Sprint(i + 1)))
		}
		b.do(chromedp.KeyEvent(kb.Enter))
	} else {
		b.do(chromedp.KeyEvent("1"))
	}
	teacher.waitScreen(t, "Answered 1 of 1")
	b.waitText("Your answer is in")
	b.shot("desktop-answered")
	b.check()
}

// browserResize: a smaller window re-lays the lesson in fewer rows and
// columns, every row within the window.
func browserResize(t *testing.T, browser context.Context, desktop view) {
	r := newRig(t, classroom.Config{}, rigOptions{})
	b := openPage(t, browser, r, "/", desktop)
	b.waitText("1/")
	wide := eval[int](b, `document.querySelectorAll("#screen .row").length`)
	b.shot("desktop-wide")
	b.do(chromedp.EmulateViewport(700, 500))
	b.waitFor("fewer rows", fmt.Sprintf(`document.querySelectorAll("#screen .row").length < %d`, wide))
	b.waitText("1/")
	cols := eval[int](b, `Math.floor((innerWidth - 8) / (document.getElementById("probe").getBoundingClientRect().width / 10))`)
	b.waitFor("every row within the window", fmt.Sprintf(
		`[...document.querySelectorAll("#screen .row")].every(r => [...r.textContent].length <= %d) &&
		 document.getElementById("screen").getBoundingClientRect().right <= innerWidth`, cols))
	b.shot("desktop-narrow")
	b.check()
}

// browserPhone: on a phone the text stays readable and the touch
// buttons move the lesson.
func browserPhone(t *testing.T, browser context.Context, desktop view) {
	r := newRig(t, classroom.Config{}, rigOptions{})
	total := len(r.room.Lesson().Steps)
	b := openPage(t, browser, r, "/", view{w: 390, h: 844, phone: true, theme: "light"})
	b.waitText(fmt.Sprintf("1/%d", total))
	b.waitFor("the touch buttons", `!document.getElementById("touch").hidden`)
	if size := eval[float64](b, `parseFloat(getComputedStyle(document.getElementById("screen")).fontSize)`); size < 12 {
		t.Errorf("the lesson's text is %v px on a phone", size)
	}
	b.shot("phone-first-step")
	b.do(chromedp.Click(chromedp.CSS(`#touch [data-key="right"]`)))
	b.waitText(fmt.Sprintf("2/%d", total))
	b.do(chromedp.Click(chromedp.CSS(`#touch [data-key="right"]`)))
	b.waitText(fmt.Sprintf("3/%d", total))
	b.do(chromedp.Click(chromedp.CSS(`#touch [data-key="left"]`)))
	b.waitText(fmt.Sprintf("2/%d", total))
	b.waitFor("the page within the window", `document.documentElement.scrollWidth <= innerWidth &&
		document.getElementById("screen").getBoundingClientRect().bottom <= document.getElementById("touch").getBoundingClientRect().top`)
	b.shot("phone-second-step")
	b.check()
}

// browserPresenter: /presenter and /notes ask for the presenter's
// password on the page and sign in with it, not with a wrong one.
func browserPresenter(t *testing.T, browser context.Context, desktop view) {
	r := newRig(t, classroom.Config{Password: "room", PresenterPass: "teach"}, rigOptions{})
	b := openPage(t, browser, r, "/presenter", desktop)
	b.waitFor("the sign-in form", `!document.getElementById("signin").hidden`)
	b.do(chromedp.SendKeys(chromedp.ID("password"), "wrong"), chromedp.KeyEvent(kb.Enter))
	b.waitFor("a wrong password refused", `document.getElementById("signin-error").textContent.includes("not right")`)
	b.shot("desktop-presenter-sign-in")
	b.do(chromedp.SendKeys(chromedp.ID("password"), "teach"), chromedp.KeyEvent(kb.Enter))
	b.waitText("1/")
	eventually(t, "the presenter in the room", func() bool { return r.room.Status().Teacher })
	b.shot("desktop-presenter")
	b.check()

	notes := openPage(t, browser, r, "/notes", view{w: 900, h: 600, theme: "light"})
	notes.waitFor("the sign-in form", `!document.getElementById("signin").hidden`)
	notes.do(chromedp.SendKeys(chromedp.ID("password"), "teach"), chromedp.KeyEvent(kb.Enter))
	notes.waitText("Next: ")
	b.do(chromedp.KeyEvent(kb.ArrowRight))
	notes.waitText("Next: " + r.room.Lesson().Steps[2].Title)
	notes.shot("desktop-notes")
	notes.check()
}

// browserWheel: a trackpad flung hard sends the page hundreds of wheel
// events; it scrolls the lesson and keeps within the server's rate limit,
// so the lesson goes on.
func browserWheel(t *testing.T, browser context.Context, desktop view) {
	r := newRig(t, classroom.Config{}, rigOptions{})
	total := len(r.room.Lesson().Steps)
	b := openPage(t, browser, r, "/", view{w: 900, h: 500, theme: "dark"})
	b.waitText(fmt.Sprintf("1/%d", total))
	b.waitText("scroll down") // the text is longer than the window
	top := b.screen()
	eval[bool](b, `(() => { const g = document.getElementById("screen");
		for (let i = 0; i < 400; i++) g.dispatchEvent(new WheelEvent("wheel", {deltaY: 120, bubbles: true, cancelable: true}));
		return true; })()`)
	b.waitFor("the lesson scrolled", fmt.Sprintf(`document.getElementById("screen").innerText !== %q`, top))
	for !strings.Contains(b.screen(), fmt.Sprintf("2/%d", total)) {
		if !eval[bool](b, `document.getElementById("ended").hidden`) {
			t.Fatalf("the lesson ended: %s", eval[string](b, `document.getElementById("ended-why").textContent`))
		}
		b.do(chromedp.KeyEvent(kb.ArrowRight)) // dropped while the page's own limit refills
		time.Sleep(50 * time.Millisecond)
	}
	b.check()
}

// browserReconnect: when a tab's connection drops without a word (the
// wifi, a laptop lid), the page joins the same room again by itself and
// follows the presenter from where they are now.
func browserReconnect(t *testing.T, browser context.Context, desktop view) {
	r := newRig(t, classroom.Config{PresenterPass: "teach"}, rigOptions{ssh: true})
	total := len(r.room.Lesson().Steps)
	teacher := sshJoin(t, r.ssh, "presenter", "teach", 120, 40)
	b := openPage(t, browser, r, "/", desktop)
	b.waitFollowing(1)
	r.web.mu.Lock()
	for ss := range r.web.sessions {
		ss.conn.CloseNow() // the connection cut, no last word
	}
	r.web.mu.Unlock()
	b.waitFor("the page to say it lost the connection", `document.getElementById("status").textContent.startsWith("The connection was lost")`)
	b.shot("desktop-reconnecting")
	teacher.keys("4G")
	b.waitText(fmt.Sprintf("4/%d", total))
	b.waitFollowing(4)
	roomStatus(t, teacher, 1, 1)
	b.check()
}
