package demo

import (
	"math"
	"slices"

	"bergischgladbach.de/integrationsmonitor/store"
)

// regionValues invents the Land's figures for the Kennzahlen the report
// compares with NRW (A-K1: Arbeitslose and Beschäftigte am Wohnort), so
// that the demo report shows a comparison region beside the Kreis, whose
// values Values already generates from the catalogue's areas. The levels
// follow the order of magnitude of the Bundesagentur's NRW tables (about
// 700.000 Arbeitslose, 6 to 7 Mio. Beschäftigte am Wohnort), the trends
// are invented.
func regionValues(cat *store.Catalog, from, to int) []store.Value {
	if !slices.ContainsFunc(cat.Areas, func(a store.Area) bool { return a.Code == "nrw" }) {
		return nil
	}
	var out []store.Value
	for _, code := range []string{"A-K1-G1", "A-K1-G2"} {
		bf, ok := cat.BaseFigureByCode(code)
		if !ok {
			continue
		}
		for _, p := range demoPeriods(bf, from, to) {
			c := nrwCount(code, p)
			for _, g := range bf.Groups {
				out = append(out, store.Value{BaseFigure: code, Period: p, Area: "nrw", Group: g, Number: c.group(g),
					Source: Source, Note: Note, Demo: true, Origin: store.DemoOrigin})
			}
		}
	}
	return out
}

// nrwCount is the Land's count of an A-K1 Grundzahl in p.
func nrwCount(code string, p store.Period) demoCount {
	t, key := demoAt(p), code+"/nrw"
	if code == "A-K1-G1" {
		n := demoLevel(key, p, 0.01, 2011, 735000, 2016, 720000, 2019, 640000, 2021, 720000, 2023, 700000, 2025, 770000)
		sA := demoCurve(t, 2011, 0.19, 2016, 0.24, 2022, 0.30, 2025, 0.32)
		if p.Kind() == store.HalfYearPeriod && math.Mod(p.Pos(), 1) >= 0.5 {
			n *= 0.97 // the second half-year's count lies below the first's
		}
		return demoSplit(n, sA, sA)
	}
	n := demoLevel(key, p, 0.002, 2011, 5900000, 2025, 7100000)
	return demoSplit(n, demoCurve(t, 2011, 0.08, 2016, 0.10, 2022, 0.14, 2025, 0.16), 0)
}
