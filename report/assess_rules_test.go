package report_test

import (
	"fmt"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// fifthGraders are the values of B-K1 or B-K2 (codes prefix-G1/-G2) for the
// school years from 2014/15: all fifth-graders and those at the school
// form, of the foreigners and of everybody.
func fifthGraders(prefix string, foreign, foreignAt, all, allAt []float64) []store.Value {
	var out []store.Value
	for i := range foreign {
		p := fmt.Sprintf("%d/%02d", 2014+i, (15+i)%100)
		out = append(out,
			val(prefix+"-G1", p, "auslaender", foreign[i]), val(prefix+"-G2", p, "auslaender", foreignAt[i]),
			val(prefix+"-G1", p, "insgesamt", all[i]), val(prefix+"-G2", p, "insgesamt", allAt[i]))
	}
	return out
}

func evaluateReal(t *testing.T, values []store.Value, year int, code string) report.Assessment {
	t.Helper()
	e := report.Evaluate(report.Input{Snapshot: &store.Snapshot{Catalog: realCatalog(t), Values: values}, Year: year})
	kr, ok := e.KeyFigure(code)
	if !ok {
		t.Fatalf("no %s", code)
	}
	return kr.Assessment
}

func TestAssessNoiseOnCounts(t *testing.T) {
	tests := []struct {
		name        string
		values      []store.Value
		level       report.AssessmentLevel
		noise       bool
		count       float64
		wantText    string
		notWantText string
	}{
		// 60 foreign fifth-graders, 15, 16, 18 of them at a Gymnasium (25 % →
		// 30 %), all pupils 400 of 1.000 (40 %). Representation 0,625 →
		// 0,75 would be "+", but one child more or less moves the share by
		// 1,7 Prozentpunkte and a single year's share is only known to
		// about ±11: the weighted slope is 0,5 standard errors from zero.
		{"60 fifth-graders 25 % → 30 % is noise",
			fifthGraders("B-K1", []float64{60, 60, 60}, []float64{15, 16, 18}, []float64{1000, 1000, 1000}, []float64{400, 400, 400}),
			report.NoChange, true, 60, "Die Veränderung liegt im Bereich zufälliger Schwankungen (60 Kinder je Jahrgang).", "Kleine Fallzahl"},
		// The same shares on 6.000 foreign fifth-graders: z ≈ 5.
		{"the same change on large counts is a change",
			fifthGraders("B-K1", []float64{6000, 6000, 6000}, []float64{1500, 1600, 1800}, []float64{100000, 100000, 100000}, []float64{40000, 40000, 40000}),
			report.TowardGoal, false, 6000, "der Abstand ist wesentlich kleiner geworden", "zufälliger"},
		// 80 foreign fifth-graders, 8 → 28 at a Gymnasium (10 % → 35 %):
		// beyond noise even on small counts, and the sentence warns of the
		// small count.
		{"a large change on small counts is a change with a caveat",
			fifthGraders("B-K1", []float64{80, 80, 80}, []float64{8, 16, 28}, []float64{1000, 1000, 1000}, []float64{400, 400, 400}),
			report.TowardGoal, false, 80, "Kleine Fallzahl (80 Kinder je Jahrgang)", "zufälliger"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := evaluateReal(t, tt.values, 2016, "B-K1")
			if a.Level != tt.level || a.Long.Noise != tt.noise || a.Long.Count != tt.count {
				t.Errorf("level %s, noise %v, count %v; want %s, %v, %v (%s)", a.Level.Label(), a.Long.Noise, a.Long.Count,
					tt.level.Label(), tt.noise, tt.count, a.Text)
			}
			if !strings.Contains(a.Text, tt.wantText) || strings.Contains(a.Text, tt.notWantText) {
				t.Errorf("text %q: want %q, not %q", a.Text, tt.wantText, tt.notWantText)
			}
		})
	}
}

// Hauptschulen shrink for everybody: the foreigners' share at Hauptschulen
// falls from 18 % to 9 %, that of all fifth-graders from 4 % to 2 %. The
// over-representation stays 4,5-fold, so the Ziel has not come closer.
func TestAssessShrinkingHauptschulen(t *testing.T) {
	values := fifthGraders("B-K2", []float64{1000, 1000, 1000}, []float64{180, 135, 90},
		[]float64{10000, 10000, 10000}, []float64{400, 300, 200})
	a := evaluateReal(t, values, 2016, "B-K2")
	if a.Level != report.NoChange || a.Long.Slope != 0 {
		t.Errorf("B-K2: %s, slope %v (%s); want keine wesentliche Veränderung", a.Level.Label(), a.Long.Slope, a.Text)
	}
	if want := "Verhältnis zu „alle Fünftklässler/innen“: 4,50 (Schuljahr 2014/15), 4,50 (Schuljahr 2016/17)"; !strings.Contains(a.Text, want) {
		t.Errorf("text %q lacks %q", a.Text, want)
	}
}

// A-K1 compares foreigners with Deutsche: more foreign employees raise
// the index of "Insgesamt" toward the foreigners' 15 % although nothing
// changed for either group (foreigners 15 %, Deutsche 5 % throughout).
func TestAssessUnemploymentAgainstDeutsche(t *testing.T) {
	var values []store.Value
	for i, p := range []string{"2014-H1", "2014-H2", "2015-H1", "2015-H2", "2016-H1", "2016-H2"} {
		f := float64(1000 + 400*i) // foreign labour force grows
		values = append(values,
			val("A-K1-G1", p, "auslaender", 0.15*f), val("A-K1-G2", p, "auslaender", 0.85*f),
			val("A-K1-G1", p, "deutsche", 500), val("A-K1-G2", p, "deutsche", 9500),
			val("A-K1-G1", p, "insgesamt", 0.15*f+500), val("A-K1-G2", p, "insgesamt", 0.85*f+9500))
	}
	a := evaluateReal(t, values, 2016, "A-K1")
	if a.Level != report.NoChange || !strings.Contains(a.Text, "Verhältnis zu „Deutsche“: 3,00") {
		t.Errorf("A-K1: %s (%s); want no change at a ratio of 3,00 to Deutsche", a.Level.Label(), a.Text)
	}
}

// The counts of a simple share travel with its points; other formulas
// carry none.
func TestComputePointCounts(t *testing.T) {
	values := append(unemploymentValues(), val("T-K2-G1", "2016", "auslaender", 300), val("T-K2-G1", "2016", "insgesamt", 2000))
	r := report.Compute(&store.Snapshot{Catalog: testCatalog(unemploymentIndex), Values: values, ReportYear: 2016}, unemploymentIndex)
	// unemploymentValues: 1134 foreign unemployed, 3054 foreign employees.
	p := point(t, r.Series[0], "2016-H2")
	if p.Numerator != 1134 || p.Denominator != 1134+3054 {
		t.Errorf("A-K1 counts %v / %v, want 1134 / 4188", p.Numerator, p.Denominator)
	}
	r = report.Compute(&store.Snapshot{Catalog: testCatalog(representation), Values: values, ReportYear: 2016}, representation)
	for _, p := range r.Series[0].Points {
		if p.Denominator != 0 {
			t.Errorf("a ratio of shares carries counts %v / %v", p.Numerator, p.Denominator)
		}
	}
}
