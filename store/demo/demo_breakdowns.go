package demo

import (
	"context"
	"math"
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// demoBreakdowns makes the invented values of the breakdowns agree with the
// totals they break down: Frauen + Männer = Insgesamt within each
// citizenship, the age groups within their total, the Abschlussarten
// within all school leavers, the comparison populations within the
// population, the hires within the staff, and the eligible voters of
// Stimmbezirk 1, Stimmbezirk 2 and Briefwahl within the city's (the
// Briefwahl counts those with a Wahlschein, whom their Stimmbezirk then
// does not count again). Published figures (Demo false) are kept.
func demoBreakdowns(vs []store.Value) []store.Value {
	ix := map[demoKey]int{}
	for i, v := range vs {
		ix[demoKey{v.BaseFigure, v.Period, v.Area, v.Group}] = i
	}
	get := func(code string, p store.Period, area, g string) (float64, bool) {
		i, ok := ix[demoKey{code, p, area, g}]
		if !ok {
			return 0, false
		}
		return vs[i].Number, true
	}
	set := func(code string, p store.Period, area, g string, n float64) {
		if i, ok := ix[demoKey{code, p, area, g}]; ok && vs[i].Demo {
			vs[i].Number = math.Max(math.Round(n), 0)
		}
	}
	// The new Grundzahlen first, as the splits below divide their totals.
	for _, v := range vs {
		if v.Group != "insgesamt" {
			continue
		}
		switch v.BaseFigure {
		case "BEV1565", "BEV18":
			demoAgeBand(v, get, set)
		case "A-K4-G3":
			demoLeavers(v, get, set)
		case "A-W2-G3":
			demoHires(v, get, set)
		case "C-K4-G1":
			if v.Area == "briefwahl" {
				demoPostal(v, get, set)
			}
		}
	}
	for _, v := range vs {
		if v.Group == "insgesamt" {
			demoSexAge(v, get, set)
		}
	}
	return demoSchoolValues(vs)
}

type demoGetter func(code string, p store.Period, area, g string) (float64, bool)
type demoSetter func(code string, p store.Period, area, g string, n float64)

// demoAgeBand derives the population 15 to under 65 (about 64 % of all,
// foreigners more often of working age) and 18 and over from BEV.
func demoAgeBand(v store.Value, get demoGetter, set demoSetter) {
	n, ok := get("BEV", v.Period, v.Area, "insgesamt")
	if !ok {
		return
	}
	a, _ := get("BEV", v.Period, v.Area, "auslaender")
	m, _ := get("BEV", v.Period, v.Area, "mit_mh")
	rN, rA, rM := 0.635, 0.76, 0.66
	if v.BaseFigure == "BEV18" {
		rN, rA, rM = 0.825, 0.84, 0.74
	}
	c := demoCount{math.Round(n * rN), math.Round(a * rA), math.Round(m * rM)}
	c.M = min(max(c.M, c.A), c.N)
	for _, g := range []string{"insgesamt", "deutsche", "auslaender", "mit_mh", "ohne_mh"} {
		set(v.BaseFigure, v.Period, v.Area, g, c.group(g))
	}
}

// demoLeavers splits the leavers without Hochschulreife (A-K4-G2 − G1)
// into ohne Hauptschulabschluss, Hauptschulabschluss and
// Fachoberschulreife; foreigners leave more often without or with a
// Hauptschulabschluss (IT.NRW 19211).
func demoLeavers(v store.Value, get demoGetter, set demoSetter) {
	t := float64(v.Period.Year())
	shares := map[string][2]float64{ // without, Hauptschulabschluss; the rest Fachoberschulreife
		"deutsche":   {demoLin(t, 0.06, 0.05), demoLin(t, 0.2, 0.15)},
		"auslaender": {demoLin(t, 0.16, 0.12), demoLin(t, 0.36, 0.3)},
	}
	var tot [3]float64
	for _, g := range []string{"deutsche", "auslaender"} {
		all, ok1 := get("A-K4-G2", v.Period, v.Area, g)
		abi, ok2 := get("A-K4-G1", v.Period, v.Area, g)
		if !ok1 || !ok2 {
			return
		}
		rest := math.Max(all-abi, 0)
		s := shares[g]
		parts := [3]float64{math.Round(rest * s[0]), math.Round(rest * s[1]), 0}
		parts[2] = rest - parts[0] - parts[1]
		for i, code := range []string{"A-K4-G3", "A-K4-G4", "A-K4-G5"} {
			set(code, v.Period, v.Area, g, parts[i])
			tot[i] += parts[i]
		}
	}
	for i, code := range []string{"A-K4-G3", "A-K4-G4", "A-K4-G5"} {
		set(code, v.Period, v.Area, "insgesamt", tot[i])
	}
}

// demoHires are a yearly share of the staff of each level; the newly
// hired have a migration background more often than the staff.
func demoHires(v store.Value, get demoGetter, set demoSetter) {
	staff, ok := get("A-W2-G1", v.Period, v.Area, "insgesamt")
	if !ok {
		return
	}
	mh, _ := get("A-W2-G1", v.Period, v.Area, "mit_mh")
	rate := map[string]float64{"verwaltung_fuehrung": 0.06, "verwaltung_ausbildung": 0.38}[v.Area]
	if rate == 0 {
		rate = 0.075
	}
	n := math.Round(staff * rate * (1 + 0.1*demoNoise("A-W2-G3/"+v.Area, v.Period)))
	set(v.BaseFigure, v.Period, v.Area, "insgesamt", n)
	if staff > 0 {
		set(v.BaseFigure, v.Period, v.Area, "mit_mh", math.Min(math.Round(n*mh/staff*1.3), n))
	}
}

// demoPostal takes the voters with a Wahlschein out of the two
// Stimmbezirke, so that Stimmbezirk 1 + Stimmbezirk 2 + Briefwahl is the
// city for the eligible as for the voters.
func demoPostal(v store.Value, get demoGetter, set demoSetter) {
	city, ok := get("C-K4-G1", v.Period, "stadt", "insgesamt")
	if !ok {
		return
	}
	atUrn := city - v.Number
	e1 := math.Round(atUrn * 0.53)
	set("C-K4-G1", v.Period, "stimmbezirk1", "insgesamt", e1)
	set("C-K4-G1", v.Period, "stimmbezirk2", "insgesamt", atUrn-e1)
	// Not every Wahlschein comes back; the city's voters are the parts'.
	v1, ok1 := get("C-K4-G2", v.Period, "stimmbezirk1", "insgesamt")
	v2, ok2 := get("C-K4-G2", v.Period, "stimmbezirk2", "insgesamt")
	if !ok1 || !ok2 {
		return
	}
	postal := math.Round(v.Number * (0.78 + 0.03*demoNoise("C-K4/rücklauf", v.Period)))
	set("C-K4-G2", v.Period, "briefwahl", "insgesamt", postal)
	set("C-K4-G2", v.Period, "stadt", "insgesamt", v1+v2+postal)
}

// demoFemale is the share of women in a Grundzahl's groups: about half of
// the population and of the pupils, fewer among the unemployed.
func demoFemale(code, group string) float64 {
	switch {
	case strings.HasPrefix(code, "A-K1-G1"), strings.HasPrefix(code, "A-K2"):
		if group == "auslaender" {
			return 0.43
		}
		return 0.45
	case strings.HasPrefix(code, "A-K1-G2"):
		return 0.47
	case strings.HasPrefix(code, "A-K4-G3"), strings.HasPrefix(code, "A-K4-G4"):
		return 0.4
	case strings.HasPrefix(code, "A-K4-G1"):
		return 0.55
	case strings.HasPrefix(code, "BEV"):
		return 0.512
	}
	return 0.49
}

// demoAgeShare is the share of a Grundzahl's count under 25 and 55 to
// under 65.
func demoAgeShare(code, band, group string) float64 {
	young := map[string]float64{"A-K1-G1": 0.09, "A-K1-G2": 0.11, "A-K2-G1": 0.12}[code]
	old := map[string]float64{"A-K1-G1": 0.21, "A-K1-G2": 0.22, "A-K2-G1": 0.19}[code]
	if group == "auslaender" {
		young, old = young*1.25, old*0.55
	}
	if band == "alter_u25" {
		return young
	}
	return old
}

// demoSexAge splits the citizenship groups of a total by sex and age band,
// so that weiblich = deutsche_weiblich + auslaender_weiblich and each
// group's Frauen + Männer is the group.
func demoSexAge(v store.Value, get demoGetter, set demoSetter) {
	code, p, area := v.BaseFigure, v.Period, v.Area
	noise := 0.01 * demoNoise(code+"/sex/"+area, p)
	for _, suffixes := range [][]string{{"weiblich", "maennlich"}, {"alter_u25"}, {"alter_55u65"}} {
		first := suffixes[0]
		if _, ok := get(code, p, area, first); !ok {
			continue
		}
		share := func(g string) float64 {
			if first == "weiblich" {
				return demoFemale(code, g) + noise
			}
			return demoAgeShare(code, first, g) * (1 + 3*noise)
		}
		var sum float64
		split := false
		for _, g := range []string{"deutsche", "auslaender"} {
			n, ok := get(code, p, area, g)
			if a, okA := get(code, p, area, "auslaender"); !ok && g == "deutsche" && okA {
				n, ok = v.Number-a, true // a Grundzahl counting foreigners only
			}
			if !ok {
				continue
			}
			part := math.Round(n * share(g))
			set(code, p, area, g+"_"+first, part)
			if len(suffixes) > 1 {
				set(code, p, area, g+"_"+suffixes[1], n-part)
			}
			sum += part
			split = true
		}
		if !split {
			sum = math.Round(v.Number * share("insgesamt"))
		}
		set(code, p, area, first, sum)
		if len(suffixes) > 1 {
			set(code, p, area, suffixes[1], v.Number-sum)
		}
	}
}

// demoSchools are the schools of a new Beispieldatei, with their
// Schulform and their share of the fifth graders of their kind. The names
// are invented, so that no real school is shown with invented numbers.
var demoSchools = []struct {
	name, kind string
	weight     float64
}{
	{"Beispiel-Gymnasium Nord", "gymnasium", 0.55},
	{"Beispiel-Gymnasium Süd", "gymnasium", 0.45},
	{"Beispiel-Hauptschule", "hauptschule", 1},
	{"Beispiel-Realschule", "realschule", 0.4},
	{"Beispiel-Gesamtschule Ost", "gesamtschule", 0.3},
	{"Beispiel-Gesamtschule West", "gesamtschule", 0.3},
}

// demoCatalog adds the demo schools to a file that has no schools yet and
// returns its catalogue, in which B-K1 and B-K2 then have the schools as
// Bezirke.
func demoCatalog(ctx context.Context, s *store.Store) (*store.Catalog, error) {
	list, err := s.Schools(ctx)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		for _, sc := range demoSchools {
			if _, err := s.AddSchool(ctx, sc.name, sc.kind); err != nil {
				return nil, err
			}
		}
	}
	return s.Catalog(ctx)
}

