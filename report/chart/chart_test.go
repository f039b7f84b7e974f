package chart

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

var chartDir = flag.String("chartdir", "", "write the example charts of TestRenderPNG to this directory, to look at them")

// yearly builds a series of consecutive years from first; a NaN value
// stands for a period that is not computable.
func yearly(label string, first int, values ...float64) report.SeriesResult {
	s := report.SeriesResult{Label: label}
	for i, v := range values {
		p := report.Point{Period: store.Period(fmt.Sprint(first + i)), Value: v, OK: !math.IsNaN(v)}
		if !p.OK {
			p.Reason = "Wert geheim (.)"
		}
		s.Points = append(s.Points, p)
	}
	return s
}

func withPeriods(label string, periods []store.Period, values ...float64) report.SeriesResult {
	s := report.SeriesResult{Label: label}
	for i, v := range values {
		s.Points = append(s.Points, report.Point{Period: periods[i], Value: v, OK: true})
	}
	return s
}

func halfYears(from, to int) []store.Period {
	var ps []store.Period
	for y := from; y <= to; y++ {
		ps = append(ps, store.Period(fmt.Sprintf("%d-H1", y)), store.Period(fmt.Sprintf("%d-H2", y)))
	}
	return ps
}

func schoolYears(from, to int) []store.Period {
	var ps []store.Period
	for y := from; y <= to; y++ {
		ps = append(ps, store.Period(fmt.Sprintf("%d/%02d", y, (y+1)%100)))
	}
	return ps
}

