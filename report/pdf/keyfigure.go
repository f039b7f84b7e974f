package pdf

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/chart"
	"bergischgladbach.de/integrationsmonitor/store"
)

// recentCount is how many periods the value tables show (issue 6: "the
// last periods"); the chart shows the whole series.
const recentCount = 6

// periodColW is the width of the Erhebungszeit column: "Schuljahr
// 2024/25" and "2. Halbjahr 2024" on one line.
const periodColW = 29.0

// maxValueCols keeps a table of Grundzahlen legible on A4 portrait; more
// groups go into a further table.
const maxValueCols = 6

func (d *pdfDoc) field(f store.Field) {
	d.newPage()
	d.heading(fieldID(f.Code), keepAfter)
	d.heading(goalsID(f.Code), keepAfter)
	if len(f.Assumptions) > 0 {
		d.subheading("Annahmen", 12)
		for _, a := range f.Assumptions {
			d.text(a.Text, textStyle{size: sizeBody, indent: 7, after: 1.5, label: fmt.Sprintf("%d.", a.Num)})
		}
	}
	goals := slices.Clone(f.Goals)
	slices.SortStableFunc(goals, func(a, b store.Goal) int { return cmp.Or(cmp.Compare(a.Rank, b.Rank), strings.Compare(a.Code, b.Code)) })
	if len(goals) > 0 {
		d.subheading("Ziele nach Rang", 12)
		d.text("Rang 1 bezeichnet die wichtigsten und dringlichsten Ziele.", smallText)
		for _, g := range goals {
			title := fmt.Sprintf("%s %s (Rang %d)", g.Code, g.Title, g.Rank)
			d.ensure(d.textHeight(title, textStyle{style: "B", size: sizeBody}) + 2*lineH(sizeBody))
			d.text(title, textStyle{style: "B", size: sizeBody, after: 0.5})
			d.text(g.Text, textStyle{size: sizeBody, indent: 7, after: 2.5})
		}
	}
	for _, k := range f.KeyFigures {
		d.keyFigure(k)
	}
	for i, w := range f.Indicators {
		if i == 0 {
			d.newPage()
		}
		d.indicator(w)
	}
	if len(f.IndicatorNotes) > 0 {
		d.subheading("Hinweise zu den Wirkungsindikatoren", 12)
		for _, n := range f.IndicatorNotes {
			d.text(n, textStyle{size: sizeBody, indent: 5, after: 1.5, label: "–"})
		}
	}
}

// keyFigure is the sheet of one Kennzahl; each starts on a new page, like
// the indicator sheets of established municipal monitorings.
func (d *pdfDoc) keyFigure(k store.KeyFigure) {
	r := d.in.results[k.Code]
	if !d.atTop() {
		d.newPage()
	}
	d.heading(keyFigureID(k.Code), keepAfter)
	var headline []report.Point
	if len(r.Series) > 0 {
		headline = r.Series[0].Points
	}
	periods := recentPeriods(headline, d.opt.Year, recentCount)
	if len(periods) == 0 {
		d.text("Für diese Kennzahl liegen noch keine Werte vor.", bodyText)
	} else {
		d.table(seriesTable(r, periods))
	}
	d.chart(chart.SpecFor(r, d.opt.Demo))
	a := r.Assessment
	d.ensure(3 * lineH(sizeBody))
	d.text(fmt.Sprintf("Bewertung: %s %s", a.Level.Symbol(), a.Level.Label()), textStyle{style: "B", size: sizeBody, after: 1})
	d.text(r.Sentence, bodyText)
	d.text(a.Text, smallText)
	facts := &valueFacts{}
	if len(periods) > 0 {
		for _, t := range d.baseTables(k, periods, facts) {
			d.table(t)
		}
	}
	d.table(d.detailsTable(k, *facts))
	d.progress()
}

// seriesTable holds the computed values of the last periods: the series
// (groups) and the reference as columns.
func seriesTable(r report.Result, periods []store.Period) table {
	k := r.KeyFigure
	t := table{caption: "Werte der Kennzahl", cols: []column{{title: "Erhebungszeit", width: periodColW}}}
	lines := slices.Clone(r.Series)
	titles := []string{}
	for _, s := range r.Series {
		titles = append(titles, s.Label)
	}
	if r.Reference != nil {
		lines = append(lines, *r.Reference)
		titles = append(titles, "Referenz: "+r.Reference.Label)
	}
	for _, title := range titles {
		t.cols = append(t.cols, column{title: title, width: (bodyW - periodColW) / float64(len(titles)), align: "R"})
	}
	unit := unitNote(k.Unit)
	if unit != "" {
		t.caption += " (" + unit + ")"
	}
	var notes []string
	for _, p := range periods {
		cells := []string{p.Label()}
		var reasons []string
		for _, s := range lines {
			pt, ok := pointAt(s.Points, p)
			if !ok {
				cells = append(cells, report.NotComputable)
				continue
			}
			cells = append(cells, pointCell(pt, k.Unit))
			if !pt.OK && !slices.Contains(reasons, pt.Reason) {
				reasons = append(reasons, pt.Reason)
			}
		}
		t.rows = append(t.rows, row{cells: cells})
		// The reasons of one period mostly differ only in the group; the
		// first one says what is missing.
		switch len(reasons) {
		case 0:
		case 1:
			notes = append(notes, p.Label()+": "+reasons[0])
		default:
			notes = append(notes, p.Label()+": "+reasons[0]+" u. a.")
		}
	}
	if len(notes) > 0 {
		t.note = fullStop("Nicht berechenbar (–): " + joinNotes(notes))
	}
	return t
}

