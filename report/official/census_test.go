package official_test

import (
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/report/official"
	"bergischgladbach.de/integrationsmonitor/store"
)

// A table that gives the population on two census bases keeps them
// apart: each Stichtag takes the value of the basis that holds for it,
// the other is named in the problems, and the import sets the breaks.
func TestImportKeepsCensusBasesApart(t *testing.T) {
	cat := importCatalog(t)
	tab := importTable(t, importFixtures, "zensus_zwei_grundlagen_ldb.csv")
	plan, err := official.NewPlan(tab, official.KnownMappings(tab.TableCode), cat, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[store.Period]float64{}
	for _, v := range plan.Values {
		if v.BaseFigure == "BEV" && v.Area == "stadt" && v.Group == "insgesamt" {
			if _, dup := got[v.Period]; dup {
				t.Errorf("two values for %s", v.Period)
			}
			got[v.Period] = v.Number
		}
	}
	if got["2021-12-31"] != 112300 || got["2022-12-31"] != 110900 || got["2023-12-31"] != 111100 || got["2010-12-31"] != 105723 {
		t.Errorf("imported %v; want 2021 on the Zensus 2011 basis, 2022 and 2023 on the Zensus 2022 basis", got)
	}
	if !strings.Contains(strings.Join(plan.Problems, "\n"), "übernommen wird der auf Basis des Zensus 2022, nicht der auf Basis des Zensus 2011") {
		t.Errorf("problems do not name the dropped basis: %q", plan.Problems)
	}
	var breaks []string
	for _, b := range plan.Breaks {
		if b.Origin != store.BreakImport || !strings.Contains(b.Reason, "Zensus") {
			t.Errorf("break %+v", b)
		}
		breaks = append(breaks, b.BaseFigure+" "+b.Area+" "+string(b.Period))
	}
	if strings.Join(breaks, ", ") != "BEV stadt 2011, BEV stadt 2022" {
		t.Errorf("breaks = %q, want BEV stadt 2011 and 2022", breaks)
	}
}

// Values on one basis after stored values on the older one still set the
// break: the stored series is continued on a new basis.
func TestImportSetsBreakAgainstStoredValues(t *testing.T) {
	cat := importCatalog(t)
	tab := importTable(t, importFixtures, "ldb_12411-15i.csv")
	stored := []store.Value{{BaseFigure: "BEV", Period: "2021-12-31", Area: "stadt", Group: "insgesamt", Number: 112300}}
	plan, err := official.NewPlan(tab, official.KnownMappings(tab.TableCode), cat, stored)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Breaks) != 1 || plan.Breaks[0].Area != "stadt" || plan.Breaks[0].Period != "2022" {
		t.Errorf("breaks = %+v, want BEV stadt from 2022", plan.Breaks)
	}
}
