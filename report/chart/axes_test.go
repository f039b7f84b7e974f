package chart

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	gochart "github.com/wcharczuk/go-chart/v2"

	"bergischgladbach.de/integrationsmonitor/store"
)

// nbsp is the no-break space the German formatting puts before a unit.
const nbsp = "\u00a0"

func tickLabels(ticks []gochart.Tick) []string {
	labels := make([]string, len(ticks))
	for i, t := range ticks {
		labels[i] = t.Label
	}
	return labels
}

func TestYTicks(t *testing.T) {
	tests := []struct {
		name   string
		lo, hi float64
		unit   string
		want   []string
	}{
		{"PercentFromZero", 10, 20, "%", []string{"0 %", "5 %", "10 %", "15 %", "20 %", "25 %"}},
		{"QuarterSteps", 10, 20, "Anzahl", []string{"7,5", "10,0", "12,5", "15,0", "17,5", "20,0", "22,5"}},
		{"PercentNotBelowZero", 0.5, 9, "%", []string{"0 %", "2 %", "4 %", "6 %", "8 %", "10 %"}},
		{"PercentNotAbove100", 92, 100, "%", []string{"0 %", "20 %", "40 %", "60 %", "80 %", "100 %"}},
		{"AllEqualPercent", 50, 50, "%", []string{"0 %", "20 %", "40 %", "60 %"}},
		{"AllEqualZero", 0, 0, "%", []string{"0,0 %", "0,2 %", "0,4 %", "0,6 %", "0,8 %", "1,0 %"}},
		{"IndexAroundOne", 0.82, 1.08, "Index", []string{"0,8", "0,9", "1,0", "1,1"}},
		{"NegativePoints", -1.7, 4.2, "Prozentpunkte", []string{"−2", "0", "2", "4", "6"}},
		{"LargeCounts", 108412, 111366, "Anzahl", []string{"108.000", "109.000", "110.000", "111.000", "112.000"}},
		{"TinySpanTwoDecimals", 1.0001, 1.0002, "Verhältnis", []string{"1,00", "1,01"}},
		{"Swapped", 20, 10, "%", []string{"0 %", "5 %", "10 %", "15 %", "20 %", "25 %"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ticks := yTicks(tc.lo, tc.hi, tc.unit)
			got := tickLabels(ticks)
			want := slices.Clone(tc.want)
			for i := range want {
				want[i] = strings.ReplaceAll(want[i], " ", nbsp)
			}
			if !slices.Equal(got, want) {
				t.Errorf("labels = %q, want %q", got, want)
			}
			lo, hi := min(tc.lo, tc.hi), max(tc.lo, tc.hi)
			if first, last := ticks[0].Value, ticks[len(ticks)-1].Value; first > lo || last < hi {
				t.Errorf("axis %v…%v does not cover the data %v…%v", first, last, lo, hi)
			}
		})
	}
}

func TestYTicksAreEvenAndGerman(t *testing.T) {
	for _, r := range [][2]float64{{0.01, 0.02}, {3, 3}, {-250, 13}, {2011, 2016}, {0, 1e11}, {-1e12, 1e12}} {
		for _, unit := range []string{"%", "Index", "Anzahl", "Prozentpunkte"} {
			t.Run(fmt.Sprintf("%v_%s", r, unit), func(t *testing.T) {
				ticks := yTicks(r[0], r[1], unit)
				if n := len(ticks); n < 2 || n > 12 {
					t.Fatalf("%d ticks: %q", n, tickLabels(ticks))
				}
				step := ticks[1].Value - ticks[0].Value
				for i, tk := range ticks {
					if i > 0 && math.Abs(tk.Value-ticks[i-1].Value-step) > step*1e-6 {
						t.Errorf("uneven steps: %q", tickLabels(ticks))
					}
					// A point is allowed only as thousands separator.
					num := strings.TrimSuffix(tk.Label, nbsp+"%")
					if strings.Contains(num, ".") && !strings.Contains(tk.Label, ",") && math.Abs(tk.Value) < 1000 {
						t.Errorf("label %q is not German", tk.Label)
					}
					if _, dec, ok := strings.Cut(num, ","); ok && len(dec) > 2 {
						t.Errorf("label %q has more than two decimals", tk.Label)
					}
				}
			})
		}
	}
}

func TestNiceStep(t *testing.T) {
	tests := []struct{ raw, want float64 }{
		{0.88, 1}, {1.1, 2}, {2.2, 2.5}, {2.6, 5}, {7, 10}, {0.22, 0.25}, {0.022, 0.05}, {0.001, 0.01}, {0, 0.01}, {math.NaN(), 0.01}, {430, 500},
	}
	for _, tc := range tests {
		if got := niceStep(tc.raw); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("niceStep(%v) = %v, want %v", tc.raw, got, tc.want)
		}
	}
}

