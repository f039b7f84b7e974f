package html

import (
	"fmt"
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/pdf"
	"bergischgladbach.de/integrationsmonitor/store"
)

func (d *doc) indicator(w store.ImpactIndicator) {
	d.heading("indikator-" + w.Code)
	seed := strings.TrimSpace(w.Text)
	if len(w.Items) > 0 {
		seed += "\n" + strings.Join(w.Items, "\n")
	}
	d.printf("<p class=\"note\">Indikator laut Integrationskonzept: %s</p>\n", strings.ReplaceAll(esc(seed), "\n", "<br>\n"))
	d.printf("<h4>Bericht %d</h4>\n", d.e.Year)
	if text := strings.TrimSpace(d.texts.Texts[w.Code].Text); text == "" {
		d.note("Für dieses Berichtsjahr liegt noch kein Bericht vor.")
	} else {
		d.para(text)
	}
	list := d.texts.Instruments[w.Code]
	if w.Instruments || len(list) > 0 {
		d.instruments(list)
	}
	switch w.Kind {
	case store.Participation:
		tables := pdf.ParticipationTables(d.e, w.Code)
		if len(tables) == 0 {
			d.note(fmt.Sprintf("Für die Jahre %d bis %d liegen für diesen Indikator keine Zahlen vor.",
				d.e.Year-report.ParticipationYears+1, d.e.Year))
		}
		for _, t := range tables {
			d.table(t)
		}
	case store.Survey:
		d.survey(w.Code)
	}
	d.end()
}

func (d *doc) instruments(list []store.Instrument) {
	if len(list) == 0 {
		d.note(fmt.Sprintf("Für %d sind keine Instrumente erfasst.", d.e.Year))
		return
	}
	d.table(d.x.Instruments(list))
}

// survey is the table of the Integrationskonferenz survey and its chart,
// as in the PDF.
func (d *doc) survey(code string) {
	sc := d.e.Survey
	cur, prev := sc.Current, sc.Previous
	if cur == nil {
		d.note(fmt.Sprintf("Für %d sind keine Befragungsergebnisse erfasst.", d.e.Year))
		if prev == nil {
			return
		}
	}
	d.table(d.x.Survey())
	if cur != nil {
		d.surveyChart("chart-"+code, *cur, prev)
	}
}

// appendix is the PDF's annex, from the same builders.
func (d *doc) appendix() {
	a := d.x.Annex()
	d.heading("anhang")
	d.heading("anhang-quellen")
	d.para("Datenquellen, die das Integrationskonzept nennt:")
	a.Sources.Caption = "Datenquellen des Integrationskonzepts"
	d.table(a.Sources)
	d.table(a.ValueSources)
	d.end()
	d.heading("anhang-zustaendigkeiten")
	a.Responsibilities.Caption = "Zuständigkeiten und Datenlieferungen"
	d.table(a.Responsibilities)
	d.end()
	d.heading("anhang-bewertung")
	for _, p := range a.Method {
		d.para(p)
	}
	d.table(a.Levels)
	d.printf("<h4>Geheimhaltung</h4>\n")
	for _, p := range a.Secrecy {
		d.para(p)
	}
	d.end()
	d.heading("anhang-zeichen")
	a.Symbols.Caption = "Zeichenerklärung"
	d.table(a.Symbols)
	d.note(a.SymbolsNote)
	d.end()
	d.heading("anhang-konzept")
	d.para(a.ConceptIntro)
	if len(a.Concept.Rows) == 0 {
		d.note(a.ConceptUnchanged)
	} else {
		a.Concept.Caption = "Texte des Integrationskonzepts 2011/12 im ursprünglichen Wortlaut"
		d.table(a.Concept)
	}
	d.end()
	d.findings()
	d.end()
}

