package report_test

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

var testGroups = []store.Group{
	{Code: "insgesamt", Name: "Insgesamt"},
	{Code: "deutsche", Name: "Deutsche"},
	{Code: "auslaender", Name: "Ausländer/innen"},
}

// bevölkerung is the shared population figure, delivered per Stichtag.
var bevoelkerung = store.BaseFigure{Code: "BEV", Alias: "BEV", Name: "Bevölkerung", Unit: "Anzahl",
	PeriodKind: store.DatePeriod, Groups: []string{"insgesamt", "deutsche", "auslaender"}, Areas: []string{"stadt"}}

func baseFigure(code, alias, name string, kind store.PeriodKind) store.BaseFigure {
	return store.BaseFigure{Code: code, Alias: alias, Name: name, Unit: "Anzahl", PeriodKind: kind,
		Groups: []string{"insgesamt", "deutsche", "auslaender"}, Areas: []string{"stadt", "kreis"}}
}

// unemploymentIndex is shaped like A-K1: a half-yearly Arbeitslosenindex.
var unemploymentIndex = store.KeyFigure{
	Code: "T-K1", Direction: store.ToReference, Unit: "%", Area: "stadt",
	Series:    []store.Series{{Label: "Ausländer/innen", Formula: "G1.auslaender / (G1.auslaender + G2.auslaender) * 100"}},
	Reference: &store.Series{Label: "Insgesamt", Formula: "G1.insgesamt / (G1.insgesamt + G2.insgesamt) * 100"},
	BaseFigures: []store.BaseFigure{
		baseFigure("T-K1-G1", "G1", "Arbeitslose", store.HalfYearPeriod),
		baseFigure("T-K1-G2", "G2", "Sozialversicherungspflichtig Beschäftigte am Wohnort", store.HalfYearPeriod),
	},
}

// populationShare is shaped like A-K2: a yearly share against the
// population share from the shared Stichtag figure.
var populationShare = store.KeyFigure{
	Code: "T-K2", Direction: store.ToReference, Unit: "%",
	Series:      []store.Series{{Label: "Anteil an den Arbeitsuchenden", Formula: "G1.auslaender / G1.insgesamt * 100"}},
	Reference:   &store.Series{Label: "Anteil an der Bevölkerung", Formula: "BEV.auslaender / BEV.insgesamt * 100"},
	BaseFigures: []store.BaseFigure{baseFigure("T-K2-G1", "G1", "Arbeitsuchende", store.YearPeriod)},
}

// schoolShare reads per school year against the population share.
var schoolShare = store.KeyFigure{
	Code: "T-K3", Direction: store.ToReference, Unit: "%", Area: "stadt",
	Series:      []store.Series{{Label: "Anteil", Formula: "G1.auslaender / G1.insgesamt * 100"}},
	Reference:   &store.Series{Label: "Bevölkerung", Formula: "BEV.auslaender / BEV.insgesamt * 100"},
	BaseFigures: []store.BaseFigure{baseFigure("T-K3-G1", "G1", "Schüler/innen", store.SchoolYearPeriod)},
}

// representation is shaped like A-K4: a Repräsentationsindex against 1.
var representation = store.KeyFigure{
	Code: "T-K4", Direction: store.ToReference, Unit: "Index", Area: "stadt",
	Series:    []store.Series{{Label: "Repräsentationsindex", Formula: "(G1.auslaender / G1.insgesamt) / (G2.auslaender / G2.insgesamt)"}},
	Reference: &store.Series{Label: "Bevölkerungsstruktur (1,0)", Formula: "1"},
	BaseFigures: []store.BaseFigure{
		baseFigure("T-K4-G1", "G1", "Schulabgänger/innen mit Hochschulreife", store.YearPeriod),
		baseFigure("T-K4-G2", "G2", "Schulabgänger/innen insgesamt", store.YearPeriod),
	},
}

func testCatalog(kfs ...store.KeyFigure) *store.Catalog {
	return &store.Catalog{
		Fields:      []store.Field{{Code: "T", KeyFigures: kfs}},
		BaseFigures: []store.BaseFigure{bevoelkerung},
		Areas:       []store.Area{{Code: "stadt"}, {Code: "kreis"}},
		Groups:      testGroups,
	}
}

