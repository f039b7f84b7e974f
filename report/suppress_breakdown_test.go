package report_test

import (
	"testing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// whyOf evaluates vals for 2025 and returns why each stored value is
// hidden, by Grundzahl and group.
func whyOf(t *testing.T, vals []store.Value) map[string]string {
	t.Helper()
	e := report.Evaluate(report.Input{Snapshot: &store.Snapshot{Catalog: realCatalog(t), Values: vals}, Year: 2025})
	out := map[string]string{}
	for _, v := range vals {
		out[v.BaseFigure+"/"+v.Group] = e.StoredCell(v).Why
	}
	return out
}

// Two foreign women among the unemployed: Ausländer/innen minus the men
// would give them back, and so would Frauen minus the German women.
func TestSexBreakdownHidesComplements(t *testing.T) {
	n := map[string]float64{"insgesamt": 3000, "deutsche": 2500, "auslaender": 500, "weiblich": 1300, "maennlich": 1700,
		"deutsche_weiblich": 1298, "deutsche_maennlich": 1202, "auslaender_weiblich": 2, "auslaender_maennlich": 498}
	var vals []store.Value
	for g, x := range n {
		vals = append(vals, store.Value{BaseFigure: "A-K1-G1", Period: "2025-H1", Area: "stadt", Group: g, Number: x})
	}
	why := whyOf(t, vals)
	if why["A-K1-G1/auslaender_weiblich"] == "" {
		t.Fatalf("the 2 is published: %q", why)
	}
	if why["A-K1-G1/auslaender_maennlich"] == "" && why["A-K1-G1/auslaender"] == "" {
		t.Errorf("Ausländer/innen − Männer gives the 2 back: %q", why)
	}
	if why["A-K1-G1/deutsche_weiblich"] == "" && why["A-K1-G1/weiblich"] == "" {
		t.Errorf("Frauen − deutsche Frauen gives the 2 back: %q", why)
	}
}

// A-K4: the Abschlussarten make up all school leavers, so a hidden count
// of leavers without Hauptschulabschluss must not follow from the others.
func TestAbschlussartenHideAComplement(t *testing.T) {
	n := map[string]float64{"A-K4-G2": 100, "A-K4-G1": 30, "A-K4-G3": 2, "A-K4-G4": 28, "A-K4-G5": 40}
	var vals []store.Value
	for bf, x := range n {
		vals = append(vals, store.Value{BaseFigure: bf, Period: "2025", Area: "stadt", Group: "auslaender", Number: x})
	}
	why := whyOf(t, vals)
	if why["A-K4-G3/auslaender"] == "" {
		t.Fatalf("the 2 is published: %q", why)
	}
	hidden := 0
	for _, bf := range []string{"A-K4-G1", "A-K4-G2", "A-K4-G4", "A-K4-G5"} {
		if why[bf+"/auslaender"] != "" {
			hidden++
		}
	}
	if hidden == 0 {
		t.Errorf("all leavers minus the other Abschlussarten gives the 2 back: %q", why)
	}
}
