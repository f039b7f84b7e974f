package ui

import (
	"context"
	"fmt"
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

var deliveryHeader = []string{"Status", "Fällig am", "Erwartet", "Grundzahl", "Wer liefert", "Zuletzt erhalten"}

// deliveryRows lists what is due, overdue and missing for the next report,
// sorted by due date, so the Geschäftsführerin knows whom to ask.
func deliveryRows(ds []store.Delivery) [][]string {
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
	table   *widget.Table
	caption *widget.Label
	content fyne.CanvasObject
	today   func() time.Time
}

func newDeliveriesTab(u *App) *deliveriesTab {
	d := &deliveriesTab{u: u, caption: heading(""), today: time.Now}
	widths := []float32{150, 110, 190, 430, 300, 190}
	d.table = newTextTable(deliveryHeader, widths, &d.rows)
	d.content = container.NewBorder(d.caption, nil, nil, nil, d.table)
	d.reload()
	return d
}

func (d *deliveriesTab) reload() {
	snap, err := d.u.st.Snapshot(context.Background(), d.u.reportYear)
	if err != nil {
		d.u.showError("Datenlieferungen", err)
		return
	}
	ds := store.Deliveries(snap.Catalog, snap.Values, d.u.reportYear, d.today())
	// What she has to chase comes first; within each part the order by due
	// date from store.Deliveries is kept.
	sort.SliceStable(ds, func(i, j int) bool { return isOpen(ds[i]) && !isOpen(ds[j]) })
	d.rows = deliveryRows(ds)
	open := 0
	for _, x := range ds {
		if isOpen(x) {
			open++
		}
	}
	d.caption.SetText(fmt.Sprintf("Datenlieferungen für den Bericht %d – %d offen (fällig, überfällig oder fehlend), Stand %s",
		d.u.reportYear, open, report.FormatDate(d.today())))
	d.table.Refresh()
}

func isOpen(d store.Delivery) bool {
	return d.Status == store.DeliveryOverdue || d.Status == store.DeliveryMissing || d.Status == store.DeliveryDue
}
