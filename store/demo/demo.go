// Package demo generates the labelled Beispieldaten: plausible values for
// every Grundzahl of the catalogue, built around real public figures, so
// that a new user can try every screen and the report. Invented values are
// labelled as such (Source, Note, store.DemoOrigin) and the file is marked,
// so that they can never be taken for real data.
package demo

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// The labels of generated values. Issue 4 asks that Beispieldaten can never
// be taken for real data, so every invented value carries all three, the
// third being the origin store.DemoOrigin.
const (
	Source = "Beispieldaten (erfunden)"
	Note   = "Beispieldaten – keine echten Zahlen"
)

// demoSeed fixes the noise, so that every demo file holds the same numbers.
const demoSeed = 5378004 // Gemeindeschlüssel of Bergisch Gladbach

// demoCensusShift takes a population on the basis of the Zensus 2011 back to
// the older register count: Bergisch Gladbach 2010 105.723, 2011 109.026.
const demoCensusShift = 0.97

// Values returns plausible values for every Grundzahl of cat, for every
// group and area it lists (and the area of its Kennzahl) and for every
// period of its kind in the years from..to. Real public figures
// (shared/realdata/REAL_FIGURES.md) are used where a Grundzahl fits them,
// with their source and Demo false; the rest is invented, labelled
// Source and Note, and built around the real figures so that sums
// and shares agree. A Grundzahl counted per election gets the election
// years only, and a few values hold an official symbol instead of a
// number. The result depends on nothing but the arguments.
func Values(cat *store.Catalog, from, to int) []store.Value {
	from, to = max(from, store.MinPeriodYear), min(to, store.MaxPeriodYear)
	real := map[demoKey]demoReal{}
	for _, r := range demoRealFigures() {
		real[r.key] = r
	}
	var out []store.Value
	add := func(bf store.BaseFigure, primary string) {
		areas := bf.Areas
		if primary != "" && !slices.Contains(areas, primary) {
			areas = append([]string{primary}, areas...)
		}
		if len(areas) == 0 {
			areas = []string{"stadt"} // the seed's Kennzahlen speak of the city unless they name another Bezirk
		}
		periods := demoPeriods(bf, from, to)
		for _, area := range areas {
			for _, p := range periods {
				c := demoAnchor(demoCountOf(bf.Code, area, p), real, demoKey{bf.Code, p, area, ""})
				for _, g := range bf.Groups {
					v := store.Value{BaseFigure: bf.Code, Period: p, Area: area, Group: g, Number: c.group(g),
						Source: Source, Note: Note, Demo: true, Origin: store.DemoOrigin}
					if r, ok := real[demoKey{bf.Code, p, area, g}]; ok {
						v.Number, v.Source, v.Note, v.Demo = r.n, r.source, r.note, false
					}
					out = append(out, v)
				}
			}
		}
	}
	primary := map[string]string{}
	for _, k := range cat.KeyFigures() {
		for _, bf := range k.BaseFigures {
			primary[bf.Code] = k.Area
		}
	}
	for _, bf := range cat.AllBaseFigures() {
		add(bf, primary[bf.Code])
	}
	for _, gen := range generators {
		out = append(out, gen(cat, from, to)...)
	}
	out = append(out, regionValues(cat, from, to)...)
	out = demoBreakdowns(out)
	markDemoSymbols(out, from, to)
	return out
}

// generators add the Beispieldaten of further parts of the program; each
// lives in its own file demo_<name>.go and appends itself here in an
// init function, so that demo.go needs no edit for it.
var generators []func(cat *store.Catalog, from, to int) []store.Value

// Census2022From is the first year whose demo population rests on the
// Zensus 2022; the official figures jump there (the foreigners' share of
// the city from 12,1 % to 13,4 %).
const Census2022From = 2022

