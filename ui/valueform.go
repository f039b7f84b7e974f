package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// valueForm is the entry form for one value of a Kennzahl's Grundzahlen.
type valueForm struct {
	u       *App
	kf      store.KeyFigure
	onSaved func()

	baseFigure  *widget.Select
	period      *widget.Entry
	area        *widget.Select
	group       *widget.Select
	value       *widget.Entry
	provisional *widget.Check
	estimated   *widget.Check
	source      *widget.Entry
	asOf        *widget.Entry
	note        *widget.Entry
	save        *widget.Button
	history     *widget.Button
	message     *widget.Label
	form        *widget.Form

	bfs []store.BaseFigure
}

var periodHints = map[store.PeriodKind]string{
	store.YearPeriod:       "z. B. 2024",
	store.HalfYearPeriod:   "z. B. 1. Halbjahr 2024",
	store.SchoolYearPeriod: "z. B. Schuljahr 2024/25",
	store.DatePeriod:       "z. B. 31.12.2024",
}

func newValueForm(u *App, kf store.KeyFigure, bfs []store.BaseFigure, onSaved func()) *valueForm {
	f := &valueForm{u: u, kf: kf, bfs: bfs, onSaved: onSaved}
	var names []string
	for _, b := range bfs {
		names = append(names, b.Name)
	}
	f.baseFigure = widget.NewSelect(names, func(string) { f.baseFigureChanged() })
	f.period = widget.NewEntry()
	f.area = widget.NewSelect(nil, nil)
	f.group = widget.NewSelect(nil, nil)
	f.value = widget.NewEntry()
	f.value.SetPlaceHolder("Zahl (z. B. 1.234,5) oder Zeichen . - / x ...")
	f.provisional = widget.NewCheck("vorläufig", nil)
	f.estimated = widget.NewCheck("geschätzt", nil)
	f.source = widget.NewEntry()
	f.source.SetText(kf.SourceText)
	f.asOf = widget.NewEntry()
	f.asOf.SetPlaceHolder("Datenstand, z. B. 31.03.2025")
	f.note = widget.NewEntry()
	f.message = widget.NewLabel("")
	f.message.Wrapping = fyne.TextWrapWord
	f.save = widget.NewButton("Wert speichern", func() { f.submit(false) })
	f.save.Importance = widget.HighImportance
	f.history = widget.NewButton("Historie anzeigen", f.showHistory)
	f.form = widget.NewForm(
		widget.NewFormItem("Grundzahl", f.baseFigure),
		widget.NewFormItem("Erhebungszeit", f.period),
		widget.NewFormItem("Statistischer Bezirk", f.area),
		widget.NewFormItem("Gruppe", f.group),
		widget.NewFormItem("Wert", f.value),
		widget.NewFormItem("Kennzeichen", container.NewHBox(f.provisional, f.estimated)),
		widget.NewFormItem("Quelle", f.source),
		widget.NewFormItem("Datenstand", f.asOf),
		widget.NewFormItem("Anmerkung", f.note),
	)
	if len(bfs) > 0 {
		f.baseFigure.SetSelectedIndex(0)
	}
	if u.st != nil && u.st.ReadOnly() {
		f.save.Disable()
	}
	return f
}

func (f *valueForm) content() fyne.CanvasObject {
	return container.NewVBox(f.form, container.NewHBox(f.save, f.history), f.message)
}

func (f *valueForm) selected() (store.BaseFigure, bool) {
	i := f.baseFigure.SelectedIndex()
	if i < 0 || i >= len(f.bfs) {
		return store.BaseFigure{}, false
	}
	return f.bfs[i], true
}

func (f *valueForm) baseFigureChanged() {
	bf, ok := f.selected()
	if !ok {
		return
	}
	f.period.SetPlaceHolder(periodHints[bf.PeriodKind])
	var areas, groups []string
	for _, a := range bf.Areas {
		areas = append(areas, f.u.cat.AreaName(a))
	}
	for _, g := range bf.Groups {
		groups = append(groups, f.u.cat.GroupName(g))
	}
	f.area.SetOptions(areas)
	f.group.SetOptions(groups)
	if len(areas) > 0 {
		f.area.SetSelectedIndex(0)
		for i, a := range bf.Areas {
			if a == f.kf.Area {
				f.area.SetSelectedIndex(i)
			}
		}
	}
	if len(groups) > 0 {
		f.group.SetSelectedIndex(0)
	}
}

// readKey reads Grundzahl, Erhebungszeit, Bezirk and Gruppe.
func (f *valueForm) readKey() (store.Value, store.BaseFigure, error) {
	bf, ok := f.selected()
	if !ok {
		return store.Value{}, bf, store.Invalid("Bitte wählen Sie eine Grundzahl.")
	}
	p, err := store.ParsePeriodOfKind(f.period.Text, bf.PeriodKind)
	if err != nil {
		return store.Value{}, bf, err
	}
	ai, gi := f.area.SelectedIndex(), f.group.SelectedIndex()
	if ai < 0 || gi < 0 {
		return store.Value{}, bf, store.Invalid("Bitte wählen Sie Statistischen Bezirk und Gruppe.")
	}
	return store.Value{BaseFigure: bf.Code, Period: p, Area: bf.Areas[ai], Group: bf.Groups[gi]}, bf, nil
}

