package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// The key messages typed in the Berichtsjahr tab and saved with its
// button are in the file for that year, and the report takes them.
func TestKeyMessagesEditedPersist(t *testing.T) {
	u, _ := newTestApp(t)
	u.tabs.SelectIndex(len(u.tabs.Items) - 1)
	ed := u.ensureYear().texts
	if ed.keyMessages.PlaceHolder == "" {
		t.Error("the draft of the key messages is not shown")
	}
	test.Tap(ed.useDraft)
	if ed.keyMessages.Text == "" || !ed.unsaved() {
		t.Fatal("Entwurf übernehmen did not fill the field")
	}
	ed.keyMessages.SetText("Erste Aussage\nZweite Aussage")
	test.Type(ed.contact, "Frau M., Tel. 02202 14-0")
	sources := ed.notes[store.NoteKey(report.NoteKeySources, store.NoteSources)]
	if strings.Contains(sources.Text, "Ab 2013") || !strings.Contains(sources.Text, "Landesdatenbank") {
		t.Errorf("data sources offered as current: %q", sources.Text)
	}
	sources.SetText(sources.Text + "\nZensus 2022")
	test.Tap(ed.save)
	if ed.unsaved() {
		t.Errorf("still unsaved after saving: %s", ed.message.Text)
	}
	texts, err := u.st.ReportTexts(context.Background(), u.reportYear)
	if err != nil {
		t.Fatal(err)
	}
	if got := store.KeyMessageLines(texts.Own.KeyMessages); len(got) != 2 || got[1] != "Zweite Aussage" {
		t.Errorf("stored key messages %q", texts.Own.KeyMessages)
	}
	if got, ok := texts.Note(report.NoteKeySources, store.NoteSources); !ok || !strings.HasSuffix(got, "\nZensus 2022") {
		t.Errorf("stored sources %q", got)
	}
	if _, ok := texts.Note("feld-B", store.NoteIndicators); ok {
		t.Error("untouched notes of Handlungsfeld B were stored")
	}
	if texts.Own.Contact != "Frau M., Tel. 02202 14-0" {
		t.Errorf("stored contact %q", texts.Own.Contact)
	}
	e, err := u.evaluate()
	if err != nil {
		t.Fatal(err)
	}
	if !e.KeyMessagesOwn || e.KeyMessages[0] != "Erste Aussage" {
		t.Errorf("the evaluation does not take her key messages: %q", e.KeyMessages)
	}
}

// The Einordnung and a catalogue note typed on the Kennzahl panel are in
// the file; a note she did not touch is not stored.
func TestKeyFigureTextsPersist(t *testing.T) {
	u, _ := newTestApp(t)
	tab := u.FieldTab("A")
	u.Tabs().SelectIndex(1)
	if !tab.SelectKeyFigure("A-K3") {
		t.Fatal("A-K3 not in the list")
	}
	ed := tab.current.texts
	if strings.Contains(ed.notes[store.NoteRemarks].Text, "2012") {
		t.Errorf("the 2012 sentence is offered as current: %q", ed.notes[store.NoteRemarks].Text)
	}
	test.Type(ed.commentary, "Der Ausbildungsmarkt ist ausgeglichen.")
	ed.notes[store.NoteRemarks].SetText("Ergänzende Daten liefert die Schulabgängerbefragung des Kreises.")
	if !ed.unsaved() {
		t.Fatal("typed texts do not count as unsaved")
	}
	test.Tap(ed.save)
	if ed.unsaved() {
		t.Errorf("still unsaved after saving: %s", ed.message.Text)
	}
	texts, err := u.st.ReportTexts(context.Background(), u.reportYear)
	if err != nil {
		t.Fatal(err)
	}
	if got := texts.Own.Commentary["A-K3"]; got != "Der Ausbildungsmarkt ist ausgeglichen." {
		t.Errorf("stored Einordnung %q", got)
	}
	if got, ok := texts.Note("A-K3", store.NoteRemarks); !ok || !strings.HasPrefix(got, "Ergänzende Daten") {
		t.Errorf("stored note %q, %v", got, ok)
	}
	if _, ok := texts.Note("A-K3", store.NoteMethod); ok {
		t.Error("an untouched note was stored")
	}
}
