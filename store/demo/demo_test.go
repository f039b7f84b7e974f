package demo_test

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/demo"
)

type demoKey struct {
	bf, period, area, group string
}

func demoCatalog(tb testing.TB) *store.Catalog {
	tb.Helper()
	c, err := store.ParseCatalog(assets.Catalog)
	if err != nil {
		tb.Fatalf("parse catalog: %v", err)
	}
	return c
}

// demoIndex indexes values by key and fails on a key given twice, which
// the store would refuse as a correction.
func demoIndex(t *testing.T, vs []store.Value) map[demoKey]store.Value {
	t.Helper()
	ix := map[demoKey]store.Value{}
	for _, v := range vs {
		k := demoKey{v.BaseFigure, string(v.Period), v.Area, v.Group}
		if _, dup := ix[k]; dup {
			t.Errorf("value %v generated twice", k)
		}
		ix[k] = v
	}
	return ix
}

// wantPeriods spells the periods independently of period.go.
func wantPeriods(bf store.BaseFigure, from, to int) []string {
	var out []string
	for y := from; y <= to; y++ {
		switch bf.PeriodKind {
		case store.YearPeriod:
			if bf.Frequency != store.PerElection || y == 2014 || y == 2020 || y == 2025 {
				out = append(out, fmt.Sprint(y))
			}
		case store.HalfYearPeriod:
			out = append(out, fmt.Sprintf("%d-H1", y), fmt.Sprintf("%d-H2", y))
		case store.SchoolYearPeriod:
			out = append(out, fmt.Sprintf("%d/%02d", y, (y+1)%100))
		case store.DatePeriod:
			out = append(out, fmt.Sprintf("%d-12-31", y))
		}
	}
	return out
}

func TestDemoValuesCoverEveryBaseFigure(t *testing.T) {
	cat := demoCatalog(t)
	ix := demoIndex(t, demo.Values(cat, 2011, 2025))
	primary := map[string]string{}
	for _, k := range cat.KeyFigures() {
		for _, bf := range k.BaseFigures {
			primary[bf.Code] = k.Area
		}
	}
	want := 0
	for _, bf := range cat.AllBaseFigures() {
		areas := append([]string(nil), bf.Areas...)
		if a := primary[bf.Code]; a != "" && !slices.Contains(areas, a) {
			areas = append(areas, a)
		}
		if bf.Code == "A-K1-G1" || bf.Code == "A-K1-G2" {
			areas = append(areas, "nrw") // the comparison region of demo_regions.go
		}
		for _, area := range areas {
			for _, p := range wantPeriods(bf, 2011, 2025) {
				for _, g := range bf.Groups {
					want++
					if _, ok := ix[demoKey{bf.Code, p, area, g}]; !ok {
						t.Errorf("no value for %s %s %s %s", bf.Code, p, area, g)
					}
				}
			}
		}
	}
	if len(ix) != want {
		t.Errorf("%d values, want %d (values outside the catalogue's periods, areas or groups?)", len(ix), want)
	}
	if _, ok := ix[demoKey{"C-K4-G1", "2016", "stadt", "insgesamt"}]; ok {
		t.Errorf("turnout figure has a value in 2016, a year without Integrationsrat election")
	}
}

func TestDemoValuesAreValid(t *testing.T) {
	cat := demoCatalog(t)
	areas := map[string]bool{}
	for _, a := range cat.Areas {
		areas[a.Code] = true
	}
	for _, v := range demo.Values(cat, 2011, 2025) {
		bf, ok := cat.BaseFigureByCode(v.BaseFigure)
		if !ok {
			t.Fatalf("value for unknown base figure %q", v.BaseFigure)
		}
		if err := v.Validate(bf); err != nil {
			t.Errorf("%s %s %s %s: %v", v.BaseFigure, v.Period, v.Area, v.Group, err)
		}
		if p, err := store.ParsePeriodOfKind(string(v.Period), bf.PeriodKind); err != nil || p != v.Period {
			t.Errorf("%s: period %q is not canonical (%q, %v)", v.BaseFigure, v.Period, p, err)
		}
		if !areas[v.Area] {
			t.Errorf("%s: unknown area %q", v.BaseFigure, v.Area)
		}
		if v.Origin != "Beispieldaten" {
			t.Errorf("%s: origin %q", v.BaseFigure, v.Origin)
		}
		if v.HasNumber() && (v.Number < 0 || v.Number != math.Trunc(v.Number)) {
			t.Errorf("%s %s %s %s: count %v is not a whole number ≥ 0", v.BaseFigure, v.Period, v.Area, v.Group, v.Number)
		}
	}
}

