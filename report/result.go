package report

import "bergischgladbach.de/integrationsmonitor/store"

// Point is one computed value of a series in one period. When OK is false
// Reason says in German why it is "nicht berechenbar" (missing input, an
// official symbol, a zero denominator); Value is then meaningless.
type Point struct {
	Period      store.Period
	Value       float64
	OK          bool
	Reason      string
	Provisional bool // an input was vorläufig or geschätzt
	Demo        bool // an input was Beispieldaten
}

// SeriesResult is a computed line of a Kennzahl (or its reference line),
// points ordered by period.
type SeriesResult struct {
	Label  string
	Points []Point
}

// AssessmentLevel is the Bewertung of a Kennzahl's development.
type AssessmentLevel int

// Bewertungen, from best to worst; TooLittleData when no rule applies.
const (
	TooLittleData AssessmentLevel = iota
	GoalReached
	TowardGoal
	NoChange
	AgainstGoal
	NotAssessable // Zielrichtung still open (seed: "klärt sich erst …")
)

// Assessment is the Bewertung with the numbers it rests on.
type Assessment struct {
	Level  AssessmentLevel
	Symbol string // short sign for tables, e.g. "▲" — see Label/Symbol methods
	Text   string // German explanation, one or two sentences
	From   Point  // base period used
	To     Point  // latest period used
	// N is the number of computed values from From to To that the
	// assessment rests on.
	N int
	// Rate is the annual relative change the level was decided on: of the
	// value (steigt, sinkt) or of its distance to the reference (nähert
	// sich der Referenz an, ausgeglichen); 0.012 is +1,2 % per year. NaN
	// when no rate was computed.
	Rate float64
}

// Result is everything computed for one Kennzahl: its series, the
// reference, the assessment and the German sentence for UI and PDF.
type Result struct {
	KeyFigure store.KeyFigure
	Series    []SeriesResult
	Reference *SeriesResult
	// Regions are the comparison regions the file holds values for
	// (Kreis, NRW …), filled by Evaluate; Compute leaves them out.
	Regions    []RegionSeries
	Assessment Assessment
	Sentence   string
	// MissingCurrent is true when no value exists for the report year.
	MissingCurrent bool
	// Demo is true when any input of any series is Beispieldaten, so that
	// every output can say so.
	Demo bool
}
