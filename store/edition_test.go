package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/demo"
)

// editionInputs reads what a report of year prints from s, with a few texts
// and optional numbers so that every kind of input is in the round trip.
func editionInputs(t testing.TB, s *store.Store, year int) store.EditionInputs {
	t.Helper()
	ctx := context.Background()
	mustSucceed(t, s.SaveIndicatorText(ctx, store.IndicatorText{Indicator: "A-W1", ReportYear: year, Text: "Bericht „Integration“ – 2024"}))
	mustSucceed(t, s.SaveInstruments(ctx, "B-W4", year, []store.Instrument{{Name: "Runder Tisch", Count: ptrInt(3)}, {Name: "Patenschaften"}}))
	mustSucceed(t, s.SaveSurvey(ctx, store.SurveyResult{ReportYear: year, Counts: [3][5]int{{1, 2, 3, 4, 5}}, Missing: [3]int{1}}))
	mustSucceed(t, s.SaveMigrationEstimate(ctx, store.MigrationEstimate{ReportYear: year, Share: ptrFloat(33.3), Persons: ptrFloat(0.1 + 0.2)}))
	snap, err := s.Snapshot(ctx, year)
	mustSucceed(t, err)
	texts, err := s.ReportTexts(ctx, year)
	mustSucceed(t, err)
	set, err := s.Settings(ctx)
	mustSucceed(t, err)
	return store.EditionInputs{Snapshot: *snap, Texts: *texts, Settings: set,
		Created: time.Date(2025, 3, 1, 9, 30, 0, 123, time.UTC), Title: "Monitoring-Bericht 2024", Author: "Stabsstelle"}
}

// mustDemo is mustCreate with the demo values 2016–2024.
func mustDemo(t testing.TB) (*store.Store, string) {
	t.Helper()
	s, path := mustCreate(t)
	if _, err := demo.Add(context.Background(), s, 2016, 2024); err != nil {
		t.Fatal(err)
	}
	return s, path
}

func TestFreezeRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, path := mustDemo(t)
	in := editionInputs(t, s, 2024)
	// A value with a symbol and one with a float that needs all 17 digits.
	in.Snapshot.Values = append(in.Snapshot.Values,
		store.Value{BaseFigure: "X", Period: "2024-H1", Symbol: store.SymLater, EnteredAt: time.Date(2024, 1, 2, 3, 4, 5, 6, time.UTC)},
		store.Value{BaseFigure: "Y", Period: "2024/25", Number: 0.1 + 0.2})

	e, err := s.Freeze(ctx, in, "frau.muster", strings.Repeat("ab", 32), 42)
	mustSucceed(t, err)
	if e.Version != 1 || e.ReportYear != 2024 || e.FrozenBy != "frau.muster" || !e.FrozenAt.Equal(mustCreateNow()) {
		t.Errorf("Freeze = %d/%d by %q at %v", e.ReportYear, e.Version, e.FrozenBy, e.FrozenAt)
	}
	s = reopenFile(t, s, path)
	got, err := s.Edition(ctx, 2024, 1)
	mustSucceed(t, err)
	if !reflect.DeepEqual(*got.Inputs, in) {
		t.Errorf("inputs read back differ from the inputs frozen")
	}
	if !reflect.DeepEqual(*e.Inputs, in) {
		t.Errorf("inputs returned by Freeze differ from the inputs frozen")
	}
	if got.Hash != e.Hash || got.PDFHash != e.PDFHash || got.Pages != 42 || got.ID != e.ID {
		t.Errorf("Edition = %+v, want the frozen %+v", got, e)
	}
	_, h1, err := store.EditionHash(in)
	mustSucceed(t, err)
	_, h2, err := store.EditionHash(*got.Inputs)
	mustSucceed(t, err)
	if h1 != e.Hash || h2 != e.Hash {
		t.Errorf("hash not stable: frozen %s, again %s, of the read-back %s", e.Hash, h1, h2)
	}
	// Local times are stored as the same instant in UTC.
	local := in
	local.Created = in.Created.In(time.FixedZone("MEZ", 3600))
	if _, h3, _ := store.EditionHash(local); h3 != e.Hash {
		t.Errorf("a time in another zone changed the hash")
	}
}

