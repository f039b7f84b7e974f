package store_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

func TestNewFileMarksCensus2011OnThePopulation(t *testing.T) {
	s, _ := mustCreate(t)
	defer s.Close()
	bs, err := s.SeriesBreaks(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]store.Period{}
	for _, b := range bs {
		if b.Origin != store.BreakAutomatic {
			t.Errorf("break %+v: origin %q, want automatisch", b, b.Origin)
		}
		got[b.BaseFigure] = b.Period
	}
	// Every shared population figure: all, 15–25, 15–65 and 18+ years.
	for _, code := range []string{"BEV", "BEV1525", "BEV1565", "BEV18"} {
		if got[code] != "2011" {
			t.Errorf("automatic breaks = %v, want %s from 2011", got, code)
		}
	}
	if len(got) != 4 {
		t.Errorf("automatic breaks = %v, want the four population figures only", got)
	}
}

func TestSeriesBreakRoundTripKeepsHistory(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreate(t)
	b, err := s.AddSeriesBreak(ctx, store.SeriesBreak{KeyFigure: "C-K1", Area: "stadt", Period: "2020",
		Reason: "Stimmbezirke neu zugeschnitten", Origin: store.BreakUser})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddSeriesBreak(ctx, store.SeriesBreak{KeyFigure: "C-K1", Area: "stadt", Period: "2020", Reason: "noch einmal"}); !errors.Is(err, store.ErrInvalidInput) {
		t.Errorf("duplicate break: err %v, want invalid input", err)
	}
	if _, err := s.AddSeriesBreak(ctx, store.SeriesBreak{KeyFigure: "C-K1", Period: "2021", Reason: "  "}); !errors.Is(err, store.ErrInvalidInput) {
		t.Errorf("break without reason: err %v, want invalid input", err)
	}
	snap, err := s.Snapshot(ctx, 2024)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Breaks) != 5 {
		t.Fatalf("snapshot breaks = %+v, want the user's and four census breaks", snap.Breaks)
	}
	if err := s.RemoveSeriesBreak(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveSeriesBreak(ctx, b.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second removal: err %v, want not found", err)
	}
	s.Close()

	// What other SQLite tools see: the row is kept with its removal.
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var kf, area, period, reason, origin, created, removed, by string
	err = db.QueryRow(`SELECT key_figure_code, area_code, period, reason, origin, created_at, removed_at, removed_by
		FROM series_break WHERE id = ?`, b.ID).Scan(&kf, &area, &period, &reason, &origin, &created, &removed, &by)
	if err != nil {
		t.Fatal(err)
	}
	if kf != "C-K1" || area != "stadt" || period != "2020" || reason != "Stimmbezirke neu zugeschnitten" ||
		origin != "Benutzer" || created != "2025-03-01T10:00:00Z" || removed != "2025-03-01T10:00:00Z" {
		t.Errorf("stored row = %q %q %q %q %q %q %q", kf, area, period, reason, origin, created, removed)
	}
	var inView int
	if err := db.QueryRow(`SELECT count(*) FROM "Zeitreihenbrueche" WHERE "Grund" = 'Stimmbezirke neu zugeschnitten' AND "Entfernt_am" IS NOT NULL`).Scan(&inView); err != nil || inView != 1 {
		t.Errorf("view Zeitreihenbrueche: %d rows, err %v", inView, err)
	}

	s2, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	bs, err := s2.SeriesBreaks(ctx)
	if err != nil || len(bs) != 4 {
		t.Errorf("after removal and reopening: %+v, %v; want only the census breaks", bs, err)
	}
}

func TestSeriesBreakStarts(t *testing.T) {
	year := store.SeriesBreak{Period: "2011"}
	for p, want := range map[store.Period]bool{"2010-12-31": false, "2011-12-31": true, "2011-H1": true, "2010/11": false, "2011/12": true, "2010": false} {
		if got := year.Starts(p); got != want {
			t.Errorf("break 2011 starts %s = %v, want %v", p, got, want)
		}
	}
	half := store.SeriesBreak{Period: "2020-H2"}
	if half.Starts("2020-H1") || !half.Starts("2020-H2") || !half.Starts("2021-H1") {
		t.Error("half-year break misplaced")
	}
}
