//go:build unix

package link

import (
	"fmt"
	"os"
	"syscall"
)

// checkPrivate refuses a folder that another user owns or can write to: in
// a shared temporary folder, someone could have made it first to put their
// own socket in it.
func checkPrivate(dir string) error {
	fi, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	switch {
	case !fi.IsDir():
		return fmt.Errorf("%s is not a folder", dir)
	case ok && int(st.Uid) != os.Getuid():
		return fmt.Errorf("%s belongs to another user", dir)
	case fi.Mode().Perm()&0o022 != 0:
		return fmt.Errorf("other users can write to %s", dir)
	}
	return nil
}
