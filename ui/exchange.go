package ui

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/export"
	"bergischgladbach.de/integrationsmonitor/store"
)

// mailCopySentence says what the e-mail copy is before she picks a folder.
const mailCopySentence = "Das Programm speichert eine geprüfte Kopie dieser Monitoring-Datei mit heutigem Datum im Namen in einem Ordner Ihrer Wahl; diese Kopie können Sie per E-Mail versenden, Ihre Datei bleibt unverändert."

// returnedSentence says what reading a Rückmeldung does before she picks
// a file.
const returnedSentence = "Sie wählen die Kopie, die per E-Mail zurückgekommen ist; das Programm vergleicht sie mit dieser Datei und zeigt jede Abweichung, übernommen wird nur, was Sie danach auswählen."

// showMailCopy writes a dated, checked copy of the open file for e-mail.
func (u *App) showMailCopy() {
	explainFirst(u.win, "Kopie für E-Mail speichern", mailCopySentence, "Ordner wählen …", u.chooseMailFolder)
}

func (u *App) chooseMailFolder() {
	fd := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			return
		}
		u.mailCopyTo(l.Path())
	}, u.win)
	if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(u.st.Path()))); err == nil {
		fd.SetLocation(dir)
	}
	// The folder dialog saves here: its button says so, not "Öffnen".
	germanFileDialog(fd, "Ordner für die Kopie wählen", "Hier speichern")
	fd.Show()
}

// mailCopyTo writes the copy into dir off the UI goroutine; SQLite's
// backup and the check of the copy take seconds for a large file.
func (u *App) mailCopyTo(dir string) {
	st, path := u.st, ""
	u.runJob(job{title: "Kopie wird gespeichert …", file: st.Path(),
		work: func(func(int, int)) error {
			var err error
			path, err = st.CopyForMail(context.Background(), dir, time.Now())
			return err
		},
		done: func(err error) { u.mailCopied(path, err) }})
}

func (u *App) mailCopied(path string, err error) {
	if err != nil {
		u.showError("Kopie", err)
		return
	}
	dialog.ShowInformation("Kopie gespeichert", "Die Kopie wurde geprüft und gespeichert:\n"+path+
		"\n\nSie können diese Datei jetzt per E-Mail an die Statistikdienststelle senden.", u.win)
}

// showReturned asks for a file that came back and shows what differs.
func (u *App) showReturned() {
	explainFirst(u.win, "Rückmeldung einlesen", returnedSentence, "Datei wählen …", u.chooseReturned)
}

func (u *App) chooseReturned() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		u.compareReturned(path)
	}, u.win)
	d.SetFilter(notOpenFile{storage.NewExtensionFileFilter([]string{".sqlite", ".sqlite3", ".db"}), u.st.Path()})
	if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(u.st.Path()))); err == nil {
		d.SetLocation(dir)
	}
	germanFileDialog(d, "Rückmeldung öffnen", "Vergleichen")
	d.Show()
}

// notOpenFile hides the open monitoring file: compared with itself it
// can only be refused, so it is not offered as its own Rückmeldung.
type notOpenFile struct {
	storage.FileFilter
	open string
}

// Matches reports whether u is offered: a monitoring file, not the open one.
func (f notOpenFile) Matches(u fyne.URI) bool {
	return f.FileFilter.Matches(u) && !store.SameFile(u.Path(), f.open)
}

// compareReturned checks and reads the returned file off the UI goroutine,
// then lists the differences.
func (u *App) compareReturned(path string) {
	st := u.st
	var plan *store.MergePlan
	u.runJob(job{title: "Rückmeldung wird verglichen …", file: path,
		work: func(func(int, int)) error {
			var err error
			plan, err = st.CompareReturned(context.Background(), path)
			return err
		},
		done: func(err error) {
			if err != nil {
				u.showError("Rückmeldung", err)
				return
			}
			if !hasValues(plan) && len(plan.NewBreaks)+len(plan.RemovedBreaks) == 0 && len(plan.NewEditions)+len(plan.EditionProblems) > 0 {
				u.offerEditions(plan)
				return
			}
			newMergeDialog(u, plan).show()
		}})
}

// mergeDialog lists the differences of a returned file with a check box
// each: new and changed values are preselected, conflicts and deletions
// must be chosen deliberately.
type mergeDialog struct {
	u      *App
	plan   *store.MergePlan
	checks []*widget.Check
	items  []store.MergeItem
	// applied is called with the number of values taken over (tests).
	applied func(n int, err error)
}

func newMergeDialog(u *App, plan *store.MergePlan) *mergeDialog {
	return &mergeDialog{u: u, plan: plan}
}

