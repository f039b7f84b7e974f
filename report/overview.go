package report

import "fmt"

// OverviewRow is one Kennzahl in the Übersicht, as the window, the PDF and
// the `uebersicht` command print it.
type OverviewRow struct {
	Code      string
	Statement string
	Unit      string
	// Latest is the newest computable value up to the report year
	// ("24,1 %"), NotComputable when there is none; LatestPeriod is its
	// Erhebungszeit ("1. Halbjahr 2023"), "" when there is none.
	Latest       string
	LatestPeriod string
	// Change is the difference since the base of the assessment
	// ("+2,2 Pp."), NotComputable when fewer than two values were
	// assessed; ChangeSince says since when ("seit 2011").
	Change      string
	ChangeSince string
	Level       AssessmentLevel
	// Assessment is the level's symbol, a space and its words:
	// "+ Entwicklung in Zielrichtung".
	Assessment string
	// Current says whether the report year is covered: "vorhanden" or
	// "Daten 2023 fehlen".
	Current string
}

func overviewRow(kr KeyFigureResult, year int) OverviewRow {
	k := kr.KeyFigure
	row := OverviewRow{
		Code:        k.Code,
		Statement:   k.Statement,
		Unit:        k.Unit,
		Latest:      kr.LatestText,
		Change:      kr.Change.Text,
		ChangeSince: kr.Change.Since,
		Level:       kr.Assessment.Level,
		Assessment:  kr.Assessment.Level.Symbol() + " " + kr.Assessment.Level.Label(),
		Current:     "vorhanden",
	}
	if kr.HasLatest {
		row.LatestPeriod = kr.Latest.Period.Label()
	}
	if kr.MissingCurrent {
		row.Current = fmt.Sprintf("Daten %d fehlen", year)
	}
	return row
}
