//go:build windows

package store

import (
	"os"

	"golang.org/x/sys/windows"
)

// lockOffset lies far beyond SQLite's lock bytes (around 1 GiB) and any
// data, so our mandatory Windows byte-range lock never blocks SQLite's I/O.
const lockOffset = 0x7F000000

// lockFile marks the file as open in an instance (see lock_unix.go).
func lockFile(f *os.File, exclusive bool) error {
	var flags uint32 = windows.LOCKFILE_FAIL_IMMEDIATELY
	if exclusive {
		flags |= windows.LOCKFILE_EXCLUSIVE_LOCK
	}
	ol := &windows.Overlapped{Offset: lockOffset, OffsetHigh: 0x7F}
	if err := windows.LockFileEx(windows.Handle(f.Fd()), flags, 0, 1, 0, ol); err != nil {
		return ErrLocked
	}
	return nil
}
