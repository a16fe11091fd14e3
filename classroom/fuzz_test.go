package classroom

import (
	"strings"
	"testing"
	"time"
)

// FuzzParseKeys: any keys file is read without panicking; every error
// names the file and a line, and keys come back only when there are no
// errors.
func FuzzParseKeys(f *testing.F) {
	f.Add([]byte("# teacher\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl me\n"))
	f.Add([]byte("ssh-rsa nonsense\n\n\x00\xff"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		k, err := parseKeys("keys", data)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "keys:") {
					t.Errorf("an error without the file's name: %q", line)
				}
			}
		} else if len(k) == 0 {
			t.Error("no keys and no error")
		}
	})
}

// FuzzRestore: whatever a room's Store holds, restoring it never panics
// and never gives a place outside the lesson.
func FuzzRestore(f *testing.F) {
	l := lesson(f)
	f.Add([]byte(`{"view":{"step":9,"stepId":"two-ways","screen":"live","live":{"questions":["x"]}},"lesson":"` + l.Fingerprint() + `"}`))
	f.Add([]byte(`{"view":{"step":-4},"lesson":"` + l.Fingerprint() + `"}`))
	f.Add([]byte(`{]`))
	now := time.Now()
	f.Fuzz(func(t *testing.T, data []byte) {
		p, ok := restore(&memStore{data: data}, l, now)
		if ok && (p.View.Step < 0 || p.View.Step >= len(l.Steps) || p.View.Live != nil) {
			t.Errorf("restored %+v", p.View)
		}
	})
}
