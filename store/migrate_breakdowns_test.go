package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/assets"
)

// catalogTables are the tables the catalogue is written into.
var catalogTables = []string{"field", "assumption", "goal", "area", "population_group", "actor", "data_source",
	"key_figure", "key_figure_series", "impact_indicator", "impact_indicator_item", "field_note",
	"base_figure", "base_figure_group", "base_figure_area", "school"}

// dumpTable writes every row of a table as text, sorted, so that two files
// can be compared row for row.
func dumpTable(t *testing.T, db *sql.DB, table string) []string {
	t.Helper()
	rows, err := db.Query(`SELECT * FROM "` + table + `"`)
	if err != nil {
		t.Fatalf("dump %s: %v", table, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for i, v := range vals {
			fmt.Fprintf(&b, "%s=%v|", cols[i], v)
		}
		out = append(out, b.String())
	}
	slices.Sort(out)
	return out
}

// schema3File writes a file as the program wrote it at schema 3, with the
// catalogue of that time, some values and a changed value with history.
func schema3File(t *testing.T, path string) {
	t.Helper()
	ctx := context.Background()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	scripts, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if err := applyMigration(ctx, db, i+1, scripts[i]); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(filepath.Join("testdata", "catalog_schema3.json"))
	if err != nil {
		t.Fatal(err)
	}
	old, err := ParseCatalog(data)
	if err != nil {
		t.Fatal(err)
	}
	if err := (&Store{db: db}).insertCatalog(ctx, old); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO value(base_figure_code, period, area_code, group_code, number, source) VALUES ('BEV', '2024-12-31', 'stadt', 'insgesamt', 112000, 'IT.NRW')`,
		`INSERT INTO value(base_figure_code, period, area_code, group_code, number) VALUES ('A-K1-G1', '2024-H1', 'stadt', 'auslaender', 1134)`,
		`INSERT INTO value(base_figure_code, period, area_code, group_code, symbol) VALUES ('C-K4-G1', '2020', 'briefwahl', 'insgesamt', '.')`,
		`UPDATE value SET number = 1135 WHERE base_figure_code = 'A-K1-G1'`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestMigratedCatalogMatchesNewFile: a schema-3 file migrated to the
// current schema has the same catalogue rows as a new file, keeps every
// value and its history, and passes the schema check.
func TestMigratedCatalogMatchesNewFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	oldPath := filepath.Join(dir, "v3.sqlite")
	schema3File(t, oldPath)

	before, err := sql.Open("sqlite", "file:"+oldPath)
	if err != nil {
		t.Fatal(err)
	}
	values, history := dumpTable(t, before, "value"), dumpTable(t, before, "value_history")
	before.Close()
	if len(values) != 3 || len(history) != 4 {
		t.Fatalf("fixture: %d values, %d history rows", len(values), len(history))
	}

	migrated, err := Open(ctx, oldPath)
	if err != nil {
		t.Fatalf("open schema 3: %v", err)
	}
	defer migrated.Close()
	if migrated.ReadOnly() {
		t.Fatalf("migrated file read-only: %v", migrated.ReadOnlyReason())
	}
	cat, err := ParseCatalog(assets.Catalog)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := Create(ctx, filepath.Join(dir, "new.sqlite"), cat)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	for _, table := range catalogTables {
		got, want := dumpTable(t, migrated.db, table), dumpTable(t, fresh.db, table)
		if !slices.Equal(got, want) {
			for _, r := range want {
				if !slices.Contains(got, r) {
					t.Errorf("%s: migrated file lacks %s", table, r)
				}
			}
			for _, r := range got {
				if !slices.Contains(want, r) {
					t.Errorf("%s: migrated file has extra %s", table, r)
				}
			}
		}
	}
	if got := dumpTable(t, migrated.db, "value"); !slices.Equal(got, values) {
		t.Errorf("values changed by the migration:\n%v\nwant\n%v", got, values)
	}
	if got := dumpTable(t, migrated.db, "value_history"); !slices.Equal(got, history) {
		t.Errorf("history changed by the migration:\n%v\nwant\n%v", got, history)
	}
	// The migrated file passes the schema check of its new version.
	migrated.Close()
	res, err := Check(ctx, oldPath)
	if err != nil || res.SchemaVersion != SchemaVersion() || res.Values != 3 {
		t.Fatalf("Check after migration = %+v, %v", res, err)
	}
	if migrated, err = Open(ctx, oldPath); err != nil || migrated.ReadOnly() {
		t.Fatalf("reopen migrated file: %v", err)
	}
	defer migrated.Close()
	var bev1565 int
	migrated.db.QueryRow(`SELECT count(*) FROM base_figure_group WHERE base_figure_code = 'BEV1565'`).Scan(&bev1565)
	if bev1565 == 0 {
		t.Error("BEV1565 has no groups after the migration")
	}
}
