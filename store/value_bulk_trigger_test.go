package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/assets"
)

// TestBulkSaveKeepsInsertTrigger: a bulk save large enough to set the
// insert trigger aside leaves it in the file with the same text, after a
// commit and after a refused save, so that inserts of other tools are
// logged again, and the schema check still accepts the file.
func TestBulkSaveKeepsInsertTrigger(t *testing.T) {
	ctx := context.Background()
	cat, err := ParseCatalog(assets.Catalog)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.sqlite")
	s, err := Create(ctx, path, cat)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close() }()
	trigger := func() string {
		t.Helper()
		var def string
		if err := s.db.QueryRowContext(ctx, `SELECT coalesce((SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'value_inserted'), '')`).Scan(&def); err != nil {
			t.Fatal(err)
		}
		return def
	}
	before := trigger()
	if before == "" {
		t.Fatal("new file without insert trigger")
	}
	var vs []Value
	day := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range bulkRows + 10 {
		vs = append(vs, Value{BaseFigure: "BEV", Period: Period(day.AddDate(0, 0, i).Format("2006-01-02")), Area: "stadt", Group: "insgesamt", Number: float64(i)})
	}
	if n, _, err := s.SaveValues(ctx, vs, SaveOptions{Origin: "Import: t.csv"}); err != nil || n != len(vs) {
		t.Fatalf("saved %d of %d values: %v", n, len(vs), err)
	}
	if got := trigger(); got != before {
		t.Errorf("insert trigger after a bulk save:\n%s\nwant\n%s", got, before)
	}
	// A refused save (a differing value without Correct) rolls back.
	vs[len(vs)-1].Number = -1
	for i := range vs[:len(vs)-1] {
		vs[i].Period = Period(day.AddDate(1, 0, i).Format("2006-01-02"))
	}
	if _, _, err := s.SaveValues(ctx, vs, SaveOptions{Origin: "Import: t2.csv"}); err == nil {
		t.Fatal("a differing value without Correct was saved")
	}
	if got := trigger(); got != before {
		t.Errorf("insert trigger after a refused bulk save:\n%s\nwant\n%s", got, before)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO value(base_figure_code, period, area_code, group_code, number) VALUES ('BEV', '2099-12-31', 'stadt', 'insgesamt', 7)`); err != nil {
		t.Fatal(err)
	}
	var logged, values int
	if err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM value_history WHERE action = 'neu'), (SELECT count(*) FROM value)`).Scan(&logged, &values); err != nil {
		t.Fatal(err)
	}
	if values != bulkRows+11 || logged != values {
		t.Errorf("%d values, %d 'neu' history rows; want %d of each", values, logged, bulkRows+11)
	}
	s.Close()
	if s, err = Open(ctx, path); err != nil {
		t.Fatalf("open after bulk saves: %v", err)
	}
	if s.ReadOnly() {
		t.Errorf("file read-only after bulk saves (schema check found foreign objects)")
	}
}
