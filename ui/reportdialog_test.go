package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"bergischgladbach.de/integrationsmonitor/store/demo"
)

type reportDone struct {
	path  string
	pages int
	err   error
}

func TestReportDialogWritesPDFAndStoresTexts(t *testing.T) {
	u, _ := newTestApp(t)
	if _, err := demo.Add(context.Background(), u.st, 2011, 2025); err != nil {
		t.Fatal(err)
	}
	u.readSettings()
	d := newReportDialog(u)
	dir := t.TempDir()
	d.picker.dir.SetText(dir)
	d.picker.name.SetText("bericht")
	d.foreword.SetText("")
	test.Type(d.foreword, "Dieser Bericht zeigt die Entwicklung seit 2011.")
	var r reportDone
	d.done = func(p string, n int, err error) { r = reportDone{p, n, err} }
	j, jobErr := finishedJob(t, u, d.start)
	if jobErr != r.err {
		t.Errorf("job error %v, dialog error %v", jobErr, r.err)
	}
	if r.err != nil {
		t.Fatalf("report: %v", r.err)
	}
	if r.path != filepath.Join(dir, "bericht.pdf") || r.pages < 10 {
		t.Errorf("path %s, %d pages", r.path, r.pages)
	}
	b, err := os.ReadFile(r.path)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF written: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("leftover files beside the PDF: %v", entries)
	}
	set, err := u.st.ReportSettings(context.Background(), u.reportYear)
	if err != nil || set.Foreword != "Dieser Bericht zeigt die Entwicklung seit 2011." || set.Title == "" {
		t.Errorf("settings not stored: %+v %v", set, err)
	}
	if !j.j.steps || j.bar.Value != 1 {
		t.Errorf("progress bar at %v after finishing", j.bar.Value)
	}
	if got := overlayTexts(t, u); !strings.Contains(got, "Der Monitoring-Bericht wurde gespeichert:") || strings.Contains(got, "wird erstellt") {
		t.Errorf("dialogs after the report: %q", got)
	}
}
