package store_test

import (
	"context"
	"database/sql"
	"slices"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

func breakTargets(bs []store.SeriesBreak) []string {
	var out []string
	for _, b := range bs {
		out = append(out, b.BaseFigure+b.KeyFigure+" "+string(b.Period)+" "+b.Reason)
	}
	return out
}

// The Statistikdienststelle sets a break in the copy and removes another
// one; the merge lists both and takes them over, leaves alone the break
// set here after the copy, and a second comparison finds nothing more.
func TestMergeTakesOverBreaks(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreateWithValues(t)
	defer s.Close()
	old, err := s.AddSeriesBreak(ctx, store.SeriesBreak{KeyFigure: "C-K1", Period: "2014", Reason: "Stimmbezirke neu zugeschnitten"})
	if err != nil {
		t.Fatal(err)
	}
	returned, err := s.CopyForMail(ctx, t.TempDir(), copyDay)
	if err != nil {
		t.Fatal(err)
	}
	editPlain(t, returned,
		`INSERT INTO series_break (base_figure_code, period, reason, origin, created_at, created_by)
		 VALUES ('A-K2-G1', '2018', 'Agenturbezirk neu zugeschnitten', 'Benutzer', '2025-03-10T08:00:00Z', 'statistik')`,
		`UPDATE series_break SET removed_at = '2025-03-11T08:00:00Z', removed_by = 'statistik' WHERE key_figure_code = 'C-K1'`)
	s.Now = func() time.Time { return afterCopy }
	if _, err := s.AddSeriesBreak(ctx, store.SeriesBreak{BaseFigure: "B-K1-G1", Period: "2015/16", Reason: "Schulstruktur geändert"}); err != nil {
		t.Fatal(err)
	}

	plan, err := s.CompareReturned(ctx, returned)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := breakTargets(plan.NewBreaks), []string{"A-K2-G1 2018 Agenturbezirk neu zugeschnitten"}; !slices.Equal(got, want) {
		t.Errorf("NewBreaks = %q, want %q", got, want)
	}
	if len(plan.RemovedBreaks) != 1 || plan.RemovedBreaks[0].ID != old.ID {
		t.Errorf("RemovedBreaks = %+v, want the C-K1 break %d", plan.RemovedBreaks, old.ID)
	}
	if plan.Empty() {
		t.Error("a plan with breaks counts as empty")
	}
	if got, want := plan.NewBreaks[0].Describe(), "A-K2-G1 ab 2018: Agenturbezirk neu zugeschnitten (Benutzer)"; got != want {
		t.Errorf("Describe = %q, want %q", got, want)
	}

	if _, err := s.ApplyMerge(ctx, plan, nil); err != nil {
		t.Fatal(err)
	}
	all, err := s.SeriesBreaks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(all, func(b store.SeriesBreak) bool { return b.BaseFigure == "A-K2-G1" && b.Period == "2018" })
	if i < 0 || all[i].CreatedBy != "statistik" || all[i].Origin != store.BreakUser ||
		!all[i].CreatedAt.Equal(time.Date(2025, 3, 10, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("taken-over break not in force as set in the copy: %+v", all)
	}
	if slices.ContainsFunc(all, func(b store.SeriesBreak) bool { return b.KeyFigure == "C-K1" }) {
		t.Error("break removed in the copy is still in force")
	}
	if !slices.ContainsFunc(all, func(b store.SeriesBreak) bool { return b.BaseFigure == "B-K1-G1" }) {
		t.Error("break set here after the copy was lost")
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var removedAt, removedBy string
	if err := db.QueryRow(`SELECT removed_at, removed_by FROM series_break WHERE id = ?`, old.ID).Scan(&removedAt, &removedBy); err != nil ||
		removedAt != "2025-03-20T09:00:00Z" {
		t.Errorf("removed row: %q %q %v", removedAt, removedBy, err)
	}

	again, err := s.CompareReturned(ctx, returned)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.NewBreaks)+len(again.RemovedBreaks) != 0 {
		t.Errorf("second comparison lists breaks again: new %+v removed %+v", again.NewBreaks, again.RemovedBreaks)
	}
}