func TestFreezeNumbersFassungen(t *testing.T) {
	ctx := context.Background()
	s, _ := mustCreateWithValues(t)
	in := editionInputs(t, s, 2024)
	first, err := s.Freeze(ctx, in, "", "", 10)
	mustSucceed(t, err)
	if first.FrozenBy != "test" {
		t.Errorf("FrozenBy = %q, want the store's user", first.FrozenBy)
	}
	in.Title = "Zweite Fassung"
	second, err := s.Freeze(ctx, in, "", "", 11)
	mustSucceed(t, err)
	in.Snapshot.ReportYear = 2023
	other, err := s.Freeze(ctx, in, "", "", 9)
	mustSucceed(t, err)
	if first.Version != 1 || second.Version != 2 || other.Version != 1 {
		t.Errorf("versions %d, %d, %d; want 1, 2 and 1 for the other year", first.Version, second.Version, other.Version)
	}
	list, err := s.Editions(ctx)
	mustSucceed(t, err)
	var labels []string
	for _, e := range list {
		labels = append(labels, e.Label())
		if e.Inputs != nil {
			t.Errorf("%s listed with inputs", e.Label())
		}
	}
	want := []string{"Berichtsfassung 2023, 1. Fassung", "Berichtsfassung 2024, 1. Fassung", "Berichtsfassung 2024, 2. Fassung"}
	if !reflect.DeepEqual(labels, want) {
		t.Errorf("Editions = %v, want %v", labels, want)
	}
	latest, ok, err := s.LatestEdition(ctx, 2024)
	mustSucceed(t, err)
	if !ok || latest.Version != 2 || latest.Inputs == nil || latest.Inputs.Title != "Zweite Fassung" {
		t.Errorf("LatestEdition(2024) = %d %v, want the 2. Fassung with inputs", latest.Version, ok)
	}
	if _, ok, err := s.LatestEdition(ctx, 2022); ok || err != nil {
		t.Errorf("LatestEdition(2022) = %v, %v; want none", ok, err)
	}
	if _, err := s.Edition(ctx, 2024, 3); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Edition(2024, 3) = %v, want ErrNotFound", err)
	}
}

func TestFreezeRefusals(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreateWithValues(t)
	in := editionInputs(t, s, 2024)
	bad := in
	bad.Snapshot.ReportYear = 24
	if _, err := s.Freeze(ctx, bad, "", "", 1); !errors.Is(err, store.ErrInvalidInput) {
		t.Errorf("year 24: %v, want ErrInvalidInput", err)
	}
	if _, err := s.Freeze(ctx, in, "", "ABC", 1); !errors.Is(err, store.ErrInvalidInput) {
		t.Errorf("bad pdf hash: %v, want ErrInvalidInput", err)
	}
	s.Close()
	ro := openReadOnly(t, path)
	if _, err := ro.Freeze(ctx, in, "", "", 1); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("read-only store: %v, want ErrReadOnly", err)
	}
	if list, _ := ro.Editions(ctx); len(list) != 0 {
		t.Errorf("read-only store has %d editions after refusals", len(list))
	}
}

