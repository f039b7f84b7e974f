package report

import (
	"math"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

// conference2025 has hand-countable answers: question 1 has 20+16 of 46
// positive (78,26 %), its 2024 comparison 30+41 of 100 (71 %).
var (
	conference2025 = store.SurveyResult{
		ReportYear: 2025,
		Counts:     [3][5]int{{20, 16, 6, 3, 1}, {10, 15, 12, 5, 2}, {8, 14, 13, 6, 3}},
		Missing:    [3]int{2, 4, 4},
	}
	conference2024 = store.SurveyResult{
		ReportYear: 2024,
		Counts:     [3][5]int{{30, 41, 19, 7, 3}, {9, 12, 10, 4, 1}, {0, 0, 0, 0, 0}},
		Missing:    [3]int{0, 1, 7},
	}
)

func TestSummarizeSurvey(t *testing.T) {
	nan := math.NaN()
	const huge = math.MaxInt
	tests := []struct {
		name       string
		cur        store.SurveyResult
		prev       *store.SurveyResult
		q          int
		n, missing int
		shares     [5]float64
		positive   float64
		prevPos    float64 // NaN: none
		change     float64 // NaN: none
	}{
		{"question 1 with 2024", conference2025, &conference2024, 0, 46, 2,
			[5]float64{2000.0 / 46, 1600.0 / 46, 600.0 / 46, 300.0 / 46, 100.0 / 46}, 3600.0 / 46, 71, 3600.0/46 - 71},
		{"2024 has no answers to question 3", conference2025, &conference2024, 2, 44, 4,
			[5]float64{800.0 / 44, 1400.0 / 44, 1300.0 / 44, 600.0 / 44, 300.0 / 44}, 2200.0 / 44, nan, nan},
		{"no comparison year", conference2025, nil, 1, 44, 4,
			[5]float64{1000.0 / 44, 1500.0 / 44, 1200.0 / 44, 500.0 / 44, 200.0 / 44}, 2500.0 / 44, nan, nan},
		{"2025 has no answers to question 3", conference2024, &conference2025, 2, 0, 7,
			[5]float64{nan, nan, nan, nan, nan}, nan, 50, nan},
		{"huge counts do not wrap", store.SurveyResult{Counts: [3][5]int{{huge, huge, huge, huge, huge}}}, nil, 0, huge, 0,
			[5]float64{20, 20, 20, 20, 20}, 40, nan, nan},
		{"negative counts count as none", store.SurveyResult{Counts: [3][5]int{{-5, 1, 1, 0, 0}}, Missing: [3]int{-1}}, nil, 0, 2, 0,
			[5]float64{0, 50, 50, 0, 0}, 50, nan, nan},
	}
	same := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 || math.IsNaN(a) && math.IsNaN(b) }
	ptr := func(p *float64) float64 {
		if p == nil {
			return math.NaN()
		}
		return *p
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := SummarizeSurvey(tt.cur, tt.prev)[tt.q]
			if s.Question != tt.q || s.Year != tt.cur.ReportYear || s.N != tt.n || s.Missing != tt.missing {
				t.Errorf("q %d, year %d, n = %d, missing %d; want q %d, n = %d, missing %d", s.Question, s.Year, s.N, s.Missing, tt.q, tt.n, tt.missing)
			}
			for c := range s.Shares {
				if !same(s.Shares[c], tt.shares[c]) {
					t.Errorf("share %d = %v, want %v", c, s.Shares[c], tt.shares[c])
				}
			}
			if !same(s.Positive, tt.positive) || !same(ptr(s.PrevPositive), tt.prevPos) || !same(ptr(s.Change), tt.change) {
				t.Errorf("positive %v, before %v, change %v; want %v, %v, %v", s.Positive, ptr(s.PrevPositive), ptr(s.Change), tt.positive, tt.prevPos, tt.change)
			}
		})
	}
}

