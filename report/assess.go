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
	dir  store.Direction
	unit string
	// series is the series judged; headline, if set, the Kennzahl's first
	// series, whose values the assessment reports as From and To when the
	// rule judges another one (A-K5).
	series, headline []Point
	// ref is the reference line or the series compared with; nil if none.
	ref      []Point
	refLabel string
	// parity judges series ÷ ref against parity whatever the direction
	// (assessRules).
	parity     bool
	reportYear int // latest year assessed; 0 for no limit
	// baseYear starts the long-term window; 0 starts it at the first value.
	baseYear int
	// breaks are the first periods of new parts of the series, sorted;
	// breakReasons, where not "", say why (same index).
	breaks       []store.Period
	breakReasons []string
	noun         string // who the counts count ("Kinder"); "" for Fälle
}

// shortYears is the length of the short-term window, as Eurostat's.
const shortYears = 5

// assess rates the development of a Kennzahl in two windows, since the
// base year (the headline) and over the last five years
// (docs/bewertung.md).
func assess(tr trend) Assessment {
	end := tr.reportYear
	if end == 0 {
		for _, p := range tr.series {
			if p.OK {
				end = max(end, p.Period.Year())
			}
		}
	}
	long := tr.assessWindow(tr.baseYear, end)
	short := tr.assessWindow(end-shortYears+1, end)
	a := Assessment{Level: long.Level, Symbol: long.Symbol, Text: long.Text, From: long.From, To: long.To,
		N: long.N, Rate: long.Rate, BaseYear: tr.baseYear, Long: long, Short: short}
	if tr.baseYear > 0 && long.Level != NotAssessable {
		a.Text = tr.basePrefix(long) + a.Text
	}
	if long.Level != NotAssessable && short.N > 0 && short.N < long.N {
		a.Text += fmt.Sprintf(" Kurzfristig (%d–%d): %s (%s).", short.FromYear, short.ToYear,
			short.Level.Label(), short.Symbol)
	}
	return a
}

// basePrefix names the long window at the start of the text: "Seit
// 2011: " when its values start in the base year, else the base year and
// the first period assessed, so that no sentence claims years without
// values ("Basisjahr 2011, erste Werte 2019/20: ").
func (tr trend) basePrefix(long WindowAssessment) string {
	if long.N == 0 || long.From.Period.Year() <= tr.baseYear {
		return fmt.Sprintf("Seit %d: ", tr.baseYear)
	}
	first := long.From.Period.Label()
	if long.From.Period.Kind() == store.SchoolYearPeriod {
		first = string(long.From.Period)
	}
	if _, _, cut := tr.window(tr.baseYear, long.ToYear); cut != "" {
		return fmt.Sprintf("Basisjahr %d, bewertet ab %s: ", tr.baseYear, first)
	}
	return fmt.Sprintf("Basisjahr %d, erste Werte %s: ", tr.baseYear, first)
}

// assessWindow rates the years from..to; from 0 means from the first value.
func (tr trend) assessWindow(from, to int) WindowAssessment {
	pts, refs, cut := tr.window(from, to)
	w := WindowAssessment{FromYear: from, ToYear: to, N: len(pts), Slope: math.NaN(), Rate: math.NaN()}
	if len(pts) > 0 {
		w.From, w.To = tr.headlineAt(pts[0]), tr.headlineAt(pts[len(pts)-1])
		if from == 0 {
			w.FromYear = pts[0].Period.Year()
		}
	}
	parity := tr.parity || tr.dir == store.ToReference || tr.dir == store.Balanced
	var text string
	switch {
	case tr.dir != store.Rising && tr.dir != store.Falling && tr.dir != store.ToReference && tr.dir != store.Balanced:
		w.Level, text = NotAssessable, "Die Zielrichtung dieser Kennzahl ist noch offen; sie wird deshalb nicht bewertet."
	case parity && tr.ref == nil && tr.dir != store.Balanced:
		w.Level, text = NotAssessable, "Für diese Kennzahl ist keine Referenz hinterlegt; sie wird deshalb nicht bewertet."
	case !enoughData(pts):
		w.Level = TooLittleData
		if cut != "" {
			text = "Zeitreihenbruch – keine Bewertung über den Bruch."
		} else {
			text = fmt.Sprintf("Für eine Bewertung sind mindestens %d Werte über mindestens %d Jahre nötig (vorhanden: %s).",
				minPoints, minSpan, FormatValueCount(len(pts)))
		}
	case !parity:
		text = tr.levelTrend(&w, pts)
	default:
		text = tr.referenceTrend(&w, pts, refs)
	}
	if cut != "" && w.N > 0 {
		text += " " + cut
	}
	w.Symbol, w.Text = w.Level.Symbol(), text
	return w
}

