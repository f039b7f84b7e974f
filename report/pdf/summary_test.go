package pdf_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/pdf"
	"bergischgladbach.de/integrationsmonitor/store"
)

// summaryPages writes the demo report with texts and returns its pages.
func summaryPages(t *testing.T, texts *store.ReportTexts) []string {
	t.Helper()
	snap := pdfSnapshot(t, pdfCatalog(t), 2011)
	e := report.Evaluate(report.Input{Snapshot: snap, Texts: texts, Year: pdfYear, Demo: true})
	var buf bytes.Buffer
	if _, err := pdf.Write(&buf, e, texts, pdfOptions()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "b.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return pageTexts(t, path, false)
}

// The demo report opens with "Das Wichtigste in Kürze" (issue 14) and
// prints no sentence of 2011/12 as current: those stand in the annex
// "Konzept 2011/12" only.
func TestDemoReportSummaryAndCurrentTexts(t *testing.T) {
	pages := summaryPages(t, pdfTexts())
	found := -1
	for i, p := range pages[:min(5, len(pages))] {
		if strings.Contains(p, "Das Wichtigste in Kürze\n") && strings.Contains(p, "Kennzahl ") {
			found = i
		}
	}
	if found < 0 {
		t.Fatal("no page \"Das Wichtigste in Kürze\" among the first five")
	}
	if !strings.Contains(pages[found], "aus den Bewertungen der Kennzahlen zusammengestellt") {
		t.Error("the drafted key messages are not marked as a draft")
	}
	annex := -1
	for i, p := range pages {
		if strings.Contains(p, "Konzept 2011/12\n") && strings.Contains(p, "Wortlaut 2011/12") {
			annex = i
		}
	}
	if annex < 0 {
		t.Fatal("no annex Konzept 2011/12")
	}
	stale := regexp.MustCompile(`Voraussichtlich im Juni 2012|Sommer 2012|Workshopreihe|\(Abschnitt 3\.4\)|Ab 2013 werden`)
	for i, p := range pages {
		if i >= annex-1 {
			break // the annex, which may begin at the foot of the page before
		}
		if m := stale.FindString(p); m != "" {
			t.Errorf("page %d prints %q as current", i+1, m)
		}
	}
	if !stale.MatchString(strings.Join(pages[annex-1:], "\n")) {
		t.Error("the annex does not keep the concept's wording")
	}
}

// Her key messages replace the draft unmarked; her Einordnung and a note
// she kept in its old wording are printed.
func TestOwnKeyMessagesAndEinordnung(t *testing.T) {
	texts := pdfTexts()
	texts.Own = store.OwnTexts{
		KeyMessages: "– Die Integration in den Arbeitsmarkt kommt voran.\n– Die Wahlbeteiligung bleibt niedrig.",
		Commentary:  map[string]string{"A-K3": "Die Kammern haben mehr Stellen gemeldet."},
		Contact:     "Integrationsbüro, Tel. 02202 14-0",
	}
	texts.Notes = map[string]string{store.NoteKey("A-K3", store.NoteRemarks): "Voraussichtlich im Juni 2012 werden ergänzende Daten vorliegen."}
	pages := summaryPages(t, texts)
	all := strings.Join(pages, "\n")
	for _, want := range []string{"Die Integration in den Arbeitsmarkt kommt voran.", "Einordnung", "Die Kammern haben mehr Stellen gemeldet.",
		"Voraussichtlich im Juni 2012 werden ergänzende Daten vorliegen.", "Integrationsbüro, Tel. 02202 14-0"} {
		if !strings.Contains(all, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if strings.Contains(all, "aus den Bewertungen der Kennzahlen zusammengestellt") {
		t.Error("her key messages are marked as a draft")
	}
	if !strings.Contains(pages[0], "Integrationsbüro, Tel. 02202 14-0") {
		t.Error("the Impressum is not on the title page")
	}
}
