package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// yearTab chooses the Berichtsjahr and holds the Statistikdienststelle's
// Stellungnahme zum Migrationshintergrund for it (seed 3.4).
type yearTab struct {
	u          *App
	year       *widget.Select
	refDate    *widget.Entry
	persons    *widget.Entry
	share      *widget.Entry
	method     *widget.Entry
	definition *widget.Entry
	statement  *widget.Entry
	save       *widget.Button
	message    *widget.Label
	// frozen says whether the report of the year is frozen.
	frozen  *widget.Label
	content fyne.CanvasObject
	// texts edits the key messages and the Impressum.
	texts *reportTextsEditor
	// saved is the snapshot of the Stellungnahme as loaded or last saved.
	saved string
}

func newYearTab(u *App) *yearTab {
	t := &yearTab{u: u, message: para(""), frozen: para("")}
	t.showFrozen()
	var years []string
	for y := 2011; y <= u.reportYear+1 || y <= 2030; y++ {
		years = append(years, strconv.Itoa(y))
	}
	t.year = widget.NewSelect(years, nil)
	t.year.SetSelected(strconv.Itoa(u.reportYear))
	t.year.OnChanged = t.changeYear
	t.refDate, t.persons, t.share = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	t.refDate.SetPlaceHolder("z. B. 31.12.2025")
	t.share.SetPlaceHolder("z. B. 31,5")
	t.method, t.definition, t.statement = widget.NewEntry(), widget.NewMultiLineEntry(), widget.NewMultiLineEntry()
	t.method.SetPlaceHolder("Ausländerstatistik, Mikrozensus, Einwohnerdatei")
	t.definition.Wrapping, t.statement.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	t.definition.SetMinRowsVisible(3)
	t.statement.SetMinRowsVisible(6)
	t.save = widget.NewButton("Stellungnahme speichern", t.saveEstimate)
	t.save.Importance = widget.HighImportance
	if u.st.ReadOnly() {
		t.save.Disable()
	}
	t.loadEstimate()
	t.saved = t.snapshot()
	t.texts = newReportTextsEditor(u)
	form := widget.NewForm(
		widget.NewFormItem("Stichtag", t.refDate),
		widget.NewFormItem("Geschätzte Anzahl", t.persons),
		widget.NewFormItem("Geschätzter Anteil (%)", t.share),
		widget.NewFormItem("Verfahren", t.method),
		widget.NewFormItem("Definition", t.definition),
		widget.NewFormItem("Stellungnahme", t.statement),
	)
	t.content = container.NewVScroll(container.NewVBox(
		// A wrapping label in an HBox shrinks to one letter per line.
		container.NewHBox(widget.NewLabelWithStyle("Berichtsjahr:", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), t.year),
		t.frozen,
		para("Das Berichtsjahr bestimmt, bis zu welchem Jahr Kennzahlen bewertet werden, welche Texte und Befragungen bearbeitet werden und welche Datenlieferungen ausstehen."),
		widget.NewSeparator(),
		heading("Stellungnahme der Statistikdienststelle zum Migrationshintergrund"),
		para("Die Statistikdienststelle gibt zu jedem Bericht eine Schätzung der Einwohner/innen mit Migrationshintergrund heraus (Abschnitt 3.4). Der Anteil ist die Bevölkerungsstruktur, mit der Kennzahlen verglichen werden."),
		form, container.NewHBox(t.save), t.message,
		widget.NewSeparator(), t.texts.content))
	return t
}

// showFrozen tells whether the Berichtsjahr's report is frozen.
func (t *yearTab) showFrozen() {
	t.frozen.SetText(frozenLine(t.u.editions(), t.u.reportYear))
}

// changeYear stores the chosen Berichtsjahr and rebuilds every tab for it,
// after asking about unsaved input, which belongs to the year shown.
func (t *yearTab) changeYear(s string) {
	y, err := strconv.Atoi(s)
	if err != nil || (y == t.u.reportYear && t.u.reportYearStored) {
		return
	}
	if len(dirty(t.u.editors())) > 0 {
		t.showYear(t.u.reportYear) // until she decides
		t.u.confirmLeave(func() {
			t.showYear(y)
			t.setYear(y)
		})
		return
	}
	t.setYear(y)
}

// showYear selects y in the chooser without choosing it.
func (t *yearTab) showYear(y int) {
	t.year.OnChanged = nil
	t.year.SetSelected(strconv.Itoa(y))
	t.year.OnChanged = t.changeYear
}

func (t *yearTab) setYear(y int) {
	if !t.u.st.ReadOnly() {
		if err := t.u.st.SetReportYear(context.Background(), y); err != nil {
			t.u.showError("Berichtsjahr", err)
			return
		}
		t.u.reportYearStored = true
	}
	t.u.reportYear = y
	t.u.rebuildKeepTab()
}

// loadEstimate fills the form with the Stellungnahme of the report year.
func (t *yearTab) loadEstimate() {
	m, ok, err := t.u.st.MigrationEstimate(context.Background(), t.u.reportYear)
	if err != nil || !ok {
		return
	}
	if m.ReferenceDate != "" {
		t.refDate.SetText(store.Period(m.ReferenceDate).Label())
	}
	if m.Persons != nil {
		t.persons.SetText(report.FormatAuto(*m.Persons))
	}
	if m.Share != nil {
		t.share.SetText(report.FormatAuto(*m.Share))
	}
	t.method.SetText(m.Method)
	t.definition.SetText(m.Definition)
	t.statement.SetText(m.Statement)
}

// readEstimate parses the form into a Stellungnahme.
func (t *yearTab) readEstimate() (store.MigrationEstimate, error) {
	m := store.MigrationEstimate{ReportYear: t.u.reportYear, Method: strings.TrimSpace(t.method.Text),
		Definition: strings.TrimSpace(t.definition.Text), Statement: strings.TrimSpace(t.statement.Text)}
	if s := strings.TrimSpace(t.refDate.Text); s != "" {
		d, err := store.ParsePeriodOfKind(s, store.DatePeriod)
		if err != nil {
			return m, err
		}
		m.ReferenceDate = string(d)
	}
	num := func(e *widget.Entry) (*float64, error) {
		s := strings.TrimSpace(e.Text)
		if s == "" {
			return nil, nil
		}
		v, err := store.ParseNumber(s)
		return &v, err
	}
	var err error
	if m.Persons, err = num(t.persons); err != nil {
		return m, err
	}
	if m.Share, err = num(t.share); err != nil {
		return m, err
	}
	return m, nil
}

func (t *yearTab) saveEstimate() { _ = t.saveUnsaved() }

// saveUnsaved stores the Stellungnahme and says so below it.
func (t *yearTab) saveUnsaved() error {
	m, err := t.readEstimate()
	if err == nil {
		err = t.u.st.SaveMigrationEstimate(context.Background(), m)
	}
	if err != nil {
		t.message.SetText("Nicht gespeichert: " + store.Message(err))
		return err
	}
	t.saved = t.snapshot()
	t.message.SetText(fmt.Sprintf("Stellungnahme %d gespeichert.", t.u.reportYear))
	return nil
}

func (t *yearTab) snapshot() string {
	return entryTexts(t.refDate, t.persons, t.share, t.method, t.definition, t.statement)
}

func (t *yearTab) unsaved() bool { return t.snapshot() != t.saved }

func (t *yearTab) label() string {
	return fmt.Sprintf("Stellungnahme %d zum Migrationshintergrund", t.u.reportYear)
}
