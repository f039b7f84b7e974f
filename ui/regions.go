package ui

import (
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
)

// regionLines are the comparison regions' latest values up to year, one
// line each ("Vergleich Rheinisch-Bergischer Kreis: 22,1 % (1. Halbjahr
// 2025)"), for the window beside the Kennzahl's sentence; "" without any.
func regionLines(r report.Result, year int) string {
	var lines []string
	for _, g := range r.Regions {
		for i := len(g.Points) - 1; i >= 0; i-- {
			if p := g.Points[i]; p.OK && (year == 0 || p.Period.Year() <= year) {
				lines = append(lines, "Vergleich "+g.Label+": "+report.PointText(p, r.KeyFigure.Unit)+" ("+p.Period.Label()+")")
				break
			}
		}
	}
	return strings.Join(lines, "\n")
}