// cells groups the numbers by Grundzahl, period and area.
func cells(vs []store.Value) map[[3]string]map[string]float64 {
	out := map[[3]string]map[string]float64{}
	for _, v := range vs {
		if !v.HasNumber() {
			continue
		}
		k := [3]string{v.BaseFigure, string(v.Period), v.Area}
		if out[k] == nil {
			out[k] = map[string]float64{}
		}
		out[k][v.Group] = v.Number
	}
	return out
}

func TestDemoValuesAddUp(t *testing.T) {
	cs := cells(demo.Values(demoCatalog(t), 2011, 2025))
	for k, g := range cs {
		ins, hasIns := g["insgesamt"]
		d, hasD := g["deutsche"]
		a, hasA := g["auslaender"]
		if hasIns && hasD && hasA && math.Abs(ins-d-a) > 1 {
			t.Errorf("%v: insgesamt %v ≠ deutsche %v + auslaender %v", k, ins, d, a)
		}
		m, hasM := g["mit_mh"]
		o, hasO := g["ohne_mh"]
		if hasIns && hasM && hasO && math.Abs(ins-m-o) > 1 {
			t.Errorf("%v: insgesamt %v ≠ mit_mh %v + ohne_mh %v", k, ins, m, o)
		}
		for grp, n := range g {
			if hasIns && n > ins {
				t.Errorf("%v: %s %v exceeds insgesamt %v", k, grp, n, ins)
			}
		}
		if hasA && hasM && a > m {
			t.Errorf("%v: %v foreigners but only %v with a migration background", k, a, m)
		}
	}
	// Subsets: each part, per period, area and group, no larger than its whole.
	subsets := [][2]string{
		{"B-K1-G2", "B-K1-G1"}, {"B-K2-G2", "B-K2-G1"}, {"B-K3-G2", "B-K3-G1"}, {"B-K3-G3", "B-K3-G2"},
		{"B-K4-G2", "B-K4-G1"}, {"A-K4-G1", "A-K4-G2"}, {"A-K5-G1", "A-K5-G2"}, {"B-W1-G1", "B-W1-G2"},
		{"B-W2-G2", "B-W2-G1"}, {"C-K1-G1", "C-K1-G2"}, {"C-K3-G2", "C-K3-G1"}, {"C-K4-G2", "C-K4-G1"},
		{"BEV1525", "BEV"},
	}
	checked := 0
	for _, s := range subsets {
		for k, part := range cs {
			if k[0] != s[0] {
				continue
			}
			whole := cs[[3]string{s[1], k[1], k[2]}]
			for grp, n := range part {
				if w, ok := whole[grp]; ok {
					checked++
					if n > w {
						t.Errorf("%s %s %s %s = %v exceeds %s = %v", s[0], k[1], k[2], grp, n, s[1], w)
					}
				}
			}
		}
	}
	if checked < 500 {
		t.Errorf("only %d subset pairs compared; did the codes change?", checked)
	}
}

