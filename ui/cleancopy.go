package ui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"bergischgladbach.de/integrationsmonitor/store"
)

// cleanCopyLabel is the offer made when a file holds objects the program
// did not create (store.ErrForeignObjects).
const cleanCopyLabel = "Bereinigte Kopie speichern…"

// showReadOnly says why st was opened read-only. For foreign objects it
// offers the clean copy, the only way to go on working with the file's
// values without running what someone else added to it.
func (u *App) showReadOnly(st *store.Store) {
	reason := st.ReadOnlyReason()
	if !errors.Is(reason, store.ErrForeignObjects) {
		dialog.ShowInformation("Schreibgeschützt", store.Message(reason), u.win)
		return
	}
	d := dialog.NewCustomConfirm("Nur zum Lesen geöffnet", cleanCopyLabel, "Schließen", para(store.Message(reason)), func(ok bool) {
		if ok {
			u.showCleanCopy()
		}
	}, u.win)
	d.Resize(fyne.NewSize(640, 280))
	d.Show()
}

// showCleanCopy asks for the new file's folder and name. A file of that
// name is never replaced: the suggestion is a free name beside the
// original.
func (u *App) showCleanCopy() {
	st := u.st
	if st == nil {
		return
	}
	dir := filepath.Dir(st.Path())
	base := strings.TrimSuffix(filepath.Base(st.Path()), filepath.Ext(st.Path()))
	pp := newPathPicker(u.win, dir, freeName(dir, base+"_bereinigt.sqlite"), ".sqlite")
	d := dialog.NewForm("Bereinigte Kopie speichern", "Speichern", "Abbrechen", pp.items(u.win), func(ok bool) {
		if ok {
			u.cleanCopyTo(st, pp.path())
		}
	}, u.win)
	d.Resize(fyne.NewSize(640, 220))
	d.Show()
}

// cleanCopyTo writes the copy off the UI goroutine: it copies and checks
// the whole file.
func (u *App) cleanCopyTo(st *store.Store, path string) {
	u.runJob(job{title: "Bereinigte Kopie wird gespeichert …", file: st.Path(),
		work: func(func(int, int)) error { return st.CleanCopy(context.Background(), path) },
		done: func(err error) { u.cleanCopied(path, err) }})
}

// cleanCopied reports the copy and offers to open it in place of the
// read-only original.
func (u *App) cleanCopied(path string, err error) {
	if err != nil {
		u.showError("Bereinigte Kopie", err)
		return
	}
	msg := "Die bereinigte Kopie wurde geprüft und gespeichert:\n" + path +
		"\n\nSie enthält alle Werte und Berichtsfassungen, aber nicht die fremden Objekte. Die ursprüngliche Datei bleibt unverändert. Soll die Kopie jetzt geöffnet werden?"
	dialog.ShowCustomConfirm("Bereinigte Kopie gespeichert", "Kopie öffnen", "Schließen", para(msg), func(ok bool) {
		if ok {
			u.files.open(path)
		}
	}, u.win)
}
