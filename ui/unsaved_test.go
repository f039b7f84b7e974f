package ui

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// typedReport shows A-W1 and types a report text without saving it.
func typedReport(t *testing.T, u *App, text string) *indicatorPanel {
	t.Helper()
	p := openIndicator(t, u, "A", "A-W1")
	test.Type(p.text, text)
	if !p.unsaved() {
		t.Fatal("typed report text does not count as unsaved")
	}
	return p
}

func storedReport(t *testing.T, u *App, code string) string {
	t.Helper()
	it, err := u.st.IndicatorText(context.Background(), code, u.reportYear)
	if err != nil {
		t.Fatal(err)
	}
	return it.Text
}

func TestUnsavedReportSwitchEntryDiscard(t *testing.T) {
	u, _ := newTestApp(t)
	typedReport(t, u, "Ausbildungsbörse mit 40 Betrieben")
	ft := u.FieldTab("A")
	ft.SelectIndicator("A-W2")
	if !strings.Contains(overlayTexts(t, u), "Bericht") || ft.indicator.ind.Code != "A-W1" {
		t.Fatalf("no question before leaving A-W1 (shown %s):\n%s", ft.indicator.ind.Code, overlayTexts(t, u))
	}
	test.Tap(topButton(t, u, "Verwerfen"))
	if ft.indicator.ind.Code != "A-W2" {
		t.Fatalf("shown %s after Verwerfen, want A-W2", ft.indicator.ind.Code)
	}
	if got := storedReport(t, u, "A-W1"); got != "" {
		t.Errorf("discarded text stored: %q", got)
	}
	if p := openIndicator(t, u, "A", "A-W1"); p.text.Text != "" {
		t.Errorf("discarded text shown again: %q", p.text.Text)
	}
}

func TestUnsavedReportSwitchEntrySave(t *testing.T) {
	u, _ := newTestApp(t)
	typedReport(t, u, "Ausbildungsbörse mit 40 Betrieben")
	ft := u.FieldTab("A")
	ft.SelectIndicator("A-W2")
	test.Tap(topButton(t, u, "Speichern"))
	if got := storedReport(t, u, "A-W1"); got != "Ausbildungsbörse mit 40 Betrieben" {
		t.Errorf("stored %q", got)
	}
	if ft.indicator.ind.Code != "A-W2" {
		t.Errorf("shown %s after Speichern, want A-W2", ft.indicator.ind.Code)
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Errorf("dialog left open:\n%s", overlayTexts(t, u))
	}
}

func TestUnsavedReportSwitchEntryCancel(t *testing.T) {
	u, _ := newTestApp(t)
	p := typedReport(t, u, "Ausbildungsbörse")
	ft := u.FieldTab("A")
	ft.SelectIndicator("A-W2")
	test.Tap(topButton(t, u, "Abbrechen"))
	if ft.indicator != p || p.text.Text != "Ausbildungsbörse" {
		t.Fatalf("left A-W1 or lost the text after Abbrechen (shown %s)", ft.indicator.ind.Code)
	}
	if e := ft.entries[ft.shown]; e.kind != indicatorEntry || ft.field.Indicators[e.index].Code != "A-W1" {
		t.Errorf("list does not mark A-W1")
	}
	if got := storedReport(t, u, "A-W1"); got != "" {
		t.Errorf("stored after Abbrechen: %q", got)
	}
	// Nothing typed since: selecting A-W2 again asks again.
	ft.SelectIndicator("A-W2")
	if ft.indicator != p {
		t.Error("second switch went without asking")
	}
	dismissAll(u)
}

func TestUnsavedSavedTextDoesNotAsk(t *testing.T) {
	u, _ := newTestApp(t)
	p := typedReport(t, u, "Text")
	test.Tap(p.saveText)
	ft := u.FieldTab("A")
	ft.SelectIndicator("A-W2")
	if u.win.Canvas().Overlays().Top() != nil || ft.indicator.ind.Code != "A-W2" {
		t.Errorf("asked although saved:\n%s", overlayTexts(t, u))
	}
}

func TestUnsavedCloseWindowAfterTabSwitch(t *testing.T) {
	u, _ := newTestApp(t)
	typedReport(t, u, "Noch nicht gespeichert")
	u.tabs.SelectIndex(0) // Übersicht: the text is still in its tab
	closed := false
	u.win.SetOnClosed(func() { closed = true })
	u.closeRequested()
	if closed || !strings.Contains(overlayTexts(t, u), "Bericht") {
		t.Fatalf("window closed without asking (closed=%v):\n%s", closed, overlayTexts(t, u))
	}
	test.Tap(topButton(t, u, "Abbrechen"))
	if closed {
		t.Fatal("closed after Abbrechen")
	}
	u.closeRequested()
	test.Tap(topButton(t, u, "Speichern"))
	if !closed {
		t.Error("not closed after Speichern")
	}
	if got := storedReport(t, u, "A-W1"); got != "Noch nicht gespeichert" {
		t.Errorf("stored %q", got)
	}
}

