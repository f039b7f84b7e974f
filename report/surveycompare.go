package report

import "bergischgladbach.de/integrationsmonitor/store"

// SurveyComparison is the Integrationskonferenz survey (C-W1) of the report
// year and the survey it is compared with: the newest earlier survey that
// has answers, which need not be the year before (a conference may skip a
// year).
type SurveyComparison struct {
	// Current is the report year's survey, nil when none is stored.
	Current *store.SurveyResult
	// Previous is the comparison survey, nil when there is none.
	Previous *store.SurveyResult
	// Summary summarises Current (or an empty survey of the report year)
	// against Previous; Headline is its German text.
	Summary  [3]SurveySummary
	Headline string
	// CurrentAlone and PreviousAlone summarise each survey on its own, for
	// a table with one column block per year.
	CurrentAlone, PreviousAlone [3]SurveySummary
}

// compareSurvey picks the report year's survey and its comparison from
// texts, which hold the surveys up to the report year.
func compareSurvey(texts *store.ReportTexts, year int) SurveyComparison {
	var sc SurveyComparison
	if texts != nil {
		for i := range texts.Surveys {
			s := &texts.Surveys[i]
			switch {
			case s.ReportYear == year && hasAnswers(*s):
				sc.Current = s
			case s.ReportYear < year && hasAnswers(*s) && (sc.Previous == nil || s.ReportYear > sc.Previous.ReportYear):
				sc.Previous = s
			}
		}
	}
	cur := store.SurveyResult{ReportYear: year}
	if sc.Current != nil {
		cur = *sc.Current
		sc.CurrentAlone = SummarizeSurvey(cur, nil)
	}
	if sc.Previous != nil {
		sc.PreviousAlone = SummarizeSurvey(*sc.Previous, nil)
	}
	sc.Summary = SummarizeSurvey(cur, sc.Previous)
	sc.Headline = SurveyHeadline(sc.Summary)
	return sc
}

// hasAnswers reports whether any question of r has an answer or a
// "keine Angabe": a survey saved with nothing in it is no survey.
func hasAnswers(r store.SurveyResult) bool {
	for q := range r.Counts {
		if r.Missing[q] > 0 {
			return true
		}
		for _, n := range r.Counts[q] {
			if n > 0 {
				return true
			}
		}
	}
	return false
}
