package ui

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/testtool"
)

// printReport writes the report through the dialog into dir/name.pdf;
// current checks "Mit heutigen Werten drucken".
func printReport(t *testing.T, u *App, dir, name string, current bool) []byte {
	t.Helper()
	d := newReportDialog(u)
	d.picker.dir.SetText(dir)
	d.picker.name.SetText(name)
	if current {
		d.current.SetChecked(true)
	}
	var r reportDone
	d.done = func(p string, n int, err error) { r = reportDone{p, n, err} }
	if err := waitJob(t, u, d.start); err != nil || r.err != nil {
		t.Fatalf("report %s: %v %v", name, err, r.err)
	}
	dismissAll(u)
	b, err := os.ReadFile(r.path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// revisable is a stored 2024 value of the Stadt that a correction can change.
func revisable(t *testing.T, u *App) store.Value {
	t.Helper()
	snap, err := u.st.Snapshot(context.Background(), 2024)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range snap.Values {
		if v.Period.Year() == 2024 && v.Area == "stadt" && v.Number > 100 {
			return v
		}
	}
	t.Fatal("no 2024 value to correct")
	return store.Value{}
}

// Freeze 2024 through the menu, correct a 2024 value, and the report of
// 2024 is still the frozen one, byte for byte; printed with today's values
// it differs and says so on its pages, and the 2025 window lists the
// correction since the Bericht 2024.
func TestFreezeReprintAndChanges(t *testing.T) {
	ctx := context.Background()
	u, _ := demoTestApp(t, 2024)
	if got := u.ensureYear().frozen.Text; got != "Der Bericht 2024 ist noch nicht festgeschrieben." {
		t.Errorf("Berichtsjahr tab before freezing: %q", got)
	}
	if !menuItem(t, u, "Bericht", "Ratsvorlage eintragen…").Disabled {
		t.Error("Ratsvorlage enabled before freezing")
	}

	menuItem(t, u, "Bericht", "Bericht festschreiben…").Action()
	if got := overlayTexts(t, u); !strings.Contains(got, "unveränderlich in der Datei gespeichert") || strings.Contains(got, "2. Fassung") {
		t.Errorf("confirmation: %q", got)
	}
	if err := waitJob(t, u, func() { test.Tap(topButton(t, u, "1. Fassung festschreiben")) }); err != nil {
		t.Fatal(err)
	}
	eds, err := u.st.Editions(ctx)
	if err != nil || len(eds) != 1 || eds[0].ReportYear != 2024 || eds[0].Version != 1 || eds[0].PDFHash == "" {
		t.Fatalf("editions after freezing: %+v %v", eds, err)
	}
	ed := eds[0]
	top := u.win.Canvas().Overlays().Top()
	if got := overlayTexts(t, u); !strings.Contains(got, "Bericht 2024 festgeschrieben (1. Fassung, ") {
		t.Errorf("dialog after freezing: %q", got)
	}
	// A date that is none is refused in German; the paper stays unset.
	formEntry(t, top, "Drucksache").SetText("0815/2025")
	formEntry(t, top, "Datum").SetText("32.03.2025")
	test.Tap(topButton(t, u, "Speichern"))
	if e, _ := u.st.Editions(ctx); e[0].Paper != (store.CouncilPaper{}) {
		t.Errorf("paper stored despite a wrong date: %+v", e[0].Paper)
	}
	if got := overlayTexts(t, u); !strings.Contains(got, "32.03.2025") {
		t.Errorf("no German error for the date: %q", got)
	}
	dismissAll(u)
	menuItem(t, u, "Bericht", "Ratsvorlage eintragen…").Action()
	top = u.win.Canvas().Overlays().Top()
	formEntry(t, top, "Drucksache").SetText("0815/2025")
	formEntry(t, top, "Sitzung").SetText("Rat, 12. Sitzung")
	formEntry(t, top, "Datum").SetText("27.03.2025")
	test.Tap(topButton(t, u, "Speichern"))
	if e, _ := u.st.Editions(ctx); e[0].Paper != (store.CouncilPaper{Drucksache: "0815/2025", Sitzung: "Rat, 12. Sitzung", Datum: "2025-03-27"}) {
		t.Errorf("paper: %+v", e[0].Paper)
	}
	day := ed.FrozenAt.Local().Format("02.01.2006")
	if got, want := u.ensureYear().frozen.Text, "Der Bericht 2024 ist festgeschrieben: 1. Fassung vom "+day+"."; got != want {
		t.Errorf("Berichtsjahr tab: %q, want %q", got, want)
	}
	menuItem(t, u, "Bericht", "Festgeschrieben: 2024, 1. Fassung vom "+day+" (Drucksache 0815/2025)").Action()
	if got := overlayTexts(t, u); !strings.Contains(got, "Prüfsumme: "+ed.Hash[:12]) || !strings.Contains(got, "Sitzung Rat, 12. Sitzung am 27.03.2025") {
		t.Errorf("edition details: %q", got)
	}
	dismissAll(u)

	menuItem(t, u, "Bericht", "Monitoring-Bericht erstellen…").Action()
	if got := overlayTexts(t, u); !strings.Contains(got, "Der Bericht 2024 ist festgeschrieben (1. Fassung vom "+day+", Drucksache 0815/2025). Gedruckt wird die festgeschriebene Fassung.") {
		t.Errorf("report dialog of a frozen year: %q", got)
	}
	dismissAll(u)

	dir := t.TempDir()
	before := printReport(t, u, dir, "vorher", false)
	if sha(before) != ed.PDFHash {
		t.Errorf("reprint %s…, frozen print %s…", sha(before)[:12], ed.PDFHash[:12])
	}
	v := revisable(t, u)
	v.Number += 7
	v.Source, v.AsOf = "IT.NRW", "2025-03-31"
	if _, err := u.st.SaveValue(ctx, v, store.SaveOptions{Origin: "Eingabe", Correct: true}); err != nil {
		t.Fatal(err)
	}
	u.valuesChanged()
	after := printReport(t, u, dir, "nachher", false)
	if !bytes.Equal(before, after) {
		t.Error("the reprint of the frozen 2024 report changed after a correction")
	}
	current := printReport(t, u, dir, "aktuell", true)
	if bytes.Equal(before, current) {
		t.Error("printing today's values gave the frozen report")
	}
	text := testtool.PDFText(t, filepath.Join(dir, "aktuell.pdf"))
	if n := strings.Count(text, "Abweichend vom festgeschriebenen Bericht 2024"); n < 10 {
		t.Errorf("deviation mark on %d pages", n)
	}

	menuItem(t, u, "Bericht", "Bericht festschreiben…").Action()
	if got := overlayTexts(t, u); !strings.Contains(got, "Es wird eine 2. Fassung angelegt; die bisherige bleibt erhalten.") {
		t.Errorf("second confirmation: %q", got)
	}
	topButton(t, u, "2. Fassung festschreiben")
	dismissAll(u)

	u.ensureYear().year.SetSelected("2025")
	if u.reportYear != 2025 {
		t.Fatalf("Berichtsjahr %d", u.reportYear)
	}
	if got := u.ensureYear().frozen.Text; got != "Der Bericht 2025 ist noch nicht festgeschrieben." {
		t.Errorf("Berichtsjahr tab 2025: %q", got)
	}
	tab := u.ensureChanges()
	if !strings.HasPrefix(tab.caption.Text, "Seit dem Bericht 2024:") {
		t.Errorf("changes caption %q", tab.caption.Text)
	}
	found := false
	for _, it := range tab.items {
		if it.Kind == report.ValueRevised && it.BaseFigure.Code == v.BaseFigure && it.Period == v.Period && it.Area == v.Area && it.Group == v.Group {
			found = strings.Contains(it.Reason, "IT.NRW")
		}
	}
	if !found {
		t.Errorf("the correction of %s %s is not listed: %q", v.BaseFigure, v.Period, tab.rows)
	}
}

// A file whose edition protection was removed opens read-only, and the
// message says why; freezing is then not offered.
func TestOpenTamperedFileSaysWhy(t *testing.T) {
	ctx := context.Background()
	u, path := newTestApp(t)
	in, err := u.st.ReportInputs(ctx, 2024)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := u.st.Freeze(ctx, in, "", "", 1); err != nil {
		t.Fatal(err)
	}
	u.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DROP TRIGGER edition_no_delete`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := u.Open(path); err != nil {
		t.Fatal(err)
	}
	if got := overlayTexts(t, u); !strings.Contains(got, "Tabelle edition") || !strings.Contains(got, "nur zum Lesen") {
		t.Errorf("message on opening: %q", got)
	}
	if !menuItem(t, u, "Bericht", "Bericht festschreiben…").Disabled {
		t.Error("freezing offered for a read-only file")
	}
}

// Editions of a returned file that ours lacks are offered and taken over
// as they are.
func TestReturnedEditionsImported(t *testing.T) {
	ctx := context.Background()
	u, _ := newTestApp(t)
	dir := t.TempDir()
	if err := waitJob(t, u, func() { u.mailCopyTo(dir) }); err != nil {
		t.Fatal(err)
	}
	dismissAll(u)
	copyPath := filepath.Join(dir, store.MailName(time.Now(), 1))
	st, err := store.Open(ctx, copyPath)
	if err != nil {
		t.Fatal(err)
	}
	in, err := st.ReportInputs(ctx, 2024)
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := st.Freeze(ctx, in, "Statistikdienststelle", "", 1)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if err := waitJob(t, u, func() { u.compareReturned(copyPath) }); err != nil {
		t.Fatal(err)
	}
	if got := overlayTexts(t, u); !strings.Contains(got, "Die Rückmeldung enthält eine Berichtsfassung, die diese Datei nicht hat:\n– 2024, 1. Fassung vom") {
		t.Fatalf("offer: %q", got)
	}
	if err := waitJob(t, u, func() { test.Tap(topButton(t, u, "Übernehmen")) }); err != nil {
		t.Fatal(err)
	}
	eds, err := u.st.Editions(ctx)
	if err != nil || len(eds) != 1 || eds[0].Hash != theirs.Hash || eds[0].FrozenBy != "Statistikdienststelle" {
		t.Fatalf("editions after import: %+v %v", eds, err)
	}
	if got := overlayTexts(t, u); !strings.Contains(got, "Eine Berichtsfassung wurde übernommen.") {
		t.Errorf("after import: %q", got)
	}
	menuItem(t, u, "Bericht", "Festgeschrieben: 2024, 1. Fassung vom "+eds[0].FrozenAt.Local().Format("02.01.2006"))
}
