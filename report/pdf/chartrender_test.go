package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/chart"
	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/testtool"
)

var pdfChartDir = flag.String("pdfchartdir", "", "write the PDFs of TestDrawChartPDF to this directory, to look at them")

// The box a test chart fills on an A4 page, in mm.
const (
	pdfChartX, pdfChartY = 25.0, 40.0
	pdfChartW, pdfChartH = 160.0, 80.0
	ptPerMM              = 72 / 25.4
)

// pdfHalfYears is a series over half-years from 2011; NaN is a value
// that is not computable.
func pdfHalfYears(label string, values ...float64) report.SeriesResult {
	s := report.SeriesResult{Label: label}
	for i, v := range values {
		p := report.Point{Period: store.Period(fmt.Sprintf("%d-H%d", 2011+i/2, 1+i%2)), Value: v, OK: !math.IsNaN(v)}
		s.Points = append(s.Points, p)
	}
	return s
}

var pdfChartCases = []struct {
	name string
	spec chart.Spec
	want []string // in the page's text
}{
	{"typical", chart.Spec{
		Title: "Anteil der Ausländer/innen an den Arbeitslosen", Unit: "%",
		Series: []report.SeriesResult{
			pdfHalfYears("Ausländer/innen", 15.9, 16.4, 17.2, math.NaN(), 17.8, 18.1, 18.9, 19.4, 20.2, 21.5, 21.1, 22.4),
			pdfHalfYears("Deutsche", 10.2, 10.9, 11.1, 11.8, 12.0, 12.7, 13.3, 13.9, 14.0, 14.2, 14.9, 15.5),
		},
		Reference: &report.SeriesResult{Label: "Bevölkerungsanteil", Points: pdfHalfYears("", 11.8, 12.0, 12.3, 12.9, 13.6, 14.2, 14.4, 14.7, 15.0, 15.2, 15.5, 16.3).Points},
	}, []string{"Anteil der Ausländer/innen an den Arbeitslosen", "15 %", "20 %", "2011", "2016", "Ausländer/innen", "Deutsche", "Bevölkerungsanteil"}},
	{"one_point", chart.Spec{Title: "Einbürgerungen", Unit: "Anzahl",
		Series: []report.SeriesResult{{Label: "insgesamt", Points: []report.Point{{Period: "2024", Value: 312, OK: true}}}}},
		[]string{"Einbürgerungen", "Anzahl", "300", "2024", "insgesamt"}},
	{"no_data", chart.Spec{Title: "Schülerinnen und Schüler", Unit: "%", Demo: true,
		Series: []report.SeriesResult{{Label: "Ausländer/innen"}}},
		[]string{"Schülerinnen und Schüler", "(Beispieldaten)", "Keine Daten"}},
	{"long_title", chart.Spec{
		Title: "Anteil der Schülerinnen und Schüler mit Migrationshintergrund, die nach der Grundschule auf ein Gymnasium wechseln, an allen Schülerinnen und Schülern ihres Jahrgangs",
		Unit:  "Verhältnis", Demo: true,
		Series: []report.SeriesResult{
			pdfHalfYears("mit Migrationshintergrund", 0.61, 0.63, 0.66, 0.7), pdfHalfYears("ohne Migrationshintergrund", 1.1, 1.08, 1.05, 1.04),
			pdfHalfYears("Ausländer/innen", 0.55, 0.58, 0.6, 0.61), pdfHalfYears("Deutsche", 1.2, 1.18, 1.15, 1.12),
			pdfHalfYears("weiblich", 0.9, 0.93, 0.95, 0.97), pdfHalfYears("männlich", 0.85, 0.86, 0.9, 0.92),
			pdfHalfYears("insgesamt", 0.87, 0.9, 0.92, 0.94),
		}}, []string{"(Beispieldaten)", "Verhältnis", "männlich", "1,0"}},
}

