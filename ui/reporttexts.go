package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// reportTextsEditor edits her texts of the Berichtsjahr that stand before
// the chapters of the report: the key messages of "Das Wichtigste in
// Kürze" and the Impressum. It sits in the Berichtsjahr tab.
type reportTextsEditor struct {
	u                  *App
	keyMessages        *widget.Entry
	publisher, contact *widget.Entry
	draft              []string
	state, message     *widget.Label
	save, useDraft     *widget.Button
	saved              string
	content            fyne.CanvasObject
	// notes are the file's catalogue notes outside the Kennzahlen (the
	// Handlungsfelder's notes on their Wirkungsindikatoren, the data
	// sources) by store.NoteKey; loaded is each as printed when shown.
	notes     map[string]*widget.Entry
	noteKeys  []store.CatalogNote
	loaded    map[string]string
	notesForm *widget.Form
}

func newReportTextsEditor(u *App) *reportTextsEditor {
	t := &reportTextsEditor{u: u, keyMessages: widget.NewMultiLineEntry(), publisher: widget.NewMultiLineEntry(),
		contact: widget.NewMultiLineEntry(), state: para(""), message: para("")}
	t.keyMessages.Wrapping, t.publisher.Wrapping, t.contact.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord, fyne.TextWrapWord
	t.keyMessages.SetMinRowsVisible(8)
	t.publisher.SetMinRowsVisible(2)
	t.contact.SetMinRowsVisible(2)
	t.publisher.SetPlaceHolder(report.DefaultPublisher)
	t.contact.SetPlaceHolder("z. B. Name, Telefon, E-Mail")
	t.save = widget.NewButton("Texte speichern", func() { _ = t.saveUnsaved() })
	t.save.Importance = widget.HighImportance
	t.useDraft = widget.NewButton("Entwurf übernehmen", t.takeDraft)
	t.notes, t.loaded, t.notesForm = map[string]*widget.Entry{}, map[string]string{}, widget.NewForm()
	for _, f := range u.cat.Fields {
		if len(f.IndicatorNotes) > 0 {
			t.addNote("feld-"+f.Code, store.NoteIndicators, "Hinweise Handlungsfeld "+f.Code)
		}
	}
	t.addNote(report.NoteKeySources, store.NoteSources, "Datenquellen")
	if u.st.ReadOnly() {
		t.save.Disable()
		t.useDraft.Disable()
	}
	t.load()
	form := widget.NewForm(
		widget.NewFormItem("Kernaussagen", t.keyMessages),
		widget.NewFormItem("Herausgeber", t.publisher),
		widget.NewFormItem("Kontakt", t.contact),
	)
	t.content = container.NewVBox(
		heading("Das Wichtigste in Kürze und Impressum"),
		para("Die Kernaussagen stehen im Bericht gleich nach dem Inhaltsverzeichnis, eine je Zeile. Solange das Feld leer ist, "+
			"druckt der Bericht den Entwurf aus der Auswertung (grau im Feld). „Entwurf übernehmen“ setzt ihn zum Bearbeiten ein; "+
			"Ihr Text gilt, sobald er gespeichert ist. Ein leeres Feld stellt den Entwurf wieder her."),
		t.state, form,
		para("Hinweise und Datenquellen des Konzepts gelten für alle Berichtsjahre dieser Datei, ein Eintrag je Zeile. "+
			"Sätze, die sich auf 2011/12 bezogen, druckt der Bericht nicht als aktuell; den Wortlaut von 2011/12 zeigt sein Anhang."),
		t.notesForm, container.NewHBox(t.save, t.useDraft), t.message)
	return t
}

func (t *reportTextsEditor) addNote(code, field, label string) {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(3)
	t.notes[store.NoteKey(code, field)] = e
	t.noteKeys = append(t.noteKeys, store.CatalogNote{Code: code, Field: field})
	t.notesForm.Append(label, e)
}

// load shows the stored texts of the Berichtsjahr and the evaluation's
// draft of the key messages.
func (t *reportTextsEditor) load() {
	texts, err := t.u.st.ReportTexts(context.Background(), t.u.reportYear)
	if err != nil {
		t.message.SetText("Texte nicht gelesen: " + store.Message(err))
		texts = &store.ReportTexts{}
	}
	if e, err := t.u.evaluate(); err == nil {
		t.draft = e.KeyMessagesDraft
		for _, n := range t.noteKeys {
			k := store.NoteKey(n.Code, n.Field)
			t.loaded[k] = e.Note(n.Code, n.Field).Text
			t.notes[k].SetText(t.loaded[k])
		}
	}
	t.keyMessages.SetPlaceHolder(strings.Join(t.draft, "\n"))
	t.keyMessages.SetText(texts.Own.KeyMessages)
	t.publisher.SetText(texts.Own.Publisher)
	t.contact.SetText(texts.Own.Contact)
	t.saved = t.snapshot()
	t.showState()
}

func (t *reportTextsEditor) showState() {
	if strings.TrimSpace(t.keyMessages.Text) == "" {
		t.state.SetText(fmt.Sprintf("Im Bericht %d stehen die Kernaussagen des Entwurfs.", t.u.reportYear))
		return
	}
	t.state.SetText(fmt.Sprintf("Im Bericht %d stehen Ihre Kernaussagen.", t.u.reportYear))
}

// takeDraft puts the draft into the field to be edited.
func (t *reportTextsEditor) takeDraft() { t.keyMessages.SetText(strings.Join(t.draft, "\n")) }

func (t *reportTextsEditor) saveUnsaved() error {
	y := t.u.reportYear
	var notes []store.CatalogNote
	for _, n := range t.noteKeys {
		if txt := t.notes[store.NoteKey(n.Code, n.Field)].Text; txt != t.loaded[store.NoteKey(n.Code, n.Field)] {
			notes = append(notes, store.CatalogNote{Code: n.Code, Field: n.Field, Text: txt})
		}
	}
	err := t.u.st.SaveTexts(context.Background(), []store.YearText{
		{ReportYear: y, Kind: store.TextKeyMessages, Text: t.keyMessages.Text},
		{ReportYear: y, Kind: store.TextPublisher, Text: t.publisher.Text},
		{ReportYear: y, Kind: store.TextContact, Text: t.contact.Text},
	}, notes)
	if err != nil {
		t.message.SetText("Nicht gespeichert: " + store.Message(err))
		return err
	}
	for _, n := range notes {
		t.loaded[store.NoteKey(n.Code, n.Field)] = n.Text
	}
	t.saved = t.snapshot()
	t.showState()
	t.message.SetText(fmt.Sprintf("Texte %d gespeichert.", y))
	return nil
}

func (t *reportTextsEditor) snapshot() string {
	entries := []*widget.Entry{t.keyMessages, t.publisher, t.contact}
	for _, n := range t.noteKeys {
		entries = append(entries, t.notes[store.NoteKey(n.Code, n.Field)])
	}
	return entryTexts(entries...)
}

func (t *reportTextsEditor) unsaved() bool { return t.snapshot() != t.saved }

func (t *reportTextsEditor) label() string {
	return fmt.Sprintf("Kernaussagen und Impressum %d", t.u.reportYear)
}
