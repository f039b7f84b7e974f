package report_test

import (
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

func ymd(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestDueDate(t *testing.T) {
	tests := []struct {
		name string
		f    store.Frequency
		p    store.Period
		want time.Time
	}{
		{"HalbjährlichErstesHalbjahr", store.HalfYearly, "2024-H1", ymd(2024, 9, 30)},
		{"HalbjährlichZweitesHalbjahrImFolgejahr", store.HalfYearly, "2024-H2", ymd(2025, 3, 31)},
		{"FebruarJahr", store.YearlyFebruary, "2024", ymd(2025, 2, 28)},
		{"FebruarSchuljahrNachAnfangsjahr", store.YearlyFebruary, "2024/25", ymd(2025, 2, 28)},
		{"FebruarSchaltjahr2028", store.YearlyFebruary, "2027", ymd(2028, 2, 29)},
		{"FebruarSchuljahrSchaltjahr2028", store.YearlyFebruary, "2027/28", ymd(2028, 2, 29)},
		{"FebruarKeinSchaltjahr", store.YearlyFebruary, "2026/27", ymd(2027, 2, 28)},
		{"FebruarJahrhundertKeinSchaltjahr", store.YearlyFebruary, "2099", ymd(2100, 2, 28)},
		{"JährlichJahr", store.Yearly, "2024", ymd(2025, 6, 30)},
		{"JährlichStichtag", store.Yearly, "2024-12-31", ymd(2025, 6, 30)},
		{"JährlichOhneAngabe", "", "2024", ymd(2025, 6, 30)},
		{"Schuljahr", store.PerSchoolYear, "2024/25", ymd(2025, 10, 31)},
		{"WahlJahr2025", store.PerElection, "2025", ymd(2025, 12, 14)},
		{"WahlJahr2020", store.PerElection, "2020", ymd(2020, 12, 13)},
		{"WahlJahr2014", store.PerElection, "2014", ymd(2014, 8, 25)},
		{"WahlJahr2009", store.PerElection, "2009", ymd(2009, 11, 30)},
		{"WahlStichtagWahltag", store.PerElection, "2025-09-14", ymd(2025, 12, 14)},
		{"WahlAngenommen2030", store.PerElection, "2030", ymd(2030, 12, 14)},
		{"WahlJahrOhneKommunalwahl", store.PerElection, "2010", ymd(2011, 3, 31)},
		{"UnregelmäßigNie", store.OnceOrIrregular, "2024", time.Time{}},
		{"UnbekannteHäufigkeitNie", "monatlich", "2024", time.Time{}},
		{"UngültigeErhebungszeit", store.Yearly, "2024-H3", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := report.DueDate(tt.f, tt.p); !got.Equal(tt.want) {
				t.Errorf("DueDate(%s, %s) = %s, want %s", tt.f, tt.p, got.Format(time.DateOnly), tt.want.Format(time.DateOnly))
			}
		})
	}
}

func TestNextPeriod(t *testing.T) {
	tests := []struct {
		name string
		f    store.Frequency
		last store.Period
		want store.Period
	}{
		{"HalbjahrInsFolgejahr", store.HalfYearly, "2024-H2", "2025-H1"},
		{"HalbjahrImJahr", store.HalfYearly, "2024-H1", "2024-H2"},
		{"Jährlich", store.Yearly, "2024", "2025"},
		{"JährlichStichtag", store.Yearly, "2024-12-31", "2025-12-31"},
		{"FebruarSchuljahr", store.YearlyFebruary, "2024/25", "2025/26"},
		{"Schuljahr", store.PerSchoolYear, "2024/25", "2025/26"},
		{"WahlNächsteKommunalwahl", store.PerElection, "2020", "2025"},
		{"WahlNachIntegrationsratswahl2010", store.PerElection, "2010", "2014"},
		{"WahlNach2009", store.PerElection, "2009", "2014"},
		{"WahlStichtagNachKonstituierung", store.PerElection, "2020-11-01", "2025-09-14"},
		{"WahlAngenommen2030", store.PerElection, "2025", "2030"},
		{"UnregelmäßigKeine", store.OnceOrIrregular, "2024", ""},
		{"UngültigKeine", store.Yearly, "24", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := report.NextPeriod(tt.f, tt.last); got != tt.want {
				t.Errorf("NextPeriod(%s, %s) = %q, want %q", tt.f, tt.last, got, tt.want)
			}
		})
	}
}

