package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestConnectionsAreDefensive: every connection the program opens to a
// file runs in SQLite's defensive mode, so writable_schema cannot be
// switched on, and does not trust the file's schema.
func TestConnectionsAreDefensive(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "d.sqlite")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(ctx, db); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA writable_schema = ON`); err != nil {
		t.Fatal(err)
	}
	var writable, trusted int
	if err := conn.QueryRowContext(ctx, `PRAGMA writable_schema`).Scan(&writable); err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRowContext(ctx, `PRAGMA trusted_schema`).Scan(&trusted); err != nil {
		t.Fatal(err)
	}
	if writable != 0 || trusted != 0 {
		t.Errorf("writable_schema %d, trusted_schema %d; want both 0 under defensive mode", writable, trusted)
	}
}