func TestSurveyHeadline(t *testing.T) {
	skipped := conference2024
	skipped.ReportYear = 2023
	tests := []struct {
		name string
		cur  store.SurveyResult
		prev *store.SurveyResult
		want string
	}{
		{"with the year before", conference2025, &conference2024, "" +
			"Allgemeine Einschätzung: 78,3 % positiv (sehr wichtig oder wichtig; 95-%-Intervall 64,4–87,7 %; n = 46, keine Angabe: 2; Vorjahr 71,0 %, +7,3 Prozentpunkte, im Bereich zufälliger Schwankungen)\n" +
			"Nutzwert: 56,8 % positiv (sehr hoch oder hoch; 95-%-Intervall 42,2–70,3 %; n = 44, keine Angabe: 4; Vorjahr 58,3 %, −1,5 Prozentpunkte, im Bereich zufälliger Schwankungen)\n" +
			"Gemeinsame Interessen/Ziele: 50,0 % positiv (sehr oft oder oft; 95-%-Intervall 35,8–64,2 %; n = 44, keine Angabe: 4)"},
		{"a skipped year is named", conference2025, &skipped, "" +
			"Allgemeine Einschätzung: 78,3 % positiv (sehr wichtig oder wichtig; 95-%-Intervall 64,4–87,7 %; n = 46, keine Angabe: 2; 2023: 71,0 %, +7,3 Prozentpunkte, im Bereich zufälliger Schwankungen)\n" +
			"Nutzwert: 56,8 % positiv (sehr hoch oder hoch; 95-%-Intervall 42,2–70,3 %; n = 44, keine Angabe: 4; 2023: 58,3 %, −1,5 Prozentpunkte, im Bereich zufälliger Schwankungen)\n" +
			"Gemeinsame Interessen/Ziele: 50,0 % positiv (sehr oft oder oft; 95-%-Intervall 35,8–64,2 %; n = 44, keine Angabe: 4)"},
		{"empty question", conference2024, nil, "" +
			"Allgemeine Einschätzung: 71,0 % positiv (sehr wichtig oder wichtig; 95-%-Intervall 61,5–79,0 %; n = 100, keine Angabe: 0)\n" +
			"Nutzwert: 58,3 % positiv (sehr hoch oder hoch; 95-%-Intervall 42,2–72,9 %; n = 36, keine Angabe: 1)\n" +
			"Gemeinsame Interessen/Ziele: keine Antworten erfasst (keine Angabe: 7)"},
		{"thousands", store.SurveyResult{ReportYear: 2025, Counts: [3][5]int{{1000, 234, 0, 0, 0}}}, nil, "" +
			"Allgemeine Einschätzung: 100,0 % positiv (sehr wichtig oder wichtig; 95-%-Intervall 99,7–100,0 %; n = 1.234, keine Angabe: 0)\n" +
			"Nutzwert: keine Antworten erfasst\n" +
			"Gemeinsame Interessen/Ziele: keine Antworten erfasst"},
		// 36 of 46 against 10 of 45: pooled p = 46/91, standard error
		// √(0,5055 · 0,4945 · (1/46 + 1/45)) = 0,1048; the change of
		// 56,0 Prozentpunkte is 5,3 times that: a change.
		{"a change beyond noise is a change", conference2025, &store.SurveyResult{ReportYear: 2024, Counts: [3][5]int{{5, 5, 20, 10, 5}}}, "" +
			"Allgemeine Einschätzung: 78,3 % positiv (sehr wichtig oder wichtig; 95-%-Intervall 64,4–87,7 %; n = 46, keine Angabe: 2; Vorjahr 22,2 %, +56,0 Prozentpunkte)\n" +
			"Nutzwert: 56,8 % positiv (sehr hoch oder hoch; 95-%-Intervall 42,2–70,3 %; n = 44, keine Angabe: 4)\n" +
			"Gemeinsame Interessen/Ziele: 50,0 % positiv (sehr oft oder oft; 95-%-Intervall 35,8–64,2 %; n = 44, keine Angabe: 4)"},
		{"nothing at all", store.SurveyResult{ReportYear: 2025}, &conference2024, "Keine Antworten erfasst."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.ReplaceAll(SurveyHeadline(SummarizeSurvey(tt.cur, tt.prev)), nbsp, " ")
			if got != tt.want {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