// valuesFor builds the complete delivery of a Grundzahl of the real
// catalogue for each period: one value per expected Bezirk and Gruppe.
func valuesFor(code string, periods ...store.Period) []store.Value {
	cat, err := store.ParseCatalog(assets.Catalog)
	if err != nil {
		panic(err)
	}
	b, ok := cat.BaseFigureByCode(code)
	if !ok {
		panic("no Grundzahl " + code)
	}
	var out []store.Value
	for _, p := range periods {
		out = append(out, cells(code, p, b.Areas, b.Groups)...)
	}
	return out
}

// cells builds one value for each Bezirk and Gruppe given.
func cells(code string, p store.Period, areas, groups []string) []store.Value {
	var out []store.Value
	for _, a := range areas {
		for _, g := range groups {
			out = append(out, store.Value{BaseFigure: code, Period: p, Area: a, Group: g, Number: 1})
		}
	}
	return out
}

func deliveryOf(t *testing.T, ds []report.Delivery, code string) report.Delivery {
	t.Helper()
	for _, d := range ds {
		if d.BaseFigure.Code == code {
			return d
		}
	}
	t.Fatalf("no delivery for %s", code)
	return report.Delivery{}
}

func TestDeliveriesStatus(t *testing.T) {
	cat := realCatalog(t)
	later := store.Value{BaseFigure: "A-K2-G1", Period: "2025", Area: "agentur", Group: "insgesamt", Symbol: store.SymLater}
	tests := []struct {
		name       string
		code       string
		values     []store.Value
		year       int
		today      time.Time
		wantStatus report.DeliveryStatus
		wantNext   store.Period
		wantDue    time.Time
	}{
		{"HalbjahrFälligInnerhalb60Tagen", "A-K1-G1", valuesFor("A-K1-G1", "2025-H1"), 2025, ymd(2026, 2, 15), report.DeliveryDue, "2025-H2", ymd(2026, 3, 31)},
		{"HalbjahrFälligGenau60TageVorher", "A-K1-G1", valuesFor("A-K1-G1", "2025-H1"), 2025, ymd(2026, 1, 30), report.DeliveryDue, "2025-H2", ymd(2026, 3, 31)},
		{"HalbjahrNichtFällig61TageVorher", "A-K1-G1", valuesFor("A-K1-G1", "2025-H1"), 2025, ymd(2026, 1, 29), report.DeliveryNotDue, "2025-H2", ymd(2026, 3, 31)},
		{"HalbjahrFälligAmStichtagSelbst", "A-K1-G1", valuesFor("A-K1-G1", "2025-H1"), 2025, ymd(2026, 3, 31), report.DeliveryDue, "2025-H2", ymd(2026, 3, 31)},
		{"HalbjahrÜberfälligErstesHalbjahrDa", "A-K1-G1", valuesFor("A-K1-G1", "2025-H1"), 2025, ymd(2026, 4, 1), report.DeliveryOverdue, "2025-H2", ymd(2026, 3, 31)},
		{"HalbjahrErhaltenMitZweitemHalbjahr", "A-K1-G1", valuesFor("A-K1-G1", "2025-H1", "2025-H2"), 2025, ymd(2026, 4, 1), report.DeliveryReceived, "2026-H1", ymd(2026, 9, 30)},
		{"FebruarFehltNachFristende", "B-K1-G1", valuesFor("B-K1-G1", "2024/25"), 2025, ymd(2026, 3, 2), report.DeliveryMissing, "2025/26", ymd(2026, 2, 28)},
		{"FebruarVorjahrÜberfällig", "B-K1-G1", valuesFor("B-K1-G1", "2023/24"), 2025, ymd(2026, 1, 10), report.DeliveryOverdue, "2024/25", ymd(2025, 2, 28)},
		{"FebruarSchaltjahrFälligAm29", "B-K1-G1", valuesFor("B-K1-G1", "2026/27"), 2027, ymd(2028, 2, 29), report.DeliveryDue, "2027/28", ymd(2028, 2, 29)},
		{"FebruarSchaltjahrFehltAm1März", "B-K1-G1", valuesFor("B-K1-G1", "2026/27"), 2027, ymd(2028, 3, 1), report.DeliveryMissing, "2027/28", ymd(2028, 2, 29)},
		{"JährlichNochNichtFällig", "A-K2-G1", valuesFor("A-K2-G1", "2024"), 2025, ymd(2026, 2, 15), report.DeliveryNotDue, "2025", ymd(2026, 6, 30)},
		{"JährlichNieGeliefertFehlt", "A-K2-G1", nil, 2025, ymd(2025, 1, 1), report.DeliveryMissing, "2025", ymd(2026, 6, 30)},
		{"JährlichLückeImBerichtsjahrVorFrist", "A-K2-G1", valuesFor("A-K2-G1", "2023", "2025"), 2024, ymd(2025, 3, 1), report.DeliveryNotDue, "2024", ymd(2025, 6, 30)},
		{"JährlichLückeImBerichtsjahrNachFrist", "A-K2-G1", valuesFor("A-K2-G1", "2023", "2025"), 2024, ymd(2025, 7, 1), report.DeliveryMissing, "2024", ymd(2025, 6, 30)},
		{"SpäterAnfallendZähltNicht", "A-K2-G1", append(valuesFor("A-K2-G1", "2024"), later), 2025, ymd(2026, 7, 15), report.DeliveryMissing, "2025", ymd(2026, 6, 30)},
		{"SchuljahrNochNichtFällig", "B-K3-G1", valuesFor("B-K3-G1", "2024/25"), 2025, ymd(2026, 2, 15), report.DeliveryNotDue, "2025/26", ymd(2026, 10, 31)},
		{"SchuljahrErhalten", "B-K3-G1", valuesFor("B-K3-G1", "2024/25", "2025/26"), 2025, ymd(2026, 2, 15), report.DeliveryReceived, "2026/27", ymd(2027, 10, 31)},
		{"StichtagAnderemTagErhalten", "BEV", valuesFor("BEV", "2024-12-31", "2025-06-30"), 2025, ymd(2026, 7, 1), report.DeliveryReceived, "2026-06-30", ymd(2027, 6, 30)},
		{"StichtagFehlt", "BEV", valuesFor("BEV", "2024-12-31"), 2025, ymd(2026, 7, 1), report.DeliveryMissing, "2025-12-31", ymd(2026, 6, 30)},
		{"WahlFehltNachFrist", "C-K4-G1", valuesFor("C-K4-G1", "2020"), 2025, ymd(2026, 1, 15), report.DeliveryMissing, "2025", ymd(2025, 12, 14)},
		{"WahlZwischenDenWahlenErhalten", "C-K4-G1", valuesFor("C-K4-G1", "2014", "2020"), 2023, ymd(2024, 1, 15), report.DeliveryReceived, "2025", ymd(2025, 12, 14)},
		{"WahlStichtagFällig", "C-K3-G1", valuesFor("C-K3-G1", "2020-11-01"), 2025, ymd(2025, 11, 1), report.DeliveryDue, "2025-09-14", ymd(2025, 12, 14)},
		{"WahlStichtagKonstituierungErhalten", "C-K3-G1", valuesFor("C-K3-G1", "2020-11-01", "2025-11-03"), 2025, ymd(2026, 1, 15), report.DeliveryReceived, "2030-09-14", ymd(2030, 12, 14)},
		{"WahlStichtagVorDerWahlZähltNicht", "C-K3-G1", valuesFor("C-K3-G1", "2020-11-01", "2025-06-30"), 2025, ymd(2025, 11, 1), report.DeliveryDue, "2025-09-14", ymd(2025, 12, 14)},
		{"UnregelmäßigNieÜberfällig", "A-K6-G1", valuesFor("A-K6-G1", "2008"), 2025, ymd(2026, 7, 1), report.DeliveryNotDue, "", time.Time{}},
		{"UnregelmäßigNieGeliefertFehltNicht", "A-K6-G1", nil, 2025, ymd(2026, 7, 1), report.DeliveryNotDue, "", time.Time{}},
		{"UnregelmäßigErhalten", "A-K6-G1", valuesFor("A-K6-G1", "2025"), 2025, ymd(2026, 7, 1), report.DeliveryReceived, "", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := deliveryOf(t, report.Deliveries(cat, tt.values, tt.year, tt.today), tt.code)
			if d.Status != tt.wantStatus || d.NextPeriod != tt.wantNext || !d.Due.Equal(tt.wantDue) {
				t.Errorf("got %s, next %q, due %s; want %s, next %q, due %s",
					d.Status, d.NextPeriod, d.Due.Format(time.DateOnly), tt.wantStatus, tt.wantNext, tt.wantDue.Format(time.DateOnly))
			}
		})
	}
}

