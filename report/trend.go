package report

import (
	"math"
	"slices"

	"bergischgladbach.de/integrationsmonitor/store"
)

// obs is one value of the quantity an assessment judges: its position on
// the time axis, its season (like periods share one), the value and its
// sampling variance (NaN when the counts are unknown).
type obs struct {
	t      float64
	season string
	y      float64
	v      float64
}

// season groups like periods: first half-years with first half-years,
// Stichtage of the same day of the year; years and school years form one
// season. Comparing only within a season keeps the seasonal swing of a
// half-yearly series (A-K1) out of its trend.
func season(p store.Period) string {
	switch p.Kind() {
	case store.HalfYearPeriod, store.DatePeriod:
		return string(p)[4:] // "-H1", "-12-31"
	}
	return ""
}

// theilSen is the seasonal Theil–Sen estimator (Sen 1968; Hirsch, Slack
// and Smith 1982): the median of the slopes between every two values of
// the same season, and the line's value at t0. It is robust: one outlier
// among n values moves it little, unlike an end-point comparison or least
// squares. ok is false without any pair of like periods.
func theilSen(o []obs, t0 float64) (slope, at0 float64, ok bool) {
	var slopes []float64
	for i := range o {
		for j := i + 1; j < len(o); j++ {
			if o[i].season != o[j].season || o[j].t == o[i].t {
				continue
			}
			slopes = append(slopes, (o[j].y-o[i].y)/(o[j].t-o[i].t))
		}
	}
	if len(slopes) == 0 {
		return math.NaN(), math.NaN(), false
	}
	slope = median(slopes)
	res := make([]float64, len(o))
	for i, x := range o {
		res[i] = x.y - slope*(x.t-t0)
	}
	return slope, median(res), true
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// zCrit is the two-sided 95 % quantile of the standard normal
// distribution; the only quantile the rules need, so no statistics
// package is pulled in for it.
const zCrit = 1.959963984540054

// slopeTest is a weighted least-squares fit with one intercept per season
// and a common slope, weighted by the inverse sampling variances (the
// Wald form of the Cochran–Armitage test for a trend in proportions). It
// returns the slope and its z value; ok is false when a variance is
// unknown or the values do not span time within a season.
func slopeTest(o []obs) (slope, z float64, ok bool) {
	type acc struct{ w, wt, wy float64 }
	by := map[string]*acc{}
	for _, x := range o {
		if math.IsNaN(x.v) || x.v <= 0 || math.IsInf(x.v, 0) {
			return 0, 0, false
		}
		a := by[x.season]
		if a == nil {
			a = &acc{}
			by[x.season] = a
		}
		w := 1 / x.v
		a.w += w
		a.wt += w * x.t
		a.wy += w * x.y
	}
	var sxx, sxy float64
	for _, x := range o {
		a := by[x.season]
		dt := x.t - a.wt/a.w
		sxx += dt * dt / x.v
		sxy += dt * (x.y - a.wy/a.w) / x.v
	}
	if sxx <= 0 {
		return 0, 0, false
	}
	slope = sxy / sxx
	return slope, slope * math.Sqrt(sxx), true
}

// shareVar is the sampling variance of a share of x in n on the scale of
// ln(share), with the Agresti–Coull adjustment (two successes and two
// failures added) so that 0 % and 100 % do not get a variance of zero.
func logShareVar(x, n float64) float64 {
	p := (x + 2) / (n + 4)
	return (1 - p) / (p * n)
}

// shareVarPoints is the sampling variance of a share of x in n, in
// Prozentpunkte², with the same adjustment.
func shareVarPoints(x, n float64) float64 {
	p := (x + 2) / (n + 4)
	return p * (1 - p) / n * 1e4
}

// Wilson is the Wilson score interval (95 %) of a share of x in n, in %.
// It stays inside 0–100 % and is accurate for small n, where the plain
// ±1,96·√(p(1−p)/n) is not.
func Wilson(x, n float64) (lo, hi float64) {
	if n <= 0 {
		return math.NaN(), math.NaN()
	}
	p, z2 := x/n, zCrit*zCrit
	c := (p + z2/(2*n)) / (1 + z2/n)
	h := zCrit / (1 + z2/n) * math.Sqrt(p*(1-p)/n+z2/(4*n*n))
	return math.Max(0, c-h) * 100, math.Min(1, c+h) * 100
}

// diffBeyondNoise is the two-proportion z test (pooled, 95 %): whether the
// shares x1/n1 and x2/n2 differ by more than sampling noise.
func diffBeyondNoise(x1, n1, x2, n2 float64) bool {
	if n1 <= 0 || n2 <= 0 {
		return false
	}
	p := (x1 + x2) / (n1 + n2)
	se := math.Sqrt(p * (1 - p) * (1/n1 + 1/n2))
	if se == 0 {
		return x1/n1 != x2/n2
	}
	return math.Abs(x1/n1-x2/n2) > zCrit*se
}
