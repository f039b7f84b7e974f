package report

import (
	"math"
	"slices"
	"strings"
	"time"

	"bergischgladbach.de/integrationsmonitor/report/disclosure"
	"bergischgladbach.de/integrationsmonitor/store"
)

// Input is what one evaluation rests on: the file's state for one report
// year and the few facts from outside the file.
type Input struct {
	Snapshot *store.Snapshot
	// Texts holds surveys, texts and settings of the report year; nil
	// when the caller needs no survey comparison.
	Texts *store.ReportTexts
	// Year is the report year: the latest values, changes and the
	// Datenlieferungen are those up to and including it.
	Year int
	// SmallCount is the small-count threshold: published tables hide
	// counts from 1 to SmallCount-1. Zero means store.DefaultSmallCount.
	SmallCount int
	// BaseYear starts the long-term Bewertung (setting "basisjahr"); zero
	// means store.DefaultBaseYear.
	BaseYear int
	// Demo is true when the file is a Beispieldatei.
	Demo bool
	// Today dates the Datenlieferungen; zero leaves them out.
	Today time.Time
	// ChangeFactor is the plausibility rule's change factor
	// (store.Settings.ChangeFactor); zero means store.DefaultChangeFactor.
	ChangeFactor float64
}

// Evaluation is everything the window, the PDF, the exports and the
// `uebersicht` command show of one file state and report year. It is built
// once by Evaluate; presentations only format and arrange it, so that they
// cannot disagree about a latest value, a change, a verdict, a mark or a
// suppressed count.
type Evaluation struct {
	Year       int
	SmallCount int
	// Demo is true when the file is a Beispieldatei or any value is
	// Beispieldaten.
	Demo    bool
	Catalog *store.Catalog
	// KeyFigures holds every Kennzahl in catalogue order.
	KeyFigures []KeyFigureResult
	// Overview is one row per Kennzahl, in catalogue order.
	Overview []OverviewRow
	// Participation holds the tables of each Beteiligung indicator by its
	// code, for the last ParticipationYears years up to Year, one per
	// Grundzahl; ParticipationText the sentence on the latest periods.
	Participation     map[string][]ParticipationTable
	ParticipationText map[string]string
	// Survey is the Integrationskonferenz survey of Year with the survey
	// it is compared with.
	Survey SurveyComparison
	// Deliveries is the Datenlieferungen list as of Input.Today: open ones
	// (teilweise, fällig, überfällig, fehlt) first, each part by due date.
	Deliveries []Delivery
	// OpenDeliveries counts the open ones at the head of Deliveries.
	OpenDeliveries int
	// Values are all values stored in the file, for the exports.
	Values []store.Value
	// Sources are the distinct sources the values up to Year name, sorted.
	Sources []string
	// Findings are the open plausibility findings (CheckPlausibility) of
	// the values up to Year; the report lists them in its annex.
	Findings []Finding
	Summary

	ix     valueIndex
	comp   *computation // for assessing the published view again
	byCode map[string]int
	disc   *disclosure.Result[discKey]
	// breakdownsByCode: see Breakdowns (breakdown.go).
	breakdownsByCode map[string][]Breakdown
}

// KeyFigureResult is the evaluation of one Kennzahl: its computation
// (series, reference, assessment, sentence) and what every presentation
// prints of it.
type KeyFigureResult struct {
	// Result is the full computation, which the window (internal) shows.
	Result
	// Published is what the report and the exports print: Result with
	// the points that rest on a hidden count Suppressed, and the
	// assessment and sentence made on the points left. Latest, Change
	// and the Übersicht rest on it.
	Published Result
	// Latest is the newest computable value of the headline series up to
	// and including the report year; HasLatest is false when there is none.
	Latest    Point
	HasLatest bool
	// LatestText is Latest as printed ("24,1 %", with " p" when
	// provisional), NotComputable when there is none.
	LatestText string
	Change     Change
	// Recent are the last RecentPeriods periods of the headline series up
	// to the report year, oldest first: the rows of the tables of values.
	Recent []store.Period
}

// RecentPeriods is how many periods the tables of a Kennzahl show; the
// chart shows the whole series.
const RecentPeriods = 6

// Change is the difference between the two values the assessment
// compares.
type Change struct {
	From, To Point
	// OK is false when fewer than two values were assessed.
	OK bool
	// Text is the difference in the unit's convention ("+2,2 Pp.",
	// "+120 (+3,4 %)"), NotComputable when not OK.
	Text string
	// Since is "seit 2011" or "" when not OK.
	Since string
}

