package pdf

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/golang/freetype/truetype"
	"github.com/jung-kurt/gofpdf"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"bergischgladbach.de/integrationsmonitor/report/chart"
	"bergischgladbach.de/integrationsmonitor/store"
)

// ChartFontFamily is the family DrawChart writes its text in, so
// that a chart's text is the report's font. The caller registers it with
// AddUTF8FontFromBytes; the chart uses the regular style "".
const ChartFontFamily = "DejaVu"

// DrawChart draws the trend chart of spec into the current page of pdf
// as vector paths and text, filling the box at x, y of w × h document
// units. It is the only way a trend chart gets into the report: vectors
// in the report's font are crisp at any zoom and far faster than
// embedding a 1600×800 PNG per chart. It is the chart chart.PNG draws,
// laid out by the same code (chart.DrawTrend); a box of another aspect
// than 2:1 gets the layout chart.PNG gives a PNG of that aspect. Nothing
// is drawn outside the box.
//
// The document's state is as before afterwards: position, draw, fill and
// text colour, line width and alpha are re-set to the caller's values;
// dash pattern and line join are never changed for gofpdf. The caller's
// font is selected again when it was one of the ChartFontFamily
// styles; after any other font ChartFontFamily regular is left
// selected in the caller's size, since gofpdf cannot report a family.
func DrawChart(pdf *gofpdf.Fpdf, spec chart.Spec, x, y, w, h float64) error {
	return drawVectorPDF(pdf, spec.Title, x, y, w, h, chart.Width, chart.Height, func(r gochart.Renderer, cw, ch int) error {
		return chart.DrawTrend(r, spec, cw, ch)
	})
}

// DrawSurvey draws the Integrationskonferenz survey chart (chart.DrawSurvey,
// as the window shows it) as vectors into the box x, y, w, h.
func DrawSurvey(pdf *gofpdf.Fpdf, cur store.SurveyResult, prev *store.SurveyResult, demo bool, x, y, w, h float64) error {
	name := fmt.Sprintf("Befragung %d", cur.ReportYear)
	return drawVectorPDF(pdf, name, x, y, w, h, chart.SurveyWidth, chart.SurveyHeight, func(r gochart.Renderer, cw, ch int) error {
		chart.DrawSurvey(r, cur, prev, gochart.Box{Right: cw, Bottom: ch}, demo)
		return nil
	})
}

// drawVectorPDF checks the box, lays a drawing of unitW × unitH chart units
// out to fill it and hands draw a renderer that writes vector paths and
// text into the page, restoring the document's graphics state afterwards.
func drawVectorPDF(pdf *gofpdf.Fpdf, name string, x, y, w, h float64, unitW, unitH int, draw func(r gochart.Renderer, cw, ch int) error) error {
	switch {
	case pdf == nil:
		return errors.New("draw chart: no PDF")
	case pdf.Err():
		return fmt.Errorf("draw chart %q: %w", name, pdf.Error())
	case pdf.PageNo() == 0:
		return fmt.Errorf("draw chart %q: the PDF has no page", name)
	case !(w > 0 && h > 0) || math.IsInf(w+h, 0) || math.IsNaN(x+y) || math.IsInf(x+y, 0):
		return fmt.Errorf("draw chart %q: invalid box %g, %g, %g×%g", name, x, y, w, h)
	case pdf.GetFontDesc(ChartFontFamily, "") == (gofpdf.FontDescType{}):
		return fmt.Errorf("draw chart %q: font %q is not registered in the PDF", name, ChartFontFamily)
	}
	k := min(w/float64(unitW), h/float64(unitH))
	cw, ch := int(math.Round(w/k)), int(math.Round(h/k))

	saved := saveChartPDFState(pdf)
	// ClipRect opens a q … Q pair that ClipEnd closes: the PDF itself then
	// restores everything set in between. Dash and line join are written
	// as raw operators in there, because gofpdf has no getter to restore
	// them by and so must never learn of them.
	pdf.ClipRect(x, y, w, h, false)
	pdf.RawWriteStr("1 j")
	r := newChartPDFRenderer(pdf, x, y, k, cw, saved)
	err := draw(r, cw, ch)
	pdf.ClipEnd()
	saved.restore(pdf)
	if err != nil {
		return fmt.Errorf("draw chart %q: %w", name, err)
	}
	if pdf.Err() {
		return fmt.Errorf("draw chart %q: %w", name, pdf.Error())
	}
	return nil
}

