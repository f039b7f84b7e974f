package pdf_test

import (
	"bytes"
	"errors"
	"testing"

	"bergischgladbach.de/integrationsmonitor/report/pdf"
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
		opt  pdf.Options
		want error
	}{
		{"NoFonts", snap, noFonts, pdf.ErrNoFonts},
		{"NoSnapshot", nil, pdfOptions(), nil},
		{"NoCatalog", &store.Snapshot{ReportYear: pdfYear}, pdfOptions(), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			_, err := pdf.Write(&buf, evalOf(tc.snap, false), nil, tc.opt)
			if err == nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if buf.Len() > 0 {
				t.Error("a refused report wrote bytes")
			}
		})
	}
}
