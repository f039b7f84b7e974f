package store

import (
	"context"
	"path/filepath"
	"testing"

	"bergischgladbach.de/integrationsmonitor/assets"
)

// TestBulkSaveRestoresChecks: the connection a bulk save ran on checks
// foreign keys and CHECK constraints again afterwards, so the next write
// on it, single or from a merge, is checked as before.
func TestBulkSaveRestoresChecks(t *testing.T) {
	ctx := context.Background()
	cat, err := ParseCatalog(assets.Catalog)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Create(ctx, filepath.Join(t.TempDir(), "m.sqlite"), cat)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// One connection: the next statement runs on the bulk save's.
	s.db.SetMaxOpenConns(1)
	vs := []Value{{BaseFigure: "BEV", Period: "2024-12-31", Area: "stadt", Group: "insgesamt", Number: 1}}
	if _, _, err := s.SaveValues(ctx, vs, SaveOptions{Origin: "Import: x.csv"}); err != nil {
		t.Fatal(err)
	}
	var fk, ignore int
	if err := s.db.QueryRowContext(ctx, "SELECT foreign_keys, ignore_check_constraints FROM pragma_foreign_keys, pragma_ignore_check_constraints").Scan(&fk, &ignore); err != nil {
		t.Fatal(err)
	}
	if fk != 1 || ignore != 0 {
		t.Errorf("after a bulk save: foreign_keys = %d, ignore_check_constraints = %d; want 1 and 0", fk, ignore)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO value(base_figure_code, period, area_code, group_code, number) VALUES ('BEV', '2024-12-31', 'nirgends', 'insgesamt', 1)`); err == nil {
		t.Errorf("a value of an unknown Bezirk was stored after a bulk save")
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO value(base_figure_code, period, area_code, group_code, symbol) VALUES ('BEV', '2023-12-31', 'stadt', 'insgesamt', '?')`); err == nil {
		t.Errorf("a value with an unknown symbol was stored after a bulk save")
	}
}
