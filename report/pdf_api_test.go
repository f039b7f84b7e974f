package report_test

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

func TestWritePDFReportsProgress(t *testing.T) {
	sections := 0
	for _, f := range pdfCatalog(t).Fields {
		sections += len(f.KeyFigures) + len(f.Indicators)
	}
	var calls [][2]int
	opt := pdfOptions()
	opt.Progress = func(done, total int) { calls = append(calls, [2]int{done, total}) }
	pdfRender(t, opt)
	if len(calls) != 2*sections {
		t.Fatalf("%d progress calls, want %d", len(calls), 2*sections)
	}
	for i, c := range calls {
		if c != [2]int{i + 1, 2 * sections} {
			t.Fatalf("call %d: %v, want [%d %d]", i, c, i+1, 2*sections)
		}
	}
}

func TestWritePDFRefusesMissingInput(t *testing.T) {
	snap := &store.Snapshot{Catalog: pdfCatalog(t), ReportYear: pdfYear}
	noFonts := pdfOptions()
	noFonts.Fonts.Bold = nil
	for _, tc := range []struct {
		name string
		snap *store.Snapshot
		opt  report.PDFOptions
		want error
	}{
		{"NoFonts", snap, noFonts, report.ErrNoFonts},
		{"NoSnapshot", nil, pdfOptions(), nil},
		{"NoCatalog", &store.Snapshot{ReportYear: pdfYear}, pdfOptions(), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			_, err := report.WritePDF(&buf, tc.snap, nil, tc.opt)
			if err == nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if buf.Len() > 0 {
				t.Error("a refused report wrote bytes")
			}
		})
	}
}

func TestLatestChange(t *testing.T) {
	at := func(day int) time.Time { return time.Date(2026, time.February, day, 9, 30, 0, 0, time.UTC) }
	values := []store.Value{
		{Period: "2024", EnteredAt: at(1)},
		{Period: "2025-H2", EnteredAt: at(3)},
		{Period: "2026", EnteredAt: at(20)}, // after the report year: not in the report
	}
	for _, tc := range []struct {
		name  string
		snap  *store.Snapshot
		texts *store.ReportTexts
		want  time.Time
	}{
		{"NewestValueOfTheYear", &store.Snapshot{Values: values, ReportYear: 2025}, nil, at(3)},
		{"AllYearsWithoutReportYear", &store.Snapshot{Values: values}, nil, at(20)},
		{"NewerText", &store.Snapshot{Values: values, ReportYear: 2025},
			&store.ReportTexts{Texts: map[string]store.IndicatorText{"A-W1": {UpdatedAt: at(10)}}}, at(10)},
		{"NothingDated", &store.Snapshot{ReportYear: 2025}, &store.ReportTexts{}, time.Time{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := report.LatestChange(tc.snap, tc.texts); !got.Equal(tc.want) {
				t.Errorf("LatestChange = %v, want %v", got, tc.want)
			}
		})
	}
}
