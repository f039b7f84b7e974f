package report_test

import (
	"testing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// hiddenWhy evaluates vals for 2025 and returns why each stored value of
// bf in 2025 is hidden, by area.
func hiddenWhy(t *testing.T, cat *store.Catalog, bf string, vals []store.Value) map[string]string {
	t.Helper()
	e := report.Evaluate(report.Input{Snapshot: &store.Snapshot{Catalog: cat, Values: vals}, Year: 2025})
	out := map[string]string{}
	for _, v := range vals {
		if v.BaseFigure == bf {
			out[v.Area] = e.StoredCell(v).Why
		}
	}
	return out
}

func areaValues(bf string, n map[string]float64) []store.Value {
	var out []store.Value
	for area, x := range n {
		out = append(out, store.Value{BaseFigure: bf, Period: "2025", Area: area, Group: "insgesamt", Number: x})
	}
	return out
}

// C-K4's voters: Stimmbezirk 1 + 2 + Briefwahl = Stadt. With 2 postal
// voters hidden, one more cell must go, or Stadt − SB1 − SB2 gives the 2
// back.
func TestStimmbezirkeAddUpToTheCity(t *testing.T) {
	why := hiddenWhy(t, realCatalog(t), "C-K4-G2", areaValues("C-K4-G2", map[string]float64{
		"stadt": 1402, "stimmbezirk1": 700, "stimmbezirk2": 700, "briefwahl": 2,
	}))
	if why["briefwahl"] == "" {
		t.Fatalf("the 2 is published: %q", why)
	}
	if why["stadt"] != report.WhySecondary && why["stimmbezirk1"] != report.WhySecondary && why["stimmbezirk2"] != report.WhySecondary {
		t.Errorf("no complementary cell hidden: %q", why)
	}
}

// Values that do not add up (an older file, where the Briefwahl's
// eligible voters were also counted in their Stimmbezirk) are no
// equation: nothing is hidden for it.
func TestAreasThatDoNotAddUpAreNoEquation(t *testing.T) {
	why := hiddenWhy(t, realCatalog(t), "C-K4-G1", areaValues("C-K4-G1", map[string]float64{
		"stadt": 20000, "stimmbezirk1": 10600, "stimmbezirk2": 9400, "briefwahl": 2,
	}))
	if why["briefwahl"] == "" || why["stadt"] != "" || why["stimmbezirk1"] != "" || why["stimmbezirk2"] != "" {
		t.Errorf("why %q, want only the Briefwahl hidden", why)
	}
}

// Areas of one kind add up only where a definition says so: the
// Kreis's and the NRW's values are no parts of anything, and a school
// list with a school missing in 2025 gives no equation.
func TestSchoolsAddUpOnlyWhenAllAreStored(t *testing.T) {
	cat := realCatalog(t)
	schools := []string{"schule_a", "schule_b", "schule_c"}
	for _, s := range schools {
		cat.Areas = append(cat.Areas, store.Area{Code: s, Name: s, Kind: "schule"})
	}
	for i := range cat.Fields {
		for j := range cat.Fields[i].KeyFigures {
			k := &cat.Fields[i].KeyFigures[j]
			for b := range k.BaseFigures {
				if k.BaseFigures[b].Code == "B-K2-G2" {
					k.BaseFigures[b].Areas = append(k.BaseFigures[b].Areas, schools...)
				}
			}
		}
	}
	all := map[string]float64{"stadt": 402, "schule_a": 200, "schule_b": 200, "schule_c": 2}
	why := hiddenWhy(t, cat, "B-K2-G2", areaValues("B-K2-G2", all))
	if why["schule_c"] == "" || why["stadt"] == "" && why["schule_a"] == "" && why["schule_b"] == "" {
		t.Errorf("complete school list: why %q, want the 2 and a complement hidden", why)
	}
	delete(all, "schule_b")
	all["stadt"] = 602
	why = hiddenWhy(t, cat, "B-K2-G2", areaValues("B-K2-G2", all))
	if why["schule_c"] == "" || why["stadt"] != "" || why["schule_a"] != "" {
		t.Errorf("incomplete school list: why %q, want only the 2 hidden", why)
	}
}
