package store_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/demo"
	"bergischgladbach.de/integrationsmonitor/store/testtool"
)

var copyDay = time.Date(2025, 3, 1, 15, 4, 5, 0, time.UTC)

// copyValues are a few values of the A-K1 Grundzahlen, one of them a symbol.
func copyValues() []store.Value {
	v := func(period, area, group string, n float64) store.Value {
		return store.Value{BaseFigure: "A-K1-G1", Period: store.Period(period), Area: area, Group: group, Number: n, Source: "IT.NRW"}
	}
	vs := []store.Value{
		v("2016-H1", "stadt", "auslaender", 1100),
		v("2016-H2", "stadt", "auslaender", 1134),
		v("2016-H2", "stadt", "deutsche", 50000),
		v("2016-H2", "stadt", "insgesamt", 51134.5),
		v("2016-H1", "kreis", "auslaender", 9000),
	}
	vs = append(vs, store.Value{BaseFigure: "A-K1-G1", Period: "2017-H1", Area: "stadt", Group: "auslaender", Symbol: store.SymLater})
	return vs
}

// mustCreateWithValues is mustCreate with copyValues stored.
func mustCreateWithValues(tb testing.TB) (*store.Store, string) {
	tb.Helper()
	s, path := mustCreate(tb)
	if _, _, err := s.SaveValues(context.Background(), copyValues(), store.SaveOptions{Origin: "Eingabe"}); err != nil {
		tb.Fatalf("save values: %v", err)
	}
	return s, path
}

