package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
)

// overviewHeader: the columns of issue 14 (what is measured, the
// reference, the change since the previous report) come last, so that the
// first ones stay where she knows them.
var overviewHeader = []string{"Kennzahl", "Aussage", "Letzter Wert", "Veränderung seit Basis", "Bewertung", "Berichtsjahr",
	"Gemessen", "Referenz", "Veränderung seit Vorjahresbericht"}

// overviewRows presents the evaluation's Übersicht: one row per Kennzahl.
func overviewRows(e *report.Evaluation) [][]string {
	var rows [][]string
	for _, r := range e.Overview {
		latest := r.Latest
		if r.LatestPeriod != "" {
			latest += " (" + r.LatestPeriod + ")"
		}
		change := r.Change
		if r.ChangeSince != "" {
			change += " " + r.ChangeSince
		}
		prev := r.ChangePrev
		if r.ChangePrevSince != "" {
			prev += " " + r.ChangePrevSince
		}
		rows = append(rows, []string{r.Code, r.Statement, latest, change, r.Assessment, r.Current, r.Measure, r.Reference, prev})
	}
	return rows
}

// overviewTab lists every Kennzahl with its assessment.
type overviewTab struct {
	u       *App
	rows    [][]string
	table   *textTable
	caption *widget.Label
	legend  *widget.Label
	main    fyne.CanvasObject // caption, table and legend
	start   *startPanel       // shown instead of main for a file without values
	// startLeft is set when she chose to see the empty Übersicht.
	startLeft bool
	content   fyne.CanvasObject
}

// newOverviewTab shows e, the evaluation of the open file, or evaluates it
// when e is nil.
func newOverviewTab(u *App, e *report.Evaluation) *overviewTab {
	o := &overviewTab{u: u}
	o.caption = heading("")
	widths := []float32{90, 300, 240, 250, 300, 140, 260, 220, 280}
	o.table = newTextTable(overviewHeader, widths, &o.rows)
	o.table.OnSelected = func(id widget.TableCellID) {
		if id.Row > 0 {
			u.ShowKeyFigure(o.rows[id.Row-1][0])
		}
		o.table.UnselectAll()
	}
	o.legend = legendLabel(assessmentLegend())
	o.main = container.NewBorder(o.caption, o.legend, nil, nil, o.table)
	o.start = newStartPanel(u, func() {
		o.startLeft = true
		o.showStart(false)
	})
	o.content = container.NewStack(o.main, o.start.content)
	if e != nil {
		o.show(e)
	} else {
		o.reload()
	}
	return o
}

func (o *overviewTab) reload() {
	e, err := o.u.evaluate()
	if err != nil {
		o.u.showError("Übersicht", err)
		return
	}
	o.show(e)
}

func (o *overviewTab) show(e *report.Evaluation) {
	o.rows = overviewRows(e)
	caption := fmt.Sprintf("Übersicht aller Kennzahlen – Berichtsjahr %d", o.u.reportYear)
	if o.u.demo {
		caption += " – BEISPIELDATEN, keine echten Zahlen"
	}
	o.caption.SetText(caption)
	o.table.Refresh()
	o.showStart(len(e.Values) == 0 && !o.startLeft)
}

// showStart shows the start panel instead of the table, or the table.
func (o *overviewTab) showStart(start bool) {
	if start {
		o.main.Hide()
		o.start.content.Show()
		return
	}
	o.start.content.Hide()
	o.main.Show()
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
