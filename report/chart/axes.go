package chart

import (
	"math"
	"slices"

	gochart "github.com/wcharczuk/go-chart/v2"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// maxPlotted bounds the values a chart draws. No figure of a city's
// monitoring comes near it, and beyond it the axis arithmetic (span,
// padding, steps) can overflow to Inf.
const maxPlotted = 1e12

// plottable reports whether p can be drawn: computed, finite, in range,
// at a valid period.
func plottable(p report.Point) bool {
	return p.OK && !math.IsNaN(p.Value) && math.Abs(p.Value) <= maxPlotted && !math.IsNaN(p.Period.Pos())
}

// valueBounds is the range of every drawable value, series and reference
// alike, so that the reference line is never cut off.
func valueBounds(lines []trendLine) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, l := range lines {
		for _, run := range l.runs {
			for _, p := range run {
				lo, hi = min(lo, p.y), max(hi, p.y)
				ok = true
			}
		}
	}
	return lo, hi, ok
}

// yTicks returns the labelled y ticks for values from lo to hi: a round
// step (1, 2, 2,5 or 5 × 10ⁿ) giving about five intervals, a little air
// above and below the data, never below zero for values that cannot be
// negative, from zero for shares and never above 100 % for them. The first and last tick are
// the ends of the axis. Labels are German and use one number of
// decimals per axis, at most two.
func yTicks(lo, hi float64, unit string) []gochart.Tick {
	if hi < lo {
		lo, hi = hi, lo
	}
	nonNegative, atMost100 := lo >= 0, hi <= 100
	if lo == hi {
		// go-chart cannot draw an empty range; ±10 % keeps a flat line
		// flat instead of blowing up rounding noise.
		d := math.Abs(lo) * 0.1
		if d == 0 {
			d = 1
		}
		lo, hi = lo-d, hi+d
	} else {
		air := (hi - lo) * 0.05
		lo, hi = lo-air, hi+air
	}
	if nonNegative {
		lo = max(lo, 0)
	}
	if unit == "%" && nonNegative {
		// A share's axis starts at 0 (issue 14): an axis from 9 to 13 %
		// makes a drop of one point look like a collapse.
		lo = 0
	}
	if unit == "%" && atMost100 {
		hi = min(hi, 100)
	}
	step := niceStep((hi - lo) / 5)
	// The epsilon keeps 0.3/0.1 = 2.9999999999999996 from adding a tick.
	i0 := math.Floor(lo/step + 1e-9)
	i1 := math.Ceil(hi/step - 1e-9)
	if i1 <= i0 {
		i1 = i0 + 1
	}
	dec := stepDecimals(step)
	ticks := make([]gochart.Tick, 0, int(i1-i0)+1)
	for i := i0; i <= i1; i++ {
		v := i * step
		ticks = append(ticks, gochart.Tick{Value: v, Label: tickLabel(v, dec, unit)})
	}
	return ticks
}

// niceStep rounds raw up to 1, 2, 2,5 or 5 times a power of ten, and to
// no less than 0,01, because tick labels get at most two decimals.
func niceStep(raw float64) float64 {
	if !(raw > 0.01) {
		return 0.01
	}
	exp := math.Floor(math.Log10(raw))
	f := raw / math.Pow(10, exp)
	for _, c := range []float64{1, 2, 2.5, 5} {
		if c == 2.5 && exp < -1 {
			continue // 0,025 would need three decimals
		}
		if f <= c+1e-9 {
			return c * math.Pow(10, exp)
		}
	}
	return math.Pow(10, exp+1)
}

// stepDecimals is the number of decimals that writes every multiple of
// step exactly: 0 for 5, 1 for 2,5 and 0,5, 2 for 0,25 and 0,05.
func stepDecimals(step float64) int {
	for d := 0; d < 2; d++ {
		v := step * math.Pow(10, float64(d))
		if math.Abs(v-math.Round(v)) < 1e-6 {
			return d
		}
	}
	return 2
}

