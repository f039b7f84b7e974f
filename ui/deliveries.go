package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

var deliveryHeader = []string{"Status", "Fällig am", "Erwartet", "Kennzahl – Grundzahl", "Wer liefert", "Zuletzt erhalten"}

// deliveryRows lists what is due, overdue and missing for the next report,
// sorted by due date, so the Geschäftsführerin knows whom to ask. Each row
// names the Kennzahl or Wirkungsindikator first, since several have a
// Grundzahl of the same name.
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
		rows = append(rows, []string{d.StatusText(), due, next, d.OwnerText() + " " + d.BaseFigure.Name, who, last})
	}
	return rows
}

// deliveriesTab is the "Datenlieferungen" tab.
type deliveriesTab struct {
	u       *App
	ds      []report.Delivery // the rows' deliveries, for a click
	rows    [][]string
	table   *textTable
	caption *widget.Label
	content fyne.CanvasObject
}

func newDeliveriesTab(u *App) *deliveriesTab {
	d := &deliveriesTab{u: u, caption: heading("")}
	widths := []float32{190, 110, 190, 470, 300, 190}
	d.table = newTextTable(deliveryHeader, widths, &d.rows)
	d.table.OnSelected = func(id widget.TableCellID) {
		if id.Row > 0 && id.Row <= len(d.ds) {
			u.openDelivery(d.ds[id.Row-1])
		}
		d.table.UnselectAll()
	}
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
	d.ds = e.Deliveries
	d.rows = deliveryRows(e.Deliveries)
	d.caption.SetText(fmt.Sprintf("Datenlieferungen für den Bericht %d – %d offen (teilweise, fällig, überfällig oder fehlend), Stand %s. "+
		"Eine Zeile wählen, um die fehlenden Werte einzutragen.",
		e.Year, e.OpenDeliveries, report.FormatDate(d.u.today())))
	d.table.Refresh()
}

// openDelivery shows the Kennzahl or Wirkungsindikator a delivery belongs
// to, with its entry form preset to the value most likely entered next. A
// shared Grundzahl (the population) opens the first Kennzahl that uses it.
func (u *App) openDelivery(d report.Delivery) {
	code := deliveryOwner(u.cat, d)
	if code == "" {
		return
	}
	u.showCatalogEntry(code)
	for _, ft := range u.field {
		switch {
		case ft.current != nil && ft.current.kf.Code == code:
			ft.current.form.presetDelivery(d)
			return
		case ft.indicator != nil && ft.indicator.ind.Code == code:
			if ft.indicator.values != nil {
				ft.indicator.values.presetDelivery(d)
			}
			return
		}
	}
}

// deliveryOwner is the code of the catalogue entry whose form takes the
// delivery's values; "" when no entry offers its Grundzahl.
func deliveryOwner(cat *store.Catalog, d report.Delivery) string {
	if len(d.Owners) > 0 {
		return d.Owners[0]
	}
	for _, k := range cat.KeyFigures() {
		for _, b := range usedBaseFigures(cat, k) {
			if b.Code == d.BaseFigure.Code {
				return k.Code
			}
		}
	}
	return ""
}