func TestCouncilPaperEditable(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreateWithValues(t)
	e, err := s.Freeze(ctx, editionInputs(t, s, 2024), "", "", 1)
	mustSucceed(t, err)
	mustSucceed(t, s.SetCouncilPaper(ctx, e.ID, store.CouncilPaper{Drucksache: "0123/2025", Sitzung: "Integrationsrat", Datum: "2025-03-27"}))
	mustSucceed(t, s.SetCouncilPaper(ctx, e.ID, store.CouncilPaper{Drucksache: "0124/2025", Sitzung: " Rat ", Datum: "2025-04-01"}))
	if err := s.SetCouncilPaper(ctx, e.ID, store.CouncilPaper{Datum: "27.03.2025"}); !errors.Is(err, store.ErrInvalidInput) {
		t.Errorf("German date: %v, want ErrInvalidInput", err)
	}
	if err := s.SetCouncilPaper(ctx, e.ID+99, store.CouncilPaper{}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown edition: %v, want ErrNotFound", err)
	}
	s = reopenFile(t, s, path)
	got, err := s.Edition(ctx, 2024, 1)
	mustSucceed(t, err)
	if want := (store.CouncilPaper{Drucksache: "0124/2025", Sitzung: "Rat", Datum: "2025-04-01"}); got.Paper != want {
		t.Errorf("Paper = %+v, want %+v", got.Paper, want)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	mustSucceed(t, err)
	defer db.Close()
	var drucksache string
	mustSucceed(t, db.QueryRow(`SELECT Drucksache FROM Berichtsfassungen WHERE Berichtsjahr = 2024 AND Fassung = 1`).Scan(&drucksache))
	if drucksache != "0124/2025" {
		t.Errorf("view Berichtsfassungen: Drucksache %q", drucksache)
	}
}

func TestEditionTriggersRefuseChanges(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreateWithValues(t)
	_, err := s.Freeze(ctx, editionInputs(t, s, 2024), "", "", 1)
	mustSucceed(t, err)
	s.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	mustSucceed(t, err)
	defer db.Close()
	for q, want := range map[string]string{
		`UPDATE edition SET pages = 2`:             "kann nicht geändert werden",
		`UPDATE edition SET inputs = x'00'`:        "kann nicht geändert werden",
		`DELETE FROM edition`:                      "kann nicht gelöscht werden",
		`DELETE FROM edition WHERE report_year=24`: "", // matches no row: no trigger fires
		// REPLACE deletes the old row without DELETE triggers.
		`REPLACE INTO edition SELECT id, report_year, version, frozen_at, 'X', inputs, content_hash, pdf_sha256, pages FROM edition`:             "kann nicht ersetzt werden",
		`INSERT OR REPLACE INTO edition SELECT NULL, report_year, version, frozen_at, 'X', inputs, content_hash, pdf_sha256, pages FROM edition`: "kann nicht ersetzt werden",
	} {
		_, err := db.Exec(q)
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v", q, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%s: %v, want the German refusal %q", q, err, want)
		}
	}
}

// openReadOnly write-protects path and opens it.
func openReadOnly(t *testing.T, path string) *store.Store {
	t.Helper()
	mustSucceed(t, os.Chmod(path, 0o444))
	s, err := store.Open(context.Background(), path)
	mustSucceed(t, err)
	t.Cleanup(func() { s.Close() })
	if !s.ReadOnly() || !errors.Is(s.ReadOnlyReason(), store.ErrReadOnly) {
		t.Fatalf("write-protected file: ReadOnly %v, reason %v", s.ReadOnly(), s.ReadOnlyReason())
	}
	return s
}

// frozenFile is a closed file with the 1. and 2. Fassung of 2024.
func frozenFile(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	s, path := mustCreateWithValues(t)
	in := editionInputs(t, s, 2024)
	for i := 0; i < 2; i++ {
		in.Title = fmt.Sprint("Fassung ", i+1)
		_, err := s.Freeze(ctx, in, "", "", 1)
		mustSucceed(t, err)
	}
	mustSucceed(t, s.Close())
	return path
}