// fileItem finds an item of the Datei menu.
func fileItem(t *testing.T, u *App, match func(*fyne.MenuItem) bool) *fyne.MenuItem {
	t.Helper()
	for _, it := range u.win.MainMenu().Items[0].Items {
		if match(it) {
			return it
		}
	}
	t.Fatal("no such item in the Datei menu")
	return nil
}

func TestUnsavedFileQuitAsks(t *testing.T) {
	u, _ := newTestApp(t)
	typedReport(t, u, "Vor dem Beenden")
	quit := fileItem(t, u, func(it *fyne.MenuItem) bool { return it.IsQuit })
	if quit.Shortcut == nil || quit.Shortcut.ShortcutName() != quitShortcut.ShortcutName() {
		t.Errorf("Beenden has no Strg+Q")
	}
	quit.Action()
	if !strings.Contains(overlayTexts(t, u), "Bericht") {
		t.Fatalf("Beenden did not ask:\n%s", overlayTexts(t, u))
	}
	test.Tap(topButton(t, u, "Speichern"))
	if got := storedReport(t, u, "A-W1"); got != "Vor dem Beenden" {
		t.Errorf("stored %q", got)
	}
	// Strg+Q on the canvas asks as well.
	p := openIndicator(t, u, "A", "A-W1")
	test.Type(p.text, " – ergänzt")
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(quitShortcut)
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("Strg+Q did not ask")
	}
	test.Tap(topButton(t, u, "Verwerfen"))
	if got := storedReport(t, u, "A-W1"); got != "Vor dem Beenden" {
		t.Errorf("stored after Verwerfen: %q", got)
	}
}

func TestUnsavedOpenOtherFileAsks(t *testing.T) {
	u, _ := newTestApp(t)
	typedReport(t, u, "Text")
	open := fileItem(t, u, func(it *fyne.MenuItem) bool { return strings.Contains(it.Label, "ffnen") && it.ChildMenu == nil })
	open.Action()
	if !strings.Contains(overlayTexts(t, u), "Bericht") {
		t.Fatalf("opening another file did not ask:\n%s", overlayTexts(t, u))
	}
	test.Tap(topButton(t, u, "Abbrechen"))
	if u.win.Canvas().Overlays().Top() != nil {
		t.Errorf("file dialog shown after Abbrechen:\n%s", overlayTexts(t, u))
	}
}

func TestUnsavedInstrumentRowSwitchEntry(t *testing.T) {
	u, _ := newTestApp(t)
	ed := openIndicator(t, u, "A", "A-W1").instruments
	test.Tap(ed.add)
	if ed.unsaved() {
		t.Error("an empty new row counts as unsaved")
	}
	test.Type(ed.rows[0].name, "Ausbildungsbörse")
	test.Type(ed.rows[0].count, "2")
	ft := u.FieldTab("A")
	ft.SelectIndicator("A-W2")
	if !strings.Contains(overlayTexts(t, u), "Instrumente") {
		t.Fatalf("no question:\n%s", overlayTexts(t, u))
	}
	test.Tap(topButton(t, u, "Speichern"))
	list, err := u.st.Instruments(context.Background(), "A-W1", u.reportYear)
	if err != nil || len(list) != 1 || list[0].Name != "Ausbildungsbörse" {
		t.Errorf("stored %+v %v", list, err)
	}
	if ft.indicator.ind.Code != "A-W2" {
		t.Errorf("shown %s, want A-W2", ft.indicator.ind.Code)
	}
}

func TestUnsavedFailedSaveStays(t *testing.T) {
	u, _ := newTestApp(t)
	ed := openIndicator(t, u, "A", "A-W1").instruments
	test.Tap(ed.add)
	test.Type(ed.rows[0].name, "Ausbildungsbörse")
	test.Type(ed.rows[0].count, "zwei")
	ft := u.FieldTab("A")
	ft.SelectIndicator("A-W2")
	test.Tap(topButton(t, u, "Speichern"))
	if ft.indicator.ind.Code != "A-W1" {
		t.Errorf("left A-W1 although the save failed")
	}
	if msg := overlayTexts(t, u); !strings.Contains(msg, "ganze Zahl") || !strings.Contains(msg, "Instrumente") {
		t.Errorf("no German reason shown:\n%s", msg)
	}
	dismissAll(u)
	if ed.rows[0].count.Text != "zwei" {
		t.Error("input lost after the failed save")
	}
}