// val is a delivered number for the city.
func val(bf, period, group string, n float64) store.Value {
	return store.Value{BaseFigure: bf, Period: store.Period(period), Area: "stadt", Group: group, Number: n}
}

func sym(bf, period, group string, s store.Symbol) store.Value {
	return store.Value{BaseFigure: bf, Period: store.Period(period), Area: "stadt", Group: group, Symbol: s}
}

func point(t *testing.T, s report.SeriesResult, period string) report.Point {
	t.Helper()
	for _, p := range s.Points {
		if p.Period == store.Period(period) {
			return p
		}
	}
	t.Fatalf("series %q has no point for %s; points: %v", s.Label, period, s.Points)
	return report.Point{}
}

// unemployment 2016-H2: Bergisch Gladbach's 1.134 unemployed foreigners
// (13211-01-03-5) and 3.054 employed (13111-02-02-5, 2015).
func unemploymentValues() []store.Value {
	return []store.Value{
		val("T-K1-G1", "2016-H2", "auslaender", 1134), val("T-K1-G2", "2016-H2", "auslaender", 3054),
		val("T-K1-G1", "2016-H2", "insgesamt", 4270), val("T-K1-G2", "2016-H2", "insgesamt", 36955),
	}
}

func TestComputePoint(t *testing.T) {
	tests := []struct {
		name   string
		values []store.Value
		ok     bool
		value  float64
		reason string
	}{
		// 1134 / (1134 + 3054) · 100 = 1134 / 4188 · 100 = 27,0774 %.
		{"share from counts", unemploymentValues(), true, 1134.0 / 4188 * 100, ""},
		{"missing input is named",
			unemploymentValues()[:1], false, 0,
			"Wert fehlt: Sozialversicherungspflichtig Beschäftigte am Wohnort, Ausländer/innen, 2. Halbjahr 2016"},
		{"official symbol is named",
			[]store.Value{sym("T-K1-G1", "2016-H2", "auslaender", store.SymUnknown), val("T-K1-G2", "2016-H2", "auslaender", 3054)}, false, 0,
			"Zeichen „.“ (Zahlenwert unbekannt oder geheim zu halten) bei Arbeitslose, Ausländer/innen, 2. Halbjahr 2016"},
		{"later symbol is named",
			[]store.Value{sym("T-K1-G1", "2016-H2", "auslaender", store.SymLater), sym("T-K1-G2", "2016-H2", "auslaender", store.SymUnreliable)}, false, 0,
			"Zeichen „...“ (Angabe fällt später an) bei Arbeitslose, Ausländer/innen, 2. Halbjahr 2016; " +
				"Zeichen „/“ (keine Angabe, da Zahlenwert nicht sicher genug) bei Sozialversicherungspflichtig Beschäftigte am Wohnort, Ausländer/innen, 2. Halbjahr 2016"},
		{"confidential number is not used",
			[]store.Value{{BaseFigure: "T-K1-G1", Period: "2016-H2", Area: "stadt", Group: "auslaender", Number: 3, Confidential: true}, val("T-K1-G2", "2016-H2", "auslaender", 3054)}, false, 0,
			"Zeichen „.“ (Zahlenwert unbekannt oder geheim zu halten) bei Arbeitslose, Ausländer/innen, 2. Halbjahr 2016"},
		{"dash is exactly zero",
			[]store.Value{sym("T-K1-G1", "2016-H2", "auslaender", store.SymNothing), val("T-K1-G2", "2016-H2", "auslaender", 3054)}, true, 0, ""},
		{"zero denominator",
			[]store.Value{val("T-K1-G1", "2016-H2", "auslaender", 0), sym("T-K1-G2", "2016-H2", "auslaender", store.SymNothing)}, false, 0,
			"Division durch null"},
		{"value of another area is not used",
			append(unemploymentValues()[:1], store.Value{BaseFigure: "T-K1-G2", Period: "2016-H2", Area: "kreis", Group: "auslaender", Number: 3054}), false, 0,
			"Wert fehlt: Sozialversicherungspflichtig Beschäftigte am Wohnort, Ausländer/innen, 2. Halbjahr 2016"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap := &store.Snapshot{Catalog: testCatalog(unemploymentIndex), Values: tt.values, ReportYear: 2016}
			r := report.Compute(snap, unemploymentIndex)
			p := point(t, r.Series[0], "2016-H2")
			if p.OK != tt.ok || p.Reason != tt.reason || tt.ok && math.Abs(p.Value-tt.value) > 1e-9 {
				t.Errorf("point = {OK: %v, Value: %v, Reason: %q},\nwant {OK: %v, Value: %v, Reason: %q}", p.OK, p.Value, p.Reason, tt.ok, tt.value, tt.reason)
			}
		})
	}
}

