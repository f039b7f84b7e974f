package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/store"
)

// instrumentRow holds the entries of one instrument.
type instrumentRow struct {
	name, description, provider, count *widget.Entry
}

// instrumentEditor edits the list of instruments of a Wirkungsindikator
// for the Berichtsjahr; the list is saved as a whole.
type instrumentEditor struct {
	u         *App
	indicator string
	rows      []*instrumentRow
	box       *fyne.Container
	add, save *widget.Button
	message   *widget.Label
	// saved is the snapshot of the rows as loaded or last saved.
	saved string
}

func newInstrumentEditor(u *App, indicator string) *instrumentEditor {
	e := &instrumentEditor{u: u, indicator: indicator, box: container.NewVBox()}
	e.message = para("")
	e.add = widget.NewButton("Instrument hinzufügen", func() { e.addRow(store.Instrument{}) })
	e.save = widget.NewButton("Instrumente speichern", e.store)
	e.save.Importance = widget.HighImportance
	list, err := u.st.Instruments(context.Background(), indicator, u.reportYear)
	if err != nil {
		e.message.SetText(store.Message(err))
	}
	for _, in := range list {
		e.addRow(in)
	}
	e.saved = e.snapshot()
	if u.st.ReadOnly() {
		e.add.Disable()
		e.save.Disable()
	}
	return e
}

func (e *instrumentEditor) content() fyne.CanvasObject {
	header := container.NewGridWithColumns(5, heading("Name"), heading("Charakter"), heading("Träger"), heading("Anzahl"), widget.NewLabel(""))
	return container.NewVBox(header, e.box, container.NewHBox(e.add, e.save), e.message)
}

func (e *instrumentEditor) addRow(in store.Instrument) {
	r := &instrumentRow{name: widget.NewEntry(), description: widget.NewEntry(), provider: widget.NewEntry(), count: widget.NewEntry()}
	r.name.SetText(in.Name)
	r.description.SetText(in.Description)
	r.provider.SetText(in.Provider)
	if in.Count != nil {
		r.count.SetText(strconv.Itoa(*in.Count))
	}
	e.rows = append(e.rows, r)
	var line *fyne.Container
	remove := widget.NewButton("Entfernen", func() {
		for i, x := range e.rows {
			if x == r {
				e.rows = append(e.rows[:i], e.rows[i+1:]...)
				break
			}
		}
		e.box.Remove(line)
	})
	line = container.NewGridWithColumns(5, r.name, r.description, r.provider, r.count, remove)
	e.box.Add(line)
}

// list reads the rows; empty rows are skipped, a bad count is refused.
func (e *instrumentEditor) list() ([]store.Instrument, error) {
	var out []store.Instrument
	for i, r := range e.rows {
		in := store.Instrument{Name: strings.TrimSpace(r.name.Text), Description: strings.TrimSpace(r.description.Text), Provider: strings.TrimSpace(r.provider.Text)}
		c := strings.TrimSpace(r.count.Text)
		if in.Name == "" && in.Description == "" && in.Provider == "" && c == "" {
			continue
		}
		if c != "" {
			n, err := store.ParseNumber(c)
			if err != nil || n != float64(int(n)) || n < 0 {
				return nil, store.Invalid(fmt.Sprintf("Zeile %d: Die Anzahl muss eine ganze Zahl ab 0 sein.", i+1))
			}
			k := int(n)
			in.Count = &k
		}
		out = append(out, in)
	}
	return out, nil
}

func (e *instrumentEditor) store() { _ = e.saveUnsaved() }

// saveUnsaved stores the list and says so below it.
func (e *instrumentEditor) saveUnsaved() error {
	list, err := e.list()
	if err == nil {
		err = e.u.st.SaveInstruments(context.Background(), e.indicator, e.u.reportYear, list)
	}
	if err != nil {
		e.message.SetText("Nicht gespeichert: " + store.Message(err))
		return err
	}
	e.saved = e.snapshot()
	e.message.SetText(fmt.Sprintf("%d Instrumente für %d gespeichert.", len(list), e.u.reportYear))
	return nil
}

// snapshot is the rows' trimmed texts; empty rows are left out as list
// leaves them out, so an added but empty row is nothing to save.
func (e *instrumentEditor) snapshot() string {
	var b strings.Builder
	for _, r := range e.rows {
		row := []string{strings.TrimSpace(r.name.Text), strings.TrimSpace(r.description.Text), strings.TrimSpace(r.provider.Text), strings.TrimSpace(r.count.Text)}
		if strings.Join(row, "") != "" {
			b.WriteString(strings.Join(row, "\x00") + "\n")
		}
	}
	return b.String()
}

func (e *instrumentEditor) unsaved() bool { return e.snapshot() != e.saved }

func (e *instrumentEditor) label() string {
	return fmt.Sprintf("Instrumente %d zu %s", e.u.reportYear, e.indicator)
}
