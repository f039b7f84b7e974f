package report_test

import (
	"fmt"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// scaled multiplies every count by f, so that the same shares rest on
// f times as many cases.
func scaled(vs []store.Value, f float64) []store.Value {
	out := make([]store.Value, len(vs))
	for i, v := range vs {
		v.Number *= f
		out[i] = v
	}
	return out
}

// B-K4 is a difference of two shares (mit MH − ohne MH, in Prozentpunkte)
// and A-K4 a ratio of two shares: both now carry a sampling variance from
// their counts, so a change within noise is "=" and the same change on
// 100 times the counts is "+".
func TestAssessNoiseOnDifferencesAndRatios(t *testing.T) {
	// B-K4: 40 children with MH, 20 → 18 → 16 with a deficit (50 % →
	// 40 %); 60 without MH, 18 each (30 %): the gap 20 → 10 Pp. One year's
	// gap has Var = 0,5 · 0,5 / 40 + 0,31 · 0,69 / 60 ≈ (9,9 Pp.)²; the
	// slope −5 Pp. a year is about 0,7 standard errors from 0.
	var bk4 []store.Value
	for i, d := range []float64{20, 18, 16} {
		p := fmt.Sprintf("%d/%02d", 2014+i, 15+i)
		bk4 = append(bk4, val("B-K4-G1", p, "mit_mh", 40), val("B-K4-G1", p, "ohne_mh", 60),
			val("B-K4-G2", p, "mit_mh", d), val("B-K4-G2", p, "ohne_mh", 18))
	}
	// A-K4: 300 graduates with Abitur, 15 → 20 → 25 of them foreign; 100
	// of 1.000 graduates foreign: index 0,50 → 0,83. Var ln q ≈ 1/15 +
	// 1/100 on 2014: the shortfall 1/q − 1 = 1 → 0,2 is within noise.
	var ak4 []store.Value
	for i, x := range []float64{15, 20, 25} {
		p := fmt.Sprint(2014 + i)
		ak4 = append(ak4, val("A-K4-G1", p, "auslaender", x), val("A-K4-G1", p, "insgesamt", 300),
			val("A-K4-G2", p, "auslaender", 100), val("A-K4-G2", p, "insgesamt", 1000))
	}
	tests := []struct {
		code   string
		values []store.Value
		level  report.AssessmentLevel
		want   string
	}{
		{"B-K4", bk4, report.NoChange, "Die Veränderung liegt im Bereich zufälliger Schwankungen (40 Kinder je Jahrgang)."},
		{"B-K4", scaled(bk4, 100), report.TowardGoal, "der Abstand ist wesentlich kleiner geworden."},
		{"A-K4", ak4, report.NoChange, "Die Veränderung liegt im Bereich zufälliger Schwankungen (300 Schulabgänger/innen je Jahr)."},
		{"A-K4", scaled(ak4, 100), report.TowardGoal, "der Abstand ist wesentlich kleiner geworden."},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s %v", tt.code, tt.level), func(t *testing.T) {
			a := evaluateReal(t, tt.values, 2016, tt.code)
			if a.Level != tt.level || !strings.HasSuffix(a.Text, tt.want) {
				t.Errorf("%s (%s); want %s ending %q", a.Level.Label(), a.Text, tt.level.Label(), tt.want)
			}
		})
	}
}

// The review's B-K1 case on the catalogue: foreign children's Gymnasium
// share 36 % → 42 % → 48 % of 1.000 against 40 % of all 10.000 pupils.
// Over-representation is no step away from equal chances: q = 1,20 is
// beyond the lower end 0,95 of the band, its 90 % interval 1,13–1,27 too.
func TestAssessBK1BeyondParity(t *testing.T) {
	values := fifthGraders("B-K1", []float64{1000, 1000, 1000}, []float64{360, 420, 480},
		[]float64{10000, 10000, 10000}, []float64{4000, 4000, 4000})
	a := evaluateReal(t, values, 2016, "B-K1")
	want := "Basisjahr 2011, erste Werte 2014/15: Verhältnis zu „alle Fünftklässler/innen“: 0,90 (Schuljahr 2014/15), 1,20 (Schuljahr 2016/17); " +
		"ein Verhältnis ab 0,95 gilt als Parität (Ziel erreicht)."
	if a.Level != report.GoalReached || a.Text != want {
		t.Errorf("%s\n got %q\nwant %q", a.Level.Label(), a.Text, want)
	}
}
