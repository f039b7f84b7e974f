package report_test

import (
	"strings"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// fullEvaluation evaluates values 2011–2025 of every Grundzahl for year.
func fullEvaluation(t *testing.T, year int) *report.Evaluation {
	t.Helper()
	cat := realCatalog(t)
	snap := &store.Snapshot{Catalog: cat, Values: fullValues(cat, 2011, 2025)}
	return report.Evaluate(report.Input{Snapshot: snap, Year: year})
}

// The latest value is the newest computable one up to and including the
// report year, never a later one (the window showed 2025 values next to a
// change up to 2023).
func TestEvaluateLatestUpToReportYear(t *testing.T) {
	e := fullEvaluation(t, 2023)
	if len(e.KeyFigures) != 14 || len(e.Overview) != 14 {
		t.Fatalf("%d Kennzahlen, %d Übersicht rows; want 14", len(e.KeyFigures), len(e.Overview))
	}
	computed := 0
	for i, kr := range e.KeyFigures {
		row := e.Overview[i]
		if row.Code != kr.KeyFigure.Code {
			t.Errorf("row %d is %s, Kennzahl %s", i, row.Code, kr.KeyFigure.Code)
		}
		if !kr.HasLatest {
			if row.Latest != report.NotComputable || row.LatestPeriod != "" {
				t.Errorf("%s: no latest value but row says %q (%q)", row.Code, row.Latest, row.LatestPeriod)
			}
			continue
		}
		computed++
		if y := kr.Latest.Period.Year(); y != 2023 {
			t.Errorf("%s: latest value from %d, want 2023", row.Code, y)
		}
		if row.LatestPeriod != kr.Latest.Period.Label() || row.Latest != report.PointText(kr.Latest, kr.KeyFigure.Unit) {
			t.Errorf("%s: row %q (%q) does not show the latest point %v", row.Code, row.Latest, row.LatestPeriod, kr.Latest)
		}
		if kr.Assessment.N >= 2 && (kr.Assessment.To.Period.Year() > 2023 || !kr.Change.OK) {
			t.Errorf("%s: change up to %s (ok %v)", row.Code, kr.Assessment.To.Period, kr.Change.OK)
		}
		for _, p := range kr.Recent {
			if p.Year() > 2023 {
				t.Errorf("%s: table row %s after the report year", row.Code, p)
			}
		}
		if len(kr.Recent) != report.RecentPeriods {
			t.Errorf("%s: %d recent periods, want %d", row.Code, len(kr.Recent), report.RecentPeriods)
		}
	}
	if computed < 10 {
		t.Errorf("only %d of 14 Kennzahlen computable on full data", computed)
	}
}

func TestEvaluateChangeWording(t *testing.T) {
	e := fullEvaluation(t, 2025)
	for _, row := range e.Overview {
		kr, _ := e.KeyFigure(row.Code)
		switch {
		case !kr.Change.OK:
			if row.Change != report.NotComputable || row.ChangeSince != "" {
				t.Errorf("%s: no change but %q %q", row.Code, row.Change, row.ChangeSince)
			}
		case kr.KeyFigure.Unit == "%":
			if !strings.HasSuffix(row.Change, "\u00a0Pp.") {
				t.Errorf("%s: share change %q, want Prozentpunkte", row.Code, row.Change)
			}
		}
		if kr.Change.OK && row.ChangeSince != "seit "+kr.Assessment.From.Period.Label() {
			t.Errorf("%s: since %q, assessment from %s", row.Code, row.ChangeSince, kr.Assessment.From.Period)
		}
		if want := kr.Assessment.Level.Symbol() + " " + kr.Assessment.Level.Label(); row.Assessment != want {
			t.Errorf("%s: Bewertung %q, want %q", row.Code, row.Assessment, want)
		}
	}
}

// Marks and the small-count rule are decided in one place: the window
// shows every value with its marks, the report hides small counts and
// confidential values.
func TestEvaluateGridCells(t *testing.T) {
	cat := realCatalog(t)
	v := func(group string, n float64) store.Value {
		return store.Value{BaseFigure: "A-K1-G1", Period: "2016-H2", Area: "stadt", Group: group, Number: n}
	}
	prov, est, small, secret := v("auslaender", 1200), v("deutsche", 4000), v("insgesamt", 2), v("auslaender", 0)
	prov.Provisional = true
	est.Estimated = true
	secret.Period, secret.Number, secret.Confidential = "2017-H2", 55, true
	sym := store.Value{BaseFigure: "A-K1-G1", Period: "2017-H2", Area: "stadt", Group: "deutsche", Symbol: store.SymLater}
	snap := &store.Snapshot{Catalog: cat, Values: []store.Value{prov, est, small, secret, sym}}
	e := report.Evaluate(report.Input{Snapshot: snap, Year: 2017, SmallCount: 3})

	g := e.StoredGrid("A-K1", "stadt")
	cells := map[string]report.Cell{}
	for _, r := range g.Rows {
		for i, c := range r.Cells {
			cells[string(r.Period)+" "+g.Columns[i].Group] = c
		}
	}
	for _, tt := range []struct {
		cell, text, published string
		hidden                bool
	}{
		// Insgesamt is hidden, so the smaller part goes with it: else
		// Deutsche + Ausländer/innen would give Insgesamt back.
		{"2016-H2 auslaender", "1.200\u00a0p", ".", true},
		{"2016-H2 deutsche", "4.000\u00a0s", "4.000\u00a0s", false},
		{"2016-H2 insgesamt", "2", ".", true},
		{"2017-H2 auslaender", "55", ".", true},
		{"2017-H2 deutsche", "...", "...", false},
		{"2017-H2 insgesamt", "", report.NotComputable, false},
	} {
		c := cells[tt.cell]
		if c.Text != tt.text || c.Published != tt.published || c.Hidden != tt.hidden || c.Hidden != (c.Why != "") {
			t.Errorf("%s: %+v, want text %q published %q hidden %v", tt.cell, c, tt.text, tt.published, tt.hidden)
		}
	}
	if c := cells["2016-H2 auslaender"]; c.Why != report.WhySecondary {
		t.Errorf("complement: why %q, want %q", c.Why, report.WhySecondary)
	}
	if len(g.Columns) != 3 {
		t.Errorf("stored grid has %d columns, want the 3 groups of G1 that hold values", len(g.Columns))
	}
	// The report's grid has every group of the Kennzahl's Grundzahlen and
	// the same cells.
	rg := e.ReportGrid("A-K1")
	if len(rg.Columns) < 6 {
		t.Errorf("report grid has %d columns, want G1 and G2 with three groups each", len(rg.Columns))
	}
}

func TestEvaluateSurveyComparesNewestEarlierSurvey(t *testing.T) {
	survey := func(year, n int) store.SurveyResult {
		s := store.SurveyResult{ReportYear: year}
		s.Counts[0][0] = n
		return s
	}
	texts := &store.ReportTexts{Surveys: []store.SurveyResult{survey(2020, 10), survey(2022, 20), {ReportYear: 2024}, survey(2025, 30)}}
	e := report.Evaluate(report.Input{Snapshot: &store.Snapshot{Catalog: realCatalog(t)}, Texts: texts, Year: 2025})
	sc := e.Survey
	if sc.Current == nil || sc.Current.ReportYear != 2025 {
		t.Fatalf("current survey %+v", sc.Current)
	}
	// 2024 was saved without answers: no survey; 2022 is the comparison.
	if sc.Previous == nil || sc.Previous.ReportYear != 2022 || sc.Summary[0].PrevYear != 2022 {
		t.Fatalf("previous survey %+v, summary %+v", sc.Previous, sc.Summary[0])
	}
	if !strings.Contains(sc.Headline, "2022:") {
		t.Errorf("headline does not name the comparison year 2022: %q", sc.Headline)
	}
	if sc.CurrentAlone[0].N != 30 || sc.PreviousAlone[0].N != 20 {
		t.Errorf("per-year summaries %d, %d answers; want 30, 20", sc.CurrentAlone[0].N, sc.PreviousAlone[0].N)
	}
}

func TestEvaluateDeliveriesOpenFirst(t *testing.T) {
	cat := realCatalog(t)
	snap := &store.Snapshot{Catalog: cat, Values: fullValues(cat, 2020, 2023)}
	e := report.Evaluate(report.Input{Snapshot: snap, Year: 2024, Today: time.Date(2025, 11, 25, 0, 0, 0, 0, time.UTC)})
	if len(e.Deliveries) == 0 || e.OpenDeliveries == 0 || e.OpenDeliveries > len(e.Deliveries) {
		t.Fatalf("%d deliveries, %d open", len(e.Deliveries), e.OpenDeliveries)
	}
	for i, d := range e.Deliveries {
		if d.Status.Open() != (i < e.OpenDeliveries) {
			t.Errorf("delivery %d (%s, %s) out of order: %d open first", i, d.BaseFigure.Code, d.Status, e.OpenDeliveries)
		}
	}
	if e2 := report.Evaluate(report.Input{Snapshot: snap, Year: 2024}); e2.Deliveries != nil {
		t.Error("deliveries without a date")
	}
}

// The window evaluates on the UI goroutine while a report evaluates the
// same snapshot in the background; `make test` runs this under -race.
func TestEvaluateConcurrently(t *testing.T) {
	cat := realCatalog(t)
	snap := &store.Snapshot{Catalog: cat, Values: fullValues(cat, 2011, 2025)}
	want := report.Evaluate(report.Input{Snapshot: snap, Year: 2023}).Overview
	done := make(chan []report.OverviewRow)
	for range 4 {
		go func() { done <- report.Evaluate(report.Input{Snapshot: snap, Year: 2023}).Overview }()
	}
	for range 4 {
		got := <-done
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("concurrent evaluation differs at %s: %+v vs %+v", want[i].Code, got[i], want[i])
			}
		}
	}
}

