//go:build !windows

package store

import (
	"os"
	"syscall"
)

// lockFile takes an advisory flock on the database file itself. SQLite
// locks with fcntl, which on Linux and macOS is independent of flock, so
// this marks "open in an instance" without a sidecar file and without
// touching SQLite's own locking.
func lockFile(f *os.File, exclusive bool) error {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	if err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB); err != nil {
		return ErrLocked
	}
	return nil
}
