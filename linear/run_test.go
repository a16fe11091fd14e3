package linear

import (
	"bufio"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"jakstat/internal/fixture"
)

func TestPlainText(t *testing.T) {
	tests := map[string]string{
		"plain\n":                   "plain\n",
		"\x1b[31mred\x1b[0m":        "[31mred[0m", // the escape goes, so nothing is coloured
		"over\rwrite":               "overwrite",
		"back\bspace":               "backspace",
		"tab\there":                 "tab here",
		"bell\a and \u009b C1":      "bell and  C1",
		"é and \u2028 stay":         "é and \u2028 stay",
		"\x1b]8;;https://x\x07link": "]8;;https://xlink",
	}
	for in, want := range tests {
		if got := plainText(in); got != want {
			t.Errorf("plainText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWrapText(t *testing.T) {
	tests := []struct {
		in    string
		width int
		want  string
	}{
		{"short line\n", 20, "short line\n"},
		{"one two three four five six", 10, "one two\nthree four\nfive six"},
		{"- a list item that goes on and on", 16, "- a list item\n  that goes on\n  and on"},
		{"12. a numbered item that wraps", 16, "12. a numbered\n    item that\n    wraps"},
		{"Your choice (n next, b back): ", 16, "Your choice (n\nnext, b back): "},
	}
	for _, tc := range tests {
		if got := wrapText(tc.in, tc.width); got != tc.want {
			t.Errorf("wrapText(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
	}
}

func TestSpoken(t *testing.T) {
	tests := map[string]string{
		"Facts checked on 2026-11-26.":     "Facts checked on 26 November 2026.",
		"approved 2024-03, then more":      "approved March 2024, then more",
		"a range 2021-2022 stays":          "a range 2021-2022 stays",
		"not a date 2024-13 or 2024-02-30": "not a date 2024-13 or 2024-02-30",
		"S2024-03 is an id":                "S2024-03 is an id",
		"3% vs 1% with vehicle":            "3% versus 1% with vehicle",
		"A vs. B":                          "A versus B",
		"canvas vs":                        "canvas versus",
		"vsx and versus stay":              "vsx and versus stay",
	}
	for in, want := range tests {
		if got := spoken(in); got != want {
			t.Errorf("spoken(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadLines(t *testing.T) {
	long := strings.Repeat("x", 10000)
	in := "n\r\n\nj 2\n" + long + "\nlast"
	stop := make(chan struct{})
	defer close(stop)
	var got []string
	for ln := range readLines(strings.NewReader(in), stop) {
		got = append(got, ln)
	}
	want := []string{"n", "", "j 2", long[:4096], "last"}
	if len(got) != len(want) {
		t.Fatalf("got %d lines, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d: %.30q, want %.30q", i, got[i], want[i])
		}
	}
}

// TestInterrupted: a cancelled context (Ctrl+C) ends the conversation
// like q, with the place saved, while the input is still open.
func TestInterrupted(t *testing.T) {
	inR, inW := io.Pipe()
	defer inW.Close()
	outR, outW := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	u := &user{t: t, in: inW, out: bufio.NewReader(outR), done: make(chan error, 1)}
	go func() {
		err := Run(ctx, New(fixture.Lesson(t), Options{Save: func(Snapshot) {}}), inR, outW)
		outW.Close()
		u.done <- err
	}()
	u.prompt()
	u.say("n")
	u.prompt() // step 2 is read out, and its prompt is waiting
	cancel()
	for {
		if _, ok := u.prompt(); !ok {
			break
		}
	}
	if err := <-u.done; err != nil {
		t.Fatal(err)
	}
	inOrder(t, u.seen.String(), "Step 2 of 7", "\nInterrupted.\nYour place is saved: step 2 of 7.")
	checkPlain(t, u.seen.String())
}

type brokenWriter struct{ after int }

func (w *brokenWriter) Write(p []byte) (int, error) {
	if w.after--; w.after < 0 {
		return 0, errors.New("closed")
	}
	return len(p), nil
}

// TestOutputGoesAway: when the reader of the output leaves (| head), Run
// stops and says so.
func TestOutputGoesAway(t *testing.T) {
	err := Run(context.Background(), New(fixture.Lesson(t), Options{}), strings.NewReader(strings.Repeat("n\n", 100)), &brokenWriter{after: 3})
	if err == nil {
		t.Fatal("no error")
	}
}
