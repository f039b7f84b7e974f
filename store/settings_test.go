package store_test

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

// withRawSettings writes setting rows as another tool (the sqlite3 shell)
// would, then opens the file again.
func withRawSettings(t *testing.T, kv map[string]string) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, path := mustCreate(t)
	s.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range kv {
		if _, err := db.Exec(`INSERT INTO setting(key,value) VALUES(?,?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err = store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.Now = mustCreateNow
	return s
}

func TestSettings(t *testing.T) {
	// mustCreate's clock says 2025, so the last complete year is 2024.
	def := store.Settings{ReportYear: 2024, SmallCount: store.DefaultSmallCount, ChangeFactor: store.DefaultChangeFactor, BaseYear: store.DefaultBaseYear}
	for _, tc := range []struct {
		name    string
		stored  map[string]string
		want    store.Settings
		wantErr string // part of the German message; "" for none
	}{
		{"Defaults", nil, def, ""},
		{"EmptyTextsAreDefaults", map[string]string{"berichtsjahr": "", "beispieldaten": "", "kleine_fallzahl": " "}, def, ""},
		{"Stored", map[string]string{"berichtsjahr": "2023", "beispieldaten": "1", "kleine_fallzahl": "5"},
			store.Settings{ReportYear: 2023, ReportYearStored: true, Demo: true, SmallCount: 5, ChangeFactor: store.DefaultChangeFactor, BaseYear: store.DefaultBaseYear}, ""},
		{"ChangeFactorStored", map[string]string{"plausi_faktor": "2,5"},
			store.Settings{ReportYear: 2024, SmallCount: store.DefaultSmallCount, ChangeFactor: 2.5, BaseYear: store.DefaultBaseYear}, ""},
		{"ChangeFactorOne", map[string]string{"plausi_faktor": "1"}, def, "„plausi_faktor“ ist „1“"},
		{"BaseYearStored", map[string]string{"basisjahr": "2009"},
			store.Settings{ReportYear: 2024, SmallCount: store.DefaultSmallCount, ChangeFactor: store.DefaultChangeFactor, BaseYear: 2009}, ""},
		{"BaseYearNotAYear", map[string]string{"basisjahr": "seit immer"}, def, "„basisjahr“ ist „seit immer“"},
		{"DemoOff", map[string]string{"beispieldaten": "0"}, def, ""},
		{"ReportYearNotANumber", map[string]string{"berichtsjahr": "abc"}, def, "„berichtsjahr“ ist „abc“"},
		{"ReportYearOutOfRange", map[string]string{"berichtsjahr": "25"}, def, "ein Jahr von 1950 bis 2100"},
		{"SmallCountNotANumber", map[string]string{"kleine_fallzahl": "viele"}, def, "„kleine_fallzahl“ ist „viele“"},
		{"SmallCountZero", map[string]string{"kleine_fallzahl": "0"}, def, "ganze Zahl ab 1"},
		{"UnknownDemoMarkerLabelsTheFile", map[string]string{"beispieldaten": "ja"},
			store.Settings{ReportYear: 2024, Demo: true, SmallCount: store.DefaultSmallCount, ChangeFactor: store.DefaultChangeFactor, BaseYear: store.DefaultBaseYear}, "„beispieldaten“ ist „ja“"},
		{"OneBadKeyKeepsTheOthers", map[string]string{"berichtsjahr": "2023", "kleine_fallzahl": "x"},
			store.Settings{ReportYear: 2023, ReportYearStored: true, SmallCount: store.DefaultSmallCount, ChangeFactor: store.DefaultChangeFactor, BaseYear: store.DefaultBaseYear}, "kleine_fallzahl"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := withRawSettings(t, tc.stored)
			got, err := s.Settings(context.Background())
			if got != tc.want {
				t.Errorf("settings = %+v, want %+v", got, tc.want)
			}
			switch {
			case tc.wantErr == "" && err != nil:
				t.Errorf("err = %v", err)
			case tc.wantErr != "" && (!errors.Is(err, store.ErrInvalidInput) || !strings.Contains(store.Message(err), tc.wantErr)):
				t.Errorf("err = %v (message %q), want an invalid-input error saying %q", err, store.Message(err), tc.wantErr)
			}
		})
	}
}

func TestSetBaseYear(t *testing.T) {
	ctx := context.Background()
	s := withRawSettings(t, nil)
	if err := s.SetBaseYear(ctx, 1900); !errors.Is(err, store.ErrInvalidInput) {
		t.Errorf("SetBaseYear(1900) = %v, want invalid input", err)
	}
	if err := s.SetBaseYear(ctx, 2014); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Settings(ctx); err != nil || got.BaseYear != 2014 {
		t.Errorf("base year %d (%v), want 2014", got.BaseYear, err)
	}
}

func TestSetReportYear(t *testing.T) {
	ctx := context.Background()
	s := withRawSettings(t, map[string]string{"berichtsjahr": "abc"})
	if err := s.SetReportYear(ctx, 2023); err != nil {
		t.Fatal(err)
	}
	got, err := s.Settings(ctx)
	if err != nil || got.ReportYear != 2023 || !got.ReportYearStored {
		t.Errorf("after SetReportYear(2023): %+v, %v", got, err)
	}
	if err := s.SetReportYear(ctx, 20230); !errors.Is(err, store.ErrInvalidInput) {
		t.Errorf("SetReportYear(20230) = %v, want invalid input", err)
	}
}

func TestReportSettingsWithDefaults(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   store.ReportSettings
		want store.ReportSettings
	}{
		{"Empty", store.ReportSettings{ReportYear: 2024},
			store.ReportSettings{ReportYear: 2024, Title: "Integrationsmonitoring — Monitoring-Bericht 2024", Author: store.DefaultReportAuthor}},
		{"Blank", store.ReportSettings{ReportYear: 2024, Title: " ", Author: "\t"},
			store.ReportSettings{ReportYear: 2024, Title: store.DefaultReportTitle(2024), Author: store.DefaultReportAuthor}},
		{"OwnTextsKept", store.ReportSettings{ReportYear: 2024, Title: "Bericht", Author: "Statistikdienststelle", Foreword: "Vorwort"},
			store.ReportSettings{ReportYear: 2024, Title: "Bericht", Author: "Statistikdienststelle", Foreword: "Vorwort"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.in.WithDefaults(); got != tc.want {
				t.Errorf("WithDefaults() = %+v, want %+v", got, tc.want)
			}
		})
	}
}
