package chart

import (
	"bytes"
	"flag"
	"fmt"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"bergischgladbach.de/integrationsmonitor/store"
)

var surveyDir = flag.String("surveydir", "", "write the example survey charts to this directory, to look at them")

// conference2025 has hand-countable answers: question 1 has 20+16 of 46
// positive (78,26 %), its 2024 comparison 30+41 of 100 (71 %).
var (
	conference2025 = store.SurveyResult{
		ReportYear: 2025,
		Counts:     [3][5]int{{20, 16, 6, 3, 1}, {10, 15, 12, 5, 2}, {8, 14, 13, 6, 3}},
		Missing:    [3]int{2, 4, 4},
	}
	conference2024 = store.SurveyResult{
		ReportYear: 2024,
		Counts:     [3][5]int{{30, 41, 19, 7, 3}, {9, 12, 10, 4, 1}, {0, 0, 0, 0, 0}},
		Missing:    [3]int{0, 1, 7},
	}
)

// Neighbouring categories, and the comparison year's lighter ones, must
// stay apart when printed in grey.
func TestSurveyColoursDifferInGrey(t *testing.T) {
	for _, f := range []float64{0, 0.4} {
		for i := range surveyColors {
			for j := i + 1; j < len(surveyColors); j++ {
				a, b := luminance(lighten(surveyColors[i], f)), luminance(lighten(surveyColors[j], f))
				// A contrast ratio of 1.25 is well visible on paper.
				if ratio := (max(a, b) + 0.05) / (min(a, b) + 0.05); ratio < 1.25 {
					t.Errorf("lightened %.1f: categories %d and %d differ in grey by a contrast of %.2f only", f, i, j, ratio)
				}
			}
		}
	}
}

// surveyCases are the charts every size and edge case is rendered for.
func surveyCases() []struct {
	name string
	cur  store.SurveyResult
	prev *store.SurveyResult
	demo bool
} {
	oneEmpty := conference2025
	oneEmpty.Counts[1] = [5]int{}
	skewed := store.SurveyResult{ReportYear: 2025, Counts: [3][5]int{{1, 0, 0, 0, 0}, {0, 0, 0, 0, 999}, {1, 1, 1, 1, 96}}}
	huge := store.SurveyResult{ReportYear: 2025, Counts: [3][5]int{{math.MaxInt, math.MaxInt, 1, 0, 0}, {1 << 40, 0, 0, 0, 0}}, Missing: [3]int{math.MaxInt, 0, 0}}
	noAnswers := store.SurveyResult{ReportYear: 2025}
	return []struct {
		name string
		cur  store.SurveyResult
		prev *store.SurveyResult
		demo bool
	}{
		{"vorjahr", conference2025, &conference2024, true},
		{"ohne-vorjahr", conference2025, nil, false},
		{"frage-leer", oneEmpty, &conference2024, false},
		{"schief", skewed, nil, false},
		{"riesig", huge, &conference2024, true},
		{"keine-antworten", noAnswers, nil, true},
		{"nur-vorjahr", noAnswers, &conference2024, false},
		{"vorjahr-leer", conference2025, &noAnswers, false},
	}
}

func TestRenderSurveyPNG(t *testing.T) {
	sizes := [][2]int{{800, 400}, {1640, 760}, {1600, 800}, {600, 500}, {120, 60}, {1, 1}}
	for _, c := range surveyCases() {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s/%dx%d", c.name, sz[0], sz[1]), func(t *testing.T) {
				data, err := SurveyPNG(c.cur, c.prev, sz[0], sz[1], c.demo)
				if err != nil {
					t.Fatal(err)
				}
				img, err := png.Decode(bytes.NewReader(data))
				if err != nil {
					t.Fatal(err)
				}
				if b := img.Bounds(); b.Dx() != sz[0] || b.Dy() != sz[1] {
					t.Errorf("size %v, want %dx%d", b, sz[0], sz[1])
				}
				if *surveyDir != "" && sz[0] >= 600 {
					name := filepath.Join(*surveyDir, fmt.Sprintf("%s-%dx%d.png", c.name, sz[0], sz[1]))
					if err := os.WriteFile(name, data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			})
		}
	}
	if _, err := SurveyPNG(conference2025, nil, 0, 400, false); err == nil {
		t.Error("zero width accepted")
	}
}

