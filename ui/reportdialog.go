package ui

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/pdf"
	"bergischgladbach.de/integrationsmonitor/store"
)

// reportDialog asks for the Berichtsjahr's title, author and texts (stored
// in the file), then writes the PDF Monitoring-Bericht off the UI
// goroutine with a progress bar.
type reportDialog struct {
	u                 *App
	title, author     *widget.Entry
	foreword, closing *widget.Entry
	picker            *pathPicker
	// done is called on the UI goroutine when the PDF is written (tests).
	done func(path string, pages int, err error)
}

func (u *App) showReportDialog() {
	d := newReportDialog(u)
	form := append([]*widget.FormItem{
		widget.NewFormItem("Titel", d.title),
		widget.NewFormItem("Verfasst von", d.author),
		widget.NewFormItem("Einleitung", d.foreword),
		widget.NewFormItem("Schlusstext", d.closing),
	}, d.picker.items(u.win)...)
	dlg := dialog.NewForm(fmt.Sprintf("Monitoring-Bericht %d erstellen", u.reportYear), "Erstellen", "Abbrechen", form, func(ok bool) {
		if ok {
			confirmWrite(u.win, u.st.Path(), d.picker.path(), d.start)
		}
	}, u.win)
	dlg.Resize(fyne.NewSize(760, 620))
	dlg.Show()
}

func newReportDialog(u *App) *reportDialog {
	d := &reportDialog{u: u, title: widget.NewEntry(), author: widget.NewEntry(),
		foreword: widget.NewMultiLineEntry(), closing: widget.NewMultiLineEntry()}
	d.foreword.Wrapping, d.closing.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	d.foreword.SetMinRowsVisible(5)
	d.closing.SetMinRowsVisible(3)
	set, err := u.st.ReportSettings(context.Background(), u.reportYear)
	if err != nil {
		set = store.ReportSettings{ReportYear: u.reportYear}
	}
	// The defaults are shown, so that what the form says is what the PDF prints.
	set = set.WithDefaults()
	d.title.SetText(set.Title)
	d.author.SetText(set.Author)
	d.foreword.SetText(set.Foreword)
	d.closing.SetText(set.Closing)
	dir := filepath.Dir(u.st.Path())
	d.picker = newPathPicker(u.win, dir, fmt.Sprintf("Monitoring-Bericht_%d.pdf", u.reportYear), ".pdf")
	return d
}

func (d *reportDialog) settings() store.ReportSettings {
	return store.ReportSettings{ReportYear: d.u.reportYear, Title: strings.TrimSpace(d.title.Text), Author: strings.TrimSpace(d.author.Text),
		Foreword: strings.TrimSpace(d.foreword.Text), Closing: strings.TrimSpace(d.closing.Text)}
}

// start saves the texts and reads the data on the UI goroutine, so the PDF
// shows the file as it was when the user clicked, and renders it in a job.
func (d *reportDialog) start() {
	ctx := context.Background()
	u := d.u
	set := d.settings()
	if !u.st.ReadOnly() {
		if err := u.st.SaveReportSettings(ctx, set); err != nil {
			d.finish("", 0, err)
			return
		}
	}
	// An invalid kleine_fallzahl must not silently lower the protection of
	// small counts: Settings says so, and the report waits until it is fixed.
	fileSet, err := u.st.Settings(ctx)
	if err != nil {
		d.finish("", 0, err)
		return
	}
	snap, err := u.st.Snapshot(ctx, u.reportYear)
	if err != nil {
		d.finish("", 0, err)
		return
	}
	texts, err := u.st.ReportTexts(ctx, u.reportYear)
	if err != nil {
		d.finish("", 0, err)
		return
	}
	texts.Settings = set
	path := d.picker.path()
	// The Stand comes from the file's newest change, so the same file gives
	// the same PDF.
	opt := pdf.Options{Title: set.Title, Author: set.Author, Created: report.LatestChange(snap, texts),
		Fonts: pdf.Fonts{Regular: assets.FontRegular, Bold: assets.FontBold, Italic: assets.FontItalic}}
	in := report.Input{Snapshot: snap, Texts: texts, Year: u.reportYear, SmallCount: fileSet.SmallCount, Demo: fileSet.Demo}
	pages := 0
	u.runJob(job{title: "Bericht wird erstellt …", file: path, steps: true,
		work: func(progress func(done, total int)) error {
			opt.Progress = progress
			// The same evaluation the window shows, of the file as it was
			// when she clicked.
			e := report.Evaluate(in)
			return store.WriteFileAtomic(path, func(w io.Writer) error {
				var err error
				pages, err = pdf.Write(w, e, texts, opt)
				return err
			})
		},
		done: func(err error) { d.finish(path, pages, err) }})
}

func (d *reportDialog) finish(path string, pages int, err error) {
	if d.done != nil {
		d.done(path, pages, err)
	}
	if err != nil {
		d.u.showError("Bericht", err)
		return
	}
	msg := fmt.Sprintf("Der Monitoring-Bericht wurde gespeichert:\n%s (%d Seiten)", path, pages)
	dialog.ShowCustomConfirm("Bericht erstellt", "Öffnen", "Schließen", para(msg), func(open bool) {
		if open {
			u, err := url.Parse(storage.NewFileURI(path).String())
			if err == nil {
				err = d.u.app.OpenURL(u)
			}
			if err != nil {
				d.u.showError("Öffnen", err)
			}
		}
	}, d.u.win)
}