func enoughData(pts []Point) bool {
	if len(pts) < minPoints || pts[len(pts)-1].Period.Pos()-pts[0].Period.Pos() < minSpan-spanSlack {
		return false
	}
	// Theil–Sen needs two values of one season.
	seen := map[string]bool{}
	for _, p := range pts {
		s := season(p.Period)
		if seen[s] {
			return true
		}
		seen[s] = true
	}
	return false
}

// headlineAt is the headline series' point at p's period, or p itself.
func (tr trend) headlineAt(p Point) Point {
	for _, h := range tr.headline {
		if h.Period == p.Period && h.OK {
			return h
		}
	}
	return p
}

// window returns the points of the years from..to the assessment rests on
// and the reference at each. Where a series break lies inside, only the
// part after the last break counts; cut then says so in German. A point
// counts only where the reference, if the rule needs it, is computable
// too.
func (tr trend) window(from, to int) (pts []Point, refs []Point, cut string) {
	needRef := tr.ref != nil && (tr.parity || tr.dir == store.ToReference || tr.dir == store.Balanced)
	refAt := map[store.Period]Point{}
	for _, p := range tr.ref {
		refAt[p.Period] = p
	}
	for _, p := range tr.series {
		y := p.Period.Year()
		if !p.OK || to > 0 && y > to || y < from {
			continue
		}
		r := Point{Period: p.Period, Value: 1, OK: true} // ausgeglichen without a reference line: balance is 1
		if needRef {
			if r = refAt[p.Period]; !r.OK {
				continue
			}
		}
		pts, refs = append(pts, p), append(refs, r)
	}
	if len(pts) == 0 {
		return pts, refs, ""
	}
	first, last := pts[0].Period.Pos(), pts[len(pts)-1].Period.Pos()
	for i := len(tr.breaks) - 1; i >= 0; i-- {
		b := tr.breaks[i].Pos()
		if b <= first+1e-9 || b > last+1e-9 {
			continue
		}
		k := 0
		for pts[k].Period.Pos() < b-1e-9 {
			k++
		}
		pts, refs = pts[k:], refs[k:]
		why := "eines Zeitreihenbruchs"
		if i < len(tr.breakReasons) && tr.breakReasons[i] != "" {
			why = tr.breakReasons[i]
		}
		return pts, refs, fmt.Sprintf("Wegen %s beginnt der Vergleich %s.", why, withPrep("mit", pts[0].Period))
	}
	return pts, refs, ""
}

// levelTrend applies the rule for steigt and sinkt to the level.
func (tr trend) levelTrend(w *WindowAssessment, pts []Point) string {
	logScale := !isShareUnit(tr.unit)
	for _, p := range pts {
		logScale = logScale && p.Value > 0
	}
	counts := hasCounts(pts)
	o := make([]obs, len(pts))
	for i, p := range pts {
		o[i] = obs{t: p.Period.Pos(), season: season(p.Period), y: p.Value, v: math.NaN()}
		if logScale {
			o[i].y = math.Log(p.Value)
		}
		switch {
		case counts && logScale:
			o[i].v = logVar(p)
		case counts:
			o[i].v = pointVar(p)
		}
	}
	t0 := o[0].t
	slope, at0, _ := theilSen(o, t0)
	w.Judged = "Wert"
	var how string
	if logScale {
		w.Rate, how = math.Exp(slope)-1, "jährliche Wachstumsrate"
		w.Slope = slope
	} else {
		floor := 1.0
		if tr.unit == "Index" || tr.unit == "Verhältnis" {
			floor = 0.01
		}
		w.Slope, w.Rate, how = slope, slope/math.Max(math.Abs(at0), floor), "bezogen auf den Ausgangswert"
	}
	text := fmt.Sprintf("Trend %s %s (%s): %s",
		withPrep("von", pts[0].Period), withPrep("bis", pts[len(pts)-1].Period), FormatValueCount(len(pts)),
		tr.slopeText(w.Slope, logScale, w.Rate, how))
	if why, ok := tr.unchanged(w, o, pts, slope); ok {
		return text + why + tr.smallCountNote(w, pts)
	}
	switch {
	case (w.Rate > 0) == (tr.dir == store.Rising):
		w.Level = TowardGoal
		text += "; das entspricht der Zielrichtung „" + tr.dir.Label() + "“."
	default:
		w.Level = AgainstGoal
		text += "; das widerspricht der Zielrichtung „" + tr.dir.Label() + "“."
	}
	return text + tr.smallCountNote(w, pts)
}