func TestDeliveriesLastPeriodAndActor(t *testing.T) {
	vs := valuesFor("A-K1-G1", "2024-H2", "2023-H1", "2025-H1", "2024-H1")
	vs = append(vs, store.Value{BaseFigure: "A-K1-G1", Period: "2026", Number: 1}) // wrong kind: ignored
	d := deliveryOf(t, report.Deliveries(realCatalog(t), vs, 2025, ymd(2026, 1, 1)), "A-K1-G1")
	if d.LastPeriod != "2025-H1" {
		t.Errorf("LastPeriod = %q, want 2025-H1", d.LastPeriod)
	}
	if d.Actor.Code != "jobcenter" || d.Actor.Name != "Jobcenter Bergisch Gladbach" {
		t.Errorf("Actor = %+v, want the Jobcenter", d.Actor)
	}
}

func TestDeliveriesSortedByDueThenActor(t *testing.T) {
	cat := realCatalog(t)
	ds := report.Deliveries(cat, nil, 2025, ymd(2025, 10, 1))
	if len(ds) != len(cat.AllBaseFigures()) {
		t.Fatalf("%d deliveries, want one per Grundzahl (%d)", len(ds), len(cat.AllBaseFigures()))
	}
	// Nothing stored: each Grundzahl waits for its report-year period, so
	// the order is by frequency: Wahl 14.12.2025, Februar 28.02.2026,
	// Halbjahr 31.03.2026, jährlich 30.06.2026, Schuljahr 31.10.2026,
	// unregelmäßig without a date.
	wantFreq := []store.Frequency{store.PerElection, store.YearlyFebruary, store.HalfYearly, store.Yearly, store.PerSchoolYear, store.OnceOrIrregular}
	var gotFreq []store.Frequency
	for _, d := range ds {
		if len(gotFreq) == 0 || gotFreq[len(gotFreq)-1] != d.BaseFigure.Frequency {
			gotFreq = append(gotFreq, d.BaseFigure.Frequency)
		}
	}
	if len(gotFreq) != len(wantFreq) {
		t.Fatalf("frequencies in order %v, want %v", gotFreq, wantFreq)
	}
	for i := range wantFreq {
		if gotFreq[i] != wantFreq[i] {
			t.Fatalf("frequencies in order %v, want %v", gotFreq, wantFreq)
		}
	}
	// Same due date: by deliverer, Stadtverwaltung before Wahlamt.
	wantFirst := []string{"C-K3-G1", "C-K3-G2", "C-K4-G1", "C-K4-G2"}
	for i, code := range wantFirst {
		if ds[i].BaseFigure.Code != code {
			t.Errorf("position %d: %s, want %s", i, ds[i].BaseFigure.Code, code)
		}
	}
	for i := 1; i < len(ds); i++ {
		a, b := ds[i-1], ds[i]
		if !a.Due.IsZero() && !b.Due.IsZero() && a.Due.Equal(b.Due) && a.Actor.Name > b.Actor.Name {
			t.Errorf("%s (%s) before %s (%s) on the same due date", a.BaseFigure.Code, a.Actor.Name, b.BaseFigure.Code, b.Actor.Name)
		}
	}
	if last := ds[len(ds)-1]; !last.Due.IsZero() {
		t.Errorf("last delivery %s has due date %s; those without one belong last", last.BaseFigure.Code, last.Due.Format(time.DateOnly))
	}
}

