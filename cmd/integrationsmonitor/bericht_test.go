package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// demoMonitoringFile is a monitoring file with the labelled demo data.
func demoMonitoringFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.sqlite")
	if _, errOut, err := runWith(runDemo, path); err != nil {
		t.Fatalf("demo file: %v %s", err, errOut)
	}
	return path
}

func TestRunReport(t *testing.T) {
	src := demoMonitoringFile(t)
	before := fileHash(t, src)
	dir := t.TempDir()
	out := filepath.Join(dir, "bericht.pdf")
	if err := os.WriteFile(out, []byte("alter Bericht"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, errOut, err := runWith(runReport, src, "-jahr", "2025", "-o", out, "-autor", "Stabsstelle soziale Stadtentwicklung")
	if err != nil {
		t.Fatalf("bericht: %v\n%s", err, errOut)
	}
	if !regexp.MustCompile(`^Bericht geschrieben: .*bericht\.pdf \(\d+ Seiten\)\n`).MatchString(stdout) {
		t.Errorf("stdout %q", stdout)
	}
	if !strings.Contains(stdout, "Beispieldaten") {
		t.Errorf("no warning about the demo data: %q", stdout)
	}
	first, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(first, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(first), []byte("%%EOF")) {
		t.Errorf("%s is no complete PDF (%d bytes)", out, len(first))
	}
	if fileHash(t, src) != before {
		t.Error("making a report changed the monitoring file")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("files left beside the report: %v", entries)
	}
	// Without -stand the Stand comes from the file, so a second run gives
	// the same bytes.
	if _, errOut, err := runWith(runReport, src, "-jahr", "2025", "-o", out, "-autor", "Stabsstelle soziale Stadtentwicklung"); err != nil {
		t.Fatalf("second run: %v %s", err, errOut)
	}
	if again, _ := os.ReadFile(out); !bytes.Equal(first, again) {
		t.Error("the same file gave two different reports")
	}
	if _, errOut, err := runWith(runReport, src, "-jahr", "2025", "-o", out, "-stand", "01.03.2026"); err != nil {
		t.Fatalf("with -stand: %v %s", err, errOut)
	}
	if again, _ := os.ReadFile(out); !bytes.Contains(again, []byte("/CreationDate (D:20260301000000)")) {
		t.Error("-stand did not set the creation date")
	}
}

func TestRunReportTakesTheStoredYear(t *testing.T) {
	src := demoMonitoringFile(t)
	dir := t.TempDir()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	stdout, errOut, err := runWith(runReport, src)
	if err != nil {
		t.Fatalf("%v %s", err, errOut)
	}
	if !strings.Contains(stdout, "Monitoring-Bericht-2025.pdf") {
		t.Errorf("stdout %q", stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "Monitoring-Bericht-2025.pdf")); err != nil {
		t.Error(err)
	}
}

func TestRunReportRefuses(t *testing.T) {
	src := demoMonitoringFile(t)
	foreign := filepath.Join(t.TempDir(), "fremd.sqlite")
	if err := os.WriteFile(foreign, []byte("kein SQLite"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		args    func(dir string) []string
		wantErr string
	}{
		{"NoFile", func(string) []string { return nil }, "Aufruf:"},
		{"MissingFile", func(d string) []string {
			return []string{filepath.Join(d, "fehlt.sqlite"), "-o", filepath.Join(d, "b.pdf")}
		}, "existiert nicht"},
		{"ForeignFile", func(d string) []string { return []string{foreign, "-o", filepath.Join(d, "b.pdf")} }, "keine Integrationsmonitoring-Datei"},
		{"OutputNotPDF", func(d string) []string { return []string{src, "-jahr", "2025", "-o", src} }, "muss auf .pdf enden"},
		{"OutputIsFolder", func(d string) []string { return []string{src, "-jahr", "2025", "-o", filepath.Join(d, "x.pdf")} }, "ist ein Ordner"},
		{"BadStand", func(d string) []string { return []string{src, "-stand", "März", "-o", filepath.Join(d, "b.pdf")} }, "kein Datum"},
		{"YearOutOfRange", func(d string) []string { return []string{src, "-jahr", "25", "-o", filepath.Join(d, "b.pdf")} }, "zwischen 1950 und 2100"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.Mkdir(filepath.Join(dir, "x.pdf"), 0o755); err != nil {
				t.Fatal(err)
			}
			before := fileHash(t, src)
			_, errOut, err := runWith(runReport, tc.args(dir)...)
			if !errors.Is(err, errReported) || !strings.Contains(errOut, tc.wantErr) {
				t.Errorf("err %v, stderr %q, want %q", err, errOut, tc.wantErr)
			}
			if fileHash(t, src) != before {
				t.Error("the monitoring file changed")
			}
			if _, err := os.Stat(filepath.Join(dir, "b.pdf")); err == nil {
				t.Error("a refused report left a file")
			}
		})
	}
}
