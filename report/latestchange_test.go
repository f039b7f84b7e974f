package report_test

import (
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

func TestLatestChange(t *testing.T) {
	at := func(day int) time.Time { return time.Date(2026, time.February, day, 9, 30, 0, 0, time.UTC) }
	values := []store.Value{
		{Period: "2024", EnteredAt: at(1)},
		{Period: "2025-H2", EnteredAt: at(3)},
		{Period: "2026", EnteredAt: at(20)}, // after the report year: not in the report
	}
	// A Datenstand wins over the day of entry: the figures of 30.11.2025
	// typed in on 1 February are as of 30 November.
	asOf := []store.Value{
		{Period: "2024", EnteredAt: at(1), AsOf: "2025-11-30"},
		{Period: "2025", EnteredAt: at(2), AsOf: "2025-12-31"},
	}
	for _, tc := range []struct {
		name  string
		snap  *store.Snapshot
		texts *store.ReportTexts
		want  time.Time
	}{
		{"NewestValueOfTheYear", &store.Snapshot{Values: values, ReportYear: 2025}, nil, at(3)},
		{"AllYearsWithoutReportYear", &store.Snapshot{Values: values}, nil, at(20)},
		{"TextsDoNotMoveTheStand", &store.Snapshot{Values: values, ReportYear: 2025},
			&store.ReportTexts{Texts: map[string]store.IndicatorText{"A-W1": {UpdatedAt: at(10)}}}, at(3)},
		{"DatenstandOfTheNewestValue", &store.Snapshot{Values: asOf, ReportYear: 2025}, nil,
			time.Date(2025, time.December, 31, 0, 0, 0, 0, time.UTC)},
		{"NothingDated", &store.Snapshot{ReportYear: 2025}, &store.ReportTexts{}, time.Time{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := report.LatestChange(tc.snap, tc.texts); !got.Equal(tc.want) {
				t.Errorf("LatestChange = %v, want %v", got, tc.want)
			}
		})
	}
}