func TestDemoValuesAgreeAcrossFiguresAndAreas(t *testing.T) {
	cs := cells(demo.Values(demoCatalog(t), 2011, 2025))
	get := func(bf, p, area, g string) float64 {
		t.Helper()
		n, ok := cs[[3]string{bf, p, area}][g]
		if !ok {
			t.Fatalf("no number for %s %s %s %s", bf, p, area, g)
		}
		return n
	}
	for y := 2011; y <= 2025; y++ {
		sy, d := fmt.Sprintf("%d/%02d", y, (y+1)%100), fmt.Sprintf("%d-12-31", y)
		for _, g := range []string{"insgesamt", "auslaender"} {
			if a, b := get("B-K1-G1", sy, "stadt", g), get("B-K2-G1", sy, "stadt", g); a != b {
				t.Errorf("%s: all fifth graders (%s) differ between B-K1 (%v) and B-K2 (%v)", sy, g, a, b)
			}
		}
		if gym, haupt, all := get("B-K1-G2", sy, "stadt", "insgesamt"), get("B-K2-G2", sy, "stadt", "insgesamt"), get("B-K1-G1", sy, "stadt", "insgesamt"); gym+haupt > all {
			t.Errorf("%s: Gymnasium %v + Hauptschule %v exceed all fifth graders %v", sy, gym, haupt, all)
		}
		for _, g := range []string{"insgesamt", "mit_mh"} {
			if a, b := get("B-K3-G1", sy, "stadt", g), get("B-K4-G1", sy, "stadt", g); a != b {
				t.Errorf("%s: examined children (%s) differ between B-K3 (%v) and B-K4 (%v)", sy, g, a, b)
			}
		}
		city, agentur, kreis := get("BEV", d, "stadt", "insgesamt"), get("BEV", d, "agentur", "insgesamt"), get("BEV", d, "kreis", "insgesamt")
		if !(city < agentur && agentur < kreis) {
			t.Errorf("%s: population stadt %v, agentur %v, kreis %v not nested", d, city, agentur, kreis)
		}
		for _, h := range []string{"H1", "H2"} {
			p := fmt.Sprintf("%d-%s", y, h)
			if s, k := get("A-K1-G1", p, "stadt", "insgesamt"), get("A-K1-G1", p, "kreis", "insgesamt"); s >= k {
				t.Errorf("%s: unemployed in the city %v not below the Kreis %v", p, s, k)
			}
		}
	}
	// The Briefwahl counts the voters with a Wahlschein, whom their
	// Stimmbezirk does not count again (issue 13: no double counting).
	for _, y := range []string{"2014", "2020", "2025"} {
		for _, code := range []string{"C-K4-G1", "C-K4-G2"} {
			s1, s2, bw := get(code, y, "stimmbezirk1", "insgesamt"), get(code, y, "stimmbezirk2", "insgesamt"), get(code, y, "briefwahl", "insgesamt")
			if city := get(code, y, "stadt", "insgesamt"); s1+s2+bw != city || bw == 0 {
				t.Errorf("%s %s: Stimmbezirke %v + %v + Briefwahl %v ≠ city %v", code, y, s1, s2, bw, city)
			}
		}
	}
}

func TestDemoValuesMagnitudes(t *testing.T) {
	cs := cells(demo.Values(demoCatalog(t), 2011, 2025))
	cases := []struct {
		name, bf, area, group string
		min, max              float64
	}{
		{"PopulationCity", "BEV", "stadt", "insgesamt", 105000, 115000},
		{"PopulationKreis", "BEV", "kreis", "insgesamt", 270000, 295000},
		{"ForeignersCity", "BEV", "stadt", "auslaender", 7000, 20000},
		{"EligibleVoters", "C-K4-G1", "stadt", "insgesamt", 15000, 25000},
		{"FifthGraders", "B-K1-G1", "stadt", "insgesamt", 800, 1300},
		{"CouncilAndCommittees", "C-K3-G1", "stadt", "insgesamt", 150, 250},
		{"UnemployedCity", "A-K1-G1", "stadt", "insgesamt", 3000, 6000},
		{"EmployedCity", "A-K1-G2", "stadt", "insgesamt", 33000, 45000},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			n := 0
			for k, g := range cs {
				if v, ok := g[tc.group]; ok && k[0] == tc.bf && k[2] == tc.area {
					n++
					if v < tc.min || v > tc.max {
						t.Errorf("%s %s = %v, want %v–%v", k[0], k[1], v, tc.min, tc.max)
					}
				}
			}
			if n == 0 {
				t.Fatal("no values")
			}
		})
	}
	for _, y := range []string{"2014", "2020", "2025"} {
		k := func(bf string) float64 { return cs[[3]string{bf, y, "stadt"}]["insgesamt"] }
		if turnout := k("C-K4-G2") / k("C-K4-G1") * 100; turnout < 9 || turnout > 23 {
			t.Errorf("turnout %s %.1f %%, want 9–23 %%", y, turnout)
		}
	}
}

