package html

import (
	"bytes"
	"fmt"
	"html"
	"strings"

	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/font"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/chart"
	"bergischgladbach.de/integrationsmonitor/store"
)

// svgFixer mends what go-chart's SVG renderer gets wrong for these
// charts: it writes texts unescaped (a label "Kreis & Land" would break
// the document), it fills a stroked path with the last fill colour (a
// white marker's fill turned the next line into a white polygon), and a
// reader's system font is wider or narrower than the Roboto the layout
// measured, so that titles ran out of the picture. Each text's measured
// width is recorded in order and given to it as its textLength.
type svgFixer struct {
	gochart.Renderer
	fill   drawing.Color
	widths []int
	// go-chart's SVG renderer builds a new font face, with a glyph
	// cache of its own, for every text it measures: half the time of
	// the edition went there. A face per font size is enough.
	font  *truetype.Font
	size  float64
	dpi   float64
	faces map[faceKey]font.Face
}

type faceKey struct {
	font      *truetype.Font
	size, dpi float64
}

func (f *svgFixer) SetFont(ft *truetype.Font) {
	f.font = ft
	f.Renderer.SetFont(ft)
}

func (f *svgFixer) SetFontSize(size float64) {
	f.size = size
	f.Renderer.SetFontSize(size)
}

func (f *svgFixer) SetDPI(dpi float64) {
	f.dpi = dpi
	f.Renderer.SetDPI(dpi)
}

// MeasureText measures as go-chart's SVG renderer does (no text of
// these charts is rotated), with a cached face.
func (f *svgFixer) MeasureText(body string) gochart.Box {
	if f.font == nil {
		return f.Renderer.MeasureText(body)
	}
	dpi := f.dpi
	if dpi == 0 {
		dpi = f.Renderer.GetDPI()
	}
	k := faceKey{f.font, f.size, dpi}
	face, ok := f.faces[k]
	if !ok {
		if f.faces == nil {
			f.faces = map[faceKey]font.Face{}
		}
		face = truetype.NewFace(f.font, &truetype.Options{DPI: dpi, Size: f.size})
		f.faces[k] = face
	}
	w := font.MeasureString(face, body).Ceil()
	return gochart.Box{Right: w, Bottom: int(drawing.PointsToPixels(dpi, f.size))}
}

func (f *svgFixer) SetFillColor(c drawing.Color) {
	f.fill = c
	f.Renderer.SetFillColor(c)
}

// Stroke draws the path without a fill.
func (f *svgFixer) Stroke() {
	f.Renderer.SetFillColor(drawing.Color{})
	f.Renderer.Stroke()
	f.Renderer.SetFillColor(f.fill)
}

func (f *svgFixer) Text(body string, x, y int) {
	f.widths = append(f.widths, f.MeasureText(body).Width())
	f.Renderer.Text(html.EscapeString(body), x, y)
}

// body is what go-chart drew, without its own svg element (the edition
// writes that itself, with the role, title and description), each text
// fitted to its measured width.
func (f *svgFixer) body(b []byte) string {
	s := string(b)
	if i := strings.Index(s, ">"); strings.HasPrefix(s, "<svg") && i >= 0 {
		s = s[i+1:]
	}
	s = strings.TrimSuffix(strings.TrimSpace(s), "</svg>")
	// Roboto where the reader has it, else a system font of similar width.
	s = strings.ReplaceAll(s, "font-family:'Roboto Medium',sans-serif", "font-family:Roboto,Arial,Helvetica,sans-serif;font-weight:500")
	var out strings.Builder
	n := 0
	for {
		i := strings.Index(s, "<text ")
		if i < 0 {
			break
		}
		out.WriteString(s[:i+len("<text ")])
		if n < len(f.widths) && f.widths[n] > 0 {
			fmt.Fprintf(&out, `textLength="%d" lengthAdjust="spacingAndGlyphs" `, f.widths[n])
		}
		n++
		s = s[i+len("<text "):]
	}
	out.WriteString(s)
	return out.String()
}