func TestDeliveryStatusLabel(t *testing.T) {
	tests := map[report.DeliveryStatus]string{
		report.DeliveryReceived: "erhalten",
		report.DeliveryPartial:  "teilweise",
		report.DeliveryDue:      "fällig",
		report.DeliveryOverdue:  "überfällig",
		report.DeliveryMissing:  "fehlt",
		report.DeliveryNotDue:   "noch nicht fällig",
	}
	for s, want := range tests {
		if got := s.Label(); got != want {
			t.Errorf("%s.Label() = %q, want %q", s, got, want)
		}
	}
}

// handCatalog is a small catalogue: a shared population Grundzahl (one
// cell per Stichtag, two groups), A-K1 with a half-yearly Grundzahl in two
// Bezirke for three groups (six cells) and A-W2 with a yearly one.
func handCatalog() *store.Catalog {
	return &store.Catalog{
		Areas:  []store.Area{{Code: "stadt", Name: "Stadt"}, {Code: "kreis", Name: "Kreis"}},
		Groups: []store.Group{{Code: "insgesamt"}, {Code: "deutsche"}, {Code: "auslaender"}, {Code: "mit_mh"}},
		Actors: []store.Actor{{Code: "jc", Name: "Jobcenter"}},
		BaseFigures: []store.BaseFigure{{Code: "POP", Alias: "POP", Name: "Bevölkerung", PeriodKind: store.DatePeriod,
			Groups: []string{"insgesamt", "auslaender"}, Areas: []string{"stadt"}, Frequency: store.Yearly}},
		Fields: []store.Field{{
			Code: "A",
			KeyFigures: []store.KeyFigure{{Code: "A-K1", BaseFigures: []store.BaseFigure{{Code: "A-K1-G1", Alias: "G1", Name: "Arbeitslose",
				PeriodKind: store.HalfYearPeriod, Groups: []string{"insgesamt", "deutsche", "auslaender"}, Areas: []string{"stadt", "kreis"},
				Actor: "jc", Frequency: store.HalfYearly}}}},
			Indicators: []store.ImpactIndicator{{Code: "A-W2", BaseFigures: []store.BaseFigure{{Code: "A-W2-G1", Alias: "G1", Name: "Beschäftigte",
				PeriodKind: store.YearPeriod, Groups: []string{"insgesamt", "mit_mh"}, Areas: []string{"stadt"}, Frequency: store.Yearly}}}},
		}},
	}
}

