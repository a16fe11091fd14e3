package views

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// TestHelpBarKeepsTheKeyToEverything: at every width, the help bar fits;
// when it leaves something out it says so with "…" and ends with the key
// that shows every key; when everything fits there is no "…".
func TestHelpBarKeepsTheKeyToEverything(t *testing.T) {
	s := NewStyles(true)
	b := func(k, desc string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc)) }
	help := b("?", "all keys")
	off := b("x", "never shown")
	off.SetEnabled(false)
	bar := []key.Binding{b("→/l/space", "next"), b("←/h", "back"), off, b("↓/j", "scroll down"), b("tab", "text/table"),
		b("t", "explore tables"), b("/", "search"), b("d", "glossary"), help, b("q", "quit")}
	const whole = "→/l/space next • ←/h back • ↓/j scroll down • tab text/table • t explore tables • / search • d glossary • ? all keys • q quit"
	for w := 1; w <= 140; w++ {
		out := ansi.Strip(HelpBarMore(s, bar, help, w))
		if ansi.StringWidth(out) > w {
			t.Fatalf("width %d: %q is wider", w, out)
		}
		if strings.Contains(out, "never shown") {
			t.Fatalf("width %d: a disabled binding is offered: %q", w, out)
		}
		switch {
		case w >= ansi.StringWidth(whole):
			if out != whole {
				t.Errorf("width %d: %q, want every key", w, out)
			}
		case w >= ansi.StringWidth("… ? all keys"):
			if !strings.HasSuffix(out, "… ? all keys") || strings.Count(out, "? all keys") != 1 {
				t.Errorf("width %d: %q does not end with the key to the rest", w, out)
			}
		}
	}
	for _, tc := range []struct {
		width int
		want  string
	}{
		{80, "→/l/space next • ←/h back • ↓/j scroll down • tab text/table … ? all keys"},
		{30, "→/l/space next … ? all keys"},
		{12, "… ? all keys"},
	} {
		if out := ansi.Strip(HelpBarMore(s, bar, help, tc.width)); out != tc.want {
			t.Errorf("width %d: %q, want %q", tc.width, out, tc.want)
		}
	}
	// Without a key to everything, a cut bar still ends in "…".
	if out := ansi.Strip(HelpBar(s, bar, 60)); !strings.HasSuffix(out, " …") {
		t.Errorf("a cut bar does not say so: %q", out)
	}
}
