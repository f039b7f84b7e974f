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

	"bergischgladbach.de/integrationsmonitor/report/pdf"
	"bergischgladbach.de/integrationsmonitor/store"
)

// reportDialog asks for the Berichtsjahr's title, author and texts (stored
// in the file), then writes the PDF Monitoring-Bericht off the UI
// goroutine with a progress bar. For a frozen Berichtsjahr it reprints
// the frozen edition, or on request today's values marked as deviating.
type reportDialog struct {
	u                 *App
	title, author     *widget.Entry
	foreword, closing *widget.Entry
	picker            *pathPicker
	format            *widget.RadioGroup // PDF or HTML edition
	// edition is the Berichtsjahr's newest Fassung with its inputs, nil
	// when the year is not frozen; editionErr says why it is unreadable.
	edition    *store.Edition
	editionErr error
	// current prints today's values although the year is frozen.
	current *widget.Check
	// texts are the file's texts (with defaults), shown when current is
	// checked; the frozen edition's are shown otherwise.
	texts store.ReportSettings
	// note is added to the success message (a reprint that differs from
	// the first print).
	note string
	// done is called on the UI goroutine when the PDF is written (tests).
	done func(path string, pages int, err error)
}

func (u *App) showReportDialog() {
	d := newReportDialog(u)
	if d.editionErr != nil {
		u.showError("Bericht", d.editionErr)
		return
	}
	var form []*widget.FormItem
	if ed := d.edition; ed != nil {
		what := fmt.Sprintf("%d. Fassung vom %s", ed.Version, editionDate(*ed))
		if ed.Paper.Drucksache != "" {
			what += ", Drucksache " + ed.Paper.Drucksache
		}
		form = append(form, widget.NewFormItem("", para(fmt.Sprintf("Der Bericht %d ist festgeschrieben (%s). Gedruckt wird die festgeschriebene Fassung.", ed.ReportYear, what))),
			widget.NewFormItem("", d.current))
	}
	form = append(form,
		widget.NewFormItem("Titel", d.title),
		widget.NewFormItem("Verfasst von", d.author),
		widget.NewFormItem("Einleitung", d.foreword),
		widget.NewFormItem("Schlusstext", d.closing))
	form = append(form, widget.NewFormItem("Format", d.format))
	form = append(form, d.picker.items(u.win)...)
	dlg := dialog.NewForm(fmt.Sprintf("Monitoring-Bericht %d erstellen", u.reportYear), "Erstellen", "Abbrechen", form, func(ok bool) {
		if ok {
			confirmWrite(u.win, u.st.Path(), d.picker.path(), d.start)
		}
	}, u.win)
	dlg.Resize(fyne.NewSize(760, 660))
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
	d.texts = set.WithDefaults()
	ed, frozen, err := u.st.LatestEdition(context.Background(), u.reportYear)
	switch {
	case err != nil:
		d.editionErr = err
	case frozen:
		d.edition = &ed
	}
	d.current = widget.NewCheck(fmt.Sprintf("Mit heutigen Werten drucken (abweichend vom festgeschriebenen Bericht %d)", u.reportYear), func(bool) { d.showTexts() })
	d.showTexts()
	dir := filepath.Dir(u.st.Path())
	d.picker = newPathPicker(u.win, dir, fmt.Sprintf("Monitoring-Bericht_%d.pdf", u.reportYear), ".pdf")
	d.format = newFormatChoice(d.picker)
	return d
}

// reprint reports whether the frozen edition is printed.
func (d *reportDialog) reprint() bool { return d.edition != nil && !d.current.Checked }

// showTexts shows the texts that will be printed: a reprint's cannot be
// changed.
func (d *reportDialog) showTexts() {
	set := d.texts
	if d.reprint() {
		in := d.edition.Inputs
		set = in.Texts.Settings.WithDefaults()
		set.Title, set.Author = in.Title, in.Author
	}
	d.title.SetText(set.Title)
	d.author.SetText(set.Author)
	d.foreword.SetText(set.Foreword)
	d.closing.SetText(set.Closing)
	for _, e := range []*widget.Entry{d.title, d.author, d.foreword, d.closing} {
		if d.reprint() {
			e.Disable()
		} else {
			e.Enable()
		}
	}
}

func (d *reportDialog) settings() store.ReportSettings {
	return store.ReportSettings{ReportYear: d.u.reportYear, Title: strings.TrimSpace(d.title.Text), Author: strings.TrimSpace(d.author.Text),
		Foreword: strings.TrimSpace(d.foreword.Text), Closing: strings.TrimSpace(d.closing.Text)}
}

// start saves the texts and reads the data on the UI goroutine, so the PDF
// shows the file as it was when the user clicked, and renders it in a job.
func (d *reportDialog) start() {
	if d.editionErr != nil {
		d.finish("", 0, d.editionErr)
		return
	}
	if d.reprint() {
		d.startReprint()
		return
	}
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
	// small counts: ReportInputs says so, and the report waits until it is fixed.
	in, err := u.currentInputs(u.reportYear)
	if err != nil {
		d.finish("", 0, err)
		return
	}
	in.Texts.Settings = set
	in.Title, in.Author = set.Title, set.Author
	prev, err := u.previousInputs(in)
	if err != nil {
		d.finish("", 0, err)
		return
	}
	opt := pdf.OptionsFor(in, reportFonts)
	if d.edition != nil {
		opt.Deviation = fmt.Sprintf("Abweichend vom festgeschriebenen Bericht %d", u.reportYear)
	}
	d.render(in, prev, opt, "")
}

// startReprint prints the frozen edition from its own inputs, compared
// with the edition its inputs name, so that the reprint is the report the
// Rat received.
func (d *reportDialog) startReprint() {
	ed := d.edition
	prev, err := d.u.st.Compared(context.Background(), ed.Inputs)
	if err != nil {
		d.finish("", 0, err)
		return
	}
	d.render(ed.Inputs, prev, pdf.OptionsFor(ed.Inputs, reportFonts), ed.PDFHash)
}

// render writes the report in a job; with want (the PDF hash recorded
// when freezing) it notes a print that differs from the first one.
func (d *reportDialog) render(in, prev *store.EditionInputs, opt pdf.Options, want string) {
	if d.asHTML() {
		d.renderHTML(in, prev, opt)
		return
	}
	u := d.u
	path := d.picker.path()
	pages, sum := 0, ""
	u.runJob(job{title: "Bericht wird erstellt …", file: path, steps: true,
		work: func(progress func(done, total int)) error {
			opt.Progress = progress
			return store.WriteFileAtomic(path, func(w io.Writer) error {
				var err error
				pages, sum, err = renderHashed(w, in, prev, opt)
				return err
			})
		},
		done: func(err error) {
			d.note = ""
			if err == nil && want != "" && sum != want {
				d.note = "Hinweis: Dieser Ausdruck ist nicht Byte für Byte gleich dem beim Festschreiben gedruckten Bericht, " +
					"wohl weil er mit einer anderen Programmversion erstellt wurde. Werte und Texte sind die festgeschriebenen."
			}
			d.finish(path, pages, err)
		}})
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
	if d.asHTML() {
		msg = fmt.Sprintf("Der Monitoring-Bericht wurde als HTML-Datei für die Website gespeichert:\n%s", path)
	}
	if d.note != "" {
		msg += "\n\n" + d.note
	}
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
