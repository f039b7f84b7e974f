package ui

import (
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bergischgladbach.de/integrationsmonitor/store/testtool"
)

// demoTestApp shows a demo file (values 2011–2025) with Berichtsjahr year.
func demoTestApp(t *testing.T, year int) (*App, string) {
	t.Helper()
	st, path := createFile(t, "demo.sqlite", 2025)
	if err := st.SetReportYear(context.Background(), year); err != nil {
		t.Fatal(err)
	}
	return showStore(t, st, fyne.NewSize(1400, 900)), path
}

// The window and the PDF show the same Übersicht of the same file: for
// Berichtsjahr 2023 each Kennzahl's latest value and its Erhebungszeit,
// none of them from 2024 or 2025 although the file holds them.
func TestOverviewWindowMatchesPDF(t *testing.T) {
	u, path := demoTestApp(t, 2023)
	u.tabs.SelectIndex(0)
	rows := u.overview.rows
	if len(rows) != 14 {
		t.Fatalf("window Übersicht has %d rows, want 14", len(rows))
	}

	menuItem(t, u, "Bericht", "Monitoring-Bericht erstellen…").Action()
	if err := waitJob(t, u, func() { test.Tap(topButton(t, u, "Erstellen")) }); err != nil {
		t.Fatal(err)
	}
	dismissAll(u)
	blocks := testtool.OverviewRows(t, testtool.PDFText(t, filepath.Join(filepath.Dir(path), "Monitoring-Bericht_2023.pdf")))

	latest := regexp.MustCompile(`^(.*) \((.*)\)$`)
	for _, r := range rows {
		code, cell := r[0], strings.ReplaceAll(r[2], "\u00a0", " ")
		block, ok := blocks[code]
		if !ok {
			t.Errorf("%s missing from the PDF's Übersicht", code)
			continue
		}
		m := latest.FindStringSubmatch(cell)
		if m == nil {
			t.Errorf("%s: window shows no latest value: %q", code, cell)
			continue
		}
		value, period := m[1], m[2]
		if first := strings.SplitN(block, "\n", 2)[0]; !strings.Contains(first, value) {
			t.Errorf("%s: window %q, PDF row %q", code, value, first)
		}
		for _, w := range strings.Fields(period) {
			if !strings.Contains(block, w) {
				t.Errorf("%s: period %q (window) not in the PDF row:\n%s", code, period, block)
			}
		}
		for _, y := range []string{"2024", "2025"} {
			if strings.Contains(cell, y) || strings.Contains(block, y) {
				t.Errorf("%s: a value after the Berichtsjahr 2023: window %q, PDF\n%s", code, cell, block)
			}
		}
	}
}
