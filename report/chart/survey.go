package chart

import (
	"bytes"
	"fmt"
	"image/png"
	"math"
	"strings"

	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// The grid the survey chart is laid out in, as for the trend chart: every
// length below is in these units whatever the output size.
const (
	SurveyWidth  = 800
	SurveyHeight = 400
)

// The category colours, most positive first. Blue for agreement and red
// for rejection read at a glance; the lightness runs dark, middle, light,
// lighter-middle, darker-middle so that neighbours also differ on a
// greyscale printer (TestSurveyColoursDifferInGrey keeps it so); the
// rejecting ones are striped as well (surveyHatched).
var surveyColors = [5]drawing.Color{
	drawing.ColorFromHex("0b3c73"),
	drawing.ColorFromHex("4f8fcb"),
	drawing.ColorFromHex("dcdcdc"),
	drawing.ColorFromHex("f0a04b"),
	drawing.ColorFromHex("b8322a"),
}

// surveyHatched marks the two rejecting categories with diagonal
// stripes: on a greyscale printer the darkest agreement and the darkest
// rejection are both dark greys, and the stripes tell them apart where
// lightness alone would not (issue 14).
var surveyHatched = [5]bool{false, false, false, true, true}

// hatch strokes diagonal stripes over the box in a darker shade of c,
// clipped to the box, 45° from lower left to upper right.
func (p painter) hatch(x0, y0, x1, y1 int, c drawing.Color) {
	const gap = 5
	h := y1 - y0
	if h <= 0 || x1 <= x0 {
		return
	}
	p.r.SetStrokeColor(darken(c, 0.45))
	p.r.SetStrokeWidth(1.2)
	p.r.SetStrokeDashArray(nil)
	for x := x0 - h + gap/2; x < x1; x += gap {
		// The stripe runs from (x, y1) to (x+h, y0); cut it at the sides.
		sx, sy, ex, ey := x, y1, x+h, y0
		if sx < x0 {
			sy -= x0 - sx
			sx = x0
		}
		if ex > x1 {
			ey += ex - x1
			ex = x1
		}
		if ex <= sx {
			continue
		}
		p.r.MoveTo(sx, sy)
		p.r.LineTo(ex, ey)
		p.r.Stroke()
	}
}

// darken mixes c with black by f (0 keeps c, 1 is black).
func darken(c drawing.Color, f float64) drawing.Color {
	mix := func(v uint8) uint8 { return uint8(math.Round(float64(v) * (1 - f))) }
	return drawing.Color{R: mix(c.R), G: mix(c.G), B: mix(c.B), A: 255}
}

// SurveyPNG draws the survey chart of cur, compared with prev, as a
// PNG of width × height pixels; see DrawSurvey.
func SurveyPNG(cur store.SurveyResult, prev *store.SurveyResult, width, height int, demo bool) ([]byte, error) {
	if width <= 0 || height <= 0 {
		return nil, fmt.Errorf("render survey chart: invalid size %d×%d", width, height)
	}
	if _, err := chartFont(); err != nil {
		return nil, fmt.Errorf("render survey chart: %w", err)
	}
	r, err := gochart.PNG(width, height)
	if err != nil {
		return nil, fmt.Errorf("render survey chart: %w", err)
	}
	k := min(float64(width)/SurveyWidth, float64(height)/SurveyHeight)
	box := gochart.Box{Right: int(math.Round(float64(width) / k)), Bottom: int(math.Round(float64(height) / k))}
	DrawSurvey(&scaledRenderer{Renderer: r, k: k}, cur, prev, box, demo)
	var img rgbaCollector
	if err := r.Save(&img); err != nil || img.rgba == nil {
		return nil, fmt.Errorf("render survey chart: no image (%v)", err)
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img.rgba); err != nil {
		return nil, fmt.Errorf("encode survey chart: %w", err)
	}
	return buf.Bytes(), nil
}

// DrawSurvey draws the survey chart into box of r, in chart units (font
// sizes at gochart.DefaultDPI), so that the PDF draws with its own renderer
// what SurveyPNG shows. Each question gets a 100 % bar per year, the
// comparison year thinner and lighter below; go-chart's StackedBarChart
// cannot do this, as its labels and bar widths are fixed.
func DrawSurvey(r gochart.Renderer, cur store.SurveyResult, prev *store.SurveyResult, box gochart.Box, demo bool) {
	font, err := chartFont()
	p := painter{r: r, font: font}
	r.SetDPI(gochart.DefaultDPI)
	p.rect(box.Left, box.Top, box.Right, box.Bottom, drawing.ColorWhite, drawing.Color{})
	if err != nil {
		return // SurveyPNG reports the error; without a font no text can be drawn
	}
	w := box.Width()

	title := "Integrationskonferenz: Bewertung des Austauschs"
	if cur.ReportYear != 0 {
		title = fmt.Sprintf("Integrationskonferenz %d: Bewertung des Austauschs", cur.ReportYear)
	}
	lines := wrapTitle(title, demo, w-2*padX, func(s string) int { return p.measure(titleFontSize, s) })
	for i, l := range lines {
		y := box.Top + padTop + i*lineHeight(titleFontSize) + ascent(titleFontSize)
		p.text(l, box.Left+(w-p.measure(titleFontSize, l))/2, y, titleFontSize, textColor)
	}
	top := box.Top + padTop + len(lines)*lineHeight(titleFontSize) + 8

	sums := report.SummarizeSurvey(cur, prev)
	var old [3]report.SurveySummary
	hasPrev := false
	if prev != nil {
		old = report.SummarizeSurvey(*prev, nil)
		hasPrev = report.AnyAnswers(old)
	}
	if !report.AnyAnswers(sums) && !hasPrev {
		const msg = "Keine Antworten erfasst"
		mid := top + (box.Bottom-padBot-top)/2
		p.text(msg, box.Left+(w-p.measure(noDataFontSize, msg))/2, mid+capHeight(noDataFontSize)/2, noDataFontSize, axisColor)
		return
	}

	note := "Anteile in % der Antworten (n); keine Angabe: ohne Antwort auf die Frage."
	if hasPrev {
		note += fmt.Sprintf(" Schmaler, heller Balken: Befragung %d.", prev.ReportYear)
	}
	noteLines := wrapWords(strings.Fields(note), w-2*padX, func(s string) int { return p.measure(captionFontSize, s) })
	bottom := box.Bottom - padBot - len(noteLines)*lineHeight(captionFontSize) - 6

	l := layoutSurvey(p, sums, old, hasPrev, box, bottom-top)
	y := top
	for q := range sums {
		l.block(p, q, sums[q], old[q], y)
		y += l.blockH
	}
	for i, line := range noteLines {
		p.text(line, box.Left+padX, y+i*lineHeight(captionFontSize)+capHeight(captionFontSize), captionFontSize, axisColor)
	}
}

// surveyLayout is where the parts of one question's block go: columns
// for the year, the bar and n; heights of the bars and of the block.
type surveyLayout struct {
	left, barL, barR int
	right            int // end of the n column
	hb, hp, blockH   int
	hasPrev, short   bool
	countSize        float64 // font size of n and keine Angabe, relative to captionFontSize
	legends          [3][][]legendEntry
}

func layoutSurvey(p painter, sums, old [3]report.SurveySummary, hasPrev bool, box gochart.Box, height int) surveyLayout {
	w := box.Width()
	l := surveyLayout{left: box.Left + padX, right: box.Right - padX, hasPrev: hasPrev, countSize: 1}
	yearW := max(p.measure(axisFontSize, yearLabel(sums[0].Year)), p.measure(captionFontSize, yearLabel(old[0].Year))) + 8
	l.barL = l.left + yearW

	// The column of n and keine Angabe is as wide as its longest text but
	// never squeezes the bars below 60 %: first the words are
	// abbreviated, then the type shrinks.
	maxRight := w * 2 / 5
	widest := func() int {
		n := 0
		for q := range sums {
			n = max(n, p.measure(captionFontSize*l.countSize, countsText(sums[q], l.short)))
			if hasPrev {
				n = max(n, p.measure(prevFontSize*l.countSize, countsText(old[q], l.short)))
			}
		}
		return n + 8
	}
	rightW := widest()
	if rightW > maxRight {
		l.short = true
		rightW = widest()
	}
	if rightW > maxRight {
		l.countSize = float64(maxRight-8) / float64(rightW-8) * 0.95
		rightW = widest()
	}
	l.barR = max(box.Right-padX-min(rightW, maxRight), l.barL+10)

	legendRows := 0
	for q := range l.legends {
		l.legends[q] = scaleRows(p, q, box.Right-padX-l.barL)
		legendRows = max(legendRows, len(l.legends[q]))
	}
	fixed := lineHeight(legendFontSize) + 2 + 6 + legendRows*lineHeight(captionFontSize)
	l.blockH = height / 3
	hb := l.blockH - fixed - 6
	if hasPrev {
		hb = (hb - 3) * 5 / 8
	}
	l.hb = min(max(hb, 8), 30)
	l.hp = max(l.hb*3/5, 6)
	need := fixed + l.hb
	if hasPrev {
		need += 3 + l.hp
	}
	// A tall chart keeps its blocks together rather than spreading them.
	l.blockH = max(min(l.blockH, need+lineHeight(legendFontSize)+6), 0)
	return l
}

// block draws one question: header, this year's bar, the comparison
// year's thinner bar, the scale.
func (l surveyLayout) block(p painter, q int, s, o report.SurveySummary, y int) {
	p.header(q, s, l.left, y+ascent(legendFontSize), l.right-l.left)
	top := y + lineHeight(legendFontSize) + 2
	l.row(p, s, top, l.hb, surveyColors, axisFontSize, captionFontSize, textColor)
	next := top + l.hb
	if l.hasPrev {
		var light [5]drawing.Color
		for c, col := range surveyColors {
			light[c] = lighten(col, 0.4)
		}
		l.row(p, o, next+3, l.hp, light, prevFontSize, prevFontSize, axisColor)
		next += 3 + l.hp
	}
	p.legend(l.legends[q], l.barL, next+6)
}

// row draws a year's bar between its year and its n, its texts in size
// (the year in yearSize).
func (l surveyLayout) row(p painter, s report.SurveySummary, top, h int, colors [5]drawing.Color, yearSize, size float64, c drawing.Color) {
	p.text(yearLabel(s.Year), l.left, top+(h+capHeight(yearSize))/2, yearSize, c)
	p.bar(s, l.barL, l.barR, top, h, colors, size)
	size *= l.countSize
	p.text(countsText(s, l.short), l.barR+8, top+(h+capHeight(size))/2, size, c)
}

// prevFontSize is for the thinner bar of the comparison year.
const prevFontSize = 8.5

func yearLabel(y int) string {
	if y == 0 {
		return ""
	}
	return fmt.Sprint(y) // a year has no thousands point
}

func countsText(s report.SurveySummary, short bool) string {
	if short {
		return fmt.Sprintf("n = %s, k. A. %s", report.FormatCount(s.N), report.FormatCount(s.Missing))
	}
	return fmt.Sprintf("n = %s, keine Angabe: %s", report.FormatCount(s.N), report.FormatCount(s.Missing))
}

// painter draws text and boxes in chart units.
type painter struct {
	r    gochart.Renderer
	font *truetype.Font
}

func (p painter) measure(size float64, s string) int {
	if s == "" {
		// The raster renderer's bounds of nothing are infinite.
		return 0
	}
	p.r.SetFont(p.font)
	p.r.SetFontSize(size)
	return p.r.MeasureText(s).Width()
}

func (p painter) text(s string, x, baseline int, size float64, c drawing.Color) {
	if s == "" {
		return
	}
	p.r.SetFont(p.font)
	p.r.SetFontSize(size)
	p.r.SetFontColor(c)
	p.r.Text(s, x, baseline)
}

// rect fills a box and, unless stroke is the zero colour, outlines it.
func (p painter) rect(x0, y0, x1, y1 int, fill, stroke drawing.Color) {
	p.r.SetFillColor(fill)
	p.r.SetStrokeColor(stroke)
	p.r.SetStrokeWidth(1)
	p.r.SetStrokeDashArray(nil)
	p.r.MoveTo(x0, y0)
	p.r.LineTo(x1, y0)
	p.r.LineTo(x1, y1)
	p.r.LineTo(x0, y1)
	p.r.Close()
	if stroke.IsZero() {
		p.r.Fill()
	} else {
		p.r.FillStroke()
	}
}

// header names the question and, as far as the width allows, its
// positive share and the change.
func (p painter) header(q int, s report.SurveySummary, x, baseline, width int) {
	name := store.SurveyQuestions[q]
	p.text(name, x, baseline, legendFontSize, textColor)
	if s.N == 0 {
		return
	}
	room := width - p.measure(legendFontSize, name) - 12
	short := report.FormatPercent(s.Positive, 1) + " positiv"
	for _, c := range []string{short + changeNote(s), short} {
		if p.measure(captionFontSize, c) <= room {
			p.text(c, x+width-room, baseline, captionFontSize, axisColor)
			return
		}
	}
}

// changeNote is " (Vorjahr 71,0 %, +7,3 Prozentpunkte)", or "" without
// a comparison.
func changeNote(s report.SurveySummary) string {
	if s.PrevPositive == nil || s.Change == nil {
		return ""
	}
	return fmt.Sprintf(" (%s %s, %s)", strings.TrimSuffix(report.PrevName(s), ":"), report.FormatPercent(*s.PrevPositive, 1), report.FormatPoints(*s.Change, 1))
}

// bar draws one 100 % bar; segments are cut at rounded cumulative shares
// so that they always fill the bar exactly.
func (p painter) bar(s report.SurveySummary, x0, x1, y, h int, colors [5]drawing.Color, size float64) {
	if s.N == 0 {
		p.rect(x0, y, x1, y+h, drawing.ColorWhite, gridColor)
		const msg = "keine Antworten"
		if tw := p.measure(size, msg); tw+8 <= x1-x0 && h >= capHeight(size)+2 {
			p.text(msg, x0+(x1-x0-tw)/2, y+(h+capHeight(size))/2, size, axisColor)
		}
		return
	}
	width := float64(x1 - x0)
	acc := 0.0
	for c, sh := range s.Shares {
		l := x0 + int(math.Round(acc/100*width))
		acc += sh
		r := x0 + int(math.Round(acc/100*width))
		if r <= l {
			continue
		}
		p.rect(l, y, r, y+h, colors[c], drawing.ColorWhite)
		if surveyHatched[c] {
			p.hatch(l, y, r, y+h, colors[c])
		}
		label := report.FormatPercent(sh, 0)
		if tw := p.measure(size, label); tw+6 <= r-l && h >= capHeight(size)+4 {
			p.text(label, l+(r-l-tw)/2, y+(h+capHeight(size))/2, size, labelColor(colors[c]))
		}
	}
}

// legendEntry is one category of a question's scale.
type legendEntry struct {
	label   string
	color   drawing.Color
	hatched bool
	width   int
}

const (
	swatch    = 10
	swatchGap = 4
	entryGap  = 14
)

// scaleRows lays out the five category labels of question q in rows of
// at most width units. Each question has its own scale line because the
// three scales have different words ("sehr wichtig", "sehr hoch", "sehr
// oft") for the same colours.
func scaleRows(p painter, q, width int) [][]legendEntry {
	var rows [][]legendEntry
	var row []legendEntry
	used := 0
	for c, label := range store.SurveyCategories[q] {
		e := legendEntry{label: label, color: surveyColors[c], hatched: surveyHatched[c], width: swatch + swatchGap + p.measure(captionFontSize, label)}
		if len(row) > 0 && used+entryGap+e.width > width {
			rows, row, used = append(rows, row), nil, 0
		}
		if len(row) > 0 {
			used += entryGap
		}
		row, used = append(row, e), used+e.width
	}
	return append(rows, row)
}

func (p painter) legend(rows [][]legendEntry, x0, top int) {
	lh := lineHeight(captionFontSize)
	for i, row := range rows {
		x := x0
		base := top + i*lh + capHeight(captionFontSize)
		for _, e := range row {
			p.rect(x, base-swatch, x+swatch, base, e.color, drawing.Color{})
			if e.hatched {
				p.hatch(x, base-swatch, x+swatch, base, e.color)
			}
			p.text(e.label, x+swatch+swatchGap, base, captionFontSize, textColor)
			x += e.width + entryGap
		}
	}
}

// capHeight is the height of digits and capitals above the baseline, in
// chart units, for centring a label in a bar.
func capHeight(size float64) int {
	return int(math.Round(size * gochart.DefaultDPI / 72 * 0.71))
}

// luminance is the relative luminance of c (WCAG), 0 black to 1 white.
func luminance(c drawing.Color) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// labelColor is white on dark segments and dark on light ones.
func labelColor(c drawing.Color) drawing.Color {
	if luminance(c) < 0.3 {
		return drawing.ColorWhite
	}
	return textColor
}

// lighten mixes c with white by f (0 keeps c, 1 is white).
func lighten(c drawing.Color, f float64) drawing.Color {
	mix := func(v uint8) uint8 { return uint8(math.Round(float64(v) + (255-float64(v))*f)) }
	return drawing.Color{R: mix(c.R), G: mix(c.G), B: mix(c.B), A: 255}
}
