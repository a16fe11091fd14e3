package classroom

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// limited is what pasteLimit passes on of in, read a byte at a time (so
// every marker is split across reads) and all at once.
func limited(t testing.TB, in string) string {
	t.Helper()
	whole, err := io.ReadAll(&pasteLimit{r: strings.NewReader(in)})
	if err != nil {
		t.Fatal(err)
	}
	byByte, err := io.ReadAll(&pasteLimit{r: iotest.OneByteReader(strings.NewReader(in))})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(whole, byByte) {
		t.Fatalf("read whole and byte by byte differ: %d and %d bytes", len(whole), len(byByte))
	}
	return string(whole)
}

func TestPasteLimit(t *testing.T) {
	long := strings.Repeat("cytokine ", maxPaste/9+100)
	tests := map[string]struct{ in, want string }{
		"keys":                      {"jjl\x1b[A", "jjl\x1b[A"},
		"a short paste":             {"a" + pasteStart + "hello" + pasteEnd + "l", "a" + pasteStart + "hello" + pasteEnd + "l"},
		"a long paste is cut":       {pasteStart + long + pasteEnd + "l", pasteStart + long[:maxPaste] + pasteEnd + "l"},
		"a paste that never ends":   {pasteStart + long + long, pasteStart + long[:maxPaste]},
		"escapes in a long paste":   {pasteStart + long + "\x1b[20x\x1b[A" + pasteEnd, pasteStart + long[:maxPaste] + pasteEnd},
		"an end marker at the edge": {pasteStart + long[:maxPaste-3] + pasteEnd + "q", pasteStart + long[:maxPaste-3] + pasteEnd + "q"},
		"two pastes":                {pasteStart + long + pasteEnd + pasteStart + "x" + pasteEnd, pasteStart + long[:maxPaste] + pasteEnd + pasteStart + "x" + pasteEnd},
		"an end marker alone":       {pasteEnd + "l", pasteEnd + "l"},
		"a start marker cut short":  {"\x1b[20" + "0l", "\x1b[200l"},
	}
	for name, tc := range tests {
		if got := limited(t, tc.in); got != tc.want {
			t.Errorf("%s: passed on %d bytes %q..., want %d bytes", name, len(got), got[:min(len(got), 40)], len(tc.want))
		}
	}
}

func FuzzPasteLimit(f *testing.F) {
	f.Add([]byte(pasteStart + "abc" + pasteEnd + "l"))
	f.Add([]byte("\x1b[200\x1b[200~\x1b[201\x1b[201~"))
	f.Fuzz(func(t *testing.T, in []byte) {
		out := limited(t, string(in))
		if len(out) > len(in) {
			t.Errorf("passed on %d bytes of %d", len(out), len(in))
		}
		if !bytes.Contains(in, []byte(pasteStart)) && out != string(in) {
			t.Errorf("input without a paste was changed: %q -> %q", in, out)
		}
		if strings.Count(out, pasteEnd) != bytes.Count(in, []byte(pasteEnd)) {
			t.Errorf("an end marker was lost: %q -> %q", in, out)
		}
	})
}
