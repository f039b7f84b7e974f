package pdf

import (
	"fmt"
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

func (d *pdfDoc) titlePage() {
	d.newPage()
	pdf := d.pdf
	pdf.SetFillColor(20, 60, 110)
	pdf.Rect(marginX, 40, 4, 70, "F")
	d.font("B", 15)
	d.cell(marginX+10, 42, bodyW-10, 8, "Stadt Bergisch Gladbach", "L")
	d.font("", 11)
	d.cell(marginX+10, 50, bodyW-10, 6, "Integrationskonzept – Integrationsmonitoring", "L")
	d.font("B", 24)
	pdf.SetTextColor(20, 60, 110)
	y := 66.0
	for _, l := range d.wrap(d.opt.Title, bodyW-10) {
		d.cell(marginX+10, y, bodyW-10, 11, l, "L")
		y += 11
	}
	pdf.SetTextColor(0, 0, 0)
	d.font("", 12)
	y += 6
	stand := report.FormatDate(d.opt.Created)
	if len(d.in.e.Values) == 0 {
		stand = "noch keine Werte erfasst"
	}
	for _, l := range []string{
		fmt.Sprintf("Berichtsjahr %d", d.in.e.Year),
		"Stand: " + stand,
	} {
		d.cell(marginX+10, y, bodyW-10, 7, l, "L")
		y += 7
	}
	d.font("", 11)
	for _, l := range d.wrap(d.opt.Author, bodyW-10) {
		d.cell(marginX+10, y+4, bodyW-10, 6, l, "L")
		y += 6
	}
	y += 12
	if d.in.e.Draft {
		y = d.draftBox(y) + 6
	}
	if d.in.e.Demo {
		d.demoBox(max(y, 150))
	}
	d.setY(bodyBot - 40)
	d.impressum(stand)
}

// demoBox is the large stamp of the title page.
func (d *pdfDoc) demoBox(y float64) {
	pdf := d.pdf
	d.font("B", 10)
	explain := d.wrap("Diese Datei enthält erfundene Beispieldaten zum Ausprobieren des Integrationsmonitors. "+
		"Die Zahlen beschreiben nicht die Stadt Bergisch Gladbach und dürfen nicht veröffentlicht werden.", bodyW-16)
	h := 14 + float64(len(explain))*lineH(10) + 4
	pdf.SetDrawColor(190, 20, 20)
	pdf.SetLineWidth(0.8)
	pdf.SetFillColor(253, 236, 236)
	pdf.Rect(marginX, y, bodyW, h, "FD")
	pdf.SetTextColor(190, 20, 20)
	d.font("B", 16)
	d.cell(marginX+8, y+4, bodyW-16, 8, demoStamp, "C")
	d.font("", 10)
	for i, l := range explain {
		d.cell(marginX+8, y+14+float64(i)*lineH(10), bodyW-16, lineH(10), l, "C")
	}
	pdf.SetTextColor(0, 0, 0)
}

func (d *pdfDoc) introduction() {
	d.chapterBreak()
	d.heading(idIntro, keepAfter)
	foreword := strings.TrimSpace(d.in.texts.Settings.Foreword)
	if foreword == "" {
		foreword = fmt.Sprintf("Der Monitoring-Bericht %d zeigt, wie sich die Kennzahlen und Wirkungsindikatoren "+
			"des Integrationskonzepts der Stadt Bergisch Gladbach entwickelt haben. Für jede Kennzahl nennt er "+
			"die Werte der letzten Erhebungszeiten, zeigt ihre Entwicklung in einer Grafik und bewertet sie "+
			"gegen die Zielrichtung des Integrationskonzepts; das Verfahren ist im Anhang beschrieben. "+
			"Für die Wirkungsindikatoren folgen die Berichte, Instrumente und Befragungsergebnisse des Jahres.", d.in.e.Year)
	}
	d.paragraphs(foreword)
	d.heading(idMigration, keepAfter)
	d.migration(d.in.texts.Migration)
}

// paragraphs sets a stored text; an empty line separates paragraphs.
func (d *pdfDoc) paragraphs(s string) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, p := range strings.Split(s, "\n\n") {
		d.text(p, bodyText)
	}
}

func (d *pdfDoc) migration(m *store.MigrationEstimate) {
	if m == nil {
		d.text("Für dieses Berichtsjahr liegt noch keine Stellungnahme der Statistikdienststelle zur Zahl der "+
			"Einwohnerinnen und Einwohner mit Migrationshintergrund vor.", bodyText)
		return
	}
	d.paragraphs(m.Statement)
	if t := migrationTable(m); len(t.rows) > 0 {
		d.table(t)
	}
}

// overview is the table of all Kennzahlen with their latest value,
// followed by the state of the Wirkungsindikatoren (overview_ind.go).
func (d *pdfDoc) overview() {
	d.chapterBreak()
	d.heading(idOverview, keepAfter)
	d.text(overviewIntro(d.in.e.Year), bodyText)
	d.table(d.in.overviewTable())
	d.indicatorStates()
}

// overviewRow is the evaluation's Übersicht row of a Kennzahl.
func (in *reportInput) overviewRow(code string) report.OverviewRow {
	for _, o := range in.e.Overview {
		if o.Code == code {
			return o
		}
	}
	return report.OverviewRow{Code: code, Latest: report.NotComputable, Change: report.NotComputable}
}

func (d *pdfDoc) closing() {
	s := strings.TrimSpace(d.in.texts.Settings.Closing)
	if s == "" {
		return
	}
	d.chapterBreak()
	d.heading(idClosing, keepAfter)
	d.paragraphs(s)
}
