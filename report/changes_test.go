package report_test

import (
	"slices"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// changesCatalog has T-K1 (half-yearly, city and Kreis) and T-K2 (yearly,
// against the shared population), with named areas.
func changesCatalog() *store.Catalog {
	k1, k2 := unemploymentIndex, populationShare
	k1.Statement = "Die Arbeitslosigkeit der Ausländer/innen nähert sich der aller an."
	k2.Statement = "Der Anteil an den Arbeitsuchenden nähert sich dem Bevölkerungsanteil an."
	cat := testCatalog(k1, k2)
	cat.Areas = []store.Area{{Code: "stadt", Name: "Stadt"}, {Code: "kreis", Name: "Kreis"}}
	return cat
}

// frozenValues are the values of the report 2024, with one value of 2025
// that was already stored when it was frozen.
func frozenValues() []store.Value {
	var vs []store.Value
	for i, p := range []string{"2023-H1", "2023-H2", "2024-H1", "2024-H2"} {
		vs = append(vs,
			val("T-K1-G1", p, "auslaender", float64(1180+10*i)), val("T-K1-G1", p, "insgesamt", 4200),
			val("T-K1-G2", p, "auslaender", 3000), val("T-K1-G2", p, "insgesamt", 37000))
	}
	kreis := val("T-K1-G2", "2023-H1", "insgesamt", 90000)
	kreis.Area = "kreis"
	vs = append(vs, kreis,
		val("T-K2-G1", "2023", "auslaender", 300), val("T-K2-G1", "2023", "insgesamt", 1000),
		val("T-K2-G1", "2024", "auslaender", 320), val("T-K2-G1", "2024", "insgesamt", 1050),
		val("BEV", "2023-12-31", "auslaender", 10000), val("BEV", "2023-12-31", "insgesamt", 110000),
		val("BEV", "2024-12-31", "auslaender", 10500), val("BEV", "2024-12-31", "insgesamt", 111000),
		val("T-K1-G1", "2025-H1", "auslaender", 1300))
	return vs
}

// edit returns a copy of vs with the value of bf, period, area and group
// changed by fn, or removed when fn is nil.
func edit(vs []store.Value, bf, period, area, group string, fn func(*store.Value)) []store.Value {
	out := slices.Clone(vs)
	for i, v := range out {
		if v.BaseFigure == bf && string(v.Period) == period && v.Area == area && v.Group == group {
			if fn == nil {
				return slices.Delete(out, i, i+1)
			}
			fn(&out[i])
			return out
		}
	}
	panic("no value " + bf + " " + period)
}

func number(n float64) func(*store.Value) { return func(v *store.Value) { v.Number = n } }

// changesOf evaluates the frozen values for 2024 and cur for 2025. The
// frozen Übersicht is made to agree with the current one, so that only
// the values differ unless a test flips a verdict.
func changesOf(t *testing.T, cur []store.Value, smallCount int) (old, now *report.Evaluation) {
	t.Helper()
	cat := changesCatalog()
	old = report.Evaluate(report.Input{Snapshot: &store.Snapshot{Catalog: cat, Values: frozenValues()}, Year: 2024, SmallCount: smallCount})
	now = report.Evaluate(report.Input{Snapshot: &store.Snapshot{Catalog: cat, Values: cur}, Year: 2025, SmallCount: smallCount})
	old.Overview = slices.Clone(now.Overview)
	return old, now
}

func TestChangesSinceKinds(t *testing.T) {
	tests := []struct {
		name       string
		cur        []store.Value
		smallCount int
		want       []report.ChangeItem // Kind, KeyFigures, Old, New, Reason, Text
	}{
		{name: "Unchanged", cur: frozenValues()},
		{
			name: "RevisedWithReason",
			cur: edit(frozenValues(), "T-K1-G1", "2024-H2", "stadt", "auslaender", func(v *store.Value) {
				v.Number, v.Source, v.AsOf, v.Note = 1234, "Bundesagentur für Arbeit", "2025-03-31", "nachträglich korrigiert"
			}),
			want: []report.ChangeItem{{Kind: report.ValueRevised, KeyFigures: []string{"T-K1"}, Old: "1.210", New: "1.234",
				Reason: "Quelle: Bundesagentur für Arbeit, Datenstand 31.03.2025; Anmerkung: nachträglich korrigiert",
				Text: "T-K1, Arbeitslose, Ausländer/innen, 2. Halbjahr 2024, Stadt: 1.234 statt 1.210 " +
					"(Quelle: Bundesagentur für Arbeit, Datenstand 31.03.2025; Anmerkung: nachträglich korrigiert)."}},
		},
		{
			name: "RevisedToSymbolAndProvisional",
			cur: edit(edit(frozenValues(), "T-K2-G1", "2024", "stadt", "auslaender", func(v *store.Value) { v.Symbol = store.SymUnknown }),
				"T-K2-G1", "2023", "stadt", "auslaender", func(v *store.Value) { v.Provisional = true }),
			want: []report.ChangeItem{
				{Kind: report.ValueRevised, KeyFigures: []string{"T-K2"}, Old: "320", New: ".",
					Text: "T-K2, Arbeitsuchende, Ausländer/innen, 2024, Stadt: . statt 320."},
				{Kind: report.ValueRevised, KeyFigures: []string{"T-K2"}, Old: "300", New: "300\u00a0p",
					Text: "T-K2, Arbeitsuchende, Ausländer/innen, 2023, Stadt: 300\u00a0p statt 300."},
			},
		},
		{
			name: "NoteOnlyIsNoRevision",
			cur:  edit(frozenValues(), "T-K2-G1", "2024", "stadt", "auslaender", func(v *store.Value) { v.Note = "geprüft" }),
		},
		{
			name:       "HiddenSmallCountsStayHidden",
			cur:        edit(frozenValues(), "T-K2-G1", "2024", "stadt", "auslaender", number(321)),
			smallCount: 400,
		},
		{
			name: "LateSharedValue",
			cur:  append(frozenValues(), val("BEV", "2023-12-31", "deutsche", 100000)),
			want: []report.ChangeItem{{Kind: report.ValueLate, KeyFigures: []string{"T-K2"}, Old: "–", New: "100.000",
				Text: "T-K2, Bevölkerung, Deutsche, 31.12.2023, Stadt: 100.000 nachgeliefert (fehlte im Bericht 2024)."}},
		},
		{
			name: "Removed",
			cur:  edit(frozenValues(), "T-K1-G2", "2023-H1", "kreis", "insgesamt", nil),
			want: []report.ChangeItem{{Kind: report.ValueRemoved, KeyFigures: []string{"T-K1"}, Old: "90.000", New: "–",
				Text: "T-K1, Sozialversicherungspflichtig Beschäftigte am Wohnort, Insgesamt, 1. Halbjahr 2023, Kreis: " +
					"90.000 im Bericht 2024, inzwischen gelöscht."}},
		},
		{
			// Values after the frozen year are new data of the next
			// report, not changes of the old one.
			name: "LaterPeriodsNotListed",
			cur: append(edit(frozenValues(), "T-K1-G1", "2025-H1", "stadt", "auslaender", number(1400)),
				val("T-K1-G1", "2025-H1", "insgesamt", 4300), val("BEV", "2025-12-31", "insgesamt", 112000)),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old, now := changesOf(t, tt.cur, tt.smallCount)
			got := report.ChangesSince(old, now)
			if got.Year != 2024 {
				t.Errorf("Year = %d, want 2024", got.Year)
			}
			if len(got.Items) != len(tt.want) {
				t.Fatalf("%d changes, want %d: %+v", len(got.Items), len(tt.want), got.Items)
			}
			for i, w := range tt.want {
				g := got.Items[i]
				if g.Kind != w.Kind || !slices.Equal(g.KeyFigures, w.KeyFigures) || g.Old != w.Old || g.New != w.New ||
					g.Reason != w.Reason || g.Text != w.Text {
					t.Errorf("change %d\n got %v %v %q → %q (%q)\n     %q\nwant %v %v %q → %q (%q)\n     %q",
						i, g.Kind, g.KeyFigures, g.Old, g.New, g.Reason, g.Text, w.Kind, w.KeyFigures, w.Old, w.New, w.Reason, w.Text)
				}
				if w.Kind != report.VerdictChanged && (g.BaseFigure.Code == "" || g.Location == "" || g.Area == "" || g.Period == "") {
					t.Errorf("change %d lacks its value's coordinates: %+v", i, g)
				}
			}
		})
	}
}