func tickLabel(v float64, decimals int, unit string) string {
	if unit == "%" {
		return report.FormatPercent(v, decimals)
	}
	return report.FormatNumber(v, decimals)
}

// unitCaption is the small heading above the y axis. A share carries its
// "%" on every tick; every other unit needs saying once, since "1,0"
// alone does not tell an index from a ratio.
func unitCaption(unit string) string {
	switch unit {
	case "", "%":
		return ""
	}
	return unit
}

// axisPeriods are the distinct periods on the x axis, ordered by Pos:
// every valid period of any line, drawable or not, so that a year with
// only an official symbol still shows as the gap it is. Periods at the
// same position (2024 and 2024/25) share the first one's label.
func axisPeriods(lines []trendLine) []store.Period {
	var ps []store.Period
	for _, l := range lines {
		for _, p := range l.periods {
			if !math.IsNaN(p.Pos()) {
				ps = append(ps, p)
			}
		}
	}
	slices.SortFunc(ps, store.Period.Compare)
	return slices.CompactFunc(ps, func(a, b store.Period) bool { return a.Pos() == b.Pos() })
}

// xBounds is the x range with some air beside the first and last period,
// so that their markers are not cut by the frame.
func xBounds(periods []store.Period) (lo, hi float64) {
	if len(periods) == 0 {
		return 0, 1
	}
	lo, hi = periods[0].Pos(), periods[len(periods)-1].Pos()
	if hi == lo {
		return lo - 0.5, hi + 0.5
	}
	air := 0.4 * (hi - lo) / float64(len(periods)-1)
	return lo - air, hi + air
}

// xTicks labels periods at their Pos, going back from the latest, which
// is the one a reader looks for, and skipping every period whose label
// would come closer than a small gap to the label placed before. With
// evenly spaced periods this labels every k-th; with uneven ones (a
// Stichtag next to a year) it still never overlaps. Every label is taken
// as wide as the widest so that the rhythm stays regular. unitsPerYear
// is the plot width per year of Pos. The periods in between get a bare
// tick mark from drawPeriodMarks: go-chart cannot measure an empty label
// (it comes back infinitely wide), so they are no ticks here.
func xTicks(periods []store.Period, unitsPerYear float64, widest int) []gochart.Tick {
	const gap = 14
	var ticks []gochart.Tick
	left := math.Inf(1) // left edge of the label placed last
	for i := len(periods) - 1; i >= 0; i-- {
		p := periods[i]
		x := p.Pos() * unitsPerYear
		half := float64(widest) / 2
		if x+half+gap > left {
			continue
		}
		ticks = append(ticks, gochart.Tick{Value: p.Pos(), Label: p.Short()})
		left = x - half
	}
	slices.Reverse(ticks)
	return ticks
}

// periodRange is the x range. It hands go-chart the period ticks itself,
// because go-chart's own ticks are evenly spaced floats ("2011.43") and
// ticks set on the XAxis would also fix the range to the first and last
// period, leaving no air for their markers.
type periodRange struct {
	gochart.ContinuousRange
	periods []store.Period
	style   gochart.Style // the tick labels' font, to measure them
}

// GetTicks implements gochart.TicksProvider. It runs when the plot width is
// known, so how many labels fit follows the real space, not a guess.
func (pr *periodRange) GetTicks(r gochart.Renderer, _ gochart.Style, _ gochart.ValueFormatter) []gochart.Tick {
	pr.style.GetTextOptions().WriteToRenderer(r)
	widest := 0
	for _, p := range pr.periods {
		widest = max(widest, r.MeasureText(p.Short()).Width())
	}
	return xTicks(pr.periods, float64(pr.GetDomain())/pr.GetDelta(), widest)
}

// tickRange is the y range with its precomputed ticks.
type tickRange struct {
	gochart.ContinuousRange
	ticks []gochart.Tick
}

// GetTicks implements gochart.TicksProvider.
func (tr *tickRange) GetTicks(gochart.Renderer, gochart.Style, gochart.ValueFormatter) []gochart.Tick {
	return tr.ticks
}
