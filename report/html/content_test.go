package html_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/html"
	"bergischgladbach.de/integrationsmonitor/store"
)

// bodyText is the text a reader of the edition sees, with the
// attributes a screen reader reads (aria-label).
func bodyText(tb testing.TB, out []byte) string {
	tb.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(out))
	if err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	for n := range doc.Descendants() {
		switch n.Type {
		case xhtml.TextNode:
			b.WriteString(n.Data)
		case xhtml.ElementNode:
			for _, a := range n.Attr {
				b.WriteString(" " + a.Val + " ")
			}
		}
	}
	return b.String()
}

// Issue 13's case in the HTML edition: 2 of 60 foreign fifth-graders at
// a Hauptschule in 2024/25. The count is hidden, so the share 3,3 % that
// gives it back must be printed nowhere: not in the table of values,
// nor in the chart's text alternative, the sentence or the Übersicht.
func TestHTMLEditionDoesNotGiveBackTwoOf60(t *testing.T) {
	cat, err := store.ParseCatalog(assets.Catalog)
	if err != nil {
		t.Fatal(err)
	}
	var values []store.Value
	// 9, 12 and 2 of 60 (15,0 %, 20,0 %, 3,3 %), all pupils 100 of 1.000.
	for i, n := range []float64{9, 12, 2} {
		p := store.Period(fmt.Sprintf("%d/%02d", 2022+i, 23+i))
		v := func(bf, group string, n float64) store.Value {
			return store.Value{BaseFigure: bf, Period: p, Area: "stadt", Group: group, Number: n}
		}
		values = append(values, v("B-K2-G1", "auslaender", 60), v("B-K2-G2", "auslaender", n),
			v("B-K2-G1", "insgesamt", 1000), v("B-K2-G2", "insgesamt", 100))
	}
	e := report.Evaluate(report.Input{Snapshot: &store.Snapshot{Catalog: cat, Values: values, ReportYear: year}, Year: year})
	kr, ok := e.KeyFigure("B-K2")
	if !ok || len(kr.Series) == 0 || len(kr.Series[0].Points) != 3 || !kr.Series[0].Points[2].OK {
		t.Fatalf("B-K2 not computed as the case needs: %+v", kr)
	}
	var buf bytes.Buffer
	if err := html.Write(&buf, e, &store.ReportTexts{ReportYear: year}, html.Options{}); err != nil {
		t.Fatal(err)
	}
	text := bodyText(t, buf.Bytes())
	for _, leak := range []string{"3,3", "3,33", "58"} {
		if strings.Contains(text, leak) {
			i := strings.Index(text, leak)
			t.Errorf("the edition prints %q, which gives the hidden 2 back: …%s…", leak, text[max(0, i-120):min(len(text), i+40)])
		}
	}
	if !strings.Contains(text, "20,0") {
		t.Error("the published share of 2023/24 is missing: the case tests nothing")
	}
}

// The demo edition presents what the PDF presents (issue 14): the key
// messages, her Einordnung, the Übersicht with reference and both
// changes, the state of the Wirkungsindikatoren, the Impressum and the
// annex with the concept's wording, Geheimhaltung and Zuständigkeiten.
func TestHTMLEditionHasThePDFsContent(t *testing.T) {
	out := write(t)
	doc, err := xhtml.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	all_ := text(doc)
	for _, want := range []string{
		"Das Wichtigste in Kürze",
		"aus den Bewertungen der Kennzahlen zusammengestellt",
		"Einordnung",
		"Die Wahlbeteiligung sank wie in den meisten Städten Nordrhein-Westfalens",
		"Herausgeber", "Kontakt", "Integrationsbüro der Stadt Bergisch Gladbach (Beispieladresse)",
		"Konzept 2011/12", "Wortlaut 2011/12",
		"Geheimhaltung", "sekundäre Sperrung",
		"Zuständigkeiten",
		"Methodische Hinweise",
		"Operationalisierung des Migrationshintergrunds",
	} {
		if !strings.Contains(all_, want) {
			t.Errorf("the edition lacks %q", want)
		}
	}
	var overview, states *xhtml.Node
	for _, tb := range all(doc, is(atom.Table)) {
		switch c := text(all(tb, is(atom.Caption))[0]); c {
		case "Übersicht der Kennzahlen":
			overview = tb
		case "Wirkungsindikatoren":
			states = tb
		}
	}
	if overview == nil {
		t.Fatal("no Übersicht")
	}
	head := strings.Join(mapText(all(all(overview, is(atom.Thead))[0], is(atom.Th))), "|")
	for _, col := range []string{"Gemessen", "Letzter Wert", "Referenz", "Veränderung seit Vorjahresbericht", "Veränderung seit Beginn", "Bewertung"} {
		if !strings.Contains(head, col) {
			t.Errorf("the Übersicht has no column %q: %s", col, head)
		}
	}
	if states == nil || !strings.Contains(text(states), "Bericht liegt vor") {
		t.Error("no table of the Wirkungsindikatoren with their state")
	}
	// Order of the PDF: summary before the Einleitung, the Übersicht
	// before the first Handlungsfeld, the annex last.
	order := []string{"Das Wichtigste in Kürze", "Einleitung", "Übersicht der Kennzahlen", "Handlungsfeld A:", "Anhang", "Konzept 2011/12"}
	main := text(all(doc, is(atom.Main))[0])
	at := 0
	for _, s := range order {
		i := strings.Index(main[at:], s)
		if i < 0 {
			t.Errorf("%q not after the one before it", s)
			continue
		}
		at += i
	}
}

// A report of an empty file is an Entwurf and says so at its top, with
// what is missing.
func TestHTMLEditionOfAnEmptyFileIsADraft(t *testing.T) {
	cat, err := store.ParseCatalog(assets.Catalog)
	if err != nil {
		t.Fatal(err)
	}
	e := report.Evaluate(report.Input{Snapshot: &store.Snapshot{Catalog: cat}, Year: year})
	var buf bytes.Buffer
	if err := html.Write(&buf, e, nil, html.Options{}); err != nil {
		t.Fatal(err)
	}
	doc, err := xhtml.Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	header := text(all(doc, is(atom.Header))[0])
	if !strings.Contains(header, "Entwurf") || !strings.Contains(header, fmt.Sprintf("Für %d fehlt noch", year)) {
		t.Errorf("the header does not mark the Entwurf: %q", header)
	}
	if !strings.Contains(header, "noch keine Werte erfasst") {
		t.Errorf("the header gives a Stand although nothing was entered: %q", header)
	}
	if !strings.Contains(text(doc), "Noch keine Werte") {
		t.Error("no \"Noch keine Werte\" block")
	}
}
