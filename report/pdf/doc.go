// Package pdf writes the Monitoring-Bericht as a PDF with gofpdf. It
// presents what package report computes; its charts come from package
// chart, drawn as vectors through a go-chart Renderer on gofpdf
// (chartrender.go).
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"strconv"
	"time"

	"github.com/jung-kurt/gofpdf"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// Options are the choices of one Monitoring-Bericht.
type Options struct {
	Title  string // "" takes the stored title, else store.DefaultReportTitle
	Author string // "" takes the stored author, else store.DefaultReportAuthor
	// Created is the Stand printed on the title page and the PDF's creation
	// date. It is an option rather than the clock so that the same file
	// gives the same bytes; the zero time stands for 1 January after the
	// report year.
	Created time.Time
	Fonts   Fonts
	// Deviation, when set, is printed at the top of every page, e.g.
	// "Abweichend vom festgeschriebenen Bericht 2024": a report made from
	// today's values for a year whose report was frozen must never pass
	// for the one the council received.
	Deviation string
	// Progress is called after each Kennzahl and Wirkungsindikator of
	// both layout passes; total counts both passes.
	Progress func(done, total int)
	// Changes lists what moved since the newest frozen report before this
	// one; the report has the chapter "Änderungen seit dem Bericht J"
	// after the Übersicht when it lists any change, none when it is nil
	// or empty.
	Changes *report.Changes
}

// Fonts are the TrueType files of the report's one font family in its
// three styles. They come from the caller (assets) so that this package
// depends on no embedded files.
type Fonts struct {
	Regular, Bold, Italic []byte
}

// fontFamily is the name the report's fonts are registered under; the
// vector charts (DrawChart) draw with the same name.
const fontFamily = "DejaVu"

// Page geometry in millimetres (A4 portrait, 20 mm margins). The running
// header sits inside the top margin, the footer inside the bottom one.
const (
	pageW     = 210.0
	pageH     = 297.0
	marginX   = 20.0
	bodyTop   = 25.0
	bodyBot   = pageH - 20.0
	bodyW     = pageW - 2*marginX
	headerY   = 12.0
	footerY   = pageH - 14.0
	chartH    = bodyW / 2 // the chart's 2:1 layout grid, its full height
	keepAfter = 30.0      // room a heading needs below it on its page
)

// ErrNoFonts is returned when Options carries no font files.
var ErrNoFonts = errors.New("pdf: fonts missing")

// Write writes the Monitoring-Bericht of evaluation e, with the report
// year's texts, to w and returns its number of pages. Report year,
// Beispieldaten marking and the small-count rule are the evaluation's. The layout is done twice: the first pass
// learns on which page every heading lands and how many pages there are,
// the second prints the table of contents and "Seite X von Y" with those
// numbers. Charts are only drawn in the second pass; the first reserves
// their space.
func Write(w io.Writer, e *report.Evaluation, texts *store.ReportTexts, opt Options) (pages int, err error) {
	if len(opt.Fonts.Regular) == 0 || len(opt.Fonts.Bold) == 0 || len(opt.Fonts.Italic) == 0 {
		return 0, ErrNoFonts
	}
	if e == nil || e.Catalog == nil {
		return 0, errors.New("pdf: evaluation without catalogue")
	}
	if texts == nil {
		texts = &store.ReportTexts{}
	}
	opt = withDefaults(opt, e.Year, texts)
	in, err := prepare(e, texts, opt)
	if err != nil {
		return 0, err
	}
	var prev *passResult
	for pass := 1; pass <= 3; pass++ {
		res, err := render(in, opt, prev, pass)
		if err != nil {
			return 0, err
		}
		// The layout does not depend on the numbers it prints (they sit in
		// fixed-width cells), so the second pass normally confirms the
		// first; a third pass is a safety net, never a loop.
		if prev != nil && res.sameLayout(prev) {
			return res.pages, writeOut(w, res.pdf)
		}
		prev = res
	}
	return 0, errors.New("pdf: page layout does not settle")
}

