package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/store"
)

// indicatorPanel shows a Wirkungsindikator for the Berichtsjahr: its
// report text, and where the seed asks for them the instrument list, the
// participation values or the Integrationskonferenz survey.
type indicatorPanel struct {
	u           *App
	ind         store.ImpactIndicator
	text        *widget.Entry
	savedText   string // the report text as loaded or last saved
	saveText    *widget.Button
	message     *widget.Label
	instruments *instrumentEditor
	survey      *surveyEditor
	values      *valueForm
	share       *widget.Label
}

func newIndicatorPanel(u *App, ind store.ImpactIndicator) *indicatorPanel {
	p := &indicatorPanel{u: u, ind: ind}
	p.text = widget.NewMultiLineEntry()
	p.text.Wrapping = fyne.TextWrapWord
	p.text.SetMinRowsVisible(8)
	p.text.SetPlaceHolder("Aktueller Wert / Bericht für das Berichtsjahr …")
	p.message = para("")
	p.saveText = widget.NewButton("Bericht speichern", p.storeText)
	p.saveText.Importance = widget.HighImportance
	if t, err := u.st.IndicatorText(context.Background(), ind.Code, u.reportYear); err == nil {
		p.text.SetText(t.Text)
		p.savedText = t.Text
	}
	if ind.Instruments {
		p.instruments = newInstrumentEditor(u, ind.Code)
	}
	if ind.Kind == store.Survey {
		p.survey = newSurveyEditor(u)
	}
	if ind.Kind == store.Participation && len(ind.BaseFigures) > 0 {
		p.share = para("")
		p.values = newValueForm(u, store.KeyFigure{Code: ind.Code}, ind.BaseFigures, func() {
			p.refreshShare()
			u.valuesChanged()
		})
		p.refreshShare()
	}
	if u.st.ReadOnly() {
		p.saveText.Disable()
	}
	return p
}

func (p *indicatorPanel) objects() []fyne.CanvasObject {
	objs := indicatorView(p.ind)
	objs = append(objs, widget.NewSeparator(),
		heading(fmt.Sprintf("Aktueller Wert / Bericht %d", p.u.reportYear)),
		p.text, container.NewHBox(p.saveText), p.message)
	if p.instruments != nil {
		objs = append(objs, heading(fmt.Sprintf("Instrumente %d (Anzahl und Charakter)", p.u.reportYear)), p.instruments.content())
	}
	if p.values != nil {
		objs = append(objs, heading("Beteiligungsstruktur"), p.share,
			heading("Zahlen erfassen"), p.values.content())
	}
	if p.survey != nil {
		objs = append(objs, heading(fmt.Sprintf("Befragung der Integrationskonferenz %d", p.u.reportYear)), p.survey.content())
	}
	return objs
}

func (p *indicatorPanel) storeText() { _ = p.saveUnsaved() }

// saveUnsaved stores the report text and says so below it.
func (p *indicatorPanel) saveUnsaved() error {
	text := p.text.Text
	err := p.u.st.SaveIndicatorText(context.Background(), store.IndicatorText{Indicator: p.ind.Code, ReportYear: p.u.reportYear, Text: text})
	if err != nil {
		p.message.SetText("Nicht gespeichert: " + store.Message(err))
		return err
	}
	p.savedText = text
	p.message.SetText(fmt.Sprintf("Bericht %d gespeichert.", p.u.reportYear))
	return nil
}

func (p *indicatorPanel) unsaved() bool { return p.text.Text != p.savedText }

func (p *indicatorPanel) label() string {
	return fmt.Sprintf("Bericht %d zu %s", p.u.reportYear, p.ind.Code)
}

// editors are the report text and the parts of the panel that take input.
func (p *indicatorPanel) editors() []unsavedEditor {
	eds := []unsavedEditor{p}
	if p.instruments != nil {
		eds = append(eds, p.instruments)
	}
	if p.survey != nil {
		eds = append(eds, p.survey)
	}
	if p.values != nil {
		eds = append(eds, p.values)
	}
	return eds
}

// refreshShare shows the evaluation's participation sentence after a
// value changed: the latest periods up to the Berichtsjahr, as the report
// prints them.
func (p *indicatorPanel) refreshShare() {
	e, err := p.u.evaluate()
	if err != nil {
		p.share.SetText(store.Message(err))
		return
	}
	text := e.ParticipationText[p.ind.Code]
	if text == "" {
		text = "Noch keine Zahlen erfasst."
	}
	if note := participationHiddenNote(e.Participation[p.ind.Code]); note != "" {
		text += "\n" + note
	}
	p.share.SetText(text)
}