// chartPDFState is what DrawChart changes in gofpdf and can read back.
type chartPDFState struct {
	x, y             float64
	draw, fill, text [3]int
	lineWidth        float64
	alpha            float64
	blend            string
	fontPt           float64
	fontStyle        string // of ChartFontFamily, "" also for another family
}

func saveChartPDFState(pdf *gofpdf.Fpdf) chartPDFState {
	var s chartPDFState
	s.x, s.y = pdf.GetXY()
	s.draw[0], s.draw[1], s.draw[2] = pdf.GetDrawColor()
	s.fill[0], s.fill[1], s.fill[2] = pdf.GetFillColor()
	s.text[0], s.text[1], s.text[2] = pdf.GetTextColor()
	s.lineWidth = pdf.GetLineWidth()
	s.alpha, s.blend = pdf.GetAlpha()
	s.fontPt, _ = pdf.GetFontSize()
	// gofpdf reports the current font's descriptor but not its name; the
	// styles of one family differ in weight or slant, so the descriptor
	// tells them apart.
	cur := pdf.GetFontDesc("", "")
	for _, style := range []string{"", "B", "I", "BI"} {
		d := pdf.GetFontDesc(ChartFontFamily, style)
		if d != (gofpdf.FontDescType{}) && d == cur {
			s.fontStyle = style
			break
		}
	}
	return s
}

// restore sets gofpdf's record of the state back to the caller's values.
// Every setter also writes its operator, which after the clip's Q repeats
// what the PDF already restored, keeping record and page in step.
func (s chartPDFState) restore(pdf *gofpdf.Fpdf) {
	pdf.SetDrawColor(s.draw[0], s.draw[1], s.draw[2])
	pdf.SetFillColor(s.fill[0], s.fill[1], s.fill[2])
	pdf.SetTextColor(s.text[0], s.text[1], s.text[2])
	pdf.SetLineWidth(s.lineWidth)
	if a, b := pdf.GetAlpha(); a != s.alpha || b != s.blend {
		pdf.SetAlpha(s.alpha, s.blend)
	}
	pdf.SetFont(ChartFontFamily, s.fontStyle, s.fontPt)
	pdf.SetXY(s.x, s.y)
}

// chartPDFSeg is one segment of a path, in chart units.
type chartPDFSeg struct {
	op  byte          // 'm' move, 'l' line, 'c' cubic curve, 'h' close
	pts [3][2]float64 // a curve's two control points, then the end
}

// chartPDFRenderer is a go-chart Renderer that draws into a gofpdf page. It
// keeps the path until it is painted, because go-chart also "paints" with
// invisible colours, which must leave no trace in the PDF.
type chartPDFRenderer struct {
	pdf       *gofpdf.Fpdf
	x0, y0, k float64 // document position of chart unit 0, 0; document units per chart unit
	width     int     // of the chart in chart units
	ptPerUnit float64 // points per document unit
	dpi       float64
	style     gochart.Style
	rotation  *float64 // text rotation in radians, clockwise on the page

	path       []chartPDFSeg
	cur, start [2]float64

	// What was last set in the PDF, to write each change only once.
	drawSet, fillSet bool
	draw, fill       drawing.Color
	lineWidth, alpha float64
	dash             string
	fontPt           float64
}

