package report_test

import (
	"testing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// TestSchoolsSumToCity: with values for two schools and none for the
// city, B-K1 is computed from their sums, and the per-school table ends
// with the sum and hides a small count.
func TestSchoolsSumToCity(t *testing.T) {
	cat := realCatalog(t)
	cat.Areas = append(cat.Areas, store.Area{Code: "schule_a", Name: "Gymnasium A", Kind: store.SchoolAreaKind},
		store.Area{Code: "schule_b", Name: "Realschule B", Kind: store.SchoolAreaKind})
	for fi := range cat.Fields {
		for ki := range cat.Fields[fi].KeyFigures {
			k := &cat.Fields[fi].KeyFigures[ki]
			if k.Code == "B-K1" {
				for bi := range k.BaseFigures {
					k.BaseFigures[bi].Areas = append(k.BaseFigures[bi].Areas, "schule_a", "schule_b")
				}
			}
		}
	}
	val := func(bf, area, g string, n float64) store.Value {
		return store.Value{BaseFigure: bf, Period: "2024/25", Area: area, Group: g, Number: n}
	}
	values := []store.Value{
		val("B-K1-G1", "schule_a", "insgesamt", 120), val("B-K1-G1", "schule_a", "auslaender", 10),
		val("B-K1-G2", "schule_a", "insgesamt", 120), val("B-K1-G2", "schule_a", "auslaender", 10),
		val("B-K1-G1", "schule_b", "insgesamt", 80), val("B-K1-G1", "schule_b", "auslaender", 2),
		val("B-K1-G2", "schule_b", "insgesamt", 0), val("B-K1-G2", "schule_b", "auslaender", 0),
	}
	e := report.Evaluate(report.Input{Snapshot: &store.Snapshot{Catalog: cat, Values: values}, Year: 2024})
	kr, _ := e.KeyFigure("B-K1")
	if !kr.HasLatest || kr.Latest.Value < 83.3 || kr.Latest.Value > 83.4 {
		t.Errorf("B-K1 from the schools' sums = %+v, want 10/12 = 83,3 %%", kr.Latest)
	}
	tabs := e.SchoolTables("B-K1")
	if len(tabs) != 1 || len(tabs[0].Rows) != 3 {
		t.Fatalf("school tables = %+v", tabs)
	}
	sum := tabs[0].Rows[2]
	if !sum.Sum || sum.Cells[0].Published != "200" || sum.Cells[1].Published != "12" {
		t.Errorf("sum row = %+v", sum)
	}
	if c := tabs[0].Rows[1].Cells[1]; !c.Hidden || c.Published != "." {
		t.Errorf("2 foreign pupils at school B published as %q", c.Published)
	}
	if len(e.Values) != len(values) {
		t.Errorf("the evaluation's values grew to %d: the sums must not be exported", len(e.Values))
	}
}
