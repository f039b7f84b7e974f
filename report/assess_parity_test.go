package report

import (
	"math"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

// withCounts sets x of n as the counts of a share at each point, as
// compute does for "A.x / B.y * 100".
func withCounts(p []Point, x []float64, n float64) []Point {
	for i := range p {
		p[i].Numerator, p[i].Denominator = x[i], n
		p[i].Var, p[i].Count = shareVarPoints(x[i], n), n
	}
	return p
}

// One-sided goals: B-K1 ("steigt") only asks foreign children to reach
// the Gymnasium share of all children, B-K2 ("sinkt") only not to exceed
// it at the Hauptschule, A-K5 only that those with MH reach those without.
func TestAssessOneSidedParity(t *testing.T) {
	all := pts("2014", 40.0, "2015", 40.0, "2016", 40.0)
	tests := []struct {
		name  string
		tr    trend
		level AssessmentLevel
		rate  float64
		text  string
	}{
		// The review's case: 36 % → 42 % → 48 % against 40 %, q = 0,90 →
		// 1,05 → 1,20. Both ways E = 0,111; 0,05; 0,20 read as "--" with
		// +58,9 % a year; one-sided the shortfall is 1/q − 1 = 0,111; 0; 0:
		// q ≥ 1/1,05 = 0,95 is reached.
		{"B-K1 rising beyond parity is reached",
			trend{dir: store.Rising, parity: true, unit: "%", series: pts("2014", 36.0, "2015", 42.0, "2016", 48.0), ref: all},
			GoalReached, -0.111111111111111 / 2 / (1 + 0.111111111111111),
			"Verhältnis zur Referenz: 0,90 (2014), 1,20 (2016); ein Verhältnis ab 0,95 gilt als Parität (Ziel erreicht)."},
		// The same series judged both ways ("nähert sich der Referenz an"):
		// E = 0,111; 0,05; 0,2, slopes −0,061, +0,044, +0,15 → median
		// +0,044; line at 2014: median(0,111; 0,006; 0,111) = 0,111; rate
		// 0,044 / 1,111 = +4,0 % (the old rate 0,044 / 0,111 was +40 %).
		{"both ways the same rise overshoots",
			trend{dir: store.ToReference, unit: "%", series: pts("2014", 36.0, "2015", 42.0, "2016", 48.0), ref: all},
			AgainstGoal, 0.04444444444444443 / (1 + 0.1111111111111111), ""},
		// Falling from 1,20 to 0,80 is a growing shortfall (E = 0; 0,111;
		// 0,25): slope 0,125 on 1 + 0.
		{"B-K1 falling below parity is against the goal",
			trend{dir: store.Rising, parity: true, unit: "%", series: pts("2014", 48.0, "2015", 36.0, "2016", 32.0), ref: all},
			AgainstGoal, 0.125, ""},
		// B-K2: the foreigners' Hauptschule share 6 % → 4 % → 3 % against
		// 4 %: q = 1,5 → 1,0 → 0,75; the excess q − 1 = 0,5; 0; 0 →
		// reached. Slopes −0,5, −0,25, 0; line at 2014 0,5: −0,25 / 1,5.
		{"B-K2 falling below the reference is reached",
			trend{dir: store.Falling, parity: true, unit: "%", series: pts("2014", 6.0, "2015", 4.0, "2016", 3.0), ref: flat(all, 4)},
			GoalReached, -0.25 / 1.5,
			"Verhältnis zur Referenz: 1,50 (2014), 0,75 (2016); ein Verhältnis bis 1,05 gilt als Parität (Ziel erreicht)."},
		// A-K5: with MH 50 % → 60 %, without MH 50 %: more than parity is
		// no step away from equal chances.
		{"A-K5 with MH above without MH is reached",
			trend{dir: store.Rising, parity: true, unit: "%", series: pts("2014", 50.0, "2015", 55.0, "2016", 60.0), ref: flat(all, 50)},
			GoalReached, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := assess(tt.tr)
			if a.Level != tt.level || !sameRate(a.Rate, tt.rate) {
				t.Errorf("%s, rate %v; want %s, %v (%s)", a.Level.Label(), a.Rate, tt.level.Label(), tt.rate, a.Text)
			}
			if tt.text != "" && a.Text != tt.text {
				t.Errorf("text\n got %q\nwant %q", a.Text, tt.text)
			}
		})
	}
}

