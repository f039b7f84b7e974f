package report_test

import (
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// TestBreakdownBySex: A-K2 computed for women and men from the sex groups
// of the job seekers; a share resting on a small count is hidden.
func TestBreakdownBySex(t *testing.T) {
	cat := realCatalog(t)
	v := func(bf, p, area, g string, n float64) store.Value {
		return store.Value{BaseFigure: bf, Period: store.Period(p), Area: area, Group: g, Number: n}
	}
	values := []store.Value{
		v("A-K2-G1", "2024", "agentur", "insgesamt", 12000), v("A-K2-G1", "2024", "agentur", "auslaender", 3600),
		v("A-K2-G1", "2024", "agentur", "weiblich", 5000), v("A-K2-G1", "2024", "agentur", "auslaender_weiblich", 1000),
		v("A-K2-G1", "2024", "agentur", "maennlich", 7000), v("A-K2-G1", "2024", "agentur", "auslaender_maennlich", 2),
		v("BEV1565", "2024-12-31", "agentur", "insgesamt", 130000), v("BEV1565", "2024-12-31", "agentur", "auslaender", 19000),
	}
	e := report.Evaluate(report.Input{Snapshot: &store.Snapshot{Catalog: cat, Values: values}, Year: 2024})
	var sex *report.Breakdown
	for _, b := range e.Breakdowns("A-K2") {
		if b.Kind == report.BreakdownSex {
			sex = &b
		}
	}
	if sex == nil || len(sex.Columns) != 3 || len(sex.Rows) != 1 {
		t.Fatalf("A-K2 sex breakdown = %+v", sex)
	}
	cells := sex.Rows[0].Cells
	if cells[0].Published != "30,0\u00a0%" || cells[1].Published != "20,0\u00a0%" {
		t.Errorf("Insgesamt %q, Frauen %q; want 30,0 %% and 20,0 %%", cells[0].Published, cells[1].Published)
	}
	if !cells[2].Hidden || cells[2].Published != "." {
		t.Errorf("Männer rest on 2 foreign men and print %q", cells[2].Published)
	}
	kr, _ := e.KeyFigure("A-K2")
	if kr.Reference == nil || len(kr.Reference.Points) != 1 || !kr.Reference.Points[0].OK {
		t.Fatalf("A-K2 reference from BEV1565: %+v", kr.Reference)
	}
	if got := kr.Reference.Points[0].Value; got < 14.6 || got > 14.7 {
		t.Errorf("A-K2 reference = %v, want 19000/130000 = 14,6 %%", got)
	}
	for _, code := range []string{"A-K3", "C-K1"} {
		if bs := e.Breakdowns(code); len(bs) != 0 {
			t.Errorf("%s has breakdowns %+v", code, bs)
		}
	}
}

// TestBreakdownGroupsAreOptional: a delivery with every citizenship group
// but no sex or age group is complete.
func TestBreakdownGroupsAreOptional(t *testing.T) {
	for code, want := range map[string]bool{"weiblich": true, "auslaender_maennlich": true, "deutsche_alter_u25": true, "alter_55u65": true, "auslaender": false, "mit_mh": false} {
		if report.IsBreakdownGroup(code) != want {
			t.Errorf("IsBreakdownGroup(%q) = %v", code, !want)
		}
	}
	cat := realCatalog(t)
	var values []store.Value
	for _, g := range []string{"insgesamt", "deutsche", "auslaender"} {
		values = append(values, store.Value{BaseFigure: "A-K2-G1", Period: "2024", Area: "agentur", Group: g, Number: 100})
	}
	for _, d := range report.Deliveries(cat, values, 2024, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)) {
		if d.BaseFigure.Code == "A-K2-G1" && d.Status != report.DeliveryReceived {
			t.Errorf("A-K2-G1 without sex groups: %s", d.StatusText())
		}
	}
}

// TestHiresComparedWithWorkingAge: in the evaluation, A-W2's hires are
// compared with the population aged 15 to under 65.
func TestHiresComparedWithWorkingAge(t *testing.T) {
	cat := realCatalog(t)
	values := []store.Value{
		{BaseFigure: "A-W2-G3", Period: "2024", Area: "verwaltung_sachbearbeitung", Group: "insgesamt", Number: 120},
		{BaseFigure: "A-W2-G3", Period: "2024", Area: "verwaltung_sachbearbeitung", Group: "mit_mh", Number: 30},
		{BaseFigure: "BEV1565", Period: "2024-12-31", Area: "stadt", Group: "insgesamt", Number: 70000},
		{BaseFigure: "BEV1565", Period: "2024-12-31", Area: "stadt", Group: "mit_mh", Number: 21000},
	}
	e := report.Evaluate(report.Input{Snapshot: &store.Snapshot{Catalog: cat, Values: values, ReportYear: 2024}, Year: 2024})
	for _, tab := range e.Participation["A-W2"] {
		if tab.BaseFigure.Code != "A-W2-G3" {
			continue
		}
		r, ok := tab.At("verwaltung_sachbearbeitung", "2024")
		if !ok || !r.RefOK || r.Reference != 30 || r.Index < 0.83 || r.Index > 0.84 {
			t.Errorf("hires row = %+v", r)
		}
		return
	}
	t.Error("no table of A-W2-G3")
}