// Breaks are the Zeitreihenbrüche of a demo file besides the census 2011,
// which every file marks: the population on the basis of the Zensus 2022,
// as an import of the official table would set it, so that the window and
// the report show an interrupted line and the "|" mark.
func Breaks(cat *store.Catalog) []store.SeriesBreak {
	var out []store.SeriesBreak
	for _, bf := range cat.BaseFigures {
		out = append(out, store.SeriesBreak{BaseFigure: bf.Code, Period: yearPeriod(Census2022From),
			Reason: fmt.Sprintf("Bevölkerung ab %d auf Basis des Zensus 2022 (Beispieldaten)", Census2022From), Origin: store.BreakImport})
	}
	return out
}

// Add stores Values for the years from..to in s and marks the file as
// holding Beispieldaten with the report year to, all in one transaction.
// It returns the number of values stored.
func Add(ctx context.Context, s *store.Store, from, to int) (int, error) {
	cat, err := demoCatalog(ctx, s)
	if err != nil {
		return 0, err
	}
	n, err := s.SaveDemoData(ctx, Values(cat, from, to), to)
	if err != nil {
		return 0, fmt.Errorf("demo data: %w", err)
	}
	if to >= Census2022From {
		if _, err := s.AddSeriesBreaks(ctx, Breaks(cat)); err != nil {
			return 0, fmt.Errorf("demo breaks: %w", err)
		}
	}
	return n, addTexts(ctx, s, to)
}

type demoKey struct {
	code        string
	p           store.Period
	area, group string
}

// demoReal is a published figure that fits a Grundzahl.
type demoReal struct {
	key          demoKey
	n            float64
	source, note string
}

// demoRealFigures are the published figures stored as they are. The
// Kreis's Arbeitslose 2009–2016 and the Agentur's Ausbildungsmarkt 2021/22
// are not among them: the first are yearly means while the Grundzahl is
// half-yearly, the second covers a larger Agenturbezirk than the Bezirk
// "agentur". Both calibrate invented values instead.
func demoRealFigures() []demoReal {
	const (
		pop      = "IT.NRW, Regionaldatenbank 12411-01-01-5"
		nation   = "IT.NRW, Regionaldatenbank 12411-03-03-4"
		employed = "IT.NRW, Regionaldatenbank 13111-02-02-5"
		zensus11 = "Fortschreibung auf Basis des Zensus 2011"
	)
	var out []demoReal
	for i, n := range []float64{105901, 105699, 105723, 109026, 109138, 109425, 109697, 111366} {
		note := zensus11
		if i < 3 {
			note = "Fortschreibung auf Basis der Volkszählung 1987; Bruch zum Zensus 2011"
		}
		out = append(out, demoReal{demoKey{"BEV", datePeriod(2008+i, 12, 31), "stadt", "insgesamt"}, n, pop, note})
	}
	kreis := func(g string) demoKey { return demoKey{"BEV", "2015-12-31", "kreis", g} }
	svb := func(g string) demoKey { return demoKey{"A-K1-G2", "2015-H1", "stadt", g} }
	return append(out,
		demoReal{demoKey{"BEV", "2024-12-31", "stadt", "insgesamt"}, 111361, "Landesdatenbank NRW 12411-15i", "Fortschreibung auf Basis des Zensus 2022"},
		demoReal{kreis("insgesamt"), 282729, nation, zensus11},
		demoReal{kreis("deutsche"), 258391, nation, zensus11},
		demoReal{kreis("auslaender"), 24338, nation, zensus11},
		demoReal{svb("insgesamt"), 36955, employed, "Stichtag 30.06.2015"},
		demoReal{svb("auslaender"), 3054, employed, "Stichtag 30.06.2015"},
	)
}

// demoCount is a count split the way the catalogue's groups split it: N
// people, A of them foreigners, M (≥ A) with a migration background.
// Keeping parts rather than groups makes insgesamt = deutsche + auslaender
// and mit_mh + ohne_mh = insgesamt hold exactly.
type demoCount struct{ N, A, M float64 }

