package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
)

// breakdownBox shows a Kennzahl's breakdowns (Frauen/Männer, age groups,
// Stimmbezirke) as the evaluation computed them. The window is internal:
// it shows every value, and says which the report hides.
type breakdownBox struct {
	box *fyne.Container
}

func newBreakdownBox() *breakdownBox {
	return &breakdownBox{box: container.NewVBox()}
}

// show replaces the tables with those of code in e; nothing is shown for
// a Kennzahl without breakdowns.
func (b *breakdownBox) show(e *report.Evaluation, code string) {
	b.box.RemoveAll()
	bs := e.Breakdowns(code)
	if len(bs) == 0 {
		return
	}
	b.box.Add(heading("Aufschlüsselungen"))
	for _, bd := range bs {
		b.box.Add(widget.NewLabelWithStyle(bd.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		grid := container.NewGridWithColumns(len(bd.Columns) + 1)
		grid.Add(widget.NewLabelWithStyle("Erhebungszeit", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, c := range bd.Columns {
			grid.Add(widget.NewLabelWithStyle(c.Label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		}
		var hidden []string
		for _, r := range bd.Rows {
			grid.Add(widget.NewLabel(r.Period.Label()))
			for ci, c := range r.Cells {
				text := c.Text
				if c.Hidden {
					text += " (im Bericht: .)"
					hidden = append(hidden, r.Period.Label()+", "+bd.Columns[ci].Label+": "+c.Why)
				}
				grid.Add(widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{}))
			}
		}
		b.box.Add(grid)
		for _, h := range hidden {
			b.box.Add(para("Im Bericht verborgen – " + h))
		}
	}
	b.box.Refresh()
}