func TestComputeReferenceAndFlags(t *testing.T) {
	values := unemploymentValues()
	values[0].Provisional = true
	values[3].Demo = true
	snap := &store.Snapshot{Catalog: testCatalog(unemploymentIndex), Values: values, ReportYear: 2016}
	r := report.Compute(snap, unemploymentIndex)
	// 4270 / (4270 + 36955) · 100 = 10,3578 %.
	ref := point(t, *r.Reference, "2016-H2")
	if !ref.OK || math.Abs(ref.Value-4270.0/41225*100) > 1e-9 || r.Reference.Label != "Insgesamt" {
		t.Errorf("reference = %+v, label %q", ref, r.Reference.Label)
	}
	if p := point(t, r.Series[0], "2016-H2"); !p.Provisional || p.Demo {
		t.Errorf("series point flags: provisional %v (want true), demo %v (want false)", p.Provisional, p.Demo)
	}
	if !ref.Demo || ref.Provisional || !r.Demo {
		t.Errorf("reference flags: demo %v, provisional %v, result demo %v", ref.Demo, ref.Provisional, r.Demo)
	}
}

func TestComputeSharedStichtagByYear(t *testing.T) {
	values := []store.Value{
		val("T-K2-G1", "2014", "auslaender", 300), val("T-K2-G1", "2014", "insgesamt", 2000),
		val("T-K2-G1", "2015", "auslaender", 330), val("T-K2-G1", "2015", "insgesamt", 2000),
		// Two Stichtage in 2014: the later one counts.
		val("BEV", "2014-06-30", "auslaender", 900), val("BEV", "2014-06-30", "insgesamt", 10000),
		val("BEV", "2014-12-31", "auslaender", 1000), val("BEV", "2014-12-31", "insgesamt", 10000),
		// A Stichtag in a year without a value of the Kennzahl adds no period.
		val("BEV", "2013-12-31", "auslaender", 800), val("BEV", "2013-12-31", "insgesamt", 10000),
		val("T-K3-G1", "2024/25", "auslaender", 50), val("T-K3-G1", "2024/25", "insgesamt", 400),
		val("BEV", "2024-12-31", "auslaender", 1200), val("BEV", "2024-12-31", "insgesamt", 10000),
		val("BEV", "2025-12-31", "auslaender", 1300), val("BEV", "2025-12-31", "insgesamt", 10000),
	}
	snap := &store.Snapshot{Catalog: testCatalog(populationShare, schoolShare), Values: values, ReportYear: 2025}
	r := report.Compute(snap, populationShare)
	if got := periodsOf(*r.Reference); !slices.Equal(got, []string{"2014", "2015"}) {
		t.Fatalf("reference periods = %v, want the Kennzahl's [2014 2015]", got)
	}
	if p := point(t, *r.Reference, "2014"); !p.OK || p.Value != 10 {
		t.Errorf("reference 2014 = %+v, want 10 from 31.12.2014", p)
	}
	if p := point(t, *r.Reference, "2015"); p.OK || p.Reason != "Wert fehlt: Bevölkerung, Ausländer/innen, Stichtag im Jahr 2015; Wert fehlt: Bevölkerung, Insgesamt, Stichtag im Jahr 2015" {
		t.Errorf("reference 2015 = %+v", p)
	}
	// Schuljahr 2024/25 is compared with the Stichtag in 2024.
	s := report.Compute(snap, schoolShare)
	if p := point(t, *s.Reference, "2024/25"); !p.OK || p.Value != 12 {
		t.Errorf("reference 2024/25 = %+v, want 12 from 31.12.2024", p)
	}
	if p := point(t, s.Series[0], "2024/25"); !p.OK || p.Value != 12.5 {
		t.Errorf("series 2024/25 = %+v, want 50/400 = 12,5", p)
	}
}

