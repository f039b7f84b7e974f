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
	// Suppressed marks a point of a published result (KeyFigureResult.
	// Published) that rests on a hidden count: OK is false, Reason is
	// SuppressedReason, and it is printed as ".".
	Suppressed bool
	// Numerator and Denominator are the counts of a share whose formula is
	// a simple ratio ("G2.auslaender / G1.auslaender * 100", also with a
	// sum as denominator); Denominator is 0 when the formula is not such a
	// ratio or the counts do not form a share. The assessment uses them for
	// its sampling-noise test (docs/bewertung.md).
	Numerator, Denominator float64
	// Var is the sampling variance of Value in its unit squared
	// (Prozentpunkte² for a share or a difference of shares), Count the
	// smallest denominator of the shares Value rests on; both are 0 unless
	// the formula is a share, a difference or a ratio of two shares.
	Var, Count float64
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
	// BaseYear is the base period the long-term window starts at (the
	// setting "basisjahr"); 0 when the window starts at the first value.
	BaseYear int
	// Long is the assessment since the base period, Short that of the last
	// five years up to the report year. The headline (Level, Symbol, Text,
	// From, To, N, Rate) is Long; docs/bewertung.md says why.
	Long, Short WindowAssessment
}

// WindowAssessment is the Bewertung of one time window: what was judged,
// its robust trend and whether the change exceeds sampling noise.
type WindowAssessment struct {
	Level  AssessmentLevel
	Symbol string
	Text   string // German, one or two sentences
	// FromYear and ToYear bound the window (inclusive); From and To are
	// the first and last values of the headline series the window judged
	// (after the last series break in it).
	FromYear, ToYear int
	From, To         Point
	N                int
	// Judged names, in German, the quantity the level rests on ("Anteil",
	// "Abstand zur Parität (Verhältnis zu Deutsche)").
	Judged string
	// Slope is the Theil–Sen slope of the judged quantity per year in its
	// own unit (Prozentpunkte, Fälle, or the parity distance); Rate the
	// relative change per year the level was decided on. NaN when none.
	Slope, Rate float64
	// Noise is true when the change lies within sampling noise (verdict
	// "="); Count is the typical denominator behind that test, 0 when the
	// counts are unknown.
	Noise bool
	Count float64
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
	// Breaks are the Zeitreihenbrüche of the Kennzahl (KeyFigureBreaks);
	// Evaluate fills them.
	Breaks []Break
}
