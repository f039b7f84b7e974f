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

// TestNewPlanTitlePeriod imports a download that names its Stichtag only
// in the title lines: the values are filed under that day.
func TestNewPlanTitlePeriod(t *testing.T) {
	cat := importCatalog(t)
	tab := importTable(t, importFixtures, "zeit_titel_stichtag_ldb.csv")
	plan, err := official.NewPlan(tab, official.KnownMappings(tab.TableCode), cat, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkImported(t, cat, tab, plan.Values, []importWant{
		{"BEV", "2023-12-31", "stadt", "insgesamt", 111222, ""},
		{"BEV", "2023-12-31", "kreis", "insgesamt", 286778, ""},
	})
	if len(plan.Problems) != 0 {
		t.Errorf("problems %q", plan.Problems)
	}
}

// TestNewPlanRefusesMissingPeriod guards the other way in: a table not made
// by Read must not put values without a period into a plan either.
func TestNewPlanRefusesMissingPeriod(t *testing.T) {
	tab := &official.Table{Format: official.FormatLDB, TableCode: "12411-15i", Rows: []official.Row{
		{RegionKey: "05378004", RegionName: "Bergisch Gladbach", Period: "31.12.2024", Column: "Insgesamt", Raw: "1", Number: 1, HasNumber: true, Line: 5},
		{RegionKey: "05378", RegionName: "Kreis", Column: "Insgesamt", Raw: "2", Number: 2, HasNumber: true, Line: 6},
	}}
	maps := []official.Mapping{{BaseFigure: "BEV", Group: "insgesamt", Column: "Insgesamt"}}
	plan, err := official.NewPlan(tab, maps, importCatalog(t), nil)
	var ue *store.UserError
	if plan != nil || !errors.As(err, &ue) || !strings.HasPrefix(ue.Message, "Für 1 Wert in Zeile 6 ist keine Zeit") {
		t.Errorf("plan %v, err %v; want a refusal naming line 6", plan, err)
	}
	vals, problems := official.MapRows(tab, maps, store.DatePeriod)
	if len(vals) != 1 || len(problems) != 1 || !strings.Contains(problems[0], "keine Zeit") {
		t.Errorf("MapRows = %+v, %q; want the dated value and a problem for the other", vals, problems)
	}
}

// The same figure with a new Datenstand and Quelle says so: "111.361 →
// 111.361" alone reads like an error.
func TestChangeDescribeSameFigure(t *testing.T) {
	cat := importCatalog(t)
	old := store.Value{BaseFigure: "BEV", Period: "2024-12-31", Area: "stadt", Group: "insgesamt", Number: 111361, Source: "Eingabe"}
	n := old
	n.Source, n.AsOf = "LDB 12411-15i", "2026-01-19"
	format := func(num float64, sym store.Symbol, unit string) string { return fmt.Sprintf("%v", num) }
	if got := (official.Change{Old: old, New: n}).Describe(cat, format); !strings.HasSuffix(got, ": 111361 → 111361 (geändert: Quelle, Datenstand)") {
		t.Errorf("Describe = %q", got)
	}
}
