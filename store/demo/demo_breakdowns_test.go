package demo_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/demo"
)

// TestDemoBreakdownsAddUp: the invented breakdowns agree with their totals.
func TestDemoBreakdownsAddUp(t *testing.T) {
	ix := demoIndex(t, demo.Values(demoCatalog(t), 2011, 2025))
	get := func(bf, p, area, g string) float64 {
		v, ok := ix[demoKey{bf, p, area, g}]
		if !ok {
			t.Fatalf("no demo value %s %s %s %s", bf, p, area, g)
		}
		return v.Number
	}
	for _, c := range []struct{ bf, p, area string }{
		{"BEV", "2024-12-31", "stadt"}, {"A-K1-G1", "2020-H1", "stadt"}, {"A-K2-G1", "2020", "agentur"}, {"A-K4-G2", "2020", "stadt"},
	} {
		n, w, m := get(c.bf, c.p, c.area, "insgesamt"), get(c.bf, c.p, c.area, "weiblich"), get(c.bf, c.p, c.area, "maennlich")
		aw, dw := get(c.bf, c.p, c.area, "auslaender_weiblich"), get(c.bf, c.p, c.area, "deutsche_weiblich")
		if w+m != n || aw+dw != w || w < 0.35*n || w > 0.6*n {
			t.Errorf("%v: Frauen %v + Männer %v vs %v; Ausländerinnen %v + deutsche Frauen %v", c, w, m, n, aw, dw)
		}
	}
	if u, a := get("A-K1-G1", "2020-H1", "stadt", "alter_u25"), get("A-K1-G1", "2020-H1", "stadt", "insgesamt"); u <= 0 || u > 0.2*a {
		t.Errorf("unemployed under 25: %v of %v", u, a)
	}
	for _, g := range []string{"insgesamt", "deutsche", "auslaender"} {
		sum := get("A-K4-G1", "2020", "stadt", g) + get("A-K4-G3", "2020", "stadt", g) + get("A-K4-G4", "2020", "stadt", g) + get("A-K4-G5", "2020", "stadt", g)
		if all := get("A-K4-G2", "2020", "stadt", g); sum != all {
			t.Errorf("A-K4 %s: Abschlussarten add to %v, leavers %v", g, sum, all)
		}
	}
	if w, n := get("BEV1565", "2024-12-31", "stadt", "insgesamt"), get("BEV", "2024-12-31", "stadt", "insgesamt"); w < 0.55*n || w > 0.7*n {
		t.Errorf("BEV1565 %v of BEV %v", w, n)
	}
	if h, s := get("A-W2-G3", "2020", "verwaltung_sachbearbeitung", "insgesamt"), get("A-W2-G1", "2020", "verwaltung_sachbearbeitung", "insgesamt"); h <= 0 || h > 0.2*s {
		t.Errorf("hires %v of staff %v", h, s)
	}
}

// TestDemoSchoolsAddUpToCity: a new Beispieldatei has a school list, and
// the schools' fifth graders add up to the city's in every Grundzahl.
func TestDemoSchoolsAddUpToCity(t *testing.T) {
	ctx := context.Background()
	s, err := store.Create(ctx, filepath.Join(t.TempDir(), "demo.sqlite"), demoCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := demo.Add(ctx, s, 2020, 2025); err != nil {
		t.Fatal(err)
	}
	schools, err := s.Schools(ctx)
	if err != nil || len(schools) < 4 {
		t.Fatalf("demo schools = %v, %v", schools, err)
	}
	vs, err := s.Values(ctx, "B-K1-G1", "B-K1-G2", "B-K2-G1", "B-K2-G2")
	if err != nil {
		t.Fatal(err)
	}
	type key struct{ bf, p, g string }
	city, sum := map[key]float64{}, map[key]float64{}
	for _, v := range vs {
		k := key{v.BaseFigure, string(v.Period), v.Group}
		switch {
		case v.Area == "stadt":
			city[k] = v.Number
		case strings.HasPrefix(v.Area, "schule_"):
			sum[k] += v.Number
		}
	}
	for k, n := range sum {
		if city[k] != n {
			t.Errorf("%v: schools add up to %v, city %v", k, n, city[k])
		}
	}
	if len(sum) == 0 {
		t.Error("no school values")
	}
}
