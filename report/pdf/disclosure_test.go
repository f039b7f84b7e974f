package pdf_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/pdf"
	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/testtool"
)

// managersSnapshot holds issue 13's case: 2 of 127 employees at the
// Führungsebene of the Stadtverwaltung have a Migrationshintergrund
// (A-W2), next to the Sachbearbeitung and the population the shares are
// compared with.
func managersSnapshot(tb testing.TB) *store.Snapshot {
	v := func(bf, period, area, group string, n float64) store.Value {
		return store.Value{BaseFigure: bf, Period: store.Period(period), Area: area, Group: group, Number: n}
	}
	return &store.Snapshot{Catalog: pdfCatalog(tb), ReportYear: pdfYear, Values: []store.Value{
		v("A-W2-G1", "2025", "verwaltung_fuehrung", "insgesamt", 127),
		v("A-W2-G1", "2025", "verwaltung_fuehrung", "mit_mh", 2),
		v("A-W2-G1", "2024", "verwaltung_fuehrung", "insgesamt", 126),
		v("A-W2-G1", "2024", "verwaltung_fuehrung", "mit_mh", 2),
		v("A-W2-G1", "2025", "verwaltung_sachbearbeitung", "insgesamt", 840),
		v("A-W2-G1", "2025", "verwaltung_sachbearbeitung", "mit_mh", 151),
		v("BEV1565", "2025-12-31", "stadt", "insgesamt", 72000),
		v("BEV1565", "2025-12-31", "stadt", "mit_mh", 21600),
	}}
}

// TestPDFDoesNotGiveBackTwoOf127 is the done-when of issue 13: neither
// the count nor the share that gave it back (2 / 127 = 1,6 %) nor a
// complement is printed; the total and the comparison stay.
func TestPDFDoesNotGiveBackTwoOf127(t *testing.T) {
	e := report.Evaluate(report.Input{Snapshot: managersSnapshot(t), Year: pdfYear})
	path := filepath.Join(t.TempDir(), "bericht.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pdf.Write(f, e, &store.ReportTexts{ReportYear: pdfYear}, pdfOptions()); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	text := testtool.PDFText(t, path)
	// The area's name wraps after "Stadtverwaltung:".
	var row []string
	lines := strings.Split(text, "\n")
	for i, line := range lines[:len(lines)-1] {
		if strings.HasPrefix(strings.TrimSpace(lines[i+1]), "Führungsebene") {
			row = regexp.MustCompile(`\s{2,}`).Split(strings.TrimSpace(line), -1)
			break
		}
	}
	// Bezirk, Insgesamt, mit MH, Anteil 2025, Vergleich, Index, Anteil 2024.
	want := []string{"Stadtverwaltung:", "127", ".", ".", "30,0 %", ".", "."}
	if strings.Join(row, "|") != strings.Join(want, "|") {
		t.Errorf("row of the Führungsebene = %q, want %q", row, want)
	}
	for _, leak := range []string{"1,6 %", "1,6", "125", "0,05"} {
		if strings.Contains(text, leak) {
			t.Errorf("the report prints %q, which gives the hidden 2 back", leak)
		}
	}
	if !strings.Contains(text, "zur Wahrung der Geheimhaltung gesperrt") {
		t.Error("no note explains the \".\"")
	}
	if strings.Contains(text, "keine Personenzahl verraten") || strings.Contains(text, "keine Personenzahl verrät") {
		t.Error("the report still claims that shares reveal no count")
	}
	if !strings.Contains(text, "sekundäre Sperrung") {
		t.Error("the annex does not explain secondary suppression")
	}
	// The window is internal: it has the 2 and says why the report hides it.
	pt := e.Participation["A-W2"][0]
	r, _ := pt.At("verwaltung_fuehrung", "2025")
	if r.Shown.WithMH.Text != "2" || !r.Shown.WithMH.Hidden || r.Shown.Share.Text != "1,6\u00a0%" || !r.Shown.Share.Hidden {
		t.Errorf("window cells %+v", r.Shown)
	}
}