// Evaluate builds the evaluation of in. It never fails: what cannot be
// computed is marked as such in the results.
func Evaluate(in Input) *Evaluation {
	snap := in.Snapshot
	if snap == nil {
		snap = &store.Snapshot{}
	}
	s := *snap
	s.ReportYear = in.Year
	e := &Evaluation{
		Year:       in.Year,
		SmallCount: in.SmallCount,
		Demo:       in.Demo,
		Catalog:    s.Catalog,
		byCode:     map[string]int{},
	}
	if e.SmallCount <= 0 {
		e.SmallCount = store.DefaultSmallCount
	}
	// The city's value of a Grundzahl counted per school is the sum of the
	// schools (schools.go); the exported values stay those of the file.
	summed := s
	summed.Values = withSchoolSums(s.Catalog, s.Values)
	c := newComputation(&summed, func(string) bool { return true })
	if in.BaseYear > 0 {
		c.baseYear = in.BaseYear
	}
	// e.Catalog stays nil for a snapshot without one, so that a
	// presentation can refuse it; the computation runs on an empty one.
	e.ix, e.comp = c.ix, c
	s.Catalog = c.cat
	for _, k := range c.cat.KeyFigures() {
		kr := evaluateKeyFigure(c.withRegions(c.compute(k)), in.Year)
		kr.Breaks = KeyFigureBreaks(&s, k)
		e.Demo = e.Demo || kr.Demo
		e.byCode[k.Code] = len(e.KeyFigures)
		e.KeyFigures = append(e.KeyFigures, kr)
		e.Overview = append(e.Overview, overviewRow(kr, in.Year))
	}
	e.evaluateBreakdowns(c)
	e.evaluateParticipation(&s)
	e.suppress(s.Values)
	e.Survey = compareSurvey(in.Texts, in.Year)
	if !in.Today.IsZero() {
		e.Deliveries, e.OpenDeliveries = openFirst(Deliveries(c.cat, s.Values, in.Year, in.Today))
	}
	e.Values = s.Values
	e.Demo = e.Demo || slices.ContainsFunc(s.Values, func(v store.Value) bool { return v.Demo })
	e.Sources = valueSources(s.Values, in.Year)
	e.Findings = findingsUpTo(CheckPlausibility(&s, in.ChangeFactor), in.Year)
	e.summarize(in, c.cat, s.Values)
	return e
}

// KeyFigure returns the evaluation of the Kennzahl with code.
func (e *Evaluation) KeyFigure(code string) (*KeyFigureResult, bool) {
	i, ok := e.byCode[code]
	if !ok {
		return nil, false
	}
	return &e.KeyFigures[i], true
}

func evaluateKeyFigure(r Result, year int) KeyFigureResult {
	kr := KeyFigureResult{Result: r, Published: r, LatestText: NotComputable}
	var headline []Point
	if len(r.Series) > 0 {
		headline = r.Series[0].Points
	}
	for i := len(headline) - 1; i >= 0; i-- {
		if p := headline[i]; (p.OK || p.Suppressed) && (year == 0 || p.Period.Year() <= year) {
			kr.Latest, kr.HasLatest = p, true
			kr.LatestText = PointText(p, r.KeyFigure.Unit)
			break
		}
	}
	kr.Change = change(r.Assessment, r.KeyFigure.Unit)
	for _, p := range headline {
		if year == 0 || p.Period.Year() <= year {
			kr.Recent = append(kr.Recent, p.Period)
		}
	}
	kr.Recent = kr.Recent[max(0, len(kr.Recent)-RecentPeriods):]
	return kr
}

// change is the difference the assessment rests on, short enough for a
// table column: shares in Prozentpunkte ("Pp.", explained in the report's
// Zeichenerklärung), indices with two decimals, counts with their
// relative change.
func change(a Assessment, unit string) Change {
	c := Change{From: a.From, To: a.To, Text: NotComputable}
	if a.N < 2 || !a.From.OK || !a.To.OK || a.From.Period == a.To.Period {
		return c
	}
	c.OK = true
	c.Text = shortChange(a.From.Value, a.To.Value, unit)
	c.Since = "seit " + a.From.Period.Label()
	return c
}

func shortChange(from, to float64, unit string) string {
	d := to - from
	switch unit {
	case "%", "Prozentpunkte":
		return FormatSigned(d, 1) + nbsp + "Pp."
	case "Index", "Verhältnis":
		return FormatSigned(d, 2)
	}
	s := FormatSignedAuto(d)
	if from > 0 && !math.IsInf(d/from, 0) {
		s += " (" + FormatSigned(d/from*100, 1) + nbsp + "%)"
	}
	return s
}

// PointText writes a computed value of a Kennzahl: the number in its unit,
// " p" when it rests on a provisional or estimated input, NotComputable
// when it could not be computed.
func PointText(p Point, unit string) string {
	if p.Suppressed {
		return string(store.SymUnknown)
	}
	if !p.OK {
		return NotComputable
	}
	s := FormatValue(p.Value, store.NoSymbol, unit)
	if p.Provisional {
		s += ProvisionalMark
	}
	return s
}

// ProvisionalMark follows a provisional number (DIN 55301 "p"); a
// computed value carries it when any input was vorläufig or geschätzt.
const ProvisionalMark = nbsp + "p"

// EstimatedMark follows an estimated number, as in the tables of the
// statistical offices ("s" geschätzt).
const EstimatedMark = nbsp + "s"

func openFirst(ds []Delivery) ([]Delivery, int) {
	open := 0
	for _, d := range ds {
		if d.Status.Open() {
			open++
		}
	}
	// Stable: within each part the order by due date stays.
	slices.SortStableFunc(ds, func(a, b Delivery) int { return falseFirst(!a.Status.Open(), !b.Status.Open()) })
	return ds, open
}

// Open reports whether a delivery is still to be chased: teilweise,
// fällig, überfällig or fehlt.
func (s DeliveryStatus) Open() bool {
	return s == DeliveryPartial || s == DeliveryDue || s == DeliveryOverdue || s == DeliveryMissing
}

// valueSources are the distinct sources named by the values up to the
// report year, for the list of data sources.
func valueSources(values []store.Value, year int) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range values {
		s := strings.TrimSpace(v.Source)
		// The year last: it parses the period, and there are many values
		// but few sources.
		if s == "" || seen[s] || year > 0 && v.Period.Year() > year {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}