func newChartPDFRenderer(pdf *gofpdf.Fpdf, x, y, k float64, width int, saved chartPDFState) *chartPDFRenderer {
	r := &chartPDFRenderer{
		pdf: pdf, x0: x, y0: y, k: k, width: width,
		ptPerUnit: pdf.GetConversionRatio(),
		dpi:       gochart.DefaultDPI,
		fontPt:    -1, lineWidth: -1, alpha: -1, dash: "?", // nothing set yet
	}
	if saved.blend == "" || saved.blend == "Normal" {
		r.alpha = saved.alpha
	}
	return r
}

func (r *chartPDFRenderer) ux(v float64) float64 { return r.x0 + v*r.k }
func (r *chartPDFRenderer) uy(v float64) float64 { return r.y0 + v*r.k }

func (r *chartPDFRenderer) ResetStyle() {
	r.style = gochart.Style{Font: r.style.Font}
	r.rotation = nil
}

func (r *chartPDFRenderer) GetDPI() float64                   { return r.dpi }
func (r *chartPDFRenderer) SetDPI(dpi float64)                { r.dpi = dpi }
func (r *chartPDFRenderer) SetClassName(string)               {}
func (r *chartPDFRenderer) SetStrokeColor(c drawing.Color)    { r.style.StrokeColor = c }
func (r *chartPDFRenderer) SetFillColor(c drawing.Color)      { r.style.FillColor = c }
func (r *chartPDFRenderer) SetStrokeWidth(w float64)          { r.style.StrokeWidth = w }
func (r *chartPDFRenderer) SetStrokeDashArray(dash []float64) { r.style.StrokeDashArray = dash }
func (r *chartPDFRenderer) SetFont(f *truetype.Font)          { r.style.Font = f }
func (r *chartPDFRenderer) SetFontColor(c drawing.Color)      { r.style.FontColor = c }
func (r *chartPDFRenderer) SetFontSize(size float64)          { r.style.FontSize = size }
func (r *chartPDFRenderer) SetTextRotation(radians float64)   { r.rotation = &radians }
func (r *chartPDFRenderer) ClearTextRotation()                { r.rotation = nil }
func (r *chartPDFRenderer) Save(io.Writer) error              { return nil }
func (r *chartPDFRenderer) Stroke()                           { r.paint(false, true) }
func (r *chartPDFRenderer) Fill()                             { r.paint(true, false) }
func (r *chartPDFRenderer) FillStroke()                       { r.paint(true, true) }
func (r *chartPDFRenderer) MoveTo(x, y int)                   { r.add('m', chartPt(x, y)) }
func (r *chartPDFRenderer) LineTo(x, y int)                   { r.add('l', chartPt(x, y)) }
func (r *chartPDFRenderer) Close()                            { r.add('h') }

func chartPt(x, y int) [2]float64 { return [2]float64{float64(x), float64(y)} }

// add appends a segment to the path. A path begun without a move starts
// at the current point, as in go-chart's raster renderer.
func (r *chartPDFRenderer) add(op byte, pts ...[2]float64) {
	if op != 'm' && len(r.path) == 0 {
		r.add('m', r.cur)
	}
	seg := chartPDFSeg{op: op}
	copy(seg.pts[:], pts)
	r.path = append(r.path, seg)
	switch op {
	case 'm':
		r.cur, r.start = pts[0], pts[0]
	case 'h':
		r.cur = r.start
	default:
		r.cur = pts[len(pts)-1]
	}
}

// QuadCurveTo implements gochart.Renderer. PDF has cubic curves only; a
// quadratic one is the cubic with its control points two thirds of the
// way to the quadratic's.
func (r *chartPDFRenderer) QuadCurveTo(cx, cy, x, y int) {
	c, p := chartPt(cx, cy), chartPt(x, y)
	third := func(a [2]float64) [2]float64 { return [2]float64{a[0] + (c[0]-a[0])*2/3, a[1] + (c[1]-a[1])*2/3} }
	r.add('c', third(r.cur), third(p), p)
}