func periodsOf(s report.SeriesResult) []string {
	var out []string
	for _, p := range s.Points {
		out = append(out, string(p.Period))
	}
	return out
}

func TestComputeConstantReferenceAndFormulaErrors(t *testing.T) {
	values := []store.Value{
		val("T-K4-G1", "2013", "auslaender", 10), val("T-K4-G1", "2013", "insgesamt", 100),
		val("T-K4-G2", "2013", "auslaender", 200), val("T-K4-G2", "2013", "insgesamt", 1000),
		val("T-K4-G1", "2012", "insgesamt", 90), // a period from any group counts
	}
	broken := representation
	broken.Series = []store.Series{
		{Label: "kaputt", Formula: "G1.insgesamt +"},
		{Label: "unbekannt", Formula: "X.insgesamt / G1.insgesamt"},
		{Label: "Text", Formula: `"a"`},
	}
	tests := []struct {
		name   string
		k      store.KeyFigure
		series int
		want   []string // per period 2012, 2013: value or reason
	}{
		{"index", representation, 0, []string{
			"Wert fehlt: Schulabgänger/innen mit Hochschulreife, Ausländer/innen, 2012; " +
				"Wert fehlt: Schulabgänger/innen insgesamt, Ausländer/innen, 2012; Wert fehlt: Schulabgänger/innen insgesamt, Insgesamt, 2012",
			"0.5"}},
		{"syntax error", broken, 0, []string{"Die Formel „G1.insgesamt +“ ist fehlerhaft.", "Die Formel „G1.insgesamt +“ ist fehlerhaft."}},
		{"unknown alias", broken, 1, []string{"Die Formel „X.insgesamt / G1.insgesamt“ nennt die unbekannte Grundzahl „X“.", "Die Formel „X.insgesamt / G1.insgesamt“ nennt die unbekannte Grundzahl „X“."}},
		{"not a number", broken, 2, []string{"Die Formel „\"a\"“ ist fehlerhaft.", "Die Formel „\"a\"“ ist fehlerhaft."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snap := &store.Snapshot{Catalog: testCatalog(tt.k), Values: values}
			r := report.Compute(snap, tt.k)
			var got []string
			for _, p := range r.Series[tt.series].Points {
				if p.OK {
					got = append(got, fmt.Sprint(p.Value))
				} else {
					got = append(got, p.Reason)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("points\n got %q\nwant %q", got, tt.want)
			}
			// "1" is a flat line over the same periods.
			for _, p := range r.Reference.Points {
				if !p.OK || p.Value != 1 {
					t.Errorf("reference point %+v, want 1", p)
				}
			}
			if got := periodsOf(*r.Reference); !slices.Equal(got, []string{"2012", "2013"}) {
				t.Errorf("reference periods = %v", got)
			}
		})
	}
}

func TestComputeCensusBreak(t *testing.T) {
	// Share of foreigners among job seekers relative to the population:
	// it reads BEV, so the comparison starts in 2011.
	k := store.KeyFigure{Code: "T-K5", Direction: store.Rising, Unit: "%", Area: "stadt",
		Series:      []store.Series{{Label: "Quote", Formula: "G1.auslaender / BEV.auslaender * 100"}},
		BaseFigures: []store.BaseFigure{baseFigure("T-K5-G1", "G1", "Arbeitsuchende", store.YearPeriod)}}
	plain := k
	plain.Series = []store.Series{{Label: "Anzahl", Formula: "G1.auslaender / 100"}}
	var values []store.Value
	for y, n := range map[int]float64{2009: 800, 2010: 800, 2011: 600, 2012: 650, 2013: 700} {
		values = append(values, val("T-K5-G1", fmt.Sprint(y), "auslaender", n),
			val("BEV", fmt.Sprintf("%d-12-31", y), "auslaender", 10000))
	}
	tests := []struct {
		name  string
		k     store.KeyFigure
		from  store.Period
		level report.AssessmentLevel
	}{
		{"population-based formula starts in 2011", k, "2011", report.TowardGoal},
		{"other formula keeps earlier years", plain, "2009", report.AgainstGoal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A base year before the census, so that the break decides.
			snap := &store.Snapshot{Catalog: testCatalog(tt.k), Values: values}
			kr, _ := report.Evaluate(report.Input{Snapshot: snap, Year: 2013, BaseYear: 2005}).KeyFigure(tt.k.Code)
			a := kr.Assessment
			if a.From.Period != tt.from || a.To.Period != "2013" || a.Level != tt.level {
				t.Errorf("assessment from %s to %s: %s (%s), want from %s: %s", a.From.Period, a.To.Period, a.Level.Label(), a.Text, tt.from, tt.level.Label())
			}
			if breaks := strings.Contains(a.Text, "Zensus 2011"); breaks != (tt.from == "2011") {
				t.Errorf("text %q mentions the census: %v", a.Text, breaks)
			}
		})
	}
}

