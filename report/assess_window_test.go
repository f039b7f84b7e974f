package report

import (
	"math"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

// The Rheinisch-Bergischer Kreis' unemployment rate of foreigners: 17,5 %
// (2009), 15,9 % (2011), 18,1 % (2016). From 2009 the end points said "=",
// from 2011 "--". Theil–Sen over all three: slopes −0,8 (2009→2011),
// +0,086 (2009→2016), +0,44 (2011→2016); the median is 0,6 / 7 = 0,086
// Pp. a year, the line in 2009 median(17,5; 15,73; 17,5) = 17,5:
// 0,49 % a year, no significant change.
func TestAssessUnemploymentAllValues(t *testing.T) {
	tr := trend{dir: store.Falling, unit: "%", series: pts("2009", 17.5, "2011", 15.9, "2016", 18.1), reportYear: 2016, baseYear: 2009}
	a := assess(tr)
	if a.Level != NoChange || !sameRate(a.Rate, 0.6/7/17.5) || !sameRate(a.Long.Slope, 0.6/7) {
		t.Errorf("level %s, rate %v, slope %v (%s); want =, %v", a.Level.Label(), a.Rate, a.Long.Slope, a.Text, 0.6/7/17.5)
	}
	if !strings.HasPrefix(a.Text, "Seit 2009: Trend von 2009 bis 2016 (3 Werte): +0,09 Prozentpunkte pro Jahr") {
		t.Errorf("text %q", a.Text)
	}
}

// A value before the base year does not change the verdict.
func TestAssessValueBeforeWindow(t *testing.T) {
	with := append(pts("2008", 25.0, "2009", 17.5), rbk...)
	for _, base := range []int{2011, 2012} {
		a := assess(trend{dir: store.Falling, unit: "%", series: rbk, reportYear: 2016, baseYear: base})
		b := assess(trend{dir: store.Falling, unit: "%", series: with, reportYear: 2016, baseYear: base})
		if a.Level != b.Level || a.Rate != b.Rate || a.From != b.From || a.Text != b.Text || a.Short != b.Short {
			t.Errorf("base %d: %s (%s) became %s (%s)", base, a.Level.Label(), a.Text, b.Level.Label(), b.Text)
		}
	}
}

// First half-years with first half-years: a series that is 2 Prozentpunkte
// higher in every first half-year has no trend; the end points 2014-H2 (8)
// and 2017-H1 (10) claimed a rise of 8 % a year.
func TestAssessSeasonalHalfYears(t *testing.T) {
	s := pts("2014-H2", 8, "2015-H1", 10, "2015-H2", 8, "2016-H1", 10, "2016-H2", 8, "2017-H1", 10)
	a := assess(trend{dir: store.Falling, unit: "%", series: s, reportYear: 2017})
	if a.Level != NoChange || a.Long.Slope != 0 {
		t.Errorf("level %s, slope %v (%s); want no change", a.Level.Label(), a.Long.Slope, a.Text)
	}
	// A real fall by 0,5 a year under the same swing: slopes within H1
	// and within H2 are all −0,5.
	s = pts("2014-H2", 8, "2015-H1", 9.75, "2015-H2", 7.5, "2016-H1", 9.25, "2016-H2", 7, "2017-H1", 8.75)
	if a := assess(trend{dir: store.Falling, unit: "%", series: s}); a.Level != TowardGoal || a.Long.Slope != -0.5 {
		t.Errorf("level %s, slope %v (%s); want toward, −0,5", a.Level.Label(), a.Long.Slope, a.Text)
	}
}

func TestAssessBreaks(t *testing.T) {
	s := pts("2010", 10, "2011", 10, "2012", 10, "2013", 10, "2014", 20, "2015", 21, "2016", 22)
	// After the break of 2014: 20, 21, 22, slope 1 on 20 = +5 % a year.
	a := assess(trend{dir: store.Rising, unit: "%", series: s, breaks: []store.Period{"2014"}})
	if a.Level != TowardGoal || a.From.Period != "2014" || !sameRate(a.Rate, 0.05) ||
		!strings.HasSuffix(a.Text, "Wegen eines Zeitreihenbruchs beginnt der Vergleich mit 2014.") {
		t.Errorf("break 2014: %s from %s, rate %v (%s)", a.Level.Label(), a.From.Period, a.Rate, a.Text)
	}
	// Only the last break counts; one after it leaves too little.
	a = assess(trend{dir: store.Rising, unit: "%", series: s, breaks: []store.Period{"2012", "2016"}})
	if a.Level != TooLittleData || a.N != 1 || !strings.HasPrefix(a.Text, "Zeitreihenbruch – keine Bewertung über den Bruch.") {
		t.Errorf("break 2016: %s, n = %d (%s)", a.Level.Label(), a.N, a.Text)
	}
	// A break before the window is no break in it.
	a = assess(trend{dir: store.Rising, unit: "%", series: s, breaks: []store.Period{"2011"}, baseYear: 2014})
	if a.Level != TowardGoal || strings.Contains(a.Text, "Zeitreihenbruch") {
		t.Errorf("break before the window: %s (%s)", a.Level.Label(), a.Text)
	}
}

// The long window runs from the base year, the short one over the last
// five years: a rise up to 2015 and a plateau after it.
func TestAssessShortAndLongWindow(t *testing.T) {
	s := pts("2011", 10, "2012", 11, "2013", 12, "2014", 13, "2015", 14, "2016", 14, "2017", 14, "2018", 14, "2019", 14, "2020", 14)
	a := assess(trend{dir: store.Rising, unit: "%", series: s, reportYear: 2020, baseYear: 2011})
	if a.Long.Level != TowardGoal || a.Level != TowardGoal || a.Long.FromYear != 2011 || a.Long.ToYear != 2020 {
		t.Errorf("long: %s %d–%d (%s)", a.Long.Level.Label(), a.Long.FromYear, a.Long.ToYear, a.Long.Text)
	}
	if a.Short.Level != NoChange || a.Short.FromYear != 2016 || a.Short.From.Period != "2016" || a.Short.N != 5 {
		t.Errorf("short: %s %d–%d from %s, n = %d (%s)", a.Short.Level.Label(), a.Short.FromYear, a.Short.ToYear, a.Short.From.Period, a.Short.N, a.Short.Text)
	}
	if !strings.HasSuffix(a.Text, "Kurzfristig (2016–2020): keine wesentliche Veränderung (=).") {
		t.Errorf("text %q", a.Text)
	}
}

// counted adds the counts of a share of x in n to each point.
func counted(p []Point, x []float64, n float64) []Point {
	for i := range p {
		p[i].Numerator, p[i].Denominator = x[i], n
	}
	return p
}

// A share judged on its level: 25 % → 30 % of 60 is noise, of 6.000 not.
func TestAssessNoiseOnLevel(t *testing.T) {
	small := counted(pts("2014", 25.0, "2015", 100.0/6, "2016", 30.0), []float64{15, 16, 18}, 60)
	small[1].Value = 16.0 / 60 * 100
	a := assess(trend{dir: store.Rising, unit: "%", series: small, noun: "Kinder"})
	if a.Level != NoChange || !a.Long.Noise || !strings.Contains(a.Text, "Die Veränderung liegt im Bereich zufälliger Schwankungen (60 Kinder je Jahr).") {
		t.Errorf("small: %s (%s)", a.Level.Label(), a.Text)
	}
	large := counted(pts("2014", 25.0, "2015", 16.0/60*100, "2016", 30.0), []float64{1500, 1600, 1800}, 6000)
	a = assess(trend{dir: store.Rising, unit: "%", series: large})
	if a.Level != TowardGoal || a.Long.Noise || a.Long.Count != 6000 {
		t.Errorf("large: %s (%s)", a.Level.Label(), a.Text)
	}
}

func TestWilson(t *testing.T) {
	// 32 of 45 (71,1 %): centre (0,7111 + 1,96²/90) / (1 + 1,96²/45) =
	// 0,6945, half-width 1,96/1,0854 · √(0,7111·0,2889/45 + 1,96²/8100) =
	// 0,1282: 56,6–82,3 %, about ±13 Prozentpunkte.
	lo, hi := Wilson(32, 45)
	if math.Abs(lo-56.63) > 0.05 || math.Abs(hi-82.3) > 0.05 {
		t.Errorf("Wilson(32, 45) = %v–%v", lo, hi)
	}
	if lo, hi := Wilson(0, 10); lo != 0 || math.Abs(hi-27.75) > 0.05 {
		t.Errorf("Wilson(0, 10) = %v–%v", lo, hi)
	}
}
