package pdf

import (
	"fmt"
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/chart"
)

// breakdowns prints what a Kennzahl sheet shows beyond its own series:
// the tables Insgesamt / Frauen / Männer (and the age groups, the
// Stimmbezirke) over the years with a small chart of the headline series
// by sex, the distribution of the Abschlussarten with a stacked chart, and
// the per-school table. Every printed value is a published grid Cell.
func (d *pdfDoc) breakdowns(code string) {
	e := d.in.e
	kr, ok := e.KeyFigure(code)
	if !ok {
		return
	}
	unit := unitNote(kr.KeyFigure.Unit)
	charted := false
	for _, b := range e.Breakdowns(code) {
		d.table(breakdownTable(b, unit))
		if b.Kind == report.BreakdownSex && !charted {
			charted = true
			d.smallChart(breakdownSpec(kr, b, e.Demo))
		}
	}
	if dist, ok := e.Distribution(code); ok {
		d.distribution(dist)
	}
	for _, t := range e.SchoolTables(code) {
		d.table(schoolTable(t))
	}
}

// breakdownTable is one Breakdown: a row per period, a column per part.
func breakdownTable(b report.Breakdown, unit string) table {
	caption := b.Title
	if unit != "" {
		caption += " (" + unit + ")"
	}
	t := table{caption: caption, cols: []column{{title: "Erhebungszeit", width: periodColW}}}
	for _, c := range b.Columns {
		t.cols = append(t.cols, column{title: c.Label, width: (bodyW - periodColW) / float64(len(b.Columns)), align: "R"})
	}
	hidden := false
	for _, r := range b.Rows {
		cells := []string{r.Period.Label()}
		for _, c := range r.Cells {
			cells = append(cells, c.Published)
			hidden = hidden || c.Hidden
		}
		t.rows = append(t.rows, row{cells: cells})
	}
	switch b.Kind {
	case report.BreakdownDistrict:
		t.note = "Die Briefwahl zählt die Wahlberechtigten mit Wahlschein; ihr Stimmbezirk zählt sie nicht noch einmal, so dass die Teile zusammen die Stadt ergeben."
	case report.BreakdownSex:
		t.note = "Dieselbe Rechnung wie für die Kennzahl, nur mit den Zahlen der Frauen bzw. der Männer."
	}
	if hidden {
		t.note = strings.TrimSpace(t.note + " Ein Punkt (.) steht für einen Wert, der aus einer zu kleinen Fallzahl berechnet wäre.")
	}
	return t
}

// breakdownSpec is the small chart of a breakdown: the whole and the parts
// as lines over all periods.
func breakdownSpec(kr *report.KeyFigureResult, b report.Breakdown, demo bool) chart.Spec {
	s := chart.Spec{Title: fmt.Sprintf("Kennzahl %s: %s", kr.KeyFigure.Code, b.Title), Unit: kr.KeyFigure.Unit, Demo: demo}
	for _, c := range b.Columns {
		s.Series = append(s.Series, report.SeriesResult(c))
	}
	return s
}

// smallChart draws a chart at two thirds of the body width, at the
// chart's own 2:1 aspect.
func (d *pdfDoc) smallChart(spec chart.Spec) {
	w := bodyW * 2 / 3
	h := w / 2
	d.ensure(h + 3)
	y := d.y()
	if d.final {
		if err := DrawChart(d.pdf, spec, marginX, y, w, h); err != nil {
			d.pdf.SetError(err)
		}
	}
	d.setY(y + h + 3)
}

