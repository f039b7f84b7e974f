package chart

import (
	"bytes"
	"slices"
	"testing"

	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

func TestBreakInterruptsEveryLine(t *testing.T) {
	spec := Spec{Title: "A-K2", Unit: "%",
		Series:    []report.SeriesResult{yearly("Ausländer/innen", 2009, 10, 11, 12, 13)},
		Reference: &report.SeriesResult{Label: "Bevölkerung", Points: yearly("", 2009, 6, 6.2, 6.8, 6.9).Points},
		Breaks:    []report.Break{{Period: "2011", Reason: "Zensus 2011"}},
	}
	for _, l := range trendLines(spec) {
		want := [][]xy{{{2009, l.runs[0][0].y}, {2010, l.runs[0][1].y}}, {{2011, l.runs[1][0].y}, {2012, l.runs[1][1].y}}}
		if !slices.EqualFunc(l.runs, want, slices.Equal) {
			t.Errorf("line %q runs = %v, want a gap between 2010 and 2011", l.label, l.runs)
		}
	}
	if xs := breakXs(axisPeriods(trendLines(spec)), spec.Breaks); !slices.Equal(xs, []float64{2010.5}) {
		t.Errorf("break drawn at %v, want 2010.5", xs)
	}

	var texts []string
	rec := &breakRecorder{textRecorder: textRecorder{Renderer: mustPNG(t), texts: &texts}}
	if err := Trend(spec).Render(func(int, int) (gochart.Renderer, error) { return rec, nil }, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(texts, "| Zeitreihenbruch ab 2011: Zensus 2011") {
		t.Errorf("legend lacks the break: %q", texts)
	}
	if rec.vertical < 2 { // across the plot and upright in the legend
		t.Errorf("%d vertical dashed strokes, want the break line and its legend sample", rec.vertical)
	}
}

func TestBreakOutsideTheSeriesIsNotDrawn(t *testing.T) {
	spec := Spec{Series: []report.SeriesResult{yearly("x", 2012, 1, 2, 3)}, Breaks: []report.Break{{Period: "2011", Reason: "Zensus 2011"}}}
	if l := trendLines(spec)[0]; len(l.runs) != 1 {
		t.Errorf("runs = %v, want one", l.runs)
	}
	if items := breakItems(axisPeriods(trendLines(spec)), spec.Breaks); len(items) != 0 {
		t.Errorf("legend = %v, want no break entry", items)
	}
}

func TestBreakBetweenStichtage(t *testing.T) {
	ps := []store.Period{"2010-12-31", "2011-12-31", "2012-12-31"}
	s := withPeriods("BEV", ps, 105723, 109026, 109138)
	l := trendLines(Spec{Series: []report.SeriesResult{s}, Breaks: []report.Break{{Period: "2011", Reason: "Zensus 2011"}}})[0]
	if len(l.runs) != 2 || len(l.runs[0]) != 1 || l.runs[1][0].y != 109026 {
		t.Errorf("runs = %v, want 2010 alone and 2011–2012 joined", l.runs)
	}
}

// breakRecorder counts vertical strokes drawn dashed in the break colour.
type breakRecorder struct {
	textRecorder
	dashed, brk bool
	x, y        int
	vertical    int
}

func (r *breakRecorder) SetStrokeDashArray(d []float64) {
	r.dashed = len(d) > 0
	r.Renderer.SetStrokeDashArray(d)
}

func (r *breakRecorder) SetStrokeColor(c drawing.Color) {
	r.brk = c == breakLook.color
	r.Renderer.SetStrokeColor(c)
}

func (r *breakRecorder) MoveTo(x, y int) { r.x, r.y = x, y; r.Renderer.MoveTo(x, y) }

func (r *breakRecorder) LineTo(x, y int) {
	if r.dashed && r.brk && x == r.x && y != r.y {
		r.vertical++
	}
	r.Renderer.LineTo(x, y)
}
