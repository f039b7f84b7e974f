package pdf

import (
	"fmt"
	"strconv"
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// outlineEntry is a numbered heading of the report. The outline is built
// before any page is laid out, so the table of contents, the bookmarks and
// the headings all take their words from one place.
type outlineEntry struct {
	id    string
	num   string // "4.2"
	title string
	level int // 0 chapter, 1 section
}

func (e outlineEntry) label() string { return strings.TrimSpace(e.num + " " + e.title) }

type outline struct {
	entries []outlineEntry
	byID    map[string]int
}

func (o *outline) add(id, num, title string, level int) {
	o.byID[id] = len(o.entries)
	o.entries = append(o.entries, outlineEntry{id: id, num: num, title: title, level: level})
}

func (o *outline) entry(id string) outlineEntry {
	i, ok := o.byID[id]
	if !ok {
		// A programming error: a heading without an outline entry would be
		// missing from the contents.
		panic("pdf: no outline entry " + id)
	}
	return o.entries[i]
}

// Outline ids of the fixed chapters.
const (
	idIntro     = "einleitung"
	idMigration = "migration"
	idOverview  = "uebersicht"
	idClosing   = "schluss"
	idAppendix  = "anhang"
	idSources   = "anhang-quellen"
	idActors    = "anhang-zustaendigkeiten"
	idMethod    = "anhang-bewertung"
	idSymbols   = "anhang-zeichen"
)

func fieldID(code string) string     { return "feld-" + code }
func goalsID(code string) string     { return "ziele-" + code }
func keyFigureID(code string) string { return "kennzahl-" + code }
func indicatorID(code string) string { return "indikator-" + code }

func buildOutline(cat *store.Catalog, texts *store.ReportTexts, changes *report.Changes) outline {
	o := outline{byID: map[string]int{}}
	n := 0
	chapter := func(id, title string) string {
		n++
		o.add(id, strconv.Itoa(n), title, 0)
		return strconv.Itoa(n)
	}
	// Unnumbered front matter, so that the chapters keep their numbers.
	o.add(idSummary, "", "Das Wichtigste in Kürze", 0)
	chapter(idIntro, "Einleitung")
	chapter(idMigration, "Stellungnahme zum Migrationshintergrund")
	chapter(idOverview, "Übersicht der Kennzahlen")
	if hasChanges(changes) {
		chapter(idChanges, changesTitle(changes))
	}
	for _, f := range cat.Fields {
		c := chapter(fieldID(f.Code), fmt.Sprintf("Handlungsfeld %s: %s", f.Code, f.Title))
		s := 0
		section := func(id, title string) {
			s++
			o.add(id, fmt.Sprintf("%s.%d", c, s), title, 1)
		}
		section(goalsID(f.Code), "Annahmen und Ziele")
		for _, k := range f.KeyFigures {
			section(keyFigureID(k.Code), fmt.Sprintf("Kennzahl %s: %s", k.Code, strings.TrimSpace(k.Statement)))
		}
		for _, w := range f.Indicators {
			section(indicatorID(w.Code), fmt.Sprintf("Wirkungsindikator %s: %s", w.Code, strings.TrimSpace(w.Title)))
		}
	}
	if strings.TrimSpace(texts.Settings.Closing) != "" {
		chapter(idClosing, "Schlussbemerkung")
	}
	c := chapter(idAppendix, "Anhang")
	for i, e := range []struct{ id, title string }{
		{idSources, "Datenquellen"},
		{idActors, "Zuständigkeiten"},
		{idMethod, "Bewertungsverfahren"},
		{idSymbols, "Zeichenerklärung"},
		{idConcept, "Konzept 2011/12"},
	} {
		o.add(e.id, fmt.Sprintf("%s.%d", c, i+1), e.title, 1)
	}
	return o
}

// TOC geometry: the page numbers stand in a fixed column, so that the
// layout of the contents does not depend on the numbers it prints.
const (
	tocIndent = 8.0
	tocNumW   = 11.0
	tocPageW  = 12.0
)

// tocPages prints the table of contents. In the first pass it has no page
// numbers yet, but takes exactly the same room.
func (d *pdfDoc) tocPages() {
	d.newPage()
	d.pdf.Bookmark("Inhaltsverzeichnis", 0, -1)
	d.font("B", sizeH1)
	d.pdf.SetTextColor(20, 60, 110)
	d.cell(marginX, d.y(), bodyW, lineH(sizeH1), "Inhaltsverzeichnis", "L")
	d.pdf.SetTextColor(0, 0, 0)
	d.setY(d.y() + lineH(sizeH1) + 4)
	for _, e := range d.in.outline.entries {
		d.tocEntry(e)
	}
}

func (d *pdfDoc) tocEntry(e outlineEntry) {
	style, size, indent := "", 9.5, tocIndent
	if e.level == 0 {
		style, size, indent = "B", 10.0, 0
	}
	d.font(style, size)
	lh := lineH(size)
	titleW := bodyW - indent - tocNumW - tocPageW - 2
	lines := d.wrap(e.title, titleW)
	h := float64(len(lines)) * lh
	before := 0.6
	if e.level == 0 {
		before = 2.5
	}
	if d.y()+before+h > bodyBot {
		d.newPage()
		before = 0
	}
	d.setY(d.y() + before)
	y := d.y()
	d.font(style, size)
	d.cell(marginX+indent, y, tocNumW, lh, e.num, "L")
	for i, l := range lines {
		d.cell(marginX+indent+tocNumW, y+float64(i)*lh, titleW, lh, l, "L")
	}
	last := y + float64(len(lines)-1)*lh
	if d.final {
		at := d.prev.headings[e.id]
		d.cell(pageW-marginX-tocPageW, last, tocPageW, lh, strconv.Itoa(at.page), "R")
		textEnd := marginX + indent + tocNumW + d.pdf.GetStringWidth(lines[len(lines)-1]) + 1.5
		d.leader(textEnd, pageW-marginX-tocPageW+2, last+lh*0.72)
		link := d.pdf.AddLink()
		d.pdf.SetLink(link, at.y, at.page)
		d.links[e.id] = link
		d.pdf.Link(marginX, y, bodyW, h, link)
	}
	d.setY(y + h)
}

// leader draws the dotted line from an entry to its page number. It is a
// drawing, not text, so that copied contents read "Einleitung 3".
func (d *pdfDoc) leader(x0, x1, y float64) {
	if x1-x0 < 3 {
		return
	}
	pdf := d.pdf
	pdf.SetDrawColor(120, 120, 120)
	pdf.SetLineWidth(0.25)
	pdf.SetLineCapStyle("round")
	pdf.SetDashPattern([]float64{0.01, 1.4}, 0)
	pdf.Line(x0, y, x1, y)
	pdf.SetDashPattern(nil, 0)
	pdf.SetLineCapStyle("butt")
}