// demoSplit builds a count from its total and the shares of foreigners and of
// people with a migration background.
func demoSplit(n, shareA, shareM float64) demoCount {
	n = math.Round(max(n, 0))
	a := math.Round(n * min(max(shareA, 0), 1))
	return demoCount{n, a, min(max(math.Round(n*min(max(shareM, 0), 1)), a), n)}
}

// part takes a subset with its own rate for foreigners and for Germans with
// and without a migration background; rates ≤ 1 keep it within the whole
// in every group.
func (c demoCount) part(rA, rDM, rDO float64) demoCount {
	a, dm, do := math.Round(c.A*rA), math.Round((c.M-c.A)*rDM), math.Round((c.N-c.M)*rDO)
	return demoCount{a + dm + do, a, a + dm}
}

func (c demoCount) plus(d demoCount) demoCount  { return demoCount{c.N + d.N, c.A + d.A, c.M + d.M} }
func (c demoCount) minus(d demoCount) demoCount { return demoCount{c.N - d.N, c.A - d.A, c.M - d.M} }

func (c demoCount) group(g string) float64 {
	switch g {
	case "insgesamt":
		return c.N
	case "auslaender":
		return c.A
	case "deutsche":
		return c.N - c.A
	case "mit_mh":
		return c.M
	case "ohne_mh":
		return c.N - c.M
	case "weiblich":
		return math.Round(c.N * 0.51)
	case "maennlich":
		return c.N - math.Round(c.N*0.51)
	}
	return math.Round(c.N / 5) // a group added to the catalogue later, e.g. an age band
}

// demoAnchor makes a count agree with the real figures of its key, keeping its
// shares, so that the invented groups beside a real total add up to it.
func demoAnchor(c demoCount, real map[demoKey]demoReal, k demoKey) demoCount {
	get := func(g string) (float64, bool) {
		k.group = g
		r, ok := real[k]
		return r.n, ok
	}
	if n, ok := get("insgesamt"); ok && c.N > 0 {
		c = demoCount{n, math.Round(c.A * n / c.N), math.Round(c.M * n / c.N)}
	}
	if a, ok := get("auslaender"); ok {
		c.A = a
	} else if d, ok := get("deutsche"); ok {
		c.A = c.N - d
	}
	c.M = min(max(c.M, c.A), c.N)
	return c
}

// demoPeriods lists the periods of bf's kind in the years from..to. A
// Grundzahl counted per election gets the Integrationsrat elections only:
// between them there is no turnout to report.
func demoPeriods(bf store.BaseFigure, from, to int) []store.Period {
	var out []store.Period
	for y := from; y <= to; y++ {
		var ps []store.Period
		switch bf.PeriodKind {
		case store.YearPeriod:
			if bf.Frequency != store.PerElection || y == 2010 || y == 2014 || y == 2020 || y == 2025 {
				ps = []store.Period{yearPeriod(y)}
			}
		case store.HalfYearPeriod:
			ps = []store.Period{halfPeriod(y, 1), halfPeriod(y, 2)}
		case store.SchoolYearPeriod:
			ps = []store.Period{schoolPeriod(y)}
		case store.DatePeriod:
			ps = []store.Period{datePeriod(y, 12, 31)}
		}
		for _, p := range ps {
			if q, err := store.ParsePeriodOfKind(string(p), bf.PeriodKind); err == nil && q == p {
				out = append(out, p)
			}
		}
	}
	return out
}

// markDemoSymbols puts a few official symbols among the invented values so
// that the app shows how it handles them: employment of the last half-year
// is not yet published ("..."), one small school count is withheld (".").
// None goes into the population, which many shares divide by.
func markDemoSymbols(vs []store.Value, from, to int) {
	later, withheld := halfPeriod(to, 2), schoolPeriod((from+to)/2)
	for i := range vs {
		v := &vs[i]
		switch {
		case v.BaseFigure == "A-K1-G2" && v.Period == later && v.Demo:
			v.Symbol = store.SymLater
		case v.BaseFigure == "B-K2-G2" && v.Group == "auslaender" && v.Period == withheld && v.Demo:
			v.Symbol = store.SymUnknown
		default:
			continue
		}
		v.Number = 0
	}
}

