package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// textTable is a read-only table with a bold sticky header row. Its cells
// wrap and each row is as high as its longest cell, and the columns share
// the table's width in the proportions of the preferred widths. Fyne has
// no tooltips, so a cell cut off with "…" could never be read in full;
// wrapping shows every word at every window size without a click, and a
// click on a row keeps its meaning (open the Kennzahl).
type textTable struct {
	widget.Table
	header []string
	widths []float32 // preferred widths: their proportions are kept
	rows   *[][]string
	fitted float32 // the width the columns were last fitted to
	// colWidths are the widths fitColumns gave the columns.
	colWidths []float32
	probe     *widget.Label
	oneLine   float32 // lineHeight, once measured
}

// newTextTable shows header and *rows, which is read at every refresh: callers
// replace *rows and call Refresh.
func newTextTable(header []string, widths []float32, rows *[][]string) *textTable {
	t := &textTable{header: header, widths: widths, rows: rows, probe: widget.NewLabel("")}
	t.probe.Wrapping = fyne.TextWrapWord
	t.Length = func() (int, int) { return len(*rows) + 1, len(header) }
	t.CreateCell = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	t.UpdateCell = func(id widget.TableCellID, c fyne.CanvasObject) {
		l := c.(*widget.Label)
		l.TextStyle.Bold = id.Row == 0
		l.SetText(t.cell(id.Row, id.Col))
	}
	t.StickyRowCount = 1
	t.ExtendBaseWidget(t)
	for i, w := range widths {
		t.Table.SetColumnWidth(i, w)
	}
	return t
}

// cell is the text at a table row; row 0 is the header.
func (t *textTable) cell(row, col int) string {
	if row == 0 {
		return t.header[col]
	}
	r := (*t.rows)[row-1]
	if col >= len(r) {
		return ""
	}
	return r[col]
}

// Resize fits the columns to the new width before the table lays out.
func (t *textTable) Resize(s fyne.Size) {
	if s.Width > 0 && s.Width != t.fitted {
		t.fitted = s.Width
		t.fitColumns()
		t.fitRows()
	}
	t.Table.Resize(s)
}

// Refresh measures the rows again: their texts may have changed.
func (t *textTable) Refresh() {
	if t.fitted > 0 {
		t.fitColumns()
		t.fitRows()
	}
	t.Table.Refresh()
}

// fitColumns shares the table's width among the columns in the
// proportions of the preferred widths, but gives no column less than its
// widest word, so that no word is broken ("Kenn-zahl") or cut; the
// columns that got their minimum are taken out and the rest shared again.
func (t *textTable) fitColumns() {
	n := len(t.widths)
	least := make([]float32, n)
	for i := range least {
		least[i] = t.widestWord(i)
	}
	fit := make([]float32, n)
	fixed := make([]bool, n)
	avail := t.fitted - float32(n)*theme.SeparatorThicknessSize() - theme.ScrollBarSize() - theme.Padding()
	for changed := true; changed; {
		changed = false
		rest, sum := avail, float32(0)
		for i, w := range t.widths {
			if fixed[i] {
				rest -= least[i]
			} else {
				sum += w
			}
		}
		for i, w := range t.widths {
			switch {
			case fixed[i]:
				fit[i] = least[i]
			case sum > 0 && rest > 0:
				fit[i] = w * rest / sum
			default:
				fit[i] = least[i]
			}
			if !fixed[i] && fit[i] < least[i] {
				fixed[i], changed = true, true
			}
		}
	}
	for i, w := range fit {
		t.Table.SetColumnWidth(i, w)
	}
	t.colWidths = fit
}

// widestWord is the width of the longest word in column i, header
// included, with the cell's padding.
func (t *textTable) widestWord(i int) float32 {
	var widest float32
	rows, _ := t.Length()
	for r := 0; r < rows; r++ {
		style := fyne.TextStyle{Bold: r == 0}
		for _, w := range strings.Fields(t.cell(r, i)) {
			if s := fyne.MeasureText(w, theme.TextSize(), style).Width; s > widest {
				widest = s
			}
		}
	}
	return widest + 2*theme.InnerPadding() + 2
}

// fitRows makes each row as high as its longest wrapped cell.
func (t *textTable) fitRows() {
	rows, cols := t.Length()
	for r := 0; r < rows; r++ {
		var h float32
		for c := 0; c < cols; c++ {
			if x := t.cellHeight(r, c); x > h {
				h = x
			}
		}
		t.Table.SetRowHeight(r, h)
	}
}

// cellHeight measures the cell's text wrapped at its column's width. Most
// texts fit on one line: one (cached) text measurement tells so, where
// laying out a label for every cell made the Übersicht slow to appear.
func (t *textTable) cellHeight(row, col int) float32 {
	w := t.colWidths[col]
	text := t.cell(row, col)
	style := fyne.TextStyle{Bold: row == 0}
	// 2 px to spare: a text exactly as wide as the line is measured below.
	if !strings.Contains(text, "\n") && fyne.MeasureText(text, theme.TextSize(), style).Width <= w-2*theme.InnerPadding()-2 {
		return t.lineHeight()
	}
	t.probe.TextStyle = style
	t.probe.Text = text
	t.probe.Refresh()
	t.probe.Resize(fyne.NewSize(w, t.probe.MinSize().Height))
	return t.probe.MinSize().Height
}

// lineHeight is the height of a cell with one line of text.
func (t *textTable) lineHeight() float32 {
	if t.oneLine == 0 {
		l := widget.NewLabel("Ag")
		l.Wrapping = fyne.TextWrapWord
		l.Resize(fyne.NewSize(1000, l.MinSize().Height))
		t.oneLine = l.MinSize().Height
	}
	return t.oneLine
}
