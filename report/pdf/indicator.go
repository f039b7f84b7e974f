package pdf

import (
	"fmt"
	"slices"
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/report/chart"
	"bergischgladbach.de/integrationsmonitor/store"
)

// noReportYet is printed for a Wirkungsindikator without a report text.
const noReportYet = "Für dieses Berichtsjahr liegt noch kein Bericht vor."

func (d *pdfDoc) indicator(w store.ImpactIndicator) {
	d.heading(indicatorID(w.Code), keepAfter)
	seed := strings.TrimSpace(w.Text)
	if len(w.Items) > 0 {
		seed += "\n" + strings.Join(w.Items, "\n")
	}
	d.text("Indikator laut Integrationskonzept: "+seed, smallText)

	year := d.in.e.Year
	d.subheading(fmt.Sprintf("Bericht %d", year), 10)
	text := strings.TrimSpace(d.in.texts.Texts[w.Code].Text)
	if text == "" {
		d.text(noReportYet, noteText)
	} else {
		d.paragraphs(text)
	}
	instruments := d.in.texts.Instruments[w.Code]
	if w.Instruments || len(instruments) > 0 {
		d.instruments(instruments)
	}
	switch w.Kind {
	case store.Participation:
		d.participation(w)
	case store.Survey:
		d.survey()
	}
	d.progress()
}

func (d *pdfDoc) instruments(list []store.Instrument) {
	if len(list) == 0 {
		d.text(fmt.Sprintf("Für %d sind keine Instrumente erfasst.", d.in.e.Year), noteText)
		return
	}
	d.table(instrumentsTable(d.in.e.Year, list))
}

// participation shows the shares of a Beteiligung indicator as
// Participation computes them, one table per Grundzahl for its latest
// period up to the report year, with the period before for comparison.
func (d *pdfDoc) participation(w store.ImpactIndicator) {
	tables := d.in.e.Participation[w.Code]
	if len(tables) == 0 {
		d.text(fmt.Sprintf("Für die Jahre %d bis %d liegen für diesen Indikator keine Zahlen vor.",
			d.in.e.Year-report.ParticipationYears+1, d.in.e.Year), noteText)
		return
	}
	for _, pt := range tables {
		d.table(d.participationTable(pt))
	}
}

func (d *pdfDoc) participationTable(pt report.ParticipationTable) table {
	latest, before := pt.Latest, pt.Before
	role, label, refLabel := pt.Role, pt.Label, pt.RefLabel
	t := table{caption: label + ", " + latest.Label(), cols: []column{{title: "Bezirk / Einrichtung", width: 40}}}
	share := func(p store.Period) string { return "Anteil " + p.Short() }
	switch role {
	case report.RoleReach:
		t.cols = append(t.cols, column{title: "Familien mit Migrations\u00adhintergrund", width: 26, align: "R"},
			column{title: "Erreichte Eltern", width: 26, align: "R"})
		share = func(p store.Period) string { return "Je 100 Familien " + p.Short() }
	default:
		t.cols = append(t.cols, column{title: "Insgesamt", width: 22, align: "R"},
			column{title: d.in.groupLabel("mit_mh"), width: 26, align: "R"})
	}
	t.cols = append(t.cols, column{title: share(latest), width: 22, align: "R"})
	if role == report.RoleCompared {
		t.cols = append(t.cols, column{title: "Vergleich " + refLabel, width: 24, align: "R"},
			column{title: "Index", width: 16, align: "R"})
	}
	if before != "" {
		t.cols = append(t.cols, column{title: share(before), width: 22, align: "R"})
	}
	var notes []string
	var facts report.Facts
	hidden := false
	for _, area := range pt.Areas {
		r, _ := pt.At(area, latest)
		cells := []string{r.AreaName}
		// Every number as disclosure control publishes it: a hidden count
		// takes the share and the index computed from it along.
		sh := r.Shown
		for _, c := range []report.Cell{sh.Total, sh.WithMH} {
			if c.OK {
				facts.Add(c.Value)
			}
			hidden = hidden || c.Hidden
		}
		cells = append(cells, published(sh.Total), published(sh.WithMH), participationShare(r, sh.Share))
		if role == report.RoleCompared {
			cells = append(cells, published(sh.Reference), published(sh.Index))
		}
		hidden = hidden || sh.Share.Hidden || sh.Index.Hidden
		if before != "" {
			b, _ := pt.At(area, before)
			cells = append(cells, participationShare(b, b.Shown.Share))
			hidden = hidden || b.Shown.Share.Hidden
		}
		t.rows = append(t.rows, row{cells: cells})
		for _, reason := range []string{r.Reason, r.RefReason} {
			if reason != "" && !slices.Contains(notes, reason) {
				notes = append(notes, reason)
			}
		}
	}
	if hidden {
		t.note = d.in.e.SuppressionNote()
	}
	if role == report.RoleCompared {
		t.note += " Index: Anteil geteilt durch den Vergleichsanteil; 1,00 entspricht der Vergleichsstruktur."
	}
	if len(notes) > 0 {
		t.note += " " + fullStop("Nicht berechenbar (–): "+joinNotes(notes))
	}
	if len(facts.Sources) > 0 {
		t.note += " Quelle: " + strings.Join(facts.Sources, "; ") + "; Datenstand: " + facts.AsOfLabel() + "."
	}
	t.note = strings.TrimSpace(t.note)
	return t
}

// participationShare writes a row's share as published: per cent, or per
// 100 families; "." when hidden.
func participationShare(r report.ParticipationRow, c report.Cell) string {
	if r.Period == "" {
		return report.NotComputable
	}
	return published(c)
}

// published is what the report prints of a cell; NotComputable for a
// row that does not exist.
func published(c report.Cell) string {
	if c.Published == "" {
		return report.NotComputable
	}
	return c.Published
}

// fullStop ends s with a full stop unless it has one ("u. a.").
func fullStop(s string) string {
	if strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}

// joinNotes lists reasons, at most a few of them.
func joinNotes(notes []string) string {
	const maxNotes = 3
	if len(notes) > maxNotes {
		notes = append(notes[:maxNotes:maxNotes], fmt.Sprintf("und %d weitere", len(notes)-maxNotes))
	}
	return strings.Join(notes, "; ")
}

// survey is the table of the Integrationskonferenz survey (C-W1): per
// question the answers, the missing answers and the share of the two
// positive categories, for the report year and the survey before it
// (the evaluation's SurveyComparison, as in the window).
func (d *pdfDoc) survey() {
	sc := d.in.e.Survey
	cur, prev := sc.Current, sc.Previous
	if cur == nil {
		d.text(fmt.Sprintf("Für %d sind keine Befragungsergebnisse erfasst.", d.in.e.Year), noteText)
		if prev == nil {
			return
		}
	}
	d.table(surveyTable(sc))
	if cur != nil {
		d.surveyChart(*cur, prev)
	}
}

// surveyChart draws the stacked bars of the survey as the window shows
// them, in the body width at the chart's own aspect ratio, never split.
func (d *pdfDoc) surveyChart(cur store.SurveyResult, prev *store.SurveyResult) {
	h := bodyW * float64(chart.SurveyHeight) / float64(chart.SurveyWidth)
	d.ensure(h + 3)
	y := d.y()
	if d.final {
		if err := DrawSurvey(d.pdf, cur, prev, d.in.e.Demo, marginX, y, bodyW, h); err != nil {
			d.pdf.SetError(err)
		}
	}
	d.setY(y + h + 3)
}