// demoNoise is a standard normal number that depends on key and period
// only, so that a value is the same whatever range of years is generated.
func demoNoise(key string, p store.Period) float64 {
	h := fnv.New64a()
	h.Write([]byte(key + "|" + string(p)))
	return min(max(rand.New(rand.NewPCG(demoSeed, h.Sum64())).NormFloat64(), -2.5), 2.5)
}

// demoCurve interpolates linearly through the points x0, y0, x1, y1, … (x
// increasing) and stays level beyond them.
func demoCurve(x float64, pts ...float64) float64 {
	if x <= pts[0] {
		return pts[1]
	}
	for i := 2; i < len(pts); i += 2 {
		if x <= pts[i] {
			return pts[i-1] + (pts[i+1]-pts[i-1])*(x-pts[i-2])/(pts[i]-pts[i-2])
		}
	}
	return pts[len(pts)-1]
}

// demoLin runs from a in 2011 to b in 2025.
func demoLin(t, a, b float64) float64 { return demoCurve(t, 2011, a, 2025, b) }

// demoAt is p's place on the time axis of the curves: half-years apart,
// everything else by its year.
func demoAt(p store.Period) float64 {
	if p.Kind() == store.HalfYearPeriod {
		return p.Pos()
	}
	return float64(p.Year())
}

// demoLevel is a curve with relative noise rel.
func demoLevel(key string, p store.Period, rel float64, pts ...float64) float64 {
	return demoCurve(demoAt(p), pts...) * (1 + rel*demoNoise(key, p))
}

func demoPick(first bool, a, b demoCount) demoCount {
	if first {
		return a
	}
	return b
}

