package pdf_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/pdf"
	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/demo"
)

// The report year of the fixtures and the cell that holds a small count.
const (
	pdfYear       = 2025
	pdfSmallBF    = "B-W2-G2" // Durch Elternarbeit erreichte Eltern
	pdfSmallArea  = "grundschulen"
	pdfSmallGroup = "mit_mh"
	pdfSmallValue = 2
)

var pdfCreated = time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC)

func pdfFonts() pdf.Fonts {
	return pdf.Fonts{Regular: assets.FontRegular, Bold: assets.FontBold, Italic: assets.FontItalic}
}

func pdfCatalog(tb testing.TB) *store.Catalog {
	tb.Helper()
	cat, err := store.ParseCatalog(assets.Catalog)
	if err != nil {
		tb.Fatal(err)
	}
	return cat
}

func catalogBytes() []byte { return assets.Catalog }

// pdfSnapshot is the demo file's data from the year from, with one
// school-level count set below the small-count threshold.
func pdfSnapshot(tb testing.TB, cat *store.Catalog, from int) *store.Snapshot {
	tb.Helper()
	snap, err := pdfSnapshotErr(cat, from)
	if err != nil {
		tb.Fatal(err)
	}
	return snap
}

func pdfSnapshotErr(cat *store.Catalog, from int) (*store.Snapshot, error) {
	values := demo.Values(cat, from, pdfYear)
	found := false
	for i, v := range values {
		if v.BaseFigure == pdfSmallBF && v.Area == pdfSmallArea && v.Group == pdfSmallGroup && v.Period == "2025" {
			values[i].Number, found = pdfSmallValue, true
		}
	}
	if !found {
		return nil, fmt.Errorf("no value %s %s %s 2025 among the demo values", pdfSmallBF, pdfSmallArea, pdfSmallGroup)
	}
	return &store.Snapshot{Catalog: cat, Values: values, ReportYear: pdfYear}, nil
}

func pdfPtr[T any](v T) *T { return &v }

// pdfTexts are report texts as the Geschäftsführerin would enter them,
// with umlauts, ß, €, en dash and a list of instruments.
func pdfTexts() *store.ReportTexts {
	t := &store.ReportTexts{
		ReportYear: pdfYear,
		Texts: map[string]store.IndicatorText{
			"A-W1": {Indicator: "A-W1", ReportYear: pdfYear, Text: "Die Schlüsselakteur/innen haben sich 2025 viermal im " +
				"Arbeitskreis Übergang Schule–Beruf getroffen. Für Fortbildungen standen 2.500 € zur Verfügung; " +
				"die Beteiligung lag bei 85 % der eingeladenen Stellen.\n\nÄußerst gefragt war die Sprechstunde für Zugewanderte."},
			"B-W3": {Indicator: "B-W3", ReportYear: pdfYear, Text: "Elterncafés gibt es an zwölf Grundschulen; die Kooperation mit den Moscheegemeinden wurde fortgesetzt."},
		},
		Instruments: map[string][]store.Instrument{
			"A-W1": {
				{Indicator: "A-W1", ReportYear: pdfYear, Sort: 1, Name: "Arbeitskreis Übergang Schule–Beruf",
					Description: "Vierteljährliches Treffen der Schulen, der Agentur für Arbeit, des Jobcenters und der Kammern zur Abstimmung der Angebote",
					Provider:    "Stabsstelle soziale Stadtentwicklung", Count: pdfPtr(4)},
				{Indicator: "A-W1", ReportYear: pdfYear, Sort: 2, Name: "Fortbildung „Interkulturelle Öffnung“",
					Description: "Tagesseminar für Lehrkräfte und Berufsberater/innen", Provider: "Kommunales Integrationszentrum", Count: pdfPtr(2)},
				{Indicator: "A-W1", ReportYear: pdfYear, Sort: 3, Name: "Sprechstunde für Zugewanderte",
					Description: "Offene Beratung zu Ausbildung und Anerkennung ausländischer Abschlüsse", Provider: "Jobcenter Bergisch Gladbach"},
			},
		},
		Surveys: []store.SurveyResult{
			{ReportYear: 2024, Counts: [3][5]int{{20, 14, 5, 2, 1}, {12, 15, 9, 4, 2}, {8, 14, 12, 6, 2}}, Missing: [3]int{1, 2, 3}},
			{ReportYear: 2025, Counts: [3][5]int{{24, 15, 4, 1, 0}, {15, 16, 8, 3, 1}, {10, 17, 11, 4, 1}}, Missing: [3]int{0, 1, 2}},
		},
		Migration: &store.MigrationEstimate{
			ReportYear: pdfYear, ReferenceDate: "2025-12-31", Persons: pdfPtr(33400.0), Share: pdfPtr(29.9),
			Method:     "Ableitung aus dem Melderegister (MigraPro) und dem Mikrozensus",
			Definition: "Personen, die selbst oder deren Eltern nicht mit deutscher Staatsangehörigkeit geboren wurden",
			Statement: "Die Statistikdienststelle schätzt die Zahl der Einwohnerinnen und Einwohner mit Migrationshintergrund " +
				"auf rund 33.400 Personen. Die Schätzung beruht auf den Straßen- und Haushaltsdaten des Melderegisters.",
		},
		Settings: store.ReportSettings{
			ReportYear: pdfYear,
			Foreword: "Mit diesem Bericht legt die Stabsstelle soziale Stadtentwicklung den Monitoring-Bericht für das Jahr 2025 vor.\n\n" +
				"Er zeigt die Entwicklung der Kennzahlen seit 2011 und berichtet über die Wirkungsindikatoren – " +
				"von der Sprachförderung bis zur Integrationskonferenz. Größere Änderungen gegenüber dem Vorjahr sind im Text genannt.",
		},
	}
	return t
}

func pdfOptions() pdf.Options {
	return pdf.Options{
		Author: "Stabsstelle soziale Stadtentwicklung", Created: pdfCreated,
		Fonts: pdfFonts(),
	}
}

// pdfRender writes the demo report; with REPORT_PDF_DIR set it also
// keeps a copy there to look at.
func pdfRender(tb testing.TB, opt pdf.Options) ([]byte, int) {
	tb.Helper()
	cat := pdfCatalog(tb)
	var buf bytes.Buffer
	pages, err := pdf.Write(&buf, evalOf(pdfSnapshot(tb, cat, 2011), true), pdfTexts(), opt)
	if err != nil {
		tb.Fatal(err)
	}
	if dir := os.Getenv("REPORT_PDF_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, "bericht.pdf"), buf.Bytes(), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return buf.Bytes(), pages
}

// evalOf is the evaluation a report of snap presents, for the snapshot's
// report year; nil for a nil snap.
func evalOf(snap *store.Snapshot, demo bool) *report.Evaluation {
	if snap == nil {
		return nil
	}
	return report.Evaluate(report.Input{Snapshot: snap, Texts: pdfTexts(), Year: snap.ReportYear, Demo: demo})
}
