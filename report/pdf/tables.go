package pdf

import "strings"

// column is one column of a table; widths are relative and scaled to the
// body width.
type column struct {
	title string
	width float64
	align string // "L", "R", "C"
}

// band is a header cell over several columns (a Grundzahl over its groups).
type band struct {
	title    string
	from, to int // columns [from, to)
}

// row is one table row; a group row spans all columns as a sub-heading.
type row struct {
	cells []string
	group bool
	bold  bool
}

// table is a table that may break across pages: its header (bands and
// column titles) is repeated on every page, a row is never split unless it
// is taller than a page, and every cell's text is wrapped into its box.
type table struct {
	caption  string // above the table, kept with its header
	cols     []column
	bands    []band
	rows     []row
	note     string // below the table
	noHeader bool   // a label/value list
	size     float64
}

const (
	cellPadX = 1.2
	cellPadY = 0.9
)

// tableLayout is a table measured for the page.
type tableLayout struct {
	t      table
	widths []float64
	lh     float64
}

func (d *pdfDoc) table(t table) {
	l, heights, noteH, first := d.tableMeasure(t)
	t = l.t
	d.ensure(first)
	if t.caption != "" {
		d.text(t.caption, textStyle{style: "B", size: sizeSmall + 0.5, after: 1})
	}
	l.drawHeader(d)
	for i, r := range t.rows {
		if i == len(t.rows)-1 && i > 0 && d.y()+heights[i]+min(noteH, 20) > bodyBot {
			// The note explains the table: the last row goes with it.
			l.continueOnNewPage(d)
		}
		l.drawRow(d, r)
	}
	d.setY(d.y() + 1.5)
	if t.note != "" {
		d.text(t.note, noteText)
	} else {
		d.space(2)
	}
}

// tableMeasure lays table t out for the page: its row heights, the
// height of its note, and first, the room it needs on the page it
// starts on. A short table stays in one piece; a long one needs room for
// its header and first two rows, so that no row is left alone.
func (d *pdfDoc) tableMeasure(t table) (l tableLayout, heights []float64, noteH, first float64) {
	captionH := 0.0
	if t.size == 0 {
		t.size = sizeTable
	}
	l = tableLayout{t: t, lh: lineH(t.size)}
	total := 0.0
	for _, c := range t.cols {
		total += c.width
	}
	for _, c := range t.cols {
		l.widths = append(l.widths, c.width/total*bodyW)
	}
	if t.caption != "" {
		captionH = d.textHeight(t.caption, textStyle{style: "B", size: sizeSmall + 0.5, after: 1})
	}
	need, whole := 0.0, 0.0
	heights = make([]float64, len(t.rows))
	for i, r := range t.rows {
		heights[i] = l.rowHeight(d, r)
		if i < 2 {
			need += heights[i]
		}
		whole += heights[i]
	}
	if t.note != "" {
		noteH = d.textHeight(t.note, noteText) + 1.5
	}
	if whole+noteH <= (bodyBot-bodyTop)/3 {
		need = whole + noteH
	}
	return l, heights, noteH, captionH + l.headerHeight(d) + min(need, 60)
}

// tableNeed is the room table t needs on the page it starts on; a
// heading over it keeps that much below itself.
func (d *pdfDoc) tableNeed(t table) float64 {
	_, _, _, first := d.tableMeasure(t)
	return first
}

// cellLines wraps one cell in the style of its row.
func (l *tableLayout) cellLines(d *pdfDoc, s string, w float64, bold bool) []string {
	style := ""
	if bold {
		style = "B"
	}
	d.font(style, l.t.size)
	return d.wrap(hyphenHints.Replace(s), w-2*cellPadX)
}

// headLines wraps a header cell, a little smaller than the body so that
// the group names fit over narrow number columns.
func (l *tableLayout) headLines(d *pdfDoc, s string, w float64) []string {
	d.font("B", l.headSize())
	return d.wrap(hyphenHints.Replace(s), w-2*cellPadX)
}

func (l *tableLayout) headSize() float64 {
	if len(l.t.cols) > 5 {
		return l.t.size - 1
	}
	return l.t.size - 0.5
}

// hyphenHints mark where the long words of column titles may break
// (soft hyphens, see wrap); without them a narrow column tears
// "Migrationshintergrund" wherever the width ends.
var hyphenHints = strings.NewReplacer(
	"Migrationshintergrund", "Migrations\u00adhintergrund",
	"Zuwanderungsgeschichte", "Zuwanderungs\u00adgeschichte",
	"Staatsangehörigkeit", "Staats\u00adangehörigkeit",
	"Schulabgänger", "Schul\u00adabgänger",
	"Ausbildungsplatz", "Ausbildungs\u00adplatz",
	"Berufsausbildungsstellen", "Berufs\u00adausbildungs\u00adstellen",
	"Sozialversicherungspflichtig", "Sozial\u00adversicherungs\u00adpflichtig",
	"Migrantenselbstorganisation", "Migranten\u00adselbst\u00adorganisation",
	"Religionsgemeinschaften", "Religions\u00adgemeinschaften",
	"Ausschussmitglieder", "Ausschuss\u00admitglieder",
	"Bevölkerungsstruktur", "Bevölkerungs\u00adstruktur",
	"Sprachförderbedarf", "Sprach\u00adförder\u00adbedarf",
	"Sprachförderung", "Sprach\u00adförderung",
	"Sprachkompetenz", "Sprach\u00adkompetenz",
	"Wahlberechtigte", "Wahl\u00adberechtigte",
	"Integrationsratswahl", "Integrations\u00adrats\u00adwahl",
	"Fünftklässler", "Fünft\u00adklässler",
	"Einrichtung", "Ein\u00adrichtung",
	"Bewerbungen", "Bewer\u00adbungen",
	"Beschäftigte", "Beschäf\u00adtigte",
)