// chartCases are the edge cases PNG must survive, and the examples
// written with -chartdir. hasData says whether a series line must show.
var chartCases = []struct {
	name    string
	spec    Spec
	hasData bool
}{
	{"typical_percent", Spec{
		Title: "Anteil der Ausländer/innen an den Arbeitslosen", Unit: "%",
		Series: []report.SeriesResult{
			yearly("Ausländer/innen", 2011, 15.9, 16.4, 17.2, 17.0, 17.8, 18.1, 18.9, 19.4, 20.2, 21.5, 21.1, 20.4, 21.9, 22.6, 23.1),
			yearly("männlich", 2011, 14.2, 14.9, 15.1, 15.8, 16.0, 16.7, 17.3, 17.9, 18.0, 19.2, 19.9, 19.5, 20.3, 20.8, 21.4),
		},
		Reference: ptr(yearly("Bevölkerungsanteil", 2011, 11.8, 12.0, 12.3, 12.9, 13.6, 14.2, 14.4, 14.7, 15.0, 15.2, 15.5, 16.3, 16.6, 16.9, 17.2)),
	}, true},
	{"half_years", Spec{
		Title: "Vermittlungsquote", Unit: "%",
		Series: []report.SeriesResult{withPeriods("Ausländer/innen", halfYears(2011, 2016),
			31.5, 33.0, 32.1, 34.8, 35.2, 36.0, 35.1, 37.9, 38.4, 37.7, 39.5, 40.1)},
	}, true},
	{"school_years", Spec{
		Title: "Übergänge auf das Gymnasium – Schüler/innen ohne deutsche Staatsangehörigkeit", Unit: "%",
		Series: []report.SeriesResult{withPeriods("Schüler", schoolYears(2011, 2025),
			22, 23.5, 21.8, 24.9, 26.1, 25.4, 27.7, 28.0, 27.2, 29.3, 30.5, 31.0, 30.2, 32.4, 33.0)},
	}, true},
	{"index_around_one", Spec{
		Title: "Repräsentationsindex Ausländer/innen im Stadtrat", Unit: "Index",
		Series:    []report.SeriesResult{yearly("Ausländer/innen", 2011, 0.82, 0.85, 0.91, 0.96, 1.02, 1.05, 0.99, 1.08)},
		Reference: ptr(yearly("Parität (1,0)", 2011, 1, 1, 1, 1, 1, 1, 1, 1)),
	}, true},
	{"one_point", Spec{Title: "Einbürgerungen", Unit: "Anzahl",
		Series: []report.SeriesResult{yearly("insgesamt", 2024, 312)}}, true},
	{"all_equal", Spec{Title: "Anteil", Unit: "%",
		Series: []report.SeriesResult{yearly("weiblich", 2011, 50, 50, 50, 50)}}, true},
	{"all_equal_zero", Spec{Title: "Anteil", Unit: "%",
		Series: []report.SeriesResult{yearly("weiblich", 2011, 0, 0, 0)}}, true},
	{"gap", Spec{Title: "Anteil mit Lücken und Zeichen", Unit: "%",
		Series: []report.SeriesResult{
			yearly("Deutsche", 2011, 12.1, 12.8, math.NaN(), 13.5, 14.0, math.NaN(), 14.8, math.NaN(), 15.9, 16.2),
			yearly("Ausländer/innen", 2011, math.NaN(), 20.2, 21.0, math.NaN(), 19.5, 20.1, 21.4, 22.0, math.NaN(), math.NaN()),
		}}, true},
	{"nan_value_marked_ok", Spec{Title: "Anteil", Unit: "%",
		Series: []report.SeriesResult{{Label: "a", Points: []report.Point{
			{Period: "2011", Value: 3, OK: true}, {Period: "2012", Value: math.NaN(), OK: true},
			{Period: "2013", Value: math.Inf(1), OK: true}, {Period: "2014", Value: 4, OK: true},
		}}}}, true},
	{"negative_points", Spec{Title: "Abstand der Quoten Ausländer/innen – Deutsche", Unit: "Prozentpunkte",
		Series: []report.SeriesResult{yearly("Differenz", 2011, 4.2, 3.1, 1.8, 0.4, -0.9, -1.7, -0.6, 0.8)}}, true},
	{"reference_only", Spec{Title: "Bevölkerungsanteil", Unit: "%",
		Series:    []report.SeriesResult{{Label: "Ausländer/innen"}},
		Reference: ptr(yearly("Bevölkerungsanteil", 2011, 11.8, 12.0, 12.3))}, false},
	{"demo_long_title", Spec{
		Title: "Anteil der Schülerinnen und Schüler mit Migrationshintergrund, die nach der Grundschule auf ein Gymnasium wechseln, an allen Schülerinnen und Schülern ihres Jahrgangs in Bergisch Gladbach",
		Unit:  "Verhältnis", Demo: true,
		Series: []report.SeriesResult{
			yearly("mit Migrationshintergrund", 2011, 0.61, 0.63, 0.66, 0.7),
			yearly("ohne Migrationshintergrund", 2011, 1.1, 1.08, 1.05, 1.04),
			yearly("Ausländer/innen", 2011, 0.55, 0.58, 0.6, 0.61),
			yearly("Deutsche", 2011, 1.2, 1.18, 1.15, 1.12),
			yearly("weiblich", 2011, 0.9, 0.93, 0.95, 0.97),
			yearly("männlich", 2011, 0.85, 0.86, 0.9, 0.92),
			yearly("insgesamt", 2011, 0.87, 0.9, 0.92, 0.94),
		}}, true},
	{"large_counts", Spec{Title: "Einwohner/innen", Unit: "Anzahl",
		Series: []report.SeriesResult{yearly("insgesamt", 2011, 108412, 109005, 109833, 110498, 111366)}}, true},
	{"mixed_kinds", Spec{Title: "Gemischte Erhebungszeiten", Unit: "%",
		Series: []report.SeriesResult{
			withPeriods("Stichtag", []store.Period{"2022-12-31", "2023-12-31", "2024-06-30", "2024-12-31"}, 10, 11, 12, 11.5),
			withPeriods("Jahr", []store.Period{"2022", "2023", "2024"}, 9, 9.5, 10),
		}}, true},
	{"huge_and_invalid", Spec{Title: "Unsinn", Unit: "",
		Series: []report.SeriesResult{{Label: "kaputt", Points: []report.Point{
			{Period: "2011", Value: math.MaxFloat64, OK: true}, {Period: "20x1", Value: 5, OK: true},
			{Period: "2012", Value: -math.MaxFloat64, OK: true}, {Period: "2013", Value: 7, OK: true},
			{Period: "2014", Value: 7.5, OK: true},
		}}}}, true},
	{"empty_spec", Spec{}, false},
	{"series_without_points", Spec{Title: "Leer", Unit: "%", Demo: true,
		Series: []report.SeriesResult{{Label: "Ausländer/innen"}, {Label: "Deutsche"}}}, false},
	{"only_symbols", Spec{Title: "Nur Zeichen", Unit: "%",
		Series: []report.SeriesResult{yearly("Ausländer/innen", 2011, math.NaN(), math.NaN())}}, false},
}

func ptr[T any](v T) *T { return &v }

