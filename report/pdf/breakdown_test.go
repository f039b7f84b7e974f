package pdf_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/pdf"
	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/demo"
	"bergischgladbach.de/integrationsmonitor/store/testtool"
)

// sheetHeading starts a Kennzahl sheet in the report's text.
var sheetHeading = regexp.MustCompile(`(?m)^\s*[0-9.]+\s+Kennzahl ([ABC]-K[0-9]+)\b`)

// reportSheets cuts the demo report's text into its Kennzahl sheets.
func reportSheets(t *testing.T) map[string]string {
	t.Helper()
	data, _ := pdfRender(t, pdfOptions())
	path := filepath.Join(t.TempDir(), "bericht.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	text := testtool.PDFText(t, path)
	idx := sheetHeading.FindAllStringSubmatchIndex(text, -1)
	sheets := map[string]string{}
	for i, m := range idx {
		end := len(text)
		if i+1 < len(idx) {
			end = idx[i+1][0]
		}
		sheets[text[m[2]:m[3]]] += text[m[0]:end]
	}
	return sheets
}

// TestReportPrintsBreakdowns: the demo report prints C-K4's turnout per
// Stimmbezirk and Briefwahl, the Frauen/Männer table on every sheet whose
// sources publish sex, and the Abschlussarten of A-K4.
func TestReportPrintsBreakdowns(t *testing.T) {
	sheets := reportSheets(t)
	if len(sheets) < 10 {
		t.Fatalf("found %d Kennzahl sheets in the report text", len(sheets))
	}
	ck4 := sheets["C-K4"]
	for _, want := range []string{"Wahlbeteiligung nach Stimmbezirk", "Stimmbezirk 1", "Stimmbezirk 2", "Briefwahl", "Wahlschein"} {
		if !strings.Contains(ck4, want) {
			t.Errorf("C-K4 sheet lacks %q", want)
		}
	}
	for _, code := range []string{"A-K1", "A-K2", "A-K4", "B-K1", "B-K2"} {
		s := sheets[code]
		if !strings.Contains(s, "nach Geschlecht") || !regexp.MustCompile(`Insgesamt\s+Frauen\s+Männer`).MatchString(s) {
			t.Errorf("%s sheet lacks the table Insgesamt / Frauen / Männer", code)
		}
	}
	for _, code := range []string{"A-K3", "A-K5", "C-K1", "C-K4"} {
		if strings.Contains(sheets[code], "nach Geschlecht") {
			t.Errorf("%s sheet has a sex table although its sources give none", code)
		}
	}
	if !strings.Contains(sheets["A-K1"], "unter 25 Jahre") {
		t.Error("A-K1 sheet lacks the age groups")
	}
	for _, want := range []string{"ohne Hauptschulabschluss", "Fachoberschulreife", "Index: der Repräsentationsindex"} {
		if !strings.Contains(sheets["A-K4"], want) {
			t.Errorf("A-K4 sheet lacks %q", want)
		}
	}
}

// TestBreakdownTurnoutAddsUp: the turnout printed for the city is the
// voters of the parts over their eligible, so the parts are not counted
// twice.
func TestBreakdownTurnoutAddsUp(t *testing.T) {
	e := evalOf(pdfSnapshot(t, pdfCatalog(t), 2011), true)
	var district *report.Breakdown
	for _, b := range e.Breakdowns("C-K4") {
		if b.Kind == report.BreakdownDistrict {
			district = &b
		}
	}
	if district == nil || len(district.Columns) != 4 {
		t.Fatalf("C-K4 district breakdown = %+v", district)
	}
	last := district.Rows[len(district.Rows)-1]
	city := last.Cells[3].Point.Value
	parts := []float64{last.Cells[0].Point.Value, last.Cells[1].Point.Value, last.Cells[2].Point.Value}
	if !(parts[0] < city && parts[1] < city && parts[2] > city) {
		t.Errorf("turnout Stimmbezirke %v, Briefwahl %v, city %v: urns below, postal above the city expected", parts[0:2], parts[2], city)
	}
}

// TestReportPrintsSchools: a Beispieldatei has a school list; the B-K1
// sheet prints the per-school table ending with the city as their sum.
func TestReportPrintsSchools(t *testing.T) {
	ctx := context.Background()
	s, err := store.Create(ctx, filepath.Join(t.TempDir(), "demo.sqlite"), pdfCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := demo.Add(ctx, s, 2020, pdfYear); err != nil {
		t.Fatal(err)
	}
	snap, err := s.Snapshot(ctx, pdfYear)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := pdf.Write(&buf, evalOf(snap, true), pdfTexts(), pdfOptions()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bericht.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	text := testtool.PDFText(t, path)
	i := strings.Index(text, "Werte je Schule")
	if i < 0 {
		t.Fatal("no per-school table in the report")
	}
	table := text[i:min(len(text), i+3000)]
	for _, want := range []string{"Beispiel-Gymnasium Nord", "Beispiel-Hauptschule", "Stadt (Summe der Schulen)"} {
		if !strings.Contains(table, want) {
			t.Errorf("per-school table lacks %q", want)
		}
	}
}