// ArcTo implements gochart.Renderer with go-chart's meaning: angles in
// radians from 3 o'clock, growing clockwise on the page; a line joins a
// path already begun to the arc's start.
func (r *chartPDFRenderer) ArcTo(cx, cy int, rx, ry, startAngle, delta float64) {
	at := func(t float64) [2]float64 {
		return [2]float64{float64(cx) + rx*math.Cos(t), float64(cy) + ry*math.Sin(t)}
	}
	if len(r.path) > 0 {
		r.add('l', at(startAngle))
	} else {
		r.add('m', at(startAngle))
	}
	n := max(1, int(math.Ceil(math.Abs(delta)/(math.Pi/2)-1e-9)))
	step := delta / float64(n)
	hk := 4.0 / 3 * math.Tan(step/4) // handle length of a cubic arc of step radians
	for i := range n {
		t0, t1 := startAngle+float64(i)*step, startAngle+float64(i+1)*step
		p0, p1 := at(t0), at(t1)
		c1 := [2]float64{p0[0] - hk*rx*math.Sin(t0), p0[1] + hk*ry*math.Cos(t0)}
		c2 := [2]float64{p1[0] + hk*rx*math.Sin(t1), p1[1] - hk*ry*math.Cos(t1)}
		r.add('c', c1, c2, p1)
	}
}

// Circle adds a circle to the path as go-chart's raster renderer does,
// without painting it.
func (r *chartPDFRenderer) Circle(radius float64, x, y int) {
	r.add('m', [2]float64{float64(x) + radius, float64(y)})
	r.ArcTo(x, y, radius, radius, 0, 2*math.Pi)
	r.add('h')
}

// paint draws the path and starts a new one. What is invisible (no
// colour, no width) is left out rather than drawn as PDF's thinnest line.
func (r *chartPDFRenderer) paint(fill, stroke bool) {
	defer func() { r.path = r.path[:0] }()
	if len(r.path) == 0 {
		return
	}
	st := r.style
	stroke = stroke && st.StrokeWidth > 0 && st.StrokeColor.A > 0
	fill = fill && st.FillColor.A > 0
	if fill && stroke && st.FillColor.A == st.StrokeColor.A {
		r.applyFill()
		r.applyStroke()
		r.drawPath("DF", st.FillColor.A)
		return
	}
	if fill {
		r.applyFill()
		r.drawPath("F", st.FillColor.A)
	}
	if stroke {
		r.applyStroke()
		r.drawPath("D", st.StrokeColor.A)
	}
}

func (r *chartPDFRenderer) drawPath(op string, alpha uint8) {
	r.applyAlpha(alpha)
	for _, p := range r.path {
		switch p.op {
		case 'm':
			r.pdf.MoveTo(r.ux(p.pts[0][0]), r.uy(p.pts[0][1]))
		case 'l':
			r.pdf.LineTo(r.ux(p.pts[0][0]), r.uy(p.pts[0][1]))
		case 'c':
			r.pdf.CurveBezierCubicTo(r.ux(p.pts[0][0]), r.uy(p.pts[0][1]),
				r.ux(p.pts[1][0]), r.uy(p.pts[1][1]), r.ux(p.pts[2][0]), r.uy(p.pts[2][1]))
		case 'h':
			r.pdf.ClosePath()
		}
	}
	r.pdf.DrawPath(op)
}

func (r *chartPDFRenderer) applyFill() {
	if c := r.style.FillColor; !r.fillSet || c != r.fill {
		r.pdf.SetFillColor(int(c.R), int(c.G), int(c.B))
		r.fill, r.fillSet = c, true
	}
}

