package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// keyFigureTextsEditor edits the texts of a Kennzahl sheet: her
// Einordnung for the Berichtsjahr and the current wording of the
// catalogue notes, which the file keeps for every year (the concept's
// wording of 2011/12 stays in the catalogue and in the report's annex).
type keyFigureTextsEditor struct {
	u          *App
	code       string
	commentary *widget.Entry
	notes      map[string]*widget.Entry
	// loaded is each note as the report printed it when the panel was
	// shown; a note she did not touch is not stored, so that it keeps
	// following the concept.
	loaded  map[string]string
	saved   string
	message *widget.Label
	save    *widget.Button
}

// keyFigureNoteFields are the editable notes, in the order of the form.
var keyFigureNoteFields = []struct{ field, label string }{
	{store.NoteSurveyTime, "Erhebungszeit"},
	{store.NoteRemarks, "Anmerkungen"},
	{store.NoteMigration, "Migrations\u00adhintergrund"},
	{store.NoteMethod, "Berechnung"},
}

func newKeyFigureTextsEditor(u *App, code string) *keyFigureTextsEditor {
	t := &keyFigureTextsEditor{u: u, code: code, commentary: widget.NewMultiLineEntry(),
		notes: map[string]*widget.Entry{}, loaded: map[string]string{}, message: para("")}
	t.commentary.Wrapping = fyne.TextWrapWord
	t.commentary.SetMinRowsVisible(4)
	t.commentary.SetPlaceHolder("Ihre Einordnung der Entwicklung (optional), z. B. Hintergründe und Maßnahmen")
	for _, f := range keyFigureNoteFields {
		e := widget.NewMultiLineEntry()
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(2)
		t.notes[f.field] = e
	}
	t.save = widget.NewButton("Texte speichern", func() { _ = t.saveUnsaved() })
	if u.st == nil || u.st.ReadOnly() {
		t.save.Disable()
	}
	t.load()
	return t
}

func (t *keyFigureTextsEditor) load() {
	// What the form shows is what counts as saved, also when nothing
	// could be read: an empty form must not ask to be saved.
	defer func() { t.saved = t.snapshot() }()
	if t.u.st == nil {
		return
	}
	texts, err := t.u.st.ReportTexts(context.Background(), t.u.reportYear)
	if err != nil {
		t.message.SetText("Texte nicht gelesen: " + store.Message(err))
		return
	}
	t.commentary.SetText(texts.Own.Commentary[t.code])
	e := report.Evaluate(report.Input{Snapshot: &store.Snapshot{Catalog: t.u.cat}, Texts: texts, Year: t.u.reportYear})
	for _, f := range keyFigureNoteFields {
		n := e.Note(t.code, f.field)
		t.loaded[f.field] = n.Text
		t.notes[f.field].SetText(n.Text)
		if n.Original != n.Text {
			t.notes[f.field].SetPlaceHolder("Wortlaut 2011/12: " + n.Original)
		}
	}
}

// content is the part of the Kennzahl panel.
func (t *keyFigureTextsEditor) content() fyne.CanvasObject {
	form := widget.NewForm(widget.NewFormItem(fmt.Sprintf("Einordnung %d", t.u.reportYear), t.commentary))
	for _, f := range keyFigureNoteFields {
		form.Append(f.label, t.notes[f.field])
	}
	return container.NewVBox(
		para("Die Einordnung steht im Bericht nach der Bewertung. Die Hinweise gelten für alle Berichtsjahre; "+
			"Sätze des Konzepts, die sich auf 2011/12 bezogen, druckt der Bericht nicht als aktuell – wenn Sie sie hier wieder eintragen, schon."),
		form, container.NewHBox(t.save), t.message)
}

func (t *keyFigureTextsEditor) saveUnsaved() error {
	var notes []store.CatalogNote
	for _, f := range keyFigureNoteFields {
		if txt := t.notes[f.field].Text; txt != t.loaded[f.field] {
			notes = append(notes, store.CatalogNote{Code: t.code, Field: f.field, Text: txt})
		}
	}
	err := t.u.st.SaveTexts(context.Background(),
		[]store.YearText{{ReportYear: t.u.reportYear, Kind: store.TextCommentary, Code: t.code, Text: t.commentary.Text}}, notes)
	if err != nil {
		t.message.SetText("Nicht gespeichert: " + store.Message(err))
		return err
	}
	for _, n := range notes {
		t.loaded[n.Field] = n.Text
	}
	t.saved = t.snapshot()
	t.message.SetText(fmt.Sprintf("Texte zu %s gespeichert.", t.code))
	return nil
}

func (t *keyFigureTextsEditor) snapshot() string {
	entries := []*widget.Entry{t.commentary}
	for _, f := range keyFigureNoteFields {
		entries = append(entries, t.notes[f.field])
	}
	return entryTexts(entries...)
}

func (t *keyFigureTextsEditor) unsaved() bool { return t.snapshot() != t.saved }

func (t *keyFigureTextsEditor) label() string { return "Texte " + t.code }
