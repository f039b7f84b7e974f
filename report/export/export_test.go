package export_test

import (
	"bytes"
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/export"
	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/demo"
)

// exportSnapshot holds a shared Grundzahl (Beispieldaten with a formula-like
// note), A-K1 with a symbol and decimals, and a confidential value of a
// Wirkungsindikator.
func exportSnapshot(t testing.TB, demo bool) *store.Snapshot {
	v := func(bf, period, area, group string, n float64) store.Value {
		return store.Value{BaseFigure: bf, Period: store.Period(period), Area: area, Group: group, Number: n}
	}
	bev := v("BEV", "2016-12-31", "stadt", "insgesamt", 111000)
	bev.Demo, bev.Note = demo, `=HYPERLINK("http://example.org")`
	unemployed := v("A-K1-G1", "2016-H2", "stadt", "auslaender", 1000)
	unemployed.Provisional, unemployed.AsOf, unemployed.Source = true, "2017-01-31", "Bundesagentur für Arbeit"
	secret := v("A-W2-G2", "2016", "stadt", "mit_mh", 17)
	secret.Confidential = true
	vals := []store.Value{
		secret,
		v("A-K1-G2", "2016-H2", "stadt", "insgesamt", 1234.5),
		v("A-K1-G2", "2016-H2", "stadt", "auslaender", 7000),
		// Insgesamt of the Arbeitslose is "." (secret), so Deutsche goes
		// with it: Deutsche + Ausländer/innen would give it back.
		v("A-K1-G2", "2016-H2", "stadt", "deutsche", 35),
		unemployed,
		v("A-K1-G1", "2016-H2", "stadt", "deutsche", 5),
		{BaseFigure: "A-K1-G1", Period: "2016-H2", Area: "stadt", Group: "insgesamt", Symbol: store.SymUnknown},
		bev,
	}
	return &store.Snapshot{Catalog: realCatalog(t), Values: vals, ReportYear: 2016}
}

// readCSV checks the German Excel form of an export and parses it.
func readCSV(t *testing.T, write func(io.Writer, *report.Evaluation) error, snap *store.Snapshot) [][]string {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, evalOf(snap)); err != nil {
		t.Fatal(err)
	}
	raw := buf.String()
	body, ok := strings.CutPrefix(raw, "\ufeff")
	if !ok {
		t.Fatalf("no byte order mark: %q", raw[:min(len(raw), 20)])
	}
	if n, crlf := strings.Count(raw, "\n"), strings.Count(raw, "\r\n"); n == 0 || n != crlf {
		t.Errorf("%d line ends, %d of them CRLF", n, crlf)
	}
	r := csv.NewReader(strings.NewReader(body))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return recs
}

func TestWriteCSV(t *testing.T) {
	recs := readCSV(t, export.WriteCSV, exportSnapshot(t, true))
	if !slices.Equal(recs[0], export.ValueColumns) {
		t.Fatalf("header = %q", recs[0])
	}
	const city = "Stadt Bergisch Gladbach"
	want := [][]string{
		{"", "", "BEV", "Bevölkerung (Einwohnerinnen und Einwohner)", "31.12.2016", city, "Insgesamt", "111000", "", "nein", "nein", "", "", `'=HYPERLINK("http://example.org")`, "ja"},
		{"A", "A-K1", "A-K1-G1", "Arbeitslose", "2. Halbjahr 2016", city, "Insgesamt", "", ".", "nein", "nein", "", "", "", "nein"},
		{"A", "A-K1", "A-K1-G1", "Arbeitslose", "2. Halbjahr 2016", city, "Deutsche", "", ".", "nein", "nein", "", "", "", "nein"},
		{"A", "A-K1", "A-K1-G1", "Arbeitslose", "2. Halbjahr 2016", city, "Ausländer/innen", "1000", "", "ja", "nein", "Bundesagentur für Arbeit", "31.01.2017", "", "nein"},
		{"A", "A-K1", "A-K1-G2", "Sozialversicherungspflichtig Beschäftigte am Wohnort", "2. Halbjahr 2016", city, "Insgesamt", "1234,5", "", "nein", "nein", "", "", "", "nein"},
		{"A", "A-K1", "A-K1-G2", "Sozialversicherungspflichtig Beschäftigte am Wohnort", "2. Halbjahr 2016", city, "Deutsche", "35", "", "nein", "nein", "", "", "", "nein"},
		{"A", "A-K1", "A-K1-G2", "Sozialversicherungspflichtig Beschäftigte am Wohnort", "2. Halbjahr 2016", city, "Ausländer/innen", "7000", "", "nein", "nein", "", "", "", "nein"},
		{"A", "A-W2", "A-W2-G2", "Bewerbungen bei der Stadtverwaltung", "2016", city, "mit Migrationshintergrund", "", ".", "nein", "nein", "", "", "", "nein"},
		append([]string{evalOf(exportSnapshot(t, true)).SuppressionNote()}, make([]string, 14)...),
	}
	got := recs[1:]
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d:\n%q", len(got), len(want), got)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("row %d\n got %q\nwant %q", i+1, got[i], want[i])
		}
	}
}

