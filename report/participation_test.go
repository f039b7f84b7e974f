package report_test

import (
	"math"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// seedIndicator is a Wirkungsindikator of the real catalogue, so that the
// tests break when its codes, groups or areas change under the rules.
func seedIndicator(t *testing.T, code string) (*store.Catalog, store.ImpactIndicator) {
	t.Helper()
	cat, err := store.ParseCatalog(assets.Catalog)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range cat.Fields {
		for _, w := range f.Indicators {
			if w.Code == code {
				return cat, w
			}
		}
	}
	t.Fatalf("indicator %s not in the catalogue", code)
	return nil, store.ImpactIndicator{}
}

func num(bf, area, period, group string, n float64) store.Value {
	return store.Value{BaseFigure: bf, Area: area, Period: store.Period(period), Group: group, Number: n}
}

func symbolValue(bf, area, period, group string, s store.Symbol) store.Value {
	return store.Value{BaseFigure: bf, Area: area, Period: store.Period(period), Group: group, Symbol: s}
}

// rowOf finds the row of a Grundzahl, area and period.
func rowOf(t *testing.T, rows []report.ParticipationRow, bf, area, period string) report.ParticipationRow {
	t.Helper()
	for _, r := range rows {
		if r.BaseFigure == bf && r.Area == area && string(r.Period) == period {
			return r
		}
	}
	t.Fatalf("no row %s/%s/%s in %d rows", bf, area, period, len(rows))
	return report.ParticipationRow{}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 || math.IsNaN(a) && math.IsNaN(b) }

func TestParticipationShares(t *testing.T) {
	tests := []struct {
		name, indicator string
		values          []store.Value
		bf, area, per   string
		wantOK          bool
		share           float64
		reason          string // part of Reason
		refOK           bool
		reference       float64
		refReason       string // part of RefReason
		index           float64
	}{
		{
			// 36 of 120 participants (30 %), 160 of 400 parents (40 %): 30/40 = 0,75.
			name: "Infoveranstaltung Kita gegen Einrichtung", indicator: "B-W1",
			values: []store.Value{
				num("B-W1-G1", "kitas", "2024/25", "insgesamt", 120), num("B-W1-G1", "kitas", "2024/25", "mit_mh", 36),
				num("B-W1-G2", "kitas", "2024/25", "insgesamt", 400), num("B-W1-G2", "kitas", "2024/25", "mit_mh", 160),
			},
			bf: "B-W1-G1", area: "kitas", per: "2024/25",
			wantOK: true, share: 30, refOK: true, reference: 40, index: 0.75,
		},
		{
			name: "Einrichtung der Grundschulen fehlt", indicator: "B-W1",
			values: []store.Value{
				num("B-W1-G1", "grundschulen", "2024/25", "insgesamt", 80), num("B-W1-G1", "grundschulen", "2024/25", "mit_mh", 24),
				num("B-W1-G2", "grundschulen", "2024/25", "insgesamt", 300),
			},
			bf: "B-W1-G1", area: "grundschulen", per: "2024/25",
			wantOK: true, share: 30, reference: math.NaN(), index: math.NaN(),
			refReason: "Wert fehlt: Eltern in der Einrichtung, mit Migrationshintergrund, Grundschulen (alle), Schuljahr 2024/25",
		},
		{
			// 4 of 50 executives (8 %) against 33.600 of 112.000 residents
			// (30 %) on 31.12.; the mid-year Stichtag is not the latest.
			name: "Führungsebene gegen Bevölkerung", indicator: "A-W2",
			values: []store.Value{
				num("A-W2-G1", "verwaltung_fuehrung", "2024", "insgesamt", 50), num("A-W2-G1", "verwaltung_fuehrung", "2024", "mit_mh", 4),
				num("BEV1565", "stadt", "2024-06-30", "insgesamt", 110000), num("BEV1565", "stadt", "2024-06-30", "mit_mh", 30000),
				num("BEV1565", "stadt", "2024-12-31", "insgesamt", 112000), num("BEV1565", "stadt", "2024-12-31", "mit_mh", 33600),
			},
			bf: "A-W2-G1", area: "verwaltung_fuehrung", per: "2024",
			wantOK: true, share: 8, refOK: true, reference: 30, index: 8.0 / 30,
		},
		{
			name: "Bevölkerung des Jahres fehlt", indicator: "A-W2",
			values: []store.Value{
				num("A-W2-G1", "verwaltung_ausbildung", "2025", "insgesamt", 40), num("A-W2-G1", "verwaltung_ausbildung", "2025", "mit_mh", 10),
				num("BEV1565", "stadt", "2024-12-31", "insgesamt", 112000), num("BEV1565", "stadt", "2024-12-31", "mit_mh", 33600),
			},
			bf: "A-W2-G1", area: "verwaltung_ausbildung", per: "2025",
			wantOK: true, share: 25, reference: math.NaN(), index: math.NaN(),
			refReason: "Stichtag im Jahr 2025",
		},
		{
			name: "keine Bewerbungen", indicator: "A-W2",
			values: []store.Value{
				num("A-W2-G2", "stadt", "2024", "insgesamt", 0), num("A-W2-G2", "stadt", "2024", "mit_mh", 0),
				num("BEV1565", "stadt", "2024-12-31", "insgesamt", 112000), num("BEV1565", "stadt", "2024-12-31", "mit_mh", 33600),
			},
			bf: "A-W2-G2", area: "stadt", per: "2024",
			share: math.NaN(), reason: "Division durch null", refOK: true, reference: 30, index: math.NaN(),
		},
		{
			name: "geheim gehaltener Wert", indicator: "A-W2",
			values: []store.Value{
				num("A-W2-G1", "verwaltung_sachbearbeitung", "2024", "insgesamt", 600),
				symbolValue("A-W2-G1", "verwaltung_sachbearbeitung", "2024", "mit_mh", store.SymUnknown),
				num("BEV1565", "stadt", "2024-12-31", "insgesamt", 112000), num("BEV1565", "stadt", "2024-12-31", "mit_mh", 33600),
			},
			bf: "A-W2-G1", area: "verwaltung_sachbearbeitung", per: "2024",
			share: math.NaN(), reason: "Zeichen „.“", refOK: true, reference: 30, index: math.NaN(),
		},
		{
			// "-" is genau null: nobody with Migrationshintergrund, a share of 0 %.
			name: "nichts vorhanden zählt als null", indicator: "A-W2",
			values: []store.Value{
				num("A-W2-G1", "verwaltung_fuehrung", "2024", "insgesamt", 50),
				symbolValue("A-W2-G1", "verwaltung_fuehrung", "2024", "mit_mh", store.SymNothing),
				num("BEV1565", "stadt", "2024-12-31", "insgesamt", 100), num("BEV1565", "stadt", "2024-12-31", "mit_mh", 25),
			},
			bf: "A-W2-G1", area: "verwaltung_fuehrung", per: "2024",
			wantOK: true, share: 0, refOK: true, reference: 25, index: 0,
		},
		{
			name: "mehr mit Migrationshintergrund als insgesamt", indicator: "B-W1",
			values: []store.Value{
				num("B-W1-G1", "kitas", "2024/25", "insgesamt", 10), num("B-W1-G1", "kitas", "2024/25", "mit_mh", 12),
				num("B-W1-G2", "kitas", "2024/25", "insgesamt", 400), num("B-W1-G2", "kitas", "2024/25", "mit_mh", 160),
			},
			bf: "B-W1-G1", area: "kitas", per: "2024/25",
			share: math.NaN(), reason: "ist größer als „Insgesamt“", refOK: true, reference: 40, index: math.NaN(),
		},
		{
			name: "Einrichtung ohne Eltern mit Zuwanderungsgeschichte", indicator: "B-W1",
			values: []store.Value{
				num("B-W1-G1", "kitas", "2024/25", "insgesamt", 10), num("B-W1-G1", "kitas", "2024/25", "mit_mh", 0),
				num("B-W1-G2", "kitas", "2024/25", "insgesamt", 400), num("B-W1-G2", "kitas", "2024/25", "mit_mh", 0),
			},
			bf: "B-W1-G1", area: "kitas", per: "2024/25",
			wantOK: true, share: 0, reference: 0, refReason: "Vergleichsanteil ist 0", index: math.NaN(),
		},
		{
			// 200 of 500 families (40 %); 150 parents reached: 75 per 100 families.
			name: "Familien in der Kita", indicator: "B-W2",
			values: []store.Value{
				num("B-W2-G1", "kitas", "2024", "insgesamt", 500), num("B-W2-G1", "kitas", "2024", "mit_mh", 200),
				num("B-W2-G2", "kitas", "2024", "mit_mh", 150),
			},
			bf: "B-W2-G1", area: "kitas", per: "2024",
			wantOK: true, share: 40, reference: math.NaN(), index: math.NaN(),
		},
		{
			name: "erreichte Eltern", indicator: "B-W2",
			values: []store.Value{
				num("B-W2-G1", "kitas", "2024", "insgesamt", 500), num("B-W2-G1", "kitas", "2024", "mit_mh", 200),
				num("B-W2-G2", "kitas", "2024", "mit_mh", 150),
			},
			bf: "B-W2-G2", area: "kitas", per: "2024",
			wantOK: true, share: 75, reference: math.NaN(), index: math.NaN(),
		},
		{
			name: "erreichte Eltern ohne Familienzahl", indicator: "B-W2",
			values: []store.Value{num("B-W2-G2", "grundschulen", "2024", "mit_mh", 150)},
			bf:     "B-W2-G2", area: "grundschulen", per: "2024",
			share: math.NaN(), reason: "Wert fehlt: Familien in der Einrichtung, mit Migrationshintergrund", reference: math.NaN(), index: math.NaN(),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, ind := seedIndicator(t, tt.indicator)
			rows := report.Participation(&store.Snapshot{Catalog: cat, Values: tt.values, ReportYear: 2025}, ind)
			r := rowOf(t, rows, tt.bf, tt.area, tt.per)
			if r.OK != tt.wantOK || !near(r.Share, tt.share) || !strings.Contains(r.Reason, tt.reason) {
				t.Errorf("share = %v, %v, %q; want %v, %v, …%q…", r.Share, r.OK, r.Reason, tt.share, tt.wantOK, tt.reason)
			}
			if r.RefOK != tt.refOK || !near(r.Reference, tt.reference) || !strings.Contains(r.RefReason, tt.refReason) {
				t.Errorf("reference = %v, %v, %q; want %v, %v, …%q…", r.Reference, r.RefOK, r.RefReason, tt.reference, tt.refOK, tt.refReason)
			}
			if !near(r.Index, tt.index) {
				t.Errorf("index = %v, want %v", r.Index, tt.index)
			}
			if r.OK == (r.Reason != "") {
				t.Errorf("OK %v with reason %q", r.OK, r.Reason)
			}
			if r.Indicator != tt.indicator || r.AreaName == "" || r.AreaName == r.Area {
				t.Errorf("row names %q / %q", r.Indicator, r.AreaName)
			}
		})
	}
}