// newChartTestPDF is an A4 document with the DejaVu fonts the report
// registers and a page.
func newChartTestPDF(t testing.TB) *gofpdf.Fpdf {
	t.Helper()
	pdf := gofpdf.New("P", "mm", "A4", "")
	for style, file := range map[string]string{"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "assets", "fonts", file))
		if err != nil {
			t.Fatal(err)
		}
		pdf.AddUTF8FontFromBytes(ChartFontFamily, style, b)
	}
	pdf.SetFont(ChartFontFamily, "B", 12)
	pdf.AddPage()
	return pdf
}

func chartPDFBytes(t testing.TB, pdf *gofpdf.Fpdf) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatalf("Output: %v", err)
	}
	return buf.Bytes()
}

// chartPDFWord is a word pdftotext found, with its box in points.
type chartPDFWord struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

// inTestBox reports whether w lies in the test chart's box.
func (w chartPDFWord) inTestBox() bool {
	const tol = 0.5
	return w.xMin >= pdfChartX*ptPerMM-tol && w.xMax <= (pdfChartX+pdfChartW)*ptPerMM+tol &&
		w.yMin >= pdfChartY*ptPerMM-tol && w.yMax <= (pdfChartY+pdfChartH)*ptPerMM+tol
}

var chartPDFBBox = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// chartPDFFile writes doc to a temporary file for the tools.
func chartPDFFile(t *testing.T, doc []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "chart.pdf")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// chartPDFWords is every word of page 1 of the PDF at path, as
// pdftotext -bbox sees it.
func chartPDFWords(t *testing.T, path string) []chartPDFWord {
	t.Helper()
	out, err := exec.Command(testtool.Need(t, "pdftotext")[0], "-bbox", "-f", "1", "-l", "1", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var words []chartPDFWord
	for _, m := range chartPDFBBox.FindAllStringSubmatch(string(out), -1) {
		w := chartPDFWord{text: html.UnescapeString(m[5])}
		for i, f := range []*float64{&w.xMin, &w.yMin, &w.xMax, &w.yMax} {
			*f, _ = strconv.ParseFloat(m[i+1], 64)
		}
		words = append(words, w)
	}
	return words
}

func TestDrawChartPDF(t *testing.T) {
	for _, tc := range pdfChartCases {
		t.Run(tc.name, func(t *testing.T) {
			pdf := newChartTestPDF(t)
			if err := DrawChart(pdf, tc.spec, pdfChartX, pdfChartY, pdfChartW, pdfChartH); err != nil {
				t.Fatalf("DrawChart: %v", err)
			}
			if pdf.Err() {
				t.Fatalf("PDF error: %v", pdf.Error())
			}
			doc := chartPDFBytes(t, pdf)
			if *pdfChartDir != "" {
				if err := os.WriteFile(filepath.Join(*pdfChartDir, tc.name+".pdf"), doc, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if bytes.Contains(doc, []byte("/Subtype /Image")) {
				t.Error("the chart is an image, not vectors")
			}
			path := chartPDFFile(t, doc)
			words := chartPDFWords(t, path)
			var texts []string
			for _, w := range words {
				texts = append(texts, w.text)
				if !w.inTestBox() { // it would be cut by the clip
					t.Errorf("%q at x %.1f–%.1f, y %.1f–%.1f pt leaves the chart's box", w.text, w.xMin, w.xMax, w.yMin, w.yMax)
				}
			}
			text := strings.ReplaceAll(strings.Join(texts, " "), "\u00a0", " ")
			for _, want := range tc.want {
				if !strings.Contains(text, want) {
					t.Errorf("page text lacks %q:\n%s", want, text)
				}
			}
			if out, err := exec.Command(testtool.Need(t, "qpdf")[0], "--check", path).CombinedOutput(); err != nil {
				t.Errorf("qpdf --check: %v\n%s", err, out)
			}
		})
	}
}

// TestChartPDFTextStaysInBox draws texts that a layout measured with
// another font could place across the chart's edges: they must be made
// to fit rather than be cut by the clip.
func TestChartPDFTextStaysInBox(t *testing.T) {
	pdf := newChartTestPDF(t)
	k := pdfChartW / chart.Width
	r := newChartPDFRenderer(pdf, pdfChartX, pdfChartY, k, chart.Width, saveChartPDFState(pdf))
	// The renderer writes in ChartFontFamily whatever font go-chart sets;
	// size and colour are those of a chart title.
	r.SetFontSize(13)
	r.SetFontColor(drawing.ColorFromHex("222222"))
	long := "Anteil der Schülerinnen und Schüler mit Migrationshintergrund an allen Schülerinnen und Schülern"
	r.Text(long, -40, 100)                        // centred, wider than the chart
	r.Text("Ausländer/innen insgesamt", 700, 200) // runs off the right edge
	r.Text("Deutsche", 20, 300)                   // fits and stays as it is
	// A y axis caption reads upwards from its baseline's start.
	r.SetTextRotation(-math.Pi / 2)
	if b := r.MeasureText("Anzahl"); b.Height() <= b.Width() {
		t.Errorf("rotated text measured %d wide, %d high", b.Width(), b.Height())
	}
	r.Text("Anzahl", 30, 350)
	r.ClearTextRotation()
	words := chartPDFWords(t, chartPDFFile(t, chartPDFBytes(t, pdf)))
	found := map[string]bool{}
	for _, w := range words {
		found[w.text] = true
		if !w.inTestBox() {
			t.Errorf("%q at x %.1f–%.1f pt leaves the chart's box", w.text, w.xMin, w.xMax)
		}
		if w.text == "Deutsche" && math.Abs(w.xMin-(pdfChartX+20*k)*ptPerMM) > 0.5 {
			t.Errorf("a fitting text was moved to %.1f pt", w.xMin)
		}
		// Its letters stand left of the baseline, only descenders cross it.
		ax, ay := (pdfChartX+30*k)*ptPerMM, (pdfChartY+350*k)*ptPerMM
		if w.text == "Anzahl" && (w.xMin > ax-5 || w.xMax > ax+3 || math.Abs(w.yMax-ay) > 1 || w.yMax-w.yMin < 2*(w.xMax-w.xMin)) {
			t.Errorf("rotated text at x %.1f–%.1f, y %.1f–%.1f pt", w.xMin, w.xMax, w.yMin, w.yMax)
		}
	}
	for _, want := range []string{"Anteil", "insgesamt", "Deutsche", "Anzahl"} {
		if !found[want] {
			t.Errorf("%q not found in %v", want, words)
		}
	}
}

// TestChartPDFCurves checks the Bézier curves that stand in for go-chart's
// arcs and quadratic curves by points halfway along them.
func TestChartPDFCurves(t *testing.T) {
	r := newChartPDFRenderer(newChartTestPDF(t), 0, 0, 1, chart.Width, chartPDFState{})
	mid := func(s chartPDFSeg, from [2]float64) (m [2]float64) { // the cubic at t = ½
		for i := range m {
			m[i] = (from[i] + 3*s.pts[0][i] + 3*s.pts[1][i] + s.pts[2][i]) / 8
		}
		return m
	}
	near := func(a, b [2]float64) bool { return math.Hypot(a[0]-b[0], a[1]-b[1]) < 0.01 }

	r.Circle(4, 100, 50)
	from := r.path[0].pts[0]
	for _, s := range r.path[1:] {
		if s.op != 'c' {
			continue
		}
		for _, p := range [][2]float64{mid(s, from), s.pts[2]} {
			if d := math.Hypot(p[0]-100, p[1]-50); math.Abs(d-4) > 0.01 {
				t.Errorf("circle point %v is %g from the centre", p, d)
			}
		}
		from = s.pts[2]
	}
	r.path = r.path[:0]
	// Clockwise on the page: a quarter from 3 o'clock ends at 6 o'clock.
	r.ArcTo(0, 0, 10, 5, 0, math.Pi/2)
	if end := r.path[len(r.path)-1].pts[2]; !near(end, [2]float64{0, 5}) {
		t.Errorf("quarter arc ends at %v, want 0, 5", end)
	}
	r.path = r.path[:0]
	r.MoveTo(0, 0)
	r.QuadCurveTo(5, 20, 20, 0)
	if m := mid(r.path[1], [2]float64{0, 0}); !near(m, [2]float64{7.5, 10}) {
		t.Errorf("quadratic curve passes %v, want 7.5, 10", m)
	}
}

// TestDrawChartPDFSmallerThanPNG compares the chart drawn as vectors with
// the print-quality PNG embedded; both pages carry the same line of text,
// so that both embed the font.
func TestDrawChartPDFSmallerThanPNG(t *testing.T) {
	spec := pdfChartCases[0].spec
	vector := newChartTestPDF(t)
	vector.Text(20, 20, "Kennzahl 1.1")
	if err := DrawChart(vector, spec, pdfChartX, pdfChartY, pdfChartW, pdfChartH); err != nil {
		t.Fatal(err)
	}
	vdoc := chartPDFBytes(t, vector)

	png, err := chart.PNG(spec, 1600, 800)
	if err != nil {
		t.Fatal(err)
	}
	raster := newChartTestPDF(t)
	raster.Text(20, 20, "Kennzahl 1.1")
	raster.RegisterImageOptionsReader("chart", gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(png))
	raster.ImageOptions("chart", pdfChartX, pdfChartY, pdfChartW, pdfChartH, false, gofpdf.ImageOptions{}, 0, "")
	rdoc := chartPDFBytes(t, raster)

	// The image check of TestDrawChartPDF must be able to see an image.
	if !bytes.Contains(rdoc, []byte("/Subtype /Image")) {
		t.Error("no image found in the PDF that embeds one")
	}
	t.Logf("vector PDF %d bytes, PDF with 1600×800 PNG (%d bytes) %d bytes", len(vdoc), len(png), len(rdoc))
	if len(vdoc) >= len(rdoc) {
		t.Errorf("vector PDF has %d bytes, the PNG one %d", len(vdoc), len(rdoc))
	}
}

var chartPDFDash = regexp.MustCompile(`\[[\d.]+( [\d.]+)*\] [\d.]+ d`)

var chartPDFStringOperand = regexp.MustCompile(`\((?:\\.|[^\\)])*\)`)

// TestDrawChartPDFRestoresState checks that the caller's settings are in
// force after a chart, in gofpdf's record and on the page.
func TestDrawChartPDFRestoresState(t *testing.T) {
	pdf := newChartTestPDF(t)
	pdf.SetCompression(false)
	pdf.SetFont(ChartFontFamily, "I", 11)
	pdf.SetDrawColor(10, 20, 30)
	pdf.SetFillColor(40, 50, 60)
	pdf.SetTextColor(70, 80, 90)
	pdf.SetLineWidth(0.7)
	pdf.SetDashPattern([]float64{1, 2}, 0)
	pdf.SetAlpha(0.5, "Normal")
	pdf.SetXY(33, 44)
	pdf.RawWriteStr("% chart begins")
	if err := DrawChart(pdf, pdfChartCases[0].spec, pdfChartX, pdfChartY, pdfChartW, pdfChartH); err != nil {
		t.Fatal(err)
	}
	pdf.RawWriteStr("% chart ends")

	type state struct {
		x, y, lineWidth, alpha, fontPt float64
		draw, fill, text               [3]int
		italic                         bool
	}
	rgb := func(r, g, b int) [3]int { return [3]int{r, g, b} }
	got := state{draw: rgb(pdf.GetDrawColor()), fill: rgb(pdf.GetFillColor()), text: rgb(pdf.GetTextColor()),
		lineWidth: pdf.GetLineWidth(), italic: pdf.GetFontDesc("", "") == pdf.GetFontDesc(ChartFontFamily, "I")}
	got.x, got.y = pdf.GetXY()
	got.alpha, _ = pdf.GetAlpha()
	got.fontPt, _ = pdf.GetFontSize()
	want := state{33, 44, 0.7, 0.5, 11, [3]int{10, 20, 30}, [3]int{40, 50, 60}, [3]int{70, 80, 90}, true}
	if got != want {
		t.Errorf("after the chart\n%+v, want\n%+v", got, want)
	}

	// gofpdf repeats its record of the dash pattern on a new page.
	pdf.AddPage()
	pdf.RawWriteStr("% page 2 begins")

	doc := string(chartPDFBytes(t, pdf))
	start, end := strings.Index(doc, "% chart begins"), strings.Index(doc, "% chart ends")
	page2 := strings.Index(doc, "% page 2 begins")
	if start < 0 || end < start || page2 < end {
		t.Fatal("markers not found in the pages")
	}
	ops := doc[start:end]
	// Count the save and restore operators, leaving out string operands.
	n := map[string]int{}
	for _, tok := range strings.Fields(chartPDFStringOperand.ReplaceAllString(ops, "()")) {
		n[tok]++
	}
	if n["q"] != n["Q"] {
		t.Errorf("the chart saves the graphics state %d times and restores it %d times", n["q"], n["Q"])
	}
	// The last Q closes the chart's clip; what comes after it is in force.
	after := ops[strings.LastIndex(ops, "Q\n"):]
	if strings.Contains(after, " d\n") || strings.Contains(after, " j\n") {
		t.Errorf("dash or join set after the chart's clip:\n%s", after)
	}
	if !chartPDFDash.MatchString(ops) || !strings.Contains(after, "11.00 Tf") || !strings.Contains(after, " gs") {
		t.Errorf("expected the chart's dashes inside, the caller's font and alpha after:\n%s", after)
	}
	// The chart is opaque however translucent the caller's drawing was.
	if before := ops[:strings.Index(ops, " Tj ")]; !strings.Contains(before, " gs") {
		t.Errorf("the chart does not set its own alpha:\n%s", before)
	}
	if !strings.Contains(doc[end:page2], "[2.83 5.67] 0.00 d") {
		t.Errorf("the caller's dash pattern is not the one gofpdf keeps:\n%s", doc[end:page2])
	}
	if !strings.Contains(doc[end:page2], "\n0 j\n") {
		t.Errorf("gofpdf keeps a line join the caller did not set:\n%s", doc[end:page2])
	}
}

func TestDrawChartPDFRejects(t *testing.T) {
	spec := pdfChartCases[0].spec
	if err := DrawChart(nil, spec, 0, 0, 100, 50); err == nil {
		t.Error("nil PDF accepted")
	}
	bare := gofpdf.New("P", "mm", "A4", "")
	if err := DrawChart(bare, spec, 0, 0, 100, 50); err == nil {
		t.Error("PDF without a page accepted")
	}
	bare.AddPage()
	if err := DrawChart(bare, spec, 0, 0, 100, 50); err == nil || bare.Err() {
		t.Errorf("PDF without the font: error %v, PDF error %v", err, bare.Error())
	}
	pdf := newChartTestPDF(t)
	for _, box := range [][4]float64{{0, 0, 0, 50}, {0, 0, 100, -1}, {math.NaN(), 0, 100, 50}, {0, 0, math.Inf(1), 50}} {
		if err := DrawChart(pdf, spec, box[0], box[1], box[2], box[3]); err == nil {
			t.Errorf("box %v accepted", box)
		}
	}
	if pdf.Err() {
		t.Errorf("a rejected chart left a PDF error: %v", pdf.Error())
	}
}

func BenchmarkDrawChartPDF(b *testing.B) {
	spec := pdfChartCases[0].spec
	pdf := newChartTestPDF(b)
	pages := 0
	for b.Loop() {
		if pages == 100 { // a document of 100 charts, then a fresh one
			b.StopTimer()
			pdf, pages = newChartTestPDF(b), 0
			b.StartTimer()
		}
		pdf.AddPage()
		pages++
		if err := DrawChart(pdf, spec, pdfChartX, pdfChartY, pdfChartW, pdfChartH); err != nil {
			b.Fatal(err)
		}
	}
}
