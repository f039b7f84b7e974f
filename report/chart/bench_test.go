package chart_test

import (
	"testing"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/chart"
	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/demo"
)

// BenchmarkRenderAllCharts computes every Kennzahl of the demo data and
// renders its chart as the window does (800×400 PNG).
func BenchmarkRenderAllCharts(b *testing.B) {
	cat, err := store.ParseCatalog(assets.Catalog)
	if err != nil {
		b.Fatal(err)
	}
	snap := &store.Snapshot{Catalog: cat, Values: demo.Values(cat, 2011, 2025), ReportYear: 2025}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, r := range report.ComputeAll(snap) {
			if _, err := chart.PNG(chart.SpecFor(r, true), 800, 400); err != nil {
				b.Fatal(err)
			}
		}
	}
}
