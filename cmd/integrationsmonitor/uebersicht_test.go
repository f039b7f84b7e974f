package main

import (
	"encoding/csv"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store/testtool"
)

// overviewRecords runs `uebersicht` and parses its ';' table.
func overviewRecords(t *testing.T, args ...string) [][]string {
	t.Helper()
	stdout, errOut, err := runCmd(t, append([]string{"uebersicht"}, args...)...)
	if err != nil {
		t.Fatalf("uebersicht: %v\n%s", err, errOut)
	}
	r := csv.NewReader(strings.NewReader(stdout))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("parse %q: %v", stdout, err)
	}
	return recs
}

// The Statistikdienststelle scripts against the first five columns
// (README): their names, one line per Kennzahl in catalogue order, German
// numbers, and nothing after the report year.
func TestRunOverview(t *testing.T) {
	src := demoMonitoringFile(t)
	before := fileHash(t, src)
	recs := overviewRecords(t, src, "-jahr", "2023")
	if got, want := recs[0][:5], []string{"Kennzahl", "Letzter Wert", "Erhebungszeit", "Veränderung", "Bewertung"}; !slices.Equal(got, want) {
		t.Fatalf("header %q, want %q first", recs[0], want)
	}
	var codes []string
	symbol := regexp.MustCompile(`^(\+\+|\+|=|-|--|\?|o) \p{L}`)
	number := regexp.MustCompile(`^−?[0-9]{1,3}(\.[0-9]{3})*(,[0-9]+)?( %| Pp\.)?( p)?$`)
	for _, r := range recs[1:] {
		codes = append(codes, r[0])
		if !symbol.MatchString(r[4]) {
			t.Errorf("%s: Bewertung %q does not start with its symbol", r[0], r[4])
		}
		if r[1] == "–" {
			continue
		}
		if !number.MatchString(r[1]) {
			t.Errorf("%s: Letzter Wert %q is not a German number", r[0], r[1])
		}
		if r[2] == "" || strings.Contains(r[2], "2024") || strings.Contains(r[2], "2025") {
			t.Errorf("%s: Erhebungszeit %q, want one up to 2023", r[0], r[2])
		}
	}
	want := []string{"A-K1", "A-K2", "A-K3", "A-K4", "A-K5", "A-K6", "B-K1", "B-K2", "B-K3", "B-K4", "C-K1", "C-K2", "C-K3", "C-K4"}
	if !slices.Equal(codes, want) {
		t.Errorf("Kennzahlen %q, want %q", codes, want)
	}
	if fileHash(t, src) != before {
		t.Error("uebersicht changed the file")
	}
	// Without -jahr the file's Berichtsjahr (2025 in the demo file) counts.
	if recs := overviewRecords(t, src); !slices.ContainsFunc(recs[1:], func(r []string) bool { return strings.Contains(r[2], "2025") }) {
		t.Errorf("no 2025 value with the stored Berichtsjahr 2025: %q", recs)
	}
}

func TestRunOverviewRefuses(t *testing.T) {
	for _, args := range [][]string{{"uebersicht"}, {"uebersicht", "/nicht/vorhanden.sqlite"}} {
		_, errOut, err := runCmd(t, args...)
		if err == nil || errOut == "" {
			t.Errorf("%q: err %v, stderr %q; want a German message", args, err, errOut)
		}
	}
}

// The command and the PDF present one evaluation: for Berichtsjahr 2023
// the same latest value and Erhebungszeit for all 14 Kennzahlen.
func TestOverviewMatchesReport(t *testing.T) {
	src := demoMonitoringFile(t)
	recs := overviewRecords(t, src, "-jahr", "2023")
	out := filepath.Join(t.TempDir(), "bericht.pdf")
	if _, errOut, err := runWith(runReport, src, "-jahr", "2023", "-o", out); err != nil {
		t.Fatalf("bericht: %v %s", err, errOut)
	}
	rows := testtool.OverviewRows(t, testtool.PDFText(t, out))
	if len(recs) != 15 || len(rows) != 14 {
		t.Fatalf("%d lines from uebersicht, %d Kennzahlen in the PDF; want 1+14 and 14", len(recs), len(rows))
	}
	for _, r := range recs[1:] {
		code, value, period := r[0], r[1], r[2]
		block := rows[code]
		if first := strings.SplitN(block, "\n", 2)[0]; !strings.Contains(first, value) {
			t.Errorf("%s: uebersicht %q, PDF %q", code, value, first)
		}
		for _, w := range strings.Fields(period) {
			if !strings.Contains(block, w) {
				t.Errorf("%s: Erhebungszeit %q not in the PDF's row:\n%s", code, period, block)
			}
		}
		if strings.Contains(block, "2024") || strings.Contains(block, "2025") {
			t.Errorf("%s: the PDF shows a value after 2023:\n%s", code, block)
		}
	}
}
