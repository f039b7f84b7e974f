package official_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/report/official"
	"bergischgladbach.de/integrationsmonitor/store"
)

// dailyTable is a Landesdatenbank download with the population of the
// Stadt, the Kreis and NRW on n Stichtage (3n values, more than one chunk
// of the streamed import when n > 1,400), and the mappings of its column.
func dailyTable(t *testing.T, n int) (*official.Table, []official.Mapping) {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("Tabelle: 12411-15i\nBevölkerung - Stichtag - Gemeinden;;;\n;;;Bevölkerungsstand (Basis Zensus 2022 und früher)\n;;;Anzahl\n")
	regions := []struct{ key, name string }{{"05378004", "Bergisch Gladbach, Stadt"}, {"05378", "Rheinisch-Bergischer Kreis"}, {"05", "Nordrhein-Westfalen"}}
	day := time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 3 * n {
		r := regions[i%3]
		fmt.Fprintf(&b, "%s;%s;      %s;%d\n", day.AddDate(0, 0, i/3).Format("02.01.2006"), r.key, r.name, 100000+i)
	}
	b.WriteString("__________\nStand: 19.01.2026 / 13:58:12\n")
	tab, err := official.Read(&b)
	if err != nil {
		t.Fatal(err)
	}
	var maps []official.Mapping
	for _, a := range []struct{ area, key string }{{"stadt", "05378004"}, {"kreis", "05378"}, {"nrw", "05"}} {
		maps = append(maps, official.Mapping{BaseFigure: "BEV", Group: "insgesamt", Area: a.area, RegionKey: a.key,
			Column: "Bevölkerungsstand (Basis Zensus 2022 und früher); Anzahl"})
	}
	return tab, maps
}

func importStore(t *testing.T, cat *store.Catalog) *store.Store {
	t.Helper()
	s, err := store.Create(context.Background(), filepath.Join(t.TempDir(), "import.sqlite"), cat)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// storedNumbers maps the key of each stored value to its number.
func storedNumbers(t *testing.T, s *store.Store) map[store.ValueKey]float64 {
	t.Helper()
	vs, err := s.Values(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[store.ValueKey]float64{}
	for _, v := range vs {
		out[v.Key()] = v.Number
	}
	return out
}

// TestImportStoresThePlan: the streamed import stores exactly the values
// NewPlan maps, and the census breaks of the plan with them.
func TestImportStoresThePlan(t *testing.T) {
	ctx := context.Background()
	cat := importCatalog(t)
	tab, maps := dailyTable(t, 3000)
	s := importStore(t, cat)
	want, err := official.NewPlan(tab, maps, cat, nil)
	if err != nil {
		t.Fatal(err)
	}
	plan, got, err := official.Import(ctx, s, tab, maps, cat, nil, store.SaveOptions{Origin: "Import: t.csv"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Inserted != 9000 || plan.New != 9000 || len(plan.Values) != len(want.Values) {
		t.Fatalf("stored %d, plan %d new of %d values; want 9000 of %d", got.Inserted, plan.New, len(plan.Values), len(want.Values))
	}
	file := storedNumbers(t, s)
	if len(file) != len(want.Values) {
		t.Errorf("%d values in the file, want %d", len(file), len(want.Values))
	}
	for _, v := range want.Values {
		if n, ok := file[v.Key()]; !ok || n != v.Number {
			t.Fatalf("%v: file has %v (%v), plan %v", v.Key(), n, ok, v.Number)
		}
	}

	// A table on two census bases: its breaks are in the file after the
	// import, set by it.
	tab = importTable(t, importFixtures, "zensus_zwei_grundlagen_ldb.csv")
	s = importStore(t, cat)
	plan, got, err = official.Import(ctx, s, tab, official.KnownMappings(tab.TableCode), cat, nil, store.SaveOptions{Origin: "Import: z.csv"})
	if err != nil {
		t.Fatal(err)
	}
	bs, err := s.SeriesBreaks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	imported := 0
	for _, b := range bs {
		if b.Origin == store.BreakImport {
			imported++
		}
	}
	if len(plan.Breaks) == 0 || got.Breaks == 0 || imported != got.Breaks {
		t.Errorf("plan breaks %d, added %d, import breaks in the file %d", len(plan.Breaks), got.Breaks, imported)
	}
}

// TestImportConflictStoresNothing: values that differ from stored ones,
// one early and one late in a long table, make an import without Correct
// store nothing; the plan it returns lists both differences, so the
// caller can name them all. With Correct both are corrected.
func TestImportConflictStoresNothing(t *testing.T) {
	ctx := context.Background()
	cat := importCatalog(t)
	tab, maps := dailyTable(t, 3000)
	s := importStore(t, cat)
	full, err := official.NewPlan(tab, maps, cat, nil)
	if err != nil {
		t.Fatal(err)
	}
	early, late := full.Values[10], full.Values[8500]
	early.Number, late.Number = 1, 2
	if _, _, err := s.SaveValues(ctx, []store.Value{early, late}, store.SaveOptions{Origin: "Eingabe"}); err != nil {
		t.Fatal(err)
	}
	stored, err := s.Values(ctx)
	if err != nil {
		t.Fatal(err)
	}
	before := storedNumbers(t, s)
	plan, _, err := official.Import(ctx, s, tab, maps, cat, stored, store.SaveOptions{Origin: "Import: t.csv"})
	var conflict *store.ConflictError
	if !errors.As(err, &conflict) {
		t.Fatalf("import over differing values: %v, want a ConflictError", err)
	}
	if plan == nil || len(plan.Changed) != 2 {
		t.Fatalf("plan with the conflict: %+v", plan)
	}
	if after := storedNumbers(t, s); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("refused import changed the file: %d values, was %d", len(after), len(before))
	}
	_, got, err := official.Import(ctx, s, tab, maps, cat, stored, store.SaveOptions{Origin: "Import: t.csv", Correct: true})
	if err != nil || got.Corrected != 2 || got.Inserted != 8998 {
		t.Fatalf("import with Correct: %+v, %v", got, err)
	}
	if file := storedNumbers(t, s); file[early.Key()] != full.Values[10].Number || file[late.Key()] != full.Values[8500].Number {
		t.Errorf("corrected values %v, %v", file[early.Key()], file[late.Key()])
	}
}
