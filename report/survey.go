package report

import (
	"bytes"
	"fmt"
	"image/png"
	"math"
	"strconv"
	"strings"

	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"bergischgladbach.de/integrationsmonitor/store"
)

// SurveySummary is one question of the Integrationskonferenz survey (C-W1)
// in one year, as the headline and the chart state it.
type SurveySummary struct {
	Year     int
	Question int // index into store.SurveyQuestions, 0 to 2
	N        int // answers given
	Missing  int // keine Angabe
	// Shares are the categories in % of N, most positive first; NaN when
	// N is 0, since a share of nobody is not 0 %.
	Shares [5]float64
	// Positive is the share of the two most positive categories in % of N.
	Positive float64
	// PrevYear is the year of the comparison survey, 0 without one. It
	// need not be Year-1: a conference may skip a year.
	PrevYear     int
	PrevPositive *float64
	Change       *float64 // Prozentpunkte against PrevPositive
}

// SummarizeSurvey summarises the three questions of cur, compared with
// prev where prev has answers to the question.
func SummarizeSurvey(cur store.SurveyResult, prev *store.SurveyResult) [3]SurveySummary {
	var out [3]SurveySummary
	for q := range out {
		s := summarizeQuestion(cur, q)
		if prev != nil {
			s.PrevYear = prev.ReportYear
			if p := summarizeQuestion(*prev, q); p.N > 0 {
				pos := p.Positive
				s.PrevPositive = &pos
				if s.N > 0 {
					d := s.Positive - pos
					s.Change = &d
				}
			}
		}
		out[q] = s
	}
	return out
}

func summarizeQuestion(r store.SurveyResult, q int) SurveySummary {
	s := SurveySummary{Year: r.ReportYear, Question: q, Missing: max(r.Missing[q], 0)}
	var counts [5]float64
	total := 0.0
	for c, n := range r.Counts[q] {
		// The store refuses negative counts; one from elsewhere counts as
		// none rather than drawing a segment backwards.
		n = max(n, 0)
		s.N = saturatingAdd(s.N, n)
		counts[c] = float64(n)
		total += counts[c]
	}
	for c := range counts {
		s.Shares[c] = percentOf(counts[c], total)
	}
	s.Positive = percentOf(counts[0]+counts[1], total)
	return s
}

func percentOf(part, total float64) float64 {
	if total <= 0 {
		return math.NaN()
	}
	return part / total * 100
}

// saturatingAdd keeps five counts near math.MaxInt from wrapping round to
// a negative n.
func saturatingAdd(a, b int) int {
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}

// SurveyHeadline states the positive share of each question, one line per
// question, e.g. "Allgemeine Einschätzung: 78,3 % positiv (sehr wichtig
// oder wichtig; n = 46, keine Angabe: 2; Vorjahr 71,0 %, +7,3
// Prozentpunkte)".
func SurveyHeadline(s [3]SurveySummary) string {
	if !AnyAnswers(s) && s[0].Missing+s[1].Missing+s[2].Missing == 0 {
		return "Keine Antworten erfasst."
	}
	lines := make([]string, 0, len(s))
	for q, sq := range s {
		lines = append(lines, questionHeadline(q, sq))
	}
	return strings.Join(lines, "\n")
}

func questionHeadline(q int, s SurveySummary) string {
	name := store.SurveyQuestions[q]
	if s.N == 0 {
		if s.Missing > 0 {
			return fmt.Sprintf("%s: keine Antworten erfasst (keine Angabe: %s)", name, FormatCount(s.Missing))
		}
		return name + ": keine Antworten erfasst"
	}
	cats := store.SurveyCategories[q]
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s positiv (%s oder %s; n = %s, keine Angabe: %s",
		name, FormatPercent(s.Positive, 1), cats[0], cats[1], FormatCount(s.N), FormatCount(s.Missing))
	if s.PrevPositive != nil {
		fmt.Fprintf(&b, "; %s %s", PrevName(s), FormatPercent(*s.PrevPositive, 1))
		if s.Change != nil {
			b.WriteString(", " + FormatPoints(*s.Change, 1))
		}
	}
	b.WriteString(")")
	return b.String()
}

// PrevName says "Vorjahr" only when the comparison is the year before.
func PrevName(s SurveySummary) string {
	if s.Year != 0 && s.PrevYear == s.Year-1 {
		return "Vorjahr"
	}
	return fmt.Sprintf("%d:", s.PrevYear)
}

// FormatCount writes a non-negative count with thousands points, exactly also
// beyond 2⁵³, where FormatNumber's float64 would round.
func FormatCount(n int) string {
	digits := strconv.Itoa(n)
	var b strings.Builder
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteByte(digits[i])
	}
	return b.String()
}

// AnyAnswers reports whether any of the three questions has an answer.
func AnyAnswers(s [3]SurveySummary) bool {
	return s[0].N > 0 || s[1].N > 0 || s[2].N > 0
}

// The grid the survey chart is laid out in, as for the trend chart: every
// length below is in these units whatever the output size.
const (
	SurveyChartWidth  = 800
	SurveyChartHeight = 400
)