func TestWriteKeyFiguresCSV(t *testing.T) {
	recs := readCSV(t, export.WriteKeyFiguresCSV, exportSnapshot(t, false))
	if !slices.Equal(recs[0], export.KeyFigureColumns) {
		t.Fatalf("header = %q", recs[0])
	}
	var got [][]string
	for _, r := range recs[1:] {
		if r[0] == "A-K1" {
			got = append(got, r)
		}
	}
	// Ausländer/innen 1000 / (1000 + 7000); Deutsche rests on a count
	// hidden so that the "." of Insgesamt cannot be recomputed; the
	// reference needs the "." of Insgesamt.
	want := [][]string{
		{"A-K1", "Ausländer/innen", "2. Halbjahr 2016", "12,5", "ja", "", "ja", "nein"},
		{"A-K1", "Deutsche", "2. Halbjahr 2016", ".", "nein", report.SuppressedReason, "nein", "nein"},
		{"A-K1", "Referenz: Insgesamt", "2. Halbjahr 2016", "", "nein", "Zeichen „.“ (Zahlenwert unbekannt oder geheim zu halten) bei Arbeitslose, Insgesamt, 2. Halbjahr 2016", "nein", "nein"},
	}
	if len(got) != len(want) {
		t.Fatalf("A-K1 rows:\n%q", got)
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("row %d\n got %q\nwant %q", i+1, got[i], want[i])
		}
	}
}

func TestWriteXLSX(t *testing.T) {
	for _, tt := range []struct {
		name      string
		demo      bool
		headerRow int
	}{
		{"with Beispieldaten", true, 2},
		{"real figures only", false, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := export.WriteXLSX(&buf, evalOf(exportSnapshot(t, tt.demo))); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatalf("reopen: %v", err)
			}
			defer f.Close()
			if got, want := f.GetSheetList(), []string{"Übersicht", "Werte", "Kennzahlen", "Zeichenerklärung"}; !slices.Equal(got, want) {
				t.Fatalf("sheets = %q, want %q", got, want)
			}
			notice, _ := f.GetCellValue("Werte", "A1")
			if tt.demo != strings.Contains(notice, "Beispieldaten") {
				t.Errorf("first line %q (Beispieldaten: %v)", notice, tt.demo)
			}
			checkHeader(t, f, "Werte", tt.headerRow, export.ValueColumns)
			checkHeader(t, f, "Kennzahlen", 1, export.KeyFigureColumns)
			if w, err := f.GetColWidth("Werte", "D"); err != nil || w < 30 {
				t.Errorf("width of Grundzahl (Name) = %v, %v", w, err)
			}
			row := func(n int) string { return strconv.Itoa(tt.headerRow + n) } // data row n, from 1
			for _, c := range []struct {
				sheet, cell string
				typ         excelize.CellType
				raw         string
			}{
				{"Werte", "H" + row(1), excelize.CellTypeUnset, "111000"}, // a number: no type attribute
				{"Werte", "H" + row(5), excelize.CellTypeUnset, "1234.5"},
				{"Werte", "I" + row(2), excelize.CellTypeInlineString, "."},
				{"Werte", "H" + row(2), excelize.CellTypeUnset, ""},
				{"Werte", "I" + row(8), excelize.CellTypeInlineString, "."}, // confidential
				{"Werte", "N" + row(1), excelize.CellTypeInlineString, `=HYPERLINK("http://example.org")`},
				{"Zeichenerklärung", "A3", excelize.CellTypeInlineString, "-"},
			} {
				typ, err := f.GetCellType(c.sheet, c.cell)
				raw, _ := f.GetCellValue(c.sheet, c.cell, excelize.Options{RawCellValue: true})
				if err != nil || typ != c.typ || raw != c.raw {
					t.Errorf("%s!%s = %q of type %v (%v), want %q of type %v", c.sheet, c.cell, raw, typ, err, c.raw, c.typ)
				}
			}
			if shown, _ := f.GetCellValue("Werte", "H"+row(1)); shown != "111,000" { // Excel shows "111.000" in German
				t.Errorf("111000 shown as %q, want it grouped by #,##0", shown)
			}
			rows, err := f.GetRows("Kennzahlen")
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, r := range rows {
				if len(r) > 3 && r[0] == "A-K1" && r[1] == "Ausländer/innen" {
					found = true
					if r[3] != "12.5" {
						t.Errorf("Kennzahl A-K1 Ausländer/innen shown as %q, want 12.5", r[3])
					}
				}
			}
			if !found {
				t.Errorf("Kennzahlen sheet lacks A-K1 Ausländer/innen: %q", rows)
			}
			checkOverviewSheet(t, f, evalOf(exportSnapshot(t, tt.demo)), tt.headerRow)
		})
	}
}

