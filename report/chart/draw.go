package chart

import (
	"cmp"
	"slices"
	"strings"

	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// xy is a drawable point: x is the period's Pos, y its value.
type xy struct{ x, y float64 }

// trendLine is one line of a chart: a series or the reference.
type trendLine struct {
	label   string
	runs    [][]xy // continuous stretches; a gap lies between two runs
	periods []store.Period
	look    lineLook
}

// splitRuns cuts points into runs of drawable values. A point that is
// not computable (a symbol, a missing input) ends a run, so no line is
// drawn across it. A period with no point at all does not: a biennial
// survey is a line through every second year, not a row of dots.
func splitRuns(points []report.Point) [][]xy {
	sorted := slices.Clone(points)
	slices.SortStableFunc(sorted, func(a, b report.Point) int { return cmp.Compare(a.Period.Pos(), b.Period.Pos()) })
	var runs [][]xy
	var run []xy
	for _, p := range sorted {
		if !plottable(p) {
			if len(run) > 0 {
				runs = append(runs, run)
			}
			run = nil
			continue
		}
		run = append(run, xy{p.Period.Pos(), p.Value})
	}
	if len(run) > 0 {
		runs = append(runs, run)
	}
	return runs
}

func trendLines(spec Spec) []trendLine {
	var lines []trendLine
	if ref := spec.Reference; ref != nil {
		label := ref.Label
		if label == "" {
			label = "Referenz"
		}
		lines = append(lines, newTrendLine(label, ref.Points, referenceLook))
	}
	for i, s := range spec.Series {
		lines = append(lines, newTrendLine(s.Label, s.Points, seriesLook(i)))
	}
	for i, g := range spec.Regions {
		lines = append(lines, newTrendLine(g.Label, g.Points, regionLook(i)))
	}
	for i := range lines {
		lines[i].runs = cutAtBreaks(lines[i].runs, lines[i].periods, spec.Breaks)
	}
	return lines
}

func newTrendLine(label string, points []report.Point, look lineLook) trendLine {
	l := trendLine{label: label, runs: splitRuns(points), look: look}
	for _, p := range points {
		l.periods = append(l.periods, p.Period)
	}
	return l
}

// lineLook is how a line is drawn. Colour alone does not survive a
// greyscale printer, so lines also differ in marker shape and filling.
type lineLook struct {
	color  drawing.Color
	width  float64
	dash   []float64
	marker markerShape
	hollow bool
	ref    bool // markers only where a point stands alone
	brk    bool // a Zeitreihenbruch: an upright sample in the legend
}

type markerShape int

const (
	circle markerShape = iota
	square
	triangle
	diamond
)

// The palette follows Okabe and Ito's colour-blind-safe colours, ordered
// so that neighbours differ in brightness as well.
var palette = []lineLook{
	{color: drawing.ColorFromHex("0a5a9c"), width: 2.5, marker: circle},
	{color: drawing.ColorFromHex("e08a00"), width: 2.5, marker: square, hollow: true},
	{color: drawing.ColorFromHex("008060"), width: 2.5, marker: triangle},
	{color: drawing.ColorFromHex("c2457f"), width: 2.5, marker: diamond, hollow: true},
	{color: drawing.ColorFromHex("56a6dc"), width: 2.5, marker: square},
	{color: drawing.ColorFromHex("333333"), width: 2.5, marker: circle, hollow: true},
}

var referenceLook = lineLook{color: drawing.ColorFromHex("7a7a7a"), width: 2, dash: []float64{8, 5}, marker: circle, ref: true}

// regionLooks draw comparison regions dash-dotted, which neither a series
// (solid) nor the reference (dashed, no markers) is, in dark colours that
// stay apart from the palette's, with hollow markers.
var regionLooks = []lineLook{
	{color: drawing.ColorFromHex("5a3d8a"), width: 2, dash: []float64{9, 3, 2, 3}, marker: diamond, hollow: true},
	{color: drawing.ColorFromHex("7a5a00"), width: 2, dash: []float64{9, 3, 2, 3}, marker: triangle, hollow: true},
	{color: drawing.ColorFromHex("3d6b6b"), width: 2, dash: []float64{9, 3, 2, 3}, marker: square, hollow: true},
}

// regionLook is the look of the i-th comparison region.
func regionLook(i int) lineLook { return regionLooks[i%len(regionLooks)] }

// seriesLook is the look of the i-th series. Beyond the palette the
// looks repeat dotted, so that a seventh group is still told apart.
func seriesLook(i int) lineLook {
	look := palette[i%len(palette)]
	if i >= len(palette) {
		look.dash = []float64{3, 3}
	}
	return look
}

// trendSeries draws a trendLine for go-chart. It draws its own polylines
// and markers because go-chart's line series draws across gaps and has
// round dots only.
type trendSeries struct{ line trendLine }

func (trendSeries) GetName() string { return "" }

// GetYAxis puts every line on the left axis (see layoutChart).
func (trendSeries) GetYAxis() gochart.YAxisType { return gochart.YAxisSecondary }
func (trendSeries) GetStyle() gochart.Style     { return gochart.Style{} }
func (trendSeries) Validate() error             { return nil }

// Render implements gochart.Series.
func (s trendSeries) Render(r gochart.Renderer, cb gochart.Box, xr, yr gochart.Range, _ gochart.Style) {
	look := s.line.look
	at := func(p xy) (int, int) { return cb.Left + xr.Translate(p.x), cb.Bottom - yr.Translate(p.y) }
	for _, run := range s.line.runs {
		if len(run) < 2 {
			continue
		}
		r.SetStrokeColor(look.color)
		r.SetStrokeWidth(look.width)
		r.SetStrokeDashArray(look.dash)
		r.MoveTo(at(run[0]))
		for _, p := range run[1:] {
			r.LineTo(at(p))
		}
		r.Stroke()
	}
	for _, run := range s.line.runs {
		if look.ref && len(run) > 1 {
			continue
		}
		for _, p := range run {
			x, y := at(p)
			drawMarker(r, look, x, y)
		}
	}
}

// drawMarker draws look's marker centred on x, y.
func drawMarker(r gochart.Renderer, look lineLook, x, y int) {
	const m = 4
	fill := look.color
	if look.hollow {
		fill = drawing.ColorWhite
	}
	r.SetStrokeDashArray(nil)
	r.SetStrokeColor(look.color)
	r.SetStrokeWidth(1.8)
	r.SetFillColor(fill)
	switch look.marker {
	case square:
		r.MoveTo(x-m, y-m)
		r.LineTo(x+m, y-m)
		r.LineTo(x+m, y+m)
		r.LineTo(x-m, y+m)
		r.Close()
	case triangle:
		r.MoveTo(x, y-m-1)
		r.LineTo(x+m+1, y+m)
		r.LineTo(x-m-1, y+m)
		r.Close()
	case diamond:
		r.MoveTo(x, y-m-1)
		r.LineTo(x+m+1, y)
		r.LineTo(x, y+m+1)
		r.LineTo(x-m-1, y)
		r.Close()
	default:
		r.Circle(m, x, y)
	}
	r.FillStroke()
}

// legendItem is one entry of the legend: a sample of the line and its label.
type legendItem struct {
	label string
	look  lineLook
}

// legendItems lists the lines that have a name, the reference last (it is
// drawn first, to lie behind the series). A series without a single
// computable value stays in the legend, marked, so that a missing group
// is noticed rather than overlooked.
func legendItems(lines []trendLine) []legendItem {
	var items []legendItem
	lines = slices.Clone(lines)
	slices.SortStableFunc(lines, func(a, b trendLine) int {
		return cmp.Compare(boolInt(a.look.ref), boolInt(b.look.ref))
	})
	for _, l := range lines {
		if l.label == "" {
			continue
		}
		label := l.label
		if len(l.runs) == 0 {
			label += " (keine Daten)"
		}
		items = append(items, legendItem{label: label, look: l.look})
	}
	return items
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Legend geometry in chart units: the line sample, the space between
// sample and label, and between one entry and the next.
const (
	sampleWidth = 30
	sampleGap   = 6
	itemGap     = 22
)

// flowRows fills legend rows left to right up to width units.
func flowRows(items []legendItem, width int, measure func(string) int) [][]legendItem {
	var rows [][]legendItem
	var row []legendItem
	used := 0
	for _, it := range items {
		w := sampleWidth + sampleGap + measure(it.label)
		if len(row) > 0 && used+itemGap+w > width {
			rows = append(rows, row)
			row, used = nil, 0
		}
		if len(row) > 0 {
			used += itemGap
		}
		row = append(row, it)
		used += w
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

// drawLegend draws the rows centred below the plot, from top down.
func drawLegend(font *truetype.Font, rows [][]legendItem, w, top int) gochart.Renderable {
	return func(r gochart.Renderer, _ gochart.Box, _ gochart.Style) {
		textStyle := gochart.Style{Font: font, FontSize: legendFontSize, FontColor: textColor}
		lh := lineHeight(legendFontSize)
		for i, row := range rows {
			textStyle.WriteTextOptionsToRenderer(r)
			widths := make([]int, len(row))
			total := 0
			for j, it := range row {
				widths[j] = sampleWidth + sampleGap + r.MeasureText(it.label).Width()
				total += widths[j]
			}
			total += itemGap * (len(row) - 1)
			x := (w - total) / 2
			base := top + i*lh + ascent(legendFontSize)
			mid := base - ascent(legendFontSize)*3/8
			for j, it := range row {
				r.SetStrokeColor(it.look.color)
				r.SetStrokeWidth(it.look.width)
				r.SetStrokeDashArray(it.look.dash)
				if it.look.brk {
					r.MoveTo(x+sampleWidth/2, mid-lh/2)
					r.LineTo(x+sampleWidth/2, mid+lh/2)
				} else {
					r.MoveTo(x, mid)
					r.LineTo(x+sampleWidth, mid)
				}
				r.Stroke()
				if !it.look.ref {
					drawMarker(r, it.look, x+sampleWidth/2, mid)
				}
				gochart.Draw.Text(r, it.label, x+sampleWidth+sampleGap, base, textStyle)
				x += widths[j] + itemGap
			}
		}
	}
}

// demoNote marks every chart of Beispieldaten, so that a chart copied out
// of a report can never be taken for real figures.
const demoNote = "(Beispieldaten)"

// maxTitleLines keeps a long Kennzahl statement from eating the plot.
const maxTitleLines = 2

// wrapTitle breaks title into at most maxTitleLines lines of width units.
// What does not fit is cut with an ellipsis, but the demo note is always
// kept whole.
func wrapTitle(title string, demo bool, width int, measure func(string) int) []string {
	words := strings.Fields(title)
	if demo {
		words = append(words, demoNote)
	}
	lines := wrapWords(words, width, measure)
	for len(lines) > maxTitleLines && len(words) > 1 {
		// Drop the title's last word until the rest fits with an ellipsis.
		cut := len(words) - 1
		if demo {
			cut--
		}
		if cut < 1 {
			break
		}
		words = slices.Delete(words, cut, cut+1)
		trimmed := slices.Clone(words)
		trimmed[cut-1] += "…"
		lines = wrapWords(trimmed, width, measure)
	}
	return lines
}

func wrapWords(words []string, width int, measure func(string) int) []string {
	var lines []string
	line := ""
	for _, w := range words {
		switch {
		case line == "":
			line = w
		case measure(line+" "+w) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// drawPeriodMarks puts a tick mark under every period, labelled or not,
// so that the periods can be counted where labels are thinned out.
func drawPeriodMarks(periods []store.Period, xlo, xhi float64) gochart.Renderable {
	return func(r gochart.Renderer, cb gochart.Box, _ gochart.Style) {
		xr := gochart.ContinuousRange{Min: xlo, Max: xhi, Domain: cb.Width()}
		r.SetStrokeColor(axisColor)
		r.SetStrokeWidth(1)
		r.SetStrokeDashArray(nil)
		for _, p := range periods {
			x := cb.Left + xr.Translate(p.Pos())
			r.MoveTo(x, cb.Bottom)
			r.LineTo(x, cb.Bottom+gochart.DefaultVerticalTickHeight)
			r.Stroke()
		}
	}
}

func drawTitle(font *truetype.Font, lines []string, w int) gochart.Renderable {
	return func(r gochart.Renderer, _ gochart.Box, _ gochart.Style) {
		style := gochart.Style{Font: font, FontSize: titleFontSize, FontColor: textColor}
		for i, line := range lines {
			tw := gochart.Draw.MeasureText(r, line, style).Width()
			y := padTop + i*lineHeight(titleFontSize) + ascent(titleFontSize)
			gochart.Draw.Text(r, line, (w-tw)/2, y, style)
		}
	}
}

// drawCaption writes the unit above the y axis labels, just above the
// plot whose top lies at top.
func drawCaption(font *truetype.Font, caption string, top int) gochart.Renderable {
	return func(r gochart.Renderer, _ gochart.Box, _ gochart.Style) {
		if caption == "" {
			return
		}
		style := gochart.Style{Font: font, FontSize: captionFontSize, FontColor: axisColor}
		gochart.Draw.Text(r, caption, padX, top-lineHeight(captionFontSize)*9/20, style)
	}
}

func drawNoData(font *truetype.Font) gochart.Renderable {
	return func(r gochart.Renderer, cb gochart.Box, _ gochart.Style) {
		gochart.Draw.Box(r, cb, gochart.Style{StrokeColor: gridColor, StrokeWidth: 1, FillColor: drawing.ColorWhite})
		style := gochart.Style{Font: font, FontSize: noDataFontSize, FontColor: axisColor}
		const msg = "Keine Daten"
		tb := gochart.Draw.MeasureText(r, msg, style)
		gochart.Draw.Text(r, msg, cb.Left+(cb.Width()-tb.Width())/2, cb.Top+(cb.Height()+tb.Height())/2, style)
	}
}
