package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

var overviewHeader = []string{"Kennzahl", "Aussage", "Letzter Wert", "Veränderung seit Basis", "Bewertung", "Berichtsjahr"}

// overviewRows is one row per Kennzahl: latest value, change since the base
// period of the assessment, assessment, and whether the report year is
// covered.
func overviewRows(results []report.Result, year int) [][]string {
	var rows [][]string
	for _, r := range results {
		k := r.KeyFigure
		latest, change := "—", "—"
		if lp, ok := latestPoint(r); ok {
			latest = report.FormatValue(lp.Value, store.NoSymbol, k.Unit) + " (" + lp.Period.Label() + ")"
		}
		a := r.Assessment
		if a.From.OK && a.To.OK && a.From.Period != a.To.Period {
			change = report.FormatChange(a.To.Value-a.From.Value, k.Unit) + " seit " + a.From.Period.Label()
		}
		current := "vorhanden"
		if r.MissingCurrent {
			current = fmt.Sprintf("Daten %d fehlen", year)
		}
		rows = append(rows, []string{k.Code, k.Statement, latest, change, a.Level.Symbol() + " " + a.Level.Label(), current})
	}
	return rows
}

func latestPoint(r report.Result) (report.Point, bool) {
	if len(r.Series) == 0 {
		return report.Point{}, false
	}
	pts := r.Series[0].Points
	for i := len(pts) - 1; i >= 0; i-- {
		if pts[i].OK {
			return pts[i], true
		}
	}
	return report.Point{}, false
}

// overviewTab lists every Kennzahl with its assessment.
type overviewTab struct {
	u       *App
	rows    [][]string
	table   *widget.Table
	caption *widget.Label
	content fyne.CanvasObject
}

func newOverviewTab(u *App) *overviewTab {
	o := &overviewTab{u: u}
	o.caption = heading("")
	widths := []float32{70, 340, 180, 250, 250, 140}
	o.table = newTextTable(overviewHeader, widths, &o.rows)
	o.table.OnSelected = func(id widget.TableCellID) {
		if id.Row > 0 {
			u.ShowKeyFigure(o.rows[id.Row-1][0])
		}
		o.table.UnselectAll()
	}
	o.content = container.NewBorder(o.caption, nil, nil, nil, o.table)
	o.reload()
	return o
}

func (o *overviewTab) reload() {
	snap, err := o.u.st.Snapshot(context.Background(), o.u.reportYear)
	if err != nil {
		o.u.showError("Übersicht", err)
		return
	}
	o.rows = overviewRows(report.ComputeAll(snap), o.u.reportYear)
	caption := fmt.Sprintf("Übersicht aller Kennzahlen – Berichtsjahr %d", o.u.reportYear)
	if o.u.demo {
		caption += " – BEISPIELDATEN, keine echten Zahlen"
	}
	o.caption.SetText(caption)
	o.table.Refresh()
}

// ShowKeyFigure switches to the Kennzahl's Handlungsfeld tab and selects it.
func (u *App) ShowKeyFigure(code string) {
	for i, ft := range u.field {
		if ft.SelectKeyFigure(code) {
			u.tabs.SelectIndex(i + 1) // the overview is the first tab
			return
		}
	}
}
