package report_test

import (
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// b2Values are B-K2's counts per school year: n foreign fifth-graders at
// the Hauptschule of 100.
func b2Values(n map[string]float64) []store.Value {
	var out []store.Value
	for y, x := range n {
		out = append(out,
			store.Value{BaseFigure: "B-K2-G1", Period: store.Period(y), Area: "stadt", Group: "auslaender", Number: 100},
			store.Value{BaseFigure: "B-K2-G2", Period: store.Period(y), Area: "stadt", Group: "auslaender", Number: x})
	}
	return out
}

func b2Row(t *testing.T, n map[string]float64) report.OverviewRow {
	t.Helper()
	e := report.Evaluate(report.Input{Snapshot: &store.Snapshot{Catalog: realCatalog(t), Values: b2Values(n)}, Year: 2025})
	for _, r := range e.Overview {
		if r.Code == "B-K2" {
			return r
		}
	}
	t.Fatal("no row for B-K2")
	return report.OverviewRow{}
}

// Schuljahr 2024/25 lies in 2024 but is the report year 2025's latest
// value when 2025/26 is missing: the change since the previous report is
// then measured from 2023/24, not from the latest value itself.
func TestChangePrevOfSchoolYearsIsNotTheLatestItself(t *testing.T) {
	r := b2Row(t, map[string]float64{"2022/23": 30, "2023/24": 25, "2024/25": 20})
	if r.LatestPeriod != "Schuljahr 2024/25" || r.ChangePrev != "−5,0\u00a0Pp." || r.ChangePrevSince != "seit Schuljahr 2023/24" {
		t.Errorf("latest %s, change %q %q; want −5,0 Pp. seit Schuljahr 2023/24", r.LatestPeriod, r.ChangePrev, r.ChangePrevSince)
	}
}

// A change to or from a hidden value would give it back: the Übersicht
// leaves it out.
func TestChangePrevOfHiddenValueIsLeftOut(t *testing.T) {
	for name, n := range map[string]map[string]float64{
		"latest hidden":   {"2022/23": 30, "2023/24": 25, "2024/25": 2},
		"previous hidden": {"2022/23": 30, "2023/24": 2, "2024/25": 20},
	} {
		r := b2Row(t, n)
		if r.ChangePrev != report.NotComputable || r.ChangePrevSince != "" {
			t.Errorf("%s: change %q %q, want none", name, r.ChangePrev, r.ChangePrevSince)
		}
	}
}

// A-K1 is judged against Deutsche ("Insgesamt" contains the foreigners),
// so its Übersicht row names Deutsche as the reference, not Insgesamt.
func TestOverviewNamesTheComparisonTheVerdictRestsOn(t *testing.T) {
	cat := realCatalog(t)
	e := report.Evaluate(report.Input{Snapshot: &store.Snapshot{Catalog: cat, Values: fullValues(cat, 2011, 2025)}, Year: 2025})
	for _, r := range e.Overview {
		switch r.Code {
		case "A-K1":
			if !strings.HasSuffix(r.Reference, "(Deutsche)") {
				t.Errorf("A-K1 reference %q, want the value of Deutsche", r.Reference)
			}
		case "A-K2":
			if strings.Contains(r.Reference, "Deutsche") {
				t.Errorf("A-K2 reference %q, want its reference line", r.Reference)
			}
		}
	}
}