func TestParticipationRowsAndOrder(t *testing.T) {
	cat, ind := seedIndicator(t, "B-W1")
	values := []store.Value{
		num("B-W1-G1", "grundschulen", "2023/24", "insgesamt", 10), num("B-W1-G1", "grundschulen", "2023/24", "mit_mh", 3),
		num("B-W1-G1", "kitas", "2024/25", "insgesamt", 10), num("B-W1-G1", "kitas", "2024/25", "mit_mh", 3),
		num("B-W1-G1", "kitas", "2023/24", "insgesamt", 10), num("B-W1-G1", "kitas", "2023/24", "mit_mh", 3),
		// After the report year: a report for 2025 reads as it did then.
		num("B-W1-G1", "kitas", "2026/27", "insgesamt", 10), num("B-W1-G1", "kitas", "2026/27", "mit_mh", 3),
		num("B-W1-G2", "kitas", "2024/25", "insgesamt", 10),
		// Another indicator's figure is none of B-W1's business.
		num("B-W2-G1", "kitas", "2024", "insgesamt", 10),
	}
	rows := report.Participation(&store.Snapshot{Catalog: cat, Values: values, ReportYear: 2025}, ind)
	var got []string
	for _, r := range rows {
		got = append(got, r.BaseFigure+" "+r.Area+" "+string(r.Period))
	}
	want := []string{
		"B-W1-G1 kitas 2023/24", "B-W1-G1 kitas 2024/25", "B-W1-G1 grundschulen 2023/24",
		"B-W1-G2 kitas 2024/25",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("rows\n got %q\nwant %q", got, want)
	}
	if rows := report.Participation(nil, ind); rows != nil {
		t.Errorf("nil snapshot: %v", rows)
	}
	if rows := report.Participation(&store.Snapshot{Catalog: cat}, ind); len(rows) != 0 {
		t.Errorf("no values: %v", rows)
	}
}