// The bars are as long as their shares: 3 of 4 answers in the first
// category cover three times the area of the 1 in the middle one. (The
// rejecting categories are striped, so their pixels are not all of one
// colour and cannot be counted this way.)
func TestSurveyBarsProportional(t *testing.T) {
	cur := store.SurveyResult{ReportYear: 2025, Counts: [3][5]int{{3, 0, 1, 0, 0}}}
	data, err := SurveyPNG(cur, nil, 1600, 800, false)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	pixels := func(c drawing.Color) int {
		n := 0
		for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
			for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
				r, g, b, _ := img.At(x, y).RGBA()
				if uint8(r>>8) == c.R && uint8(g>>8) == c.G && uint8(b>>8) == c.B {
					n++
				}
			}
		}
		return n
	}
	// Each question's legend shows one swatch of each colour.
	swatches := 3 * (2 * swatch) * (2 * swatch)
	first, last := pixels(surveyColors[0])-swatches, pixels(surveyColors[2])-swatches
	if last <= 0 || first <= 0 {
		t.Fatalf("bar pixels: first %d, last %d", first, last)
	}
	if ratio := float64(first) / float64(last); ratio < 2.7 || ratio > 3.3 {
		t.Errorf("first category covers %.2f times the last, want 3", ratio)
	}
}

// surveyTextRecorder records every text a chart writes, with its extent, on
// top of a real renderer that measures.
type surveyTextRecorder struct {
	gochart.Renderer
	size  float64
	texts []surveyText
}

type surveyText struct {
	body string
	box  gochart.Box
}

func (t *surveyTextRecorder) SetFontSize(s float64) { t.size = s; t.Renderer.SetFontSize(s) }

func (t *surveyTextRecorder) Text(body string, x, y int) {
	w := t.Renderer.MeasureText(body).Width()
	px := t.size * gochart.DefaultDPI / 72
	// Cap height above the baseline, descenders below it.
	t.texts = append(t.texts, surveyText{body, gochart.Box{Left: x, Right: x + w, Top: y - int(math.Ceil(px*0.72)), Bottom: y + int(math.Ceil(px*0.2))}})
	t.Renderer.Text(body, x, y)
}

func boxesOverlap(a, b gochart.Box) bool {
	return a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom
}

// No text may leave the chart or run into another, at the screen's and
// the PDF's proportions.
func TestSurveyTextLayout(t *testing.T) {
	for _, c := range surveyCases() {
		for _, sz := range []struct {
			box gochart.Box
			k   float64
		}{{gochart.Box{Right: 800, Bottom: 400}, 1}, {gochart.Box{Right: 863, Bottom: 400}, 1.9}, {gochart.Box{Right: 800, Bottom: 500}, 2}} {
			box := sz.box
			t.Run(fmt.Sprintf("%s/%dx%d@%v", c.name, box.Right, box.Bottom, sz.k), func(t *testing.T) {
				r, err := gochart.PNG(int(float64(box.Right)*sz.k), int(float64(box.Bottom)*sz.k))
				if err != nil {
					t.Fatal(err)
				}
				rec := &surveyTextRecorder{Renderer: &scaledRenderer{Renderer: r, k: sz.k}}
				DrawSurvey(rec, c.cur, c.prev, box, c.demo)
				all := ""
				for i, a := range rec.texts {
					all += a.body + "|"
					if a.box.Left < box.Left || a.box.Right > box.Right || a.box.Top < box.Top || a.box.Bottom > box.Bottom {
						t.Errorf("%q at %v leaves the chart", a.body, a.box)
					}
					for _, b := range rec.texts[i+1:] {
						if boxesOverlap(a.box, b.box) {
							t.Errorf("%q at %v overlaps %q at %v", a.body, a.box, b.body, b.box)
						}
					}
				}
				if c.demo != strings.Contains(all, demoNote) {
					t.Errorf("demo %v, texts %q", c.demo, all)
				}
				switch c.name {
				case "vorjahr":
					for _, want := range []string{"43" + nbsp + "%", "n = 46, keine Angabe: 2", "n = 100, keine Angabe: 0", "2024", "überhaupt kein Nutzen", "eigentlich nie"} {
						if !strings.Contains(all, want) {
							t.Errorf("%q missing in %q", want, all)
						}
					}
				case "keine-antworten":
					if !strings.Contains(all, "Keine Antworten erfasst") {
						t.Errorf("no-answers message missing in %q", all)
					}
				case "frage-leer":
					if !strings.Contains(all, "keine Antworten|") {
						t.Errorf("empty bar not marked in %q", all)
					}
				}
			})
		}
	}
}

func BenchmarkRenderSurveyPNG(b *testing.B) {
	for b.Loop() {
		if _, err := SurveyPNG(conference2025, &conference2024, 1640, 760, true); err != nil {
			b.Fatal(err)
		}
	}
}
