package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migrations returns the embedded migration scripts in order; migration i
// (0-based) brings the schema to user_version i+1.
func migrations() ([]string, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make([]string, 0, len(names))
	for i, n := range names {
		// The version a script stamps is its position; a gap or a duplicate
		// number would give a script the version of another and make files
		// written by one build unreadable for the next.
		if want := fmt.Sprintf("migrations/%04d_", i+1); !strings.HasPrefix(n, want) {
			return nil, fmt.Errorf("migration %s: expected a name starting with %s", n, strings.TrimPrefix(want, "migrations/"))
		}
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, string(b))
	}
	return out, nil
}

// SchemaVersion is the schema version this program writes.
func SchemaVersion() int {
	m, err := migrations()
	if err != nil {
		return 0
	}
	return len(m)
}

// migrate applies the pending migrations, each in its own transaction that
// also stamps user_version and the application id, so a failed migration
// leaves the file at the previous version.
func migrate(ctx context.Context, db *sql.DB) error {
	scripts, err := migrations()
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var current int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("migrate: read version: %w", err)
	}
	if current > len(scripts) {
		return fmt.Errorf("migrate: version %d: %w", current, ErrNewerSchema)
	}
	for i := current; i < len(scripts); i++ {
		if err := applyMigration(ctx, db, i+1, scripts[i]); err != nil {
			return err
		}
	}
	return nil
}

func applyMigration(ctx context.Context, db *sql.DB, version int, script string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: begin %d: %w", version, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, script); err != nil {
		return fmt.Errorf("migrate: apply migration %d: %w", version, err)
	}
	// Pragmas take no parameters; both values are our own integers.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)); err != nil {
		return fmt.Errorf("migrate: stamp application id: %w", err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", version)); err != nil {
		return fmt.Errorf("migrate: stamp version %d: %w", version, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate: commit %d: %w", version, err)
	}
	return nil
}