func TestTamperedEditionOpensReadOnly(t *testing.T) {
	ctx := context.Background()
	for name, stmts := range map[string][]string{
		"inputs": {`DROP TRIGGER edition_no_update`,
			`UPDATE edition SET inputs = (SELECT inputs FROM edition WHERE version = 1) WHERE version = 2`,
			`CREATE TRIGGER edition_no_update BEFORE UPDATE ON edition BEGIN
    SELECT RAISE(ABORT, 'Eine festgeschriebene Berichtsfassung kann nicht geändert werden.');
END`},
		"hash": {`DROP TRIGGER edition_no_update`,
			`UPDATE edition SET content_hash = upper(content_hash) WHERE version = 2`,
			`CREATE TRIGGER edition_no_update BEFORE UPDATE ON edition BEGIN
    SELECT RAISE(ABORT, 'Eine festgeschriebene Berichtsfassung kann nicht geändert werden.');
END`},
		"trigger dropped": {`DROP TRIGGER edition_no_delete`},
		"trigger weakened": {`DROP TRIGGER edition_no_delete`,
			`CREATE TRIGGER edition_no_delete BEFORE DELETE ON edition WHEN 0 BEGIN SELECT RAISE(ABORT, 'x'); END`},
		"table dropped": {`DROP TABLE edition_paper`, `DROP VIEW "Berichtsfassungen"`, `DROP TABLE edition`},
	} {
		t.Run(name, func(t *testing.T) {
			path := frozenFile(t)
			editPlain(t, path, stmts...)
			before := hashFile(t, path)
			s, err := store.Open(ctx, path)
			if name == "table dropped" {
				// Dropped tables are a changed schema, not only an
				// unprotected edition: the file is refused (issue 17).
				if !errors.Is(err, store.ErrSchemaAltered) || !strings.Contains(store.Message(err), "Tabelle „edition“") {
					t.Fatalf("open = %v, want ErrSchemaAltered naming the edition table", err)
				}
				if _, err := store.Check(ctx, path); !errors.Is(err, store.ErrSchemaAltered) {
					t.Errorf("Check = %v, want ErrSchemaAltered", err)
				}
				if hashFile(t, path) != before {
					t.Errorf("opening a tampered file changed it")
				}
				return
			}
			if err != nil {
				t.Fatalf("open: %v", err)
			}
			defer s.Close()
			reason := s.ReadOnlyReason()
			if !s.ReadOnly() || !errors.Is(reason, store.ErrEditionTampered) {
				t.Fatalf("ReadOnly %v, reason %v; want read-only for a tampered edition", s.ReadOnly(), reason)
			}
			msg := store.Message(reason)
			want := "Berichtsfassung 2024, 2. Fassung"
			if name == "trigger dropped" || name == "trigger weakened" {
				want = "Tabelle edition und ihre Trigger"
			}
			if !strings.Contains(msg, want) || !strings.Contains(msg, "nur zum Lesen") || strings.Contains(msg, "1. Fassung") {
				t.Errorf("message %q should name %q (and not the intact 1. Fassung) and say read-only", msg, want)
			}
			if _, err := s.Catalog(ctx); err != nil {
				t.Errorf("reading: %v", err)
			}
			if err := s.SetReportYear(ctx, 2024); !errors.Is(err, store.ErrReadOnly) {
				t.Errorf("write: %v, want ErrReadOnly", err)
			}
			if name == "inputs" || name == "hash" {
				if _, err := s.Edition(ctx, 2024, 2); !errors.Is(err, store.ErrEditionTampered) {
					t.Errorf("Edition(2024, 2) = %v, want ErrEditionTampered", err)
				}
				if _, err := s.Edition(ctx, 2024, 1); err != nil {
					t.Errorf("the intact 1. Fassung: %v", err)
				}
			}
			_, err = store.Check(ctx, path)
			if !errors.Is(err, store.ErrEditionTampered) || !strings.Contains(store.Message(err), want) {
				t.Errorf("Check = %v, want ErrEditionTampered naming %q", err, want)
			}
			s.Close()
			if hashFile(t, path) != before {
				t.Errorf("opening a tampered file changed it")
			}
		})
	}
}

func TestCheckCountsEditions(t *testing.T) {
	r, err := store.Check(context.Background(), frozenFile(t))
	mustSucceed(t, err)
	if r.Editions != 2 {
		t.Errorf("Check: %d editions, want 2", r.Editions)
	}
}

// BenchmarkFreeze freezes the demo file's report 2024 (values 2016–2024)
// and reports the bytes one edition adds to the file (issue 15: under
// 0.5 s and 200 KB).
func BenchmarkFreeze(b *testing.B) {
	ctx := context.Background()
	s, path := mustDemo(b)
	defer s.Close()
	in := editionInputs(b, s, 2024)
	st, err := os.Stat(path)
	mustSucceed(b, err)
	start := st.Size()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Freeze(ctx, in, "", "", 1); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	st, err = os.Stat(path)
	mustSucceed(b, err)
	b.ReportMetric(float64(st.Size()-start)/float64(b.N), "filebytes/edition")
}