func withDefaults(opt Options, year int, texts *store.ReportTexts) Options {
	if opt.Title == "" {
		opt.Title = texts.Settings.Title
	}
	if opt.Title == "" {
		opt.Title = store.DefaultReportTitle(year)
	}
	if opt.Author == "" {
		opt.Author = texts.Settings.Author
	}
	if opt.Author == "" {
		opt.Author = store.DefaultReportAuthor
	}
	if opt.Created.IsZero() {
		opt.Created = time.Date(year+1, time.January, 1, 0, 0, 0, 0, time.UTC)
	}
	return opt
}

// passResult is what one layout pass learnt.
type passResult struct {
	pdf      *gofpdf.Fpdf
	pages    int
	headings map[string]anchor // outline id → where its heading landed
}

// anchor is a position in the document.
type anchor struct {
	page int
	y    float64
}

func (r *passResult) sameLayout(o *passResult) bool {
	return r.pages == o.pages && maps.Equal(r.headings, o.headings)
}

// pdfDoc is one layout pass over the report.
type pdfDoc struct {
	pdf   *gofpdf.Fpdf
	in    *reportInput
	opt   Options
	prev  *passResult // the previous pass; nil in the first
	final bool        // charts, page numbers and links are drawn
	seen  map[string]anchor
	links map[string]int
	done  int // sections reported to Progress
	total int
	dry   *dryRun // set while a block is measured (plan.go)
	// The font last set through font, which wrap's cache is keyed by.
	fontStyle string
	fontSize  float64
}

func render(in *reportInput, opt Options, prev *passResult, pass int) (*passResult, error) {
	pdf := gofpdf.New("P", "mm", "A4", "")
	d := &pdfDoc{pdf: pdf, in: in, opt: opt, prev: prev, final: prev != nil,
		seen: map[string]anchor{}, links: map[string]int{}}
	d.total = 2 * in.sections
	switch pass {
	case 1:
	case 2:
		d.done = d.total / 2
	default:
		d.done = d.total // a third pass reports nothing new
	}
	d.setup()
	d.titlePage()
	d.tocPages()
	d.keyMessages()
	d.introduction()
	d.overview()
	d.changes()
	for _, f := range in.cat.Fields {
		d.field(f)
	}
	d.closing()
	d.appendix()
	// No Close here: closing builds the whole file (font subsets,
	// images), which only the pass that is written out needs.
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	for id := range in.outline.byID {
		if _, ok := d.seen[id]; !ok {
			return nil, fmt.Errorf("pdf: heading %q never drawn", id)
		}
	}
	return &passResult{pdf: pdf, pages: pdf.PageNo(), headings: d.seen}, nil
}

func (d *pdfDoc) setup() {
	pdf := d.pdf
	pdf.SetMargins(marginX, bodyTop, marginX)
	// Every break is decided here (headings, tables, charts); gofpdf's own
	// would split a table row or a chart.
	pdf.SetAutoPageBreak(false, pageH-bodyBot)
	pdf.SetCellMargin(0)
	pdf.AddUTF8FontFromBytes(fontFamily, "", d.opt.Fonts.Regular)
	pdf.AddUTF8FontFromBytes(fontFamily, "B", d.opt.Fonts.Bold)
	pdf.AddUTF8FontFromBytes(fontFamily, "I", d.opt.Fonts.Italic)
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(d.opt.Created)
	pdf.SetModificationDate(d.opt.Created)
	pdf.SetTitle(d.opt.Title, true)
	pdf.SetAuthor(d.opt.Author, true)
	pdf.SetSubject(fmt.Sprintf("Integrationsmonitoring der Stadt Bergisch Gladbach, Berichtsjahr %d", d.in.e.Year), true)
	pdf.SetCreator("Integrationsmonitor", true)
	pdf.SetProducer("Integrationsmonitor", true)
	kw := fmt.Sprintf("Integrationsmonitoring, Monitoring-Bericht, Kennzahlen, Wirkungsindikatoren, Bergisch Gladbach, %d", d.in.e.Year)
	if d.in.e.Demo {
		kw += ", Beispieldaten"
	}
	pdf.SetKeywords(kw, true)
	pdf.SetDisplayMode("fullwidth", "continuous")
	pdf.SetHeaderFunc(d.header)
	pdf.SetFooterFunc(d.footer)
}

