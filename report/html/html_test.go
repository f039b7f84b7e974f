package html_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/html"
	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/demo"
)

const year = 2025

// secret is a confidential value of the fixture: the edition must not
// print it anywhere, in a table or a chart's text alternative.
const secret = 98765

func fixture(tb testing.TB) (*report.Evaluation, *store.ReportTexts) {
	tb.Helper()
	cat, err := store.ParseCatalog(assets.Catalog)
	if err != nil {
		tb.Fatal(err)
	}
	values := demo.Values(cat, 2011, year)
	small, hidden := false, false
	for i, v := range values {
		switch {
		case v.BaseFigure == "B-W2-G2" && v.Area == "grundschulen" && v.Group == "mit_mh" && v.Period == "2025":
			values[i].Number, small = 2, true
		case v.BaseFigure == "A-K1-G1" && v.Area == "stadt" && v.Group == "insgesamt" && v.Period == "2025-H1":
			values[i].Number, values[i].Confidential, hidden = secret, true, true
		}
	}
	if !small || !hidden {
		tb.Fatal("fixture values not found among the demo values")
	}
	texts := &store.ReportTexts{
		ReportYear: year,
		Texts:      map[string]store.IndicatorText{"A-W1": {Indicator: "A-W1", ReportYear: year, Text: "Arbeitskreis <Schule & Beruf> tagte viermal."}},
		// Her Einordnung and Kontakt as the demo file has them.
		Own: store.OwnTexts{
			Commentary: map[string]string{"C-K4": "Die Wahlbeteiligung sank wie in den meisten Städten Nordrhein-Westfalens; der Integrationsrat plant eine Wahlkampagne."},
			Contact:    "Integrationsbüro der Stadt Bergisch Gladbach (Beispieladresse)",
		},
		Surveys: []store.SurveyResult{
			{ReportYear: 2024, Counts: [3][5]int{{20, 14, 5, 2, 1}, {12, 15, 9, 4, 2}, {8, 14, 12, 6, 2}}, Missing: [3]int{1, 2, 3}},
			{ReportYear: 2025, Counts: [3][5]int{{24, 15, 4, 1, 0}, {15, 16, 8, 3, 1}, {10, 17, 11, 4, 1}}, Missing: [3]int{0, 1, 2}},
		},
	}
	snap := &store.Snapshot{Catalog: cat, Values: values, ReportYear: year}
	return report.Evaluate(report.Input{Snapshot: snap, Texts: texts, Year: year, Demo: true}), texts
}

