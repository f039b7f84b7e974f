package report_test

import (
	"testing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// rateFigure is the unemployment rate of foreigners, delivered as a
// share for the Kreis.
var rateFigure = store.KeyFigure{
	Code: "S-K1", Direction: store.Falling, Unit: "%", Area: "kreis",
	Series: []store.Series{{Label: "Ausländer/innen", Formula: "Q.auslaender"}},
	BaseFigures: []store.BaseFigure{{Code: "S-K1-Q", Alias: "Q", Name: "Arbeitslosenquote", Unit: "%",
		PeriodKind: store.YearPeriod, Groups: []string{"insgesamt", "auslaender"}, Areas: []string{"kreis"}}},
}

// rbkRates are the Regionaldatenbank's rates 13211-02-05-4 for 2011–2016.
func rbkRates(years ...string) []store.Value {
	all := map[string]float64{"2011": 15.9, "2012": 15.9, "2013": 16.8, "2014": 16.3, "2015": 17.3, "2016": 18.1}
	var out []store.Value
	for _, y := range years {
		out = append(out, store.Value{BaseFigure: "S-K1-Q", Period: store.Period(y), Area: "kreis", Group: "auslaender", Number: all[y]})
	}
	return out
}

var allYears = []string{"2011", "2012", "2013", "2014", "2015", "2016"}

// counted is a plain count that should rise.
var counted = store.KeyFigure{
	Code: "S-K2", Direction: store.Rising, Unit: "Anzahl", Area: "stadt",
	Series:      []store.Series{{Label: "Anzahl", Formula: "G1.insgesamt"}},
	BaseFigures: []store.BaseFigure{baseFigure("S-K2-G1", "G1", "Veranstaltungen", store.YearPeriod)},
}

// difference is shaped like B-K4: Prozentpunkte between two groups.
var difference = store.KeyFigure{
	Code: "S-K3", Direction: store.ToReference, Unit: "Prozentpunkte", Area: "stadt",
	Series:      []store.Series{{Label: "Differenz", Formula: "G2.auslaender / G1.auslaender * 100 - G2.deutsche / G1.deutsche * 100"}},
	Reference:   &store.Series{Label: "keine Differenz", Formula: "0"},
	BaseFigures: []store.BaseFigure{baseFigure("S-K3-G1", "G1", "Untersuchte Kinder", store.SchoolYearPeriod), baseFigure("S-K3-G2", "G2", "Kinder ohne Befund", store.SchoolYearPeriod)},
}

func TestSentence(t *testing.T) {
	withFlags := rbkRates(allYears...)
	withFlags[5].Provisional = true
	demo := rbkRates(allYears...)
	demo[0].Demo = true
	later := append(rbkRates(allYears...), store.Value{BaseFigure: "S-K1-Q", Period: "2017", Area: "kreis", Group: "auslaender", Symbol: store.SymLater})
	symbolOnly := []store.Value{{BaseFigure: "S-K1-Q", Period: "2016", Area: "kreis", Group: "auslaender", Symbol: store.SymUnknown}}

	tests := []struct {
		name   string
		k      store.KeyFigure
		values []store.Value
		year   int
		level  report.AssessmentLevel
		want   string
	}{
		{"RBK foreigners' unemployment 2011 to 2016", rateFigure, rbkRates(allYears...), 2016, report.AgainstGoal,
			"Der Anteil ist von 15,9\u00a0% (2011) auf 18,1\u00a0% (2016) gestiegen (+2,2 Prozentpunkte); Zielrichtung: sinkt."},
		// The Theil–Sen trend up to 2014 is +1,05 % a year (assess_test.go).
		{"report year limits the sentence", rateFigure, rbkRates(allYears...), 2014, report.AgainstGoal,
			"Der Anteil ist von 15,9\u00a0% (2011) auf 16,3\u00a0% (2014) gestiegen (+0,4 Prozentpunkte); Zielrichtung: sinkt."},
		{"two values", rateFigure, rbkRates("2015", "2016"), 2016, report.TooLittleData,
			"Der Anteil ist von 17,3\u00a0% (2015) auf 18,1\u00a0% (2016) gestiegen (+0,8 Prozentpunkte); Zielrichtung: sinkt. " +
				"Für eine Bewertung liegen noch zu wenige Werte vor (n = 2)."},
		{"one value", rateFigure, rbkRates("2016"), 2016, report.TooLittleData,
			"Der Anteil beträgt 18,1\u00a0% (2016); Zielrichtung: sinkt. Für eine Bewertung liegen noch zu wenige Werte vor (n = 1)."},
		{"no value", rateFigure, nil, 2016, report.TooLittleData,
			"Für diese Kennzahl liegen noch keine Werte vor; Zielrichtung: sinkt. Für eine Bewertung liegen noch zu wenige Werte vor (n = 0)."},
		{"only a symbol", rateFigure, symbolOnly, 2016, report.TooLittleData,
			"Der Anteil ist für 2016 nicht berechenbar (Zeichen „.“ (Zahlenwert unbekannt oder geheim zu halten) bei Arbeitslosenquote, Ausländer/innen, 2016); " +
				"Zielrichtung: sinkt. Für eine Bewertung liegen noch zu wenige Werte vor (n = 0)."},
		{"unchanged", rateFigure, rbkRates("2011", "2012"), 2012, report.TooLittleData,
			"Der Anteil ist von 2011 bis 2012 mit 15,9\u00a0% unverändert geblieben; Zielrichtung: sinkt. Für eine Bewertung liegen noch zu wenige Werte vor (n = 2)."},
		{"latest period not computable", rateFigure, later, 2017, report.AgainstGoal,
			"Der Anteil ist von 15,9\u00a0% (2011) auf 18,1\u00a0% (2016) gestiegen (+2,2 Prozentpunkte); Zielrichtung: sinkt. " +
				"Für 2017 ist die Kennzahl nicht berechenbar (Zeichen „...“ (Angabe fällt später an) bei Arbeitslosenquote, Ausländer/innen, 2017)."},
		{"provisional value", rateFigure, withFlags, 2016, report.AgainstGoal,
			"Der Anteil ist von 15,9\u00a0% (2011) auf 18,1\u00a0% (2016, vorläufig) gestiegen (+2,2 Prozentpunkte); Zielrichtung: sinkt."},
		{"Beispieldaten", rateFigure, demo, 2016, report.AgainstGoal,
			"Beispieldaten: Der Anteil ist von 15,9\u00a0% (2011) auf 18,1\u00a0% (2016) gestiegen (+2,2 Prozentpunkte); Zielrichtung: sinkt."},
		// (9/8)^(1/2) − 1 = 6,1 % a year; +1 is +12,5 %.
		{"count", counted, []store.Value{val("S-K2-G1", "2014", "insgesamt", 8), val("S-K2-G1", "2015", "insgesamt", 8), val("S-K2-G1", "2016", "insgesamt", 9)}, 2016, report.TowardGoal,
			"Die Anzahl ist von 8 (2014) auf 9 (2016) gestiegen (+1; +12,5\u00a0%); Zielrichtung: steigt."},
		{"count from zero", counted, []store.Value{val("S-K2-G1", "2014", "insgesamt", 0), val("S-K2-G1", "2015", "insgesamt", 2), val("S-K2-G1", "2016", "insgesamt", 1234)}, 2016, report.TowardGoal,
			"Die Anzahl ist von 0 (2014) auf 1.234 (2016) gestiegen (+1.234); Zielrichtung: steigt."},
		{"representation index", representation, []store.Value{
			val("T-K4-G1", "2012", "auslaender", 10), val("T-K4-G1", "2012", "insgesamt", 100),
			val("T-K4-G1", "2015", "auslaender", 16), val("T-K4-G1", "2015", "insgesamt", 100),
			val("T-K4-G1", "2014", "auslaender", 14), val("T-K4-G1", "2014", "insgesamt", 100),
			val("T-K4-G2", "2012", "auslaender", 200), val("T-K4-G2", "2012", "insgesamt", 1000),
			val("T-K4-G2", "2014", "auslaender", 200), val("T-K4-G2", "2014", "insgesamt", 1000),
			val("T-K4-G2", "2015", "auslaender", 200), val("T-K4-G2", "2015", "insgesamt", 1000),
			// 10 → 16 of 100 graduates: the index's noise (delta method on
			// both shares) swallows the rise, so "=" although 0,50 → 0,80.
		}, 2016, report.NoChange,
			"Der Index ist von 0,50 (2012) auf 0,80 (2015) gestiegen (+0,30); Referenz: Bevölkerungsstruktur (1,0); Zielrichtung: nähert sich der Referenz an."},
		{"population share as reference", populationShare, []store.Value{
			val("T-K2-G1", "2014", "auslaender", 300), val("T-K2-G1", "2014", "insgesamt", 2000),
			val("T-K2-G1", "2015", "auslaender", 310), val("T-K2-G1", "2015", "insgesamt", 2000),
			val("T-K2-G1", "2016", "auslaender", 240), val("T-K2-G1", "2016", "insgesamt", 2000),
			val("BEV", "2014-12-31", "auslaender", 1000), val("BEV", "2014-12-31", "insgesamt", 10000),
			val("BEV", "2015-12-31", "auslaender", 1050), val("BEV", "2015-12-31", "insgesamt", 10000),
			val("BEV", "2016-12-31", "auslaender", 1100), val("BEV", "2016-12-31", "insgesamt", 10000),
		}, 2016, report.TowardGoal,
			"Der Anteil ist von 15,0\u00a0% (2014) auf 12,0\u00a0% (2016) gesunken (−3,0 Prozentpunkte); Referenz (Anteil an der Bevölkerung): 11,0\u00a0%; " +
				"Zielrichtung: nähert sich der Referenz an."},
		// 2014/15: 40/50 − 72/80 = 80 − 90 = −10 Pp; 2016/17: 45/50 − 74/80 = 90 − 92,5 = −2,5 Pp.
		{"difference in Prozentpunkte", difference, []store.Value{
			val("S-K3-G1", "2014/15", "auslaender", 50), val("S-K3-G2", "2014/15", "auslaender", 40),
			val("S-K3-G1", "2014/15", "deutsche", 80), val("S-K3-G2", "2014/15", "deutsche", 72),
			val("S-K3-G1", "2015/16", "auslaender", 50), val("S-K3-G2", "2015/16", "auslaender", 42),
			val("S-K3-G1", "2015/16", "deutsche", 80), val("S-K3-G2", "2015/16", "deutsche", 72),
			val("S-K3-G1", "2016/17", "auslaender", 50), val("S-K3-G2", "2016/17", "auslaender", 45),
			val("S-K3-G1", "2016/17", "deutsche", 80), val("S-K3-G2", "2016/17", "deutsche", 74),
			// Of 50 and 80 pupils a difference is known to about ±14 Pp.
			// (Var = Var1 + Var2): the shrinking gap is within noise.
		}, 2016, report.NoChange,
			"Die Differenz ist von −10,0\u00a0Pp. (Schuljahr 2014/15) auf −2,5\u00a0Pp. (Schuljahr 2016/17) gestiegen (+7,5 Prozentpunkte); " +
				"Referenz: keine Differenz; Zielrichtung: nähert sich der Referenz an."},
		// 1134 / 4188 = 27,08 %; reference 4270 / 41225 = 10,36 %.
		{"half-year not computable", unemploymentIndex, append(halfYear("2016-H1"), val("T-K1-G1", "2016-H2", "auslaender", 1100)), 2016, report.TooLittleData,
			"Der Anteil beträgt 27,1\u00a0% (1. Halbjahr 2016); Referenz (Insgesamt): 10,4\u00a0%; Zielrichtung: nähert sich der Referenz an. " +
				"Für das 2. Halbjahr 2016 ist die Kennzahl nicht berechenbar (Wert fehlt: Sozialversicherungspflichtig Beschäftigte am Wohnort, Ausländer/innen, 2. Halbjahr 2016). " +
				"Für eine Bewertung liegen noch zu wenige Werte vor (n = 1)."},
		{"unchanged over school years", difference, []store.Value{
			val("S-K3-G1", "2014/15", "auslaender", 50), val("S-K3-G2", "2014/15", "auslaender", 40),
			val("S-K3-G1", "2014/15", "deutsche", 80), val("S-K3-G2", "2014/15", "deutsche", 72),
			val("S-K3-G1", "2016/17", "auslaender", 50), val("S-K3-G2", "2016/17", "auslaender", 40),
			val("S-K3-G1", "2016/17", "deutsche", 80), val("S-K3-G2", "2016/17", "deutsche", 72),
			val("S-K3-G1", "2015/16", "auslaender", 50), val("S-K3-G2", "2015/16", "auslaender", 40),
			val("S-K3-G1", "2015/16", "deutsche", 80), val("S-K3-G2", "2015/16", "deutsche", 72),
		}, 2016, report.NoChange,
			"Die Differenz ist vom Schuljahr 2014/15 bis zum Schuljahr 2016/17 mit −10,0\u00a0Pp. unverändert geblieben; Referenz: keine Differenz; " +
				"Zielrichtung: nähert sich der Referenz an."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap := &store.Snapshot{Catalog: testCatalog(tt.k), Values: tt.values, ReportYear: tt.year}
			r := report.Compute(snap, tt.k)
			if r.Sentence != tt.want {
				t.Errorf("sentence\n got %q\nwant %q", r.Sentence, tt.want)
			}
			if r.Assessment.Level != tt.level {
				t.Errorf("level = %s, want %s (%s)", r.Assessment.Level.Label(), tt.level.Label(), r.Assessment.Text)
			}
		})
	}
}

// halfYear is the Bergisch Gladbach unemployment of one half-year.
func halfYear(p string) []store.Value {
	var out []store.Value
	for _, v := range unemploymentValues() {
		v.Period = store.Period(p)
		out = append(out, v)
	}
	return out
}
