package store_test

import (
	"context"
	"database/sql"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

// BenchmarkImportFloor is SQLite alone storing the 100,000 values of
// BenchmarkImport100k: no reading, mapping, planning or checking, the
// parameters built before the timer starts, the rows in key order. It
// uses the file's schema and the settings of the program's bulk save
// (rollback journal, synchronous FULL, cell_size_check, defensive mode,
// foreign keys off, a 64 MB page cache, the insert trigger set aside) and
// the same statements: INSERTs of 256 rows that bind the shared columns
// once, then one INSERT … SELECT for the history. "values" leaves the history out. What the import
// needs beyond this floor is the program's own work.
func BenchmarkImportFloor(b *testing.B) {
	for _, c := range []struct {
		name    string
		history bool
	}{{"values", false}, {"values+history", true}} {
		b.Run(c.name, func(b *testing.B) { benchFloor(b, c.history) })
	}
}

func benchFloor(b *testing.B, history bool) {
	const n, rows, perRow = 100_000, 256, 10
	cat := mustCatalog(b)
	ctx := context.Background()
	shared := []any{"BEV", "LDB 12411-15i", "2026-01-19", "2026-11-30T12:00:00Z", "bench", "Import: bench.csv"}
	// Within a day the areas in key order, as the bulk save sorts them.
	areas := []string{"kreis", "nrw", "stadt"}
	day := time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC)
	var batches [][]any
	for i := 0; i < n; i += rows {
		args := append(make([]any, 0, len(shared)+rows*perRow), shared...)
		for j := i; j < min(i+rows, n); j++ {
			args = append(args, day.AddDate(0, 0, j/3).Format("2006-01-02"), areas[j%3], "insgesamt", float64(100000+j), nil, false, false, false, "", false)
		}
		batches = append(batches, args)
	}
	insert := func(k int) string {
		row := "(?1,?2,?3,?4,?5,?6," + strings.TrimSuffix(strings.Repeat("?,", perRow), ",") + ",1)"
		return `INSERT INTO value(base_figure_code,source,as_of,entered_at,entered_by,origin,` +
			`period,area_code,group_code,number,symbol,provisional,estimated,confidential,note,demo,revision) VALUES ` +
			strings.TrimSuffix(strings.Repeat(row+",", k), ",")
	}
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "floor.sqlite")
		s, err := store.Create(ctx, path, cat)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
		q := url.Values{"_defensive": {"1"}, "_txlock": {"immediate"}, "_pragma": {"foreign_keys(0)", "trusted_schema(0)", "cell_size_check(1)",
			"journal_mode(DELETE)", "synchronous(FULL)", "cache_size(-65536)", "ignore_check_constraints(1)"}}
		db, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path, RawQuery: q.Encode()}).String())
		if err != nil {
			b.Fatal(err)
		}
		db.SetMaxOpenConns(1)
		if err := db.PingContext(ctx); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		c0 := cpuTime()
		b.StartTimer()
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		// As the bulk save does (withoutInsertTrigger).
		var trigger string
		if err := tx.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE name = 'value_inserted'`).Scan(&trigger); err != nil {
			b.Fatal(err)
		}
		if _, err := tx.ExecContext(ctx, `DROP TRIGGER value_inserted`); err != nil {
			b.Fatal(err)
		}
		st, err := tx.PrepareContext(ctx, insert(rows))
		if err != nil {
			b.Fatal(err)
		}
		for _, args := range batches {
			if k := (len(args) - len(shared)) / perRow; k == rows {
				_, err = st.ExecContext(ctx, args...)
			} else {
				_, err = tx.ExecContext(ctx, insert(k), args...)
			}
			if err != nil {
				b.Fatal(err)
			}
		}
		if history {
			if _, err := tx.ExecContext(ctx, `INSERT INTO value_history (value_id, base_figure_code, period, area_code, group_code, action,
				new_number, new_symbol, new_source, new_as_of, new_note, new_flags, changed_at, changed_by, origin)
				SELECT id, base_figure_code, period, area_code, group_code, 'neu',
					number, symbol, source, as_of, note, provisional || estimated || confidential, entered_at, entered_by, origin
				FROM value WHERE revision = 1 ORDER BY id`); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := tx.ExecContext(ctx, trigger); err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		cpu += cpuTime() - c0
		var got int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM value`).Scan(&got); err != nil || got != n {
			b.Fatalf("%d values stored (%v), want %d", got, err, n)
		}
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
}