func pointAt(pts []report.Point, p store.Period) (report.Point, bool) {
	for _, pt := range pts {
		if pt.Period == p {
			return pt, true
		}
	}
	return report.Point{}, false
}

// unitNote says in words what the numbers of a unit are.
func unitNote(unit string) string {
	switch unit {
	case "%":
		return "Anteile in Prozent"
	case "Prozentpunkte":
		return "Differenzen in Prozentpunkten (Pp.)"
	case "Index":
		return "Index"
	case "Verhältnis":
		return "Verhältnis"
	case "Anzahl":
		return "Anzahl"
	}
	return unit
}

// baseColumn is one Grundzahl and group of a table of Grundzahlen.
type baseColumn struct {
	bf     store.BaseFigure
	shared bool
	group  string
}

// baseTables hold the delivered Grundzahlen of the last periods at the
// Kennzahl's Statistischer Bezirk, groups as columns under their Grundzahl.
func (d *pdfDoc) baseTables(k store.KeyFigure, periods []store.Period, facts *valueFacts) []table {
	area := cmp.Or(k.Area, report.DefaultArea)
	var chunks [][]baseColumn
	var cur []baseColumn
	add := func(bf store.BaseFigure, shared bool) {
		if len(cur) > 0 && len(cur)+len(bf.Groups) > maxValueCols {
			chunks, cur = append(chunks, cur), nil
		}
		for _, g := range bf.Groups {
			if len(cur) == maxValueCols {
				chunks, cur = append(chunks, cur), nil
			}
			cur = append(cur, baseColumn{bf: bf, shared: shared, group: g})
		}
	}
	for _, bf := range k.BaseFigures {
		add(bf, false)
	}
	for _, bf := range report.SharedRefs(d.in.cat, k) {
		add(bf, true)
	}
	if len(cur) > 0 {
		chunks = append(chunks, cur)
	}
	var out []table
	for i, cols := range chunks {
		t := table{caption: "Grundzahlen – " + d.in.cat.AreaName(area), cols: []column{{title: "Erhebungszeit", width: periodColW}}}
		colW := (bodyW - periodColW) / float64(len(cols))
		if i > 0 {
			t.caption += " (Fortsetzung)"
		}
		for j, c := range cols {
			t.cols = append(t.cols, column{title: d.in.groupLabel(c.group), width: colW, align: "R"})
			if j == 0 || cols[j-1].bf.Code != c.bf.Code {
				title := c.bf.Name
				if c.bf.PeriodKind != periods[0].Kind() {
					title += " (" + matchNote(c.bf.PeriodKind) + ")"
				}
				t.bands = append(t.bands, band{title: title, from: j + 1, to: j + 2})
			} else {
				t.bands[len(t.bands)-1].to = j + 2
			}
		}
		for _, p := range periods {
			cells := []string{p.Label()}
			for _, c := range cols {
				v, ok := d.in.value(c.bf, c.shared, area, c.group, p)
				if ok {
					facts.add(v)
				}
				cells = append(cells, d.in.countCell(v, ok, c.bf.Unit))
			}
			t.rows = append(t.rows, row{cells: cells})
		}
		out = append(out, t)
	}
	return out
}

// matchNote says which value of a Grundzahl of another period kind a row
// shows (the year matching of Compute).
func matchNote(k store.PeriodKind) string {
	switch k {
	case store.DatePeriod:
		return "letzter Stichtag im Jahr"
	case store.HalfYearPeriod:
		return "2. Halbjahr des Jahres"
	}
	return "Wert des Jahres"
}

// detailsTable is the description of a Kennzahl from the catalogue.
func (d *pdfDoc) detailsTable(k store.KeyFigure, facts valueFacts) table {
	t := table{cols: []column{{width: 42}, {width: 128}}, noHeader: true, size: sizeSmall}
	add := func(label, value string) {
		if v := strings.TrimSpace(value); v != "" {
			t.rows = append(t.rows, row{cells: []string{label, v}})
		}
	}
	add("Zielrichtung", k.Direction.Label())
	add("Grundzahl(en)", k.BaseFigureText)
	add("Erhebungszeit", k.SurveyTime)
	add("Statistischer Bezirk", cmp.Or(k.AreaText, d.in.areaName(k)))
	source := k.SourceText
	if len(facts.sources) > 0 {
		source = strings.TrimSpace(source + "\nAngaben zu den Werten: " + strings.Join(facts.sources, "; "))
	}
	add("Quelle", source)
	add("Datenstand", facts.datenstand())
	add("Anmerkungen", k.Notes)
	add("Migrationshintergrund", k.MigrationCapture)
	add("Methodische Hinweise", k.MethodNotes)
	return t
}

// chart draws a trend chart in the body width at the chart's own aspect
// ratio; it moves to the next page rather than being split or squeezed.
func (d *pdfDoc) chart(spec chart.Spec) {
	d.ensure(chartH + 3)
	y := d.y()
	if d.final {
		if err := DrawChart(d.pdf, spec, marginX, y, bodyW, chartH); err != nil {
			d.pdf.SetError(err)
		}
	}
	d.setY(y + chartH + 3)
}