// demoStamp marks every page of a report on Beispieldaten (issue 4).
const demoStamp = "Beispieldaten – keine echten Zahlen"

func (d *pdfDoc) header() {
	pdf := d.pdf
	if d.in.e.Demo {
		d.font("B", 8)
		pdf.SetTextColor(190, 20, 20)
		d.cell(marginX, headerY-5, bodyW, 4, demoStamp, "R")
	}
	if d.opt.Deviation != "" {
		d.font("B", 8)
		pdf.SetTextColor(190, 20, 20)
		d.cell(marginX, headerY-5, bodyW/2, 4, d.fit(d.opt.Deviation, bodyW/2), "L")
	}
	if pdf.PageNo() > 1 {
		d.font("", 8)
		pdf.SetTextColor(90, 90, 90)
		title := d.fit(d.opt.Title, bodyW-60)
		d.cell(marginX, headerY, bodyW, 4, title, "L")
		pdf.SetDrawColor(160, 160, 160)
		pdf.SetLineWidth(0.2)
		pdf.Line(marginX, headerY+5, pageW-marginX, headerY+5)
	}
	pdf.SetTextColor(0, 0, 0)
	pdf.SetXY(marginX, bodyTop)
}

func (d *pdfDoc) footer() {
	pdf := d.pdf
	if pdf.PageNo() == 1 {
		return
	}
	d.font("", 8)
	pdf.SetTextColor(90, 90, 90)
	pdf.SetDrawColor(160, 160, 160)
	pdf.SetLineWidth(0.2)
	pdf.Line(marginX, footerY-2, pageW-marginX, footerY-2)
	d.cell(marginX, footerY, bodyW/2, 4, "Stadt Bergisch Gladbach · Integrationsmonitoring", "L")
	page := "Seite " + strconv.Itoa(pdf.PageNo())
	if d.final {
		page += " von " + strconv.Itoa(d.prev.pages)
	}
	d.cell(marginX+bodyW/2, footerY, bodyW/2, 4, page, "R")
	pdf.SetTextColor(0, 0, 0)
}

// progress reports one finished Kennzahl or Wirkungsindikator.
func (d *pdfDoc) progress() {
	if d.done < d.total && d.dry == nil {
		d.done++
		if d.opt.Progress != nil {
			d.opt.Progress(d.done, d.total)
		}
	}
}

func writeOut(w io.Writer, pdf *gofpdf.Fpdf) error {
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	out, err := withLang(buf.Bytes(), "de-DE")
	if err != nil {
		return err
	}
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("pdf: write: %w", err)
	}
	return nil
}

// withLang sets the document language, which gofpdf 1.16 cannot: screen
// readers and hyphenating viewers read it from /Lang in the catalogue.
// gofpdf writes the catalogue as the last object before the
// cross-reference table, so inserting into it moves nothing but the
// table, whose offset (startxref) is corrected.
func withLang(pdf []byte, lang string) ([]byte, error) {
	const catalog = "/Type /Catalog\n"
	const startxref = "startxref\n"
	at := bytes.LastIndex(pdf, []byte(catalog))
	sx := bytes.LastIndex(pdf, []byte(startxref))
	xref := bytes.LastIndex(pdf, []byte("\nxref\n"))
	if at < 0 || sx < 0 || xref < at {
		return nil, errors.New("pdf: catalogue not found where expected")
	}
	numEnd := bytes.IndexByte(pdf[sx+len(startxref):], '\n')
	if numEnd < 0 {
		return nil, errors.New("pdf: damaged trailer")
	}
	off, err := strconv.Atoi(string(pdf[sx+len(startxref) : sx+len(startxref)+numEnd]))
	if err != nil {
		return nil, fmt.Errorf("pdf: trailer: %w", err)
	}
	insert := "/Lang (" + lang + ")\n"
	var out bytes.Buffer
	out.Grow(len(pdf) + len(insert) + 4)
	out.Write(pdf[:at+len(catalog)])
	out.WriteString(insert)
	out.Write(pdf[at+len(catalog) : sx+len(startxref)])
	out.WriteString(strconv.Itoa(off + len(insert)))
	out.Write(pdf[sx+len(startxref)+numEnd:])
	return out.Bytes(), nil
}