// TestDeliveriesCountCells checks that a delivery is erhalten only when
// every expected cell is stored, and otherwise says how much is in.
func TestDeliveriesCountCells(t *testing.T) {
	all := []string{"insgesamt", "deutsche", "auslaender"}
	both := []string{"stadt", "kreis"}
	// Four of six cells of 2025-H2: the Kreis lacks Deutsche and Ausländer.
	four := append(cells("A-K1-G1", "2025-H2", []string{"stadt"}, all), cells("A-K1-G1", "2025-H2", []string{"kreis"}, []string{"insgesamt"})...)
	h1 := cells("A-K1-G1", "2025-H1", both, all)
	later := store.Value{BaseFigure: "A-K1-G1", Period: "2025-H2", Area: "kreis", Group: "deutsche", Symbol: store.SymLater}
	foreign := store.Value{BaseFigure: "A-K1-G1", Period: "2025-H2", Area: "agentur", Group: "deutsche", Number: 3}
	tests := []struct {
		name        string
		code        string
		values      []store.Value
		today       time.Time
		wantStatus  report.DeliveryStatus
		wantText    string
		wantHave    int
		wantWant    int
		wantNext    store.Period
		wantEntry   store.Value
		wantMissing int
	}{
		{"Vollständig", "A-K1-G1", append(h1, cells("A-K1-G1", "2025-H2", both, all)...), ymd(2026, 1, 15),
			report.DeliveryReceived, "erhalten", 6, 6, "2026-H1", store.Value{BaseFigure: "A-K1-G1", Period: "2026-H1", Area: "stadt", Group: "insgesamt"}, 0},
		{"TeilweiseVorFrist", "A-K1-G1", append(h1, four...), ymd(2026, 1, 15),
			report.DeliveryPartial, "teilweise (4 von 6)", 4, 6, "2025-H2", store.Value{BaseFigure: "A-K1-G1", Period: "2025-H2", Area: "kreis", Group: "deutsche"}, 2},
		{"TeilweiseÜberfälligNieErhalten", "A-K1-G1", append(h1, four...), ymd(2026, 4, 2),
			report.DeliveryOverdue, "überfällig (4 von 6)", 4, 6, "2025-H2", store.Value{BaseFigure: "A-K1-G1", Period: "2025-H2", Area: "kreis", Group: "deutsche"}, 2},
		{"FälltSpäterAnZähltNicht", "A-K1-G1", append(append(h1, four...), later, cells("A-K1-G1", "2025-H2", []string{"kreis"}, []string{"auslaender"})[0]), ymd(2026, 1, 15),
			report.DeliveryPartial, "teilweise (5 von 6)", 5, 6, "2025-H2", store.Value{BaseFigure: "A-K1-G1", Period: "2025-H2", Area: "kreis", Group: "deutsche"}, 1},
		{"NurFälltSpäterAnFehlt", "A-K1-G1", []store.Value{later}, ymd(2026, 1, 15),
			report.DeliveryMissing, "fehlt", 0, 6, "2025-H2", store.Value{BaseFigure: "A-K1-G1", Period: "2025-H2", Area: "stadt", Group: "insgesamt"}, 6},
		{"FremderBezirkZähltNicht", "A-K1-G1", append(append(h1, four...), foreign), ymd(2026, 1, 15),
			report.DeliveryPartial, "teilweise (4 von 6)", 4, 6, "2025-H2", store.Value{BaseFigure: "A-K1-G1", Period: "2025-H2", Area: "kreis", Group: "deutsche"}, 2},
		// The first half-year is incomplete: it is asked for before the
		// second, instead of being skipped because something of it is in.
		{"FrüheresHalbjahrUnvollständig", "A-K1-G1", append(cells("A-K1-G1", "2024-H2", both, all), cells("A-K1-G1", "2025-H1", []string{"stadt"}, []string{"insgesamt", "deutsche"})...), ymd(2025, 8, 1),
			report.DeliveryPartial, "teilweise (2 von 6)", 2, 6, "2025-H1", store.Value{BaseFigure: "A-K1-G1", Period: "2025-H1", Area: "stadt", Group: "auslaender"}, 4},
		{"ÜberfälligOhneTeilOhneZahl", "A-K1-G1", h1, ymd(2026, 4, 2),
			report.DeliveryOverdue, "überfällig", 0, 6, "2025-H2", store.Value{BaseFigure: "A-K1-G1", Period: "2025-H2", Area: "stadt", Group: "insgesamt"}, 6},
		// A Stichtag is completed on the day already begun.
		{"StichtagTeilweise", "POP", cells("POP", "2025-06-30", []string{"stadt"}, []string{"insgesamt"}), ymd(2026, 1, 10),
			report.DeliveryPartial, "teilweise (1 von 2)", 1, 2, "2025-06-30", store.Value{BaseFigure: "POP", Period: "2025-06-30", Area: "stadt", Group: "auslaender"}, 1},
		{"StichtagVollständig", "POP", cells("POP", "2025-06-30", []string{"stadt"}, []string{"insgesamt", "auslaender"}), ymd(2026, 1, 10),
			report.DeliveryReceived, "erhalten", 2, 2, "2026-06-30", store.Value{BaseFigure: "POP", Period: "2026-06-30", Area: "stadt", Group: "insgesamt"}, 0},
		{"WirkungsindikatorTeilweise", "A-W2-G1", cells("A-W2-G1", "2025", []string{"stadt"}, []string{"mit_mh"}), ymd(2026, 1, 10),
			report.DeliveryPartial, "teilweise (1 von 2)", 1, 2, "2025", store.Value{BaseFigure: "A-W2-G1", Period: "2025", Area: "stadt", Group: "insgesamt"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := deliveryOf(t, report.Deliveries(handCatalog(), tt.values, 2025, tt.today), tt.code)
			if d.Status != tt.wantStatus || d.StatusText() != tt.wantText || d.NextPeriod != tt.wantNext {
				t.Errorf("got %s %q, next %q; want %s %q, next %q", d.Status, d.StatusText(), d.NextPeriod, tt.wantStatus, tt.wantText, tt.wantNext)
			}
			if d.Have != tt.wantHave || d.Want != tt.wantWant || len(d.Missing) != tt.wantMissing {
				t.Errorf("have %d of %d, %d missing %v; want %d of %d, %d missing", d.Have, d.Want, len(d.Missing), d.Missing, tt.wantHave, tt.wantWant, tt.wantMissing)
			}
			if got := d.NextEntry(); got != tt.wantEntry {
				t.Errorf("NextEntry = %+v, want %+v", got, tt.wantEntry)
			}
			if d.Status == report.DeliveryReceived && d.Due.Before(tt.today) {
				t.Errorf("erhalten although due %s", d.Due.Format(time.DateOnly))
			}
		})
	}
}

