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
		t.state, form, container.NewHBox(t.save, t.useDraft), t.message)
	return t
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
	err := t.u.st.SaveTexts(context.Background(), []store.YearText{
		{ReportYear: y, Kind: store.TextKeyMessages, Text: t.keyMessages.Text},
		{ReportYear: y, Kind: store.TextPublisher, Text: t.publisher.Text},
		{ReportYear: y, Kind: store.TextContact, Text: t.contact.Text},
	}, nil)
	if err != nil {
		t.message.SetText("Nicht gespeichert: " + store.Message(err))
		return err
	}
	t.saved = t.snapshot()
	t.showState()
	t.message.SetText(fmt.Sprintf("Texte %d gespeichert.", y))
	return nil
}

func (t *reportTextsEditor) snapshot() string {
	return entryTexts(t.keyMessages, t.publisher, t.contact)
}

func (t *reportTextsEditor) unsaved() bool { return t.snapshot() != t.saved }

func (t *reportTextsEditor) label() string {
	return fmt.Sprintf("Kernaussagen und Impressum %d", t.u.reportYear)
}
