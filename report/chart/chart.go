package chart

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"sync"

	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"github.com/wcharczuk/go-chart/v2/roboto"

	"bergischgladbach.de/integrationsmonitor/report"
)

// Spec is everything a trend chart shows: a Kennzahl's series, its
// reference line and the words around them.
type Spec struct {
	Title     string
	Unit      string // "%", "Index", "Verhältnis", "Anzahl", "Prozentpunkte"
	Series    []report.SeriesResult
	Reference *report.SeriesResult
	// Regions are comparison lines (Kreis, NRW), drawn dash-dotted with
	// the region's name in the legend.
	Regions []report.RegionSeries
	Demo    bool // the figures are Beispieldaten and the chart must say so
	// Breaks interrupt every line and are marked with a dashed vertical
	// line and a legend entry "| Zeitreihenbruch ab …: Grund".
	Breaks []report.Break
}

// The size a trend chart is laid out in. Every length in the chart (font
// sizes at gochart.DefaultDPI, paddings, strokes) is in these units, so a
// renderer that scales them (PNG at 2× for print, a PDF renderer
// mapping them to millimetres) gets the same picture at any resolution.
const (
	Width  = 800
	Height = 400
)

// Font sizes in points at gochart.DefaultDPI. They are larger than
// go-chart's defaults because a chart 800 units wide is printed about
// 16 cm wide, where its 10-point text would shrink to 7 points.
const (
	titleFontSize   = 13
	axisFontSize    = 10.5
	legendFontSize  = 10.5
	captionFontSize = 9.5
	noDataFontSize  = 14
)

const (
	padX   = 12 // left and right margin of the whole chart
	padTop = 8
	padBot = 8
)

var (
	textColor = drawing.ColorFromHex("222222")
	axisColor = drawing.ColorFromHex("555555")
	gridColor = drawing.ColorFromHex("e2e2e2")
	zeroColor = drawing.ColorFromHex("8a8a8a")
)

// Trend builds the line chart of spec at Width × Height.
// The UI shows it through PNG and the PDF draws the same layout with
// its own renderer (DrawTrend). The chart holds pointers (its ranges), so
// build one per rendering rather than rendering one value concurrently.
func Trend(spec Spec) gochart.Chart {
	return layoutChart(spec, Width, Height)
}

// DrawTrend draws the trend chart of spec onto r, laid out for a canvas of
// w × h chart units (font sizes at gochart.DefaultDPI). It is how another
// output, such as the PDF's vector renderer, gets the picture PNG draws: a
// canvas of another aspect than Width:Height gets the layout PNG gives an
// image of that aspect.
func DrawTrend(r gochart.Renderer, spec Spec, w, h int) error {
	return layoutChart(spec, w, h).Render(func(int, int) (gochart.Renderer, error) { return r, nil }, io.Discard)
}

// PNG draws spec as a PNG of width × height pixels: 800×400 for the
// screen, 1600×800 for print. The chart is laid out in units of the
// Width × Height grid scaled to fit, so a 2× image is the 1×
// image with sharper lines and text, not a chart with tiny letters.
func PNG(spec Spec, width, height int) ([]byte, error) {
	if width <= 0 || height <= 0 {
		return nil, fmt.Errorf("render chart: invalid size %d×%d", width, height)
	}
	k := min(float64(width)/Width, float64(height)/Height)
	c := layoutChart(spec, int(math.Round(float64(width)/k)), int(math.Round(float64(height)/k)))
	provider := func(int, int) (gochart.Renderer, error) {
		r, err := gochart.PNG(width, height)
		if err != nil {
			return nil, err
		}
		return &scaledRenderer{Renderer: r, k: k}, nil
	}
	var img rgbaCollector
	if err := c.Render(provider, &img); err != nil {
		return nil, fmt.Errorf("render chart %q: %w", spec.Title, err)
	}
	if img.rgba == nil {
		return nil, fmt.Errorf("render chart %q: renderer returned no image", spec.Title)
	}
	// go-chart's own encoding (png.Encode at default compression) takes
	// more time than drawing the chart; the fastest level saves a tenth of
	// the time and makes the file no bigger, charts being mostly white.
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img.rgba); err != nil {
		return nil, fmt.Errorf("encode chart %q: %w", spec.Title, err)
	}
	return buf.Bytes(), nil
}

// rgbaCollector receives the rendered image from go-chart instead of its
// PNG encoding (go-chart checks for gochart.RGBACollector).
type rgbaCollector struct {
	rgba *image.RGBA
}

func (c *rgbaCollector) SetRGBA(i *image.RGBA)       { c.rgba = i }
func (c *rgbaCollector) Write(p []byte) (int, error) { return len(p), nil }

