package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
)

// changesTabTitle is the tab of what moved since the newest frozen report.
const changesTabTitle = "Seit dem letzten Bericht"

var changesHeader = []string{"Art", "Kennzahl", "Grundzahl, Gruppe, Erhebungszeit, Bezirk", "Bisher", "Jetzt", "Grund"}

// changeRows presents the changes as the report's chapter lists them.
func changeRows(items []report.ChangeItem) [][]string {
	var rows [][]string
	for _, it := range items {
		what := it.Location
		if it.Kind == report.VerdictChanged {
			what = "Bewertung"
		}
		rows = append(rows, []string{it.Kind.Label(), strings.Join(it.KeyFigures, ", "), what, it.Old, it.New, it.Reason})
	}
	return rows
}

// changesTab is the "Seit dem letzten Bericht" tab: the revised, late and
// removed values and the changed verdicts since the newest frozen report,
// so that she can explain them before the next one goes to the council.
type changesTab struct {
	u       *App
	items   []report.ChangeItem
	rows    [][]string
	table   *textTable
	caption *widget.Label
	content fyne.CanvasObject
}

func newChangesTab(u *App) *changesTab {
	c := &changesTab{u: u, caption: heading("")}
	widths := []float32{160, 90, 470, 290, 290, 300}
	c.table = newTextTable(changesHeader, widths, &c.rows)
	c.table.OnSelected = func(id widget.TableCellID) {
		if id.Row > 0 && id.Row <= len(c.items) && len(c.items[id.Row-1].KeyFigures) > 0 {
			u.showCatalogEntry(c.items[id.Row-1].KeyFigures[0])
		}
		c.table.UnselectAll()
	}
	c.content = container.NewBorder(c.caption, nil, nil, nil, c.table)
	c.reload()
	return c
}

// reload asks the App's source for the changes of the current file state.
func (c *changesTab) reload() {
	ch, err := c.u.changes()
	if err != nil {
		c.u.showError(changesTabTitle, err)
		return
	}
	c.show(ch)
}

func (c *changesTab) show(ch *report.Changes) {
	c.items, c.rows = nil, nil
	switch {
	case ch == nil:
		c.caption.SetText(fmt.Sprintf("Kein Bericht vor %d festgeschrieben: Änderungen werden gegenüber dem letzten festgeschriebenen Bericht eines früheren Jahres gezeigt.", c.u.reportYear))
	case len(ch.Items) == 0:
		c.caption.SetText(fmt.Sprintf("Keine Änderungen seit dem Bericht %d.", ch.Year))
	default:
		c.items = ch.Items
		c.rows = changeRows(ch.Items)
		n := "eine Änderung"
		if len(ch.Items) > 1 {
			n = fmt.Sprintf("%d Änderungen", len(ch.Items))
		}
		c.caption.SetText(fmt.Sprintf("Seit dem Bericht %d: %s – eine Zeile wählen, um zur Kennzahl zu springen.", ch.Year, n))
	}
	c.table.Refresh()
}

// showCatalogEntry shows a Kennzahl, or a Wirkungsindikator (whose
// Grundzahl a change may be), in its Handlungsfeld tab.
func (u *App) showCatalogEntry(code string) {
	for i, ft := range u.field {
		if ft.SelectKeyFigure(code) || ft.SelectIndicator(code) {
			u.tabs.SelectIndex(i + 1) // the overview is the first tab
			return
		}
	}
}
