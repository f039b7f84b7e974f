package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// unsaved says a value is typed that the file does not hold as it stands
// in the form. Grundzahl, Bezirk, Gruppe and the other fields alone store
// nothing, and after a save the form clears the value; comparing with the
// file keeps a form that shows the stored value from counting as changed.
// A typed value the form cannot read (no Erhebungszeit, "12,5 Personen")
// counts as unsaved: it would be lost, and saving says what is wrong.
func (f *valueForm) unsaved() bool {
	if strings.TrimSpace(f.value.Text) == "" {
		return false
	}
	v, err := f.read()
	if err != nil {
		return true
	}
	old, err := f.u.st.Value(context.Background(), v.BaseFigure, v.Period, v.Area, v.Group)
	return err != nil || !v.SameContent(old)
}

// saveUnsaved stores the typed value. A different value already stored
// for the key is not replaced on the way out: replacing is a decision
// made in the form, where the old value is shown.
func (f *valueForm) saveUnsaved() error {
	v, err := f.read()
	if err != nil {
		f.fail(err)
		return err
	}
	action, err := f.u.st.SaveValue(context.Background(), v, store.SaveOptions{Origin: "Eingabe"})
	var conflict *store.ConflictError
	if errors.As(err, &conflict) {
		bf, _ := f.selected()
		err = store.Invalid(fmt.Sprintf("Für %s ist bereits %s gespeichert. Ob der Wert ersetzt werden soll, entscheiden Sie bitte im Formular mit „Wert speichern“.",
			describeKey(f.u.cat, v), report.FormatValue(conflict.Old.Number, conflict.Old.Symbol, bf.Unit)))
	}
	if err != nil {
		f.fail(err)
		return err
	}
	if action == store.Unchanged {
		f.message.SetText("Unverändert: dieser Wert ist bereits gespeichert.")
	} else {
		f.message.SetText("Gespeichert: " + describe(f.u.cat, v))
	}
	f.value.SetText("")
	if f.onSaved != nil {
		f.onSaved()
	}
	return nil
}

func (f *valueForm) label() string {
	return "Wert zu " + f.kf.Code
}