func (r *chartPDFRenderer) applyStroke() {
	st := r.style
	if c := st.StrokeColor; !r.drawSet || c != r.draw {
		r.pdf.SetDrawColor(int(c.R), int(c.G), int(c.B))
		r.draw, r.drawSet = c, true
	}
	if w := st.StrokeWidth * r.k; w != r.lineWidth {
		r.pdf.SetLineWidth(w)
		r.lineWidth = w
	}
	// A raw operator, see DrawChart; lengths are in points.
	parts := make([]string, len(st.StrokeDashArray))
	for i, d := range st.StrokeDashArray {
		parts[i] = strconv.FormatFloat(d*r.k*r.ptPerUnit, 'f', 2, 64)
	}
	if dash := "[" + strings.Join(parts, " ") + "] 0 d"; dash != r.dash {
		r.pdf.RawWriteStr(dash)
		r.dash = dash
	}
}

func (r *chartPDFRenderer) applyAlpha(a uint8) {
	if alpha := float64(a) / 255; alpha != r.alpha {
		r.pdf.SetAlpha(alpha, "Normal")
		r.alpha = alpha
	}
}

// applyFont selects the PDF font in go-chart's size: points at r.dpi, so
// r.dpi/72 chart units per point. Chart text is all regular, as the
// layout has a single font.
func (r *chartPDFRenderer) applyFont() {
	if pt := r.style.FontSize * r.dpi / 72 * r.k * r.ptPerUnit; pt != r.fontPt {
		r.pdf.SetFont(ChartFontFamily, "", pt)
		r.fontPt = pt
	}
}

// MeasureText implements gochart.Renderer. A text is as high as a capital
// letter: go-chart puts baselines by this height and centres tick labels
// on their ticks with it.
func (r *chartPDFRenderer) MeasureText(body string) gochart.Box {
	r.applyFont()
	capHeight := float64(r.pdf.GetFontDesc(ChartFontFamily, "").CapHeight) / 1000 // in ems
	up := func(doc float64) int { return int(math.Ceil(doc/r.k - 1e-9)) }
	box := gochart.Box{
		Right:  up(r.pdf.GetStringWidth(body)),
		Bottom: up(capHeight * r.fontPt / r.ptPerUnit),
	}
	if r.rotation != nil {
		return box.Corners().Rotate(gochart.RadiansToDegrees(*r.rotation)).Box()
	}
	return box
}

// Text implements gochart.Renderer; y is the baseline.
func (r *chartPDFRenderer) Text(body string, x, y int) {
	c := r.style.FontColor
	if body == "" || c.A == 0 || r.style.FontSize <= 0 {
		return
	}
	r.applyFont()
	px, py := r.ux(float64(x)), r.uy(float64(y))
	if r.rotation == nil {
		px = r.fitText(body, px)
	}
	r.pdf.SetTextColor(int(c.R), int(c.G), int(c.B))
	r.applyAlpha(c.A)
	if r.rotation == nil {
		r.pdf.Text(px, py, body)
		return
	}
	r.pdf.TransformBegin()
	r.pdf.TransformRotate(-gochart.RadiansToDegrees(*r.rotation), px, py)
	r.pdf.Text(px, py, body)
	r.pdf.TransformEnd()
}

// fitText shrinks a text that would cross the chart's left or right edge
// until it fits, keeping its left end, or its centre when the left end is
// outside too (a centred title). chart.DrawTrend wraps titles and legend rows
// by go-chart's Roboto, whose widths differ from DejaVu's (DejaVu's
// digits are 7 % wider), so a rare line can come out wider than planned;
// a smaller line reads better than a clipped one. It returns the new left.
func (r *chartPDFRenderer) fitText(body string, px float64) float64 {
	const edge = 2 // chart units kept free at either side
	left, right := r.ux(edge), r.ux(float64(r.width-edge))
	tw := r.pdf.GetStringWidth(body)
	if px >= left && px+tw <= right {
		return px
	}
	avail := right - px
	if px < left {
		mid := px + tw/2
		avail = 2 * min(mid-left, right-mid)
		px = mid - avail/2
	}
	if avail <= 0 {
		return px // no room at all: the clip keeps it in the box
	}
	if avail < tw {
		r.fontPt *= avail / tw
		r.pdf.SetFontSize(r.fontPt)
	}
	return px
}
