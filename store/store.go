package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Store is an open monitoring file.
type Store struct {
	db       *sql.DB
	path     string
	lock     *os.File
	readOnly bool
	// roReason says why the file is read-only (see ReadOnlyReason).
	roReason error
	// Now is the clock for entered_at stamps; tests replace it.
	Now func() time.Time
	// User is written as entered_by.
	User string
}

// Path is the file the store works on.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the file was opened read-only: it is
// write-protected, or one of its report editions was tampered with.
// ReadOnlyReason says which.
func (s *Store) ReadOnly() bool { return s.readOnly }

// ReadOnlyReason is nil for a writable file. Otherwise it tells why the
// file was opened read-only, for Message: ErrReadOnly for a write-protected
// file, or a UserError wrapping ErrEditionTampered whose message names the
// tampered edition.
func (s *Store) ReadOnlyReason() error {
	if !s.readOnly {
		return nil
	}
	if s.roReason != nil {
		return s.roReason
	}
	return ErrReadOnly
}

// Close releases the file.
func (s *Store) Close() error {
	err := s.db.Close()
	if s.lock != nil {
		s.lock.Close()
	}
	return err
}

func fileURI(path string, readOnly bool) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	p := filepath.ToSlash(abs)
	if runtime.GOOS == "windows" {
		p = "/" + p
	}
	u := url.URL{Scheme: "file", Path: p}
	q := url.Values{}
	mode := "rw" // never rwc: opening must not create a missing file
	if readOnly {
		mode = "ro"
	}
	q.Set("mode", mode)
	// Pragmas go into the DSN so that every pooled connection gets them.
	// DELETE journal: the file is e-mailed and must be complete on its own.
	// trusted_schema and cell_size_check: files arrive by e-mail, treat
	// their schema and pages as untrusted input.
	// _defensive sets SQLITE_DBCONFIG_DEFENSIVE before any statement
	// runs: no writable_schema, no writes to shadow tables.
	q.Set("_defensive", "1")
	for _, p := range []string{"foreign_keys(1)", "trusted_schema(0)", "cell_size_check(1)", "busy_timeout(2000)"} {
		q.Add("_pragma", p)
	}
	if !readOnly {
		q.Add("_pragma", "journal_mode(DELETE)")
		q.Add("_pragma", "synchronous(FULL)")
	}
	q.Set("_txlock", "immediate")
	u.RawQuery = q.Encode()
	return u.String()
}

