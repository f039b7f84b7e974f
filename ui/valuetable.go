package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// valueGrid is the table model: a header row and one row per period.
type valueGrid struct {
	header []string
	rows   [][]string
}

// gridRows presents a Grid of the evaluation: rows are periods (oldest
// first), columns Grundzahl × Gruppe, each value with its marks. The
// window is internal and shows every value, also those the report hides.
func gridRows(g report.Grid) valueGrid {
	out := valueGrid{header: []string{"Erhebungszeit"}}
	for _, c := range g.Columns {
		out.header = append(out.header, c.BaseFigure.Alias+" "+c.BaseFigure.Name+" – "+c.GroupName)
	}
	for _, r := range g.Rows {
		row := []string{r.Period.Label()}
		for _, c := range r.Cells {
			row = append(row, c.Text)
		}
		out.rows = append(out.rows, row)
	}
	return out
}

// valueTable shows a valueGrid with an area chooser above it.
type valueTable struct {
	grid   valueGrid
	table  *widget.Table
	area   *widget.Select
	areas  []string
	box    *fyne.Container
	reload func()
}

func newValueTable(cat *store.Catalog, kf store.KeyFigure, bfs []store.BaseFigure) *valueTable {
	t := &valueTable{}
	seen := map[string]bool{}
	for _, b := range bfs {
		for _, a := range b.Areas {
			if !seen[a] {
				seen[a] = true
				t.areas = append(t.areas, a)
			}
		}
	}
	var names []string
	for _, a := range t.areas {
		names = append(names, cat.AreaName(a))
	}
	t.area = widget.NewSelect(names, func(string) {
		if t.reload != nil {
			t.reload()
		}
	})
	t.table = widget.NewTable(
		func() (int, int) { return len(t.grid.rows) + 1, len(t.grid.header) },
		func() fyne.CanvasObject { return widget.NewLabel("00.000.000,0") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle.Bold = id.Row == 0
			l.Truncation = fyne.TextTruncateEllipsis
			if id.Row == 0 {
				l.SetText(t.grid.header[id.Col])
				return
			}
			l.SetText(t.grid.rows[id.Row-1][id.Col])
		},
	)
	t.table.StickyRowCount = 1
	t.table.StickyColumnCount = 1
	t.table.SetColumnWidth(0, 150)
	// A fixed height inside the scrolling detail view: tables need a size.
	t.box = container.NewBorder(container.NewBorder(nil, nil, widget.NewLabel("Statistischer Bezirk:"), nil, t.area), nil, nil, nil,
		container.NewGridWrap(fyne.NewSize(900, 220), t.table))
	return t
}

// selectedArea is the area code the table shows.
func (t *valueTable) selectedArea() string {
	i := t.area.SelectedIndex()
	if i < 0 || i >= len(t.areas) {
		return ""
	}
	return t.areas[i]
}

func (t *valueTable) setGrid(rg report.Grid) {
	g := gridRows(rg)
	t.grid = g
	for c := 1; c < len(g.header); c++ {
		t.table.SetColumnWidth(c, 230)
	}
	t.table.Refresh()
}