// The rate of a distance stays bounded when the distance starts near 0.
func TestDistanceRateBounded(t *testing.T) {
	// A gap of 0,6 → 4,6 Prozentpunkte in four years: slope 1 Pp. a year.
	// On the start distance 0,6 that was +167 % a year; on the larger of
	// start and end distance, 4,6, it is +21,7 %.
	gap := pts("2012", -0.6, "2013", -1.6, "2014", -2.6, "2015", -3.6, "2016", -4.6)
	a := assess(trend{dir: store.ToReference, unit: "Prozentpunkte", series: gap, ref: flat(gap, 0)})
	if a.Level != AgainstGoal || !sameRate(a.Rate, 1/4.6) {
		t.Errorf("gap: %s, rate %v (%s); want against, %v", a.Level.Label(), a.Rate, a.Text, 1/4.6)
	}
	// The same years backwards: the same magnitude toward the goal.
	back := pts("2012", -4.6, "2013", -3.6, "2014", -2.6, "2015", -1.6, "2016", -0.6)
	if a := assess(trend{dir: store.ToReference, unit: "Prozentpunkte", series: back, ref: flat(back, 0)}); !sameRate(a.Rate, -1/4.6) {
		t.Errorf("back: rate %v, want %v", a.Rate, -1/4.6)
	}
	for _, c := range []struct{ b, a, span, tol, want float64 }{
		{0.3, 0, 2, 0.05, 0.3},           // parity from parity: never above the slope
		{0.3, -0.01, 2, 0.05, 0.3},       // a line start below 0 counts as 0
		{2, 0, 1, 0.5, 1},                // difference 0 → 2 in a year: 2 / 2
		{0.001, 0, 10, 0.5, 0.001 / 0.5}, // the band bounds a tiny distance
	} {
		parity := c.tol == 0.05
		if got := distanceRate(parity, c.b, c.a, c.span, c.tol); !sameRate(got, c.want) {
			t.Errorf("distanceRate(%v, %v, %v, %v, %v) = %v, want %v", parity, c.b, c.a, c.span, c.tol, got, c.want)
		}
	}
}

// "Ziel erreicht" needs the 90 % interval of the last ratio inside the
// band. 60 children, 24 of them (40,0 %) at the Gymnasium against all
// pupils' 41,2 %: q = 0,971 lies in 0,95–1,05, but ln q is only known to
// ±1,645 · √((1 − p) / (p · n)) with p = 26/64 = 0,406: √(0,594 / 24,4) =
// 0,156, ±0,257, so q lies somewhere in 0,971 · e^∓0,257 = 0,75–1,26.
func TestAssessGoalReachedNeedsCounts(t *testing.T) {
	ref := pts("2014", 41.2, "2015", 41.2, "2016", 41.2)
	small := withCounts(pts("2014", 25.0, "2015", 100.0/3, "2016", 40.0), []float64{15, 20, 24}, 60)
	a := assess(trend{dir: store.ToReference, unit: "%", series: small, ref: ref, noun: "Kinder"})
	want := "Verhältnis zur Referenz: 0,61 (2014), 0,97 (2016); ein Verhältnis zwischen 0,95 und 1,05 gilt als Parität. " +
		"Der letzte Wert liegt im Bereich der Parität, aber innerhalb zufälliger Schwankungen: " +
		"Der 90-%-Bereich des Verhältnisses reicht von 0,75 bis 1,26 (60 Kinder je Jahr); Trend des Abstands"
	if a.Level == GoalReached || !strings.HasPrefix(a.Text, want) {
		t.Errorf("60 children: %s\n got %q\nwant prefix %q", a.Level.Label(), a.Text, want)
	}
	// Then the trend rule decides: 25 % → 40 % of 60 children is within
	// noise too (one year's share is known to about ±12 Pp.), so "=".
	if a.Level != NoChange || !a.Long.Noise || !strings.HasSuffix(a.Text, "Die Veränderung liegt im Bereich zufälliger Schwankungen (60 Kinder je Jahr).") {
		t.Errorf("60 children: %s, noise %v; want = within noise (%s)", a.Level.Label(), a.Long.Noise, a.Text)
	}
	// 6.000 children: ±1,645 · √(0,6 / 2.400) = ±0,026 on ln q, 0,946–0,997,
	// still not inside 0,952–1,05, and the clear trend gives "+";
	// 60.000: ±0,008, 0,963–0,979 → reached.
	mid := withCounts(pts("2014", 25.0, "2015", 100.0/3, "2016", 40.0), []float64{1500, 2000, 2400}, 6000)
	if a := assess(trend{dir: store.ToReference, unit: "%", series: mid, ref: ref}); a.Level != TowardGoal {
		t.Errorf("6.000 children: %s (%s)", a.Level.Label(), a.Text)
	}
	large := withCounts(pts("2014", 25.0, "2015", 100.0/3, "2016", 40.0), []float64{15000, 20000, 24000}, 60000)
	if a := assess(trend{dir: store.ToReference, unit: "%", series: large, ref: ref}); a.Level != GoalReached {
		t.Errorf("60.000 children: %s (%s)", a.Level.Label(), a.Text)
	}
	// Without counts (a ratio of two counts, A-K3) the value decides.
	if a := assess(trend{dir: store.ToReference, unit: "%", series: pts("2014", 25.0, "2015", 100.0/3, "2016", 40.0), ref: ref}); a.Level != GoalReached {
		t.Errorf("no counts: %s (%s)", a.Level.Label(), a.Text)
	}
}