func TestUnsavedValueFormSwitchKeyFigure(t *testing.T) {
	u, _ := newTestApp(t)
	f := openKeyFigure(t, u, "A", "A-K1").form
	if f.unsaved() {
		t.Error("a fresh form counts as unsaved")
	}
	fill(f, "1. Halbjahr 2016", "120")
	ft := u.FieldTab("A")
	ft.SelectKeyFigure("A-K2")
	if !strings.Contains(overlayTexts(t, u), "Wert zu A-K1") {
		t.Fatalf("no question:\n%s", overlayTexts(t, u))
	}
	test.Tap(topButton(t, u, "Speichern"))
	v, err := u.st.Value(context.Background(), "A-K1-G1", "2016-H1", "stadt", "insgesamt")
	if err != nil || v.Number != 120 {
		t.Errorf("stored %+v %v", v, err)
	}
	if ft.current == nil || ft.current.kf.Code != "A-K2" {
		t.Error("A-K2 not shown after Speichern")
	}
}

// shownTab selects the tab whose content is c.
func shownTab(u *App, c fyne.CanvasObject) {
	for i, it := range u.tabs.Items {
		if it.Content == c {
			u.tabs.SelectIndex(i)
		}
	}
}

func TestUnsavedCtrlSSavesShownEditor(t *testing.T) {
	u, _ := newTestApp(t)
	typedReport(t, u, "Mit Strg+S gespeichert")
	shownTab(u, u.FieldTab("A").content)
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(saveShortcut)
	if got := storedReport(t, u, "A-W1"); got != "Mit Strg+S gespeichert" {
		t.Errorf("stored %q", got)
	}
	save := fileItem(t, u, func(it *fyne.MenuItem) bool { return it.Label == "Speichern" })
	if save.Shortcut == nil || save.Shortcut.ShortcutName() != saveShortcut.ShortcutName() {
		t.Error("Datei → Speichern has no Strg+S")
	}
	u.FieldTab("A").SelectIndicator("A-W2")
	if u.win.Canvas().Overlays().Top() != nil {
		t.Errorf("asked after Strg+S:\n%s", overlayTexts(t, u))
	}
}

func TestUnsavedStatementChangeYear(t *testing.T) {
	u, _ := newTestApp(t)
	year := u.reportYear
	shownTab(u, u.ensureYear().content)
	test.Type(u.ensureYear().statement, "Schätzung folgt dem Mikrozensus.")
	u.ensureYear().year.SetSelected("2020")
	if !strings.Contains(overlayTexts(t, u), "Stellungnahme") {
		t.Fatalf("no question:\n%s", overlayTexts(t, u))
	}
	test.Tap(topButton(t, u, "Abbrechen"))
	if u.reportYear != year || u.ensureYear().year.Selected != strconv.Itoa(year) {
		t.Fatalf("year changed after Abbrechen: %d / %s", u.reportYear, u.ensureYear().year.Selected)
	}
	u.ensureYear().year.SetSelected("2020")
	test.Tap(topButton(t, u, "Speichern"))
	m, ok, err := u.st.MigrationEstimate(context.Background(), year)
	if err != nil || !ok || m.Statement != "Schätzung folgt dem Mikrozensus." {
		t.Errorf("Stellungnahme %d stored: %+v %v %v", year, m, ok, err)
	}
	if u.reportYear != 2020 {
		t.Errorf("Berichtsjahr %d after Speichern, want 2020", u.reportYear)
	}
}

func TestUnsavedSurveyCounts(t *testing.T) {
	u, _ := newTestApp(t)
	s := openIndicator(t, u, "C", "C-W1").survey
	if s == nil {
		t.Fatal("C-W1 has no survey")
	}
	if s.unsaved() {
		t.Error("loaded counts count as unsaved")
	}
	s.counts[0][0].SetText("7")
	if !s.unsaved() {
		t.Error("typed count not unsaved")
	}
	test.Tap(s.save)
	if s.unsaved() {
		t.Error("still unsaved after saving")
	}
}

func TestSurveyHeadsShowAnswers(t *testing.T) {
	u, _ := newTestApp(t)
	s := openIndicator(t, u, "C", "C-W1").survey
	got := texts(s.content())
	for _, want := range []string{"sehr wichtig", "überhaupt kein Nutzen", "eigentlich nie", "keine Angabe"} {
		if !strings.Contains(got, want) {
			t.Errorf("survey heads lack %q", want)
		}
	}
	if strings.Contains(got, "Kategorie") {
		t.Errorf("survey heads still say Kategorie:\n%s", got)
	}
}