// BenchmarkEvaluate is what the window does after each saved value and
// what every report and export starts with: the whole evaluation on 15
// years of values, with Datenlieferungen.
func BenchmarkEvaluate(b *testing.B) {
	cat := realCatalog(b)
	snap := &store.Snapshot{Catalog: cat, Values: fullValues(cat, 2011, 2025)}
	today := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		if e := report.Evaluate(report.Input{Snapshot: snap, Year: 2025, Today: today}); len(e.Overview) == 0 {
			b.Fatal("no Übersicht")
		}
	}
	b.ReportMetric(float64(len(snap.Values)), "values")
}

// Participation tables and the window's sentence end at the report year
// as the Übersicht does, although the file holds later values.
func TestEvaluateParticipationUpToReportYear(t *testing.T) {
	e := fullEvaluation(t, 2023)
	if len(e.Participation) == 0 {
		t.Fatal("no Beteiligung indicator evaluated")
	}
	for code, tables := range e.Participation {
		if len(tables) == 0 {
			t.Errorf("%s: no table on full data", code)
		}
		for _, pt := range tables {
			if pt.Latest.Year() != 2023 || pt.Before == "" || pt.Before.Compare(pt.Latest) >= 0 {
				t.Errorf("%s %s: latest %s, before %s; want 2023 and an earlier one", code, pt.BaseFigure.Code, pt.Latest, pt.Before)
			}
			if r, ok := pt.At(pt.Areas[0], pt.Latest); !ok || r.Label != pt.Label {
				t.Errorf("%s %s: no row for %s at %s", code, pt.BaseFigure.Code, pt.Areas[0], pt.Latest)
			}
		}
		text := e.ParticipationText[code]
		if text == "" || strings.Contains(text, "2024") || strings.Contains(text, "2025") {
			t.Errorf("%s: sentence %q", code, text)
		}
	}
}
