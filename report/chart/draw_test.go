package chart

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

func TestSplitRuns(t *testing.T) {
	ok := func(p store.Period, v float64) report.Point { return report.Point{Period: p, Value: v, OK: true} }
	gap := func(p store.Period) report.Point { return report.Point{Period: p, Reason: "Wert geheim (.)"} }
	tests := []struct {
		name   string
		points []report.Point
		want   [][]xy
	}{
		{"Continuous", []report.Point{ok("2011", 1), ok("2012", 2), ok("2013", 3)},
			[][]xy{{{2011, 1}, {2012, 2}, {2013, 3}}}},
		{"GapSplits", []report.Point{ok("2011", 1), ok("2012", 2), gap("2013"), ok("2014", 4), ok("2015", 5)},
			[][]xy{{{2011, 1}, {2012, 2}}, {{2014, 4}, {2015, 5}}}},
		{"LonePointBetweenGaps", []report.Point{ok("2011", 1), gap("2012"), ok("2013", 3), gap("2014"), ok("2015", 5), ok("2016", 6)},
			[][]xy{{{2011, 1}}, {{2013, 3}}, {{2015, 5}, {2016, 6}}}},
		{"NaNSplits", []report.Point{ok("2011", 1), ok("2012", math.NaN()), ok("2013", math.Inf(1)), ok("2014", 4)},
			[][]xy{{{2011, 1}}, {{2014, 4}}}},
		// A damaged period has no place in time, so it cannot mark one.
		{"InvalidPeriodIgnored", []report.Point{ok("2011", 1), ok("20x2", 2), ok("2013", 3)},
			[][]xy{{{2011, 1}, {2013, 3}}}},
		{"MissingPeriodDoesNotSplit", []report.Point{ok("2011", 1), ok("2013", 3)},
			[][]xy{{{2011, 1}, {2013, 3}}}},
		{"UnorderedInput", []report.Point{ok("2013", 3), gap("2012"), ok("2011", 1)},
			[][]xy{{{2011, 1}}, {{2013, 3}}}},
		{"LeadingAndTrailingGaps", []report.Point{gap("2011"), ok("2012", 2), ok("2013", 3), gap("2014")},
			[][]xy{{{2012, 2}, {2013, 3}}}},
		{"Empty", nil, nil},
		{"OnlyGaps", []report.Point{gap("2011"), gap("2012")}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := splitRuns(tc.points)
			if !slices.EqualFunc(got, tc.want, slices.Equal) {
				t.Errorf("splitRuns = %v, want %v", got, tc.want)
			}
		})
	}
}

// charWidth measures text as 10 units per rune, for layout tests
// independent of the font.
func charWidth(s string) int { return 10 * len([]rune(s)) }

func TestWrapTitle(t *testing.T) {
	long := strings.Repeat("Anteil der Schülerinnen ", 20)
	tests := []struct {
		name      string
		title     string
		demo      bool
		width     int
		wantLines int
		wantLast  string // suffix of the last line
	}{
		{"Short", "Anteil", false, 400, 1, "Anteil"},
		{"ShortDemo", "Anteil", true, 400, 1, "Anteil (Beispieldaten)"},
		{"TwoLines", "Anteil der Ausländer/innen an den Arbeitslosen", false, 300, 2, "Arbeitslosen"},
		{"CutWithEllipsis", long, false, 400, 2, "…"},
		{"CutKeepsDemoNote", long, true, 400, 2, "… (Beispieldaten)"},
		{"EmptyDemo", "", true, 400, 1, "(Beispieldaten)"},
		{"Empty", "", false, 400, 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lines := wrapTitle(tc.title, tc.demo, tc.width, charWidth)
			if len(lines) != tc.wantLines {
				t.Fatalf("%d lines %q, want %d", len(lines), lines, tc.wantLines)
			}
			if len(lines) > 0 && !strings.HasSuffix(lines[len(lines)-1], tc.wantLast) {
				t.Errorf("last line %q, want it to end in %q", lines[len(lines)-1], tc.wantLast)
			}
			for _, l := range lines {
				if charWidth(l) > tc.width && strings.Contains(l, " ") {
					t.Errorf("line %q is wider than %d", l, tc.width)
				}
			}
		})
	}
}

func TestLegend(t *testing.T) {
	spec := Spec{
		Series: []report.SeriesResult{
			yearly("Ausländer/innen", 2011, 1, 2),
			{Label: "Deutsche", Points: []report.Point{{Period: "2011", Reason: "Wert geheim (.)"}}},
			yearly("", 2011, 3),
		},
		Reference: &report.SeriesResult{Points: yearly("", 2011, 5, 5).Points},
	}
	items := legendItems(trendLines(spec))
	var labels []string
	for _, it := range items {
		labels = append(labels, it.label)
	}
	want := []string{"Ausländer/innen", "Deutsche (keine Daten)", "Referenz"}
	if !slices.Equal(labels, want) {
		t.Errorf("legend = %q, want %q", labels, want)
	}
	rows := flowRows(items, 400, charWidth)
	// 186 + 22 + 256 units do not fit in 400, 256 + 22 + 116 do.
	if len(rows) != 2 || len(rows[1]) != 2 {
		t.Errorf("rows = %v, want one entry, then two", rows)
	}
	if rows := flowRows(items, 2000, charWidth); len(rows) != 1 {
		t.Errorf("%d rows on a wide chart, want 1", len(rows))
	}
}

func TestSeriesLooksDiffer(t *testing.T) {
	type key struct {
		color  drawing.Color
		marker markerShape
		hollow bool
		dashed bool
	}
	seen := map[key]int{}
	for i := range 2 * len(palette) {
		l := seriesLook(i)
		k := key{l.color, l.marker, l.hollow, l.dash != nil}
		if j, ok := seen[k]; ok {
			t.Errorf("series %d looks like series %d", i, j)
		}
		seen[k] = i
	}
	// In greyscale only shape and filling tell neighbours apart.
	for i := 1; i < len(palette); i++ {
		a, b := palette[i-1], palette[i]
		if a.marker == b.marker && a.hollow == b.hollow {
			t.Errorf("series %d and %d have the same marker", i-1, i)
		}
	}
}