func TestInsideBand(t *testing.T) {
	for _, c := range []struct {
		parity bool
		side   int
		lo, hi float64
		want   bool
	}{
		{true, 0, 0.96, 1.04, true},
		{true, 0, 0.94, 1.04, false},
		{true, 1, 0.96, 3, true},    // B-K1: any excess is fine
		{true, -1, 0.1, 1.05, true}, // B-K2: any shortfall is fine
		{true, -1, 0.9, 1.06, false},
		{false, 0, -0.4, 0.4, true}, // difference within ±0,5 Pp.
		{false, 0, -0.6, 0.4, false},
	} {
		tol := goalShare
		if !c.parity {
			tol = 0.5
		}
		if got := insideBand(c.parity, c.side, tol, c.lo, c.hi); got != c.want {
			t.Errorf("insideBand(%v, %d, %v–%v) = %v", c.parity, c.side, c.lo, c.hi, got)
		}
	}
}

// The text names the base year and, when the values start later, the
// first period assessed.
func TestAssessBasePrefix(t *testing.T) {
	s := pts("2019/20", 30.0, "2020/21", 33.0, "2021/22", 36.0)
	a := assess(trend{dir: store.Rising, unit: "%", series: s, baseYear: 2011, reportYear: 2021})
	if !strings.HasPrefix(a.Text, "Basisjahr 2011, erste Werte 2019/20: Trend vom Schuljahr 2019/20") {
		t.Errorf("school years: %q", a.Text)
	}
	a = assess(trend{dir: store.Rising, unit: "%", series: pts("2011", 10.0, "2012", 11.0, "2013", 12.0), baseYear: 2011})
	if !strings.HasPrefix(a.Text, "Seit 2011: Trend von 2011") {
		t.Errorf("from the base year: %q", a.Text)
	}
	h := pts("2014-H1", 10.0, "2014-H2", 10.5, "2015-H1", 11.0, "2015-H2", 11.5, "2016-H1", 12.0)
	a = assess(trend{dir: store.Rising, unit: "%", series: h, baseYear: 2011})
	if !strings.HasPrefix(a.Text, "Basisjahr 2011, erste Werte 1. Halbjahr 2014: ") {
		t.Errorf("half-years: %q", a.Text)
	}
	s = pts("2011", 10.0, "2012", 10.0, "2013", 10.0, "2014", 20.0, "2015", 21.0, "2016", 22.0)
	a = assess(trend{dir: store.Rising, unit: "%", series: s, baseYear: 2011, breaks: []store.Period{"2014"}})
	if !strings.HasPrefix(a.Text, "Basisjahr 2011, bewertet ab 2014: ") {
		t.Errorf("break: %q", a.Text)
	}
}

