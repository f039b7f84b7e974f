package export_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/export"
	"bergischgladbach.de/integrationsmonitor/store"
)

// managers is issue 13's case: 2 of 127 employees at the Führungsebene
// have a Migrationshintergrund (A-W2), 151 of 840 in the Sachbearbeitung.
func managers(t *testing.T) *report.Evaluation {
	v := func(period, area, group string, n float64) store.Value {
		return store.Value{BaseFigure: "A-W2-G1", Period: store.Period(period), Area: area, Group: group, Number: n}
	}
	snap := &store.Snapshot{Catalog: realCatalog(t), ReportYear: 2025, Values: []store.Value{
		v("2025", "verwaltung_fuehrung", "insgesamt", 127),
		v("2025", "verwaltung_fuehrung", "mit_mh", 2),
		v("2025", "verwaltung_sachbearbeitung", "insgesamt", 840),
		v("2025", "verwaltung_sachbearbeitung", "mit_mh", 151),
	}}
	return report.Evaluate(report.Input{Snapshot: snap, Year: 2025})
}

func managerRows(t *testing.T, csv string) (fuehrung [][]string) {
	t.Helper()
	for _, line := range strings.Split(csv, "\r\n") {
		if strings.Contains(line, "Führungsebene") {
			fuehrung = append(fuehrung, strings.Split(line, ";"))
		}
	}
	if len(fuehrung) != 2 {
		t.Fatalf("rows of the Führungsebene: %q", fuehrung)
	}
	return fuehrung
}

// The default export is published: the 2 is "." and nothing else in the
// file gives it back (no complement 125, no share 1,6).
func TestCSVDoesNotGiveBackTwoOf127(t *testing.T) {
	e := managers(t)
	var buf bytes.Buffer
	if err := export.WriteCSV(&buf, e); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	rows := managerRows(t, out)
	// Columns: … Gruppe (6), Wert (7), Zeichen (8).
	if rows[0][6] != "Insgesamt" || rows[0][7] != "127" || rows[1][6] != "mit Migrationshintergrund" || rows[1][7] != "" || rows[1][8] != "." {
		t.Errorf("rows %q, want 127 and \".\"", rows)
	}
	for _, leak := range []string{";2;", "125", "1,6", "1,57"} {
		if strings.Contains(out, leak) {
			t.Errorf("the export holds %q", leak)
		}
	}
	if !strings.Contains(out, "zur Wahrung der Geheimhaltung gesperrt") {
		t.Error("no line explains the \".\"")
	}
	if strings.Contains(out, export.InternalLabel) {
		t.Error("the published export says it is internal")
	}
}

func TestInternalCSVHasEveryValueAndSaysSo(t *testing.T) {
	var buf bytes.Buffer
	if err := export.WriteInternalCSV(&buf, managers(t)); err != nil {
		t.Fatal(err)
	}
	out := strings.TrimPrefix(buf.String(), "\ufeff")
	first, _, _ := strings.Cut(out, "\r\n")
	if !strings.Contains(first, export.InternalLabel) && !strings.Contains(first, "Nur für den Dienstgebrauch") {
		t.Errorf("first line %q", first)
	}
	rows := managerRows(t, out)
	if rows[1][7] != "2" || rows[1][8] != "" {
		t.Errorf("internal row %q, want the 2", rows[1])
	}
}

func TestInternalXLSXFirstSheetSaysSo(t *testing.T) {
	var buf bytes.Buffer
	if err := export.WriteInternalXLSX(&buf, managers(t)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	first := f.GetSheetList()[0]
	a1, _ := f.GetCellValue(first, "A2")
	if first != "Dienstgebrauch" || !strings.HasPrefix(a1, "Nur für den Dienstgebrauch") {
		t.Errorf("first sheet %q says %q", first, a1)
	}
	rows, _ := f.GetRows("Werte")
	found := false
	for _, r := range rows {
		if len(r) > 7 && strings.Contains(r[5], "Führungsebene") && r[6] == "mit Migrationshintergrund" {
			found = r[7] == "2"
		}
	}
	if !found {
		t.Error("the internal workbook lacks the 2")
	}
}

func TestInternalName(t *testing.T) {
	for in, want := range map[string]string{
		"werte.csv":                              "werte_nur-fuer-den-Dienstgebrauch.csv",
		"/tmp/a.b/werte.xlsx":                    "/tmp/a.b/werte_nur-fuer-den-Dienstgebrauch.xlsx",
		"werte_nur-fuer-den-Dienstgebrauch.xlsx": "werte_nur-fuer-den-Dienstgebrauch.xlsx",
	} {
		if got := export.InternalName(in); got != want {
			t.Errorf("InternalName(%q) = %q, want %q", in, got, want)
		}
	}
}