// chartFont is go-chart's Roboto Medium, which has ä, ö, ü, ß, the en
// dash and the no-break space. It is parsed here once rather than taken
// from gochart.GetDefaultFont, whose lazy initialisation is a data race
// when the UI and a report render charts at the same time.
var chartFont = sync.OnceValues(func() (*truetype.Font, error) {
	return truetype.Parse(roboto.Roboto)
})

// layoutChart builds the chart for a w × h unit canvas. Title, unit
// caption and legend are drawn by the chart's own Elements rather than
// by go-chart, because go-chart neither wraps a title nor puts a legend
// below the plot; the space for them is reserved through the paddings,
// which is why their size is measured here already.
func layoutChart(spec Spec, w, h int) gochart.Chart {
	font, _ := chartFont()
	m := newMeasurer(font)
	lines := trendLines(spec)

	title := wrapTitle(spec.Title, spec.Demo, w-2*padX, func(s string) int { return m.width(titleFontSize, s) })
	top := padTop + len(title)*lineHeight(titleFontSize) + 6

	lo, hi, ok := valueBounds(lines)
	if !ok {
		return noDataChart(font, title, w, h, top)
	}

	items := append(legendItems(lines), breakItems(axisPeriods(lines), spec.Breaks)...)
	rows := flowRows(items, w-2*padX, func(s string) int { return m.width(legendFontSize, s) })
	bottom := padBot
	if len(rows) > 0 {
		bottom += len(rows)*lineHeight(legendFontSize) + 10
	}
	caption := unitCaption(spec.Unit)
	if caption != "" {
		top += lineHeight(captionFontSize)
	}

	periods := axisPeriods(lines)
	xlo, xhi := xBounds(periods)
	yt := yTicks(lo, hi, spec.Unit)
	ylo, yhi := yt[0].Value, yt[len(yt)-1].Value

	axisStyle := gochart.Style{
		Font:        font,
		FontSize:    axisFontSize,
		FontColor:   textColor,
		StrokeColor: axisColor,
		StrokeWidth: 1,
	}
	series := make([]gochart.Series, 0, len(lines))
	for _, l := range lines {
		series = append(series, trendSeries{line: l})
	}
	return gochart.Chart{
		Width:  w,
		Height: h,
		Font:   font,
		Background: gochart.Style{
			FillColor: drawing.ColorWhite,
			Padding:   gochart.Box{Top: top, Left: padX, Right: padX + 8, Bottom: bottom},
		},
		Canvas: gochart.Style{FillColor: drawing.ColorWhite},
		XAxis: gochart.XAxis{
			Style: axisStyle,
			Range: &periodRange{
				ContinuousRange: gochart.ContinuousRange{Min: xlo, Max: xhi},
				periods:         periods,
				style:           axisStyle,
			},
		},
		// go-chart draws its primary y axis on the right; readers of
		// statistics expect it on the left, where go-chart draws the
		// secondary axis. So every series is mapped to the secondary
		// axis, and the hidden primary one only needs a valid range.
		YAxis: gochart.YAxis{
			Style: gochart.Hidden(),
			Range: &gochart.ContinuousRange{Min: ylo, Max: yhi},
		},
		YAxisSecondary: gochart.YAxis{
			Style: axisStyle,
			// Ticks come through the range: YAxisSecondary.Ticks would be
			// ignored for the range (go-chart reads YAxis.Ticks there).
			Range:          &tickRange{ContinuousRange: gochart.ContinuousRange{Min: ylo, Max: yhi}, ticks: yt},
			GridMajorStyle: gochart.Style{StrokeColor: gridColor, StrokeWidth: 1},
			GridLines:      gridLines(yt),
		},
		Series: series,
		Elements: []gochart.Renderable{
			drawPeriodMarks(periods, xlo, xhi),
			drawBreaks(breakXs(periods, spec.Breaks), xlo, xhi),
			drawTitle(font, title, w),
			drawCaption(font, caption, top),
			drawLegend(font, rows, w, h-bottom+10),
		},
	}
}

// noDataChart is what a Kennzahl without a single computable value shows.
// go-chart refuses a chart without series or with an empty range, so it
// gets one invisible series, fixed ranges and no axes.
func noDataChart(font *truetype.Font, title []string, w, h, top int) gochart.Chart {
	unit := &gochart.ContinuousRange{Min: 0, Max: 1}
	return gochart.Chart{
		Width:  w,
		Height: h,
		Font:   font,
		Background: gochart.Style{
			FillColor: drawing.ColorWhite,
			Padding:   gochart.Box{Top: top, Left: padX, Right: padX, Bottom: padBot},
		},
		Canvas:         gochart.Style{FillColor: drawing.ColorWhite},
		XAxis:          gochart.XAxis{Style: gochart.Hidden(), Range: unit},
		YAxis:          gochart.YAxis{Style: gochart.Hidden(), Range: &gochart.ContinuousRange{Min: 0, Max: 1}},
		YAxisSecondary: gochart.YAxis{Style: gochart.Hidden()},
		Series:         []gochart.Series{trendSeries{}},
		Elements: []gochart.Renderable{
			drawTitle(font, title, w),
			drawNoData(font),
		},
	}
}

