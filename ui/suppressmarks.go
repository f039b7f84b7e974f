package ui

import (
	"fmt"
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// The window is internal and shows every value; a value the report and
// the default export hide carries hiddenMark, and a line below its table
// says why (issue 13). The report itself never says why.
const (
	hiddenMark   = " (.)"
	hiddenPrefix = "Im Bericht gesperrt (.): "
	maxHidden    = 6 // reasons listed before "und n weitere"
)

// hiddenList joins the reasons, at most maxHidden of them.
func hiddenList(items []string) string {
	if len(items) == 0 {
		return ""
	}
	if len(items) > maxHidden {
		items = append(items[:maxHidden:maxHidden], fmt.Sprintf("und %d weitere", len(items)-maxHidden))
	}
	return hiddenPrefix + strings.Join(items, "; ") + "."
}

// gridHiddenNote names the cells of a table of stored values that the
// report hides, with the reason.
func gridHiddenNote(g report.Grid) string {
	var items []string
	for _, r := range g.Rows {
		for i, c := range r.Cells {
			if c.Hidden && i < len(g.Columns) {
				col := g.Columns[i]
				items = append(items, fmt.Sprintf("%s, %s %s – %s", r.Period.Label(), col.BaseFigure.Alias, col.GroupName, c.Why))
			}
		}
	}
	return hiddenList(items)
}

// pointsHiddenNote names the computed values of a Kennzahl that the report
// prints as "." because they rest on a hidden number.
func pointsHiddenNote(kr *report.KeyFigureResult) string {
	var items []string
	lines := append([]report.SeriesResult(nil), kr.Published.Series...)
	if kr.Published.Reference != nil {
		lines = append(lines, *kr.Published.Reference)
	}
	for _, s := range lines {
		for _, p := range s.Points {
			if p.Suppressed {
				items = append(items, fmt.Sprintf("Wert %s, %s – %s", p.Period.Label(), s.Label, report.WhyDerived))
			}
		}
	}
	return hiddenList(items)
}

// participationHiddenNote names the numbers of a Beteiligung indicator's
// tables that the report prints as ".".
func participationHiddenNote(tables []report.ParticipationTable) string {
	var items []string
	for _, t := range tables {
		for _, per := range []store.Period{t.Latest, t.Before} {
			for _, area := range t.Areas {
				r, ok := t.At(area, per)
				if per == "" || !ok {
					continue
				}
				sh := r.Shown
				for _, c := range []struct {
					name string
					cell report.Cell
				}{{"Insgesamt", sh.Total}, {"mit Migrationshintergrund", sh.WithMH}, {"Anteil", sh.Share}, {"Vergleich", sh.Reference}, {"Index", sh.Index}} {
					if c.cell.Hidden {
						items = append(items, fmt.Sprintf("%s, %s, %s: %s – %s", t.BaseFigure.Alias, r.AreaName, r.Period.Label(), c.name, c.cell.Why))
					}
				}
			}
		}
	}
	return hiddenList(items)
}
