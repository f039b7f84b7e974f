package official_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/report/official"
	"bergischgladbach.de/integrationsmonitor/store"
)

func importCatalog(t *testing.T) *store.Catalog {
	t.Helper()
	c, err := store.ParseCatalog(assets.Catalog)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// importTable reads a file below dir.
func importTable(t *testing.T, dir, name string) *official.Table {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	tab, err := official.Read(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Read(%s): %s", name, store.Message(err))
	}
	return tab
}

const importFixtures = "testdata"

// importWant is an expected value: number, or symbol when sym is set.
type importWant struct {
	baseFigure, period, area, group string
	num                             float64
	sym                             store.Symbol
}

func checkImported(t *testing.T, cat *store.Catalog, tab *official.Table, got []store.Value, want []importWant) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d values, want %d: %+v", len(got), len(want), got)
	}
	for _, w := range want {
		i := slices.IndexFunc(got, func(v store.Value) bool {
			return v.BaseFigure == w.baseFigure && string(v.Period) == w.period && v.Area == w.area && v.Group == w.group
		})
		if i < 0 {
			t.Errorf("no value %+v", w)
			continue
		}
		v := got[i]
		if v.Symbol != w.sym || w.sym == store.NoSymbol && v.Number != w.num {
			t.Errorf("%+v: got number %v symbol %q", w, v.Number, v.Symbol)
		}
		if v.Source != strings.TrimSpace(tab.Format+" "+tab.TableCode) || v.AsOf != tab.AsOf || v.Origin != "" {
			t.Errorf("%+v: source %q, as-of %q, origin %q", w, v.Source, v.AsOf, v.Origin)
		}
		bf, ok := cat.BaseFigureByCode(v.BaseFigure)
		if !ok {
			t.Fatalf("no base figure %s in the catalogue", v.BaseFigure)
		}
		if err := v.Validate(bf); err != nil {
			t.Errorf("%+v does not validate: %s", v, store.Message(err))
		}
	}
}

// knownTableCase is a download of a known table and the values its
// KnownMappings must yield.
type knownTableCase struct {
	file string
	kind store.PeriodKind
	want []importWant
}

func TestMapRowsKnownTables(t *testing.T) {
	checkKnownTables(t, importFixtures, []knownTableCase{
		{"ldb_12411-15i.csv", store.DatePeriod, []importWant{
			{"BEV", "2024-12-31", "stadt", "insgesamt", 111361, ""},
			{"BEV", "2024-12-31", "kreis", "insgesamt", 284273, ""},
		}},
		{"genesis_12411-01-01-5.csv", store.DatePeriod, []importWant{
			{"BEV", "2015-12-31", "stadt", "insgesamt", 111366, ""},
			{"BEV", "2011-12-31", "stadt", "insgesamt", 109026, ""},
			{"BEV", "2015-12-31", "kreis", "insgesamt", 282729, ""},
			{"BEV", "2011-12-31", "kreis", "insgesamt", 277816, ""},
		}},
		{"genesis_12411-03-03-4.csv", store.DatePeriod, []importWant{
			{"BEV", "2015-12-31", "kreis", "insgesamt", 282729, ""},
			{"BEV", "2015-12-31", "kreis", "deutsche", 258391, ""},
			{"BEV", "2015-12-31", "kreis", "auslaender", 24338, ""},
			// The sex columns: the totals are published, the splits by
			// nationality withheld.
			{"BEV", "2015-12-31", "kreis", "weiblich", 145291, ""},
			{"BEV", "2015-12-31", "kreis", "maennlich", 137438, ""},
			{"BEV", "2015-12-31", "kreis", "deutsche_weiblich", 0, "."},
			{"BEV", "2015-12-31", "kreis", "deutsche_maennlich", 0, "."},
			{"BEV", "2015-12-31", "kreis", "auslaender_weiblich", 0, "."},
			{"BEV", "2015-12-31", "kreis", "auslaender_maennlich", 0, "."},
		}},
		{"genesis_13111-02-02-5.csv", store.HalfYearPeriod, []importWant{
			{"A-K1-G2", "2015-H1", "stadt", "insgesamt", 36955, ""},
			{"A-K1-G2", "2015-H1", "stadt", "auslaender", 3054, ""},
			{"A-K1-G2", "2015-H1", "stadt", "weiblich", 0, "."},
			{"A-K1-G2", "2015-H1", "stadt", "maennlich", 0, "."},
			{"A-K1-G2", "2015-H1", "stadt", "auslaender_weiblich", 0, "."},
			{"A-K1-G2", "2015-H1", "stadt", "auslaender_maennlich", 0, "."},
		}},
		{"genesis_12411-03-03-4_alter.csv", store.DatePeriod, []importWant{
			{"BEV", "2024-12-31", "kreis", "insgesamt", 284273, ""},
			{"BEV", "2024-12-31", "kreis", "weiblich", 146062, ""},
			{"BEV", "2024-12-31", "kreis", "maennlich", 138211, ""},
			{"BEV", "2024-12-31", "kreis", "deutsche", 249000, ""},
			{"BEV", "2024-12-31", "kreis", "deutsche_weiblich", 128500, ""},
			{"BEV", "2024-12-31", "kreis", "deutsche_maennlich", 120500, ""},
			{"BEV", "2024-12-31", "kreis", "auslaender", 35273, ""},
			{"BEV", "2024-12-31", "kreis", "auslaender_weiblich", 17562, ""},
			{"BEV", "2024-12-31", "kreis", "auslaender_maennlich", 17711, ""},
			// 15 to under 65: the eleven age groups added up.
			{"BEV1565", "2024-12-31", "kreis", "insgesamt", 11 * 16500, ""},
			{"BEV1565", "2024-12-31", "kreis", "deutsche", 11 * 14000, ""},
			{"BEV1565", "2024-12-31", "kreis", "auslaender", 11 * 2500, ""},
			// 18 and over: ten groups to 65, then 65–75 and 75 and more.
			{"BEV18", "2024-12-31", "kreis", "insgesamt", 10*16500 + 32000 + 30000, ""},
			{"BEV18", "2024-12-31", "kreis", "deutsche", 10*14000 + 30000 + 28500, ""},
			{"BEV18", "2024-12-31", "kreis", "auslaender", 10*2500 + 2000 + 1500, ""},
		}},
		{"flat_new_12411.csv", store.DatePeriod, []importWant{
			{"BEV", "2024-12-31", "kreis", "insgesamt", 284273, ""},
		}},
		{"flat_old_12411.csv", store.DatePeriod, []importWant{
			{"BEV", "2023-12-31", "kreis", "insgesamt", 286778, ""},
		}},
	})
}

