package ui

import (
	"sort"

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

type gridColumn struct {
	bf    store.BaseFigure
	group string
}

// buildGrid arranges a Kennzahl's stored values at one area: rows are
// periods (oldest first), columns Grundzahl × Gruppe.
func buildGrid(cat *store.Catalog, bfs []store.BaseFigure, values []store.Value, area string) valueGrid {
	var cols []gridColumn
	for _, b := range bfs {
		for _, g := range b.Groups {
			cols = append(cols, gridColumn{b, g})
		}
	}
	cell := map[[3]string]store.Value{}
	periodSet := map[store.Period]bool{}
	for _, v := range values {
		if v.Area != area {
			continue
		}
		cell[[3]string{v.BaseFigure, v.Group, string(v.Period)}] = v
		periodSet[v.Period] = true
	}
	var periods []store.Period
	for p := range periodSet {
		periods = append(periods, p)
	}
	sort.Slice(periods, func(i, j int) bool { return periods[i].Compare(periods[j]) < 0 })

	// Drop columns without any value so the table stays readable.
	var used []gridColumn
	for _, c := range cols {
		for _, p := range periods {
			if _, ok := cell[[3]string{c.bf.Code, c.group, string(p)}]; ok {
				used = append(used, c)
				break
			}
		}
	}
	g := valueGrid{header: []string{"Erhebungszeit"}}
	for _, c := range used {
		g.header = append(g.header, c.bf.Alias+" "+c.bf.Name+" – "+cat.GroupName(c.group))
	}
	for _, p := range periods {
		row := []string{p.Label()}
		for _, c := range used {
			v, ok := cell[[3]string{c.bf.Code, c.group, string(p)}]
			switch {
			case !ok:
				row = append(row, "")
			default:
				s := report.FormatValue(v.Number, v.Symbol, c.bf.Unit)
				if v.Provisional {
					s += " p"
				}
				if v.Estimated {
					s += " s"
				}
				row = append(row, s)
			}
		}
		g.rows = append(g.rows, row)
	}
	return g
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

func (t *valueTable) setGrid(g valueGrid) {
	t.grid = g
	for c := 1; c < len(g.header); c++ {
		t.table.SetColumnWidth(c, 230)
	}
	t.table.Refresh()
}
