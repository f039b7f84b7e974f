package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
)

// TestMigrationToTextHistoryKeepsTexts opens a file written before the
// text history (every migration but the text history's applied): it is
// migrated, keeps its texts, and the first overwrite logs the old text.
func TestMigrationToTextHistoryKeepsTexts(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "vorher.sqlite")
	scripts, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	applied := 0
	for i, sc := range scripts {
		if strings.Contains(sc, "CREATE TABLE text_history") {
			break
		}
		if err := applyMigration(ctx, db, i+1, sc); err != nil {
			t.Fatal(err)
		}
		applied = i + 1
	}
	if applied == len(scripts) {
		t.Fatal("no migration creates text_history")
	}
	_, err = db.Exec(`INSERT INTO field(code,title,sort) VALUES ('B','Feld B',1);
		INSERT INTO impact_indicator(code,field_code,num,title,text,kind) VALUES ('B-W3','B',3,'W','T','bericht');
		INSERT INTO report_text VALUES (2024,'einordnung','A-K1','Alte Einordnung','2025-01-01T00:00:00Z');
		INSERT INTO report_text VALUES (2024,'kernaussagen','','Alte Kernaussagen','2025-01-01T00:00:00Z');
		INSERT INTO catalog_note VALUES ('A-K1','anmerkungen','Alte Anmerkung','2025-01-01T00:00:00Z');
		INSERT INTO indicator_text VALUES ('B-W3',2024,'Alter Bericht','2025-01-01T00:00:00Z');`)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("open file of version %d: %v", applied, err)
	}
	defer s.Close()
	if s.ReadOnlyReason() != nil {
		t.Fatalf("read-only after migration: %v", s.ReadOnlyReason())
	}
	var version, logged int
	s.db.QueryRow(`PRAGMA user_version`).Scan(&version)
	s.db.QueryRow(`SELECT count(*) FROM text_history`).Scan(&logged)
	if version != SchemaVersion() || logged != 0 {
		t.Errorf("after migration: version %d, %d history rows; want %d and 0", version, logged, SchemaVersion())
	}
	rt, err := s.ReportTexts(ctx, 2024)
	if err != nil {
		t.Fatal(err)
	}
	if rt.Own.Commentary["A-K1"] != "Alte Einordnung" || rt.Own.KeyMessages != "Alte Kernaussagen" || rt.Notes["A-K1/anmerkungen"] != "Alte Anmerkung" {
		t.Errorf("texts after migration: %+v, notes %v", rt.Own, rt.Notes)
	}
	if it, err := s.IndicatorText(ctx, "B-W3", 2024); err != nil || it.Text != "Alter Bericht" {
		t.Errorf("indicator text after migration: %+v, %v", it, err)
	}

	if err := s.SaveYearText(ctx, YearText{ReportYear: 2024, Kind: TextCommentary, Code: "A-K1", Text: "Neue Einordnung"}); err != nil {
		t.Fatal(err)
	}
	var old, by string
	err = s.db.QueryRow(`SELECT old_text, origin FROM text_history WHERE kind = 'einordnung' AND action = 'geaendert'`).Scan(&old, &by)
	if err != nil || old != "Alte Einordnung" || by != TextOriginInput {
		t.Errorf("history of the first overwrite: %q by %q, %v", old, by, err)
	}
}