// demoSchoolValues splits the city's fifth graders (B-K1, B-K2) among the
// demo schools: the Gymnasien share B-K1-G2, the Hauptschule has B-K2-G2,
// the other schools the rest, so that the schools add up to the city in
// every Grundzahl. Only Insgesamt and Ausländer/innen are split; values of
// other schools and groups are dropped, as the demo has no numbers for
// them.
func demoSchoolValues(vs []store.Value) []store.Value {
	codes := map[string]int{}
	for i, sc := range demoSchools {
		codes[store.SchoolCode(sc.name)] = i
	}
	city := map[demoKey]float64{}
	for _, v := range vs {
		if v.Area == "stadt" {
			city[demoKey{v.BaseFigure, v.Period, "", v.Group}] = v.Number
		}
	}
	out := vs[:0]
	for _, v := range vs {
		i, demo := codes[v.Area]
		if !strings.HasPrefix(v.Area, "schule_") {
			out = append(out, v)
			continue
		}
		if !demo || v.Group != "insgesamt" && v.Group != "auslaender" {
			continue
		}
		all := city[demoKey{"B-K1-G1", v.Period, "", v.Group}]
		gym := city[demoKey{"B-K1-G2", v.Period, "", v.Group}]
		haupt := city[demoKey{"B-K2-G2", v.Period, "", v.Group}]
		sc := demoSchools[i]
		var n float64
		switch kind := sc.kind; {
		case strings.HasSuffix(v.BaseFigure, "-G1"):
			switch kind {
			case "gymnasium":
				n = demoShare(gym, i)
			case "hauptschule":
				n = haupt
			default:
				n = demoShare(all-gym-haupt, i)
			}
		case v.BaseFigure == "B-K1-G2" && kind == "gymnasium":
			n = demoShare(gym, i)
		case v.BaseFigure == "B-K2-G2" && kind == "hauptschule":
			n = haupt
		}
		v.Number, v.Symbol = n, store.NoSymbol
		if n == 0 {
			v.Symbol = store.SymNothing
		}
		out = append(out, v)
	}
	return out
}

// demoShare is school i's part of n among the schools of its pool: the
// last school of a pool takes the remainder, so that the parts add up.
func demoShare(n float64, i int) float64 {
	pool := demoPool(demoSchools[i].kind)
	last := -1
	for j, sc := range demoSchools {
		if demoPool(sc.kind) == pool {
			last = j
		}
	}
	if i != last {
		return math.Round(n * demoSchools[i].weight)
	}
	rest := n
	for j, sc := range demoSchools {
		if demoPool(sc.kind) == pool && j != i {
			rest -= math.Round(n * sc.weight)
		}
	}
	return rest
}

// demoPool is the pool of fifth graders a school shares: the Gymnasien
// B-K1-G2, the Hauptschulen B-K2-G2, all other schools the rest.
func demoPool(kind string) string {
	if kind == "gymnasium" || kind == "hauptschule" {
		return kind
	}
	return "andere"
}
