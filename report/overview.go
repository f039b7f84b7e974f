package report

import (
	"fmt"
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// OverviewRow is one Kennzahl in the Übersicht, as the window, the PDF and
// the `uebersicht` command print it.
type OverviewRow struct {
	Code      string
	Statement string
	Unit      string
	// Measure names what the headline series measures, with its unit:
	// "Arbeitslosenindex: Ausländer/innen (in %)".
	Measure string
	// Latest is the newest computable value up to the report year
	// ("24,1 %"), NotComputable when there is none; LatestPeriod is its
	// Erhebungszeit ("1. Halbjahr 2023"), "" when there is none.
	Latest       string
	LatestPeriod string
	// Reference is the reference value at LatestPeriod with its label
	// ("23,5 % (Insgesamt)"), "" when the Kennzahl has no reference.
	Reference string
	// Change is the difference since the base of the assessment
	// ("+2,2 Pp."), NotComputable when fewer than two values were
	// assessed; ChangeSince says since when ("seit 2011").
	Change      string
	ChangeSince string
	// ChangePrev is the difference since the latest value of the previous
	// report year ("−0,4 Pp."), NotComputable when there is none;
	// ChangePrevSince says since when ("seit 1. Halbjahr 2024").
	ChangePrev      string
	ChangePrevSince string
	Level           AssessmentLevel
	// Assessment is the level's symbol, a space and its words:
	// "+ Entwicklung in Zielrichtung".
	Assessment string
	// Shape is the level's shape symbol (Level.Shape), legible in
	// greyscale.
	Shape string
	// Current says whether the report year is covered: "vorhanden" or
	// "Daten 2023 fehlen".
	Current string
}

// Shape is a symbol of the level that differs by shape, not only by
// colour, so that a greyscale print keeps the Bewertung: ★ Ziel
// erreicht, ▲ in Zielrichtung, ▶ unverändert, ▼ gegen Zielrichtung,
// ○ nicht bewertbar, ? zu wenig Daten.
func (l AssessmentLevel) Shape() string {
	switch l {
	case GoalReached:
		return "★"
	case TowardGoal:
		return "▲"
	case NoChange:
		return "▶"
	case AgainstGoal:
		return "▼"
	case NotAssessable:
		return "○"
	}
	return "?"
}

// overviewRow is the Übersicht's row of kr. The Übersicht is printed in
// the report, so every number in it comes from the published result.
func overviewRow(kr KeyFigureResult, year int) OverviewRow {
	k, pub := kr.KeyFigure, kr.Published
	lv := pub.Assessment.Level
	row := OverviewRow{
		Code:        k.Code,
		Statement:   k.Statement,
		Unit:        k.Unit,
		Measure:     MeasureLabel(k),
		Latest:      kr.LatestText,
		Change:      kr.Change.Text,
		ChangeSince: kr.Change.Since,
		ChangePrev:  NotComputable,
		Level:       lv,
		Assessment:  lv.Symbol() + " " + lv.Label(),
		Shape:       lv.Shape(),
		Current:     "vorhanden",
	}
	if kr.HasLatest {
		row.LatestPeriod = kr.Latest.Period.Label()
		row.Reference = referenceAt(pub, kr.Latest.Period)
		// A change to or from a hidden value would give it back.
		if prev, ok := latestBefore(pub, year, kr.Latest.Period); ok && prev.OK && kr.Latest.OK {
			row.ChangePrev = shortChange(prev.Value, kr.Latest.Value, k.Unit)
			row.ChangePrevSince = "seit " + prev.Period.Label()
		}
	}
	if kr.MissingCurrent {
		row.Current = fmt.Sprintf("Daten %d fehlen", year)
	}
	return row
}

// referenceAt is the reference value at period p with its label.
func referenceAt(r Result, p store.Period) string {
	ref, constant := referenceSeries(r)
	switch {
	case ref == nil:
		return ""
	case constant:
		return strings.TrimSpace(ref.Label) // its label states it ("ausgeglichen (1,0)")
	}
	return seriesAt(*ref, p, r.KeyFigure.Unit)
}

// referenceSeries is what the headline is compared with, for the
// Übersicht and the sentence alike: where the Bewertung compares it with
// another series of the Kennzahl (A-K1: Ausländer/innen with Deutsche,
// because "Insgesamt" contains them), that series, else the catalogue's
// reference. constant says the reference is a number ("1", "0") whose
// label states it.
func referenceSeries(r Result) (ref *SeriesResult, constant bool) {
	if rule := ruleFor(r.KeyFigure); rule.kind == judgeParity && rule.series == 0 && rule.compare > 0 && rule.compare < len(r.Series) {
		return &r.Series[rule.compare], false
	}
	if r.Reference == nil {
		return nil, false
	}
	return r.Reference, r.KeyFigure.Reference != nil && !inputRef.MatchString(r.KeyFigure.Reference.Formula)
}

// seriesAt is the value of s at period p with the series' label.
func seriesAt(s SeriesResult, p store.Period, unit string) string {
	label := strings.TrimSpace(s.Label)
	for _, pt := range s.Points {
		if pt.Period == p {
			return PointText(pt, unit) + " (" + label + ")"
		}
	}
	return NotComputable + " (" + label + ")"
}

// latestBefore is the newest headline value of a year before the report
// year and before latest: the value the previous report printed. A
// school year 2024/25 lies in the year 2024 but is the report year 2025's
// latest when 2025/26 is missing, hence the second bound. The point may
// be Suppressed (the previous report printed ".").
func latestBefore(r Result, year int, latest store.Period) (Point, bool) {
	if len(r.Series) == 0 || year == 0 {
		return Point{}, false
	}
	pts := r.Series[0].Points
	for i := len(pts) - 1; i >= 0; i-- {
		if p := pts[i]; (p.OK || p.Suppressed) && p.Period.Year() < year && p.Period.Compare(latest) < 0 {
			return p, true
		}
	}
	return Point{}, false
}

// IndicatorState is one Wirkungsindikator in the Übersicht: whether the
// report year has what it asks for.
type IndicatorState struct {
	Code, Title string
	Kind        store.IndicatorKind
	// State says it in words: "Bericht liegt vor (3 Instrumente)",
	// "kein Bericht für 2025", "Befragung 2025: n = 48 …".
	State string
	// Present is false when the report year has nothing for it.
	Present bool
}

// IndicatorStates lists the Wirkungsindikatoren of the catalogue with
// their state in the report year.
func (e *Evaluation) IndicatorStates(texts *store.ReportTexts) []IndicatorState {
	if e.Catalog == nil {
		return nil
	}
	if texts == nil {
		texts = &store.ReportTexts{}
	}
	var out []IndicatorState
	for _, f := range e.Catalog.Fields {
		for _, w := range f.Indicators {
			s := IndicatorState{Code: w.Code, Title: w.Title, Kind: w.Kind}
			switch w.Kind {
			case store.Survey:
				if c := e.Survey.Current; c != nil {
					s.Present = true
					n := 0
					for _, q := range e.Survey.CurrentAlone {
						n = max(n, q.N)
					}
					s.State = fmt.Sprintf("Befragung %d: n = %d", e.Year, n)
					if h := strings.TrimSpace(e.Survey.Headline); h != "" {
						s.State += "; " + h
					}
				} else {
					s.State = fmt.Sprintf("keine Befragung %d", e.Year)
				}
			case store.Participation:
				if n := len(e.Participation[w.Code]); n > 0 && strings.TrimSpace(e.ParticipationText[w.Code]) != "" {
					s.Present, s.State = true, fmt.Sprintf("Werte liegen vor (%d %s)", n, pluralize(n, "Tabelle", "Tabellen"))
				} else {
					s.State = fmt.Sprintf("keine Werte bis %d", e.Year)
				}
			default:
				txt := strings.TrimSpace(texts.Texts[w.Code].Text)
				n := len(texts.Instruments[w.Code])
				switch {
				case txt != "":
					s.Present, s.State = true, "Bericht liegt vor"
				default:
					s.State = fmt.Sprintf("kein Bericht für %d", e.Year)
				}
				if n > 0 {
					s.Present = true
					s.State += fmt.Sprintf(" (%d %s)", n, pluralize(n, "Instrument", "Instrumente"))
				}
			}
			out = append(out, s)
		}
	}
	return out
}
