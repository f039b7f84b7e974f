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
// Choosing the key (Grundzahl, Erhebungszeit, Bezirk, Gruppe) shows what is
// stored for it, so that she sees before typing whether she enters or
// corrects a value.
type valueForm struct {
	u       *App
	kf      store.KeyFigure
	onSaved func()
	// eval is the latest evaluation, for the next due period; nil until
	// one is needed or handed in by show.
	eval *report.Evaluation

	baseFigure  *widget.Select
	period      *periodChooser
	area        *widget.Select
	group       *widget.Select
	stored      *widget.Label // the value stored for the chosen key
	value       *widget.Entry
	provisional *widget.Check
	estimated   *widget.Check
	source      *widget.Entry
	asOf        *widget.Entry
	note        *widget.Entry
	save        *widget.Button
	history     *widget.Button
	message     *widget.Label // beside save, where the eye is after the click
	actions     *fyne.Container
	form        *widget.Form

	bfs []store.BaseFigure
}

func newValueForm(u *App, kf store.KeyFigure, bfs []store.BaseFigure, onSaved func()) *valueForm {
	return newValueFormWith(u, kf, bfs, onSaved, nil)
}

// newValueFormWith is newValueForm with an evaluation at hand, so that the
// form need not evaluate the file again to preselect the next period.
func newValueFormWith(u *App, kf store.KeyFigure, bfs []store.BaseFigure, onSaved func(), e *report.Evaluation) *valueForm {
	f := &valueForm{u: u, kf: kf, bfs: bfs, onSaved: onSaved, eval: e}
	var names []string
	for _, b := range bfs {
		names = append(names, b.Name)
	}
	f.baseFigure = widget.NewSelect(names, func(string) { f.baseFigureChanged() })
	f.baseFigure.PlaceHolder = "Grundzahl wählen"
	last := u.reportYear
	if u.today != nil {
		last = max(last, u.today().Year())
	}
	f.period = newPeriodChooser(firstOfferedYear, last+1)
	f.period.onChanged = f.keyChanged
	f.area = widget.NewSelect(nil, func(string) { f.keyChanged() })
	f.group = widget.NewSelect(nil, func(string) { f.keyChanged() })
	f.stored = widget.NewLabel("")
	f.stored.Wrapping = fyne.TextWrapWord
	f.history = widget.NewButton("Historie anzeigen", f.showHistory)
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
	f.save = widget.NewButton("Wert speichern", f.submit)
	f.save.Importance = widget.HighImportance
	// The button keeps its height when the message wraps to two lines.
	f.actions = container.NewBorder(nil, nil, container.NewVBox(f.save), nil, f.message)
	f.form = widget.NewForm(
		widget.NewFormItem("Grundzahl", f.baseFigure),
		widget.NewFormItem("Erhebungszeit", f.period.box),
		widget.NewFormItem("Statistischer Bezirk", f.area),
		widget.NewFormItem("Gruppe", f.group),
		widget.NewFormItem("Bisher gespeichert", container.NewBorder(nil, nil, nil, container.NewVBox(f.history), f.stored)),
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

// content is the form with the save button and its message in one row.
func (f *valueForm) content() fyne.CanvasObject {
	return container.NewVBox(f.form, f.actions)
}

// show takes a new evaluation after values changed and shows the stored
// value of the chosen key again.
func (f *valueForm) show(e *report.Evaluation) {
	f.eval = e
	f.keyChanged()
}

// evaluation is the latest evaluation, evaluating the file when none was
// handed in; nil when the file cannot be read (the panel says why).
func (f *valueForm) evaluation() *report.Evaluation {
	if f.eval == nil && f.u.st != nil {
		e, err := f.u.evaluate()
		if err != nil {
			fyne.LogError("value form: evaluate", err)
			return nil
		}
		f.eval = e
	}
	return f.eval
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
	// Quiet while the key is set up: one look-up of the stored value at
	// the end, not one per widget.
	onPeriod, onArea, onGroup := f.period.onChanged, f.area.OnChanged, f.group.OnChanged
	f.period.onChanged, f.area.OnChanged, f.group.OnChanged = nil, nil, nil
	f.period.setKind(bf.PeriodKind)
	f.period.SetPeriod(f.nextPeriod(bf))
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
	f.period.onChanged, f.area.OnChanged, f.group.OnChanged = onPeriod, onArea, onGroup
	f.keyChanged()
}

// nextPeriod is the period of bf asked for next (the Datenlieferungen's
// NextPeriod), else the one after the latest stored, else the report
// year's period.
func (f *valueForm) nextPeriod(bf store.BaseFigure) store.Period {
	if e := f.evaluation(); e != nil {
		for _, d := range e.Deliveries {
			if d.BaseFigure.Code != bf.Code {
				continue
			}
			if d.NextPeriod != "" {
				return d.NextPeriod
			}
			if n := d.LastPeriod.Next(); n != "" {
				return n
			}
		}
	}
	return store.YearEndPeriod(bf.PeriodKind, f.u.reportYear, "")
}

// keyChanged shows the value stored for the chosen key, with its source
// and Datenstand.
func (f *valueForm) keyChanged() {
	if f.u.st == nil {
		return
	}
	k, bf, err := f.readKey()
	if err != nil {
		f.stored.SetText(store.Message(err))
		return
	}
	v, err := f.u.st.Value(context.Background(), k.BaseFigure, k.Period, k.Area, k.Group)
	switch {
	case errors.Is(err, store.ErrNotFound):
		f.stored.SetText("Noch kein Wert gespeichert.")
	case err != nil:
		f.stored.SetText(store.Message(err))
	default:
		f.stored.SetText(storedText(v, bf.Unit))
	}
}

// storedText describes a stored value in one line: the value with its
// marks, source, Datenstand and where it came from.
func storedText(v store.Value, unit string) string {
	s := report.FormatValue(v.Number, v.Symbol, unit)
	var marks []string
	if v.Provisional {
		marks = append(marks, "vorläufig")
	}
	if v.Estimated {
		marks = append(marks, "geschätzt")
	}
	if len(marks) > 0 {
		s += " (" + strings.Join(marks, ", ") + ")"
	}
	asOf := "ohne Angabe"
	if v.AsOf != "" {
		asOf = store.Period(v.AsOf).Label()
	}
	s += " · Quelle: " + orDash(v.Source) + " · Datenstand: " + asOf
	if v.Origin != "" {
		s += " · " + v.Origin
	}
	return s
}

// readKey reads Grundzahl, Erhebungszeit, Bezirk and Gruppe.
func (f *valueForm) readKey() (store.Value, store.BaseFigure, error) {
	bf, ok := f.selected()
	if !ok {
		return store.Value{}, bf, store.Invalid("Bitte wählen Sie eine Grundzahl.")
	}
	p, err := f.period.Period()
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

// submit validates the form, shows the plausibility warnings before
// anything is written, and saves.
func (f *valueForm) submit() {
	v, err := f.read()
	if err != nil {
		f.fail(err)
		return
	}
	warnings := f.plausibilityWarnings(v)
	if len(warnings) == 0 {
		f.write(v, false)
		return
	}
	msg := "Bitte prüfen Sie den Wert " + describe(f.u.cat, v) + ":\n• " + strings.Join(warnings, "\n• ") + "\n\nTrotzdem speichern?"
	f.message.SetText("Noch nicht gespeichert: bitte die Hinweise zum Wert prüfen.")
	d := dialog.NewConfirm("Wert prüfen", msg, func(yes bool) {
		if yes {
			f.write(v, false)
		} else {
			f.message.SetText("Nicht gespeichert: bitte den Wert prüfen.")
		}
	}, f.u.win)
	d.SetConfirmText("Trotzdem speichern")
	d.SetDismissText("Zurück")
	d.Show()
}

// write saves v; a correction of a stored value is asked for first.
func (f *valueForm) write(v store.Value, correct bool) {
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
	f.eval = nil // the next period moved on; evaluate again when asked
	if f.onSaved != nil {
		f.onSaved()
	}
	f.keyChanged()
}

func (f *valueForm) confirmCorrection(old, v store.Value) {
	bf, _ := f.selected()
	msg := fmt.Sprintf("Für %s ist bereits %s gespeichert (Quelle: %s).\nSoll der Wert durch %s ersetzt werden? Der alte Wert bleibt in der Historie erhalten.",
		describeKey(f.u.cat, v), report.FormatValue(old.Number, old.Symbol, bf.Unit), orDash(old.Source), report.FormatValue(v.Number, v.Symbol, bf.Unit))
	dialog.ShowConfirm("Wert korrigieren?", msg, func(yes bool) {
		if yes {
			f.write(v, true)
		} else {
			f.message.SetText("Nicht gespeichert: der gespeicherte Wert bleibt unverändert.")
		}
	}, f.u.win)
}

func (f *valueForm) fail(err error) {
	f.message.SetText("Nicht gespeichert: " + store.Message(err))
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