func (l *tableLayout) headerHeight(d *pdfDoc) float64 {
	if l.t.noHeader {
		return 0
	}
	bandH, colH := l.headerRows(d)
	return bandH + colH
}

func (l *tableLayout) span(from, to int) float64 {
	w := 0.0
	for _, x := range l.widths[from:to] {
		w += x
	}
	return w
}

func (l *tableLayout) x(col int) float64 { return marginX + l.span(0, col) }

func (l *tableLayout) drawHeader(d *pdfDoc) {
	if l.t.noHeader {
		return
	}
	y := d.y()
	covered := make([]bool, len(l.t.cols))
	for _, b := range l.t.bands {
		for i := b.from; i < b.to; i++ {
			covered[i] = true
		}
	}
	bandH, h := l.headerRows(d)
	for _, b := range l.t.bands {
		lines := l.headLines(d, b.title, l.span(b.from, b.to))
		l.head(d, l.x(b.from), y, l.span(b.from, b.to), bandH, lines, "C")
	}
	for i, c := range l.t.cols {
		lines := l.headLines(d, c.title, l.widths[i])
		align := c.align
		if align == "R" {
			align = "C"
		}
		if covered[i] {
			l.head(d, l.x(i), y+bandH, l.widths[i], h, lines, align)
		} else {
			// A column without a band has one box over both header rows.
			l.head(d, l.x(i), y, l.widths[i], bandH+h, lines, align)
		}
	}
	d.setY(y + bandH + h)
}

// headerRows are the heights of the band row (0 without bands) and of
// the column titles.
func (l *tableLayout) headerRows(d *pdfDoc) (bandH, colH float64) {
	lh := lineH(l.headSize())
	for _, b := range l.t.bands {
		bandH = max(bandH, float64(len(l.headLines(d, b.title, l.span(b.from, b.to))))*lh+2*cellPadY)
	}
	for i, c := range l.t.cols {
		colH = max(colH, float64(len(l.headLines(d, c.title, l.widths[i])))*lh+2*cellPadY)
	}
	return bandH, colH
}

// head draws a header cell.
func (l *tableLayout) head(d *pdfDoc, x, y, w, h float64, lines []string, align string) {
	l.frame(d, x, y, w, h, true)
	d.font("B", l.headSize())
	lh := lineH(l.headSize())
	for i, s := range lines {
		d.cell(x+cellPadX, y+cellPadY+float64(i)*lh, w-2*cellPadX, lh, s, align)
	}
}

func (l *tableLayout) rowHeight(d *pdfDoc, r row) float64 {
	n := 0
	for _, lines := range l.rowLines(d, r) {
		n = max(n, len(lines))
	}
	return float64(n)*l.lh + 2*cellPadY
}

func (l *tableLayout) rowLines(d *pdfDoc, r row) [][]string {
	if r.group {
		return [][]string{l.cellLines(d, r.cells[0], bodyW, true)}
	}
	out := make([][]string, len(l.t.cols))
	for i := range l.t.cols {
		s := ""
		if i < len(r.cells) {
			s = r.cells[i]
		}
		out[i] = l.cellLines(d, s, l.widths[i], r.bold || l.t.noHeader && i == 0)
	}
	return out
}

// drawRow draws a row, on a new page with the header repeated if it does
// not fit; a row taller than a whole page is split by lines.
func (l *tableLayout) drawRow(d *pdfDoc, r row) {
	cells := l.rowLines(d, r)
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	full := int((bodyBot - bodyTop - l.headerHeight(d) - 2*cellPadY) / l.lh)
	fresh := false
	for from := 0; from < n; {
		room := int((bodyBot - d.y() - 2*cellPadY + 0.01) / l.lh)
		if room < n-from && !fresh && (n-from <= full || room < 2) {
			l.continueOnNewPage(d)
			fresh = true
			continue
		}
		to := min(n, from+max(room, 1))
		h := float64(to-from)*l.lh + 2*cellPadY
		y := d.y()
		if r.group {
			l.box(d, marginX, y, bodyW, h, slice(cells[0], from, to), "L", true, true)
		} else {
			for i, c := range cells {
				bold := r.bold || l.t.noHeader && i == 0
				l.box(d, l.x(i), y, l.widths[i], h, slice(c, from, to), l.t.cols[i].align, bold, false)
			}
		}
		d.setY(y + h)
		from = to
		if from < n {
			l.continueOnNewPage(d)
			fresh = true
		}
	}
}

func (l *tableLayout) continueOnNewPage(d *pdfDoc) {
	d.newPage()
	l.drawHeader(d)
}

func (l *tableLayout) frame(d *pdfDoc, x, y, w, h float64, fill bool) {
	if d.dry != nil {
		return
	}
	pdf := d.pdf
	pdf.SetDrawColor(170, 170, 170)
	pdf.SetLineWidth(0.15)
	style := "D"
	if fill {
		pdf.SetFillColor(232, 236, 242)
		style = "FD"
	}
	pdf.Rect(x, y, w, h, style)
}

func slice(lines []string, from, to int) []string {
	if from >= len(lines) {
		return nil
	}
	return lines[from:min(to, len(lines))]
}

// box draws one cell: frame, optional shading, its lines.
func (l *tableLayout) box(d *pdfDoc, x, y, w, h float64, lines []string, align string, bold, fill bool) {
	l.frame(d, x, y, w, h, fill)
	fs := ""
	if bold {
		fs = "B"
	}
	d.font(fs, l.t.size)
	for i, s := range lines {
		d.cell(x+cellPadX, y+cellPadY+float64(i)*l.lh, w-2*cellPadX, l.lh, s, align)
	}
}