func TestParticipationSentence(t *testing.T) {
	bw1 := []store.Value{
		num("B-W1-G1", "kitas", "2023/24", "insgesamt", 100), num("B-W1-G1", "kitas", "2023/24", "mit_mh", 20),
		num("B-W1-G1", "kitas", "2024/25", "insgesamt", 120), num("B-W1-G1", "kitas", "2024/25", "mit_mh", 36),
		num("B-W1-G2", "kitas", "2024/25", "insgesamt", 400), num("B-W1-G2", "kitas", "2024/25", "mit_mh", 160),
	}
	demo := append([]store.Value(nil), bw1...)
	for i := range demo {
		demo[i].Demo = true
	}
	bw2 := []store.Value{
		num("B-W2-G1", "kitas", "2024", "insgesamt", 500), num("B-W2-G1", "kitas", "2024", "mit_mh", 200),
		num("B-W2-G2", "kitas", "2024", "mit_mh", 150),
	}
	aw2 := []store.Value{
		num("A-W2-G2", "stadt", "2024", "insgesamt", 0), num("A-W2-G2", "stadt", "2024", "mit_mh", 0),
		num("BEV1565", "stadt", "2024-12-31", "insgesamt", 112000), num("BEV1565", "stadt", "2024-12-31", "mit_mh", 33600),
	}
	tests := []struct {
		name, indicator string
		values          []store.Value
		want            string
	}{
		{"B-W1 latest school year", "B-W1", bw1,
			"Schuljahr 2024/25, Kindertagesstätten (alle): Anteil der Teilnehmenden mit Zuwanderungsgeschichte 30,0\u00a0% bei 40,0\u00a0% in der Einrichtung (Index 0,75)."},
		{"Beispieldaten", "B-W1", demo,
			"Beispieldaten: Schuljahr 2024/25, Kindertagesstätten (alle): Anteil der Teilnehmenden mit Zuwanderungsgeschichte 30,0\u00a0% bei 40,0\u00a0% in der Einrichtung (Index 0,75)."},
		{"B-W2 structure and reach", "B-W2", bw2,
			"2024, Kindertagesstätten (alle): Anteil der Familien mit Migrationshintergrund 40,0\u00a0%. " +
				"2024, Kindertagesstätten (alle): 150 erreichte Eltern mit Migrationshintergrund bei 200 Familien mit Migrationshintergrund (75,0 je 100 Familien)."},
		{"A-W2 not computable", "A-W2", aw2,
			"2024, Stadt Bergisch Gladbach: Anteil der Bewerbungen von Menschen mit Migrationshintergrund nicht berechenbar " +
				"(Division durch null: „Insgesamt“ ist 0 (Bewerbungen bei der Stadtverwaltung, 2024))."},
		{"nothing", "A-W2", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, ind := seedIndicator(t, tt.indicator)
			got := report.ParticipationSentence(report.Participation(&store.Snapshot{Catalog: cat, Values: tt.values, ReportYear: 2025}, ind))
			if got != tt.want {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// The seed's participation indicators must all have rules that use
// their real Grundzahlen, or the rows fall back to the population.
func TestParticipationCoversSeed(t *testing.T) {
	cat, _ := seedIndicator(t, "B-W1")
	n := 0
	for _, f := range cat.Fields {
		for _, w := range f.Indicators {
			if w.Kind != store.Participation {
				continue
			}
			n++
			var values []store.Value
			for _, bf := range w.BaseFigures {
				for _, area := range bf.Areas {
					p := "2024"
					if bf.PeriodKind == store.SchoolYearPeriod {
						p = "2024/25"
					}
					for _, g := range bf.Groups {
						values = append(values, num(bf.Code, area, p, g, 10))
					}
				}
			}
			values = append(values, num("BEV", "stadt", "2024-12-31", "insgesamt", 40), num("BEV", "stadt", "2024-12-31", "mit_mh", 10))
			values = append(values, num("BEV1565", "stadt", "2024-12-31", "insgesamt", 40), num("BEV1565", "stadt", "2024-12-31", "mit_mh", 10))
			rows := report.Participation(&store.Snapshot{Catalog: cat, Values: values, ReportYear: 2025}, w)
			if len(rows) == 0 {
				t.Errorf("%s: no rows", w.Code)
			}
			for _, r := range rows {
				if !r.OK || r.Role == report.RoleCompared && !r.RefOK {
					t.Errorf("%s %s %s: %q / %q", w.Code, r.BaseFigure, r.Area, r.Reason, r.RefReason)
				}
				if strings.HasPrefix(r.Label, "Anteil mit Migrationshintergrund:") {
					t.Errorf("%s: %s has no rule of its own", w.Code, r.BaseFigure)
				}
			}
		}
	}
	if n != 3 {
		t.Errorf("%d participation indicators, want A-W2, B-W1 and B-W2", n)
	}
}
