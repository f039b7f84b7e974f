package chart

import (
	"fmt"
	"math"
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// maxTitleLabels is the longest list of lines a title names; a longer one
// is left to the legend rather than cut.
const maxTitleLabels = 60

// TitleFor is the title of r's chart: what is measured, for which lines
// and over which span, "Arbeitslosenindex: Ausländer/innen, Deutsche und
// Kreis, 2011–2025". The reference line is named in the legend only. The
// Beispieldaten note is added by the chart itself.
func TitleFor(r report.Result) string {
	k := r.KeyFigure
	title := report.Measure(k)
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
