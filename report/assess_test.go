package report

import (
	"math"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

// pts builds a series of computable points from period/value pairs.
func pts(pairs ...any) []Point {
	var out []Point
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, Point{Period: store.Period(pairs[i].(string)), Value: toFloat(pairs[i+1]), OK: true})
	}
	return out
}

func toFloat(v any) float64 {
	switch x := v.(type) {
	case int:
		return float64(x)
	case float64:
		return x
	}
	panic("not a number")
}

// flat is a constant reference line over the periods of s.
func flat(s []Point, v float64) []Point {
	out := make([]Point, len(s))
	for i, p := range s {
		out[i] = Point{Period: p.Period, Value: v, OK: true}
	}
	return out
}

func notOK(p []Point, period string) []Point {
	for i := range p {
		if p[i].Period == store.Period(period) {
			p[i].OK, p[i].Reason = false, "Wert fehlt"
		}
	}
	return p
}

// rbk is the unemployment rate of foreigners in the Rheinisch-Bergischer
// Kreis (Regionaldatenbank 13211-02-05-4).
var rbk = pts("2011", 15.9, "2012", 15.9, "2013", 16.8, "2014", 16.3, "2015", 17.3, "2016", 18.1)

func TestAssess(t *testing.T) {
	index := pts("2012", 0.5, "2013", 0.6, "2014", 0.7, "2015", 0.8)
	share := pts("2014", 10, "2015", 12, "2016", 14)
	tests := []struct {
		name     string
		tr       trend
		level    AssessmentLevel
		from, to store.Period
		n        int
		rate     float64 // NaN: not computed
	}{
		// Theil–Sen: the median of the 15 pairwise slopes is 2,2 / 5 = 0,44
		// Pp. a year (2011→2016); the line's value in 2011 is the median of
		// y − 0,44·(t − 2011) = 15,72; 0,44 / 15,72 = 2,80 % a year.
		{"RBK foreigners' unemployment rises against sinkt",
			trend{dir: store.Falling, unit: "%", series: rbk}, AgainstGoal, "2011", "2016", 6, 0.44 / 15.72},
		{"same rise is toward steigt",
			trend{dir: store.Rising, unit: "%", series: rbk}, TowardGoal, "2011", "2016", 6, 0.44 / 15.72},
		{"all values equal",
			trend{dir: store.Rising, unit: "%", series: pts("2014", 10, "2015", 10, "2016", 10)}, NoChange, "2014", "2016", 3, 0},
		// 0,3 / (2 · 20) = 0,75 % a year, below the 1 % line.
		{"share change below 1 % a year",
			trend{dir: store.Falling, unit: "%", series: pts("2014", 20, "2015", 20.1, "2016", 20.3)}, NoChange, "2014", "2016", 3, 0.0075},
		// (121/100)^(1/2) − 1 = 10 %.
		{"count uses compound annual growth",
			trend{dir: store.Rising, unit: "Anzahl", series: pts("2014", 100, "2015", 110, "2016", 121)}, TowardGoal, "2014", "2016", 3, 0.1},
		{"count falling against steigt",
			trend{dir: store.Rising, unit: "Anzahl", series: pts("2014", 121, "2015", 110, "2016", 100)}, AgainstGoal, "2014", "2016", 3, math.Sqrt(100.0/121) - 1},
		// No CAGR from zero: (2 − 0) / (2 · max(0, 1)) = 100 % a year.
		{"count from zero floors the base at one",
			trend{dir: store.Rising, unit: "Anzahl", series: pts("2014", 0, "2015", 1, "2016", 2)}, TowardGoal, "2014", "2016", 3, 1},
		{"two points are too little",
			trend{dir: store.Falling, unit: "%", series: pts("2015", 17.3, "2016", 18.1)}, TooLittleData, "2015", "2016", 2, math.NaN()},
		{"one point is too little",
			trend{dir: store.Falling, unit: "%", series: pts("2016", 18.1)}, TooLittleData, "2016", "2016", 1, math.NaN()},
		{"no point is too little",
			trend{dir: store.Falling, unit: "%"}, TooLittleData, "", "", 0, math.NaN()},
		{"three half-years span only one year",
			trend{dir: store.Falling, unit: "%", series: pts("2015-H1", 10, "2015-H2", 12, "2016-H1", 14)}, TooLittleData, "2015-H1", "2016-H1", 3, math.NaN()},
		{"Stichtage 31.12. across a leap year span two years",
			trend{dir: store.Rising, unit: "Anzahl", series: pts("2016-12-31", 100, "2017-12-31", 100, "2018-12-31", 100)}, NoChange, "2016-12-31", "2018-12-31", 3, 0},
		{"gaps are skipped",
			trend{dir: store.Falling, unit: "%", series: notOK(pts("2014", 20, "2015", 99, "2016", 18, "2017", 16), "2015")}, TowardGoal, "2014", "2017", 3, -4.0 / 60},
		// Slopes 2011–2014: 0; 0,45; 0,133; 0,9; 0,2; −0,5 → median
		// (0,133 + 0,2) / 2 = 1/6 Pp.; line in 2011: median(15,9; 15,73;
		// 16,47; 15,8) = 15,85; 1/6 / 15,85 = 1,05 % a year. The end points
		// alone (0,4 / (3 · 15,9) = 0,84 %) hid the rise in 2013.
		{"report year caps the latest period",
			trend{dir: store.Falling, unit: "%", series: rbk, reportYear: 2014}, AgainstGoal, "2011", "2014", 4, 1.0 / 6 / 15.85},
		// With the break: slope 0,5 on 6 = +8,3 %; without: median slope
		// −0,2917 on the line's 8 in 2009 = −3,6 %.
		{"census break starts the comparison in 2011",
			trend{dir: store.Rising, unit: "%", breaks: census2011, breakReasons: censusReason, series: pts("2009", 8, "2010", 8, "2011", 6, "2012", 6.5, "2013", 7)}, TowardGoal, "2011", "2013", 3, 1.0 / 12},
		{"without the break the old level decides",
			trend{dir: store.Rising, unit: "%", series: pts("2009", 8, "2010", 8, "2011", 6, "2012", 6.5, "2013", 7)}, AgainstGoal, "2009", "2013", 5, -0.29166666666666667 / 8},
		{"census break leaves too little after it",
			trend{dir: store.Rising, unit: "%", breaks: census2011, breakReasons: censusReason, series: pts("2008", 8, "2009", 8, "2010", 8, "2011", 6, "2012", 6.5)}, TooLittleData, "2011", "2012", 2, math.NaN()},
		{"census break needs data on both sides",
			trend{dir: store.Rising, unit: "%", breaks: census2011, breakReasons: censusReason, series: pts("2008", 8, "2009", 8, "2010", 9)}, TowardGoal, "2008", "2010", 3, 1.0 / 16},
		// Parity distance E = max(q, 1/q) − 1 of q = 0,5; 0,6; 0,7; 0,8:
		// 1; 0,667; 0,429; 0,25. Median slope (−0,25 − 0,238) / 2 = −0,244,
		// line in 2012 (0,917 + 0,982) / 2 = 0,949; rate −0,244 / (1 + 0,949)
		// = −12,5 % a year (docs/bewertung.md, 2.8).
		{"representation index approaches 1",
			trend{dir: store.ToReference, unit: "Index", series: index, ref: flat(index, 1)}, TowardGoal, "2012", "2015", 4, -0.24404761904761907 / 1.9494047619047619},
		// 1/0,96 = 1,042 ≤ 1,05: parity. E = 1; 0,25; 0,042: slope −0,479
		// on 1 + 1.
		{"representation index within the parity band",
			trend{dir: store.ToReference, unit: "Index", series: pts("2013", 0.5, "2014", 0.8, "2015", 0.96), ref: flat(index, 1)}, GoalReached, "2013", "2015", 3, -0.47916666666666663 / 2},
		// E = 0,1; 0,2; 0,3: slope 0,1 on 1 + 0,1 = +9,1 % a year (the
		// ratio 1,1 → 1,3 grows by about 9 % a year).
		{"representation index beyond the band moves away",
			trend{dir: store.ToReference, unit: "Index", series: pts("2013", 1.1, "2014", 1.2, "2015", 1.3), ref: flat(index, 1)}, AgainstGoal, "2013", "2015", 3, 0.1 / 1.1},
		{"ratio of exactly 1,05 is balanced",
			trend{dir: store.Balanced, unit: "Verhältnis", series: pts("2020", 0.8, "2021", 0.9, "2022", 1.05)}, GoalReached, "2020", "2022", 3, -0.1 / 1.25},
		// E = 0,25; 0,111; 0,06: median slope −0,095, line 0,25: −0,095 /
		// 1,25 = −7,6 %.
		{"ratio of 1,06 is not yet balanced",
			trend{dir: store.Balanced, unit: "Verhältnis", series: pts("2020", 0.8, "2021", 0.9, "2022", 1.06)}, TowardGoal, "2020", "2022", 3, -0.095 / 1.25},
		{"balanced against a reference line",
			trend{dir: store.Balanced, unit: "%", series: share, ref: pts("2014", 20, "2015", 20, "2016", 15)}, TowardGoal, "2014", "2016", 3, -0.4642857142857143 / 2},
		// q = 1,25; 1,5; 1,75: E rises by 0,25 a year on 1 + 0,25: +20 %.
		{"share moves away from the population share",
			trend{dir: store.ToReference, unit: "%", series: share, ref: flat(share, 8)}, AgainstGoal, "2014", "2016", 3, 0.25 / 1.25},
		// 2 Pp. above and 2 Pp. below 8 % are not equally far: 10/8 = 1,25
		// but 8/6 = 1,33. E = 0,25; 0,375; 0,333: slope 0,042 on 1,25.
		{"same distance in Prozentpunkte is farther below the reference",
			trend{dir: store.ToReference, unit: "%", series: pts("2014", 10, "2015", 11, "2016", 6), ref: flat(share, 8)}, AgainstGoal, "2014", "2016", 3, (1.0 / 24) / 1.25},
		{"difference in Prozentpunkte within 0,5 of 0",
			trend{dir: store.ToReference, unit: "Prozentpunkte", series: pts("2014/15", 5, "2015/16", 2, "2016/17", -0.4), ref: flat(pts("2014/15", 0, "2015/16", 0, "2016/17", 0), 0)}, GoalReached, "2014/15", "2016/17", 3, -2.3 / 5},
		// E = 0; 0,125; 0,25: slope 0,125 on 1 + 0 = +12,5 % (it was 0,125
		// on the band's 0,05 = +250 %, a rate that exploded near parity).
		{"left the reference it started on",
			trend{dir: store.ToReference, unit: "%", series: pts("2014", 8, "2015", 9, "2016", 10), ref: flat(share, 8)}, AgainstGoal, "2014", "2016", 3, 0.125},
		{"reference not computable drops the point",
			trend{dir: store.ToReference, unit: "%", series: pts("2014", 10, "2015", 12, "2016", 14), ref: notOK(flat(share, 8), "2016")}, TooLittleData, "2014", "2015", 2, math.NaN()},
		{"open direction is not assessed",
			trend{dir: store.Undefined, unit: "Anzahl", series: share}, NotAssessable, "2014", "2016", 3, math.NaN()},
		{"reference direction without reference",
			trend{dir: store.ToReference, unit: "%", series: share}, NotAssessable, "2014", "2016", 3, math.NaN()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := assess(tt.tr)
			if a.Level != tt.level {
				t.Errorf("level = %v (%s), want %v (%s); text: %s", a.Level, a.Level.Label(), tt.level, tt.level.Label(), a.Text)
			}
			if a.From.Period != tt.from || a.To.Period != tt.to || a.N != tt.n {
				t.Errorf("window = %s…%s (n = %d), want %s…%s (n = %d)", a.From.Period, a.To.Period, a.N, tt.from, tt.to, tt.n)
			}
			if !sameRate(a.Rate, tt.rate) {
				t.Errorf("rate = %v, want %v", a.Rate, tt.rate)
			}
			if a.Symbol != tt.level.Symbol() || a.Text == "" {
				t.Errorf("symbol %q, text %q", a.Symbol, a.Text)
			}
		})
	}
}