// shapeOf recognises the catalogue's shapes of shares.
func TestShapeOf(t *testing.T) {
	for _, c := range []struct {
		formula string
		kind    shapeKind
		scale   float64
	}{
		{"G2.auslaender / G1.auslaender * 100", shapeShare, 100},
		{"G1.auslaender / (G1.auslaender + G2.auslaender) * 100", shapeShare, 100},
		{"(G1.a / G1.b) * 100", shapeShare, 100},
		{"G2.mit_mh / G1.mit_mh * 100 - G2.ohne_mh / G1.ohne_mh * 100", shapeDiff, 100},
		{"(G1.auslaender / G1.insgesamt) / (G2.auslaender / G2.insgesamt)", shapeRatio, 1},
		{"(G1.a / G1.b * 100) / (G2.a / G2.b * 100)", shapeRatio, 100},
		{"G1.insgesamt / G2.insgesamt", 0, 0},           // a ratio of counts
		{"G1.a / G1.b / G2.c", 0, 0},                    // no ratio of shares
		{"G1.a / G1.b * 100 + G2.a / G2.b * 100", 0, 0}, // a sum is no difference
		{"1", 0, 0},
	} {
		sh := shapeOf(c.formula)
		switch {
		case c.kind == 0 && sh != nil:
			t.Errorf("%q: shape %v, want none", c.formula, sh.kind)
		case c.kind != 0 && (sh == nil || sh.kind != c.kind || sh.scale != c.scale):
			t.Errorf("%q: shape %+v, want %v ×%v", c.formula, sh, c.kind, c.scale)
		}
	}
}

// The variances fill computes, by hand: a difference of 40/50 and 72/80
// (Agresti–Coull p = 42/54 and 74/84) and a ratio of 10/100 and 200/1000.
func TestShapeVariance(t *testing.T) {
	env := map[string]any{
		"G1": map[string]float64{"mit_mh": 50, "ohne_mh": 80},
		"G2": map[string]float64{"mit_mh": 40, "ohne_mh": 72},
	}
	pt := Point{Value: -10}
	shapeOf("G2.mit_mh / G1.mit_mh * 100 - G2.ohne_mh / G1.ohne_mh * 100").fill(&pt, env)
	p1, p2 := 42.0/54, 74.0/84
	want := (p1*(1-p1)/50 + p2*(1-p2)/80) * 1e4 // 34,6 + 13,1 = 47,7 Pp.²
	if math.Abs(pt.Var-want) > 1e-9 || pt.Count != 50 || pt.Denominator != 0 {
		t.Errorf("difference: var %v, count %v, den %v; want %v, 50, 0", pt.Var, pt.Count, pt.Denominator, want)
	}
	env = map[string]any{
		"G1": map[string]float64{"auslaender": 10, "insgesamt": 100},
		"G2": map[string]float64{"auslaender": 200, "insgesamt": 1000},
	}
	pt = Point{Value: 0.5}
	shapeOf("(G1.auslaender / G1.insgesamt) / (G2.auslaender / G2.insgesamt)").fill(&pt, env)
	q1, q2 := 12.0/104, 202.0/1004
	wantLog := (1-q1)/(q1*100) + (1-q2)/(q2*1000) // 0,0767 + 0,0040
	if math.Abs(logVar(pt)-wantLog) > 1e-12 || pt.Count != 100 {
		t.Errorf("ratio: var ln %v, count %v; want %v, 100", logVar(pt), pt.Count, wantLog)
	}
	// A part above its whole carries no variance.
	env["G1"].(map[string]float64)["auslaender"] = 120
	pt = Point{Value: 6}
	shapeOf("(G1.auslaender / G1.insgesamt) / (G2.auslaender / G2.insgesamt)").fill(&pt, env)
	if pt.Var != 0 || pt.Count != 0 {
		t.Errorf("implausible counts: var %v, count %v", pt.Var, pt.Count)
	}
}
