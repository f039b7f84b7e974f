package pdf_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/pdf"
	"bergischgladbach.de/integrationsmonitor/store/testtool"
)

// TestWritePDFChangesChapter renders the demo report with a verdict
// change and a revised value since the frozen report 2024: the chapter
// follows the Übersicht, is in the contents and lists both.
func TestWritePDFChangesChapter(t *testing.T) {
	cat := pdfCatalog(t)
	bf := cat.KeyFigures()[0].BaseFigures[0]
	changes := &report.Changes{Year: 2024, Items: []report.ChangeItem{
		{Kind: report.VerdictChanged, KeyFigures: []string{"A-K1"},
			Old: "+ Entwicklung in Zielrichtung", New: "-- Entwicklung gegen Zielrichtung",
			Text: "A-K1: Bewertung im Bericht 2024: + Entwicklung in Zielrichtung – jetzt: -- Entwicklung gegen Zielrichtung."},
		{Kind: report.ValueRevised, KeyFigures: []string{"A-K1"}, BaseFigure: bf, Period: "2024-H2", Area: "stadt", Group: "auslaender",
			Location: bf.Name + ", Ausländer/innen, 2. Halbjahr 2024, Stadt Bergisch Gladbach",
			Old:      "1.210", New: "1.234", Reason: "Quelle: Bundesagentur für Arbeit, Datenstand 31.03.2025"},
	}}
	opt := pdfOptions()
	opt.Changes = changes
	var buf bytes.Buffer
	if _, err := pdf.Write(&buf, evalOf(pdfSnapshot(t, cat, 2011), true), pdfTexts(), opt); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bericht.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pages := pageTexts(t, path, true)
	entries, lastTOC := readTOC(t, pages)
	var titles []string
	at := 0
	for _, e := range entries {
		titles = append(titles, e.title)
		if e.title == "4 Änderungen seit dem Bericht 2024" {
			at = e.page
		}
	}
	i := slices.Index(titles, "4 Änderungen seit dem Bericht 2024")
	if i < 1 || titles[i-1] != "3 Übersicht der Kennzahlen" || !strings.HasPrefix(titles[i+1], "5 Handlungsfeld A") {
		t.Fatalf("contents do not list the chapter after the Übersicht:\n%s", strings.Join(titles, "\n"))
	}
	if at <= lastTOC || at > len(pages) {
		t.Fatalf("chapter on page %d of %d", at, len(pages))
	}
	// Without -layout pdftotext keeps the lines of a cell together.
	chapter := squeeze(pageTexts(t, path, false)[at-1])
	for _, s := range []string{
		"4 Änderungen seit dem Bericht 2024", "Der Bericht 2024 wurde festgeschrieben", "2 Änderungen",
		"Geänderte Bewertungen", "A-K1", cat.KeyFigures()[0].Statement,
		"+ Entwicklung in Zielrichtung", "-- Entwicklung gegen Zielrichtung",
		"Korrigierte Werte", bf.Name, "2. Halbjahr 2024", "1.210", "1.234",
		"Quelle: Bundesagentur für Arbeit, Datenstand 31.03.2025",
	} {
		if !strings.Contains(chapter, squeeze(s)) {
			t.Errorf("chapter page lacks %q:\n%s", s, pages[at-1])
		}
	}
	// The Übersicht ends where the chapter begins.
	if row := testtool.OverviewRows(t, testtool.PDFText(t, path))["A-K1"]; strings.Contains(row, "Bewertungen") || strings.Contains(row, "1.234") {
		t.Errorf("Übersicht row A-K1 runs into the chapter:\n%s", row)
	}
	// Without changes there is no chapter.
	if all := strings.Join(pageTexts(t, reportPath(t), false), "\n"); strings.Contains(all, "Änderungen seit dem Bericht") {
		t.Error("report without changes has the chapter")
	}
}