func checkHeader(t *testing.T, f *excelize.File, sheet string, row int, want []string) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) < row || !slices.Equal(rows[row-1], want) {
		t.Fatalf("%s header row %d: %q, %v", sheet, row, rows, err)
	}
	id, err := f.GetCellStyle(sheet, "A"+strconv.Itoa(row))
	if err != nil {
		t.Fatal(err)
	}
	if st, err := f.GetStyle(id); err != nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("%s header not bold", sheet)
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != row {
		t.Errorf("%s panes = %+v, %v; want frozen below row %d", sheet, panes, err, row)
	}
}

func exportDemoSnapshot(b *testing.B) *store.Snapshot {
	cat := realCatalog(b)
	return &store.Snapshot{Catalog: cat, Values: demo.Values(cat, 2011, 2025), ReportYear: 2025}
}

func BenchmarkWriteXLSX(b *testing.B) {
	snap := exportDemoSnapshot(b)
	e := evalOf(snap)
	for b.Loop() {
		if err := export.WriteXLSX(io.Discard, e); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(snap.Values)), "values")
}

func BenchmarkWriteCSV(b *testing.B) {
	snap := exportDemoSnapshot(b)
	e := evalOf(snap)
	for b.Loop() {
		if err := export.WriteCSV(io.Discard, e); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(snap.Values)), "values")
}

func realCatalog(tb testing.TB) *store.Catalog {
	tb.Helper()
	cat, err := store.ParseCatalog(assets.Catalog)
	if err != nil {
		tb.Fatal(err)
	}
	return cat
}

// evalOf is the evaluation the exports present, for the snapshot's year.
func evalOf(snap *store.Snapshot) *report.Evaluation {
	return report.Evaluate(report.Input{Snapshot: snap, Year: snap.ReportYear})
}

// checkOverviewSheet: the Übersicht sheet is the evaluation's Übersicht,
// cell for cell, below the Beispieldaten line where there is one.
func checkOverviewSheet(t *testing.T, f *excelize.File, e *report.Evaluation, headerRow int) {
	t.Helper()
	checkHeader(t, f, "Übersicht", headerRow, export.OverviewColumns)
	rows, err := f.GetRows("Übersicht")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(rows)-headerRow, len(e.Overview); got != want || want != 14 {
		t.Fatalf("Übersicht has %d Kennzahlen, evaluation %d, catalogue 14", got, want)
	}
	for i, o := range e.Overview {
		r := rows[headerRow+i]
		if r[0] != o.Code || r[1] != o.Latest || r[4] != o.Assessment {
			t.Errorf("Übersicht row %d = %q, evaluation %s %q %q", i+1, r, o.Code, o.Latest, o.Assessment)
		}
	}
	// A-K1 has values for 2016 in the fixture: the sheet shows a number.
	if rows[headerRow][1] == report.NotComputable {
		t.Errorf("A-K1 has no latest value in the Übersicht: %q", rows[headerRow])
	}
}