// Verdicts first; revisions by relative size; then late, then removed
// values; ties in catalogue order.
func TestChangesSinceOrder(t *testing.T) {
	cur := frozenValues()
	cur = edit(cur, "T-K1-G1", "2024-H2", "stadt", "auslaender", number(1234)) // +2 %
	cur = edit(cur, "T-K2-G1", "2023", "stadt", "insgesamt", number(1100))     // +10 %
	cur = edit(cur, "T-K1-G2", "2023-H1", "kreis", "insgesamt", nil)           // removed
	cur = append(cur, val("BEV", "2023-12-31", "deutsche", 100000))            // late, T-K2
	kreis := val("T-K1-G1", "2024-H1", "insgesamt", 9000)                      // late, T-K1
	kreis.Area = "kreis"
	cur = append(cur, kreis, val("T-K1-G1", "2025-H2", "auslaender", 1)) // later period
	old, now := changesOf(t, cur, 0)
	// The frozen report judged both Kennzahlen differently; T-K1 comes
	// first in the catalogue.
	for i := range old.Overview {
		if old.Overview[i].Level == report.AgainstGoal {
			t.Fatalf("%s: already against the goal", old.Overview[i].Code)
		}
		old.Overview[i].Level = report.AgainstGoal
		old.Overview[i].Assessment = "-- Entwicklung gegen Zielrichtung"
	}
	got := report.ChangesSince(old, now)
	var texts []string
	for _, it := range got.Items {
		texts = append(texts, it.Kind.Label()+": "+it.Text)
	}
	want := []string{
		"Bewertung geändert: T-K1, Die Arbeitslosigkeit der Ausländer/innen nähert sich der aller an: " +
			"Bewertung im Bericht 2024: -- Entwicklung gegen Zielrichtung – jetzt: " + now.Overview[0].Assessment + ".",
		"Bewertung geändert: T-K2, Der Anteil an den Arbeitsuchenden nähert sich dem Bevölkerungsanteil an: " +
			"Bewertung im Bericht 2024: -- Entwicklung gegen Zielrichtung – jetzt: " + now.Overview[1].Assessment + ".",
		"Wert korrigiert: T-K2, Arbeitsuchende, Insgesamt, 2023, Stadt: 1.100 statt 1.000.",
		"Wert korrigiert: T-K1, Arbeitslose, Ausländer/innen, 2. Halbjahr 2024, Stadt: 1.234 statt 1.210.",
		"Wert nachgeliefert: T-K1, Arbeitslose, Insgesamt, 1. Halbjahr 2024, Kreis: 9.000 nachgeliefert (fehlte im Bericht 2024).",
		"Wert nachgeliefert: T-K2, Bevölkerung, Deutsche, 31.12.2023, Stadt: 100.000 nachgeliefert (fehlte im Bericht 2024).",
		"Wert gelöscht: T-K1, Sozialversicherungspflichtig Beschäftigte am Wohnort, Insgesamt, 1. Halbjahr 2023, Kreis: " +
			"90.000 im Bericht 2024, inzwischen gelöscht.",
	}
	if !slices.Equal(texts, want) {
		t.Errorf("changes\n got:\n%s\nwant:\n%s", strings.Join(texts, "\n"), strings.Join(want, "\n"))
	}
	if got.Items[0].BaseFigure.Code != "" || !slices.Equal(got.Items[0].KeyFigures, []string{"T-K1"}) {
		t.Errorf("verdict change names %+v", got.Items[0])
	}
}