func TestXTicks(t *testing.T) {
	years := []store.Period{"2011", "2012", "2013", "2014", "2015", "2016"}
	tests := []struct {
		name         string
		periods      []store.Period
		unitsPerYear float64
		widest       int
		values       []float64
		labels       []string
	}{
		{"Years", years, 100, 30,
			[]float64{2011, 2012, 2013, 2014, 2015, 2016},
			[]string{"2011", "2012", "2013", "2014", "2015", "2016"}},
		{"YearsEverySecondFromLatest", years, 40, 30,
			[]float64{2012, 2014, 2016},
			[]string{"2012", "2014", "2016"}},
		{"YearsEveryFourthFromLatest", years, 14, 30,
			[]float64{2012, 2016},
			[]string{"2012", "2016"}},
		{"HalfYears", halfYears(2015, 2016), 200, 60,
			[]float64{2015, 2015.5, 2016, 2016.5},
			[]string{"1. Hj. 2015", "2. Hj. 2015", "1. Hj. 2016", "2. Hj. 2016"}},
		{"HalfYearsThinned", halfYears(2015, 2016), 100, 60,
			[]float64{2015.5, 2016.5},
			[]string{"2. Hj. 2015", "2. Hj. 2016"}},
		{"SchoolYears", schoolYears(2023, 2025), 100, 45,
			[]float64{2023, 2024, 2025},
			[]string{"2023/24", "2024/25", "2025/26"}},
		{"StichtagBesideYear", []store.Period{"2022", "2022-12-31", "2023", "2024"}, 100, 50,
			[]float64{2022, 2023, 2024},
			[]string{"2022", "2023", "2024"}},
		{"OnePeriod", years[:1], 100, 500, []float64{2011}, []string{"2011"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ticks := xTicks(tc.periods, tc.unitsPerYear, tc.widest)
			values := make([]float64, len(ticks))
			for i, tk := range ticks {
				values[i] = tk.Value
			}
			if !slices.Equal(values, tc.values) {
				t.Errorf("values = %v, want %v", values, tc.values)
			}
			if got := tickLabels(ticks); !slices.Equal(got, tc.labels) {
				t.Errorf("labels = %q, want %q", got, tc.labels)
			}
		})
	}
}

// TestXTicksAtRender checks the ticks go-chart actually draws: one per
// period, whole years only, no label overlapping the next.
func TestXTicksAtRender(t *testing.T) {
	for _, tc := range chartCases {
		c := Trend(tc.spec)
		pr, ok := c.XAxis.Range.(*periodRange)
		if !ok {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			r := mustPNG(t)
			r.SetDPI(gochart.DefaultDPI)
			pr.SetDomain(600)
			ticks := pr.GetTicks(r, gochart.Style{}, nil)
			if len(ticks) == 0 {
				t.Fatal("no x ticks")
			}
			lastRight := math.Inf(-1)
			for _, tk := range ticks {
				i := slices.IndexFunc(pr.periods, func(p store.Period) bool { return p.Pos() == tk.Value })
				if i < 0 || tk.Label != pr.periods[i].Short() {
					t.Fatalf("tick %v %q is not a period", tk.Value, tk.Label)
				}
				if strings.Contains(tk.Label, ".") && pr.periods[i].Kind() == store.YearPeriod {
					t.Errorf("year label %q", tk.Label)
				}
				w := float64(r.MeasureText(tk.Label).Width())
				x := float64(pr.Translate(tk.Value))
				if x-w/2 < lastRight {
					t.Errorf("label %q overlaps its left neighbour", tk.Label)
				}
				lastRight = x + w/2
			}
			if last := pr.periods[len(pr.periods)-1]; ticks[len(ticks)-1].Value != last.Pos() {
				t.Errorf("the latest period %s is not labelled", last)
			}
		})
	}
}

func TestAxisPeriods(t *testing.T) {
	lines := []trendLine{
		{periods: []store.Period{"2013", "2011", "bad"}},
		{periods: []store.Period{"2011/12", "2012-H2", "2012"}},
	}
	want := []store.Period{"2011", "2012", "2012-H2", "2013"}
	if got := axisPeriods(lines); !slices.Equal(got, want) {
		t.Errorf("axisPeriods = %q, want %q", got, want)
	}
}

func TestXBounds(t *testing.T) {
	tests := []struct {
		name    string
		periods []store.Period
		lo, hi  float64
	}{
		{"None", nil, 0, 1},
		{"One", []store.Period{"2024"}, 2023.5, 2024.5},
		{"Years", []store.Period{"2011", "2012", "2013"}, 2010.6, 2013.4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lo, hi := xBounds(tc.periods)
			if math.Abs(lo-tc.lo) > 1e-9 || math.Abs(hi-tc.hi) > 1e-9 {
				t.Errorf("xBounds = %v, %v; want %v, %v", lo, hi, tc.lo, tc.hi)
			}
		})
	}
}
