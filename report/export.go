package report

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"bergischgladbach.de/integrationsmonitor/store"
)

// ValueColumns is the header of the values export, one row per value.
var ValueColumns = []string{"Handlungsfeld", "Kennzahl", "Grundzahl", "Grundzahl (Name)", "Erhebungszeit",
	"Statistischer Bezirk", "Gruppe", "Wert", "Zeichen", "vorläufig", "geschätzt", "Quelle", "Datenstand",
	"Anmerkung", "Beispieldaten"}

// KeyFigureColumns is the header of the Kennzahlen export, one row per
// computed point. vorläufig and Beispieldaten travel with every point, so
// that an invented or provisional input is never lost on the way to a
// spreadsheet.
var KeyFigureColumns = []string{"Kennzahl", "Reihe", "Erhebungszeit", "Wert", "berechenbar", "Grund",
	"vorläufig", "Beispieldaten"}

// demoNotice heads every sheet that holds Beispieldaten (issue 4: they must
// never be taken for real figures).
const demoNotice = "Achtung: enthält Beispieldaten – erfundene Werte, keine echten Zahlen (Spalte „Beispieldaten“)."

// exportRow is one row of either export; number is nil where the row has
// no number (a symbol, or a point that cannot be computed).
type exportRow struct {
	text   []string // all columns; the number column holds "" here
	number *float64
	demo   bool
}

// valueRows lists the values in catalogue order. A Grundzahl of a
// Wirkungsindikator shows the indicator's code in the Kennzahl column;
// shared ones (population) leave Handlungsfeld and Kennzahl empty. A
// confidential number is exported as ".", as in every other output.
func valueRows(snap *store.Snapshot) []exportRow {
	cat := snap.Catalog
	if cat == nil {
		cat = &store.Catalog{}
	}
	type owner struct{ field, code string }
	owners := map[string]owner{}
	for _, f := range cat.Fields {
		for _, k := range f.KeyFigures {
			for _, b := range k.BaseFigures {
				owners[b.Code] = owner{f.Code, k.Code}
			}
		}
		for _, w := range f.Indicators {
			for _, b := range w.BaseFigures {
				owners[b.Code] = owner{f.Code, w.Code}
			}
		}
	}
	bfs := map[string]store.BaseFigure{}
	order := map[string]int{}
	for i, b := range cat.AllBaseFigures() {
		bfs[b.Code], order[b.Code] = b, i
	}
	rank := func(code string) int { // unknown codes sort last
		if i, ok := order[code]; ok {
			return i
		}
		return len(order)
	}
	areas, groups := map[string]int{}, map[string]int{}
	for i, a := range cat.Areas {
		areas[a.Code] = i
	}
	for i, g := range cat.Groups {
		groups[g.Code] = i
	}
	vals := slices.Clone(snap.Values)
	slices.SortStableFunc(vals, func(a, b store.Value) int {
		return cmp.Or(cmp.Compare(rank(a.BaseFigure), rank(b.BaseFigure)), cmp.Compare(a.BaseFigure, b.BaseFigure),
			a.Period.Compare(b.Period), cmp.Compare(areas[a.Area], areas[b.Area]), cmp.Compare(groups[a.Group], groups[b.Group]))
	})
	rows := make([]exportRow, 0, len(vals))
	for _, v := range vals {
		o := owners[v.BaseFigure]
		r := exportRow{demo: v.Demo}
		sym := v.Symbol
		switch {
		case v.Confidential:
			sym = store.SymUnknown
		case sym == store.NoSymbol:
			r.number = &v.Number
		}
		r.text = []string{o.field, o.code, v.BaseFigure, bfs[v.BaseFigure].Name, v.Period.Label(),
			cat.AreaName(v.Area), cat.GroupName(v.Group), "", string(sym), exportYesNo(v.Provisional), exportYesNo(v.Estimated),
			v.Source, exportDate(v.AsOf), v.Note, exportYesNo(v.Demo)}
		rows = append(rows, r)
	}
	return rows
}

// keyFigureRows lists every computed point of every Kennzahl, the
// reference line after the series.
func keyFigureRows(snap *store.Snapshot) []exportRow {
	var rows []exportRow
	for _, r := range ComputeAll(snap) {
		series := slices.Clone(r.Series)
		if r.Reference != nil {
			series = append(series, SeriesResult{Label: "Referenz: " + r.Reference.Label, Points: r.Reference.Points})
		}
		for _, s := range series {
			for _, p := range s.Points {
				row := exportRow{demo: p.Demo}
				if p.OK {
					row.number = &p.Value
				}
				row.text = []string{r.KeyFigure.Code, s.Label, p.Period.Label(), "", exportYesNo(p.OK), p.Reason,
					exportYesNo(p.Provisional), exportYesNo(p.Demo)}
				rows = append(rows, row)
			}
		}
	}
	return rows
}

// The columns that hold the number and the symbol in each export.
const (
	valueNumberCol     = 7
	valueSymbolCol     = 8
	keyFigureNumberCol = 3
)

func exportYesNo(b bool) string {
	if b {
		return "ja"
	}
	return "nein"
}

// exportDate turns the stored ISO as-of date into 31.12.2024; anything else
// is shown as stored.
func exportDate(iso string) string {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return iso
	}
	return FormatDate(t)
}

// exportCSVNumber writes a number in full precision with a decimal comma and no
// thousands points, which German Excel reads as a number: 1234,5.
func exportCSVNumber(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
}