func sameRate(got, want float64) bool {
	switch {
	case math.IsNaN(want):
		return math.IsNaN(got)
	case math.IsInf(want, 0):
		return got == want
	}
	return math.Abs(got-want) < 1e-9
}

func TestAssessText(t *testing.T) {
	tests := []struct {
		name string
		tr   trend
		want string
	}{
		{"trend against the direction",
			trend{dir: store.Falling, unit: "%", series: rbk},
			"Trend von 2011 bis 2016 (6 Werte): +0,44 Prozentpunkte pro Jahr, +2,8\u00a0% bezogen auf den Ausgangswert; das widerspricht der Zielrichtung „sinkt“. " +
				"Kurzfristig (2012–2016): Entwicklung gegen Zielrichtung (--)."},
		{"compound growth",
			trend{dir: store.Rising, unit: "Anzahl", series: pts("2014", 100, "2015", 110, "2016", 121)},
			"Trend von 2014 bis 2016 (3 Werte): +10,0\u00a0% pro Jahr (jährliche Wachstumsrate); das entspricht der Zielrichtung „steigt“."},
		{"distance reached",
			trend{dir: store.Balanced, unit: "Verhältnis", series: pts("2020", 0.8, "2021", 0.9, "2022", 1.05)},
			"Verhältnis zur Referenz: 0,80 (2020), 1,05 (2022); ein Verhältnis zwischen 0,95 und 1,05 gilt als Parität (Ziel erreicht)."},
		{"distance shrinking in Prozentpunkte",
			trend{dir: store.ToReference, unit: "%", series: pts("2014", 16, "2015", 14, "2016", 12), ref: flat(pts("2014", 0, "2015", 0, "2016", 0), 8)},
			"Verhältnis zur Referenz: 2,00 (2014), 1,50 (2016); Trend des Abstands (3 Werte): −12,5\u00a0% pro Jahr; der Abstand ist wesentlich kleiner geworden."},
		{"difference in Prozentpunkte",
			trend{dir: store.ToReference, unit: "Prozentpunkte", series: pts("2014", -10, "2015", -8, "2016", -6), ref: flat(pts("2014", 0, "2015", 0, "2016", 0), 0)},
			"Abstand zur Referenz: 10,0 Prozentpunkte (2014), 6,0 Prozentpunkte (2016); Trend des Abstands (3 Werte): −20,0\u00a0% pro Jahr; der Abstand ist wesentlich kleiner geworden."},
		{"articles for Stichtage",
			trend{dir: store.Rising, unit: "%", breaks: census2011, breakReasons: censusReason, series: pts("2010-12-31", 8, "2011-12-31", 6, "2012-12-31", 6, "2013-12-31", 6)},
			"Trend vom 31.12.2011 bis zum 31.12.2013 (3 Werte): ±0,00 Prozentpunkte pro Jahr, ±0,0\u00a0% bezogen auf den Ausgangswert; unter 1\u00a0% pro Jahr gilt eine Veränderung als nicht wesentlich. " +
				"Wegen der Umstellung der Bevölkerungszahlen auf den Zensus 2011 beginnt der Vergleich mit dem 31.12.2011."},
		{"too little data",
			trend{dir: store.Falling, unit: "%", series: pts("2016", 18.1)},
			"Für eine Bewertung sind mindestens 3 Werte über mindestens 2 Jahre nötig (vorhanden: 1 Wert)."},
		{"census break is explained",
			trend{dir: store.Rising, unit: "%", breaks: census2011, breakReasons: censusReason, series: pts("2010", 8, "2011", 6, "2012", 6, "2013", 6)},
			"Trend von 2011 bis 2013 (3 Werte): ±0,00 Prozentpunkte pro Jahr, ±0,0\u00a0% bezogen auf den Ausgangswert; unter 1\u00a0% pro Jahr gilt eine Veränderung als nicht wesentlich. Wegen der Umstellung der Bevölkerungszahlen auf den Zensus 2011 beginnt der Vergleich mit 2011."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := assess(tt.tr).Text; got != tt.want {
				t.Errorf("text\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestAssessmentLevelLabelSymbol(t *testing.T) {
	tests := []struct {
		level         AssessmentLevel
		label, symbol string
	}{
		{GoalReached, "Ziel erreicht", "++"},
		{TowardGoal, "Entwicklung in Zielrichtung", "+"},
		{NoChange, "keine wesentliche Veränderung", "="},
		{AgainstGoal, "Entwicklung gegen Zielrichtung", "--"},
		{TooLittleData, "zu wenig Daten", "?"},
		{NotAssessable, "nicht bewertbar (Zielrichtung offen)", "o"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			if got := tt.level.Label(); got != tt.label {
				t.Errorf("Label() = %q, want %q", got, tt.label)
			}
			got := tt.level.Symbol()
			if got != tt.symbol {
				t.Errorf("Symbol() = %q, want %q", got, tt.symbol)
			}
			if _, isDIN := store.ParseSymbol(got); isDIN || seen[got] {
				t.Errorf("Symbol() = %q is a DIN 55301 sign or used twice", got)
			}
			seen[got] = true
			for _, r := range got {
				if r > 127 {
					t.Errorf("Symbol() = %q is not ASCII", got)
				}
			}
			if strings.TrimSpace(got) != got || got == "" {
				t.Errorf("Symbol() = %q has spaces or is empty", got)
			}
		})
	}
}

var (
	census2011   = []store.Period{"2011"}
	censusReason = []string{"der Umstellung der Bevölkerungszahlen auf den Zensus 2011"}
)
