package store_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"bergischgladbach.de/integrationsmonitor/report/official"
	"bergischgladbach.de/integrationsmonitor/store"
)

// importBenchFile is a Landesdatenbank download (ISO-8859-1, shaped like
// 12411-15i) of n rows: one population figure per day from 1950 on for the
// Stadt, the Kreis and NRW in turn, so that each row gives one value of
// the Grundzahl BEV (a Stichtag figure) for a key of its own.
func importBenchFile(tb testing.TB, n int) []byte {
	tb.Helper()
	var b bytes.Buffer
	b.WriteString("Tabelle: 12411-15i\nKatasterfläche (qkm), Bevölkerung und Bevölkerungsdichte - Stichtag - Gemeinden;;;;;\n")
	b.WriteString(";;;Fortschreibung des Bevölkerungsstandes;Flächenerhebung nach Art der tatsächlichen Nutzung;Fortschreibung des Bevölkerungsstandes\n")
	b.WriteString(";;;Bevölkerungsstand (Basis Zensus 2022 und früher);Bodenfläche (Katasterfläche) in qkm;Bevölkerungsdichte\n;;;Anzahl;qkm;EW pro qkm\n")
	regions := []struct{ key, name string }{{"05378004", "Bergisch Gladbach, Stadt"}, {"05378", "Rheinisch-Bergischer Kreis"}, {"05", "Nordrhein-Westfalen"}}
	day := time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		r := regions[i%3]
		fmt.Fprintf(&b, "%s;%s;      %s;%d;%d,%02d;%d,%d\n", day.AddDate(0, 0, i/3).Format("02.01.2006"), r.key, r.name, 100000+i, i%1000, i%100, i%5000, i%10)
	}
	b.WriteString("__________\n\"Fußnote\nüber zwei Zeilen\"\n© IT.NRW, Düsseldorf, 2026.\nStand: 19.01.2026 / 13:58:12\n")
	data, err := charmap.ISO8859_1.NewEncoder().Bytes(b.Bytes())
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// importBenchMappings map the population column of importBenchFile to
// BEV of the Stadt, the Kreis and NRW.
func importBenchMappings() []official.Mapping {
	var maps []official.Mapping
	for _, a := range []struct{ area, key string }{{"stadt", "05378004"}, {"kreis", "05378"}, {"nrw", "05"}} {
		maps = append(maps, official.Mapping{BaseFigure: "BEV", Group: "insgesamt", Area: a.area, RegionKey: a.key,
			Column: "Fortschreibung des Bevölkerungsstandes; Bevölkerungsstand (Basis Zensus 2022 und früher); Anzahl"})
	}
	return maps
}

// BenchmarkImport100k is an import end to end as `integrationsmonitor
// import` and the import wizard do it: read a 100,000-row download
// (report/official), map its population column to BEV and store the
// 100,000 values with their history while the mapping goes on
// (official.Import).
func BenchmarkImport100k(b *testing.B) {
	const n = 100_000
	data := importBenchFile(b, n)
	cat := mustCatalog(b)
	maps := importBenchMappings()
	benchOnNewFile(b, cat, func(ctx context.Context, s *store.Store) {
		t, err := official.Read(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		stored, err := s.Values(ctx, "BEV")
		if err != nil {
			b.Fatal(err)
		}
		plan, got, err := official.Import(ctx, s, t, maps, cat, stored, store.SaveOptions{Origin: "Import: bench.csv"})
		if err != nil {
			b.Fatal(err)
		}
		if plan.New != n || len(plan.Problems) != 0 {
			b.Fatalf("plan: %d new, problems %q", plan.New, plan.Problems)
		}
		if got.Inserted != n {
			b.Fatalf("%d values stored, want %d", got.Inserted, n)
		}
	})
}

// BenchmarkImportPlan100k is the part of BenchmarkImport100k before the
// save: read the download, map it and plan against the (empty) file. The
// difference between the two is the save.
func BenchmarkImportPlan100k(b *testing.B) {
	const n = 100_000
	data := importBenchFile(b, n)
	cat := mustCatalog(b)
	maps := importBenchMappings()
	c0 := cpuTime()
	for b.Loop() {
		t, err := official.Read(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		plan, err := official.NewPlan(t, maps, cat, nil)
		if err != nil {
			b.Fatal(err)
		}
		if plan.New != n || len(plan.Problems) != 0 {
			b.Fatalf("plan: %d new, problems %q", plan.New, plan.Problems)
		}
	}
	b.ReportMetric(float64((cpuTime()-c0).Milliseconds())/float64(b.N), "cpu-ms/op")
}