// demoCountOf invents the count of a Grundzahl of the seed catalogue.
// Figures that count the same people (all fifth graders for B-K1 and B-K2,
// the children examined for B-K3 and B-K4) share their noise and so their
// numbers. The Kennzahlen move in different directions on purpose, so that
// the assessments show every outcome.
func demoCountOf(code, area string, p store.Period) demoCount {
	t, y, key := demoAt(p), p.Year(), code+"/"+area
	switch code {
	case "BEV", "BEV1525":
		return demoPopulation(code, area, p)
	case "A-K1-G1":
		return demoUnemployed(area, p)
	case "A-K1-G2": // runs through the real 30.06.2015
		n := 36955 * (1 + 0.012*(t-2015)) * (1 + 0.002*demoNoise(key, p))
		sA := demoCurve(t, 2011, 0.066, 2015, 3054.0/36955, 2016, 0.09, 2022, 0.105, 2022.5, 0.118, 2025.5, 0.136)
		if area == "kreis" {
			n, sA = n*2.55, sA*0.8
		}
		return demoSplit(n, sA, sA)
	case "A-K2-G1": // the foreigners' share moves away from the population's
		sA := demoCurve(t, 2011, 0.19, 2016, 0.24, 2021, 0.27, 2022, 0.32, 2025, 0.33)
		return demoSplit(demoLevel(key, p, 0.015, 2011, 12400, 2016, 11900, 2019, 10800, 2020, 12300, 2021, 12000, 2025, 12900), sA, sA)
	case "A-K3-G1": // places catch up with applicants; about even in 2022 as in the real Agenturbezirk
		return demoSplit(demoLevel(key, p, 0.02, 2011, 980, 2016, 1010, 2019, 1090, 2020, 990, 2025, 1060), 0, 0)
	case "A-K3-G2":
		return demoSplit(demoLevel(key, p, 0.02, 2011, 1290, 2016, 1180, 2019, 1110, 2020, 1040, 2022, 1060, 2025, 1020), 0, 0)
	case "A-K4-G1", "A-K4-G2":
		sA := demoCurve(t, 2011, 0.055, 2016, 0.06, 2025, 0.09)
		all := demoSplit(demoLevel("abgang", p, 0.02, 2011, 1180, 2025, 1130), sA, sA)
		rA, rD := demoLin(t, 0.19, 0.31), demoLin(t, 0.47, 0.5)
		abi := all.part(rA, 0, rD)
		if y == 2013 { // doppelter Abiturjahrgang: G8 and G9 finished together in NRW
			extra := all.part(rA*0.9, 0, rD*0.9)
			all, abi = all.plus(extra), abi.plus(extra)
		}
		return demoPick(code == "A-K4-G1", abi, all)
	case "A-K5-G1", "A-K5-G2":
		n := demoLevel("A-K5/"+area, p, 0.03, 2011, 2350, 2025, 2200)
		if area != "kreis" {
			n *= 0.41
		}
		asked := demoSplit(n, 0, demoLin(t, 0.29, 0.41))
		return demoPick(code == "A-K5-G1", asked.part(0, demoLin(t, 0.21, 0.28), demoLin(t, 0.33, 0.36)), asked)
	case "A-K6-G1":
		return demoSplit(demoLevel(key, p, 0.1, 2011, 18, 2014, 35, 2016, 52, 2025, 48), 0, 0)
	case "A-W2-G1":
		staff := map[string][4]float64{"verwaltung_fuehrung": {118, 126, 0.03, 0.07}, "verwaltung_ausbildung": {82, 110, 0.14, 0.29}}[area]
		if staff == [4]float64{} {
			staff = [4]float64{1480, 1690, 0.085, 0.15}
		}
		return demoSplit(demoLevel(key, p, 0.02, 2011, staff[0], 2025, staff[1]), 0, demoLin(t, staff[2], staff[3]))
	case "A-W2-G2":
		return demoSplit(demoLevel(key, p, 0.04, 2011, 4200, 2025, 5600), 0, demoLin(t, 0.16, 0.27))
	case "B-K1-G1", "B-K2-G1", "B-K1-G2", "B-K2-G2":
		// Kreis 2015/16 (21111-01-03-4): of the foreign pupils in secondary
		// schools 22 % attend a Gymnasium and 29 % a Hauptschule, of all 47 % and 6 %.
		sA := demoCurve(t, 2011, 0.048, 2015, 0.055, 2016, 0.07, 2021, 0.075, 2022, 0.095, 2025, 0.1)
		all := demoSplit(demoLevel("fuenfte", p, 0.02, 2011, 1030, 2016, 1010, 2025, 1080), sA, sA)
		switch code {
		case "B-K1-G2":
			return all.part(demoCurve(t, 2011, 0.19, 2015, 0.215, 2025, 0.28), 0, 0.49)
		case "B-K2-G2":
			return all.part(demoCurve(t, 2011, 0.32, 2015, 0.29, 2025, 0.18), 0, demoLin(t, 0.06, 0.025))
		}
		return all
	case "B-K3-G1", "B-K3-G2", "B-K3-G3", "B-K4-G1", "B-K4-G2":
		seen := demoSplit(demoLevel("einschulung", p, 0.02, 2011, 1010, 2025, 1060),
			demoCurve(t, 2011, 0.06, 2016, 0.08, 2022, 0.11, 2025, 0.115), demoLin(t, 0.36, 0.47))
		need := seen.part(demoCurve(t, 2011, 0.42, 2016, 0.5, 2025, 0.52), demoLin(t, 0.22, 0.26), demoLin(t, 0.07, 0.075))
		r := demoLin(t, 0.8, 0.9)
		switch code {
		case "B-K3-G2":
			return need
		case "B-K3-G3":
			return need.part(r, r, r)
		case "B-K4-G2":
			return seen.minus(need).part(0.86, 0.86, 0.9)
		}
		return seen
	case "B-W1-G1", "B-W1-G2", "B-W2-G1", "B-W2-G2":
		// Families per kind of institution from 2011 to 2025, and their share
		// with a migration background; B-W1 counts parents, about 1,5 a family.
		inst := map[string][4]float64{"kitas": {3500, 3950, 0.32, 0.44}, "grundschulen": {3800, 4050, 0.29, 0.4}}[area]
		if inst == [4]float64{} {
			inst = [4]float64{6300, 6500, 0.25, 0.35}
		}
		if strings.HasPrefix(code, "B-W2") {
			families := demoSplit(demoLevel("B-W2/"+area, p, 0.02, 2011, inst[0], 2025, inst[1]), 0, demoLin(t, inst[2], inst[3]))
			return demoPick(code == "B-W2-G2", families.part(0, demoLin(t, 0.18, 0.36), 0), families)
		}
		parents := demoSplit(1.5*demoLevel("B-W1/"+area, p, 0.02, 2011, inst[0], 2025, inst[1]), 0, demoLin(t, inst[2], inst[3]))
		return demoPick(code == "B-W1-G1", parents.part(0, demoLin(t, 0.08, 0.15), demoLin(t, 0.16, 0.19)), parents)
	case "C-K1-G1", "C-K1-G2":
		orgs := demoSplit(demoLevel("C-K1", p, 0.03, 2011, 46, 2025, 58), 0, 0)
		return demoPick(code == "C-K1-G1", orgs.part(0, 0, demoLin(t, 0.42, 0.72)), orgs)
	case "C-K2-G1": // flat, but events were cancelled in the pandemic
		n := demoLevel(key, p, 0.08, 2011, 11, 2025, 12)
		if y == 2020 || y == 2021 {
			n *= 0.35 + 0.25*float64(y-2020)
		}
		return demoSplit(n, 0, 0)
	case "C-K3-G1", "C-K3-G2":
		return demoCouncil(code, p)
	case "C-K4-G1", "C-K4-G2":
		return demoElection(code, area, p)
	}
	return demoSplit(demoLevel(key, p, 0.03, 2011, 500, 2025, 550), 0.1, 0.25)
}