// unchanged judges w, whose trend is known, as NoChange when its rate
// is below the significant one or random noise explains it, and says why;
// ok is false when the trend is a real change.
func (tr trend) unchanged(w *WindowAssessment, o []obs, pts []Point, slope float64) (why string, ok bool) {
	// The noise test always runs: it sets w.Count, which the small-count
	// note reads.
	noise := tr.noiseTest(w, o, pts, slope)
	if math.Abs(w.Rate) < significantRate-assessSlack {
		w.Level = NoChange
		return "; unter 1\u00a0% pro Jahr gilt eine Veränderung als nicht wesentlich.", true
	}
	if noise != "" {
		w.Level, w.Noise = NoChange, true
		return ". " + noise, true
	}
	return "", false
}

// slopeText writes the trend per year: the relative rate, and for a
// linear trend first the slope in the unit.
func (tr trend) slopeText(slope float64, logScale bool, rate float64, how string) string {
	switch {
	case logScale:
		return formatRate(rate) + " pro Jahr (" + how + ")"
	case isShareUnit(tr.unit):
		return FormatPoints(slope, 2) + " pro Jahr, " + formatRate(rate) + " " + how
	}
	return FormatSigned(slope, 2) + " pro Jahr, " + formatRate(rate) + " " + how
}

// referenceTrend applies the rule for "nähert sich der Referenz an" and
// "ausgeglichen", and for the Kennzahlen judged by parity: the distance to
// the reference has to shrink, as in Statistics Canada's treatment of
// parity ("Goldilocks") indicators. Ratio-like values are compared by
// Open SDG's parity transform max(q, 1/q) of q = value ÷ reference, or
// one-sidedly where the Ziel only asks for at least or at most the
// reference (paritySide); a difference (Prozentpunkte) or a reference of
// 0 by |value − reference|.
func (tr trend) referenceTrend(w *WindowAssessment, pts, refs []Point) string {
	parity := tr.unit != "Prozentpunkte"
	for i := range pts {
		parity = parity && pts[i].Value > 0 && refs[i].Value > 0
	}
	side := tr.paritySide()
	o := make([]obs, len(pts))
	for i, p := range pts {
		o[i] = obs{t: p.Period.Pos(), season: season(p.Period), v: math.NaN()}
		if parity {
			var f float64
			o[i].y, f = parityDistance(p.Value/refs[i].Value, side)
			if v := logVar(p); !math.IsNaN(v) {
				o[i].v = f * f * (v + knownOr0(logVar(refs[i])))
			}
		} else {
			o[i].y = gapDistance(p.Value-refs[i].Value, side)
			if v := pointVar(p); !math.IsNaN(v) {
				o[i].v = v + knownOr0(pointVar(refs[i]))
			}
		}
	}
	last := len(pts) - 1
	tol := goalShare
	if parity {
		w.Judged = "Abstand zur Parität"
	} else {
		tol = goalShare * math.Abs(refs[last].Value)
		if tol == 0 {
			tol = 0.05
			if isShareUnit(tr.unit) {
				tol = 0.5
			}
		}
		w.Judged = "Abstand zur Referenz"
	}
	slope, at0, _ := theilSen(o, o[0].t)
	w.Slope, w.Rate = slope, distanceRate(parity, slope, at0, o[last].t-o[0].t, tol)
	var text string
	if parity {
		text = fmt.Sprintf("Verhältnis %s: %s (%s), %s (%s)", tr.compareName(),
			FormatNumber(pts[0].Value/refs[0].Value, 2), pts[0].Period.Label(),
			FormatNumber(pts[last].Value/refs[last].Value, 2), pts[last].Period.Label())
	} else {
		text = fmt.Sprintf("Abstand zur Referenz: %s (%s), %s (%s)",
			formatDistance(o[0].y, tr.unit), pts[0].Period.Label(), formatDistance(o[last].y, tr.unit), pts[last].Period.Label())
	}
	if o[last].y <= tol*(1+assessSlack)+assessSlack {
		band := tr.bandText(parity, side, tol)
		lo, hi, known := tr.lastInterval(parity, pts[last], refs[last])
		if !known || insideBand(parity, side, tol, lo, hi) {
			w.Level = GoalReached
			return fmt.Sprintf("%s; %s (Ziel erreicht).", text, band)
		}
		// In the band, but chance alone could have put it there: the
		// trend rule decides (docs/bewertung.md, 2.8).
		w.Count = medianCount(pts)
		where := "im Bereich der Parität"
		if !parity {
			where = "im Zielbereich"
		}
		text += fmt.Sprintf("; %s. Der letzte Wert liegt %s, aber innerhalb zufälliger Schwankungen: %s (%s)",
			band, where, tr.rangeText(parity, lo, hi), tr.countText(w.Count, pts[last].Period))
	}
	text += fmt.Sprintf("; Trend des Abstands (%s): %s pro Jahr", FormatValueCount(len(pts)), formatRate(w.Rate))
	if why, ok := tr.unchanged(w, o, pts, slope); ok {
		return text + why + tr.smallCountNote(w, pts)
	}
	switch {
	case w.Rate < 0:
		w.Level = TowardGoal
		text += "; der Abstand ist wesentlich kleiner geworden."
	default:
		w.Level = AgainstGoal
		text += "; der Abstand ist wesentlich größer geworden."
	}
	return text + tr.smallCountNote(w, pts)
}

