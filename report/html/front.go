package html

import (
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/pdf"
)

// titleMissing is how many missing deliveries the Entwurf box names, as on
// the PDF's title page; the rest are listed under "Das Wichtigste in
// Kürze".
const titleMissing = 6

// titlePage is the PDF's title page: the Beispieldaten stamp, title,
// Berichtsjahr and Stand, the Entwurf box with what is missing and the
// Impressum.
func (d *doc) titlePage() {
	e := d.e
	d.printf("<header>\n")
	if e.Demo {
		d.printf("<p class=\"stamp\" role=\"note\"><strong>Beispieldaten – keine echten Zahlen.</strong> Diese Datei enthält erfundene Beispieldaten zum Ausprobieren des Integrationsmonitors. Die Zahlen beschreiben nicht die Stadt Bergisch Gladbach und dürfen nicht veröffentlicht werden.</p>\n")
	}
	if d.opt.Deviation != "" {
		d.printf("<p class=\"stamp\" role=\"note\"><strong>%s</strong></p>\n", esc(d.opt.Deviation))
	}
	d.printf("<p>Stadt Bergisch Gladbach · Integrationskonzept – Integrationsmonitoring</p>\n")
	d.printf("<h1>%s</h1>\n", esc(d.opt.Title))
	stand := report.FormatDate(d.opt.Created)
	if len(e.Values) == 0 {
		stand = "noch keine Werte erfasst"
	}
	d.printf("<p>Berichtsjahr %d · Stand: %s<br>%s</p>\n", e.Year, esc(stand), esc(d.opt.Author))
	if e.Draft {
		d.printf("<div class=\"draft\" role=\"note\" aria-labelledby=\"entwurf\">\n<p id=\"entwurf\" class=\"draft-title\"><strong>Entwurf</strong></p>\n")
		d.printf("<p>Für %d fehlt noch, ganz oder teilweise:</p>\n<ul>\n", e.Year)
		for i, m := range e.Missing {
			if i == titleMissing {
				d.printf("<li>… und %d weitere (<a href=\"#kurz\">Liste unter „Das Wichtigste in Kürze“</a>)</li>\n", len(e.Missing)-titleMissing)
				break
			}
			d.printf("<li>%s (%s)</li>\n", esc(m.Name), esc(m.Owners))
		}
		d.printf("</ul>\n</div>\n")
	}
	d.printf("<dl class=\"impressum\">\n<dt>Herausgeber</dt><dd>%s</dd>\n", strings.ReplaceAll(esc(e.Publisher), "\n", "<br>"))
	if e.Contact != "" {
		d.printf("<dt>Kontakt</dt><dd>%s</dd>\n", strings.ReplaceAll(esc(e.Contact), "\n", "<br>"))
	}
	d.printf("<dt>Stand</dt><dd>%s</dd>\n</dl>\n</header>\n", esc(stand))
}

// keyMessages is "Das Wichtigste in Kürze": her key messages or the
// evaluation's draft, and for an Entwurf what is still missing.
func (d *doc) keyMessages() {
	e := d.e
	d.heading("kurz")
	if len(e.KeyMessages) > 0 {
		d.printf("<ul class=\"key\">\n")
		for _, m := range e.KeyMessages {
			d.printf("<li>%s</li>\n", esc(m))
		}
		d.printf("</ul>\n")
	}
	if !e.KeyMessagesOwn {
		d.note("Die Kernaussagen sind aus den Bewertungen der Kennzahlen zusammengestellt.")
	}
	if e.Draft {
		d.printf("<h3>Noch fehlende Datenlieferungen für %d</h3>\n", e.Year)
		d.note("Dieser Bericht ist ein Entwurf: Die folgenden Datenlieferungen für das Berichtsjahr fehlen noch ganz oder teilweise.")
		d.printf("<ul>\n")
		for _, m := range e.Missing {
			d.printf("<li>%s</li>\n", esc(m.Text()))
		}
		d.printf("</ul>\n")
	}
	d.end()
}

// findingRules name a plausibility rule without the numbers it compared:
// a finding's own text quotes the values, which may be hidden ones.
var findingRules = map[report.Rule]string{
	report.RulePartWhole:   "Teil größer als das Ganze",
	report.RuleShare:       "Zähler größer als Nenner",
	report.RuleWholeNumber: "Anzahl nicht ganzzahlig",
	report.RuleNegative:    "negative Zahl",
	report.RulePercent:     "Anteil über 100\u00a0%",
	report.RuleChange:      "sprunghafte Veränderung gegenüber dem letzten gleichartigen Zeitraum",
}

// findings is the annex "Plausibilitätshinweise": where a value is
// questioned and by which rule.
func (d *doc) findings() {
	fs := d.e.Findings
	if len(fs) == 0 {
		return
	}
	d.heading("anhang-plausibilitaet")
	d.para(pdf.FindingsIntro(len(fs)))
	t := pdf.Table{Caption: "Offene Plausibilitätshinweise", Columns: []string{"Kennzahl", "Grundzahl", "Erhebungszeit", "Bezirk", "Gruppe", "Hinweis"}}
	for _, f := range fs {
		rule := findingRules[f.Rule]
		if rule == "" {
			rule = string(f.Rule)
		}
		t.Rows = append(t.Rows, pdf.TableRow{Cells: []string{f.KeyFigure, f.BaseFigureName, f.PeriodLabel(), f.AreaName, f.GroupName, rule}})
	}
	d.table(t)
	d.end()
}
