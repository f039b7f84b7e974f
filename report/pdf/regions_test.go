package pdf_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store/testtool"
)

// The demo report compares A-K1 with the Kreis and NRW: the chart's title
// and legend name them, and negative numbers carry a true minus sign.
func TestReportShowsRegionsAndMinusSign(t *testing.T) {
	data, _ := pdfRender(t, pdfOptions())
	path := filepath.Join(t.TempDir(), "bericht.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	text := testtool.PDFText(t, path)
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"Arbeitslosenindex: Ausländer/innen, Deutsche, Kreis und NRW, 2011–2025",
		"Rheinisch-Bergischer Kreis (Ausländer/innen)",
		"Nordrhein-Westfalen (Ausländer/innen)",
		"Wahlbeteiligung bei der Integrationsratswahl, 2014–2025",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if !strings.Contains(text, "\u2212") {
		t.Errorf("report has no minus sign (U+2212)")
	}
	if strings.Contains(flat, "Kennzahl A-K1 (Beispieldaten)") {
		t.Errorf("chart title still names the code instead of what is shown")
	}
}