// demoPopulation runs through the city's real totals (demoAnchor meets them
// exactly) and the Kreis's Ausländeranteil (Regionalatlas AI002-1, to 2015).
// Before 2011 it drops to the register count.
func demoPopulation(code, area string, p store.Period) demoCount {
	y := float64(p.Year())
	city := demoCurve(y, 2011, 109026, 2015, 111366, 2024, 111361, 2025, 111480)
	if y > 2015 && y < 2024 { // invented growth, back to the real 2024 (Zensus 2022 basis)
		city += 650 * math.Sin(math.Pi*(y-2015)/9)
	}
	n, sA, sM := city, demoCurve(y, 2011, 0.086, 2014, 0.094, 2015, 0.102, 2016, 0.112, 2021, 0.121, 2022, 0.134, 2025, 0.142), demoLin(y, 0.23, 0.325)
	switch {
	case code == "BEV1525":
		n, sA, sM = demoCurve(y, 2011, 12100, 2018, 12450, 2025, 11950), sA*1.25, demoLin(y, 0.31, 0.42)
	case area == "kreis": // Zensus 2011: 19,1 % with a migration background
		n, sM = demoCurve(y, 2011, 279600, 2015, 282729, 2020, 283700, 2025, 284300), demoLin(y, 0.191, 0.27)
		sA = demoCurve(y, 2010, 0.062, 2011, 0.068, 2012, 0.069, 2013, 0.071, 2014, 0.075, 2015, 0.0861, 2016, 0.095, 2021, 0.104, 2022, 0.117, 2025, 0.124)
	case area == "agentur":
		n, sA, sM = city*1.81, sA*0.85, sM*0.85
	}
	n *= 1 + 0.0008*demoNoise(code+"/"+area, p)
	if y < 2011 {
		n *= demoCensusShift
	}
	return demoSplit(n, sA, sM)
}