// plainRows reads the value table with a plain read-only connection, as
// another tool would.
func plainRows(t *testing.T, path string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ok string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check of %s: %q %v", path, ok, err)
	}
	rows, err := db.Query(`SELECT base_figure_code || ' ' || period || ' ' || area_code || ' ' || group_code || ' ' ||
		COALESCE(CAST(number AS TEXT), symbol) FROM value ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// dirNames lists a folder, so that sidecars and leftovers show.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestCopyForMail(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreateWithValues(t)
	defer s.Close()
	dir := t.TempDir()
	first, err := s.CopyForMail(ctx, dir, copyDay)
	if err != nil {
		t.Fatalf("copy: %v", err)
	}
	second, err := s.CopyForMail(ctx, dir, copyDay)
	if err != nil {
		t.Fatalf("second copy: %v", err)
	}
	want := []string{"Integrationsmonitoring_2025-03-01.sqlite", "Integrationsmonitoring_2025-03-01_2.sqlite"}
	if got := []string{filepath.Base(first), filepath.Base(second)}; !slices.Equal(got, want) {
		t.Errorf("names = %v, want %v", got, want)
	}
	// No -journal, -wal or temporary file may stay beside the copies.
	if got := dirNames(t, dir); !slices.Equal(got, want) {
		t.Errorf("folder holds %v, want only %v", got, want)
	}
	orig := plainRows(t, path)
	if got := plainRows(t, first); !reflect.DeepEqual(got, orig) || len(got) != len(copyValues()) {
		t.Errorf("values of the copy:\n got %v\nwant %v", got, orig)
	}
	if r, err := store.Check(ctx, first); err != nil || r.Values != len(copyValues()) {
		t.Errorf("Check(copy) = %+v, %v", r, err)
	}
	if got := dirNames(t, dir); !slices.Equal(got, want) {
		t.Errorf("reading the copy left %v", got)
	}
}

// TestCopyOpensInSqlite3Shell opens the copy as the Statistikdienststelle
// would: the sqlite3 shell, read-only, through the German views.
func TestCopyOpensInSqlite3Shell(t *testing.T) {
	shell := testtool.Need(t, "sqlite3")[0]
	s, _ := mustCreateWithValues(t)
	defer s.Close()
	p, err := s.CopyForMail(context.Background(), t.TempDir(), copyDay)
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(shell, "-readonly", p,
		`PRAGMA integrity_check; PRAGMA journal_mode; SELECT count(*) FROM "Werte"; SELECT "Zeichen" FROM "Werte" WHERE "Erhebungszeit" = '2017-H1';`).CombinedOutput()
	if err != nil {
		t.Fatalf("sqlite3: %v\n%s", err, out)
	}
	if got, want := strings.Fields(string(out)), []string{"ok", "delete", "6", "..."}; !slices.Equal(got, want) {
		t.Errorf("sqlite3 printed %q, want %q", got, want)
	}
}

func TestCopyForMailOfReadOnlyFile(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreateWithValues(t)
	s.Close()
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	ro, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if !ro.ReadOnly() {
		t.Fatal("file not opened read-only")
	}
	p, err := ro.CopyForMail(ctx, t.TempDir(), copyDay)
	if err != nil {
		t.Fatalf("copy of a read-only file: %v", err)
	}
	if got := plainRows(t, p); len(got) != len(copyValues()) {
		t.Errorf("copy holds %d values, want %d", len(got), len(copyValues()))
	}
}

func TestCopyForMailCancelledLeavesNothing(t *testing.T) {
	s, _ := mustCreateWithValues(t)
	defer s.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := t.TempDir()
	if _, err := s.CopyForMail(ctx, dir, copyDay); err == nil {
		t.Fatal("cancelled copy reported success")
	}
	if got := dirNames(t, dir); len(got) != 0 {
		t.Errorf("a failed copy left %v", got)
	}
}

func TestCopyFile(t *testing.T) {
	ctx := context.Background()
	s, src := mustCreateWithValues(t)
	// Left open: the window may hold the file while "kopie" runs.
	defer s.Close()
	existing := writeFile(t, "vorhanden.sqlite", []byte("nicht überschreiben"))
	tests := []struct {
		name    string
		src     string
		dst     func(dir string) string
		want    func(dir string) string // "" when refused
		wantErr error
	}{
		{"new file name", src, func(d string) string { return filepath.Join(d, "an-statistik.sqlite") },
			func(d string) string { return filepath.Join(d, "an-statistik.sqlite") }, nil},
		{"folder gets the dated name", src, func(d string) string { return d },
			func(d string) string { return filepath.Join(d, store.MailName(time.Now(), 1)) }, nil},
		{"existing file refused", src, func(string) string { return existing }, nil, store.ErrTargetExists},
		{"missing folder refused", src, func(d string) string { return filepath.Join(d, "fehlt", "k.sqlite") }, nil, store.ErrNotExist},
		{"foreign source refused", foreignDB(t), func(d string) string { return filepath.Join(d, "k.sqlite") }, nil, store.ErrForeignFile},
		{"damaged source refused", corruptedPage(t), func(d string) string { return filepath.Join(d, "k.sqlite") }, nil, store.ErrDamaged},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			before := hashFile(t, existing)
			got, err := store.CopyFile(ctx, tt.src, tt.dst(dir))
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				if names := dirNames(t, dir); len(names) != 0 {
					t.Errorf("refused copy left %v", names)
				}
				if hashFile(t, existing) != before {
					t.Errorf("existing file was changed")
				}
				return
			}
			if err != nil {
				t.Fatalf("copy: %v", err)
			}
			if want := tt.want(dir); got != want {
				t.Errorf("copied to %s, want %s", got, want)
			}
			if rows := plainRows(t, got); len(rows) != len(copyValues()) {
				t.Errorf("copy holds %d values, want %d", len(rows), len(copyValues()))
			}
			if names := dirNames(t, dir); len(names) != 1 {
				t.Errorf("folder holds %v, want the copy alone", names)
			}
		})
	}
}

func TestMailName(t *testing.T) {
	for n, want := range map[int]string{
		1:  "Integrationsmonitoring_2025-03-01.sqlite",
		2:  "Integrationsmonitoring_2025-03-01_2.sqlite",
		12: "Integrationsmonitoring_2025-03-01_12.sqlite",
	} {
		if got := store.MailName(copyDay, n); got != want {
			t.Errorf("MailName(%d) = %s, want %s", n, got, want)
		}
	}
}

// BenchmarkCopyForMail copies a file with the full demo data 2011–2025.
func BenchmarkCopyForMail(b *testing.B) {
	ctx := context.Background()
	s, _ := mustCreate(b)
	defer s.Close()
	n, err := demo.Add(ctx, s, 2011, 2025)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for b.Loop() {
		p, err := s.CopyForMail(ctx, dir, copyDay)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.Remove(p); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "values")
}
