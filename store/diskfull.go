package store

import (
	"errors"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ErrDiskFull means the drive had no room for a change, or refused to
// let the file grow. SQLite rolled the change back, so the file still
// holds everything saved before.
var ErrDiskFull = errors.New("disk is full")

// diskFullMessage is the German sentence for ErrDiskFull. It says that
// nothing saved before is lost, because a user who sees "voll" fears for
// the whole file.
func diskFullMessage() string {
	return "Die Änderung wurde nicht gespeichert, weil das Laufwerk voll ist oder die Datei nicht weiter wachsen darf. " +
		"Bitte schaffen Sie Platz oder speichern Sie die Datei an einem anderen Ort und versuchen Sie es erneut. " +
		"Alles bisher Gespeicherte ist erhalten."
}

// isDiskFull reports whether err says that there was no room to write.
// SQLite reports ENOSPC as SQLITE_FULL (its Windows VFS maps
// ERROR_DISK_FULL to it as well), but every other failed write(2) as
// SQLITE_IOERR_WRITE: EDQUOT of a full quota on a network home drive and
// EFBIG of a file size limit among them. A failed write rolls the change
// back and leaves the file intact, so it must not be reported as damage.
// ENOSPC and EFBIG also come from Go's own file operations.
func isDiskFull(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) && (se.Code()&0xff == sqlite3.SQLITE_FULL || se.Code() == sqlite3.SQLITE_IOERR_WRITE) {
		return true
	}
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EFBIG)
}