func TestDeliveriesNameTheirOwners(t *testing.T) {
	ds := report.Deliveries(handCatalog(), nil, 2025, ymd(2026, 1, 10))
	want := map[string]string{"POP": report.SharedOwner, "A-K1-G1": "A-K1", "A-W2-G1": "A-W2"}
	for code, owner := range want {
		if got := deliveryOf(t, ds, code).OwnerText(); got != owner {
			t.Errorf("%s: OwnerText = %q, want %q", code, got, owner)
		}
	}
	if o := deliveryOf(t, ds, "POP").Owners; o != nil {
		t.Errorf("shared POP has owners %v", o)
	}
	if d := deliveryOf(t, report.Deliveries(realCatalog(t), nil, 2025, ymd(2026, 1, 10)), "A-K1-G1"); d.OwnerText() != "A-K1" {
		t.Errorf("real A-K1-G1 owned by %q", d.OwnerText())
	}
}

// A partial delivery is still to be chased: it counts as open and comes
// before the received ones.
func TestDeliveryPartialIsOpen(t *testing.T) {
	if !report.DeliveryPartial.Open() || report.DeliveryReceived.Open() {
		t.Errorf("Open: teilweise %v, erhalten %v", report.DeliveryPartial.Open(), report.DeliveryReceived.Open())
	}
}
