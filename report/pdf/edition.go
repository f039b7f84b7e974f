package pdf

import (
	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// Table is a table of the report as the PDF prints it, for another
// edition of the same report (the accessible HTML edition): the same
// cells, from the same evaluation, so that both publish the same numbers
// and hide the same ones.
type Table struct {
	Caption string
	// Columns are the column titles; NoHeader marks a label/value list
	// whose first column heads its row.
	Columns  []string
	NoHeader bool
	// Numeric marks the right-aligned columns (figures).
	Numeric []bool
	Bands   []Band
	Rows    []TableRow
	Note    string
}

// Band is a header cell over the columns [From, To).
type Band struct {
	Title    string
	From, To int
}

// TableRow is one row; a Group row is a sub-heading over all columns.
type TableRow struct {
	Cells       []string
	Group, Bold bool
}

func exportTable(t table) Table {
	out := Table{Caption: t.caption, NoHeader: t.noHeader, Note: t.note}
	for _, c := range t.cols {
		out.Columns = append(out.Columns, c.title)
		out.Numeric = append(out.Numeric, c.align == "R")
	}
	for _, b := range t.bands {
		out.Bands = append(out.Bands, Band{Title: b.title, From: b.from, To: b.to})
	}
	for _, r := range t.rows {
		out.Rows = append(out.Rows, TableRow{Cells: r.cells, Group: r.group, Bold: r.bold})
	}
	return out
}

// editionDoc gives the table builders the evaluation without a page.
func editionDoc(e *report.Evaluation) *pdfDoc {
	return &pdfDoc{in: &reportInput{e: e, cat: e.Catalog, texts: &store.ReportTexts{}}}
}

// KeyFigureTables are the tables of a Kennzahl's sheet: its computed
// values (ok false when there are none), the delivered Grundzahlen and
// the description from the catalogue.
func KeyFigureTables(e *report.Evaluation, k store.KeyFigure) (values Table, ok bool, base []Table, details Table) {
	d := editionDoc(e)
	kr := d.in.keyFigure(k.Code)
	g := e.ReportGrid(k.Code)
	if len(kr.Recent) > 0 {
		values, ok = exportTable(seriesTable(kr.Published, kr.Recent)), true
		for _, t := range d.baseTables(g) {
			base = append(base, exportTable(t))
		}
	}
	return values, ok, base, exportTable(d.detailsTable(k, g))
}

// ParticipationTables are the tables of a Beteiligung indicator.
func ParticipationTables(e *report.Evaluation, code string) []Table {
	d := editionDoc(e)
	var out []Table
	for _, pt := range e.Participation[code] {
		out = append(out, exportTable(d.participationTable(pt)))
	}
	return out
}
