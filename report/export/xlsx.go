package export

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
	"github.com/xuri/excelize/v2"
)

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
// workbook: sheets "Übersicht" (as the window and the report show it),
// "Werte", "Kennzahlen" and "Zeichenerklärung", numbers as
// number cells (so Excel can compute with them), symbols as text, a bold
// frozen header, and a first line warning of Beispieldaten where a sheet
// holds any. Numbers the report hides are "." under the rules of
// disclosure control, explained in the Zeichenerklärung.
func WriteXLSX(w io.Writer, e *report.Evaluation) error {
	return writeXLSX(w, e, false)
}

// WriteInternalXLSX is WriteXLSX with every value, hidden ones included,
// for internal use only: its first sheet, "Dienstgebrauch", says
// InternalNotice.
func WriteInternalXLSX(w io.Writer, e *report.Evaluation) error {
	return writeXLSX(w, e, true)
}

func writeXLSX(w io.Writer, e *report.Evaluation, internal bool) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newXLSXStyles(f)
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	first := "Übersicht"
	if internal {
		first = internalSheet
	}
	if err := f.SetSheetName("Sheet1", first); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	sheets := []xlsxSheet{
		{"Übersicht", OverviewColumns, []float64{10, 14, 18, 20, 36, 18, 16, 80}, overviewRows(e), -1},
		{"Werte", ValueColumns, []float64{13, 10, 12, 48, 18, 28, 26, 12, 8, 10, 10, 36, 12, 36, 13}, valueRows(e, internal), valueNumberCol},
		{"Kennzahlen", KeyFigureColumns, []float64{10, 40, 18, 12, 12, 48, 10, 13}, keyFigureRows(e, internal), keyFigureNumberCol},
		{"Zeichenerklärung", []string{"Zeichen", "Bedeutung"}, []float64{10, 60}, xlsxLegendRows(e, internal), -1},
	}
	if internal {
		notice := []exportRow{{text: []string{InternalNotice}}}
		sheets = append([]xlsxSheet{{internalSheet, []string{"Nur für den Dienstgebrauch"}, []float64{120}, notice, -1}}, sheets...)
	}
	for _, sh := range sheets {
		if err := writeXLSXSheet(f, st, sh); err != nil {
			return fmt.Errorf("write xlsx: sheet %s: %w", sh.name, err)
		}
	}
	title := "Integrationsmonitoring Bergisch Gladbach"
	if internal {
		title += " – " + InternalLabel
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "Integrationsmonitor", Language: "de-DE"}); err != nil {
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
	if _, err := f.NewSheet(sh.name); err != nil { // an existing sheet is kept
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

// internalSheet is the first sheet of an internal workbook.
const internalSheet = "Dienstgebrauch"

// xlsxLegendRows explain the symbols (DIN 55301) and the flags of the
// export, and how "." hides numbers in the published one.
func xlsxLegendRows(e *report.Evaluation, internal bool) []exportRow {
	var rows []exportRow
	for _, s := range store.Symbols() {
		meaning := s.Meaning()
		if s == store.SymUnknown {
			if internal {
				meaning += "; diese interne Fassung zeigt auch die im Bericht gesperrten Zahlen"
			} else {
				meaning += ". " + e.SuppressionNote()
			}
		}
		rows = append(rows, exportRow{text: []string{string(s), meaning}})
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