func (tr trend) compareName() string {
	if tr.refLabel == "" {
		return "zur Referenz"
	}
	return "zu „" + tr.refLabel + "“"
}

// noiseTest returns the German sentence when the trend lies within the
// sampling noise of the counts, "" when it does not or the counts are
// unknown. It also records the typical count in w.
func (tr trend) noiseTest(w *WindowAssessment, o []obs, pts []Point, slope float64) string {
	if !hasCounts(pts) {
		return ""
	}
	w.Count = medianCount(pts)
	b, z, ok := slopeTest(o)
	if !ok || math.Abs(z) >= zCrit && (b > 0) == (slope > 0) {
		return ""
	}
	return fmt.Sprintf("Die Veränderung liegt im Bereich zufälliger Schwankungen (%s).", tr.countText(w.Count, pts[0].Period))
}

// smallCountLimit: below 100 counts a share wobbles by more than ±10
// Prozentpunkte (95 %) by chance alone, which a reader should be told.
const smallCountLimit = 100

func (tr trend) smallCountNote(w *WindowAssessment, pts []Point) string {
	if w.Count <= 0 || w.Count >= smallCountLimit || w.Noise {
		return ""
	}
	p := pts[len(pts)-1]
	what, by := "der Wert", ""
	switch {
	case p.Denominator > 0:
		lo, hi := Wilson(p.Numerator, p.Denominator)
		what, by = "der Anteil", FormatNumber((hi-lo)/2, 0)+" Prozentpunkte"
	case p.Var > 0 && isShareUnit(tr.unit):
		by = FormatNumber(zCrit*math.Sqrt(p.Var), 0) + " Prozentpunkte"
	case p.Var > 0:
		by = FormatNumber(zCrit*math.Sqrt(p.Var), 2)
	default:
		return ""
	}
	return fmt.Sprintf(" Kleine Fallzahl (%s): Schon durch Zufall kann %s um etwa ±%s schwanken.",
		tr.countText(w.Count, p.Period), what, by)
}

func (tr trend) countText(n float64, p store.Period) string {
	noun := tr.noun
	if noun == "" {
		noun = "Fälle"
	}
	per := "je Erhebung"
	switch p.Kind() {
	case store.SchoolYearPeriod:
		per = "je Jahrgang"
	case store.HalfYearPeriod:
		per = "je Halbjahr"
	case store.YearPeriod:
		per = "je Jahr"
	case store.DatePeriod:
		per = "je Stichtag"
	}
	return FormatNumber(n, 0) + " " + noun + " " + per
}

func hasCounts(pts []Point) bool {
	for _, p := range pts {
		if countOf(p) <= 0 {
			return false
		}
	}
	return len(pts) > 0
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
