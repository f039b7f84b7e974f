package pdf

import (
	"fmt"
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// Outline ids of the front and back matter of issue 14.
const (
	idSummary = "kurz"
	idConcept = "anhang-konzept"
)

// titleMissing is how many missing deliveries the title page names; the
// rest are listed under "Das Wichtigste in Kürze".
const titleMissing = 6

// keyMessages is the page "Das Wichtigste in Kürze" right after the table
// of contents: her key messages or the evaluation's draft, and for an
// Entwurf what is still missing.
func (d *pdfDoc) keyMessages() {
	e := d.in.e
	d.newPage()
	d.heading(idSummary, keepAfter)
	for _, m := range e.KeyMessages {
		d.text(m, textStyle{size: sizeBody + 0.5, indent: 6, after: 3, label: "■"})
	}
	if !e.KeyMessagesOwn {
		d.text("Die Kernaussagen sind aus den Bewertungen der Kennzahlen zusammengestellt.", smallText)
	}
	if e.Draft {
		d.subheading(fmt.Sprintf("Noch fehlende Datenlieferungen für %d", e.Year), 12)
		d.text("Dieser Bericht ist ein Entwurf: Die folgenden Datenlieferungen für das Berichtsjahr fehlen noch ganz oder teilweise.", smallText)
		for _, m := range e.Missing {
			d.text(m.Text(), textStyle{size: sizeSmall, indent: 5, after: 0.8, label: "–"})
		}
	}
}

// draftBox marks the title page of an Entwurf and names the first missing
// deliveries; it returns the y below it.
func (d *pdfDoc) draftBox(y float64) float64 {
	e := d.in.e
	pdf := d.pdf
	lines := []string{fmt.Sprintf("Für %d fehlt noch, ganz oder teilweise:", e.Year)}
	for i, m := range e.Missing {
		if i == titleMissing {
			lines = append(lines, fmt.Sprintf("… und %d weitere (Liste unter „Das Wichtigste in Kürze“)", len(e.Missing)-titleMissing))
			break
		}
		lines = append(lines, "– "+d.fit(m.Name+" ("+m.Owners+")", bodyW-16))
	}
	h := 14 + float64(len(lines))*lineH(9) + 3
	pdf.SetDrawColor(60, 60, 60)
	pdf.SetLineWidth(0.6)
	pdf.SetDashPattern([]float64{2, 1.2}, 0)
	pdf.Rect(marginX, y, bodyW, h, "D")
	pdf.SetDashPattern(nil, 0)
	d.font("B", 16)
	d.cell(marginX+8, y+3, bodyW-16, 8, "Entwurf", "L")
	d.font("", 9)
	for i, l := range lines {
		d.cell(marginX+8, y+13+float64(i)*lineH(9), bodyW-16, lineH(9), l, "L")
	}
	return y + h
}

// impressum is the block at the foot of the title page: Herausgeber,
// Kontakt, Stand.
func (d *pdfDoc) impressum(stand string) {
	e := d.in.e
	rows := []row{{cells: []string{"Herausgeber", e.Publisher}}}
	if e.Contact != "" {
		rows = append(rows, row{cells: []string{"Kontakt", e.Contact}})
	}
	rows = append(rows, row{cells: []string{"Stand", stand}})
	t := table{cols: []column{{width: 28}, {width: 142}}, rows: rows, noHeader: true, size: sizeSmall}
	d.font("", sizeSmall)
	h := 0.0
	for _, r := range rows {
		h += float64(max(1, len(d.wrap(r.cells[1], 140)))) * lineH(sizeSmall) * 1.3
	}
	d.setY(max(d.y()+4, bodyBot-h-6))
	d.table(t)
}

// noValues replaces table and chart of a Kennzahl without any value.
func (d *pdfDoc) noValues(k store.KeyFigure) {
	d.ensure(18)
	y := d.y()
	pdf := d.pdf
	pdf.SetFillColor(240, 240, 240)
	pdf.Rect(marginX, y, bodyW, 14, "F")
	d.font("B", sizeBody)
	d.cell(marginX+4, y+2, bodyW-8, lineH(sizeBody), "Noch keine Werte", "L")
	d.font("", sizeSmall)
	d.cell(marginX+4, y+2+lineH(sizeBody), bodyW-8, lineH(sizeSmall),
		d.fit(NoValuesText(k.Code, d.in.e.Year), bodyW-8), "L")
	d.setY(y + 17)
}

// conceptAnnex prints the concept's wording of every note the report
// prints differently now.
func (d *pdfDoc) conceptAnnex() {
	d.text(conceptIntro, bodyText)
	t := d.conceptTable()
	if len(t.rows) == 0 {
		d.text(conceptUnchanged, smallText)
		return
	}
	d.table(t)
}

// The texts of the annex "Konzept 2011/12".
const (
	conceptIntro = "Die Texte des Integrationskonzepts von 2011/12 sind hier im ursprünglichen Wortlaut wiedergegeben, soweit " +
		"der Bericht sie heute anders druckt: Sätze, die sich auf die damalige Planung bezogen (etwa angekündigte " +
		"Erhebungen), stehen nicht mehr als aktueller Stand in den Kennzahlblättern."
	conceptUnchanged = "Alle Texte werden im Wortlaut des Konzepts gedruckt."
)

func (d *pdfDoc) conceptTable() table {
	t := table{cols: []column{{title: "Stelle", width: 38}, {title: "Wortlaut 2011/12", width: 132}}, size: sizeSmall}
	for _, n := range d.in.conceptNotes() {
		t.rows = append(t.rows, row{cells: []string{noteWhere(n), n.Original}})
	}
	return t
}

// conceptNotes are the changed notes in catalogue order.
func (in *reportInput) conceptNotes() []report.NoteText {
	var out []report.NoteText
	add := func(code, field string) {
		if n := in.e.Note(code, field); n.Original != "" && n.Changed() {
			out = append(out, n)
		}
	}
	for _, f := range in.cat.Fields {
		for _, k := range f.KeyFigures {
			for _, fl := range []string{store.NoteSurveyTime, store.NoteRemarks, store.NoteMigration, store.NoteMethod} {
				add(k.Code, fl)
			}
		}
		add("feld-"+f.Code, store.NoteIndicators)
	}
	add(report.NoteKeySources, store.NoteSources)
	return out
}

func noteWhere(n report.NoteText) string {
	what := map[string]string{
		store.NoteRemarks: "Anmerkungen", store.NoteSurveyTime: "Erhebungszeit", store.NoteMigration: "Migrationshintergrund",
		store.NoteMethod: "Methodische Hinweise", store.NoteIndicators: "Hinweise zu den Wirkungsindikatoren", store.NoteSources: "Datenquellen",
	}[n.Field]
	switch {
	case strings.HasPrefix(n.Code, "feld-"):
		return "Handlungsfeld " + strings.TrimPrefix(n.Code, "feld-") + ": " + what
	case n.Code == report.NoteKeySources:
		return what
	}
	return "Kennzahl " + n.Code + ": " + what
}

// note is the printed wording of a catalogue note.
func (in *reportInput) note(code, field string) string { return in.e.Note(code, field).Text }

// indicatorStates lists the Wirkungsindikatoren with what the report year
// has of each.
func (d *pdfDoc) indicatorStates() {
	if t := d.in.indicatorStatesTable(); len(t.rows) > 0 {
		d.table(t)
	}
}