type realFigure struct {
	demoKey
	n      float64
	source string
}

func realFigures() []realFigure {
	const pop, employed = "IT.NRW, Regionaldatenbank 12411-01-01-5", "IT.NRW, Regionaldatenbank 13111-02-02-5"
	nation := "IT.NRW, Regionaldatenbank 12411-03-03-4"
	return []realFigure{
		{demoKey{"BEV", "2011-12-31", "stadt", "insgesamt"}, 109026, pop},
		{demoKey{"BEV", "2012-12-31", "stadt", "insgesamt"}, 109138, pop},
		{demoKey{"BEV", "2013-12-31", "stadt", "insgesamt"}, 109425, pop},
		{demoKey{"BEV", "2014-12-31", "stadt", "insgesamt"}, 109697, pop},
		{demoKey{"BEV", "2015-12-31", "stadt", "insgesamt"}, 111366, pop},
		{demoKey{"BEV", "2024-12-31", "stadt", "insgesamt"}, 111361, "Landesdatenbank NRW 12411-15i"},
		{demoKey{"BEV", "2015-12-31", "kreis", "insgesamt"}, 282729, nation},
		{demoKey{"BEV", "2015-12-31", "kreis", "deutsche"}, 258391, nation},
		{demoKey{"BEV", "2015-12-31", "kreis", "auslaender"}, 24338, nation},
		{demoKey{"A-K1-G2", "2015-H1", "stadt", "insgesamt"}, 36955, employed},
		{demoKey{"A-K1-G2", "2015-H1", "stadt", "auslaender"}, 3054, employed},
	}
}

func TestDemoValuesUseRealFigures(t *testing.T) {
	vs := demo.Values(demoCatalog(t), 2011, 2025)
	ix := demoIndex(t, vs)
	real := map[demoKey]bool{}
	for _, r := range realFigures() {
		real[r.demoKey] = true
		v, ok := ix[r.demoKey]
		switch {
		case !ok:
			t.Errorf("%v: missing", r.demoKey)
		case !v.HasNumber() || v.Number != r.n || v.Demo || v.Source != r.source:
			t.Errorf("%v = %v %q (demo %v, source %q), want %v from %q", r.demoKey, v.Number, v.Symbol, v.Demo, v.Source, r.n, r.source)
		}
	}
	for _, v := range vs {
		k := demoKey{v.BaseFigure, string(v.Period), v.Area, v.Group}
		if real[k] {
			continue
		}
		if !v.Demo || v.Source != "Beispieldaten (erfunden)" || v.Note != "Beispieldaten – keine echten Zahlen" {
			t.Errorf("%v is invented but labelled demo %v, source %q, note %q", k, v.Demo, v.Source, v.Note)
		}
	}
}

