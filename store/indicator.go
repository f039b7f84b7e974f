package store

import "time"

// IndicatorText is the report-style text ("Aktueller Wert / Bericht") of a
// Wirkungsindikator for one report year.
type IndicatorText struct {
	Indicator  string
	ReportYear int
	Text       string
	UpdatedAt  time.Time
}

// Instrument is one instrument enumerated where the seed asks for "Anzahl
// und Charakter … in Berichtsform".
type Instrument struct {
	ID          int64
	Indicator   string
	ReportYear  int
	Sort        int
	Name        string
	Description string // Charakter / short description
	Provider    string // Träger
	Count       *int   // Anzahl (of offers, meetings …); nil when not given
}

// SurveyQuestions are the three questions of the Integrationskonferenz
// survey (C-W1), in the seed's order.
var SurveyQuestions = []string{"Allgemeine Einschätzung", "Nutzwert", "Gemeinsame Interessen/Ziele"}

// SurveyCategories are the five answer categories per question, from the
// most positive. Questions 1 and 2 ask "wie wichtig/hoch", question 3 "wie
// oft", so question 3 has its own labels.
var SurveyCategories = [3][5]string{
	{"sehr wichtig", "wichtig", "teils/teils", "weniger wichtig", "überhaupt nicht wichtig"},
	{"sehr hoch", "hoch", "teils/teils", "gering", "überhaupt kein Nutzen"},
	{"sehr oft", "oft", "manchmal", "selten", "eigentlich nie"},
}

// SurveyResult holds the answers of one year: Counts[q][c] for question q
// (0..2) and category c (0..4, most positive first), Missing[q] the number
// of participants who did not answer question q.
type SurveyResult struct {
	ReportYear int
	Counts     [3][5]int
	Missing    [3]int
}

// MigrationEstimate is the Statistikdienststelle's Stellungnahme on the
// number of residents with Migrationshintergrund (seed 3.4).
type MigrationEstimate struct {
	ReportYear    int
	ReferenceDate string   // Stichtag, ISO date
	Persons       *float64 // estimated number
	Share         *float64 // estimated share in %
	Method        string   // Ausländerstatistik, Mikrozensus, Einwohnerdatei …
	Definition    string
	Statement     string // the Stellungnahme's text
}

// ReportSettings are the per-year texts and options of the Monitoring-Bericht.
type ReportSettings struct {
	ReportYear int
	Title      string
	Author     string
	Foreword   string
	Closing    string
}
