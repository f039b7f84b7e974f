package report

import (
	"fmt"
	"math"
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// SurveySummary is one question of the Integrationskonferenz survey (C-W1)
// in one year, as the headline and the chart state it.
type SurveySummary struct {
	Year     int
	Question int // index into store.SurveyQuestions, 0 to 2
	N        int // answers given
	Missing  int // keine Angabe
	// Shares are the categories in % of N, most positive first; NaN when
	// N is 0, since a share of nobody is not 0 %.
	Shares [5]float64
	// Positive is the share of the two most positive categories in % of N;
	// PositiveLow and PositiveHigh its 95 % Wilson interval (NaN when N
	// is 0): with n ≈ 45 a share of 70 % is only known to about ±13
	// Prozentpunkte.
	Positive                  float64
	PositiveLow, PositiveHigh float64
	positives                 float64 // count behind Positive
	// PrevYear is the year of the comparison survey, 0 without one. It
	// need not be Year-1: a conference may skip a year.
	PrevYear     int
	PrevPositive *float64
	Change       *float64 // Prozentpunkte against PrevPositive
	// ChangeBeyondNoise is true when Change is larger than sampling noise
	// (two-proportion z test, 95 %, docs/bewertung.md); only then does
	// the headline call it a change.
	ChangeBeyondNoise bool
}

// SummarizeSurvey summarises the three questions of cur, compared with
// prev where prev has answers to the question.
func SummarizeSurvey(cur store.SurveyResult, prev *store.SurveyResult) [3]SurveySummary {
	var out [3]SurveySummary
	for q := range out {
		s := summarizeQuestion(cur, q)
		if prev != nil {
			s.PrevYear = prev.ReportYear
			if p := summarizeQuestion(*prev, q); p.N > 0 {
				pos := p.Positive
				s.PrevPositive = &pos
				if s.N > 0 {
					d := s.Positive - pos
					s.Change = &d
					s.ChangeBeyondNoise = diffBeyondNoise(s.positives, float64(s.N), p.positives, float64(p.N))
				}
			}
		}
		out[q] = s
	}
	return out
}

func summarizeQuestion(r store.SurveyResult, q int) SurveySummary {
	s := SurveySummary{Year: r.ReportYear, Question: q, Missing: max(r.Missing[q], 0)}
	var counts [5]float64
	total := 0.0
	for c, n := range r.Counts[q] {
		// The store refuses negative counts; one from elsewhere counts as
		// none rather than drawing a segment backwards.
		n = max(n, 0)
		s.N = saturatingAdd(s.N, n)
		counts[c] = float64(n)
		total += counts[c]
	}
	for c := range counts {
		s.Shares[c] = percentOf(counts[c], total)
	}
	s.Positive = percentOf(counts[0]+counts[1], total)
	s.positives = counts[0] + counts[1]
	s.PositiveLow, s.PositiveHigh = Wilson(s.positives, total)
	return s
}

func percentOf(part, total float64) float64 {
	if total <= 0 {
		return math.NaN()
	}
	return part / total * 100
}

// saturatingAdd keeps five counts near math.MaxInt from wrapping round to
// a negative n.
func saturatingAdd(a, b int) int {
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}

// SurveyHeadline states the positive share of each question, one line per
// question, e.g. "Allgemeine Einschätzung: 78,3 % positiv (sehr wichtig
// oder wichtig; 95-%-Intervall 64,4–87,7 %; n = 46, keine Angabe: 2;
// Vorjahr 71,0 %, +7,3 Prozentpunkte, im Bereich zufälliger
// Schwankungen)". A change within sampling noise is said to be one.
func SurveyHeadline(s [3]SurveySummary) string {
	if !AnyAnswers(s) && s[0].Missing+s[1].Missing+s[2].Missing == 0 {
		return "Keine Antworten erfasst."
	}
	lines := make([]string, 0, len(s))
	for q, sq := range s {
		lines = append(lines, questionHeadline(q, sq))
	}
	return strings.Join(lines, "\n")
}

func questionHeadline(q int, s SurveySummary) string {
	name := store.SurveyQuestions[q]
	if s.N == 0 {
		if s.Missing > 0 {
			return fmt.Sprintf("%s: keine Antworten erfasst (keine Angabe: %s)", name, FormatCount(s.Missing))
		}
		return name + ": keine Antworten erfasst"
	}
	cats := store.SurveyCategories[q]
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s positiv (%s oder %s; 95-%%-Intervall %s–%s; n = %s, keine Angabe: %s",
		name, FormatPercent(s.Positive, 1), cats[0], cats[1], FormatNumber(s.PositiveLow, 1), FormatPercent(s.PositiveHigh, 1),
		FormatCount(s.N), FormatCount(s.Missing))
	if s.PrevPositive != nil {
		fmt.Fprintf(&b, "; %s %s", PrevName(s), FormatPercent(*s.PrevPositive, 1))
		if s.Change != nil {
			b.WriteString(", " + FormatPoints(*s.Change, 1))
			if !s.ChangeBeyondNoise {
				b.WriteString(", im Bereich zufälliger Schwankungen")
			}
		}
	}
	b.WriteString(")")
	return b.String()
}

// PrevName says "Vorjahr" only when the comparison is the year before.
func PrevName(s SurveySummary) string {
	if s.Year != 0 && s.PrevYear == s.Year-1 {
		return "Vorjahr"
	}
	return fmt.Sprintf("%d:", s.PrevYear)
}

// AnyAnswers reports whether any of the three questions has an answer.
func AnyAnswers(s [3]SurveySummary) bool {
	return s[0].N > 0 || s[1].N > 0 || s[2].N > 0
}
