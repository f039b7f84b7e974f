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

// periodColW is the width of the Erhebungszeit column: "Schuljahr
// 2024/25" and "2. Halbjahr 2024" on one line.
const periodColW = 29.0

// maxValueCols keeps a table of Grundzahlen legible on A4 portrait; more
// groups go into a further table.
const maxValueCols = 6

func (d *pdfDoc) field(f store.Field) {
	d.chapterBreak()
	// The chapter heading stays with the one of its goals and their text.
	d.heading(fieldID(f.Code), 2*keepAfter)
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
	for i, k := range f.KeyFigures {
		d.keyFigure(k, i == 0)
	}
	// The Wirkungsindikatoren are short; they follow one another.
	for i, w := range f.Indicators {
		if i == 0 {
			d.chapterBreak()
		}
		d.indicator(w)
	}
	if notes := strings.TrimSpace(d.in.note("feld-"+f.Code, store.NoteIndicators)); notes != "" {
		d.subheading("Hinweise zu den Wirkungsindikatoren", 12)
		for _, n := range strings.Split(notes, "\n") {
			d.text(n, textStyle{size: sizeBody, indent: 5, after: 1.5, label: "–"})
		}
	}
}

// keyFigure is the sheet of one Kennzahl in the order of the Wiesbaden
// indicator sheets: Definition, Relevanz, Datenquelle, Operationalisierung
// des Migrationshintergrunds, table, chart, Bewertung, Einordnung,
// Methodische Hinweise. Each starts on a new page, unless flow is set and
// the page so far is less than half full (the end of a chapter's
// introduction); how it goes onto its pages is planned (planSheet).
func (d *pdfDoc) keyFigure(k store.KeyFigure, flow bool) {
	kr := d.in.keyFigure(k.Code)
	if flow {
		d.chapterBreak()
	} else if !d.atTop() {
		d.newPage()
	}
	if len(kr.Recent) == 0 {
		d.heading(keyFigureID(k.Code), keepAfter)
		g := d.in.e.ReportGrid(k.Code)
		d.table(d.sheetIntro(k, g))
		d.noValues(k)
		details := d.detailsTable(k, g)
		d.subheading("Methodische Hinweise", d.tableNeed(details))
		d.table(details)
		d.progress()
		return
	}
	p := d.planSheet(k.Code, func(p sheetPlan) { d.keyFigureSheet(k, kr, p) })
	d.keyFigureSheet(k, kr, p)
	d.progress()
}

