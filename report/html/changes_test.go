package html_test

import (
	"bytes"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/html"
)

// TestHTMLEditionChangesChapterSaysWhatThePDFSays: the chapter of
// changes since the frozen report takes its paragraph and table from the
// PDF's builders: the parts per kind of change and, for a verdict, the
// Kennzahl's statement instead of an empty location.
func TestHTMLEditionChangesChapterSaysWhatThePDFSays(t *testing.T) {
	e, texts := fixture(t)
	changes := &report.Changes{Year: 2024, Items: []report.ChangeItem{
		{Kind: report.VerdictChanged, KeyFigures: []string{"A-K1"},
			Old: "+ Entwicklung in Zielrichtung", New: "-- Entwicklung gegen Zielrichtung"},
		{Kind: report.ValueRevised, KeyFigures: []string{"A-K1"},
			Location: "Arbeitslose, Ausländer/innen, 2. Halbjahr 2024, Stadt Bergisch Gladbach",
			Old:      "1.210", New: "1.234", Reason: "Quelle: Bundesagentur für Arbeit"},
	}}
	var buf bytes.Buffer
	if err := html.Write(&buf, e, texts, html.Options{Changes: changes}); err != nil {
		t.Fatal(err)
	}
	root, err := xhtml.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	sec := byID(root, "aenderungen")
	if sec == nil {
		t.Fatal("no chapter aenderungen")
	}
	got := text(sec)
	kr, _ := e.KeyFigure("A-K1")
	for _, want := range []string{
		"Die Tabelle nennt 2 Änderungen, zuerst die Kennzahlen mit geänderter Bewertung.",
		"Geänderte Bewertungen", "Korrigierte Werte (größte Änderung zuerst)",
		strings.TrimSpace(kr.KeyFigure.Statement), "1.234", "Quelle: Bundesagentur für Arbeit",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("chapter lacks %q:\n%s", want, got)
		}
	}
	if groups := all(sec, is(atom.Tr)); len(groups) != 5 {
		t.Errorf("%d table rows, want header, two group rows and two changes", len(groups))
	}
}