func TestComputeMissingCurrent(t *testing.T) {
	values := []store.Value{val("T-K4-G1", "2015", "insgesamt", 1)}
	for _, tt := range []struct {
		name string
		year int
		want bool
	}{{"report year without value", 2016, true}, {"report year computable", 2013, false}, {"report year not computable", 2015, true}} {
		t.Run(tt.name, func(t *testing.T) {
			vs := append(values, val("T-K4-G1", "2013", "auslaender", 10), val("T-K4-G1", "2013", "insgesamt", 100),
				val("T-K4-G2", "2013", "auslaender", 200), val("T-K4-G2", "2013", "insgesamt", 1000))
			r := report.Compute(&store.Snapshot{Catalog: testCatalog(representation), Values: vs, ReportYear: tt.year}, representation)
			if r.MissingCurrent != tt.want {
				t.Errorf("MissingCurrent = %v, want %v", r.MissingCurrent, tt.want)
			}
		})
	}
}

func realCatalog(tb testing.TB) *store.Catalog {
	tb.Helper()
	cat, err := store.ParseCatalog(assets.Catalog)
	if err != nil {
		tb.Fatal(err)
	}
	return cat
}

// The Ausbildungsmarkt of the Agentur Bergisch Gladbach 2021/22: 3.802
// Stellen for 3.806 Bewerber/innen, on the real catalogue's A-K3.
func TestComputeAllRealCatalog(t *testing.T) {
	cat := realCatalog(t)
	var values []store.Value
	for _, v := range []struct {
		year            string
		places, seekers float64
	}{{"2020", 3500, 4000}, {"2021", 3700, 3900}, {"2022", 3802, 3806}} {
		values = append(values,
			store.Value{BaseFigure: "A-K3-G1", Period: store.Period(v.year), Area: "agentur", Group: "insgesamt", Number: v.places},
			store.Value{BaseFigure: "A-K3-G2", Period: store.Period(v.year), Area: "agentur", Group: "insgesamt", Number: v.seekers})
	}
	results := report.ComputeAll(&store.Snapshot{Catalog: cat, Values: values, ReportYear: 2022})
	var codes, want []string
	for _, r := range results {
		codes = append(codes, r.KeyFigure.Code)
	}
	for _, k := range cat.KeyFigures() {
		want = append(want, k.Code)
	}
	if !slices.Equal(codes, want) {
		t.Fatalf("ComputeAll order = %v, want %v", codes, want)
	}
	i := slices.Index(codes, "A-K3")
	r := results[i]
	// 3802 / 3806 = 0,99895: within 0,05 of balance.
	if a := r.Assessment; a.Level != report.GoalReached || a.Symbol != "++" || a.From.Period != "2020" {
		t.Errorf("A-K3 assessment = %s from %s (%s)", a.Level.Label(), a.From.Period, a.Text)
	}
	want1 := "Das Verhältnis ist von 0,88 (2020) auf 1,00 (2022) gestiegen (+0,12); Referenz: ausgeglichen (1,0); Zielrichtung: ausgeglichen."
	if r.Sentence != want1 {
		t.Errorf("A-K3 sentence\n got %q\nwant %q", r.Sentence, want1)
	}
	for _, r := range results {
		if r.KeyFigure.Code != "A-K3" && (len(r.Series) == 0 || len(r.Series[0].Points) != 0) {
			t.Errorf("%s: points without values: %+v", r.KeyFigure.Code, r.Series)
		}
	}
}

