package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store/demo"
)

// Choosing HTML in the report dialog writes the accessible edition under
// a .html name.
func TestReportDialogWritesHTML(t *testing.T) {
	u, _ := newTestApp(t)
	if _, err := demo.Add(context.Background(), u.st, 2011, 2025); err != nil {
		t.Fatal(err)
	}
	u.readSettings()
	d := newReportDialog(u)
	dir := t.TempDir()
	d.picker.dir.SetText(dir)
	d.format.SetSelected(formatHTML)
	if got := d.picker.name.Text; got != "Monitoring-Bericht_2025.html" {
		t.Errorf("file name %q after choosing HTML", got)
	}
	var r reportDone
	d.done = func(p string, n int, err error) { r = reportDone{p, n, err} }
	if _, err := finishedJob(t, u, d.start); err != nil || r.err != nil {
		t.Fatalf("report: %v / %v", err, r.err)
	}
	if r.path != filepath.Join(dir, "Monitoring-Bericht_2025.html") {
		t.Errorf("written to %s", r.path)
	}
	b, err := os.ReadFile(r.path)
	if err != nil || !strings.Contains(string(b), `<html lang="de">`) || !strings.Contains(string(b), `role="img"`) {
		t.Fatalf("no HTML edition written: %v", err)
	}
	d.format.SetSelected(formatPDF)
	if got := d.picker.path(); filepath.Ext(got) != ".pdf" {
		t.Errorf("back to PDF, the path is %s", got)
	}
}

// The Kennzahl's view names the comparison regions with their latest
// value, as the report's table does.
func TestKeyFigureShowsComparisonRegions(t *testing.T) {
	u, _ := newTestApp(t)
	if _, err := demo.Add(context.Background(), u.st, 2011, 2025); err != nil {
		t.Fatal(err)
	}
	u.readSettings()
	tab := u.FieldTab("A")
	u.Tabs().SelectIndex(1)
	if !tab.SelectKeyFigure("A-K1") {
		t.Fatal("A-K1 not in the list")
	}
	got := texts(tab.Detail())
	for _, want := range []string{"Vergleich Rheinisch-Bergischer Kreis (Ausländer/innen): ", "Vergleich Nordrhein-Westfalen (Ausländer/innen): "} {
		if !strings.Contains(got, want) {
			t.Errorf("the view lacks %q", want)
		}
	}
}
