package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
)

var deliveryHeader = []string{"Status", "Fällig am", "Erwartet", "Grundzahl", "Wer liefert", "Zuletzt erhalten"}

// deliveryRows lists what is due, overdue and missing for the next report,
// sorted by due date, so the Geschäftsführerin knows whom to ask.
func deliveryRows(ds []report.Delivery) [][]string {
	var rows [][]string
	for _, d := range ds {
		due := "—"
		if !d.Due.IsZero() {
			due = report.FormatDate(d.Due)
		}
		next, last := "—", "—"
		if d.NextPeriod != "" {
			next = d.NextPeriod.Label()
		}
		if d.LastPeriod != "" {
			last = d.LastPeriod.Label()
		}
		who := d.Actor.Name
		if who == "" {
			who = "—"
		}
		rows = append(rows, []string{d.Status.Label(), due, next, d.BaseFigure.Name, who, last})
	}
	return rows
}

// deliveriesTab is the "Datenlieferungen" tab.
type deliveriesTab struct {
	u       *App
	rows    [][]string
	table   *textTable
	caption *widget.Label
	content fyne.CanvasObject
}

func newDeliveriesTab(u *App) *deliveriesTab {
	d := &deliveriesTab{u: u, caption: heading("")}
	widths := []float32{150, 110, 190, 430, 300, 190}
	d.table = newTextTable(deliveryHeader, widths, &d.rows)
	d.content = container.NewBorder(d.caption, nil, nil, nil, d.table)
	d.reload()
	return d
}

func (d *deliveriesTab) reload() {
	e, err := d.u.evaluate()
	if err != nil {
		d.u.showError("Datenlieferungen", err)
		return
	}
	d.show(e)
}

// show lists the evaluation's Datenlieferungen: what she has to chase
// first, each part by due date.
func (d *deliveriesTab) show(e *report.Evaluation) {
	d.rows = deliveryRows(e.Deliveries)
	d.caption.SetText(fmt.Sprintf("Datenlieferungen für den Bericht %d – %d offen (fällig, überfällig oder fehlend), Stand %s",
		e.Year, e.OpenDeliveries, report.FormatDate(d.u.today())))
	d.table.Refresh()
}