// TestMapRowsRealFiles maps real downloads when official.RealDataEnv names
// a directory of them (an opt-in check, skipped otherwise).
func TestMapRowsRealFiles(t *testing.T) {
	checkKnownTables(t, official.RealDataDir(t), []knownTableCase{
		{"ldbnrw/2024_12411-15i.csv", store.DatePeriod, []importWant{
			{"BEV", "2024-12-31", "stadt", "insgesamt", 111361, ""},
			{"BEV", "2024-12-31", "kreis", "insgesamt", 284273, ""},
		}},
		{"regionalstatistik/12411-01-01-5_00.csv", store.DatePeriod, realPopulation()},
		{"genesis_flat/regionalstatistik_12411-01-01-4_de_flat_2026-03.csv", store.DatePeriod, []importWant{
			{"BEV", "2024-12-31", "kreis", "insgesamt", 284273, ""},
		}},
		{"genesis_flat/regionalstatistik_12411-01-01-4_ffcsv_oldformat_2024-12.csv", store.DatePeriod, []importWant{
			{"BEV", "2023-12-31", "kreis", "insgesamt", 286778, ""},
		}},
	})
}

func checkKnownTables(t *testing.T, dir string, tests []knownTableCase) {
	t.Helper()
	cat := importCatalog(t)
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			tab := importTable(t, dir, tt.file)
			maps := official.KnownMappings(tab.TableCode)
			if len(maps) == 0 {
				t.Fatalf("table %q not known", tab.TableCode)
			}
			got, problems := official.MapRows(tab, maps, tt.kind)
			if len(problems) > 0 {
				t.Errorf("problems: %q", problems)
			}
			checkImported(t, cat, tab, got, tt.want)
		})
	}
}

// realPopulation is Bergisch Gladbach's and the Kreis's population on
// 31.12. in Regionaldatenbank 12411-01-01-5 (Stand 10.10.2017).
func realPopulation() []importWant {
	stadt := map[string]float64{"2008": 105901, "2009": 105699, "2010": 105723, "2011": 109026, "2012": 109138, "2013": 109425, "2014": 109697, "2015": 111366}
	kreis := map[string]float64{"2008": 277635, "2009": 277214, "2010": 276927, "2011": 277816, "2012": 277997, "2013": 278440, "2014": 279497, "2015": 282729}
	var want []importWant
	for y, n := range stadt {
		want = append(want, importWant{"BEV", y + "-12-31", "stadt", "insgesamt", n, ""}, importWant{"BEV", y + "-12-31", "kreis", "insgesamt", kreis[y], ""})
	}
	return want
}