// BenchmarkComputeAll computes every Kennzahl of the real catalogue on 15
// years of values for every Grundzahl, group and area.
func BenchmarkComputeAll(b *testing.B) {
	snap := &store.Snapshot{Catalog: realCatalog(b), Values: fullValues(realCatalog(b), 2011, 2025), ReportYear: 2025}
	for b.Loop() {
		if rs := report.ComputeAll(snap); len(rs) == 0 {
			b.Fatal("no results")
		}
	}
	b.ReportMetric(float64(len(snap.Values)), "values")
}

func fullValues(cat *store.Catalog, from, to int) []store.Value {
	var out []store.Value
	for i, bf := range cat.AllBaseFigures() {
		for y := from; y <= to; y++ {
			var periods []store.Period
			switch bf.PeriodKind {
			case store.HalfYearPeriod:
				periods = []store.Period{store.Period(fmt.Sprintf("%d-H1", y)), store.Period(fmt.Sprintf("%d-H2", y))}
			case store.SchoolYearPeriod:
				periods = []store.Period{store.Period(fmt.Sprintf("%d/%02d", y, (y+1)%100))}
			case store.DatePeriod:
				periods = []store.Period{store.Period(fmt.Sprintf("%d-12-31", y))}
			default:
				periods = []store.Period{store.Period(fmt.Sprint(y))}
			}
			for _, p := range periods {
				for _, area := range bf.Areas {
					for g, group := range bf.Groups {
						n := float64(100 + 37*i + 11*g + 3*(y-from))
						if group == "insgesamt" {
							n *= 5
						}
						out = append(out, store.Value{BaseFigure: bf.Code, Period: p, Area: area, Group: group, Number: n})
					}
				}
			}
		}
	}
	return out
}

func TestStoredBreakLimitsAssessment(t *testing.T) {
	// A count that fell until 2016 and rises after a break the user set
	// (redrawn Stimmbezirke): only the part from 2017 is judged.
	k := store.KeyFigure{Code: "T-K6", Direction: store.Rising, Unit: "Anzahl", Area: "stadt",
		Series:      []store.Series{{Label: "Anzahl", Formula: "G1.insgesamt"}},
		BaseFigures: []store.BaseFigure{baseFigure("T-K6-G1", "G1", "Wähler", store.YearPeriod)}}
	var values []store.Value
	for y, n := range map[int]float64{2011: 900, 2012: 800, 2013: 700, 2014: 600, 2015: 500, 2016: 400, 2017: 300, 2018: 330, 2019: 360, 2020: 400} {
		values = append(values, val("T-K6-G1", fmt.Sprint(y), "insgesamt", n))
	}
	snap := &store.Snapshot{Catalog: testCatalog(k), Values: values}
	kr, _ := report.Evaluate(report.Input{Snapshot: snap, Year: 2020}).KeyFigure(k.Code)
	if a := kr.Assessment; a.Level != report.AgainstGoal {
		t.Fatalf("without a break: %s (%s), want against the goal", a.Level.Label(), a.Text)
	}
	snap.Breaks = []store.SeriesBreak{{BaseFigure: "T-K6-G1", Period: "2017", Reason: "neue Stimmbezirke", Origin: store.BreakUser}}
	kr, _ = report.Evaluate(report.Input{Snapshot: snap, Year: 2020}).KeyFigure(k.Code)
	a := kr.Assessment
	if a.From.Period != "2017" || a.Level != report.TowardGoal || !strings.Contains(a.Text, "neue Stimmbezirke") {
		t.Errorf("with a break in 2017: from %s, %s (%s); want from 2017, toward the goal, naming the reason", a.From.Period, a.Level.Label(), a.Text)
	}
}