func write(tb testing.TB) []byte {
	tb.Helper()
	e, texts := fixture(tb)
	var buf bytes.Buffer
	opt := html.Options{Author: "Stabsstelle soziale Stadtentwicklung", Created: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
	if err := html.Write(&buf, e, texts, opt); err != nil {
		tb.Fatal(err)
	}
	if dir := os.Getenv("REPORT_HTML_DIR"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, "bericht.html"), buf.Bytes(), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return buf.Bytes()
}

// all returns every element below n that match says yes to.
func all(n *xhtml.Node, match func(*xhtml.Node) bool) []*xhtml.Node {
	var out []*xhtml.Node
	for c := range n.Descendants() {
		if c.Type == xhtml.ElementNode && match(c) {
			out = append(out, c)
		}
	}
	return out
}

func is(a atom.Atom) func(*xhtml.Node) bool {
	return func(n *xhtml.Node) bool { return n.DataAtom == a }
}

func attr(n *xhtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func text(n *xhtml.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == xhtml.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

func byID(root *xhtml.Node, id string) *xhtml.Node {
	found := all(root, func(n *xhtml.Node) bool { v, _ := attr(n, "id"); return v == id })
	if len(found) != 1 {
		return nil
	}
	return found[0]
}

// The edition is what the city may publish (BITV 2.0): language, one h1,
// chapters as h2 and sections as h3, tables with captions and header
// cells, every chart an image with a name and a text alternative that
// states its numbers, and nothing loaded from elsewhere.
func TestHTMLEditionIsAccessible(t *testing.T) {
	doc, err := xhtml.Parse(bytes.NewReader(write(t)))
	if err != nil {
		t.Fatal(err)
	}
	root := all(doc, is(atom.Html))
	if len(root) != 1 {
		t.Fatalf("%d html elements", len(root))
	}
	if lang, _ := attr(root[0], "lang"); lang != "de" {
		t.Errorf("lang = %q, want de", lang)
	}
	if n := len(all(doc, is(atom.H1))); n != 1 {
		t.Errorf("%d h1, want exactly one", n)
	}
	if n := len(all(doc, is(atom.H2))); n < 8 {
		t.Errorf("%d h2, want a chapter heading each", n)
	}
	h3 := all(doc, is(atom.H3))
	if !strings.Contains(strings.Join(mapText(h3), "\n"), "Kennzahl A-K1:") {
		t.Errorf("no h3 for Kennzahl A-K1 among %q", mapText(h3))
	}

	tables := all(doc, is(atom.Table))
	if len(tables) < 30 {
		t.Errorf("only %d tables", len(tables))
	}
	for i, tb := range tables {
		if len(all(tb, is(atom.Th))) == 0 {
			t.Errorf("table %d has no header cell", i)
		}
		if len(all(tb, is(atom.Caption))) != 1 {
			t.Errorf("table %d (%.60q) has no caption", i, text(tb))
		}
		for _, th := range all(tb, is(atom.Th)) {
			if _, ok := attr(th, "scope"); !ok {
				t.Errorf("table %d: header cell %q without scope", i, text(th))
			}
		}
	}

	svgs := all(doc, func(n *xhtml.Node) bool { return n.Data == "svg" })
	if len(svgs) != 15 {
		t.Errorf("%d charts, want 14 Kennzahlen and the survey", len(svgs))
	}
	// A period followed by its value ("2011 28,1 %", "2014 12,3 %",
	// "2011/12 −19,6 Pp.") or a survey category's share ("wichtig 55 %").
	number := regexp.MustCompile(`\d[\d/]* −?\d+(,\d+)?|\pL \d+\x{a0}%`)
	for i, s := range svgs {
		role, _ := attr(s, "role")
		label, _ := attr(s, "aria-label")
		titles := all(s, func(n *xhtml.Node) bool { return n.Data == "title" })
		if role != "img" || label == "" || len(titles) != 1 || text(titles[0]) != label {
			t.Errorf("chart %d: role %q, aria-label %q, %d titles", i, role, label, len(titles))
		}
		desc, _ := attr(s, "aria-describedby")
		alt := byID(doc, desc)
		if alt == nil {
			t.Errorf("chart %d (%s): no text alternative %q", i, label, desc)
			continue
		}
		if alt.DataAtom != atom.Figcaption || !number.MatchString(text(alt)) {
			t.Errorf("chart %d (%s): text alternative states no numbers: %.200q", i, label, text(alt))
		}
	}
	ak1 := byID(doc, "chart-A-K1-d")
	if ak1 == nil || !strings.Contains(text(ak1), "Vergleich Rheinisch-Bergischer Kreis (Ausländer/innen): 1. Halbjahr 2011 ") {
		t.Errorf("A-K1's text alternative does not list the Kreis's values")
	}

	for _, n := range all(doc, func(*xhtml.Node) bool { return true }) {
		switch n.DataAtom {
		case atom.Script, atom.Link, atom.Img, atom.Iframe, atom.Object, atom.Embed:
			t.Errorf("element <%s> loads or runs something", n.Data)
		}
		for _, a := range n.Attr {
			switch a.Key {
			case "src", "srcset", "xlink:href", "action":
				t.Errorf("<%s %s=%q>", n.Data, a.Key, a.Val)
			case "href":
				if !strings.HasPrefix(a.Val, "#") {
					t.Errorf("<%s href=%q> leaves the file", n.Data, a.Val)
				}
			}
		}
		if n.DataAtom == atom.Style && (strings.Contains(text(n), "url(") || strings.Contains(text(n), "@import")) {
			t.Errorf("style loads a resource")
		}
	}
	// The stored text's markup characters are text, not markup.
	if body := all(doc, is(atom.Body))[0]; !strings.Contains(text(body), "Arbeitskreis <Schule & Beruf> tagte viermal.") {
		t.Errorf("the report text lost its angle brackets or ampersand")
	}
}

func mapText(ns []*xhtml.Node) []string {
	var out []string
	for _, n := range ns {
		out = append(out, text(n))
	}
	return out
}

// A confidential value and a small count are hidden as in the PDF: the
// confidential number appears nowhere, the count of 2 reached parents
// prints as ".".
func TestHTMLEditionHidesWhatThePDFHides(t *testing.T) {
	out := write(t)
	for _, s := range []string{"98.765", "98765"} {
		if bytes.Contains(out, []byte(s)) {
			t.Errorf("the confidential value %s is printed", s)
		}
	}
	doc, err := xhtml.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var cells []string
	for _, tb := range all(doc, is(atom.Table)) {
		if !strings.Contains(text(tb), "Erreichte Eltern") {
			continue
		}
		for _, tr := range all(tb, is(atom.Tr)) {
			if th := all(tr, is(atom.Th)); len(th) > 0 && text(th[0]) == "Grundschulen (alle)" {
				cells = mapText(all(tr, is(atom.Td)))
			}
		}
		break
	}
	if len(cells) < 3 {
		t.Fatalf("row of the Grundschulen: %q", cells)
	}
	if cells[1] != "." {
		t.Errorf("reached parents at the Grundschulen print as %q, want \".\"", cells[1])
	}
	// The rate per 100 families times the families would give the hidden
	// count back, so it is hidden too (secondary suppression, as in the PDF).
	if cells[2] != "." {
		t.Errorf("the rate per 100 families prints as %q, want \".\"", cells[2])
	}
}

func BenchmarkWriteHTML(b *testing.B) {
	e, texts := fixture(b)
	for b.Loop() {
		var buf bytes.Buffer
		if err := html.Write(&buf, e, texts, html.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// A file without values still gives a complete edition: as in the PDF,
// every Kennzahl has a "Noch keine Werte" block instead of an empty chart
// (issue 14; the edition used to draw 14 empty charts).
func TestHTMLEditionOfAnEmptyFile(t *testing.T) {
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
	if n := len(all(doc, is(atom.H1))); n != 1 {
		t.Errorf("%d h1", n)
	}
	if svgs := all(doc, func(n *xhtml.Node) bool { return n.Data == "svg" }); len(svgs) != 0 {
		t.Errorf("%d charts of no values", len(svgs))
	}
	blocks := all(doc, func(n *xhtml.Node) bool { c, _ := attr(n, "class"); return c == "novalues" })
	if len(blocks) != 14 {
		t.Errorf("%d \"Noch keine Werte\" blocks, want one per Kennzahl", len(blocks))
	}
	for _, b := range blocks {
		if !strings.Contains(text(b), "Noch keine Werte") || !strings.Contains(text(b), "keine Werte vor") {
			t.Errorf("block %q", text(b))
		}
	}
	if strings.Contains(text(doc), "Beispieldaten") {
		t.Errorf("an empty file is marked as Beispieldaten")
	}
}