// distribution prints the counts and shares of each Abschlussart for
// Insgesamt, Deutsche and Ausländer/innen, the Repräsentationsindex per
// Abschlussart, and a stacked bar per group.
func (d *pdfDoc) distribution(dist report.Distribution) {
	t := table{caption: fmt.Sprintf("%s, %s (Anzahl; in Klammern Anteil in %%)", dist.Title, dist.Period.Label()),
		cols: []column{{title: "Abschlussart", width: 50}}}
	w := (bodyW - 50) / float64(len(dist.Rows)+1)
	for _, r := range dist.Rows {
		t.cols = append(t.cols, column{title: r.GroupName, width: w, align: "R"})
	}
	t.cols = append(t.cols, column{title: "Index Ausländer/innen", width: w, align: "R"})
	for i, p := range dist.Parts {
		cells := []string{p}
		for _, r := range dist.Rows {
			cells = append(cells, r.Counts[i].Published+" ("+r.Shares[i].Published+")")
		}
		t.rows = append(t.rows, row{cells: append(cells, dist.Index[i].Published)})
	}
	cells := []string{"Insgesamt"}
	for _, r := range dist.Rows {
		cells = append(cells, r.Total.Published)
	}
	t.rows = append(t.rows, row{cells: append(cells, "1,00"), bold: true})
	t.note = "Index: der Repräsentationsindex, der Anteil der Ausländer/innen an den Abgänger/innen einer Abschlussart geteilt durch ihren Anteil an allen Abgänger/innen; 1,00 heißt, die Abschlussart wird unabhängig von der Staatsangehörigkeit erreicht."
	d.table(t)
	d.stackedBars(dist)
}

// stackColors run from dark (no Abschluss) to light (Hochschulreife).
var stackColors = [][3]int{{170, 60, 50}, {225, 140, 70}, {120, 160, 200}, {40, 90, 150}}

// stackedBars draws a 100 % bar per citizenship group, segmented by the
// shares of the parts, with a legend; a group with a hidden or missing
// share gets no bar.
func (d *pdfDoc) stackedBars(dist report.Distribution) {
	const barH, gap, labelW = 7.0, 3.0, 32.0
	rows := dist.Rows[1:] // Deutsche, Ausländer/innen: the comparison the concept asks for
	h := float64(len(rows))*(barH+gap) + 17
	d.ensure(h)
	y := d.y()
	if d.final {
		pdf := d.pdf
		pdf.SetFont(fontFamily, "", sizeSmall)
		for i, r := range rows {
			by := y + float64(i)*(barH+gap)
			pdf.SetTextColor(0, 0, 0)
			pdf.Text(marginX, by+barH*0.65, r.GroupName)
			x := marginX + labelW
			complete := true
			for _, s := range r.Shares {
				complete = complete && s.OK && !s.Hidden
			}
			if !complete {
				pdf.Text(x, by+barH*0.65, "nicht darstellbar (Werte fehlen oder sind verborgen)")
				continue
			}
			for j, s := range r.Shares {
				segW := (bodyW - labelW) * s.Point.Value / 100
				c := stackColors[j%len(stackColors)]
				pdf.SetFillColor(c[0], c[1], c[2])
				pdf.Rect(x, by, segW, barH, "F")
				if segW > 8 {
					pdf.SetTextColor(255, 255, 255)
					pdf.Text(x+1, by+barH*0.65, report.FormatNumber(s.Point.Value, 0)+" %")
				}
				x += segW
			}
		}
		ly := y + float64(len(rows))*(barH+gap) + 2
		x := marginX + labelW
		pdf.SetTextColor(0, 0, 0)
		for j, p := range dist.Parts {
			if x+4+pdf.GetStringWidth(p) > marginX+bodyW {
				x, ly = marginX+labelW, ly+5
			}
			c := stackColors[j%len(stackColors)]
			pdf.SetFillColor(c[0], c[1], c[2])
			pdf.Rect(x, ly, 3, 3, "F")
			pdf.Text(x+4, ly+2.6, p)
			x += 4 + pdf.GetStringWidth(p) + 5
		}
		pdf.SetTextColor(0, 0, 0)
	}
	d.setY(y + h)
}

// schoolTable is the per-school table of B-K1/B-K2.
func schoolTable(s report.SchoolTable) table {
	t := table{caption: s.Title, cols: []column{{title: "Schule", width: 60}}}
	for _, c := range s.Columns {
		t.cols = append(t.cols, column{title: c, width: (bodyW - 60) / float64(len(s.Columns)), align: "R"})
	}
	for _, r := range s.Rows {
		cells := []string{r.Name}
		for _, c := range r.Cells {
			cells = append(cells, c.Published)
		}
		t.rows = append(t.rows, row{cells: cells, bold: r.Sum})
	}
	t.note = "Der Wert der Stadt ist die Summe der Schulen. Ein Punkt (.) steht für eine zu kleine Fallzahl."
	return t
}
