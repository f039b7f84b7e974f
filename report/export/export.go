// Package export writes the evaluation's values, Kennzahlen and Übersicht
// as CSV for German Excel and as an XLSX workbook.
package export

import (
	"cmp"
	"slices"
	"time"

	"bergischgladbach.de/integrationsmonitor/report"
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
	hidden bool // a number hidden by disclosure control
}

// valueRows lists the values in catalogue order. A Grundzahl of a
// Wirkungsindikator shows the indicator's code in the Kennzahl column;
// shared ones (population) leave Handlungsfeld and Kennzahl empty. A
// number the report hides (a confidential value, a small count, or a
// cell hidden with it, as the evaluation decided) is exported as ".",
// unless internal.
func valueRows(e *report.Evaluation, internal bool) []exportRow {
	cat := e.Catalog
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
	vals := slices.Clone(e.Values)
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
		case internal && sym == store.NoSymbol:
			r.number = &v.Number
		case v.Confidential || !internal && e.StoredCell(v).Hidden:
			sym, r.hidden = store.SymUnknown, true
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
// reference line after the series: as the report publishes them (a point
// resting on a hidden count as "."), or internal, as computed.
func keyFigureRows(e *report.Evaluation, internal bool) []exportRow {
	var rows []exportRow
	for _, kr := range e.KeyFigures {
		r := kr.Published
		if internal {
			r = kr.Result
		}
		series := slices.Clone(r.Series)
		if r.Reference != nil {
			series = append(series, report.SeriesResult{Label: "Referenz: " + r.Reference.Label, Points: r.Reference.Points})
		}
		for _, s := range series {
			for _, p := range s.Points {
				row := exportRow{demo: p.Demo}
				if p.OK {
					row.number = &p.Value
				}
				row.text = []string{r.KeyFigure.Code, s.Label, p.Period.Label(), "", exportYesNo(p.OK), p.Reason,
					exportYesNo(p.Provisional), exportYesNo(p.Demo)}
				if p.Suppressed {
					row.text[keyFigureNumberCol], row.hidden = string(store.SymUnknown), true
				}
				rows = append(rows, row)
			}
		}
	}
	return rows
}

// OverviewColumns is the header of the Übersicht sheet, the columns of
// the `uebersicht` command.
var OverviewColumns = []string{"Kennzahl", "Letzter Wert", "Erhebungszeit", "Veränderung", "Bewertung",
	"Veränderung seit", "Berichtsjahr", "Aussage"}

// overviewRows are the evaluation's Übersicht, one row per Kennzahl.
func overviewRows(e *report.Evaluation) []exportRow {
	var rows []exportRow
	for _, r := range e.Overview {
		rows = append(rows, exportRow{text: []string{r.Code, r.Latest, r.LatestPeriod, r.Change, r.Assessment,
			r.ChangeSince, r.Current, r.Statement}, demo: e.Demo})
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
	return report.FormatDate(t)
}
