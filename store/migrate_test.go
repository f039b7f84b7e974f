package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
)

// TestMigrateSchema1KeepsData opens a file written by the program before
// report editions (schema 1): it is migrated, keeps its rows, and gets the
// edition tables.
func TestMigrateSchema1KeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.sqlite")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	scripts, err := migrations()
	if err != nil || len(scripts) < 2 {
		t.Fatalf("migrations: %d, %v", len(scripts), err)
	}
	if err := applyMigration(ctx, db, 1, scripts[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO field(code,title,sort) VALUES ('A','Feld',1); INSERT INTO setting(key,value) VALUES ('berichtsjahr','2023')`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("open schema 1: %v", err)
	}
	defer s.Close()
	var version, fields int
	s.db.QueryRow(`PRAGMA user_version`).Scan(&version)
	s.db.QueryRow(`SELECT count(*) FROM field`).Scan(&fields)
	if version != SchemaVersion() || fields != 1 {
		t.Errorf("after migration: version %d, %d fields; want %d and 1", version, fields, SchemaVersion())
	}
	if set, err := s.Settings(ctx); err != nil || set.ReportYear != 2023 {
		t.Errorf("settings after migration: %+v, %v", set, err)
	}
	if list, err := s.Editions(ctx); err != nil || len(list) != 0 {
		t.Errorf("Editions = %v, %v; want none", list, err)
	}
	if _, err := s.db.Exec(`SELECT * FROM "Berichtsfassungen"`); err != nil {
		t.Errorf("view Berichtsfassungen: %v", err)
	}
}

// TestSchema1WithForeignTriggerIsNotMigrated: a file of schema 1 with a
// trigger another tool added opens read-only against the schema-1
// expectation and is not migrated, so nothing runs or changes in it.
func TestSchema1WithForeignTriggerIsNotMigrated(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.sqlite")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	scripts, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if err := applyMigration(ctx, db, 1, scripts[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TRIGGER wipe AFTER INSERT ON field BEGIN DELETE FROM field; END`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer s.Close()
	if !errors.Is(s.ReadOnlyReason(), ErrForeignObjects) {
		t.Errorf("reason %v, want ErrForeignObjects", s.ReadOnlyReason())
	}
	var version int
	s.db.QueryRow(`PRAGMA user_version`).Scan(&version)
	if version != 1 {
		t.Errorf("user_version %d after open, want 1 (not migrated)", version)
	}
}

// A migration's version is its position among the scripts, so their
// numbers must run 1, 2, 3 … without a gap: a gap gave the report texts
// version 5 on one build and 6 on the next, and files written in between
// could no longer be opened.
func TestMigrationsNumberedWithoutGaps(t *testing.T) {
	names, err := filepath.Glob("migrations/*.sql")
	if err != nil || len(names) == 0 {
		t.Fatalf("migrations: %v %v", names, err)
	}
	if got := SchemaVersion(); got != len(names) {
		t.Errorf("SchemaVersion() = %d for %d scripts %v; their numbers must run from 0001 without gaps", got, len(names), names)
	}
}
