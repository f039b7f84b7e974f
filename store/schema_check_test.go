package store_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

// tampered is a file with values that another SQLite tool then changed
// with stmts.
func tampered(stmts ...string) func(t *testing.T) string {
	return func(t *testing.T) string {
		t.Helper()
		s, path := mustCreateWithValues(t)
		mustSucceed(t, s.Close())
		editPlain(t, path, stmts...)
		return path
	}
}

// damagedMiddlePage scribbles over one page in the middle of a file and
// leaves the header and the rest intact.
func damagedMiddlePage(t *testing.T) string {
	t.Helper()
	s, path := mustCreateWithValues(t)
	mustSucceed(t, s.Close())
	b, err := os.ReadFile(path)
	mustSucceed(t, err)
	pageSize := int(b[16])<<8 | int(b[17])
	page := len(b) / pageSize / 2
	for i := page * pageSize; i < (page+1)*pageSize; i++ {
		b[i] = byte(i*13 + 5)
	}
	return writeFile(t, "mitte_kaputt.sqlite", b)
}

// lockedFile is a file an open store holds until the test ends.
func lockedFile(t *testing.T) string {
	t.Helper()
	s, path := mustCreate(t)
	t.Cleanup(func() { s.Close() })
	return path
}

// TestTamperedFileCorpus opens and checks damaged and tampered files: each
// is refused, or opened read-only, with a message of its own, and none is
// changed by Open or Check.
func TestTamperedFileCorpus(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name string
		make func(t *testing.T) string
		// want is the sentinel of Open's error, or of ReadOnlyReason
		// when readOnly.
		want     error
		readOnly bool
		msg      string // distinguishing part of the German message
		// checkOK: Check passes (a locked file is fine, only busy).
		checkOK bool
	}{
		{"DamagedMiddlePage", damagedMiddlePage, store.ErrDamaged, false, "Fehler in ihren Datenseiten", false},
		{"Truncated", truncated, store.ErrDamaged, false, "abgeschnitten", false},
		{"TableDropped", tampered(`DROP TABLE survey_answer`), store.ErrSchemaAltered, false, "Es fehlt: Tabelle „survey_answer“", false},
		{"ColumnAdded", tampered(`ALTER TABLE value ADD COLUMN bemerkung TEXT`), store.ErrSchemaAltered, false,
			"Verändert: Tabelle „value“ (Spalte „bemerkung“ hinzugefügt)", false},
		{"IndexDropped", tampered(`DROP INDEX value_history_value`), store.ErrSchemaAltered, false, "Es fehlt: Index „value_history_value“", false},
		{"TriggerAltered", tampered(`DROP TRIGGER value_deleted`,
			`CREATE TRIGGER value_deleted AFTER DELETE ON value WHEN 0 BEGIN SELECT 1; END`),
			store.ErrSchemaAltered, false, "Verändert: Trigger „value_deleted“", false},
		{"TriggerDropped", tampered(`DROP TRIGGER value_updated`), store.ErrSchemaAltered, false, "Es fehlt: Trigger „value_updated“", false},
		{"ViewAltered", tampered(`DROP VIEW "Kennzahlen"`, `CREATE VIEW "Kennzahlen" AS SELECT 1 AS x`),
			store.ErrSchemaAltered, false, "Verändert: Sicht „Kennzahlen“", false},
		{"ForeignTrigger", tampered(`CREATE TRIGGER wipe AFTER INSERT ON value BEGIN DELETE FROM value; END`),
			store.ErrForeignObjects, true, "Trigger „wipe“ (zu Tabelle value)", false},
		{"ForeignView", tampered(`CREATE VIEW meine_sicht AS SELECT * FROM value`), store.ErrForeignObjects, true, "Sicht „meine_sicht“", false},
		{"ForeignTable", tampered(`CREATE TABLE notizen (x TEXT)`), store.ErrForeignObjects, true, "Tabelle „notizen“", false},
		{"ForeignIndex", tampered(`CREATE INDEX value_note ON value(note)`), store.ErrForeignObjects, true, "Index „value_note“", false},
		{"Directory", func(t *testing.T) string { return t.TempDir() }, store.ErrNotSQLite, false, "ist ein Ordner", false},
		{"Locked", lockedFile, store.ErrLocked, false, "bereits in einem anderen Fenster", true},
		{"OtherApplication", foreignDB, store.ErrForeignFile, false, "Datenbank eines anderen Programms", false},
		{"Text", func(t *testing.T) string {
			return writeFile(t, "brief.sqlite", []byte("Sehr geehrte Damen und Herren"))
		},
			store.ErrNotSQLite, false, "keine SQLite-Datenbank", false},
		{"Empty", func(t *testing.T) string { return writeFile(t, "leer.sqlite", nil) }, store.ErrEmptyFile, false, "ist leer", false},
		{"NewerSchema", newerSchema, store.ErrNewerSchema, false, "neueren Version", false},
	}
	seen := map[string]string{}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := tc.make(t)
			st, err := os.Stat(path)
			mustSucceed(t, err)
			var before [32]byte
			if !st.IsDir() {
				before = hashFile(t, path)
			}
			unchanged := func(when string) {
				t.Helper()
				if st.IsDir() {
					entries, _ := os.ReadDir(path)
					if len(entries) != 0 {
						t.Errorf("%s created %v in the folder", when, entries)
					}
					return
				}
				if hashFile(t, path) != before {
					t.Errorf("%s changed the file", when)
				}
				if _, err := os.Stat(path + "-journal"); err == nil {
					t.Errorf("%s left a journal", when)
				}
			}

			s, err := store.Open(ctx, path)
			var msg string
			if tc.readOnly {
				if err != nil {
					t.Fatalf("Open = %v, want read-only", err)
				}
				if !s.ReadOnly() || !errors.Is(s.ReadOnlyReason(), tc.want) {
					t.Errorf("ReadOnly %v, reason %v; want read-only for %v", s.ReadOnly(), s.ReadOnlyReason(), tc.want)
				}
				msg = store.Message(s.ReadOnlyReason())
				if !strings.Contains(msg, "nur zum Lesen") || !strings.Contains(msg, "Bereinigte Kopie speichern") {
					t.Errorf("message %q should say read-only and offer the clean copy", msg)
				}
				mustSucceed(t, s.Close())
			} else {
				if err == nil {
					s.Close()
					t.Fatalf("Open succeeded, want %v", tc.want)
				}
				if !errors.Is(err, tc.want) {
					t.Errorf("Open = %v, want %v", err, tc.want)
				}
				msg = store.Message(err)
			}
			if !strings.Contains(msg, tc.msg) {
				t.Errorf("message %q lacks %q", msg, tc.msg)
			}
			if other, ok := seen[msg]; ok {
				t.Errorf("same message as %s: %q", other, msg)
			}
			seen[msg] = tc.name
			unchanged("Open")

			_, err = store.Check(ctx, path)
			switch {
			case tc.checkOK && err != nil:
				t.Errorf("Check = %v, want nil", err)
			case !tc.checkOK && !errors.Is(err, tc.want):
				t.Errorf("Check = %v, want %v", err, tc.want)
			case !tc.checkOK && !strings.Contains(store.Message(err), tc.msg):
				t.Errorf("Check message %q lacks %q", store.Message(err), tc.msg)
			}
			unchanged("Check")
		})
	}
}

