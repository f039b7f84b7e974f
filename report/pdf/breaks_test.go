package pdf_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/report/pdf"
	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/testtool"
)

// A break inside the table of a Kennzahl is marked "|" at the first period
// after it, with its reason as a footnote.
func TestReportTableMarksBreak(t *testing.T) {
	cat := pdfCatalog(t)
	snap := pdfSnapshot(t, cat, 2011)
	// The census re-basing reaches every population figure: A-K2 reads the
	// population aged 15 to under 65, C-K3 the adults, A-K4 the young.
	for _, bev := range []string{"BEV", "BEV1565", "BEV18", "BEV1525"} {
		snap.Breaks = append(snap.Breaks, store.SeriesBreak{BaseFigure: bev, Period: "2023", Reason: "Bevölkerung ab 2023 auf Basis des Zensus 2022", Origin: store.BreakImport})
	}
	path := filepath.Join(t.TempDir(), "bericht.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pdf.Write(f, evalOf(snap, true), pdfTexts(), pdfOptions()); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	text := testtool.PDFText(t, path)
	// C-K3 (Stichtage), A-K2 and A-K4 (years) read the population; A-K1 does not.
	if !regexp.MustCompile(`(?m)^\| 31\.12\.2023 +[0-9]`).MatchString(text) || !regexp.MustCompile(`(?m)^\| 2023 +[0-9]`).MatchString(text) {
		t.Error("no table rows \"| 31.12.2023\" (C-K3) and \"| 2023\" (A-K2, A-K4) in the report")
	}
	if !strings.Contains(text, "| Zeitreihenbruch ab 2023: Bevölkerung ab 2023 auf Basis des Zensus 2022.") {
		t.Error("report lacks the footnote of the break")
	}
	// A-K2's table of Grundzahlen holds the population it compares with:
	// its row of 2023 carries the mark, and the table the reason.
	_, grid, ok := strings.Cut(text, "Grundzahlen – Gebiet der Hauptagentur")
	grid, _, _ = strings.Cut(grid, "Zielrichtung")
	if !ok || !regexp.MustCompile(`(?m)^\| 2023( +[0-9.]+){5}$`).MatchString(grid) ||
		!strings.Contains(grid, "| Zeitreihenbruch ab 2023: Bevölkerung ab 2023 auf Basis des Zensus 2022.") {
		t.Errorf("A-K2's table of Grundzahlen lacks the mark \"| 2023\" or its footnote:\n%s", grid)
	}
	if strings.Contains(text, "| 1. Halbjahr 2023") || !strings.Contains(text, "1. Halbjahr 2023") {
		t.Error("A-K1, which does not read the population, is marked too")
	}
}
