package pdf_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/pdf"
	"bergischgladbach.de/integrationsmonitor/store"
)

// schoolCatalog is the catalogue with 30 schools as further areas of the
// school-level Grundzahlen, as a large town's file would have.
func schoolCatalog(tb testing.TB) *store.Catalog {
	cat := pdfCatalog(tb)
	var schools []string
	for i := 1; i <= 30; i++ {
		code := fmt.Sprintf("schule%02d", i)
		schools = append(schools, code)
		cat.Areas = append(cat.Areas, store.Area{Code: code, Name: fmt.Sprintf("Schule %d", i), Kind: "schule"})
	}
	for fi := range cat.Fields {
		for wi := range cat.Fields[fi].Indicators {
			bfs := cat.Fields[fi].Indicators[wi].BaseFigures
			for bi := range bfs {
				if slices.Contains(bfs[bi].Areas, "grundschulen") {
					bfs[bi].Areas = append(slices.Clone(bfs[bi].Areas), schools...)
				}
			}
		}
	}
	if err := cat.Validate(); err != nil {
		tb.Fatal(err)
	}
	return cat
}

// BenchmarkWritePDF writes the demo report, and one on ten times the
// values: 30 schools and the years from 1970. The cost should follow the
// number of charts and table rows, not the number of stored values.
func BenchmarkWritePDF(b *testing.B) {
	small := pdfCatalog(b)
	for _, bc := range []struct {
		name string
		snap *store.Snapshot
	}{
		{"demo", pdfSnapshot(b, small, 2011)},
		{"10x", pdfSnapshot(b, schoolCatalog(b), 1970)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			texts := pdfTexts()
			pages := 0
			for b.Loop() {
				// The evaluation is part of making a report.
				e := report.Evaluate(report.Input{Snapshot: bc.snap, Texts: texts, Year: pdfYear, Demo: true})
				n, err := pdf.Write(io.Discard, e, texts, pdfOptions())
				if err != nil {
					b.Fatal(err)
				}
				pages = n
			}
			if dir := os.Getenv("REPORT_PDF_DIR"); dir != "" {
				f, err := os.Create(filepath.Join(dir, "bericht-"+bc.name+".pdf"))
				if err != nil {
					b.Fatal(err)
				}
				defer f.Close()
				if _, err := pdf.Write(f, evalOf(bc.snap, true), texts, pdfOptions()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(pages), "pages")
			b.ReportMetric(float64(len(bc.snap.Values)), "values")
		})
	}
}
