package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// textTable is a read-only table with a bold sticky header row; rows is
// read at every refresh, so callers replace *rows and call Refresh.
func newTextTable(header []string, widths []float32, rows *[][]string) *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return len(*rows) + 1, len(header) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, c fyne.CanvasObject) {
			l := c.(*widget.Label)
			l.TextStyle.Bold = id.Row == 0
			if id.Row == 0 {
				l.SetText(header[id.Col])
				return
			}
			l.SetText((*rows)[id.Row-1][id.Col])
		},
	)
	for i, w := range widths {
		t.SetColumnWidth(i, w)
	}
	t.StickyRowCount = 1
	return t
}
