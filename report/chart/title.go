package chart

import (
	"fmt"
	"math"
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// measures name what the Kennzahlen of the seed catalogue measure, in the
// few words a chart title has room for. The catalogue holds the
// Kennzahl's statement (a goal, a sentence) and its Grundzahlen, but no
// short name of the quantity; a Kennzahl not listed here is named by its
// single series or by its code.
var measures = map[string]string{
	"A-K1": "Arbeitslosenindex",
	"A-K2": "Anteil Zugewanderter an den Arbeitsuchenden",
	"A-K3": "Ausbildungsstellen je Bewerber/in",
	"A-K4": "Hochschulreife ausländischer Schulabgänger/innen",
	"A-K5": "Schulabgänger/innen mit Ausbildungsplatz",
	"A-K6": "Erfolgreiche Vermittlungen",
	"B-K1": "Ausländische Kinder in den 5. Klassen der Gymnasien",
	"B-K2": "Ausländische Kinder in den 5. Klassen der Hauptschulen",
	"B-K3": "Sprachförderbedarf bei der Einschulung",
	"B-K4": "Kinder ohne Sprachbefund: Abstand mit/ohne Migrationshintergrund",
	"C-K1": "Kontakte mit Migrantenselbstorganisationen",
	"C-K2": "Interkulturelle Veranstaltungen",
	"C-K3": "Rats- und Ausschussmitglieder mit Migrationshintergrund",
	"C-K4": "Wahlbeteiligung bei der Integrationsratswahl",
}

// Measure names what Kennzahl k measures: "Arbeitslosenindex".
func Measure(k store.KeyFigure) string {
	if m, ok := measures[k.Code]; ok {
		return m
	}
	if len(k.Series) == 1 && strings.TrimSpace(k.Series[0].Label) != "" {
		return strings.TrimSpace(k.Series[0].Label)
	}
	return "Kennzahl " + k.Code
}

// maxTitleLabels is the longest list of lines a title names; a longer one
// is left to the legend rather than cut.
const maxTitleLabels = 60

// TitleFor is the title of r's chart: what is measured, for which lines
// and over which span, "Arbeitslosenindex: Ausländer/innen, Deutsche und
// Kreis, 2011–2025". The reference line is named in the legend only. The
// Beispieldaten note is added by the chart itself.
func TitleFor(r report.Result) string {
	k := r.KeyFigure
	title := Measure(k)
	var names []string
	if len(r.Series) > 1 {
		for _, s := range r.Series {
			names = append(names, s.Label)
		}
	} else if len(r.Regions) > 0 {
		names = append(names, "Stadt")
	}
	for _, g := range r.Regions {
		names = append(names, g.Short)
	}
	if list := joinAnd(names); list != "" && len([]rune(list)) <= maxTitleLabels {
		title += ": " + list
	}
	lines := append([]report.SeriesResult{}, r.Series...)
	for _, g := range r.Regions {
		lines = append(lines, g.SeriesResult)
	}
	if span := periodSpan(lines); span != "" {
		title += ", " + span
	}
	return title
}

// joinAnd lists names the German way: "a, b und c".
func joinAnd(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " und " + names[len(names)-1]
}

// periodSpan is the span of the drawable values, "2011–2025", or one
// period alone; school years keep their form ("2011/12–2024/25").
func periodSpan(lines []report.SeriesResult) string {
	var first, last store.Period
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, l := range lines {
		for _, p := range l.Points {
			if !plottable(p) {
				continue
			}
			if x := p.Period.Pos(); x < lo {
				lo, first = x, p.Period
			}
			if x := p.Period.Pos(); x > hi {
				hi, last = x, p.Period
			}
		}
	}
	if first == "" {
		return ""
	}
	name := func(p store.Period) string {
		if p.Kind() == store.SchoolYearPeriod {
			return string(p)
		}
		return fmt.Sprint(p.Year())
	}
	a, b := name(first), name(last)
	if a == b {
		return a
	}
	return a + "–" + b
}
