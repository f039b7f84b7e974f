package ui

import (
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report/html"
	"bergischgladbach.de/integrationsmonitor/report/pdf"
	"bergischgladbach.de/integrationsmonitor/store"
)

// The choices of the report dialog's Format: the PDF for print and the
// council, the HTML edition for the city's website, where reports must be
// accessible (BITV 2.0) and a PDF from gofpdf is not.
const (
	formatPDF  = "PDF (zum Drucken)"
	formatHTML = "HTML (barrierearm, für die Website)"
)

// newFormatChoice is the Format radio group; choosing one changes the
// file name's extension.
func newFormatChoice(p *pathPicker) *widget.RadioGroup {
	r := widget.NewRadioGroup([]string{formatPDF, formatHTML}, func(choice string) {
		ext := ".pdf"
		if choice == formatHTML {
			ext = ".html"
		}
		name := strings.TrimSpace(p.name.Text)
		if old := filepath.Ext(name); old != "" {
			name = strings.TrimSuffix(name, old)
		}
		p.ext = ext
		p.name.SetText(name + ext)
	})
	r.Required = true
	r.SetSelected(formatPDF)
	return r
}

// asHTML reports whether the HTML edition was chosen.
func (d *reportDialog) asHTML() bool { return d.format != nil && d.format.Selected == formatHTML }

// renderHTML writes the HTML edition in a job; it has no pages and no
// recorded hash to compare with.
func (d *reportDialog) renderHTML(in, prev *store.EditionInputs, opt pdf.Options) {
	u := d.u
	path := d.picker.path()
	u.runJob(job{title: "Bericht wird erstellt …", file: path,
		work: func(func(done, total int)) error {
			return store.WriteFileAtomic(path, func(w io.Writer) error {
				return html.Render(w, in, prev, html.Options{Title: opt.Title, Author: opt.Author, Created: opt.Created, Deviation: opt.Deviation})
			})
		},
		done: func(err error) {
			d.note = ""
			d.finish(path, 0, err)
		}})
}
