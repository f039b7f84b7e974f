package report_test

import (
	"slices"
	"testing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// A break set on the population at a Stichtag holds from that calendar
// year on for a Kennzahl of years, which reads the population of the
// year's last Stichtag: A-K2's 2023 already compares with the new basis,
// so its table marks "| 2023" (before, the mark fell on 2024). C-K3, whose
// own figures are Stichtage too, keeps the exact day.
func TestBreakAtStichtagMarksYearOfKennzahl(t *testing.T) {
	cat := realCatalog(t)
	snap := &store.Snapshot{Catalog: cat, Values: fullValues(cat, 2011, 2025),
		Breaks: []store.SeriesBreak{
			{BaseFigure: "BEV1565", Period: "2023-12-31", Reason: "Zensus 2022", Origin: store.BreakUser},
			{BaseFigure: "BEV18", Period: "2023-12-31", Reason: "Zensus 2022", Origin: store.BreakUser}}}
	e := report.Evaluate(report.Input{Snapshot: snap, Year: 2025})
	ak2, _ := e.KeyFigure("A-K2")
	if got := report.BreaksFor("A-K2", snap); !slices.Equal(got, []store.Period{"2023"}) {
		t.Errorf("A-K2 breaks = %v, want [2023]", got)
	}
	marks := ak2.HeadlineBreaks()
	if _, ok := marks["2023"]; !ok || len(marks) != 1 {
		t.Errorf("A-K2 marks = %v, want the year 2023", marks)
	}
	if g := e.ReportGrid("A-K2"); report.BreakLabel("2023", g.Breaks) != "| 2023" {
		t.Errorf("A-K2's Grundzahl table marks %v, want 2023", g.Breaks)
	}
	ck3, _ := e.KeyFigure("C-K3")
	if ck3.KeyFigure.BaseFigures[0].PeriodKind != store.DatePeriod {
		t.Fatal("C-K3 no longer counts at Stichtage; choose another Kennzahl")
	}
	if got := report.BreaksFor("C-K3", snap); !slices.Equal(got, []store.Period{"2023-12-31"}) {
		t.Errorf("C-K3 breaks = %v, want [2023-12-31]", got)
	}
}
