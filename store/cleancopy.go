package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// CleanCopy writes the open file to the new file dst without the tables,
// indexes, triggers and views the program did not create (see
// ErrForeignObjects). The open file is only read. The copy is made with
// VACUUM INTO, which copies pages and runs no trigger, and the foreign
// triggers are dropped from it before anything else, so a foreign trigger
// never runs. An existing dst is never replaced; the copy appears under its
// name only once it is complete and checked.
func (s *Store) CleanCopy(ctx context.Context, dst string) error {
	if _, err := os.Lstat(dst); err == nil {
		return existsError(dst)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("clean copy to %s: %w", dst, err)
	}
	dir := filepath.Dir(dst)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return &UserError{Message: fmt.Sprintf("Den Ordner „%s“ gibt es nicht.", dir), Err: ErrNotExist}
	}
	tmp, err := tempName(dir)
	if err != nil {
		return fmt.Errorf("clean copy: %w", err)
	}
	defer func() {
		os.Remove(tmp)
		os.Remove(tmp + "-journal")
	}()
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		return fmt.Errorf("clean copy: vacuum into %s: %w", tmp, classify(err))
	}
	if err := dropForeign(ctx, tmp); err != nil {
		return err
	}
	if err := syncFile(tmp); err != nil {
		return err
	}
	if err := verifyCopy(ctx, tmp); err != nil {
		return err
	}
	if reason, err := inspectAt(ctx, tmp); err != nil {
		return fmt.Errorf("clean copy: check: %w", err)
	} else if errors.Is(reason, ErrForeignObjects) {
		return fmt.Errorf("clean copy: still foreign: %w", reason)
	}
	if err := publish(tmp, dst); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return existsError(dst)
		}
		return fmt.Errorf("clean copy to %s: %w", dst, err)
	}
	return nil
}

// dropForeign removes the foreign objects from the copy at path in one
// transaction: triggers first, so that none can fire on what follows,
// then views, indexes and tables. Foreign keys are off on this connection:
// dropping a foreign table that another foreign table refers to must not
// fail halfway on the implicit DELETE.
func dropForeign(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", fileURI(path, false))
	if err != nil {
		return fmt.Errorf("clean copy: %w", err)
	}
	defer db.Close()
	// One connection, so that the pragma holds for the transaction below.
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return fmt.Errorf("clean copy: %w", classify(err))
	}
	version, err := userVersion(ctx, db)
	if err != nil {
		return fmt.Errorf("clean copy: %w", err)
	}
	d, err := compareSchema(ctx, db, version)
	if err != nil {
		return fmt.Errorf("clean copy: %w", err)
	}
	if err := d.alteredError(); err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("clean copy: %w", classify(err))
	}
	defer tx.Rollback()
	for _, kind := range []string{"trigger", "view", "index", "table"} {
		for _, o := range d.foreign {
			if o.Type != kind {
				continue
			}
			q := fmt.Sprintf(`DROP %s IF EXISTS "%s"`, strings.ToUpper(kind), strings.ReplaceAll(o.Name, `"`, `""`))
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("clean copy: drop %s %q: %w", kind, o.Name, classify(err))
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("clean copy: %w", classify(err))
	}
	return db.Close()
}