// figure writes an inline SVG chart of w × h units named by title, whose
// text alternative alt (one entry per line of the chart) states every
// number the chart shows.
func (d *doc) figure(id, title string, w, h int, body string, alt []string) {
	d.printf("<figure>\n<svg role=\"img\" viewBox=\"0 0 %d %d\" aria-label=\"%s\" aria-labelledby=\"%s-t\" aria-describedby=\"%s-d\">\n<title id=\"%s-t\">%s</title>\n%s</svg>\n",
		w, h, esc(title), id, id, id, esc(title), body)
	d.printf("<figcaption id=\"%s-d\">\n<p>Grafik: %s. Die Werte der Grafik:</p>\n<ul>\n", id, esc(title))
	for _, a := range alt {
		d.printf("<li>%s</li>\n", esc(a))
	}
	d.printf("</ul>\n</figcaption>\n</figure>\n")
}

// trendChart writes a Kennzahl's chart; its text alternative lists every
// drawn line with its values, the reference and the regions included.
func (d *doc) trendChart(id string, spec chart.Spec) {
	r, err := gochart.SVG(chart.Width, chart.Height)
	if err != nil {
		d.fail(err)
		return
	}
	var buf bytes.Buffer
	fix := &svgFixer{Renderer: r}
	c := chart.Trend(spec)
	if err := c.Render(func(int, int) (gochart.Renderer, error) { return fix, nil }, &buf); err != nil {
		d.fail(fmt.Errorf("html: chart %s: %w", id, err))
		return
	}
	title := spec.Title
	if spec.Demo {
		title += " (Beispieldaten)"
	}
	var alt []string
	line := func(label string, pts []report.Point) {
		var vals []string
		for _, p := range pts {
			vals = append(vals, p.Period.Label()+" "+report.PointText(p, spec.Unit))
		}
		if len(vals) == 0 {
			vals = []string{"keine Werte"}
		}
		alt = append(alt, label+": "+strings.Join(vals, ", "))
	}
	for _, s := range spec.Series {
		line(s.Label, s.Points)
	}
	if ref := spec.Reference; ref != nil {
		line("Referenz "+ref.Label, ref.Points)
	}
	for _, g := range spec.Regions {
		line("Vergleich "+g.Label, g.Points)
	}
	d.figure(id, title, chart.Width, chart.Height, fix.body(buf.Bytes()), alt)
}

// surveyChart writes the survey's stacked bars; the text alternative gives
// every category's share and n per question and year.
func (d *doc) surveyChart(id string, cur store.SurveyResult, prev *store.SurveyResult) {
	r, err := gochart.SVG(chart.SurveyWidth, chart.SurveyHeight)
	if err != nil {
		d.fail(err)
		return
	}
	fix := &svgFixer{Renderer: r}
	chart.DrawSurvey(fix, cur, prev, gochart.Box{Right: chart.SurveyWidth, Bottom: chart.SurveyHeight}, d.e.Demo)
	var buf bytes.Buffer
	if err := r.Save(&buf); err != nil {
		d.fail(err)
		return
	}
	title := fmt.Sprintf("Integrationskonferenz %d: Bewertung des Austauschs", cur.ReportYear)
	if d.e.Demo {
		title += " (Beispieldaten)"
	}
	var alt []string
	add := func(s store.SurveyResult) {
		sums := report.SummarizeSurvey(s, nil)
		for q, sum := range sums {
			if sum.N == 0 {
				alt = append(alt, fmt.Sprintf("%s %d: keine Antworten", store.SurveyQuestions[q], s.ReportYear))
				continue
			}
			var parts []string
			for c, share := range sum.Shares {
				parts = append(parts, store.SurveyCategories[q][c]+" "+report.FormatPercent(share, 0))
			}
			alt = append(alt, fmt.Sprintf("%s %d (n = %s, keine Angabe: %s): %s", store.SurveyQuestions[q], s.ReportYear,
				report.FormatCount(sum.N), report.FormatCount(sum.Missing), strings.Join(parts, ", ")))
		}
	}
	add(cur)
	if prev != nil {
		add(*prev)
	}
	d.figure(id, title, chart.SurveyWidth, chart.SurveyHeight, fix.body(buf.Bytes()), alt)
}

func (d *doc) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}
