package ui

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report/official"
	"bergischgladbach.de/integrationsmonitor/store"
)

func TestMailCopyEditedAndMergedBack(t *testing.T) {
	ctx := context.Background()
	u, path := newTestApp(t)
	v := store.Value{BaseFigure: "C-K2-G1", Period: "2024", Area: "stadt", Group: "insgesamt", Number: 11}
	if _, err := u.st.SaveValue(ctx, v, store.SaveOptions{Origin: "Eingabe"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := waitJob(t, u, func() { u.mailCopyTo(dir) }); err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(dir, store.MailName(time.Now(), 1))
	if _, err := store.Check(ctx, copyPath); err != nil {
		t.Fatalf("no valid copy: %v", err)
	}
	if got := overlayTexts(t, u); !strings.Contains(got, "Die Kopie wurde geprüft und gespeichert:\n"+copyPath) {
		t.Errorf("dialogs after copying: %q", got)
	}
	dismissAll(u)
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

	if err := waitJob(t, u, func() { u.compareReturned(copyPath) }); err != nil {
		t.Fatal(err)
	}
	var checks []*widget.Check
	walkAll(t, u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok {
			checks = append(checks, c)
		}
	})
	if len(checks) != 2 || !checks[0].Checked || !checks[1].Checked {
		t.Fatalf("merge dialog offers %d items:\n%s", len(checks), overlayTexts(t, u))
	}
	if err := waitJob(t, u, func() { test.Tap(topButton(t, u, "Ausgewählte übernehmen")) }); err != nil {
		t.Fatal(err)
	}
	if got := overlayTexts(t, u); !strings.Contains(got, "2 Werte übernommen.") || strings.Contains(got, "wird übernommen") {
		t.Errorf("dialogs after merging: %q", got)
	}
	// The values are in the file itself, not only in the window's state.
	u.Close()
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, _ := st.Value(ctx, "C-K2-G1", "2024", "stadt", "insgesamt")
	if got.Number != 12 {
		t.Errorf("2024 after merge = %v, want 12", got.Number)
	}
	h, _ := st.History(ctx, "C-K2-G1", "2025", "stadt", "insgesamt")
	if len(h) == 0 || !strings.HasPrefix(h[len(h)-1].Origin, "Rückmeldung: ") {
		t.Errorf("history of the new value: %+v", h)
	}
}

func TestCompareRefusesOpenFile(t *testing.T) {
	u, path := newTestApp(t)
	err := waitJob(t, u, func() { u.compareReturned(path) })
	if err == nil {
		t.Fatal("comparing the open file with itself succeeded")
	}
	if got := overlayTexts(t, u); !strings.Contains(got, "ist die geöffnete Datei selbst") {
		t.Errorf("error dialog: %q", got)
	}
}

func TestImportWizardKnownTable(t *testing.T) {
	u, path := newTestApp(t)
	var tbl *official.Table
	if err := waitJob(t, u, func() {
		u.readImport("testdata/ldb_12411-15i.csv", func(t *official.Table) { tbl = t })
	}); err != nil {
		t.Fatal(err)
	}
	// A stored Stichtag before the table's Zensus 2022 basis: the
	// import sets a break from 2022 on.
	if _, err := u.st.SaveValue(context.Background(), store.Value{BaseFigure: "BEV", Period: "2021-12-31", Area: "stadt", Group: "insgesamt", Number: 112300}, store.SaveOptions{Origin: "Eingabe"}); err != nil {
		t.Fatal(err)
	}
	w := newImportWizard(u, tbl, "ldb_12411-15i.csv")
	w.show()
	if w.plan == nil || w.plan.New != 2 || !strings.Contains(w.summary.Text, "2 neu") {
		t.Fatalf("plan for a known table: %q", w.summary.Text)
	}
	var ins int
	w.stored = func(i, c int, err error) { ins = i }
	if err := waitJob(t, u, func() { test.Tap(topButton(t, u, "Übernehmen")) }); err != nil {
		t.Fatal(err)
	}
	if ins != 2 {
		t.Fatalf("stored %d, want 2", ins)
	}
	if got := overlayTexts(t, u); !strings.Contains(got, "Neu: 2 Werte") || strings.Contains(got, "werden gespeichert") {
		t.Errorf("dialogs after the import: %q", got)
	}
	u.Close()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	v, err := st.Value(context.Background(), "BEV", "2024-12-31", "stadt", "insgesamt")
	if err != nil || v.Number != 111361 {
		t.Errorf("BEV stadt 2024 = %+v %v", v, err)
	}
	// The census breaks of the plan are stored with its values.
	bs, err := st.SeriesBreaks(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var imported []string
	for _, b := range bs {
		if b.Origin == store.BreakImport {
			imported = append(imported, b.BaseFigure+" "+b.Area+" "+string(b.Period))
		}
	}
	if len(w.plan.Breaks) == 0 || strings.Join(imported, ", ") != "BEV stadt 2022" {
		t.Errorf("breaks set by the import: %q (plan: %+v), want BEV stadt 2022", imported, w.plan.Breaks)
	}
}

func TestImportWizardManualMapping(t *testing.T) {
	u, _ := newTestApp(t)
	tbl, err := readImportFile("testdata/ldb_22517-02i.csv")
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
