package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report/chart"
	"bergischgladbach.de/integrationsmonitor/store"
)

// surveyEditor takes the answer counts of the Integrationskonferenz survey
// (C-W1) for the Berichtsjahr and shows them as a stacked bar chart with
// the previous year for comparison.
type surveyEditor struct {
	u        *App
	counts   [3][5]*widget.Entry
	missing  [3]*widget.Entry
	save     *widget.Button
	message  *widget.Label
	headline *widget.Label
	chart    *canvas.Image
	// saved is the snapshot of the counts as loaded or last saved.
	saved string
}

func newSurveyEditor(u *App) *surveyEditor {
	e := &surveyEditor{u: u, message: para(""), headline: para("")}
	cur, err := u.st.Survey(context.Background(), u.reportYear)
	if err != nil {
		e.message.SetText(store.Message(err))
	}
	for q := 0; q < 3; q++ {
		for c := 0; c < 5; c++ {
			e.counts[q][c] = countEntry(cur.Counts[q][c])
		}
		e.missing[q] = countEntry(cur.Missing[q])
	}
	e.saved = e.snapshot()
	e.save = widget.NewButton("Befragung speichern", e.store)
	e.save.Importance = widget.HighImportance
	if u.st.ReadOnly() {
		e.save.Disable()
	}
	e.chart = canvas.NewImageFromResource(nil)
	e.chart.FillMode = canvas.ImageFillContain
	e.chart.SetMinSize(fyne.NewSize(820, 380))
	e.refresh()
	return e
}

func countEntry(n int) *widget.Entry {
	en := widget.NewEntry()
	en.SetText(strconv.Itoa(n))
	return en
}

func (e *surveyEditor) content() fyne.CanvasObject {
	// The question names need more room than a count, so they get their own
	// fixed column beside an even grid of entries.
	labelCol := func(o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(240, o.MinSize().Height), o)
	}
	// Each question has its own answer wording (question 3 asks "wie
	// oft"), so every row of counts gets the concept's answers as its head.
	grid := container.NewVBox()
	for q := 0; q < 3; q++ {
		head := container.NewGridWithColumns(6)
		for c := 0; c < 5; c++ {
			head.Add(para(store.SurveyCategories[q][c]))
		}
		head.Add(para("keine Angabe"))
		row := container.NewGridWithColumns(6)
		for c := 0; c < 5; c++ {
			row.Add(e.counts[q][c])
		}
		row.Add(e.missing[q])
		label := widget.NewLabelWithStyle(store.SurveyQuestions[q], fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		label.Wrapping = fyne.TextWrapWord
		grid.Add(container.NewBorder(nil, nil, labelCol(label), nil, container.NewVBox(head, row)))
	}
	return container.NewVBox(grid, container.NewHBox(e.save), e.message, e.headline, e.chart)
}

// read parses the counts; every field must be a whole number ≥ 0.
func (e *surveyEditor) read() (store.SurveyResult, error) {
	r := store.SurveyResult{ReportYear: e.u.reportYear}
	parse := func(en *widget.Entry, q int) (int, error) {
		s := strings.TrimSpace(en.Text)
		if s == "" {
			return 0, nil
		}
		n, err := store.ParseNumber(s)
		if err != nil || n < 0 || n != float64(int(n)) {
			return 0, store.Invalid(fmt.Sprintf("%s: „%s“ ist keine Anzahl (ganze Zahl ab 0).", store.SurveyQuestions[q], s))
		}
		return int(n), nil
	}
	for q := 0; q < 3; q++ {
		for c := 0; c < 5; c++ {
			n, err := parse(e.counts[q][c], q)
			if err != nil {
				return r, err
			}
			r.Counts[q][c] = n
		}
		n, err := parse(e.missing[q], q)
		if err != nil {
			return r, err
		}
		r.Missing[q] = n
	}
	return r, nil
}

func (e *surveyEditor) store() { _ = e.saveUnsaved() }

// saveUnsaved stores the counts, says so and redraws the chart.
func (e *surveyEditor) saveUnsaved() error {
	r, err := e.read()
	if err == nil {
		err = e.u.st.SaveSurvey(context.Background(), r)
	}
	if err != nil {
		e.message.SetText("Nicht gespeichert: " + store.Message(err))
		return err
	}
	e.saved = e.snapshot()
	e.message.SetText(fmt.Sprintf("Befragung %d gespeichert.", e.u.reportYear))
	e.refresh()
	return nil
}

// snapshot is the text of every count entry.
func (e *surveyEditor) snapshot() string {
	var all []*widget.Entry
	for q := 0; q < 3; q++ {
		all = append(all, e.counts[q][:]...)
		all = append(all, e.missing[q])
	}
	return entryTexts(all...)
}

func (e *surveyEditor) unsaved() bool { return e.snapshot() != e.saved }

func (e *surveyEditor) label() string {
	return fmt.Sprintf("Befragung der Integrationskonferenz %d", e.u.reportYear)
}

// refresh redraws headline and chart from the evaluation, which picks
// the survey to compare with (the newest earlier one with answers), as the
// report does.
func (e *surveyEditor) refresh() {
	ev, err := e.u.evaluate()
	if err != nil {
		e.message.SetText(store.Message(err))
		return
	}
	sc := ev.Survey
	cur := store.SurveyResult{ReportYear: ev.Year}
	if sc.Current != nil {
		cur = *sc.Current
	}
	e.headline.SetText(sc.Headline)
	png, err := chart.SurveyPNG(cur, sc.Previous, 1640, 760, ev.Demo)
	if err != nil {
		fyne.LogError("survey chart", err)
		return
	}
	e.chart.Resource = fyne.NewStaticResource(fmt.Sprintf("befragung-%d.png", e.u.reportYear), png)
	e.chart.Refresh()
}
