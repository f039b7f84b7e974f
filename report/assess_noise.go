package report

import (
	"math"

	"bergischgladbach.de/integrationsmonitor/store"
)

// zEquiv is the one-sided 95 % quantile of the standard normal
// distribution: "Ziel erreicht" needs the 90 % interval of the last value
// inside the parity band, which is Schuirmann's two one-sided tests for
// equivalence at the 5 % level.
const zEquiv = 1.6448536269514722

// paritySide is +1 when the Ziel asks the judged series to reach at least
// its comparison (B-K1, A-K5: "steigt"), −1 when at most (B-K2: "sinkt"),
// 0 when a deviation either way misses it ("nähert sich der Referenz an",
// "ausgeglichen"). One-sided goals are not Goldilocks goals: foreign
// children over-represented at the Gymnasium is no step away from the Ziel.
func (tr trend) paritySide() int {
	if !tr.parity {
		return 0
	}
	switch tr.dir {
	case store.Rising:
		return 1
	case store.Falling:
		return -1
	}
	return 0
}

// parityDistance is the distance E of a ratio q from parity and dE/d ln q
// (for the delta method): max(q, 1/q) − 1 both ways (Open SDG), the
// shortfall 1/q − 1 for side +1 and the excess q − 1 for side −1, never
// below 0. The derivative of a one-sided distance is taken as that of its
// active side even where E is 0; that only makes the test more cautious.
func parityDistance(q float64, side int) (e, slope float64) {
	switch {
	case side > 0:
		return math.Max(1/q-1, 0), 1 / q
	case side < 0:
		return math.Max(q-1, 0), q
	case q >= 1:
		return q - 1, q
	}
	return 1/q - 1, 1 / q
}

// gapDistance is the distance of a difference d = value − reference, as
// parityDistance does it for a ratio.
func gapDistance(d float64, side int) float64 {
	switch {
	case side > 0:
		return math.Max(-d, 0)
	case side < 0:
		return math.Max(d, 0)
	}
	return math.Abs(d)
}

// distanceRate is the annual relative change of a distance with
// Theil–Sen slope b and line value a at the window's start. For a parity
// distance it is b / (1 + a), the change of max(q, 1/q) relative to its
// start, close to the CAGR of the ratio toward or away from parity; since
// 1 + a ≥ 1 it never exceeds the slope itself. For a difference it is b
// relative to the larger distance at the window's start or end (at least
// the band tol), so that a distance that starts near 0 does not divide by
// almost nothing; |rate| is then at most 1 ÷ years spanned.
func distanceRate(parity bool, b, a, span, tol float64) float64 {
	if parity {
		return b / (1 + math.Max(a, 0))
	}
	return b / math.Max(math.Max(math.Abs(a), math.Abs(a+b*span)), tol)
}

// countOf is the number of cases behind a point: the denominator of a
// share, else the smallest denominator of the shares it rests on.
func countOf(p Point) float64 { return math.Max(p.Count, p.Denominator) }

func medianCount(pts []Point) float64 {
	ns := make([]float64, len(pts))
	for i, p := range pts {
		ns[i] = countOf(p)
	}
	return math.Round(median(ns))
}

// pointVar is the sampling variance of p's value in its unit squared, NaN
// when its counts are unknown.
func pointVar(p Point) float64 {
	switch {
	case p.Denominator > 0:
		return shareVarPoints(p.Numerator, p.Denominator)
	case p.Count > 0 && p.Var > 0:
		return p.Var
	}
	return math.NaN()
}

// logVar is the sampling variance of ln(value), NaN when unknown.
func logVar(p Point) float64 {
	switch {
	case p.Denominator > 0:
		return logShareVar(p.Numerator, p.Denominator)
	case p.Count > 0 && p.Var > 0 && p.Value > 0:
		return p.Var / (p.Value * p.Value)
	}
	return math.NaN()
}

// knownOr0 treats an unknown variance as none: a reference without
// counts (a constant, a full count) adds no noise of its own.
func knownOr0(v float64) float64 {
	if math.IsNaN(v) {
		return 0
	}
	return v
}

// lastInterval is the 90 % interval of the ratio p ÷ ref (delta method on
// the logarithm) or of the difference p − ref; known is false when p's
// counts are unknown.
func (tr trend) lastInterval(parity bool, p, ref Point) (lo, hi float64, known bool) {
	if parity {
		v := logVar(p)
		if math.IsNaN(v) {
			return 0, 0, false
		}
		h := zEquiv * math.Sqrt(v+knownOr0(logVar(ref)))
		q := p.Value / ref.Value
		return q * math.Exp(-h), q * math.Exp(h), true
	}
	v := pointVar(p)
	if math.IsNaN(v) {
		return 0, 0, false
	}
	h := zEquiv * math.Sqrt(v+knownOr0(pointVar(ref)))
	d := p.Value - ref.Value
	return d - h, d + h, true
}

// insideBand says whether the interval lo..hi lies on the goal's side of
// the band: within 1/(1+tol)..1+tol of parity, or within ±tol of the
// reference, one-sided goals only on their side.
func insideBand(parity bool, side int, tol, lo, hi float64) bool {
	lower, upper := -tol, tol
	if parity {
		lower, upper = 1/(1+tol), 1+tol
	}
	eps := tol*assessSlack + assessSlack
	okLo, okHi := lo >= lower-eps, hi <= upper+eps
	switch {
	case side > 0:
		return okLo
	case side < 0:
		return okHi
	}
	return okLo && okHi
}

// bandText names the band in which the goal counts as reached.
func (tr trend) bandText(parity bool, side int, tol float64) string {
	if !parity {
		return "ein Abstand bis " + formatDistanceAuto(tol, tr.unit) + " gilt als erreicht"
	}
	switch {
	case side > 0:
		return "ein Verhältnis ab " + FormatNumber(1/(1+tol), 2) + " gilt als Parität"
	case side < 0:
		return "ein Verhältnis bis " + FormatNumber(1+tol, 2) + " gilt als Parität"
	}
	return "ein Verhältnis zwischen " + FormatNumber(1/(1+tol), 2) + " und " + FormatNumber(1+tol, 2) + " gilt als Parität"
}

// rangeText writes the 90 % interval of lastInterval in German.
func (tr trend) rangeText(parity bool, lo, hi float64) string {
	if parity {
		return "Der 90-%-Bereich des Verhältnisses reicht von " + FormatNumber(lo, 2) + " bis " + FormatNumber(hi, 2)
	}
	if isShareUnit(tr.unit) {
		return "Der 90-%-Bereich der Differenz zur Referenz reicht von " + FormatSigned(lo, 1) + " bis " +
			FormatSigned(hi, 1) + " Prozentpunkte"
	}
	return "Der 90-%-Bereich der Differenz zur Referenz reicht von " + FormatSigned(lo, 2) + " bis " + FormatSigned(hi, 2)
}
