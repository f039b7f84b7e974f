package report

import (
	"fmt"
	"math"

	"bergischgladbach.de/integrationsmonitor/store"
)

// The thresholds of the Bewertung. docs/bewertung.md derives each from
// the SDG progress measures of Eurostat and Statistics Canada.
const (
	minPoints = 3 // values from the base to the latest period
	minSpan   = 2 // years from the base to the latest period
	// spanSlack absorbs that 31.12. of a leap year and of a common year
	// sit a day apart on the axis (Period.Pos).
	spanSlack = 0.01
	// significantRate is Eurostat's line between a "moderate" and a
	// "significant" movement: 1 % per year.
	significantRate = 0.01
	// goalShare: within 5 % of the reference the goal counts as reached
	// (Statistics Canada treats a parity index of 0,97–1,03 as parity; a
	// municipal series is noisier, so the band is a little wider).
	goalShare = 0.05
	// assessSlack keeps hand-worked boundary cases (1,05 vs. 1) on the side a
	// reader expects despite binary rounding.
	assessSlack = 1e-9
)

// Label is the German name of the level for tables and the report.
func (l AssessmentLevel) Label() string {
	switch l {
	case GoalReached:
		return "Ziel erreicht"
	case TowardGoal:
		return "Entwicklung in Zielrichtung"
	case NoChange:
		return "keine wesentliche Veränderung"
	case AgainstGoal:
		return "Entwicklung gegen Zielrichtung"
	case NotAssessable:
		return "nicht bewertbar (Zielrichtung offen)"
	}
	return "zu wenig Daten"
}

// Symbol is a short sign for overview tables. The signs are ASCII so
// that they print in every font, including the PDF's, and none of them is
// a DIN 55301 table symbol ("-", ".", "/", "x", "..."), which a reader
// would take for "nichts vorhanden" or "unbekannt".
func (l AssessmentLevel) Symbol() string {
	switch l {
	case GoalReached:
		return "++"
	case TowardGoal:
		return "+"
	case NoChange:
		return "="
	case AgainstGoal:
		return "--"
	case NotAssessable:
		return "o"
	}
	return "?"
}

// trend is what the assessment of one Kennzahl needs.
type trend struct {
	dir        store.Direction
	unit       string
	series     []Point // headline series
	ref        []Point // reference line; nil if the Kennzahl has none
	reportYear int     // latest year assessed; 0 for no limit
	breakYear  int     // first year of a new series (census); 0 for none
}

// assess rates the development of the headline series from its base
// period to its latest period (docs/bewertung.md).
func assess(tr trend) Assessment {
	pts, refs, cut := tr.window()
	a := Assessment{N: len(pts), Rate: math.NaN()}
	if len(pts) > 0 {
		a.From, a.To = pts[0], pts[len(pts)-1]
	}
	var text string
	switch {
	case tr.dir != store.Rising && tr.dir != store.Falling && tr.dir != store.ToReference && tr.dir != store.Balanced:
		a.Level, text = NotAssessable, "Die Zielrichtung dieser Kennzahl ist noch offen; sie wird deshalb nicht bewertet."
	case tr.dir == store.ToReference && tr.ref == nil:
		a.Level, text = NotAssessable, "Für diese Kennzahl ist keine Referenz hinterlegt; sie wird deshalb nicht bewertet."
	case len(pts) < minPoints || a.To.Period.Pos()-a.From.Period.Pos() < minSpan-spanSlack:
		a.Level, text = TooLittleData, fmt.Sprintf(
			"Für eine Bewertung sind mindestens %d Werte über mindestens %d Jahre nötig (vorhanden: %s).",
			minPoints, minSpan, FormatValueCount(len(pts)))
	case tr.dir == store.Rising || tr.dir == store.Falling:
		a.Level, a.Rate, text = tr.trendLevel(a.From, a.To)
	default:
		a.Level, a.Rate, text = tr.distanceLevel(a.From, a.To, refs[0], refs[len(refs)-1])
	}
	if cut {
		text += fmt.Sprintf(" Wegen der Umstellung der Bevölkerungszahlen auf den Zensus %d beginnt der Vergleich %s.",
			tr.breakYear, withPrep("mit", a.From.Period))
	}
	a.Symbol, a.Text = a.Level.Symbol(), text
	return a
}

// window returns the points the assessment rests on, the reference value
// at each, and whether a series break cut earlier points off. A point
// counts only where the reference, if the rule needs it, is computable too.
func (tr trend) window() (pts []Point, refs []float64, cut bool) {
	needRef := tr.ref != nil && (tr.dir == store.ToReference || tr.dir == store.Balanced)
	refAt := map[store.Period]Point{}
	for _, p := range tr.ref {
		refAt[p.Period] = p
	}
	for _, p := range tr.series {
		if !p.OK || tr.reportYear > 0 && p.Period.Year() > tr.reportYear {
			continue
		}
		r := 1.0 // ausgeglichen without a reference line: balance is 1
		if needRef {
			rp := refAt[p.Period]
			if !rp.OK {
				continue
			}
			r = rp.Value
		}
		pts, refs = append(pts, p), append(refs, r)
	}
	if tr.breakYear == 0 || len(pts) == 0 || pts[0].Period.Year() >= tr.breakYear ||
		pts[len(pts)-1].Period.Year() < tr.breakYear {
		return pts, refs, false
	}
	i := 0
	for pts[i].Period.Year() < tr.breakYear {
		i++
	}
	return pts[i:], refs[i:], true
}

