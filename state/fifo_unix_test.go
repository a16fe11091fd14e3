//go:build unix

package state

import "syscall"

// platformUnreadable is the Unix-only case: a FIFO in the file's place,
// which an ordinary read would wait on for good.
func platformUnreadable() map[string]unreadableCase {
	return map[string]unreadableCase{
		"a FIFO": {func(p string) error { return syscall.Mkfifo(p, 0o600) }, "not a regular file"},
	}
}