// writable reports whether the file may be written; mode bits are checked
// as well because root ignores them when opening.
func writable(path string) bool {
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm()&0o200 == 0 {
		return false
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

// Open opens an existing monitoring file. Every refusal leaves the file
// byte for byte unchanged: the header is checked by hand before SQLite sees
// the file, the integrity check runs read-only, and only then is the file
// opened for writing and migrated. A write-protected file is opened
// read-only; ReadOnly reports it. So is a file whose report editions fail
// their hash check (or lost their protecting triggers): nothing in it is
// rewritten, and ReadOnlyReason names the edition. The schema is compared
// with the one the migrations build for the file's version: a missing or
// altered table, column, index, trigger or view refuses the file
// (ErrSchemaAltered); objects the program did not create open it
// read-only (ErrForeignObjects), so that no foreign trigger ever runs.
func Open(ctx context.Context, path string) (*Store, error) {
	h, err := readHeader(path)
	if err != nil {
		return nil, err
	}
	if h.applicationID != ApplicationID {
		return nil, fmt.Errorf("open %s: application id %#x: %w", path, h.applicationID, ErrForeignFile)
	}
	if int(h.userVersion) > SchemaVersion() {
		return nil, fmt.Errorf("open %s: schema %d: %w", path, h.userVersion, ErrNewerSchema)
	}
	readOnly := !writable(path)
	if readOnly && hotJournal(path) {
		// Only a writable open can roll the interrupted save back.
		return nil, fmt.Errorf("open %s: %w", path, ErrInterrupted)
	}
	lf, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := lockFile(lf, !readOnly); err != nil {
		lf.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if !readOnly {
		if err := rollBackJournal(ctx, path); err != nil {
			lf.Close()
			return nil, err
		}
		if h, err = readHeader(path); err != nil {
			lf.Close()
			return nil, err
		}
	}
	if err := h.checkGeometry(path); err != nil {
		lf.Close()
		return nil, err
	}
	if err := checkIntegrity(ctx, path); err != nil {
		lf.Close()
		return nil, err
	}
	roReason, err := inspectAt(ctx, path)
	if err != nil {
		lf.Close()
		return nil, err
	}
	if roReason != nil {
		// The lock taken above stays as it is: downgrading is not atomic
		// on Windows, and a tampered file is better open in one place.
		readOnly = true
	}
	db, err := sql.Open("sqlite", fileURI(path, readOnly))
	if err != nil {
		lf.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: db, path: path, lock: lf, readOnly: readOnly, roReason: roReason, Now: time.Now, User: currentUser()}
	if !readOnly {
		if err := migrate(ctx, db); err != nil {
			s.Close()
			return nil, classify(err)
		}
	}
	return s, nil
}

// rollBackJournal lets SQLite roll back the half-done transaction of a
// crashed instance. A read-only connection cannot and refuses the file
// (SQLITE_READONLY_ROLLBACK), so the integrity check would; the first read
// on a writable connection restores the last committed state. The caller
// holds the exclusive lock, so no live instance is mid-transaction.
func rollBackJournal(ctx context.Context, path string) error {
	if _, err := os.Stat(path + "-journal"); err != nil {
		return nil
	}
	db, err := sql.Open("sqlite", fileURI(path, false))
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&n); err != nil {
		return fmt.Errorf("open %s: %w", path, classify(err))
	}
	return db.Close()
}

// checkIntegrity runs SQLite's integrity check on a read-only connection.
// Damage shows either as lines of the check or as the check itself failing
// with SQLITE_CORRUPT; both get the same sentence.
func checkIntegrity(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", fileURI(path, true))
	if err != nil {
		return fmt.Errorf("check %s: %w", path, err)
	}
	defer db.Close()
	var problems []string
	err = queryEach(ctx, db, "PRAGMA integrity_check", func(r *sql.Rows) error {
		var line string
		if err := r.Scan(&line); err != nil {
			return err
		}
		if line != "ok" {
			problems = append(problems, line)
		}
		return nil
	})
	switch {
	case err != nil && errors.Is(classify(err), ErrDamaged):
		return damagedError(fmt.Errorf("check %s: %w", path, classify(err)))
	case err != nil:
		return fmt.Errorf("check %s: %w", path, classify(err))
	case len(problems) > 0:
		return damagedError(fmt.Errorf("check %s: %s: %w", path, strings.Join(problems, "; "), ErrDamaged))
	}
	return nil
}

func damagedError(cause error) error {
	return &UserError{
		Message: "Die Datei ist beschädigt: SQLite findet Fehler in ihren Datenseiten. Sie wird nicht geöffnet und bleibt unverändert; bitte verwenden Sie eine Sicherung oder die zuletzt verschickte Kopie.",
		Err:     cause,
	}
}

// classify maps SQLite result codes to our sentinels.
func classify(err error) error {
	if isDiskFull(err) {
		return fmt.Errorf("%w: %w", err, ErrDiskFull)
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_READONLY_DBMOVED:
			return fmt.Errorf("%w: %w", err, ErrMoved)
		case sqlite3.SQLITE_READONLY_ROLLBACK:
			return fmt.Errorf("%w: %w", err, ErrInterrupted)
		}
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_IOERR:
			return fmt.Errorf("%v: %w", err, ErrDamaged)
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return fmt.Errorf("%v: %w", err, ErrLocked)
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM:
			return fmt.Errorf("%v: %w", err, ErrReadOnly)
		}
	}
	return err
}

func currentUser() string {
	for _, k := range []string{"USERNAME", "USER", "LOGNAME"} {
		if v := os.Getenv(k); v != "" {
			return v
		}
	}
	return ""
}

// Create writes a new monitoring file with the given catalogue. The file is
// built under a temporary name beside the target and renamed into place
// only when complete, so an existing file is replaced whole or not at all.
func Create(ctx context.Context, path string, cat *Catalog) (*Store, error) {
	if err := cat.Validate(); err != nil {
		return nil, err
	}
	dir := filepath.Dir(path)
	tmpName, err := tempName(dir)
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	ok := false
	defer func() {
		if !ok {
			os.Remove(tmpName)
			os.Remove(tmpName + "-journal")
		}
	}()
	u := strings.Replace(fileURI(tmpName, false), "mode=rw", "mode=rwc", 1)
	db, err := sql.Open("sqlite", u)
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	s := &Store{db: db, path: tmpName, Now: time.Now, User: currentUser()}
	if err := s.insertCatalog(ctx, cat); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.setSettings(ctx, map[string]string{keyCreatedAt: s.Now().UTC().Format(time.RFC3339)}); err != nil {
		db.Close()
		return nil, err
	}
	if err := db.Close(); err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	if err := os.Rename(tmpName, path); err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	ok = true
	return Open(ctx, path)
}