// read turns the form into a Value; a German error says what is wrong.
func (f *valueForm) read() (store.Value, error) {
	v, _, err := f.readKey()
	if err != nil {
		return v, err
	}
	num, sym, err := store.ParseEntry(f.value.Text)
	if err != nil {
		return store.Value{}, err
	}
	v.Number, v.Symbol = num, sym
	v.Provisional, v.Estimated = f.provisional.Checked, f.estimated.Checked
	v.Source, v.Note = strings.TrimSpace(f.source.Text), strings.TrimSpace(f.note.Text)
	if s := strings.TrimSpace(f.asOf.Text); s != "" {
		d, err := store.ParsePeriodOfKind(s, store.DatePeriod)
		if err != nil {
			return store.Value{}, store.Invalid("Der Datenstand muss ein Datum sein, z. B. 31.03.2025.")
		}
		v.AsOf = string(d)
	}
	return v, nil
}

// submit validates and saves; a correction of a stored value is asked for.
func (f *valueForm) submit(correct bool) {
	v, err := f.read()
	if err != nil {
		f.fail(err)
		return
	}
	action, err := f.u.st.SaveValue(context.Background(), v, store.SaveOptions{Origin: "Eingabe", Correct: correct})
	var conflict *store.ConflictError
	switch {
	case errors.As(err, &conflict):
		f.confirmCorrection(conflict.Old, v)
		return
	case err != nil:
		f.fail(err)
		return
	}
	switch action {
	case store.Inserted:
		f.message.SetText("Gespeichert: " + describe(f.u.cat, v))
	case store.Corrected:
		f.message.SetText("Korrigiert: " + describe(f.u.cat, v) + " (alter Wert in der Historie)")
	default:
		f.message.SetText("Unverändert: dieser Wert ist bereits gespeichert.")
	}
	f.value.SetText("")
	if f.onSaved != nil {
		f.onSaved()
	}
}

func (f *valueForm) confirmCorrection(old, v store.Value) {
	bf, _ := f.selected()
	msg := fmt.Sprintf("Für %s ist bereits %s gespeichert (Quelle: %s).\nSoll der Wert durch %s ersetzt werden? Der alte Wert bleibt in der Historie erhalten.",
		describeKey(f.u.cat, v), report.FormatValue(old.Number, old.Symbol, bf.Unit), orDash(old.Source), report.FormatValue(v.Number, v.Symbol, bf.Unit))
	dialog.ShowConfirm("Wert korrigieren?", msg, func(yes bool) {
		if yes {
			f.submit(true)
		} else {
			f.message.SetText("Nicht gespeichert: der gespeicherte Wert bleibt unverändert.")
		}
	}, f.u.win)
}

func (f *valueForm) fail(err error) {
	f.message.SetText("Nicht gespeichert: " + store.Message(err))
}

func (f *valueForm) showHistory() {
	v, bf, err := f.readKey()
	if err != nil {
		f.message.SetText("Für die Historie bitte Grundzahl, Erhebungszeit, Bezirk und Gruppe angeben: " + store.Message(err))
		return
	}
	hist, err := f.u.st.History(context.Background(), v.BaseFigure, v.Period, v.Area, v.Group)
	if err != nil {
		f.fail(err)
		return
	}
	text := historyText(hist, bf.Unit)
	if text == "" {
		text = "Für diesen Wert gibt es noch keine Einträge."
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Historie: "+describeKey(f.u.cat, v), "Schließen", container.NewVScroll(l), f.u.win)
	d.Resize(fyne.NewSize(700, 400))
	d.Show()
}

// historyText lists who changed what when, one line per change.
func historyText(hist []store.HistoryEntry, unit string) string {
	val := func(n *float64, s store.Symbol) string {
		if s != store.NoSymbol {
			return string(s)
		}
		if n == nil {
			return "—"
		}
		return report.FormatValue(*n, s, unit)
	}
	var lines []string
	for _, h := range hist {
		when := h.At.Local().Format("02.01.2006 15:04")
		who := orDash(h.By)
		switch h.Action {
		case store.HistoryInserted:
			lines = append(lines, fmt.Sprintf("%s · %s · neu: %s (%s)", when, who, val(h.NewNumber, h.NewSymbol), orDash(h.Origin)))
		case store.HistoryChanged:
			lines = append(lines, fmt.Sprintf("%s · %s · geändert: %s → %s (%s)", when, who, val(h.OldNumber, h.OldSymbol), val(h.NewNumber, h.NewSymbol), orDash(h.Origin)))
		default:
			lines = append(lines, fmt.Sprintf("%s · %s · gelöscht: %s", when, who, val(h.OldNumber, h.OldSymbol)))
		}
	}
	return strings.Join(lines, "\n")
}

func describeKey(cat *store.Catalog, v store.Value) string {
	name := v.BaseFigure
	if bf, ok := cat.BaseFigureByCode(v.BaseFigure); ok {
		name = bf.Name
	}
	return fmt.Sprintf("%s, %s, %s, %s", name, v.Period.Label(), cat.AreaName(v.Area), cat.GroupName(v.Group))
}

func describe(cat *store.Catalog, v store.Value) string {
	unit := ""
	if bf, ok := cat.BaseFigureByCode(v.BaseFigure); ok {
		unit = bf.Unit
	}
	return describeKey(cat, v) + " = " + report.FormatValue(v.Number, v.Symbol, unit)
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