// The Kreis's yearly means of Arbeitslose are not stored (the Grundzahl
// is half-yearly), but the invented half-years must average to them.
func TestDemoUnemploymentAveragesToRealMeans(t *testing.T) {
	ix := demoIndex(t, demo.Values(demoCatalog(t), 2009, 2016))
	means := []struct {
		year         int
		area         string
		all, foreign float64
	}{
		{2009, "kreis", 9503, 1848}, {2011, "kreis", 8700, 1625}, {2013, "kreis", 9205, 1796},
		{2015, "kreis", 9172, 1945}, {2016, "kreis", 9070, 2064}, {2016, "stadt", 4270, 1134},
	}
	for _, m := range means {
		for g, want := range map[string]float64{"insgesamt": m.all, "auslaender": m.foreign} {
			h1 := ix[demoKey{"A-K1-G1", fmt.Sprintf("%d-H1", m.year), m.area, g}]
			h2 := ix[demoKey{"A-K1-G1", fmt.Sprintf("%d-H2", m.year), m.area, g}]
			if mean := (h1.Number + h2.Number) / 2; math.Abs(mean-want) > 1 || h1.Number == h2.Number {
				t.Errorf("%d %s %s: half-years %v and %v, want them around the real mean %v", m.year, m.area, g, h1.Number, h2.Number, want)
			}
		}
	}
}

func TestDemoValuesCensusBreak(t *testing.T) {
	ix := demoIndex(t, demo.Values(demoCatalog(t), 2008, 2012))
	for p, want := range map[string]float64{"2008-12-31": 105901, "2009-12-31": 105699, "2010-12-31": 105723} {
		if v := ix[demoKey{"BEV", p, "stadt", "insgesamt"}]; v.Number != want || v.Demo {
			t.Errorf("BEV stadt %s = %v (demo %v), want the real %v", p, v.Number, v.Demo, want)
		}
	}
	for _, area := range []string{"kreis", "agentur"} {
		before := ix[demoKey{"BEV", "2010-12-31", area, "insgesamt"}].Number
		after := ix[demoKey{"BEV", "2011-12-31", area, "insgesamt"}].Number
		if before > 0.985*after {
			t.Errorf("BEV %s: 2010 %v, 2011 %v; want the census level shift", area, before, after)
		}
	}
}

func TestDemoValuesDeterministic(t *testing.T) {
	cat := demoCatalog(t)
	a, b := demo.Values(cat, 2011, 2025), demo.Values(cat, 2011, 2025)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two calls returned different values")
	}
	// A value must not depend on the range it was generated with.
	full := demoIndex(t, a)
	n := 0
	for _, v := range demo.Values(cat, 2016, 2018) {
		w, ok := full[demoKey{v.BaseFigure, string(v.Period), v.Area, v.Group}]
		if ok && v.HasNumber() && w.HasNumber() {
			n++
			if v.Number != w.Number {
				t.Errorf("%s %s %s %s: %v in 2016–2018, %v in 2011–2025", v.BaseFigure, v.Period, v.Area, v.Group, v.Number, w.Number)
			}
		}
	}
	if n < 300 {
		t.Errorf("only %d values compared", n)
	}
}

func TestDemoValuesSymbols(t *testing.T) {
	vs := demo.Values(demoCatalog(t), 2011, 2025)
	seen := map[store.Symbol]int{}
	for _, v := range vs {
		if v.HasNumber() {
			continue
		}
		seen[v.Symbol]++
		if !v.Symbol.Valid() {
			t.Errorf("%s %s: invalid symbol %q", v.BaseFigure, v.Period, v.Symbol)
		}
		if v.BaseFigure == "BEV" || v.BaseFigure == "BEV1525" {
			t.Errorf("symbol %q in the population %s %s %s", v.Symbol, v.Period, v.Area, v.Group)
		}
	}
	if seen[store.SymLater] == 0 || seen[store.SymUnknown] == 0 {
		t.Errorf("symbols %v, want both \"...\" and \".\"", seen)
	}
	if n := seen[store.SymLater] + seen[store.SymUnknown]; n*100 > len(vs) {
		t.Errorf("%d symbols among %d values, want at most 1 %%", n, len(vs))
	}
}