// The category colours, most positive first. Blue for agreement and red
// for rejection read at a glance; the lightness runs dark, middle, light,
// lighter-middle, darker-middle so that neighbours also differ on a
// greyscale printer (TestSurveyColoursDifferInGrey keeps it so).
var surveyColors = [5]drawing.Color{
	drawing.ColorFromHex("0b3c73"),
	drawing.ColorFromHex("4f8fcb"),
	drawing.ColorFromHex("dcdcdc"),
	drawing.ColorFromHex("f0a04b"),
	drawing.ColorFromHex("b8322a"),
}

// RenderSurveyPNG draws the survey chart of cur, compared with prev, as a
// PNG of width × height pixels; see DrawSurvey.
func RenderSurveyPNG(cur store.SurveyResult, prev *store.SurveyResult, width, height int, demo bool) ([]byte, error) {
	if width <= 0 || height <= 0 {
		return nil, fmt.Errorf("render survey chart: invalid size %d×%d", width, height)
	}
	if _, err := chartFont(); err != nil {
		return nil, fmt.Errorf("render survey chart: %w", err)
	}
	r, err := chart.PNG(width, height)
	if err != nil {
		return nil, fmt.Errorf("render survey chart: %w", err)
	}
	k := min(float64(width)/SurveyChartWidth, float64(height)/SurveyChartHeight)
	box := chart.Box{Right: int(math.Round(float64(width) / k)), Bottom: int(math.Round(float64(height) / k))}
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
// sizes at chart.DefaultDPI), so that the PDF draws with its own renderer
// what RenderSurveyPNG shows. Each question gets a 100 % bar per year, the
// comparison year thinner and lighter below; go-chart's StackedBarChart
// cannot do this, as its labels and bar widths are fixed.
func DrawSurvey(r chart.Renderer, cur store.SurveyResult, prev *store.SurveyResult, box chart.Box, demo bool) {
	font, err := chartFont()
	p := painter{r: r, font: font}
	r.SetDPI(chart.DefaultDPI)
	p.rect(box.Left, box.Top, box.Right, box.Bottom, drawing.ColorWhite, drawing.Color{})
	if err != nil {
		return // RenderSurveyPNG reports the error; without a font no text can be drawn
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

	sums := SummarizeSurvey(cur, prev)
	var old [3]SurveySummary
	hasPrev := false
	if prev != nil {
		old = SummarizeSurvey(*prev, nil)
		hasPrev = AnyAnswers(old)
	}
	if !AnyAnswers(sums) && !hasPrev {
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

func layoutSurvey(p painter, sums, old [3]SurveySummary, hasPrev bool, box chart.Box, height int) surveyLayout {
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
func (l surveyLayout) block(p painter, q int, s, o SurveySummary, y int) {
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
func (l surveyLayout) row(p painter, s SurveySummary, top, h int, colors [5]drawing.Color, yearSize, size float64, c drawing.Color) {
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

func countsText(s SurveySummary, short bool) string {
	if short {
		return fmt.Sprintf("n = %s, k. A. %s", FormatCount(s.N), FormatCount(s.Missing))
	}
	return fmt.Sprintf("n = %s, keine Angabe: %s", FormatCount(s.N), FormatCount(s.Missing))
}

// painter draws text and boxes in chart units.
type painter struct {
	r    chart.Renderer
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
func (p painter) header(q int, s SurveySummary, x, baseline, width int) {
	name := store.SurveyQuestions[q]
	p.text(name, x, baseline, legendFontSize, textColor)
	if s.N == 0 {
		return
	}
	room := width - p.measure(legendFontSize, name) - 12
	short := FormatPercent(s.Positive, 1) + " positiv"
	for _, c := range []string{short + changeNote(s), short} {
		if p.measure(captionFontSize, c) <= room {
			p.text(c, x+width-room, baseline, captionFontSize, axisColor)
			return
		}
	}
}

// changeNote is " (Vorjahr 71,0 %, +7,3 Prozentpunkte)", or "" without
// a comparison.
func changeNote(s SurveySummary) string {
	if s.PrevPositive == nil || s.Change == nil {
		return ""
	}
	return fmt.Sprintf(" (%s %s, %s)", strings.TrimSuffix(PrevName(s), ":"), FormatPercent(*s.PrevPositive, 1), FormatPoints(*s.Change, 1))
}

// bar draws one 100 % bar; segments are cut at rounded cumulative shares
// so that they always fill the bar exactly.
func (p painter) bar(s SurveySummary, x0, x1, y, h int, colors [5]drawing.Color, size float64) {
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
		label := FormatPercent(sh, 0)
		if tw := p.measure(size, label); tw+6 <= r-l && h >= capHeight(size)+4 {
			p.text(label, l+(r-l-tw)/2, y+(h+capHeight(size))/2, size, labelColor(colors[c]))
		}
	}
}

// legendEntry is one category of a question's scale.
type legendEntry struct {
	label string
	color drawing.Color
	width int
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
		e := legendEntry{label: label, color: surveyColors[c], width: swatch + swatchGap + p.measure(captionFontSize, label)}
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
			p.text(e.label, x+swatch+swatchGap, base, captionFontSize, textColor)
			x += e.width + entryGap
		}
	}
}

// capHeight is the height of digits and capitals above the baseline, in
// chart units, for centring a label in a bar.
func capHeight(size float64) int {
	return int(math.Round(size * chart.DefaultDPI / 72 * 0.71))
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
