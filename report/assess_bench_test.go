package report_test

import (
	"testing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/demo"
)

// BenchmarkEvaluateDemo computes and assesses every Kennzahl of the
// Beispieldatei (2011–2025, as "Beispieldaten anlegen" writes it): the
// budget is about 20 ms.
func BenchmarkEvaluateDemo(b *testing.B) {
	cat := realCatalog(b)
	snap := &store.Snapshot{Catalog: cat, Values: demo.Values(cat, 2011, 2025)}
	for b.Loop() {
		if e := report.Evaluate(report.Input{Snapshot: snap, Year: 2025}); len(e.Overview) == 0 {
			b.Fatal("no Übersicht")
		}
	}
	b.ReportMetric(float64(len(snap.Values)), "values")
}