// trendLevel applies the rule for steigt and sinkt.
func (tr trend) trendLevel(from, to Point) (AssessmentLevel, float64, string) {
	years := to.Period.Pos() - from.Period.Pos()
	rate, how := annualRate(from.Value, to.Value, years, tr.unit)
	text := fmt.Sprintf("Veränderung %s %s: durchschnittlich %s pro Jahr (%s); ",
		withPrep("von", from.Period), withPrep("bis", to.Period), formatRate(rate), how)
	switch {
	case math.Abs(rate) < significantRate-assessSlack:
		return NoChange, rate, text + "unter 1\u00a0% pro Jahr gilt eine Veränderung als nicht wesentlich."
	case (rate > 0) == (tr.dir == store.Rising):
		return TowardGoal, rate, text + "das entspricht der Zielrichtung „" + tr.dir.Label() + "“."
	}
	return AgainstGoal, rate, text + "das widerspricht der Zielrichtung „" + tr.dir.Label() + "“."
}

// annualRate is the compound annual growth rate where the SDG methods
// use it. Shares, differences in Prozentpunkte and values at or below zero
// get the linear change per year relative to the base value instead: a
// share that grows from 0,5 % to 2 % in four years would otherwise show
// a CAGR of +41 % per year, and a CAGR does not exist across zero.
func annualRate(x0, xT, years float64, unit string) (float64, string) {
	if !isShareUnit(unit) && x0 > 0 && xT > 0 {
		return math.Pow(xT/x0, 1/years) - 1, "jährliche Wachstumsrate"
	}
	// Near zero the base is floored at one unit (one Prozentpunkt, one
	// case; 0,01 for an index) so that a tiny base does not turn a tiny
	// change into a huge rate.
	floor := 1.0
	if unit == "Index" || unit == "Verhältnis" {
		floor = 0.01
	}
	return (xT - x0) / (years * math.Max(math.Abs(x0), floor)), "bezogen auf den Ausgangswert"
}

// distanceLevel applies the rule for "nähert sich der Referenz an" and
// "ausgeglichen": the distance to the reference has to shrink, as in
// Statistics Canada's treatment of parity ("Goldilocks") indicators.
func (tr trend) distanceLevel(from, to Point, r0, rT float64) (AssessmentLevel, float64, string) {
	d0, dT := math.Abs(from.Value-r0), math.Abs(to.Value-rT)
	tol := goalShare * math.Abs(rT)
	if tol == 0 {
		tol = 0.05
		if isShareUnit(tr.unit) {
			tol = 0.5
		}
	}
	years := to.Period.Pos() - from.Period.Pos()
	rate := math.NaN()
	if d0 > 0 {
		rate = (dT - d0) / (years * d0)
	}
	text := fmt.Sprintf("Abstand zur Referenz: %s (%s), %s (%s)",
		formatDistance(d0, tr.unit), from.Period.Label(), formatDistance(dT, tr.unit), to.Period.Label())
	switch {
	case dT <= tol*(1+assessSlack)+assessSlack:
		return GoalReached, rate, fmt.Sprintf("%s; ein Abstand bis %s gilt als erreicht.",
			text, formatDistanceAuto(tol, tr.unit))
	case d0 == 0:
		return AgainstGoal, math.Inf(1), text + "; der Wert hat sich von der Referenz entfernt."
	}
	text += fmt.Sprintf(", durchschnittlich %s pro Jahr; ", formatRate(rate))
	switch {
	case rate <= -significantRate+assessSlack:
		return TowardGoal, rate, text + "der Abstand ist wesentlich kleiner geworden."
	case rate >= significantRate-assessSlack:
		return AgainstGoal, rate, text + "der Abstand ist wesentlich größer geworden."
	}
	return NoChange, rate, text + "unter 1\u00a0% pro Jahr gilt eine Veränderung als nicht wesentlich."
}

func isShareUnit(unit string) bool { return unit == "%" || unit == "Prozentpunkte" }

func formatRate(r float64) string { return FormatSigned(r*100, 1) + nbsp + "%" }

func formatDistance(d float64, unit string) string {
	switch {
	case isShareUnit(unit):
		return FormatNumber(d, 1) + " Prozentpunkte"
	case unit == "Index" || unit == "Verhältnis":
		return FormatNumber(d, 2)
	}
	return FormatAuto(d)
}

func formatDistanceAuto(d float64, unit string) string {
	if isShareUnit(unit) {
		return FormatAuto(d) + " Prozentpunkte"
	}
	return formatDistance(d, unit)
}
