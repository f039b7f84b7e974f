package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// valueGrid is the table model: a header row and one row per period.
type valueGrid struct {
	header []string
	rows   [][]string
	// notes are the reasons of the Zeitreihenbrüche the rows mark with
	// "|", shown as a legend under the table.
	notes []string
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
		row := []string{report.BreakLabel(r.Period, g.Breaks)}
		for _, c := range r.Cells {
			text := c.Text
			if c.Hidden {
				text += hiddenMark
			}
			row = append(row, text)
		}
		out.rows = append(out.rows, row)
	}
	out.notes = report.BreakNotes(g.Periods(), g.Breaks)
	return out
}

// The table is laid out without a scroller of its own: a scroller inside
// the panel's scroll catches the mouse wheel and stops the panel halfway.
// Columns beyond tableChunk start a further block below, with the
// Erhebungszeit repeated, so the table never runs off the right edge.
const (
	tableChunk       = 3   // value columns per block: fit 1024 px windows
	tablePeriodCol   = 150 // width of the Erhebungszeit column
	tableMinValueCol = 160 // least width of a value column; wider windows share the rest
)

// valueTable shows a valueGrid with an area chooser above it.
type valueTable struct {
	grid   valueGrid
	cells  *fyne.Container // the blocks of the table, rebuilt by setGrid
	hidden *widget.Label   // which values the report hides, and why
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
	t.area = widget.NewSelect(names, nil)
	for i, a := range t.areas {
		if i == 0 || a == kf.Area {
			t.area.SetSelectedIndex(i)
		}
	}
	// Set after the first choice: the panel evaluates once when built.
	t.area.OnChanged = func(string) {
		if t.reload != nil {
			t.reload()
		}
	}
	t.cells = container.NewVBox()
	t.hidden = legendLabel("")
	t.hidden.Hide()
	t.box = container.NewBorder(container.NewBorder(nil, nil, widget.NewLabel("Statistischer Bezirk:"), nil, t.area), t.hidden, nil, nil, t.cells)
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
	var blocks []fyne.CanvasObject
	if len(g.rows) == 0 {
		blocks = append(blocks, widget.NewLabel("Für diesen Bezirk ist noch kein Wert gespeichert."))
	}
	for first := 1; len(g.rows) > 0 && first < len(g.header); first += tableChunk {
		cols := []int{0}
		for c := first; c < min(first+tableChunk, len(g.header)); c++ {
			cols = append(cols, c)
		}
		blocks = append(blocks, tableBlock(g, cols))
	}
	for _, n := range g.notes {
		blocks = append(blocks, para(n))
	}
	t.cells.Objects = blocks
	t.cells.Refresh()
	t.hidden.SetText(gridHiddenNote(rg))
	if t.hidden.Text == "" {
		t.hidden.Hide()
	} else {
		t.hidden.Show()
	}
}

// tableBlock lays out the columns cols of g, header row first.
func tableBlock(g valueGrid, cols []int) fyne.CanvasObject {
	width := func(c int) float32 {
		if c == 0 {
			return tablePeriodCol
		}
		return tableMinValueCol
	}
	var cells []fyne.CanvasObject
	for _, c := range cols {
		// Wrapped by hand at the least width, so the row height is known
		// before the layout: a wrapping label only knows it afterwards.
		h := widget.NewLabelWithStyle(wrapText(g.header[c], width(c)-2*theme.InnerPadding()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		cells = append(cells, container.NewStack(canvas.NewRectangle(theme.Color(theme.ColorNameHeaderBackground)), h))
	}
	for _, r := range g.rows {
		for _, c := range cols {
			cells = append(cells, widget.NewLabel(r[c]))
		}
	}
	return container.New(&tableLayout{cols: len(cols)}, cells...)
}

// wrapText breaks s into lines of at most width at spaces.
func wrapText(s string, width float32) string {
	size := theme.TextSize()
	style := fyne.TextStyle{Bold: true}
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		try := strings.TrimSpace(line + " " + w)
		if line != "" && fyne.MeasureText(try, size, style).Width > width {
			lines = append(lines, line)
			try = w
		}
		line = try
	}
	return strings.Join(append(lines, line), "\n")
}

// tableLayout places cells row by row in cols columns: the Erhebungszeit
// column tablePeriodCol wide, the value columns sharing the rest but at
// least tableMinValueCol wide, each row as high as its highest cell.
type tableLayout struct{ cols int }

func (l *tableLayout) rowHeights(objs []fyne.CanvasObject) []float32 {
	var hs []float32
	for i, o := range objs {
		if i%l.cols == 0 {
			hs = append(hs, 0)
		}
		hs[len(hs)-1] = max(hs[len(hs)-1], o.MinSize().Height)
	}
	return hs
}

// MinSize is the least width of the columns and the sum of the rows.
func (l *tableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, rh := range l.rowHeights(objs) {
		h += rh
	}
	return fyne.NewSize(tablePeriodCol+float32(l.cols-1)*tableMinValueCol, h)
}

// Layout spreads the columns over the width.
func (l *tableLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	valueCol := float32(tableMinValueCol)
	if l.cols > 1 {
		valueCol = max(valueCol, (size.Width-tablePeriodCol)/float32(l.cols-1))
	}
	hs := l.rowHeights(objs)
	y := float32(0)
	for i, o := range objs {
		r, c := i/l.cols, i%l.cols
		x, w := float32(0), float32(tablePeriodCol)
		if c > 0 {
			x, w = tablePeriodCol+float32(c-1)*valueCol, valueCol
		}
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(w, hs[r]))
		if c == l.cols-1 {
			y += hs[r]
		}
	}
}