// demoUnemployed spreads the Kreis's yearly means (13211-02-05-4: real to
// 2016, invented after) over the half-years, H1 above and H2 below by the
// same amount so that the two average to the mean. The city keeps its share
// of 2016 (13211-01-03-5: 4.270 of 9.070, foreigners 1.134 of 2.064).
func demoUnemployed(area string, p store.Period) demoCount {
	means := [][2]float64{{9503, 1848}, {9413, 1806}, {8700, 1625}, {8733, 1644}, {9205, 1796}, {9263, 1832}, {9172, 1945}, {9070, 2064},
		{8620, 2110}, {8150, 2080}, {7890, 2090}, {9240, 2460}, {8960, 2420}, {8580, 2650}, {9050, 2860}, {9480, 3010}, {9760, 3130}}
	m := means[min(max(p.Year()-2009, 0), len(means)-1)]
	if area == "stadt" {
		m = [2]float64{m[0] * 4270 / 9070, m[1] * 1134 / 2064}
	}
	s := 0.025 + 0.008*demoNoise("A-K1-G1/saison", yearPeriod(p.Year()))
	if strings.HasSuffix(string(p), "H2") {
		s = -s
	}
	a := math.Round(m[1] * (1 + s))
	return demoCount{math.Round(m[0] * (1 + s)), a, a}
}

// demoCouncil counts members at 31.12.: set by the Kommunalwahl (2009, 2014,
// 2020, 2025), changed a little by Nachrücker in between. Members,
// sachkundige Einwohner and deputies of all committees are about 200
// people, not just the 60 seats of the Rat.
func demoCouncil(code string, p store.Period) demoCount {
	n, mh := 184.0, 11.0
	switch y := p.Year(); {
	case y >= 2025:
		n, mh = 198, 37
	case y >= 2020:
		n, mh = 206, 28
	case y >= 2014:
		n, mh = 192, 16
	}
	if code == "C-K3-G2" {
		return demoSplit(mh+math.Round(0.6*demoNoise(code, p)), 0, 0)
	}
	return demoSplit(n+math.Round(1.2*demoNoise(code, p)), 0, 0)
}

// demoElection follows the city's rounded figures (about 20.100 eligible
// voters in 2020, 20.000 in 2025) with a turnout falling from 14 to 9 % and
// more postal voting each time. The eligible of "briefwahl" are those who
// received a Wahlschein; the two Stimmbezirke alone add up to the city.
func demoElection(code, area string, p store.Period) demoCount {
	eligible, turnout, postal := 20000.0, 0.094, 0.055
	switch y := p.Year(); {
	case y <= 2010:
		eligible, turnout, postal = 15900, 0.141, 0.03
	case y <= 2014:
		eligible, turnout, postal = 17600, 0.124, 0.04
	case y <= 2020:
		eligible, turnout, postal = 20100, 0.101, 0.05
	}
	e := math.Round(eligible * (1 + 0.0008*demoNoise("C-K4/wahlberechtigte", p)))
	v := math.Round(e * turnout * (1 + 0.02*demoNoise("C-K4/waehler", p)))
	w := math.Round(e * postal)
	pv := math.Round(w * 0.8)
	e1, u1 := math.Round(e*0.53), math.Round((v-pv)*0.51)
	n, ok := map[string][2]float64{"stimmbezirk1": {e1, u1}, "stimmbezirk2": {e - e1, v - pv - u1}, "briefwahl": {w, pv}}[area]
	if !ok {
		n = [2]float64{e, v}
	}
	return demoPick(code == "C-K4-G2", demoSplit(n[1], 0, 0), demoSplit(n[0], 0, 0))
}

// The period codes of store.Period (see store.ParsePeriod), built from
// their parts; demoPeriods checks each against store.ParsePeriodOfKind.
func yearPeriod(y int) store.Period       { return store.Period(fmt.Sprint(y)) }
func halfPeriod(y, h int) store.Period    { return store.Period(fmt.Sprintf("%d-H%d", y, h)) }
func schoolPeriod(y int) store.Period     { return store.Period(fmt.Sprintf("%d/%02d", y, (y+1)%100)) }
func datePeriod(y, m, d int) store.Period { return store.Period(fmt.Sprintf("%d-%02d-%02d", y, m, d)) }
