package pdf_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/pdf"
	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/demo"
	"bergischgladbach.de/integrationsmonitor/store/testtool"
)

// A report resting on a part larger than its whole says so in its annex,
// with the Kennzahl, the Erhebungszeit and the rule; a report without
// findings has no such section.
func TestPDFAnnexListsPlausibilityFindings(t *testing.T) {
	cat := pdfCatalog(t)
	// The demo values without the fixture's small count (2 where the year
	// before had 532 is a finding of its own).
	snap := &store.Snapshot{Catalog: cat, Values: demo.Values(cat, 2011, pdfYear), ReportYear: pdfYear}
	clean := string(renderPDF(t, snap))
	if strings.Contains(clean, "Plausibilitätshinweise") {
		t.Fatal("report of plausible values has a section Plausibilitätshinweise")
	}
	var whole float64
	for _, v := range snap.Values {
		if v.BaseFigure == "A-K1-G1" && v.Period == "2024-H1" && v.Area == "stadt" && v.Group == "insgesamt" {
			whole = v.Number
		}
	}
	found := false
	for i, v := range snap.Values {
		if v.BaseFigure == "A-K1-G1" && v.Period == "2024-H1" && v.Area == "stadt" && v.Group == "auslaender" {
			snap.Values[i].Number, snap.Values[i].Symbol, found = whole+112, store.NoSymbol, true
		}
	}
	if !found || whole == 0 {
		t.Fatal("no A-K1-G1 2024-H1 values in the demo data")
	}
	text := renderPDF(t, snap)
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"Anhang", "Plausibilitätshinweise", "Die Plausibilitätsprüfung des Programms gibt zu den Werten dieses Berichts",
		"A-K1", "1. Halbjahr 2024", "Ausländer/innen",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	// The rule with both numbers, wherever pdftotext broke the cell.
	rule := strings.Join(strings.Fields(text[strings.LastIndex(text, "Plausibilitätshinweise"):]), "")
	if !strings.Contains(rule, "größeralsInsgesamt") || !strings.Contains(rule, "Insgesamt("+report.FormatAuto(whole)+")") {
		t.Errorf("annex lacks the rule with the whole %v:\n%s", whole, text[strings.LastIndex(text, "Plausibilitätshinweise"):])
	}
	// Listed in the contents as a section of the appendix, and printed.
	if strings.Count(flat, "Plausibilitätshinweise") < 2 {
		t.Errorf("Plausibilitätshinweise is not both in the contents and in the annex")
	}
}

func renderPDF(t *testing.T, snap *store.Snapshot) string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := pdf.Write(&buf, evalOf(snap, true), pdfTexts(), pdfOptions()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bericht.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return testtool.PDFText(t, path)
}