func TestKnownMappingsFitCatalog(t *testing.T) {
	cat := importCatalog(t)
	for _, code := range []string{"12411-15i", "12411-01-01-5", "12411-01-01-4", "12411-03-03-4", "13111-02-02-5", "12411"} {
		maps := official.KnownMappings(code)
		if len(maps) == 0 {
			t.Errorf("%s: no mappings", code)
		}
		for _, m := range maps {
			bf, ok := cat.BaseFigureByCode(m.BaseFigure)
			if !ok || !slices.Contains(bf.Groups, m.Group) || !slices.Contains(bf.Areas, m.Area) {
				t.Errorf("%s: %+v does not fit the catalogue", code, m)
			}
			if i := slices.IndexFunc(cat.Areas, func(a store.Area) bool { return a.Code == m.Area }); i < 0 || cat.Areas[i].Key != m.RegionKey {
				t.Errorf("%s: %+v: region key differs from the catalogue's", code, m)
			}
		}
	}
	for _, code := range []string{"13211-02-05-4", "21111-01-03-4", "22517-02i", "", "99999"} {
		if maps := official.KnownMappings(code); maps != nil {
			t.Errorf("%s mapped, though no Grundzahl fits: %+v", code, maps)
		}
	}
}

// TestMapRowsUserMapping maps what the user chose in the wizard: other
// regions, symbols and GENESIS qualifiers, and a table without a code.
func TestMapRowsUserMapping(t *testing.T) {
	cat := importCatalog(t)
	musterdorf := func(col, group string) official.Mapping {
		return official.Mapping{BaseFigure: "A-K1-G2", Group: group, Area: "stadt", Column: col, RegionKey: "05378099"}
	}
	tab := importTable(t, importFixtures, "genesis_13111-02-02-5.csv")
	got, problems := official.MapRows(tab, []official.Mapping{
		musterdorf("Nationalität; Insgesamt; Geschlecht; Insgesamt", "insgesamt"),
		musterdorf("Nationalität; Ausländer(innen); Geschlecht; Insgesamt", "auslaender"),
	}, store.HalfYearPeriod)
	if len(problems) > 0 {
		t.Errorf("problems: %q", problems)
	}
	checkImported(t, cat, tab, got, []importWant{
		{"A-K1-G2", "2015-H1", "stadt", "insgesamt", 120, ""},
		{"A-K1-G2", "2015-H1", "stadt", "auslaender", 0, store.SymLocked},
		{"A-K1-G2", "2015-H2", "stadt", "insgesamt", 125, ""},
		{"A-K1-G2", "2015-H2", "stadt", "auslaender", 4, ""},
	})
	for _, v := range got {
		wantProv, wantEst := v.Period == "2015-H1" && v.Group == "insgesamt", v.Period == "2015-H1" && v.Group == "auslaender"
		if v.Provisional != wantProv || v.Estimated != wantEst {
			t.Errorf("%s %s: provisional %v estimated %v", v.Period, v.Group, v.Provisional, v.Estimated)
		}
	}

	restricted, _ := official.MapRows(tab, []official.Mapping{musterdorf("Nationalität; Insgesamt; Geschlecht; männlich", "insgesamt")}, store.HalfYearPeriod)
	if len(restricted) != 2 || restricted[0].Number != 60 || !strings.Contains(restricted[0].Note, "eingeschränkt") || restricted[1].Note != "" {
		t.Errorf("bracketed value: %+v", restricted)
	}

	ldb := importTable(t, importFixtures, "ldb_12411-15i.csv")
	sym, problems := official.MapRows(ldb, []official.Mapping{{BaseFigure: "BEV", Group: "insgesamt", Area: "stadt",
		Column: "Fortschreibung des Bevölkerungsstandes; Bevölkerungsstand; Anzahl", RegionKey: "05378099"}}, store.DatePeriod)
	if len(problems) > 0 {
		t.Errorf("problems: %q", problems)
	}
	checkImported(t, cat, ldb, sym, []importWant{{"BEV", "2024-12-31", "stadt", "insgesamt", 0, store.SymUnknown}})

	ba := importTable(t, importFixtures, "ba_zeitreihe_rbk.csv")
	years, problems := official.MapRows(ba, []official.Mapping{{BaseFigure: "X", Group: "auslaender", Column: "Ausländer; Arbeitslose", RegionKey: "05378"}}, store.YearPeriod)
	if len(problems) > 0 || len(years) != 3 || years[1].Period != "2015" || years[1].Number != 1945 || years[1].Area != "kreis" ||
		years[1].Source != "Bundesagentur für Arbeit" || years[1].AsOf != "2017-10-01" {
		t.Errorf("BA time series: %+v, %q", years, problems)
	}
	if _, problems := official.MapRows(ba, []official.Mapping{{BaseFigure: "A-K1-G1", Group: "auslaender", Column: "Ausländer; Arbeitslose", RegionKey: "05378"}}, store.HalfYearPeriod); len(problems) != 3 ||
		!strings.Contains(problems[0], "Halbjahr") || !strings.HasPrefix(problems[0], "Zeile 11 ") {
		t.Errorf("annual figures taken as half-years: %q", problems)
	}
}