// table writes t with a caption, header cells with their scope, and the
// first cell of each row as the row's header.
func (d *doc) table(t pdf.Table) {
	if len(t.Rows) == 0 {
		return
	}
	d.printf("<div class=\"table\"><table>\n")
	if t.Caption != "" {
		d.printf("<caption>%s</caption>\n", esc(t.Caption))
	}
	if !t.NoHeader && len(t.Columns) > 0 {
		d.printf("<thead>\n")
		if len(t.Bands) > 0 {
			d.printf("<tr>")
			col := 0
			for _, b := range t.Bands {
				if b.From > col {
					d.printf("<td colspan=\"%d\"></td>", b.From-col)
				}
				d.printf("<th scope=\"colgroup\" colspan=\"%d\">%s</th>", b.To-b.From, esc(b.Title))
				col = b.To
			}
			if col < len(t.Columns) {
				d.printf("<td colspan=\"%d\"></td>", len(t.Columns)-col)
			}
			d.printf("</tr>\n")
		}
		d.printf("<tr>")
		for i, c := range t.Columns {
			d.printf("<th scope=\"col\"%s>%s</th>", d.numClass(t, i), esc(strings.ReplaceAll(c, "\u00ad", "")))
		}
		d.printf("</tr>\n</thead>\n")
	}
	d.printf("<tbody>\n")
	cols := max(len(t.Columns), 1)
	for _, r := range t.Rows {
		if r.Group {
			d.printf("<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"%d\">%s</th></tr>\n", cols, esc(strings.Join(r.Cells, " ")))
			continue
		}
		cls := ""
		if r.Bold {
			cls = " class=\"sum\""
		}
		d.printf("<tr%s>", cls)
		for i, c := range r.Cells {
			text := strings.ReplaceAll(esc(strings.ReplaceAll(c, "\u00ad", "")), "\n", "<br>")
			if i == 0 {
				d.printf("<th scope=\"row\">%s</th>", text)
				continue
			}
			d.printf("<td%s>%s</td>", d.numClass(t, i), text)
		}
		d.printf("</tr>\n")
	}
	d.printf("</tbody>\n</table></div>\n")
	if t.Note != "" {
		d.note(t.Note)
	}
}

func (d *doc) numClass(t pdf.Table, i int) string {
	if i < len(t.Numeric) && t.Numeric[i] {
		return " class=\"num\""
	}
	return ""
}

// css is the whole style: system fonts, readable line length, tables
// that scroll sideways on a phone rather than squeezing their figures.
const css = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff;max-width:60rem;margin:0 auto;padding:1rem}
h1,h2,h3{color:#143c6e;line-height:1.25}
h2{border-bottom:2px solid #143c6e;padding-bottom:.2rem;margin-top:2.5rem}
h3{margin-top:2rem}
a{color:#0a4a8c}
.draft{border:2px dashed #3c3c3c;padding:.6rem;margin:1rem 0}
.draft-title{font-size:1.3rem;margin:0}
.novalues{background:#f0f0f0;padding:.5rem 1rem;margin:1rem 0}
.impressum dt{font-weight:bold}
.impressum dd{margin:0 0 .4rem 0}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
.stamp{border:2px solid #be1414;background:#fdecec;color:#8a0e0e;padding:.6rem}
.note{font-size:.92rem;color:#444}
.table{overflow-x:auto}
table{border-collapse:collapse;margin:1rem 0;font-size:.92rem}
caption{text-align:left;font-weight:bold;padding:.3rem 0}
th,td{border:1px solid #b4b4b4;padding:.25rem .5rem;vertical-align:top;text-align:left}
thead th{background:#e8ecf2}
tbody th{font-weight:normal}
tr.group th{background:#f2f2f2;font-weight:bold}
tr.sum th,tr.sum td{font-weight:bold}
.num{text-align:right;white-space:nowrap}
figure{margin:1rem 0}
figure svg{width:100%;height:auto;max-width:50rem;display:block}
figcaption{font-size:.92rem}
figcaption ul{margin:.3rem 0;padding-left:1.2rem}
ol.toc ol{list-style:none;padding-left:1rem}
`
