package chart

import (
	"bytes"
	"slices"
	"testing"

	gochart "github.com/wcharczuk/go-chart/v2"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

func kreis(first int, values ...float64) report.RegionSeries {
	return report.RegionSeries{
		Area:         store.Area{Code: "kreis", Name: "Rheinisch-Bergischer Kreis", Kind: "kreis"},
		Short:        "Kreis",
		SeriesResult: yearly("Rheinisch-Bergischer Kreis", first, values...),
	}
}

// The title says what is shown: the measure, the lines and the span of
// the drawn values, not "Kennzahl A-K1".
func TestTitleFor(t *testing.T) {
	ak1 := store.KeyFigure{Code: "A-K1", Unit: "%"}
	tests := []struct {
		name string
		r    report.Result
		want string
	}{
		{"groups and region", report.Result{KeyFigure: ak1,
			Series:    []report.SeriesResult{yearly("Ausländer/innen", 2011, 20, 21, 22), yearly("Deutsche", 2011, 8, 8, 7)},
			Reference: ptr(yearly("Insgesamt", 2011, 9, 9, 9)),
			Regions:   []report.RegionSeries{kreis(2012, 15, 16, 17, 18)}},
			"Arbeitslosenindex: Ausländer/innen, Deutsche und Kreis, 2011–2015"},
		{"one series and a region", report.Result{KeyFigure: store.KeyFigure{Code: "C-K4"},
			Series:  []report.SeriesResult{yearly("Wahlbeteiligung", 2010, 12, 11)},
			Regions: []report.RegionSeries{kreis(2010, 14)}},
			"Wahlbeteiligung bei der Integrationsratswahl: Stadt und Kreis, 2010–2011"},
		{"unknown code, one series", report.Result{KeyFigure: store.KeyFigure{Code: "X-K9", Series: []store.Series{{Label: "Einbürgerungen"}}},
			Series: []report.SeriesResult{yearly("Einbürgerungen", 2020, 5)}},
			"Einbürgerungen, 2020"},
		{"no values", report.Result{KeyFigure: store.KeyFigure{Code: "X-K9"},
			Series: []report.SeriesResult{{Label: "a"}, {Label: "b"}}},
			"Kennzahl X-K9: a und b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := TitleFor(tc.r); got != tc.want {
				t.Errorf("TitleFor = %q, want %q", got, tc.want)
			}
			if got := SpecFor(tc.r, false).Title; got != tc.want {
				t.Errorf("SpecFor title = %q", got)
			}
		})
	}
}

// A comparison region is drawn with its own dash-dotted look and named
// in the legend; a share's axis starts at 0 whatever the values.
func TestRegionInLegendAndShareAxisFromZero(t *testing.T) {
	spec := Spec{Title: "Arbeitslosenindex", Unit: "%",
		Series:  []report.SeriesResult{yearly("Ausländer/innen", 2011, 11, 12, 12.5)},
		Regions: []report.RegionSeries{kreis(2011, 9.5, 10, 10.5)},
	}
	var texts []string
	r := &textRecorder{Renderer: mustPNG(t), texts: &texts}
	c := Trend(spec)
	if err := c.Render(func(int, int) (gochart.Renderer, error) { return r, nil }, &bytes.Buffer{}); err != nil {
		t.Fatalf("Render: %v", err)
	}
	if !slices.Contains(texts, "Rheinisch-Bergischer Kreis") {
		t.Errorf("legend does not name the region: %q", texts)
	}
	if lo := c.YAxisSecondary.Range.GetMin(); lo != 0 {
		t.Errorf("share axis starts at %v, want 0", lo)
	}
	if !slices.Contains(texts, "0\u00a0%") {
		t.Errorf("no 0 %% tick among %q", texts)
	}
	lines := trendLines(spec)
	look := lines[len(lines)-1].look
	if len(look.dash) == 0 || slices.Equal(look.dash, referenceLook.dash) || slices.Equal(look.dash, seriesLook(0).dash) {
		t.Errorf("region look %+v is not told apart from series and reference by its dashes", look)
	}
}

// "sehr …" and "überhaupt nicht …" must differ on a greyscale printer by
// more than a faint step, and the rejecting side is striped as well.
func TestSurveyExtremesDifferInGrey(t *testing.T) {
	a, b := luminance(surveyColors[0]), luminance(surveyColors[4])
	if ratio := (max(a, b) + 0.05) / (min(a, b) + 0.05); ratio < 1.8 {
		t.Errorf("first and last category differ in grey by a contrast of %.2f, want ≥ 1,8", ratio)
	}
	if surveyHatched[0] || !surveyHatched[4] || !surveyHatched[3] {
		t.Errorf("stripes %v: want them on the rejecting categories only", surveyHatched)
	}
}
