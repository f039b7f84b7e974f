package ui

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
	progress          *widget.ProgressBar
	wait              dialog.Dialog
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
		foreword: widget.NewMultiLineEntry(), closing: widget.NewMultiLineEntry(), progress: widget.NewProgressBar()}
	d.foreword.Wrapping, d.closing.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	d.foreword.SetMinRowsVisible(5)
	d.closing.SetMinRowsVisible(3)
	set, err := u.st.ReportSettings(context.Background(), u.reportYear)
	if err == nil {
		d.title.SetText(set.Title)
		d.author.SetText(set.Author)
		d.foreword.SetText(set.Foreword)
		d.closing.SetText(set.Closing)
	}
	if d.title.Text == "" {
		d.title.SetText(fmt.Sprintf("Integrationsmonitoring — Monitoring-Bericht %d", u.reportYear))
	}
	if d.author.Text == "" {
		d.author.SetText("Stabsstelle soziale Stadtentwicklung – Geschäftsführung Integrationsrat")
	}
	dir := filepath.Dir(u.st.Path())
	d.picker = newPathPicker(u.win, dir, fmt.Sprintf("Monitoring-Bericht_%d.pdf", u.reportYear), ".pdf")
	return d
}

func (d *reportDialog) settings() store.ReportSettings {
	return store.ReportSettings{ReportYear: d.u.reportYear, Title: strings.TrimSpace(d.title.Text), Author: strings.TrimSpace(d.author.Text),
		Foreword: strings.TrimSpace(d.foreword.Text), Closing: strings.TrimSpace(d.closing.Text)}
}

// start saves the texts, reads the data on the UI goroutine (the store is
// not shared with the worker) and renders in the background.
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
	opt := pdf.Options{Year: u.reportYear, Title: set.Title, Author: set.Author, Created: report.LatestChange(snap, texts),
		Fonts: pdf.Fonts{Regular: assets.FontRegular, Bold: assets.FontBold, Italic: assets.FontItalic},
		Demo:  u.demo, SmallCount: u.st.SmallCount(ctx), Progress: d.setProgress}
	d.wait = dialog.NewCustomWithoutButtons("Bericht wird erstellt …", container.NewVBox(para(filepath.Base(path)), d.progress), u.win)
	d.wait.Resize(fyne.NewSize(480, 140))
	d.wait.Show()
	go func() {
		pages := 0
		err := writeAtomically(path, func(f *os.File) error {
			var err error
			pages, err = pdf.Write(f, snap, texts, opt)
			return err
		})
		fyne.Do(func() { d.finish(path, pages, err) })
	}()
}

// setProgress may be called from the worker goroutine.
func (d *reportDialog) setProgress(done, total int) {
	if total <= 0 {
		return
	}
	v := float64(done) / float64(total)
	fyne.Do(func() { d.progress.SetValue(v) })
}

func (d *reportDialog) finish(path string, pages int, err error) {
	if d.wait != nil {
		d.wait.Hide()
	}
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