func TestChangesSinceWithoutFrozenReport(t *testing.T) {
	_, now := changesOf(t, frozenValues(), 0)
	if got := report.ChangesSince(nil, now); got.Year != 0 || len(got.Items) != 0 {
		t.Errorf("ChangesSince(nil, cur) = %+v", got)
	}
}

// The list never prints again a count that today's rules hide: a value
// marked geheim since the frozen report, or a count below a raised
// threshold; and its place in the order says nothing about its size.
func TestChangesSinceHidesWhatIsHiddenToday(t *testing.T) {
	cat := changesCatalog()
	base := edit(frozenValues(), "T-K2-G1", "2023", "stadt", "auslaender", number(4))
	old := report.Evaluate(report.Input{Snapshot: &store.Snapshot{Catalog: cat, Values: base}, Year: 2024, SmallCount: 3})
	cur := edit(base, "T-K2-G1", "2023", "stadt", "auslaender", func(v *store.Value) { v.Number, v.Confidential = 5, true })
	cur = edit(cur, "T-K2-G1", "2024", "stadt", "auslaender", number(2)) // 320 → 2, below the threshold
	now := report.Evaluate(report.Input{Snapshot: &store.Snapshot{Catalog: cat, Values: cur}, Year: 2025, SmallCount: 6})
	old.Overview = slices.Clone(now.Overview)
	for _, it := range report.ChangesSince(old, now).Items {
		if it.Kind != report.ValueRevised {
			continue
		}
		if strings.Contains(it.Text, "4") && it.Period == "2023" || it.Old == "4" || it.Old == "320" && it.New != "." {
			t.Errorf("%s: %q → %q (%s) reveals a hidden count", it.Period, it.Old, it.New, it.Text)
		}
		if it.Period == "2023" && (it.Old != "." || it.New != ".") {
			t.Errorf("2023 geheim since: %q → %q, want . → . (or not listed)", it.Old, it.New)
		}
	}
}
