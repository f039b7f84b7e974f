package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"bergischgladbach.de/integrationsmonitor/report/export"
	"bergischgladbach.de/integrationsmonitor/store"
)

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// csvRecords parses a written CSV export and returns its header and rows.
func csvRecords(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	body, ok := bytes.CutPrefix(b, []byte("\ufeff"))
	if !ok {
		t.Fatalf("%s: no byte order mark", path)
	}
	r := csv.NewReader(bytes.NewReader(body))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestRunExport(t *testing.T) {
	src := exchangeFile(t)
	tests := []struct {
		name  string
		args  func(out string) []string
		out   string
		check func(t *testing.T, path string)
	}{
		{"csv with flags after the file", func(o string) []string { return []string{src, "-format", "csv", "-o", o} }, "werte.csv",
			func(t *testing.T, p string) {
				recs := csvRecords(t, p)
				if !slices.Equal(recs[0], export.ValueColumns) || len(recs) != 4 {
					t.Fatalf("records %q", recs)
				}
				if got := recs[1][7]; got != "12,5" { // Deutsche before Ausländer/innen, as in the catalogue
					t.Errorf("Wert = %q, want 12,5", got)
				}
			}},
		{"key figures csv, flags first", func(o string) []string { return []string{"-kennzahlen", "-o", o, src} }, "kennzahlen.csv",
			func(t *testing.T, p string) {
				if recs := csvRecords(t, p); !slices.Equal(recs[0], export.KeyFigureColumns) {
					t.Errorf("header %q", recs[0])
				}
			}},
		{"xlsx from the ending", func(o string) []string { return []string{src, "-o", o} }, "werte.xlsx",
			func(t *testing.T, p string) {
				f, err := excelize.OpenFile(p)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				if got := f.GetSheetList(); !slices.Equal(got, []string{"Übersicht", "Werte", "Kennzahlen", "Zeichenerklärung"}) {
					t.Errorf("sheets %q", got)
				}
				if typ, _ := f.GetCellType("Werte", "H3"); typ != excelize.CellTypeUnset {
					t.Errorf("Wert cell of type %v, want a number", typ)
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, tt.out)
			stdout, errOut, err := runWith(runExport, tt.args(out)...)
			if err != nil {
				t.Fatalf("export: %v %s", err, errOut)
			}
			if !strings.Contains(stdout, "Export gespeichert") || !strings.Contains(stdout, "1 Werte sind Beispieldaten") {
				t.Errorf("stdout %q", stdout)
			}
			if es, _ := os.ReadDir(dir); len(es) != 1 {
				t.Errorf("folder holds %d files, want the export alone", len(es))
			}
			tt.check(t, out)
		})
	}
}

func TestRunExportRefusals(t *testing.T) {
	src := exchangeFile(t)
	foreign := filepath.Join(t.TempDir(), "fremd.sqlite")
	os.WriteFile(foreign, []byte("kein SQLite"), 0o644)
	tests := []struct {
		name    string
		args    func(dir string) []string
		wantErr string
	}{
		{"output named like the monitoring file", func(d string) []string { return []string{src, "-format", "csv", "-o", src} }, "muss auf .csv enden"},
		{"unknown format", func(d string) []string { return []string{src, "-format", "ods", "-o", filepath.Join(d, "w.ods")} }, "gibt es nicht"},
		{"no format, no ending", func(d string) []string { return []string{src, "-o", filepath.Join(d, "werte")} }, "-format csv"},
		{"foreign file", func(d string) []string { return []string{foreign, "-o", filepath.Join(d, "w.csv")} }, "keine Integrationsmonitoring-Datei"},
		{"no output", func(d string) []string { return []string{src} }, "Aufruf:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			before := fileHash(t, src)
			_, errOut, err := runWith(runExport, tt.args(dir)...)
			if !errors.Is(err, errReported) || !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("err %v, stderr %q; want %q", err, errOut, tt.wantErr)
			}
			if es, _ := os.ReadDir(dir); len(es) != 0 {
				t.Errorf("refused export left %d files", len(es))
			}
			if fileHash(t, src) != before {
				t.Errorf("the monitoring file was changed")
			}
		})
	}
}

// TestRunExportWhileOpen exports a file the window holds, and replaces an
// older export whole.
func TestRunExportWhileOpen(t *testing.T) {
	src := exchangeFile(t)
	s, err := store.Open(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	out := filepath.Join(t.TempDir(), "werte.csv")
	if err := os.WriteFile(out, []byte("alter Export"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, err := runWith(runExport, src, "-o", out); err != nil {
		t.Fatalf("export of an open file: %v %s", err, errOut)
	}
	if recs := csvRecords(t, out); len(recs) != 4 {
		t.Errorf("%d records, want header and 3 values", len(recs))
	}
}

func TestRunExportToFolderRefused(t *testing.T) {
	src := exchangeFile(t)
	folder := filepath.Join(t.TempDir(), "werte.csv")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	_, errOut, err := runWith(runExport, src, "-o", folder)
	if !errors.Is(err, errReported) || !strings.Contains(errOut, "ist ein Ordner") {
		t.Errorf("err %v, stderr %q", err, errOut)
	}
	if es, _ := os.ReadDir(folder); len(es) != 0 {
		t.Errorf("export wrote %d files into the folder", len(es))
	}
}

// -intern writes every value into a file whose name and first line say
// "nur für den Dienstgebrauch" (issue 13).
func TestRunExportInternal(t *testing.T) {
	src := exchangeFile(t)
	dir := t.TempDir()
	stdout, errOut, err := runWith(runExport, src, "-intern", "-o", filepath.Join(dir, "werte.csv"))
	if err != nil {
		t.Fatalf("export: %v %s", err, errOut)
	}
	want := filepath.Join(dir, "werte_nur-fuer-den-Dienstgebrauch.csv")
	if !strings.Contains(stdout, want) || !strings.Contains(stdout, "nur für den Dienstgebrauch") {
		t.Errorf("stdout %q", stdout)
	}
	recs := csvRecords(t, want)
	if !strings.HasPrefix(recs[0][0], "Nur für den Dienstgebrauch") || !slices.Equal(recs[1], export.ValueColumns) {
		t.Errorf("first lines %q", recs[:2])
	}
	if _, err := os.Stat(filepath.Join(dir, "werte.csv")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a file without the label was written: %v", err)
	}
}