// keyFigureSheet sets the sheet of a Kennzahl with values after plan p.
func (d *pdfDoc) keyFigureSheet(k store.KeyFigure, kr *report.KeyFigureResult, p sheetPlan) {
	// The report prints the published result: points resting on a
	// hidden count are ".", and neither chart nor sentence uses them.
	r := kr.Published
	d.heading(keyFigureID(k.Code), keepAfter)
	g := d.in.e.ReportGrid(k.Code)
	d.table(d.sheetIntro(k, g))
	d.sheetBlock(p, blockValues)
	periods, note := kr.TableSpan(d.in.e.Year)
	t := seriesTable(r, periods)
	t.note = strings.TrimSpace(note + " " + t.note)
	d.table(t)
	d.sheetBlock(p, blockChart)
	d.chart(chart.SpecFor(r, d.in.e.Demo), p.chartH)
	d.sheetBlock(p, blockAssessment)
	a := r.Assessment
	d.ensure(3 * lineH(sizeBody))
	d.text(fmt.Sprintf("Bewertung: %s %s", a.Level.Shape(), a.Level.Label()), textStyle{style: "B", size: sizeBody, after: 1})
	d.text(r.Sentence, bodyText)
	d.text(a.Text, smallText)
	if c := strings.TrimSpace(d.in.e.Commentary[k.Code]); c != "" {
		d.sheetBlock(p, blockCommentary)
		d.subheading("Einordnung", 10)
		d.paragraphs(c)
	}
	d.sheetBlock(p, blockDetails)
	details := d.detailsTable(k, g)
	d.subheading("Methodische Hinweise", d.tableNeed(details))
	d.table(details)
	d.sheetBlock(p, blockBaseTables)
	for _, t := range d.baseTables(g) {
		d.table(t)
	}
	d.breakdowns(k.Code)
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
	for _, g := range r.Regions {
		lines = append(lines, g.SeriesResult)
		titles = append(titles, "Vergleich: "+g.Label)
	}
	for _, title := range titles {
		t.cols = append(t.cols, column{title: title, width: (bodyW - periodColW) / float64(len(titles)), align: "R"})
	}
	unit := unitNote(k.Unit)
	if unit != "" {
		t.caption += " (" + unit + ")"
	}
	var notes []string
	marks := r.HeadlineBreaks()
	hidden := false
	for _, p := range periods {
		cells := []string{report.BreakLabel(p, marks)}
		var reasons []string
		for _, s := range lines {
			pt, ok := pointAt(s.Points, p)
			if !ok {
				cells = append(cells, report.NotComputable)
				continue
			}
			cells = append(cells, report.PointText(pt, k.Unit))
			if pt.Suppressed {
				hidden = true
			} else if !pt.OK && !slices.Contains(reasons, pt.Reason) {
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
	if hidden {
		t.note = strings.TrimSpace(t.note + " " + suppressedPointsNote)
	}
	t.note = breakNote(t.note, periods, marks)
	return t
}

// suppressedPointsNote explains a "." among computed values.
const suppressedPointsNote = "„.“: Der Wert beruht auf einer zur Wahrung der Geheimhaltung gesperrten Zahl und wird nicht gezeigt."

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

// baseTables hold the delivered Grundzahlen of the evaluation's grid,
// groups as columns under their Grundzahl, split into further tables
// when there are more than maxValueCols groups.
func (d *pdfDoc) baseTables(g report.Grid) []table {
	var chunks [][]int // column indexes into g.Columns
	var cur []int
	for i, c := range g.Columns {
		first := i == 0 || g.Columns[i-1].BaseFigure.Code != c.BaseFigure.Code
		if first && len(cur) > 0 && len(cur)+groupsFrom(g.Columns, i) > maxValueCols || len(cur) == maxValueCols {
			chunks, cur = append(chunks, cur), nil
		}
		cur = append(cur, i)
	}
	if len(cur) > 0 {
		chunks = append(chunks, cur)
	}
	var out []table
	for n, cols := range chunks {
		t := table{caption: "Grundzahlen – " + g.AreaName, cols: []column{{title: "Erhebungszeit", width: periodColW}}}
		colW := (bodyW - periodColW) / float64(len(cols))
		if n > 0 {
			t.caption += " (Fortsetzung)"
		}
		for j, ci := range cols {
			c := g.Columns[ci]
			t.cols = append(t.cols, column{title: c.GroupName, width: colW, align: "R"})
			if j == 0 || g.Columns[cols[j-1]].BaseFigure.Code != c.BaseFigure.Code {
				title := c.BaseFigure.Name
				if c.YearMatched {
					title += " (" + matchNote(c.BaseFigure.PeriodKind) + ")"
				}
				t.bands = append(t.bands, band{title: title, from: j + 1, to: j + 2})
			} else {
				t.bands[len(t.bands)-1].to = j + 2
			}
		}
		hidden := false
		for _, r := range g.Rows {
			cells := []string{report.BreakLabel(r.Period, g.Breaks)}
			for _, ci := range cols {
				cells = append(cells, r.Cells[ci].Published)
				hidden = hidden || r.Cells[ci].Hidden
			}
			t.rows = append(t.rows, row{cells: cells})
		}
		if hidden {
			t.note = d.in.e.SuppressionNote()
		}
		t.note = breakNote(t.note, g.Periods(), g.Breaks)
		out = append(out, t)
	}
	return out
}

// groupsFrom counts the columns of the Grundzahl that starts at column i.
func groupsFrom(cols []report.GridColumn, i int) int {
	n := 0
	for j := i; j < len(cols) && cols[j].BaseFigure.Code == cols[i].BaseFigure.Code; j++ {
		n++
	}
	return n
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
func (d *pdfDoc) detailsTable(k store.KeyFigure, g report.Grid) table {
	facts := g.Facts
	t := table{cols: []column{{width: 42}, {width: 128}}, noHeader: true, size: sizeSmall}
	add := func(label, value string) {
		if v := strings.TrimSpace(value); v != "" {
			t.rows = append(t.rows, row{cells: []string{label, v}})
		}
	}
	add("Zielrichtung", k.Direction.Label())
	add("Grundzahl(en)", k.BaseFigureText)
	add("Erhebungszeit", d.in.note(k.Code, store.NoteSurveyTime))
	add("Statistischer Bezirk", cmp.Or(k.AreaText, g.AreaName))
	add("Datenstand", facts.AsOfLabel())
	add("Anmerkungen", d.in.note(k.Code, store.NoteRemarks))
	add("Berechnung", d.in.note(k.Code, store.NoteMethod))
	return t
}

// chart draws a trend chart h millimetres high in the body width (the
// chart lays itself out to the box, fonts unscaled); it moves to the next
// page rather than being split or squeezed.
func (d *pdfDoc) chart(spec chart.Spec, h float64) {
	d.ensure(h + 3)
	y := d.y()
	if d.final {
		if err := DrawChart(d.pdf, spec, marginX, y, bodyW, h); err != nil {
			d.pdf.SetError(err)
		}
	}
	d.setY(y + h + 3)
}
