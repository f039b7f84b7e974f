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
	snap.Breaks = []store.SeriesBreak{{BaseFigure: "BEV", Period: "2023", Reason: "Bevölkerung ab 2023 auf Basis des Zensus 2022", Origin: store.BreakImport}}
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
	// A-K4 and C-K3 read the population; A-K1 does not.
	if !regexp.MustCompile(`(?m)^\| 31\.12\.2023 +[0-9]`).MatchString(text) || !regexp.MustCompile(`(?m)^\| 2023 +[0-9]`).MatchString(text) {
		t.Error("no table rows \"| 31.12.2023\" (A-K4) and \"| 2023\" (C-K3) in the report")
	}
	if !strings.Contains(text, "| Zeitreihenbruch ab 2023: Bevölkerung ab 2023 auf Basis des Zensus 2022.") {
		t.Error("report lacks the footnote of the break")
	}
	if strings.Contains(text, "| 1. Halbjahr 2023") || !strings.Contains(text, "1. Halbjahr 2023") {
		t.Error("A-K1, which does not read the population, is marked too")
	}
}