func TestRenderPNG(t *testing.T) {
	seriesColor := palette[0].color
	for _, tc := range chartCases {
		for _, size := range []image.Point{{800, 400}, {1600, 800}, {640, 400}} {
			t.Run(fmt.Sprintf("%s/%dx%d", tc.name, size.X, size.Y), func(t *testing.T) {
				b, err := PNG(tc.spec, size.X, size.Y)
				if err != nil {
					t.Fatalf("PNG: %v", err)
				}
				img, err := png.Decode(bytes.NewReader(b))
				if err != nil {
					t.Fatalf("decode: %v", err)
				}
				if got := img.Bounds().Size(); got != size {
					t.Errorf("size = %v, want %v", got, size)
				}
				// The first series' colour shows exactly when its line
				// does (the colour is in no legend of a series without data
				// but as a line sample, hence the threshold).
				n := countColor(img, seriesColor)
				area := size.X * size.Y / (800 * 400)
				if tc.hasData && n < 150*area {
					t.Errorf("%d pixels of the first series' colour, want a drawn line", n)
				}
				if !tc.hasData && len(tc.spec.Series) == 0 && n > 0 {
					t.Errorf("%d pixels of a series colour in a chart without series", n)
				}
				if *chartDir != "" && size.X == 800 {
					if err := os.WriteFile(filepath.Join(*chartDir, tc.name+".png"), b, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			})
		}
	}
}

// TestRenderPNGConcurrently is for -race: the UI and a report may draw
// charts at the same time.
func TestRenderPNGConcurrently(t *testing.T) {
	errs := make(chan error, len(chartCases))
	for _, tc := range chartCases {
		go func() {
			_, err := PNG(tc.spec, 400, 200)
			errs <- err
		}()
	}
	for range chartCases {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestRenderPNGRejectsEmptySize(t *testing.T) {
	if _, err := PNG(chartCases[0].spec, 0, 400); err == nil {
		t.Error("PNG(…, 0, 400) succeeded, want an error")
	}
}

// countColor counts the pixels within a small distance of c, allowing for
// antialiasing at line edges.
func countColor(img image.Image, c drawing.Color) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			d := absDiff(r>>8, uint32(c.R)) + absDiff(g>>8, uint32(c.G)) + absDiff(bl>>8, uint32(c.B))
			if d < 24 {
				n++
			}
		}
	}
	return n
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

func TestNoDataChartSaysSo(t *testing.T) {
	c := Trend(Spec{Title: "Leer"})
	var texts []string
	r := &textRecorder{Renderer: mustPNG(t), texts: &texts}
	if err := c.Render(func(int, int) (gochart.Renderer, error) { return r, nil }, &bytes.Buffer{}); err != nil {
		t.Fatalf("Render: %v", err)
	}
	if !slices.Contains(texts, "Keine Daten") || !slices.Contains(texts, "Leer") {
		t.Errorf("texts drawn = %q, want the title and „Keine Daten“", texts)
	}
}

func TestChartTexts(t *testing.T) {
	spec := Spec{Title: "Anteil", Unit: "Prozentpunkte", Demo: true,
		Series:    []report.SeriesResult{yearly("Ausländer/innen", 2011, -1.5, 0.5, 2.5)},
		Reference: &report.SeriesResult{Points: yearly("", 2011, 0, 0, 0).Points},
	}
	var texts []string
	r := &textRecorder{Renderer: mustPNG(t), texts: &texts}
	if err := Trend(spec).Render(func(int, int) (gochart.Renderer, error) { return r, nil }, &bytes.Buffer{}); err != nil {
		t.Fatalf("Render: %v", err)
	}
	for _, want := range []string{"Anteil (Beispieldaten)", "Prozentpunkte", "Ausländer/innen", "Referenz", "2011", "2013", "−2", "0", "3"} {
		if !slices.Contains(texts, want) {
			t.Errorf("no text %q among %q", want, texts)
		}
	}
	for _, s := range texts {
		if strings.ContainsAny(s, ".") && !strings.Contains(s, "/") {
			t.Errorf("text %q has a point: English decimal or fractional year", s)
		}
	}
}

type textRecorder struct {
	gochart.Renderer
	texts *[]string
}

func (r *textRecorder) Text(body string, x, y int) {
	*r.texts = append(*r.texts, body)
	r.Renderer.Text(body, x, y)
}

func mustPNG(t *testing.T) gochart.Renderer {
	t.Helper()
	r, err := gochart.PNG(Width, Height)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func FuzzRenderPNG(f *testing.F) {
	f.Add(1.0, 2.0, 3.0, uint8(0b111), uint8(0))
	f.Add(5.0, 5.0, 5.0, uint8(0b101), uint8(1))
	f.Add(-3.0, 0.0, 1e-9, uint8(0b011), uint8(4))
	f.Add(math.Inf(-1), math.NaN(), 1e300, uint8(0b111), uint8(2))
	units := []string{"%", "Index", "Verhältnis", "Anzahl", "Prozentpunkte", ""}
	f.Fuzz(func(t *testing.T, a, b, c float64, ok, unit uint8) {
		s := report.SeriesResult{Label: "x"}
		for i, v := range []float64{a, b, c} {
			s.Points = append(s.Points, report.Point{Period: store.Period(fmt.Sprint(2011 + i)), Value: v, OK: ok&(1<<i) != 0})
		}
		spec := Spec{Title: "Fuzz", Unit: units[int(unit)%len(units)], Series: []report.SeriesResult{s}}
		if _, err := PNG(spec, 400, 200); err != nil {
			t.Fatalf("PNG(%v): %v", s.Points, err)
		}
	})
}

func BenchmarkRenderPNG(b *testing.B) {
	spec := chartCases[0].spec
	for _, size := range []image.Point{{800, 400}, {1600, 800}} {
		b.Run(fmt.Sprintf("%dx%d", size.X, size.Y), func(b *testing.B) {
			for b.Loop() {
				if _, err := PNG(spec, size.X, size.Y); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