// TestForeignDeleteTriggerNeverRuns: a trigger added with another tool
// that deletes every value on insert never runs. The file opens read-only,
// a save is refused, and the clean copy takes the save with every value
// intact; the original stays as it was.
func TestForeignDeleteTriggerNeverRuns(t *testing.T) {
	ctx := context.Background()
	path := tampered(
		`CREATE TRIGGER wipe AFTER INSERT ON value BEGIN DELETE FROM value; END`,
		`CREATE TRIGGER wipe_history AFTER UPDATE ON value BEGIN DELETE FROM value_history; END`,
		`CREATE VIEW "Alle Werte" AS SELECT * FROM value`,
		`CREATE TABLE fremd (id INTEGER PRIMARY KEY, value_id INTEGER REFERENCES value(id))`,
		`INSERT INTO fremd (value_id) SELECT id FROM value`,
	)(t)
	before := hashFile(t, path)
	want := len(copyValues())
	extra := store.Value{BaseFigure: "A-K1-G1", Period: "2018-H1", Area: "stadt", Group: "auslaender", Number: 7, Source: "Test"}

	s, err := store.Open(ctx, path)
	mustSucceed(t, err)
	if !s.ReadOnly() || !errors.Is(s.ReadOnlyReason(), store.ErrForeignObjects) {
		t.Fatalf("ReadOnly %v (%v), want read-only for foreign objects", s.ReadOnly(), s.ReadOnlyReason())
	}
	for _, name := range []string{"Trigger „wipe“", "Trigger „wipe_history“", "Sicht „Alle Werte“", "Tabelle „fremd“"} {
		if msg := store.Message(s.ReadOnlyReason()); !strings.Contains(msg, name) {
			t.Errorf("warning %q does not list %s", msg, name)
		}
	}
	if _, err := s.SaveValue(ctx, extra, store.SaveOptions{Origin: "Test"}); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("save into the file with a foreign trigger: %v, want ErrReadOnly", err)
	}
	if vs, err := s.Values(ctx, "A-K1-G1"); err != nil || len(vs) != want {
		t.Errorf("values after the refused save: %d, %v; want %d", len(vs), err, want)
	}

	clean := filepath.Join(t.TempDir(), "bereinigt.sqlite")
	mustSucceed(t, s.CleanCopy(ctx, clean))
	if err := s.CleanCopy(ctx, clean); !errors.Is(err, store.ErrTargetExists) {
		t.Errorf("second clean copy onto the first: %v, want ErrTargetExists", err)
	}
	mustSucceed(t, s.Close())
	if hashFile(t, path) != before {
		t.Errorf("the clean copy changed the original")
	}

	if _, err := store.Check(ctx, clean); err != nil {
		t.Fatalf("Check of the clean copy: %v", err)
	}
	c, err := store.Open(ctx, clean)
	mustSucceed(t, err)
	defer c.Close()
	if c.ReadOnly() {
		t.Fatalf("clean copy opened read-only: %v", c.ReadOnlyReason())
	}
	if _, err := c.SaveValue(ctx, extra, store.SaveOptions{Origin: "Test"}); err != nil {
		t.Fatalf("save into the clean copy: %v", err)
	}
	vs, err := c.Values(ctx, "A-K1-G1")
	mustSucceed(t, err)
	if len(vs) != want+1 {
		t.Errorf("clean copy holds %d values after the save, want %d", len(vs), want+1)
	}
	mustSucceed(t, c.Close())
	db, err := sql.Open("sqlite", "file:"+clean+"?mode=ro")
	mustSucceed(t, err)
	defer db.Close()
	var foreign, history int
	mustSucceed(t, db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name IN ('wipe','wipe_history','Alle Werte','fremd')`).Scan(&foreign))
	mustSucceed(t, db.QueryRow(`SELECT count(*) FROM value_history`).Scan(&history))
	if foreign != 0 {
		t.Errorf("%d foreign objects left in the clean copy", foreign)
	}
	if history != want+1 {
		t.Errorf("%d history rows in the clean copy, want %d", history, want+1)
	}
}