func (m *mergeDialog) content() fyne.CanvasObject {
	box := container.NewVBox()
	section := func(title string, items []store.MergeItem, preselect bool) {
		if len(items) == 0 {
			return
		}
		box.Add(heading(fmt.Sprintf("%s (%d)", title, len(items))))
		for _, it := range items {
			text := it.Describe()
			if it.Problem != "" {
				text += " – " + it.Problem
			}
			c := widget.NewCheck(text, nil)
			c.SetChecked(preselect && it.Problem == "")
			if it.Problem != "" {
				c.Disable()
			}
			m.checks = append(m.checks, c)
			m.items = append(m.items, it)
			box.Add(c)
		}
	}
	section("Neue Werte", m.plan.New, true)
	section("Geänderte Werte", m.plan.Changed, true)
	section("Konflikte: auf beiden Seiten geändert (unser Wert → Wert der Rückmeldung)", m.plan.Conflicts, false)
	section("In der Rückmeldung gelöschte Werte", m.plan.Removed, false)
	mergeBreaks(box, m.plan)
	if n := len(m.plan.NewEditions); n > 0 {
		box.Add(para(fmt.Sprintf("Außerdem enthält die Rückmeldung Berichtsfassungen, die diese Datei nicht hat (%d); sie werden nach den Werten zur Übernahme angeboten.", n)))
	}
	if m.plan.Empty() {
		box.Add(para("Die Rückmeldung enthält keine Änderungen gegenüber der geöffneten Datei."))
	}
	return container.NewVScroll(box)
}

func (m *mergeDialog) show() {
	d := dialog.NewCustomConfirm("Rückmeldung: "+filepath.Base(m.plan.File), "Ausgewählte übernehmen", "Abbrechen", m.content(), func(ok bool) {
		if ok {
			m.apply()
		}
	}, m.u.win)
	d.Resize(fyne.NewSize(980, 640))
	d.Show()
}

func (m *mergeDialog) selected() []store.MergeItem {
	var take []store.MergeItem
	for i, c := range m.checks {
		if c.Checked {
			take = append(take, m.items[i])
		}
	}
	return take
}

// apply writes the chosen values in one transaction off the UI goroutine.
func (m *mergeDialog) apply() {
	st, plan, take := m.u.st, m.plan, m.selected()
	n := 0
	m.u.runJob(job{title: "Rückmeldung wird übernommen …", file: plan.File,
		work: func(func(int, int)) error {
			var err error
			n, err = st.ApplyMerge(context.Background(), plan, take)
			return err
		},
		done: func(err error) { m.merged(n, err) }})
}

func (m *mergeDialog) merged(n int, err error) {
	if m.applied != nil {
		m.applied(n, err)
	}
	if err != nil {
		m.u.showError("Rückmeldung", err)
		return
	}
	m.u.rebuildKeepTab()
	dialog.ShowInformation("Rückmeldung übernommen", fmt.Sprintf("%s übernommen. Die Historie nennt „%s“ als Herkunft.", report.FormatValueCount(n), m.plan.Origin()), m.u.win)
	m.u.offerEditions(m.plan)
}

// showExport writes all values (and computed Kennzahlen) for Excel.
func (u *App) showExport() {
	format := widget.NewRadioGroup([]string{"Excel-Arbeitsmappe (.xlsx)", "CSV für Excel (.csv)"}, nil)
	format.SetSelected("Excel-Arbeitsmappe (.xlsx)")
	pp := newPathPicker(u.win, filepath.Dir(u.st.Path()), fmt.Sprintf("Werte_%s", time.Now().Format("2006-01-02")), ".xlsx")
	edition := newExportEdition()
	items := append([]*widget.FormItem{widget.NewFormItem("Format", format), widget.NewFormItem("Fassung", edition)}, pp.items(u.win)...)
	d := dialog.NewForm("Werte exportieren", "Exportieren", "Abbrechen", items, func(ok bool) {
		if !ok {
			return
		}
		csv := strings.HasPrefix(format.Selected, "CSV")
		pp.ext = ".xlsx"
		if csv {
			pp.ext = ".csv"
		}
		path := pp.path()
		internal := edition.Selected == exportInternal
		if internal {
			path = export.InternalName(path)
		}
		confirmWrite(u.win, u.st.Path(), path, func() {
			if err := u.exportEdition(path, csv, internal); err != nil {
				u.showError("Export", err)
				return
			}
			dialog.ShowInformation("Export gespeichert", path, u.win)
		})
	}, u.win)
	d.Resize(fyne.NewSize(700, 320))
	d.Show()
}

func (u *App) export(path string, csv bool) error { return u.exportEdition(path, csv, false) }

// exportEdition writes the published edition, or with internal every
// value (the caller puts export.InternalSuffix into the name).
func (u *App) exportEdition(path string, csv, internal bool) error {
	e, err := u.evaluate()
	if err != nil {
		return err
	}
	writeCSV, writeXLSX := export.WriteCSV, export.WriteXLSX
	if internal {
		writeCSV, writeXLSX = export.WriteInternalCSV, export.WriteInternalXLSX
	}
	return store.WriteFileAtomic(path, func(w io.Writer) error {
		if csv {
			return writeCSV(w, e)
		}
		return writeXLSX(w, e)
	})
}
