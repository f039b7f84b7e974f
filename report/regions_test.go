package report_test

import (
	"testing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// A-K1's Grundzahlen are delivered for the Kreis as well; the evaluation
// computes the headline series there with the same formula, from the
// Kreis's values, and names the region. A Kennzahl without values beyond
// its own area gets no region.
func TestEvaluateComparisonRegions(t *testing.T) {
	cat := realCatalog(t)
	v := func(code, area, group string, n float64) store.Value {
		return store.Value{BaseFigure: code, Period: "2024-H2", Area: area, Group: group, Number: n}
	}
	values := []store.Value{
		v("A-K1-G1", "stadt", "auslaender", 100), v("A-K1-G2", "stadt", "auslaender", 300),
		v("A-K1-G1", "kreis", "auslaender", 250), v("A-K1-G2", "kreis", "auslaender", 750+250),
		// NRW: the Beschäftigte are missing, so the region has no
		// computable value and is left out.
		v("A-K1-G1", "nrw", "auslaender", 9000),
	}
	e := report.Evaluate(report.Input{Snapshot: &store.Snapshot{Catalog: cat, Values: values}, Year: 2024})
	kr, _ := e.KeyFigure("A-K1")
	if len(kr.Regions) != 1 {
		t.Fatalf("A-K1: %d regions, want the Kreis only: %+v", len(kr.Regions), kr.Regions)
	}
	r := kr.Regions[0]
	if r.Area.Code != "kreis" || r.Short != "Kreis" || r.Label != "Rheinisch-Bergischer Kreis (Ausländer/innen)" {
		t.Errorf("region %q (%q, %q)", r.Area.Code, r.Short, r.Label)
	}
	if len(r.Points) != 1 || !r.Points[0].OK || r.Points[0].Value != 20 {
		t.Errorf("Kreis points %+v, want 250 / (250 + 1000) = 20 %%", r.Points)
	}
	if got := kr.Series[0].Points[0].Value; got != 25 {
		t.Errorf("city value %v, want 25: the region must not leak into the city's series", got)
	}
	if kr.Assessment.N > 1 {
		t.Errorf("assessment rests on %d values; a region is never assessed", kr.Assessment.N)
	}
	if k4, _ := e.KeyFigure("C-K4"); len(k4.Regions) != 0 {
		t.Errorf("C-K4 has regions %+v without any value", k4.Regions)
	}
}