// The assessments should show different outcomes: some Kennzahlen move
// toward their goal, some against it.
func TestDemoValuesMoveInDifferentDirections(t *testing.T) {
	cs := cells(demo.Values(demoCatalog(t), 2011, 2025))
	share := func(part, whole, p, g string) float64 {
		return cs[[3]string{part, p, "stadt"}][g] / cs[[3]string{whole, p, "stadt"}][g]
	}
	cases := []struct {
		name        string
		first, last float64
		wantRise    bool
	}{
		{"ForeignChildrenAtGymnasiumRise", share("B-K1-G2", "B-K1-G1", "2011/12", "auslaender"), share("B-K1-G2", "B-K1-G1", "2025/26", "auslaender"), true},
		{"ForeignChildrenAtHauptschuleFall", share("B-K2-G2", "B-K2-G1", "2011/12", "auslaender"), share("B-K2-G2", "B-K2-G1", "2025/26", "auslaender"), false},
		{"LanguageNeedRisesAgainstGoal", share("B-K3-G2", "B-K3-G1", "2011/12", "mit_mh"), share("B-K3-G2", "B-K3-G1", "2025/26", "mit_mh"), true},
		{"TurnoutFallsAgainstGoal", share("C-K4-G2", "C-K4-G1", "2014", "insgesamt"), share("C-K4-G2", "C-K4-G1", "2025", "insgesamt"), false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if math.IsNaN(tc.first) || math.IsNaN(tc.last) || (tc.last > tc.first) != tc.wantRise {
				t.Errorf("from %.3f to %.3f, want rising %v", tc.first, tc.last, tc.wantRise)
			}
		})
	}
}

func TestDemoValuesStoreInNewFile(t *testing.T) {
	ctx := context.Background()
	cat := demoCatalog(t)
	s, err := store.Create(ctx, filepath.Join(t.TempDir(), "demo.sqlite"), cat)
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	defer s.Close()
	n, err := demo.Add(ctx, s, 2011, 2025)
	if err != nil {
		t.Fatalf("add: %v", err)
	}
	// Add puts the demo schools into the file first (demo_breakdowns.go);
	// it stores the values of the catalogue with them.
	withSchools, err := s.Catalog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	vals := demo.Values(withSchools, 2011, 2025)
	if len(vals) <= len(demo.Values(cat, 2011, 2025)) {
		t.Errorf("no values for the demo schools")
	}
	if n != len(vals) {
		t.Errorf("stored %d of %d values", n, len(vals))
	}
	set, err := s.Settings(ctx)
	if err != nil || !set.Demo || set.ReportYear != 2025 || !set.ReportYearStored {
		t.Errorf("settings after Add = %+v, %v; want Beispieldaten with Berichtsjahr 2025", set, err)
	}
	back, err := s.Values(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(vals) {
		t.Errorf("read back %d values, saved %d", len(back), len(vals))
	}
	v, err := s.Value(ctx, "BEV", "2011-12-31", "stadt", "insgesamt")
	if err != nil || v.Number != 109026 || v.Demo || v.Source != "IT.NRW, Regionaldatenbank 12411-01-01-5" {
		t.Errorf("real population read back as %v (demo %v, source %q, err %v)", v.Number, v.Demo, v.Source, err)
	}
	if v, err := s.Value(ctx, "A-K1-G2", "2025-H2", "stadt", "insgesamt"); err != nil || v.Symbol != store.SymLater || !v.Demo {
		t.Errorf("symbol read back as %q (demo %v, err %v)", v.Symbol, v.Demo, err)
	}
}

func BenchmarkDemoValues(b *testing.B) {
	cat := demoCatalog(b)
	for b.Loop() {
		demo.Values(cat, 2011, 2025)
	}
}

func TestDemoFileHasCensusBreaks(t *testing.T) {
	ctx := context.Background()
	cat, err := store.ParseCatalog(assets.Catalog)
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Create(ctx, filepath.Join(t.TempDir(), "demo.sqlite"), cat)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := demo.Add(ctx, s, 2011, 2025); err != nil {
		t.Fatal(err)
	}
	bs, err := s.SeriesBreaks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, b := range bs {
		got[b.BaseFigure+" "+string(b.Period)] = true
	}
	for _, want := range []string{"BEV 2011", "BEV 2022", "BEV1525 2022"} {
		if !got[want] {
			t.Errorf("demo file lacks the break %s; has %v", want, got)
		}
	}
}
