package ui

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

func TestMailCopyEditedAndMergedBack(t *testing.T) {
	ctx := context.Background()
	u, _ := newTestApp(t)
	v := store.Value{BaseFigure: "C-K2-G1", Period: "2024", Area: "stadt", Group: "insgesamt", Number: 11}
	if _, err := u.st.SaveValue(ctx, v, store.SaveOptions{Origin: "Eingabe"}); err != nil {
		t.Fatal(err)
	}
	copyPath, err := u.mailCopyTo(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	// The Statistikdienststelle edits the copy with plain SQL.
	db, err := sql.Open("sqlite", "file:"+copyPath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE value SET number = 12 WHERE base_figure_code = 'C-K2-G1' AND period = '2024'`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO value(base_figure_code, period, area_code, group_code, number, source) VALUES ('C-K2-G1', '2025', 'stadt', 'insgesamt', 14, 'Statistikdienststelle')`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	plan, err := u.st.CompareReturned(ctx, copyPath)
	if err != nil {
		t.Fatal(err)
	}
	m := newMergeDialog(u, plan)
	m.content()
	if len(m.checks) != 2 || !m.checks[0].Checked || !m.checks[1].Checked {
		t.Fatalf("merge dialog offers %d items: %+v", len(m.checks), plan)
	}
	var applied int
	m.applied = func(n int, err error) { applied = n }
	m.apply()
	if applied != 2 {
		t.Fatalf("applied %d, want 2", applied)
	}
	got, _ := u.st.Value(ctx, "C-K2-G1", "2024", "stadt", "insgesamt")
	if got.Number != 12 {
		t.Errorf("2024 after merge = %v, want 12", got.Number)
	}
	h, _ := u.st.History(ctx, "C-K2-G1", "2025", "stadt", "insgesamt")
	if len(h) == 0 || !strings.HasPrefix(h[len(h)-1].Origin, "Rückmeldung: ") {
		t.Errorf("history of the new value: %+v", h)
	}
}

func TestImportWizardKnownTable(t *testing.T) {
	u, _ := newTestApp(t)
	tbl, err := readImportFile("../report/official/testdata/ldb_12411-15i.csv")
	if err != nil {
		t.Fatal(err)
	}
	w := newImportWizard(u, tbl, "ldb_12411-15i.csv")
	w.content()
	if w.plan == nil || w.plan.New != 2 || !strings.Contains(w.summary.Text, "2 neu") {
		t.Fatalf("plan for a known table: %q", w.summary.Text)
	}
	var ins int
	w.stored = func(i, c int, err error) { ins = i }
	w.store()
	if ins != 2 {
		t.Fatalf("stored %d, want 2", ins)
	}
	v, err := u.st.Value(context.Background(), "BEV", "2024-12-31", "stadt", "insgesamt")
	if err != nil || v.Number != 111361 {
		t.Errorf("BEV stadt 2024 = %+v %v", v, err)
	}
}

func TestImportWizardManualMapping(t *testing.T) {
	u, _ := newTestApp(t)
	tbl, err := readImportFile("../report/official/testdata/ldb_22517-02i.csv")
	if err != nil {
		t.Fatal(err)
	}
	w := newImportWizard(u, tbl, "ldb_22517-02i.csv")
	w.content()
	if w.plan != nil || len(w.known) != 0 {
		t.Fatalf("unknown table mapped automatically")
	}
	w.column.SetSelectedIndex(0)
	for i, b := range w.bfs {
		if b.Code == "C-K2-G1" {
			w.figure.SetSelectedIndex(i)
		}
	}
	if w.plan == nil {
		t.Fatalf("no plan after choosing a mapping: %q", w.summary.Text)
	}
	if !strings.Contains(w.summary.Text, "zugeordnet") {
		t.Errorf("summary: %q", w.summary.Text)
	}
}

func TestExportWritesFiles(t *testing.T) {
	u, _ := newTestApp(t)
	u.st.SaveValue(context.Background(), store.Value{BaseFigure: "C-K2-G1", Period: "2024", Area: "stadt", Group: "insgesamt", Number: 12.5}, store.SaveOptions{})
	dir := t.TempDir()
	csvPath, xlsxPath := filepath.Join(dir, "w.csv"), filepath.Join(dir, "w.xlsx")
	if err := u.export(csvPath, true); err != nil {
		t.Fatal(err)
	}
	if err := u.export(xlsxPath, false); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(csvPath)
	if !strings.HasPrefix(string(b), "\ufeff") || !strings.Contains(string(b), "12,5") {
		t.Errorf("CSV lacks BOM or German decimal: %.200q", b)
	}
	x, _ := os.ReadFile(xlsxPath)
	if len(x) < 4 || string(x[:2]) != "PK" {
		t.Errorf("XLSX is not a zip file")
	}
}