func TestMapRowsPeriods(t *testing.T) {
	tests := []struct {
		period string
		kind   store.PeriodKind
		want   store.Period // "" when refused
	}{
		{"31.12.2024", store.DatePeriod, "2024-12-31"},
		{"2024-12-31", store.DatePeriod, "2024-12-31"},
		{"2015", store.DatePeriod, ""},
		{"2015", store.YearPeriod, "2015"},
		{"31.12.2015", store.YearPeriod, ""},
		{"30.06.2015", store.HalfYearPeriod, "2015-H1"},
		{"2015-06-30", store.HalfYearPeriod, "2015-H1"},
		{"31.12.2015", store.HalfYearPeriod, "2015-H2"},
		{"Juni 2024", store.HalfYearPeriod, "2024-H1"},
		{"Dezember 2024", store.HalfYearPeriod, "2024-H2"},
		{"1. Halbjahr 2024", store.HalfYearPeriod, "2024-H1"},
		{"31.03.2015", store.HalfYearPeriod, ""},
		{"März 2024", store.HalfYearPeriod, ""},
		{"2015", store.HalfYearPeriod, ""},
		{"2015/16", store.SchoolYearPeriod, "2015/16"},
		{"2015", store.SchoolYearPeriod, ""},
		{"", store.DatePeriod, ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind)+" "+tt.period, func(t *testing.T) {
			tab := &official.Table{Format: "Test", Rows: []official.Row{
				{RegionKey: "05378004", RegionName: "Bergisch Gladbach", Period: tt.period, Column: "A", Raw: "5", Number: 5, HasNumber: true, Line: 7},
			}}
			got, problems := official.MapRows(tab, []official.Mapping{{BaseFigure: "X", Group: "insgesamt", Column: "A"}}, tt.kind)
			if tt.want == "" {
				if len(got) != 0 || len(problems) != 1 || !strings.HasPrefix(problems[0], "Zeile 7 (Bergisch Gladbach") {
					t.Errorf("got %+v, %q; want one problem", got, problems)
				}
				return
			}
			if len(got) != 1 || got[0].Period != tt.want || got[0].Area != "stadt" || len(problems) != 0 {
				t.Errorf("got %+v, %q; want period %s", got, problems, tt.want)
			}
		})
	}
}

func TestMapRowsDuplicates(t *testing.T) {
	row := func(raw string, n float64) official.Row {
		return official.Row{RegionKey: "05378", RegionName: "RBK", Period: "2024", Column: "A", Raw: raw, Number: n, HasNumber: true, Line: 3}
	}
	m := []official.Mapping{{BaseFigure: "X", Group: "insgesamt", Column: "A"}}
	same, problems := official.MapRows(&official.Table{Rows: []official.Row{row("5", 5), row("5", 5)}}, m, store.YearPeriod)
	if len(same) != 1 || len(problems) != 0 {
		t.Errorf("repeated equal value: %+v, %q", same, problems)
	}
	diff, problems := official.MapRows(&official.Table{Rows: []official.Row{row("5", 5), row("6", 6)}}, m, store.YearPeriod)
	if len(diff) != 1 || diff[0].Number != 5 || len(problems) != 1 || !strings.Contains(problems[0], "anderer Wert") {
		t.Errorf("conflicting values: %+v, %q", diff, problems)
	}
	none, problems := official.MapRows(&official.Table{Rows: []official.Row{row("5", 5)}}, []official.Mapping{{BaseFigure: "X", Group: "insgesamt", Column: "B"}}, store.YearPeriod)
	if len(none) != 0 || len(problems) != 1 || !strings.Contains(problems[0], "Keine Zeile") {
		t.Errorf("unmatched mapping: %+v, %q", none, problems)
	}
	other, _ := official.MapRows(&official.Table{Rows: []official.Row{{RegionKey: "05111", Period: "2024", Column: "A", Raw: "5", Number: 5, HasNumber: true}}}, m, store.YearPeriod)
	if len(other) != 0 {
		t.Errorf("a region outside our areas was mapped: %+v", other)
	}
}
