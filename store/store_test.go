package store_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/store"
)

func mustCatalog(tb testing.TB) *store.Catalog {
	tb.Helper()
	c, err := store.ParseCatalog(assets.Catalog)
	if err != nil {
		tb.Fatalf("parse catalog: %v", err)
	}
	return c
}

// mustCreate creates a new file with the full catalogue in a temp dir.
func mustCreate(tb testing.TB) (*store.Store, string) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "monitoring.sqlite")
	s, err := store.Create(context.Background(), path, mustCatalog(tb))
	if err != nil {
		tb.Fatalf("create: %v", err)
	}
	s.Now = mustCreateNow
	s.User = "test"
	return s, path
}

// mustCreateNow is the clock of mustCreate's store.
func mustCreateNow() time.Time { return time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC) }

func hashFile(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestCreateAndReopenKeepsCatalog(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreate(t)
	want := mustCatalog(t)
	got, err := s.Catalog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(normalize(got), normalize(want)) {
		t.Errorf("catalogue read back differs from the seed")
		diffCatalog(t, normalize(got), normalize(want))
	}
	s.Close()
	s2, err := store.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s2.Close()
	got2, err := s2.Catalog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(normalize(got2), normalize(want)) {
		t.Errorf("catalogue after reopening differs from the seed")
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Errorf("a WAL sidecar exists; the file must be complete on its own")
	}
}

// normalize fills defaults the store applies so the seed compares equal.
func normalize(c *store.Catalog) *store.Catalog {
	fix := func(bs []store.BaseFigure) {
		for i := range bs {
			if bs[i].Unit == "" {
				bs[i].Unit = "Anzahl"
			}
			if bs[i].Frequency == "" {
				bs[i].Frequency = store.Yearly
			}
			if len(bs[i].Groups) == 0 {
				bs[i].Groups = nil
			}
			if len(bs[i].Areas) == 0 {
				bs[i].Areas = nil
			}
		}
		if len(bs) == 0 {
			return
		}
	}
	fix(c.BaseFigures)
	for fi := range c.Fields {
		f := &c.Fields[fi]
		if len(f.IndicatorNotes) == 0 {
			f.IndicatorNotes = nil
		}
		for k := range f.KeyFigures {
			fix(f.KeyFigures[k].BaseFigures)
			if len(f.KeyFigures[k].BaseFigures) == 0 {
				f.KeyFigures[k].BaseFigures = nil
			}
		}
		for w := range f.Indicators {
			fix(f.Indicators[w].BaseFigures)
			if len(f.Indicators[w].BaseFigures) == 0 {
				f.Indicators[w].BaseFigures = nil
			}
			if len(f.Indicators[w].Items) == 0 {
				f.Indicators[w].Items = nil
			}
		}
	}
	return c
}

func diffCatalog(t *testing.T, got, want *store.Catalog) {
	t.Helper()
	for i := range want.Fields {
		if i >= len(got.Fields) {
			t.Errorf("field %d missing", i)
			return
		}
		g, w := got.Fields[i], want.Fields[i]
		for k := range w.KeyFigures {
			if k < len(g.KeyFigures) && !reflect.DeepEqual(g.KeyFigures[k], w.KeyFigures[k]) {
				t.Errorf("key figure %s:\n got %+v\nwant %+v", w.KeyFigures[k].Code, g.KeyFigures[k], w.KeyFigures[k])
			}
		}
		for k := range w.Indicators {
			if k < len(g.Indicators) && !reflect.DeepEqual(g.Indicators[k], w.Indicators[k]) {
				t.Errorf("indicator %s:\n got %+v\nwant %+v", w.Indicators[k].Code, g.Indicators[k], w.Indicators[k])
			}
		}
		if !reflect.DeepEqual(g.Goals, w.Goals) || !reflect.DeepEqual(g.Assumptions, w.Assumptions) {
			t.Errorf("field %s goals or assumptions differ", w.Code)
		}
	}
}

func TestSchemaAndPragmas(t *testing.T) {
	s, path := mustCreate(t)
	s.Close()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var appID, version int
	var journal string
	db.QueryRow("PRAGMA application_id").Scan(&appID)
	db.QueryRow("PRAGMA user_version").Scan(&version)
	db.QueryRow("PRAGMA journal_mode").Scan(&journal)
	if appID != store.ApplicationID {
		t.Errorf("application_id = %#x, want %#x", appID, store.ApplicationID)
	}
	if version != store.SchemaVersion() || version < 1 {
		t.Errorf("user_version = %d, want %d", version, store.SchemaVersion())
	}
	if journal != "delete" {
		t.Errorf("journal_mode = %q, want delete", journal)
	}
	// The German views are for the Statistikdienststelle's own tools.
	for _, v := range []string{"Werte", "Kennzahlen", "Wertehistorie", "Berichtsfassungen"} {
		if _, err := db.Exec(`SELECT * FROM "` + v + `" LIMIT 1`); err != nil {
			t.Errorf("view %s: %v", v, err)
		}
	}
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func foreignDB(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "fremd.sqlite")
	db, err := sql.Open("sqlite", "file:"+p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE kunden(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO kunden(name) VALUES ('Müller')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	return p
}

func newerSchema(t *testing.T) string {
	t.Helper()
	s, p := mustCreate(t)
	s.Close()
	db, err := sql.Open("sqlite", "file:"+p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	return p
}

func truncated(t *testing.T) string {
	t.Helper()
	s, p := mustCreate(t)
	s.Close()
	b, _ := os.ReadFile(p)
	return writeFile(t, "abgeschnitten.sqlite", b[:len(b)/2])
}

func corruptedPage(t *testing.T) string {
	t.Helper()
	s, p := mustCreate(t)
	s.Close()
	b, _ := os.ReadFile(p)
	// Scribble over the middle pages but keep the header intact.
	for i := 4096 * 3; i < len(b)-4096 && i < 4096*6; i++ {
		b[i] = byte(i * 7)
	}
	return writeFile(t, "kaputt.sqlite", b)
}

func TestOpenRefusesBadFilesUnchanged(t *testing.T) {
	random := make([]byte, 8192)
	for i := range random {
		random[i] = byte(i*31 + 7)
	}
	cases := []struct {
		name string
		make func(t *testing.T) string
		want error
	}{
		{"Missing", func(t *testing.T) string { return filepath.Join(t.TempDir(), "gibtsnicht.sqlite") }, store.ErrNotExist},
		{"Empty", func(t *testing.T) string { return writeFile(t, "leer.sqlite", nil) }, store.ErrEmptyFile},
		{"RandomBytes", func(t *testing.T) string { return writeFile(t, "zufall.sqlite", random) }, store.ErrNotSQLite},
		{"Text", func(t *testing.T) string { return writeFile(t, "brief.txt", []byte("Sehr geehrte Damen und Herren")) }, store.ErrNotSQLite},
		{"Truncated", truncated, store.ErrDamaged},
		{"CorruptedPages", corruptedPage, store.ErrDamaged},
		{"ForeignDatabase", foreignDB, store.ErrForeignFile},
		{"NewerSchema", newerSchema, store.ErrNewerSchema},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := tc.make(t)
			var before [32]byte
			_, statErr := os.Stat(path)
			if statErr == nil {
				before = hashFile(t, path)
			}
			s, err := store.Open(context.Background(), path)
			if err == nil {
				s.Close()
				t.Fatalf("Open succeeded, want %v", tc.want)
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("Open error = %v, want %v", err, tc.want)
			}
			msg := store.Message(err)
			if msg == "" || msg == store.Message(errors.New("x")) {
				t.Errorf("no specific German message for %v: %q", err, msg)
			}
			if statErr != nil {
				if _, err := os.Stat(path); err == nil {
					t.Errorf("opening a missing file created it")
				}
				return
			}
			if hashFile(t, path) != before {
				t.Errorf("refused file was modified")
			}
			entries, _ := os.ReadDir(filepath.Dir(path))
			if len(entries) != 1 {
				t.Errorf("files beside the refused one: %v", entries)
			}
		})
	}
}

func TestOpenReadOnlyFile(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreate(t)
	s.Close()
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	before := hashFile(t, path)
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatalf("open read-only: %v", err)
	}
	if !s.ReadOnly() {
		t.Errorf("ReadOnly() = false for a write-protected file")
	}
	if _, err := s.Catalog(ctx); err != nil {
		t.Errorf("reading a read-only file: %v", err)
	}
	err = s.SetReportYear(ctx, 2024)
	if !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("write to read-only file: err = %v, want ErrReadOnly", err)
	}
	if store.Message(err) == "" {
		t.Errorf("no German message")
	}
	s.Close()
	if hashFile(t, path) != before {
		t.Errorf("read-only file was modified")
	}
}

func TestOpenTwiceIsRefused(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreate(t)
	defer s.Close()
	before := hashFile(t, path)
	s2, err := store.Open(ctx, path)
	if err == nil {
		s2.Close()
		t.Fatal("second Open of the same file succeeded")
	}
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("err = %v, want ErrLocked", err)
	}
	if hashFile(t, path) != before {
		t.Errorf("second open modified the file")
	}
	s.Close()
	s3, err := store.Open(ctx, path)
	if err != nil {
		t.Fatalf("open after close: %v", err)
	}
	s3.Close()
}

func TestCreateReplacesExistingFileWhole(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "alt.sqlite")
	if err := os.WriteFile(path, []byte("alter Inhalt"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := mustCatalog(t)
	bad.Fields[0].Goals = append(bad.Fields[0].Goals, bad.Fields[0].Goals[0]) // duplicate code
	if _, err := store.Create(ctx, path, bad); err == nil {
		t.Fatal("Create with an invalid catalogue succeeded")
	}
	if b, _ := os.ReadFile(path); string(b) != "alter Inhalt" {
		t.Fatalf("failed Create changed the existing file")
	}
	s, err := store.Create(ctx, path, mustCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("leftover files after Create: %v", entries)
	}
}
