package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/chart"
	"bergischgladbach.de/integrationsmonitor/store"
)

// chartSize is the size the chart PNG is drawn at, times the canvas scale
// so it stays sharp on high-dpi screens; on screen it shrinks to fit.
var chartSize = fyne.NewSize(820, 410)

// chartMinSize is the least on-screen chart size: narrow enough for the
// detail pane of a 1024 px window, where 820 px pushed the pane sideways.
var chartMinSize = fyne.NewSize(600, 410)

// keyFigurePanel shows a Kennzahl: the entry form first, where she works,
// then assessment, trend chart, the table of stored values and the
// catalogue fields.
type keyFigurePanel struct {
	u          *App
	kf         store.KeyFigure
	bfs        []store.BaseFigure // own Grundzahlen, then shared ones it uses
	table      *valueTable
	form       *valueForm
	chart      *canvas.Image
	assessment *widget.Label
	sentence   *widget.Label
	result     report.Result
	breaks     *breaksSection
	texts      *keyFigureTextsEditor
	breakdowns *breakdownBox
}

func newKeyFigurePanel(u *App, kf store.KeyFigure) *keyFigurePanel {
	p := &keyFigurePanel{u: u, kf: kf, bfs: usedBaseFigures(u.cat, kf), breakdowns: newBreakdownBox()}
	p.table = newValueTable(u.cat, kf, p.bfs)
	p.table.reload = p.reload
	p.chart = canvas.NewImageFromResource(nil)
	p.chart.FillMode = canvas.ImageFillContain
	p.chart.SetMinSize(chartMinSize)
	p.assessment = heading("")
	p.sentence = para("")
	p.breaks = newBreaksSection(u, kf, p.bfs, u.valuesChanged)
	// One evaluation serves the form's next period and the panel.
	var e *report.Evaluation
	if u.st != nil {
		var err error
		if e, err = u.evaluate(); err != nil {
			u.showError("Werte lesen", err)
		}
	}
	p.form = newValueFormWith(u, kf, p.bfs, u.valuesChanged, e)
	p.texts = newKeyFigureTextsEditor(u, kf.Code)
	if e != nil {
		p.show(e)
	}
	return p
}

// usedBaseFigures are the Kennzahl's own Grundzahlen plus the shared ones
// (population) its formulas refer to, so reference figures can be entered
// where they are needed.
func usedBaseFigures(cat *store.Catalog, kf store.KeyFigure) []store.BaseFigure {
	out := append([]store.BaseFigure(nil), kf.BaseFigures...)
	formulas := ""
	for _, s := range kf.Series {
		formulas += " " + s.Formula
	}
	if kf.Reference != nil {
		formulas += " " + kf.Reference.Formula
	}
	for _, b := range cat.BaseFigures {
		if strings.Contains(formulas, b.Alias+".") {
			out = append(out, b)
		}
	}
	return out
}

// objects puts the form right below the Kennzahl's title, so that at
// 1024×700 form, stored value, save button and message are all visible
// without scrolling. Beside the chart there is no room for it: the detail
// pane is about 700 px wide at 1024 px.
func (p *keyFigurePanel) objects() []fyne.CanvasObject {
	view := keyFigureView(p.u.cat, p.kf)
	n := min(2, len(view)) // title and statement; the catalogue fields go last
	objs := append([]fyne.CanvasObject(nil), view[:n]...)
	objs = append(objs,
		heading("Wert erfassen oder korrigieren"), p.form.content(),
		widget.NewSeparator(),
		heading("Bewertung"), p.assessment, p.sentence,
		p.chart, p.breakdowns.box,
		heading("Gespeicherte Werte"), p.table.box,
		p.breaks.box,
		widget.NewSeparator(),
		heading("Einordnung und Hinweise im Bericht"), p.texts.content(),
		widget.NewSeparator(),
		heading("Steckbrief der Kennzahl"),
	)
	return append(objs, view[n:]...)
}

// reload evaluates the file again and shows this Kennzahl.
func (p *keyFigurePanel) reload() {
	if p.u.st == nil {
		return
	}
	e, err := p.u.evaluate()
	if err != nil {
		p.u.showError("Werte lesen", err)
		return
	}
	p.show(e)
}

// show presents the Kennzahl's part of the evaluation: stored values,
// assessment, sentence and chart.
func (p *keyFigurePanel) show(e *report.Evaluation) {
	kr, ok := e.KeyFigure(p.kf.Code)
	if !ok {
		return
	}
	p.table.setGrid(e.StoredGrid(p.kf.Code, p.table.selectedArea()))
	p.form.show(e)
	p.breaks.reload()
	p.result = kr.Result
	a := p.result.Assessment
	p.assessment.SetText(fmt.Sprintf("%s %s", a.Level.Symbol(), a.Level.Label()))
	text := p.result.Sentence
	if a.Text != "" {
		text += "\n" + a.Text
	}
	if note := pointsHiddenNote(kr); note != "" {
		text += "\n" + note
	}
	if rl := regionLines(p.result, e.Year); rl != "" {
		text += "\n" + rl
	}
	p.sentence.SetText(text)
	p.renderChart(e.Demo)
	p.breakdowns.show(e, p.kf.Code)
}

func (p *keyFigurePanel) renderChart(demo bool) {
	scale := float32(1)
	if c := p.u.win.Canvas(); c != nil && c.Scale() > 0 {
		scale = c.Scale()
	}
	spec := chart.SpecFor(p.result, demo)
	png, err := chart.PNG(spec, int(chartSize.Width*scale), int(chartSize.Height*scale))
	if err != nil {
		fyne.LogError("chart "+p.kf.Code, err)
		return
	}
	p.chart.Resource = fyne.NewStaticResource(p.kf.Code+".png", png)
	p.chart.Image = nil
	p.chart.Refresh()
}
