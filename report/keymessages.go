package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// The key messages of "Das Wichtigste in Kürze" are drafted from the
// evaluation, so that a council member learns in a minute what the
// report says: how the Kennzahlen developed overall, the largest
// progress, the largest setbacks, and what is still missing. She may
// replace them with her own (store.OwnTexts.KeyMessages).

// maxProgress and maxSetbacks bound the messages on single Kennzahlen;
// with the overall and the missing message there are at most six.
const (
	maxProgress = 2
	maxSetbacks = 2
)

// MeasureLabel names in a few words what a Kennzahl's headline series
// measures, with its unit: "Arbeitslosenindex: Ausländer/innen (in %)".
func MeasureLabel(k store.KeyFigure) string {
	s := measureOf(k)
	if u := unitShort(k.Unit); u != "" {
		s += " (" + u + ")"
	}
	return s
}

// measureOf is Measure with the headline series named when the Kennzahl
// has several ("Arbeitslosenindex: Ausländer/innen").
func measureOf(k store.KeyFigure) string {
	m := Measure(k)
	if len(k.Series) < 2 {
		return m
	}
	if label := strings.TrimSpace(k.Series[0].Label); label != "" && !strings.Contains(strings.ToLower(m), strings.ToLower(label)) {
		m += ": " + label
	}
	return m
}

func unitShort(unit string) string {
	switch unit {
	case "%":
		return "in\u00a0%"
	case "Prozentpunkte":
		return "in Pp."
	}
	return ""
}

// keySubject is the subject of a key message: "Der Anteil „Ausländer/innen“
// (A-K1)".
func keySubject(k store.KeyFigure) string {
	subject := subjectFor(k.Unit)
	label := ""
	if len(k.Series) > 0 {
		label = strings.TrimSpace(k.Series[0].Label)
	}
	article, noun, _ := strings.Cut(subject, " ")
	switch {
	case label == "" || strings.EqualFold(label, noun):
	case strings.HasPrefix(strings.ToLower(label), strings.ToLower(noun)):
		subject = article + " " + label
	default:
		subject += " „" + label + "“"
	}
	return subject + " (Kennzahl " + k.Code + ")"
}

// keyMessage is the message on one Kennzahl's development. Like every
// published text it rests on the published result: the internal
// assessment may quote a hidden value.
func keyMessage(kr KeyFigureResult) string {
	k, a := kr.KeyFigure, kr.Published.Assessment
	s := changeClause(keySubject(k), a.From, a.To, k.Unit)
	switch a.Level {
	case GoalReached:
		s += " – das Ziel ist erreicht."
	case TowardGoal:
		s += " – eine Entwicklung in Zielrichtung."
	case AgainstGoal:
		s += fmt.Sprintf(" – eine Entwicklung gegen die Zielrichtung (%s).", k.Direction.Label())
	default:
		s += "."
	}
	return s
}

// strength orders developments: the larger the annual rate, the more a
// Kennzahl moved; without a rate the number of values decides.
func strength(kr KeyFigureResult) float64 {
	if r := kr.Published.Assessment.Rate; !math.IsNaN(r) {
		return math.Abs(r)
	}
	return 0
}

func (e *Evaluation) draftKeyMessages() []string {
	var progress, setbacks []KeyFigureResult
	count := map[AssessmentLevel]int{}
	assessed := 0
	for _, kr := range e.KeyFigures {
		lv := kr.Published.Assessment.Level
		count[lv]++
		if lv != TooLittleData && lv != NotAssessable {
			assessed++
		}
		if !kr.Change.OK {
			continue
		}
		switch lv {
		case GoalReached, TowardGoal:
			progress = append(progress, kr)
		case AgainstGoal:
			setbacks = append(setbacks, kr)
		}
	}
	byStrength := func(a, b KeyFigureResult) int {
		return cmp.Or(cmp.Compare(strength(b), strength(a)), strings.Compare(a.KeyFigure.Code, b.KeyFigure.Code))
	}
	slices.SortStableFunc(progress, byStrength)
	slices.SortStableFunc(setbacks, byStrength)

	var out []string
	if assessed == 0 {
		out = append(out, fmt.Sprintf("Für das Berichtsjahr %d liegen noch zu wenige Werte vor, um die Entwicklung der Kennzahlen zu bewerten.", e.Year))
	} else {
		s := fmt.Sprintf("Von %s bewerteten Kennzahlen entwickeln sich %s in Zielrichtung", countWord(assessed), countWord(count[GoalReached]+count[TowardGoal]))
		if count[GoalReached] > 0 {
			s += fmt.Sprintf(" (bei %s ist das Ziel erreicht)", countWord(count[GoalReached]))
		}
		s += fmt.Sprintf(", %s gegen die Zielrichtung; %s %s sich nicht wesentlich verändert.",
			countWord(count[AgainstGoal]), countWord(count[NoChange]), verbHas(count[NoChange]))
		out = append(out, s)
	}
	for _, kr := range progress[:min(len(progress), maxProgress)] {
		out = append(out, keyMessage(kr))
	}
	for _, kr := range setbacks[:min(len(setbacks), maxSetbacks)] {
		out = append(out, keyMessage(kr))
	}
	out = append(out, e.missingMessage())
	return out
}

// missingMessage says what the report still lacks: deliveries of the
// report year and Kennzahlen without any value.
func (e *Evaluation) missingMessage() string {
	var parts []string
	if n := len(e.Missing); n > 0 {
		parts = append(parts, fmt.Sprintf("%s %s für %d noch aus", countWord(n), pluralize(n, "Datenlieferung steht", "Datenlieferungen stehen"), e.Year))
	}
	if n := len(e.NoValues); n > 0 {
		parts = append(parts, fmt.Sprintf("für %s liegen noch keine Werte vor (%s)", pluralize(n, "die Kennzahl", fmt.Sprintf("die %d Kennzahlen", n)), strings.Join(e.NoValues, ", ")))
	}
	if len(parts) == 0 {
		return fmt.Sprintf("Alle Datenlieferungen für %d sind eingegangen.", e.Year)
	}
	s := strings.Join(parts, "; ")
	s = strings.ToUpper(s[:1]) + s[1:] + "."
	if e.Draft {
		s += " Der Bericht ist deshalb ein Entwurf."
	}
	return s
}

func pluralize(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func verbHas(n int) string { return pluralize(n, "hat", "haben") }

// countWord writes a count in prose: "keine" rather than "0".
func countWord(n int) string {
	if n == 0 {
		return "keine"
	}
	return fmt.Sprint(n)
}
