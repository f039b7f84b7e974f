package store_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

// reopen closes s and opens its file again, so that a test reads what was
// written to disk rather than what a connection still holds.
func reopenFile(t *testing.T, s *store.Store, path string) *store.Store {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	s2, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	t.Cleanup(func() { s2.Close() })
	return s2
}

func ptrInt(n int) *int           { return &n }
func ptrFloat(f float64) *float64 { return &f }

func mustSucceed(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestIndicatorTextSurvivesReopen(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreate(t)
	text := "Die Integrationsagentur berät Familien.\nÄrztinnen, Übersetzer und Größen: „ß“ – 12,5 %.\n\nZweiter Absatz."
	mustSucceed(t, s.SaveIndicatorText(ctx, store.IndicatorText{Indicator: "A-W1", ReportYear: 2025, Text: "Entwurf"}))
	mustSucceed(t, s.SaveIndicatorText(ctx, store.IndicatorText{Indicator: "A-W1", ReportYear: 2025, Text: text}))
	mustSucceed(t, s.SaveIndicatorText(ctx, store.IndicatorText{Indicator: "A-W1", ReportYear: 2024, Text: "Vorjahr"}))
	s = reopenFile(t, s, path)

	got, err := s.IndicatorText(ctx, "A-W1", 2025)
	mustSucceed(t, err)
	want := store.IndicatorText{Indicator: "A-W1", ReportYear: 2025, Text: text, UpdatedAt: time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	none, err := s.IndicatorText(ctx, "A-W3", 2025)
	if err != nil || none.Text != "" || none.Indicator != "A-W3" || none.ReportYear != 2025 {
		t.Errorf("year without text: got %+v, %v; want empty text and no error", none, err)
	}
}

func TestInstrumentsReplacedAsAWhole(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreate(t)
	list := []store.Instrument{
		{Name: "  Sprachcafé  ", Description: "Offener Treff\nmit Kinderbetreuung", Provider: "Caritas", Count: ptrInt(12)},
		{Name: "Elternlotsen", Provider: "Integrationsagentur"},
		{Name: "Mütterkurs", Description: "Deutsch für Mütter", Count: ptrInt(0)},
	}
	mustSucceed(t, s.SaveInstruments(ctx, "B-W3", 2025, list))
	mustSucceed(t, s.SaveInstruments(ctx, "B-W3", 2024, list[:1]))
	s = reopenFile(t, s, path)

	got, err := s.Instruments(ctx, "B-W3", 2025)
	mustSucceed(t, err)
	want := []store.Instrument{
		{Indicator: "B-W3", ReportYear: 2025, Sort: 0, Name: "Sprachcafé", Description: "Offener Treff\nmit Kinderbetreuung", Provider: "Caritas", Count: ptrInt(12)},
		{Indicator: "B-W3", ReportYear: 2025, Sort: 1, Name: "Elternlotsen", Provider: "Integrationsagentur"},
		{Indicator: "B-W3", ReportYear: 2025, Sort: 2, Name: "Mütterkurs", Description: "Deutsch für Mütter", Count: ptrInt(0)},
	}
	if diff := instrumentDiff(got, want); diff != "" {
		t.Fatalf("after saving: %s", diff)
	}

	replaced := []store.Instrument{want[2], want[0]}
	mustSucceed(t, s.SaveInstruments(ctx, "B-W3", 2025, replaced))
	got, err = s.Instruments(ctx, "B-W3", 2025)
	mustSucceed(t, err)
	want = []store.Instrument{
		{Indicator: "B-W3", ReportYear: 2025, Sort: 0, Name: "Mütterkurs", Description: "Deutsch für Mütter", Count: ptrInt(0)},
		{Indicator: "B-W3", ReportYear: 2025, Sort: 1, Name: "Sprachcafé", Description: "Offener Treff\nmit Kinderbetreuung", Provider: "Caritas", Count: ptrInt(12)},
	}
	if diff := instrumentDiff(got, want); diff != "" {
		t.Errorf("after replacing: %s", diff)
	}
	other, err := s.Instruments(ctx, "B-W3", 2024)
	mustSucceed(t, err)
	if len(other) != 1 || other[0].Name != "Sprachcafé" {
		t.Errorf("replacing 2025 changed 2024: %+v", other)
	}

	mustSucceed(t, s.SaveInstruments(ctx, "B-W3", 2025, nil))
	got, err = s.Instruments(ctx, "B-W3", 2025)
	if err != nil || len(got) != 0 {
		t.Errorf("after saving an empty list: %+v, %v; want none", got, err)
	}
}

// instrumentDiff compares instruments without their IDs, which are
// assigned anew on every save.
func instrumentDiff(got, want []store.Instrument) string {
	if len(got) != len(want) {
		return fmt.Sprintf("got %d instruments, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i].ID == 0 {
			return fmt.Sprintf("instrument %d has no ID", i)
		}
		g := got[i]
		g.ID = 0
		if !reflect.DeepEqual(g, want[i]) {
			return fmt.Sprintf("instrument %d: got %s, want %s", i, describeInstrument(g), describeInstrument(want[i]))
		}
	}
	return ""
}

func describeInstrument(in store.Instrument) string {
	n := "nil"
	if in.Count != nil {
		n = fmt.Sprint(*in.Count)
	}
	return fmt.Sprintf("%s/%d/%d %q %q %q %s", in.Indicator, in.ReportYear, in.Sort, in.Name, in.Description, in.Provider, n)
}

func TestSurveySurvivesReopen(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreate(t)
	r2024 := store.SurveyResult{ReportYear: 2024,
		Counts:  [3][5]int{{10, 8, 3, 1, 0}, {5, 9, 4, 2, 1}, {2, 6, 7, 3, 1}},
		Missing: [3]int{0, 1, 2},
	}
	r2025 := store.SurveyResult{ReportYear: 2025,
		Counts:  [3][5]int{{12, 7, 2, 0, 1}, {6, 10, 3, 1, 0}, {3, 8, 5, 2, 0}},
		Missing: [3]int{1, 0, 3},
	}
	mustSucceed(t, s.SaveSurvey(ctx, r2024))
	mustSucceed(t, s.SaveSurvey(ctx, store.SurveyResult{ReportYear: 2025, Counts: [3][5]int{{99}}}))
	mustSucceed(t, s.SaveSurvey(ctx, r2025))
	s = reopenFile(t, s, path)

	for _, want := range []store.SurveyResult{r2024, r2025} {
		got, err := s.Survey(ctx, want.ReportYear)
		mustSucceed(t, err)
		if got != want {
			t.Errorf("survey %d: got %+v, want %+v", want.ReportYear, got, want)
		}
	}
	years, err := s.SurveyYears(ctx)
	mustSucceed(t, err)
	if !reflect.DeepEqual(years, []int{2024, 2025}) {
		t.Errorf("SurveyYears = %v, want [2024 2025]", years)
	}

	mustSucceed(t, s.SaveSurvey(ctx, store.SurveyResult{ReportYear: 2024}))
	if got, _ := s.Survey(ctx, 2024); got != (store.SurveyResult{ReportYear: 2024}) {
		t.Errorf("survey 2024 after saving zeros: %+v", got)
	}
	if years, _ := s.SurveyYears(ctx); !reflect.DeepEqual(years, []int{2025}) {
		t.Errorf("SurveyYears after clearing 2024 = %v, want [2025]", years)
	}
}

func TestMigrationEstimateSurvivesReopen(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreate(t)
	full := store.MigrationEstimate{ReportYear: 2025, ReferenceDate: "2024-12-31", Persons: ptrFloat(38250), Share: ptrFloat(34.1),
		Method: "Einwohnerdatei (MigraPro)", Definition: "Ausländer, Eingebürgerte und Aussiedler\nsowie deren Kinder", Statement: "Die Schätzung beruht auf …"}
	partial := store.MigrationEstimate{ReportYear: 2024, Share: ptrFloat(0), Method: "Mikrozensus"}
	mustSucceed(t, s.SaveMigrationEstimate(ctx, store.MigrationEstimate{ReportYear: 2025, Share: ptrFloat(1)}))
	mustSucceed(t, s.SaveMigrationEstimate(ctx, full))
	mustSucceed(t, s.SaveMigrationEstimate(ctx, partial))
	s = reopenFile(t, s, path)

	for _, want := range []store.MigrationEstimate{full, partial} {
		got, ok, err := s.MigrationEstimate(ctx, want.ReportYear)
		mustSucceed(t, err)
		if !ok || !reflect.DeepEqual(got, want) {
			t.Errorf("estimate %d: got %+v (found %v), want %+v", want.ReportYear, got, ok, want)
		}
	}
	if _, ok, err := s.MigrationEstimate(ctx, 2023); ok || err != nil {
		t.Errorf("year without estimate: found %v, err %v; want not found and no error", ok, err)
	}
}

func TestReportSettingsSurviveReopen(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreate(t)
	want := store.ReportSettings{ReportYear: 2025, Title: "Integrationsmonitoring 2025", Author: "Stabsstelle für soziale Stadtentwicklung",
		Foreword: "Sehr geehrte Damen und Herren,\n\nder Bericht …", Closing: "Bergisch Gladbach, im März 2026"}
	mustSucceed(t, s.SaveReportSettings(ctx, store.ReportSettings{ReportYear: 2025, Title: "Entwurf"}))
	mustSucceed(t, s.SaveReportSettings(ctx, want))
	s = reopenFile(t, s, path)
	got, err := s.ReportSettings(ctx, 2025)
	mustSucceed(t, err)
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got, err := s.ReportSettings(ctx, 2024); err != nil || got != (store.ReportSettings{ReportYear: 2024}) {
		t.Errorf("year without settings: %+v, %v", got, err)
	}
}

func TestReportTextsLoadsTheReportYear(t *testing.T) {
	ctx := context.Background()
	s, _ := mustCreate(t)
	mustSucceed(t, s.SaveIndicatorText(ctx, store.IndicatorText{Indicator: "A-W1", ReportYear: 2025, Text: "Bericht 2025"}))
	mustSucceed(t, s.SaveIndicatorText(ctx, store.IndicatorText{Indicator: "A-W3", ReportYear: 2024, Text: "Bericht 2024"}))
	mustSucceed(t, s.SaveInstruments(ctx, "B-W4", 2025, []store.Instrument{{Name: "Runder Tisch"}, {Name: "Patenschaften"}}))
	for _, y := range []int{2023, 2025, 2026} {
		mustSucceed(t, s.SaveSurvey(ctx, store.SurveyResult{ReportYear: y, Counts: [3][5]int{{y - 2000}}}))
	}
	mustSucceed(t, s.SaveMigrationEstimate(ctx, store.MigrationEstimate{ReportYear: 2025, Share: ptrFloat(33)}))
	mustSucceed(t, s.SaveReportSettings(ctx, store.ReportSettings{ReportYear: 2025, Title: "Bericht"}))

	rt, err := s.ReportTexts(ctx, 2025)
	mustSucceed(t, err)
	if len(rt.Texts) != 1 || rt.Texts["A-W1"].Text != "Bericht 2025" {
		t.Errorf("Texts = %+v, want only A-W1 of 2025", rt.Texts)
	}
	if ins := rt.Instruments["B-W4"]; len(rt.Instruments) != 1 || len(ins) != 2 || ins[0].Name != "Runder Tisch" || ins[1].Name != "Patenschaften" {
		t.Errorf("Instruments = %+v, want B-W4's two in order", rt.Instruments)
	}
	var years []int
	for _, sr := range rt.Surveys {
		years = append(years, sr.ReportYear)
	}
	if !reflect.DeepEqual(years, []int{2023, 2025}) {
		t.Errorf("survey years = %v, want [2023 2025]: all up to the report year", years)
	}
	if sr, ok := rt.Survey(2023); !ok || sr.Counts[0][0] != 23 {
		t.Errorf("Survey(2023) = %+v, %v", sr, ok)
	}
	if rt.Migration == nil || *rt.Migration.Share != 33 {
		t.Errorf("Migration = %+v, want the 2025 estimate", rt.Migration)
	}
	if rt.Settings.Title != "Bericht" {
		t.Errorf("Settings = %+v", rt.Settings)
	}
	empty, err := s.ReportTexts(ctx, 2022)
	mustSucceed(t, err)
	if len(empty.Texts) != 0 || len(empty.Instruments) != 0 || len(empty.Surveys) != 0 || empty.Migration != nil {
		t.Errorf("report year 2022 should be empty: %+v", empty)
	}
}

func TestIndicatorRefusalsLeaveFileUnchanged(t *testing.T) {
	ctx := context.Background()
	s, path := mustCreate(t)
	stored := []store.Instrument{{Name: "Sprachcafé"}}
	mustSucceed(t, s.SaveInstruments(ctx, "A-W1", 2025, stored))
	mustSucceed(t, s.SaveSurvey(ctx, store.SurveyResult{ReportYear: 2025, Counts: [3][5]int{{1, 2, 3, 4, 5}}}))
	negative := store.SurveyResult{ReportYear: 2025}
	negative.Counts[1][3] = -1
	missing := store.SurveyResult{ReportYear: 2025}
	missing.Missing[2] = -2

	tests := []struct {
		name string
		save func() error
		want string
	}{
		{"TextUnbekannterIndikator", func() error {
			return s.SaveIndicatorText(ctx, store.IndicatorText{Indicator: "Z-W9", ReportYear: 2025, Text: "x"})
		}, "Den Wirkungsindikator „Z-W9“ gibt es in dieser Datei nicht."},
		{"TextJahrZuFrüh", func() error {
			return s.SaveIndicatorText(ctx, store.IndicatorText{Indicator: "A-W1", ReportYear: 1949, Text: "x"})
		}, "Das Berichtsjahr 1949 liegt außerhalb des zulässigen Bereichs (1950–2100)."},
		{"InstrumentOhneNamenErsetztNichts", func() error {
			return s.SaveInstruments(ctx, "A-W1", 2025, []store.Instrument{{Name: "Neu"}, {Name: "  ", Provider: "Caritas"}})
		}, "Bitte geben Sie einen Namen für das Instrument ein."},
		{"InstrumentNegativeAnzahl", func() error {
			return s.SaveInstruments(ctx, "A-W1", 2025, []store.Instrument{{Name: "Elterncafé", Count: ptrInt(-1)}})
		}, "Die Anzahl beim Instrument „Elterncafé“ kann nicht negativ sein."},
		{"InstrumentUnbekannterIndikator", func() error {
			return s.SaveInstruments(ctx, "X", 2025, []store.Instrument{{Name: "Elterncafé"}})
		}, "Den Wirkungsindikator „X“ gibt es in dieser Datei nicht."},
		{"InstrumentJahrZuSpät", func() error {
			return s.SaveInstruments(ctx, "A-W1", 2101, nil)
		}, "Das Berichtsjahr 2101 liegt außerhalb des zulässigen Bereichs (1950–2100)."},
		{"BefragungNegativeAnzahl", func() error { return s.SaveSurvey(ctx, negative) },
			"Die Anzahl der Antworten „gering“ bei „Nutzwert“ kann nicht negativ sein."},
		{"BefragungNegativeFehlende", func() error { return s.SaveSurvey(ctx, missing) },
			"Die Anzahl der fehlenden Antworten bei „Gemeinsame Interessen/Ziele“ kann nicht negativ sein."},
		{"SchätzungAnteilÜber100", func() error {
			return s.SaveMigrationEstimate(ctx, store.MigrationEstimate{ReportYear: 2025, Share: ptrFloat(100.5)})
		}, "Der geschätzte Anteil muss zwischen 0 und 100 % liegen."},
		{"SchätzungAnteilKeineZahl", func() error {
			return s.SaveMigrationEstimate(ctx, store.MigrationEstimate{ReportYear: 2025, Share: ptrFloat(math.NaN())})
		}, "Der geschätzte Anteil muss zwischen 0 und 100 % liegen."},
		{"SchätzungNegativePersonen", func() error {
			return s.SaveMigrationEstimate(ctx, store.MigrationEstimate{ReportYear: 2025, Persons: ptrFloat(-3)})
		}, "Die geschätzte Zahl der Personen kann nicht negativ sein."},
		{"SchätzungStichtagDeutsch", func() error {
			return s.SaveMigrationEstimate(ctx, store.MigrationEstimate{ReportYear: 2025, ReferenceDate: "31.12.2024"})
		}, "Der Stichtag muss ein gültiges Datum sein, z. B. 31.12.2024."},
		{"SchätzungStichtagUnmöglich", func() error {
			return s.SaveMigrationEstimate(ctx, store.MigrationEstimate{ReportYear: 2025, ReferenceDate: "2025-02-29"})
		}, "Der Stichtag muss ein gültiges Datum sein, z. B. 31.12.2024."},
		{"EinstellungenJahrZuSpät", func() error {
			return s.SaveReportSettings(ctx, store.ReportSettings{ReportYear: 2101, Title: "x"})
		}, "Das Berichtsjahr 2101 liegt außerhalb des zulässigen Bereichs (1950–2100)."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := hashFile(t, path)
			err := tt.save()
			if !errors.Is(err, store.ErrInvalidInput) || store.Message(err) != tt.want {
				t.Errorf("got %v\nwant the refusal %q", err, tt.want)
			}
			if hashFile(t, path) != before {
				t.Errorf("the refused save changed the file")
			}
		})
	}
	got, err := s.Instruments(ctx, "A-W1", 2025)
	if err != nil || len(got) != 1 || got[0].Name != "Sprachcafé" {
		t.Errorf("instruments after refusals: %+v, %v; want the stored list", got, err)
	}
	if sr, _ := s.Survey(ctx, 2025); sr.Counts[0] != [5]int{1, 2, 3, 4, 5} {
		t.Errorf("survey after refusals: %+v", sr)
	}
}
