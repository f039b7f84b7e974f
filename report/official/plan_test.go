package official_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/report/official"
	"bergischgladbach.de/integrationsmonitor/store"
)

// TestNewPlan plans the LDB fixture's known table (BEV, Stadt and Kreis on
// 31.12.2024) against stored values of each kind.
func TestNewPlan(t *testing.T) {
	cat := importCatalog(t)
	tab := importTable(t, importFixtures, "ldb_12411-15i.csv")
	maps := official.KnownMappings(tab.TableCode)
	read, _ := official.MapRows(tab, maps, store.DatePeriod)
	if len(read) != 2 {
		t.Fatalf("fixture yields %d values, want 2", len(read))
	}
	kreis, stadt := read[0], read[1]
	if stadt.Area != "stadt" || kreis.Area != "kreis" {
		t.Fatalf("unexpected fixture values %+v", read)
	}
	older := stadt
	older.Period = "2023-12-31"
	tests := []struct {
		name              string
		stored            []store.Value
		wantNew, wantUnch int
		wantChanged       []float64 // old numbers of the changes
	}{
		{"EmptyFile", nil, 2, 0, nil},
		{"OtherPeriodOnly", []store.Value{older}, 2, 0, nil},
		{"SameAsStored", []store.Value{kreis, stadt}, 0, 2, nil},
		{"Correction", []store.Value{with(stadt, 111000), kreis}, 0, 1, []float64{111000}},
		{"NewAndCorrection", []store.Value{with(kreis, 1)}, 1, 0, []float64{1}},
		{"CorrectionsInTableOrder", []store.Value{with(stadt, 2), with(kreis, 1)}, 0, 0, []float64{1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, err := official.NewPlan(tab, maps, cat, tt.stored)
			if err != nil {
				t.Fatal(err)
			}
			if len(plan.Values) != 2 || plan.New != tt.wantNew || plan.Unchanged != tt.wantUnch || len(plan.Problems) != len(tab.Problems) {
				t.Errorf("%d values, %d new, %d unchanged, problems %q; want 2, %d, %d", len(plan.Values), plan.New, plan.Unchanged, plan.Problems, tt.wantNew, tt.wantUnch)
			}
			var olds []float64
			for _, c := range plan.Changed {
				olds = append(olds, c.Old.Number)
				if c.Old.Key() != c.New.Key() || c.Old.SameContent(c.New) {
					t.Errorf("change %+v → %+v is not a correction of one value", c.Old, c.New)
				}
			}
			if fmt.Sprint(olds) != fmt.Sprint(tt.wantChanged) {
				t.Errorf("changes from %v, want %v", olds, tt.wantChanged)
			}
		})
	}
}

func with(v store.Value, n float64) store.Value {
	v.Number = n
	return v
}

func TestNewPlanUnknownBaseFigure(t *testing.T) {
	tab := importTable(t, importFixtures, "ldb_12411-15i.csv")
	_, err := official.NewPlan(tab, []official.Mapping{{BaseFigure: "GIBTSNICHT", Group: "insgesamt", Column: "x"}}, importCatalog(t), nil)
	var ue *store.UserError
	if !errors.As(err, &ue) || !strings.Contains(ue.Message, "GIBTSNICHT") {
		t.Errorf("err = %v, want a German message naming the Grundzahl", err)
	}
}

func TestChangeDescribe(t *testing.T) {
	cat := importCatalog(t)
	old := store.Value{BaseFigure: "BEV", Period: "2024-12-31", Area: "stadt", Group: "insgesamt", Number: 111000}
	c := official.Change{Old: old, New: with(old, 111361)}
	format := func(num float64, sym store.Symbol, unit string) string { return fmt.Sprintf("%v %s", num, unit) }
	got := c.Describe(cat, format)
	want := fmt.Sprintf("Bevölkerung (Einwohnerinnen und Einwohner), %s, %s, %s: 111000 Anzahl → 111361 Anzahl",
		old.Period.Label(), cat.AreaName("stadt"), cat.GroupName("insgesamt"))
	if got != want {
		t.Errorf("Describe = %q, want %q", got, want)
	}
}
