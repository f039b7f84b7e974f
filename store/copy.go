package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// ErrTargetExists is returned when a copy would replace an existing file.
var ErrTargetExists = errors.New("target file exists")

// maxMailNames bounds the "_2", "_3" … suffixes tried for one day's copy.
const maxMailNames = 999

// MailName is the file name of the n-th e-mail copy made on day (n from 1):
// "Integrationsmonitoring_2025-03-01.sqlite", then "…_2.sqlite".
func MailName(day time.Time, n int) string {
	name := "Integrationsmonitoring_" + day.Format("2006-01-02")
	if n > 1 {
		name += "_" + strconv.Itoa(n)
	}
	return name + ".sqlite"
}

// CopyForMail writes a snapshot of the open file into dir for sending by
// e-mail, named MailName(today, n) with the first n that is free, and
// returns its path. Edits made meanwhile in the window are either wholly in
// the copy or not at all. A copy that fails its check is removed.
func (s *Store) CopyForMail(ctx context.Context, dir string, today time.Time) (string, error) {
	return snapshot(ctx, s.db, dir, func(n int) (string, bool) {
		return filepath.Join(dir, MailName(today, n)), n < maxMailNames
	})
}

// CopyFile writes a snapshot of the monitoring file src for
// "integrationsmonitor kopie" and returns the path written. dst is either a
// new file name or a folder, which gets the dated MailName. An existing
// file is never replaced. src is checked first and only read: a file
// another instance has open is copied as it was at its last save.
func CopyFile(ctx context.Context, src, dst string) (string, error) {
	if _, err := checkFile(ctx, src, false); err != nil {
		return "", err
	}
	names, dir, err := copyTargets(dst, time.Now())
	if err != nil {
		return "", err
	}
	db, err := sql.Open("sqlite", fileURI(src, true))
	if err != nil {
		return "", fmt.Errorf("copy %s: %w", src, err)
	}
	defer db.Close()
	return snapshot(ctx, db, dir, names)
}

// copyTargets turns the ZIEL of "kopie" into the candidate names and the
// folder they are in.
func copyTargets(dst string, today time.Time) (func(int) (string, bool), string, error) {
	st, err := os.Stat(dst)
	switch {
	case err == nil && st.IsDir():
		return func(n int) (string, bool) {
			return filepath.Join(dst, MailName(today, n)), n < maxMailNames
		}, dst, nil
	case err == nil:
		return nil, "", existsError(dst)
	case !errors.Is(err, fs.ErrNotExist):
		return nil, "", fmt.Errorf("copy to %s: %w", dst, err)
	}
	dir := filepath.Dir(dst)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, "", &UserError{Message: fmt.Sprintf("Den Ordner „%s“ gibt es nicht.", dir), Err: ErrNotExist}
	}
	return func(int) (string, bool) { return dst, false }, dir, nil
}

func existsError(path string) error {
	return &UserError{
		Message: fmt.Sprintf("Die Datei „%s“ gibt es bereits; sie wird nicht überschrieben.", path),
		Err:     ErrTargetExists,
	}
}

// snapshot copies db with VACUUM INTO to a hidden temporary file in dir,
// checks the copy and only then gives it the first free candidate name, so
// that neither a crash nor a failed check leaves a half copy under the
// name the user looks for. names(n) returns the n-th candidate (n from 1)
// and whether another may follow.
func snapshot(ctx context.Context, db *sql.DB, dir string, names func(n int) (string, bool)) (string, error) {
	tmp, err := tempName(dir)
	if err != nil {
		return "", fmt.Errorf("copy: %w", err)
	}
	defer func() {
		// Gone after a rename; still there after a hard link or a failure.
		os.Remove(tmp)
		os.Remove(tmp + "-journal")
	}()
	// VACUUM INTO writes a consistent, defragmented snapshot from one read
	// transaction and refuses a target that exists.
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		return "", copyError(dir, fmt.Errorf("copy: vacuum into %s: %w", tmp, classify(err)))
	}
	// SQLite does not sync the file VACUUM INTO wrote.
	if err := syncFile(tmp); err != nil {
		return "", copyError(dir, err)
	}
	if err := verifyCopy(ctx, tmp); err != nil {
		return "", err
	}
	for n := 1; ; n++ {
		dst, more := names(n)
		err := publish(tmp, dst)
		switch {
		case err == nil:
			return dst, nil
		case !errors.Is(err, fs.ErrExist):
			return "", fmt.Errorf("copy to %s: %w", dst, err)
		case !more:
			return "", existsError(dst)
		}
	}
}

// copyError words a copy that found no room in dir: the sentence for a
// full monitoring file speaks of an unsaved change, and a copy changes
// nothing.
func copyError(dir string, err error) error {
	if !isDiskFull(err) {
		return err
	}
	return &UserError{Message: "Die Kopie wurde nicht geschrieben, weil im Ordner „" + dir + "“ kein Platz mehr ist. " +
		"Bitte schaffen Sie Platz oder wählen Sie einen anderen Ort. Die Datei selbst ist unverändert.", Err: fmt.Errorf("%w: %w", err, ErrDiskFull)}
}

// tempName is a free name in dir for a database SQLite is to create
// itself: it would take an empty file for a database. Other files are
// written through WriteFileAtomic.
func tempName(dir string) (string, error) {
	f, err := os.CreateTemp(dir, tempPattern)
	if err != nil {
		return "", fmt.Errorf("temp file: %w", err)
	}
	name := f.Name()
	f.Close()
	if err := os.Remove(name); err != nil {
		return "", fmt.Errorf("temp file: %w", err)
	}
	return name, nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("copy: %w", err)
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return fmt.Errorf("copy: sync %s: %w", path, err)
	}
	return nil
}

// verifyCopy runs the checks a returned file gets (header, application id,
// integrity, foreign keys) and makes sure the copy uses the rollback
// journal, so that it opens in the plain sqlite3 shell and in DB Browser
// without -wal or -shm files beside it.
func verifyCopy(ctx context.Context, path string) error {
	if _, err := checkFile(ctx, path, false); err != nil {
		return fmt.Errorf("copy: check: %w", err)
	}
	db, err := sql.Open("sqlite", fileURI(path, true))
	if err != nil {
		return fmt.Errorf("copy: %w", err)
	}
	defer db.Close()
	var mode string
	if err := db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
		return fmt.Errorf("copy: journal mode: %w", classify(err))
	}
	if mode != "delete" {
		return fmt.Errorf("copy: journal mode %q, want delete: %w", mode, ErrDamaged)
	}
	return nil
}

// publish gives tmp the name dst unless dst exists. A hard link makes the
// test and the naming one step; file systems without hard links (FAT on
// USB sticks, some network shares) get a check followed by a rename.
func publish(tmp, dst string) error {
	err := os.Link(tmp, dst)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	if _, err := os.Lstat(dst); err == nil {
		return fs.ErrExist
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return os.Rename(tmp, dst)
}