// gridLines are the horizontal lines at every y tick but the lowest, which
// the x axis already draws. The zero line of a range with negative values
// (differences in Prozentpunkte) is darker, because above or below zero is
// what such a chart is about.
func gridLines(ticks []gochart.Tick) []gochart.GridLine {
	var gl []gochart.GridLine
	for i, t := range ticks {
		if i == 0 {
			continue
		}
		line := gochart.GridLine{Value: t.Value}
		if t.Value == 0 {
			line.Style = gochart.Style{StrokeColor: zeroColor, StrokeWidth: 1.5}
		}
		gl = append(gl, line)
	}
	return gl
}

// lineHeight is the distance between two lines of text of size points,
// in chart units.
func lineHeight(size float64) int {
	return int(math.Ceil(size * gochart.DefaultDPI / 72 * 1.3))
}

// ascent is how far below the top of its line a text's baseline lies.
func ascent(size float64) int {
	return int(math.Round(size * gochart.DefaultDPI / 72 * 1.0))
}

// measurer measures text in chart units before a chart is rendered, with
// the same rasteriser go-chart uses when it renders, so that the space
// reserved for the title and legend is the space they take.
type measurer struct {
	r gochart.Renderer
}

func newMeasurer(font *truetype.Font) measurer {
	r, err := gochart.PNG(1, 1)
	if err != nil || font == nil {
		return measurer{}
	}
	r.SetDPI(gochart.DefaultDPI)
	r.SetFont(font)
	return measurer{r: r}
}

func (m measurer) width(size float64, s string) int {
	if m.r == nil {
		// A generous guess keeps the layout usable without a font.
		return int(float64(len([]rune(s))) * size * 0.75)
	}
	m.r.SetFontSize(size)
	return m.r.MeasureText(s).Width()
}

// scaledRenderer draws a chart laid out in chart units onto a raster k
// times as large. go-chart measures and places everything in whole
// units, so scaling below it (rather than asking go-chart for a bigger
// chart) keeps the picture identical at every size.
type scaledRenderer struct {
	gochart.Renderer
	k float64
}

func (s *scaledRenderer) px(v int) int { return int(math.Round(float64(v) * s.k)) }

func (s *scaledRenderer) GetDPI() float64          { return s.Renderer.GetDPI() / s.k }
func (s *scaledRenderer) SetDPI(dpi float64)       { s.Renderer.SetDPI(dpi * s.k) }
func (s *scaledRenderer) SetStrokeWidth(w float64) { s.Renderer.SetStrokeWidth(w * s.k) }
func (s *scaledRenderer) MoveTo(x, y int)          { s.Renderer.MoveTo(s.px(x), s.px(y)) }
func (s *scaledRenderer) LineTo(x, y int)          { s.Renderer.LineTo(s.px(x), s.px(y)) }
func (s *scaledRenderer) Text(body string, x, y int) {
	s.Renderer.Text(body, s.px(x), s.px(y))
}

func (s *scaledRenderer) SetStrokeDashArray(dash []float64) {
	scaled := make([]float64, len(dash))
	for i, d := range dash {
		scaled[i] = d * s.k
	}
	s.Renderer.SetStrokeDashArray(scaled)
}

func (s *scaledRenderer) QuadCurveTo(cx, cy, x, y int) {
	s.Renderer.QuadCurveTo(s.px(cx), s.px(cy), s.px(x), s.px(y))
}

func (s *scaledRenderer) ArcTo(cx, cy int, rx, ry, startAngle, delta float64) {
	s.Renderer.ArcTo(s.px(cx), s.px(cy), rx*s.k, ry*s.k, startAngle, delta)
}

func (s *scaledRenderer) Circle(radius float64, x, y int) {
	s.Renderer.Circle(radius*s.k, s.px(x), s.px(y))
}

func (s *scaledRenderer) MeasureText(body string) gochart.Box {
	b := s.Renderer.MeasureText(body)
	// Rounding up keeps a measured label from overlapping its neighbour.
	up := func(v int) int { return int(math.Ceil(float64(v) / s.k)) }
	return gochart.Box{Top: up(b.Top), Left: up(b.Left), Right: up(b.Right), Bottom: up(b.Bottom)}
}