// exportCSVText defuses text that Excel would run as a formula (a note or source
// from a file that came by e-mail could start with "=HYPERLINK(…"): the
// apostrophe, as OWASP advises, shows it is text.
func exportCSVText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// WriteCSV writes every value for German Excel: UTF-8 with byte order mark
// (without it Excel reads Latin-1), ";" between fields, decimal comma,
// CRLF line ends, ValueColumns as header. Official symbols stay in the
// Zeichen column, with an empty Wert.
func WriteCSV(w io.Writer, snap *store.Snapshot) error {
	return writeCSV(w, ValueColumns, valueRows(snap), valueNumberCol, valueSymbolCol)
}

// WriteKeyFiguresCSV writes the computed Kennzahlen (ComputeAll) in the
// format of WriteCSV, KeyFigureColumns as header. A point that cannot be
// computed has an empty Wert, "nein" under berechenbar and its reason.
func WriteKeyFiguresCSV(w io.Writer, snap *store.Snapshot) error {
	return writeCSV(w, KeyFigureColumns, keyFigureRows(snap), keyFigureNumberCol, -1)
}

// writeCSV defuses every text but that of symbolCol, whose "-" and "."
// are official symbols and no formula.
func writeCSV(w io.Writer, header []string, rows []exportRow, numberCol, symbolCol int) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.Comma, cw.UseCRLF = ';', true
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	rec := make([]string, len(header))
	for _, r := range rows {
		for i, s := range r.text {
			if i != symbolCol {
				s = exportCSVText(s)
			}
			rec[i] = s
		}
		if r.number != nil {
			rec[numberCol] = exportCSVNumber(*r.number)
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// xlsxSheet is one worksheet of the XLSX export.
type xlsxSheet struct {
	name      string
	header    []string
	widths    []float64
	rows      []exportRow
	numberCol int
}

// xlsxStyles are the cell styles the export uses.
type xlsxStyles struct{ header, notice, integer, fraction int }

// WriteXLSX writes the values and the computed Kennzahlen as an Excel
// workbook: sheets "Werte", "Kennzahlen" and "Zeichenerklärung", numbers as
// number cells (so Excel can compute with them), symbols as text, a bold
// frozen header, and a first line warning of Beispieldaten where a sheet
// holds any.
func WriteXLSX(w io.Writer, snap *store.Snapshot) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newXLSXStyles(f)
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if err := f.SetSheetName("Sheet1", "Werte"); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	sheets := []xlsxSheet{
		{"Werte", ValueColumns, []float64{13, 10, 12, 48, 18, 28, 26, 12, 8, 10, 10, 36, 12, 36, 13}, valueRows(snap), valueNumberCol},
		{"Kennzahlen", KeyFigureColumns, []float64{10, 40, 18, 12, 12, 48, 10, 13}, keyFigureRows(snap), keyFigureNumberCol},
		{"Zeichenerklärung", []string{"Zeichen", "Bedeutung"}, []float64{10, 60}, xlsxLegendRows(), -1},
	}
	for _, sh := range sheets {
		if err := writeXLSXSheet(f, st, sh); err != nil {
			return fmt.Errorf("write xlsx: sheet %s: %w", sh.name, err)
		}
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: "Integrationsmonitoring Bergisch Gladbach", Creator: "Integrationsmonitor", Language: "de-DE"}); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	var st xlsxStyles
	fraction := "#,##0.0#########"
	for _, s := range []struct {
		dst   *int
		style *excelize.Style
	}{
		{&st.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE5F0"}}}},
		{&st.notice, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "B00000"}}},
		{&st.integer, &excelize.Style{NumFmt: 3}}, // #,##0
		{&st.fraction, &excelize.Style{CustomNumFmt: &fraction}},
	} {
		id, err := f.NewStyle(s.style)
		if err != nil {
			return st, err
		}
		*s.dst = id
	}
	return st, nil
}

func writeXLSXSheet(f *excelize.File, st xlsxStyles, sh xlsxSheet) error {
	if _, err := f.NewSheet(sh.name); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sh.name)
	if err != nil {
		return err
	}
	for i, wd := range sh.widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	headerRow := 1
	if slices.ContainsFunc(sh.rows, func(r exportRow) bool { return r.demo }) {
		headerRow = 2
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: "A" + strconv.Itoa(headerRow+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if headerRow == 2 {
		if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.notice, Value: demoNotice}}); err != nil {
			return err
		}
	}
	cells := make([]any, len(sh.header))
	for i, h := range sh.header {
		cells[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A"+strconv.Itoa(headerRow), cells); err != nil {
		return err
	}
	for n, r := range sh.rows {
		cells := make([]any, len(r.text))
		for i, s := range r.text {
			if s != "" {
				cells[i] = s
			}
		}
		if r.number != nil {
			style := st.fraction
			if *r.number == math.Trunc(*r.number) && math.Abs(*r.number) < 1e15 {
				style = st.integer
			}
			cells[sh.numberCol] = excelize.Cell{StyleID: style, Value: *r.number}
		}
		if err := sw.SetRow("A"+strconv.Itoa(headerRow+1+n), cells); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// xlsxLegendRows explain the symbols (DIN 55301) and the flags of the export.
func xlsxLegendRows() []exportRow {
	var rows []exportRow
	for _, s := range store.Symbols() {
		rows = append(rows, exportRow{text: []string{string(s), s.Meaning()}})
	}
	for _, l := range [][2]string{
		{"vorläufig", "Der Wert ist vorläufig; er kann sich noch ändern."},
		{"geschätzt", "Der Wert ist geschätzt."},
		{"Beispieldaten", "Erfundener Wert zum Ausprobieren – keine echte Zahl."},
		{"berechenbar", "„nein“: Die Kennzahl ließ sich für diese Erhebungszeit nicht berechnen; die Spalte „Grund“ sagt, warum."},
	} {
		rows = append(rows, exportRow{text: l[:]})
	}
	return rows
}
