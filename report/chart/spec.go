package chart

import (
	"fmt"

	"bergischgladbach.de/integrationsmonitor/report"
)

// SpecFor is the trend chart of a computed Kennzahl; UI and PDF both
// take their chart from here so they always show the same picture.
func SpecFor(r report.Result, demo bool) Spec {
	k := r.KeyFigure
	title := fmt.Sprintf("Kennzahl %s", k.Code)
	if len(r.Series) > 0 && r.Series[0].Label != "" {
		title += ": " + r.Series[0].Label
		if len(r.Series) > 1 {
			title = fmt.Sprintf("Kennzahl %s", k.Code)
		}
	}
	for _, s := range r.Series {
		for _, p := range s.Points {
			demo = demo || p.Demo
		}
	}
	return Spec{Title: title, Unit: k.Unit, Series: r.Series, Reference: r.Reference, Demo: demo, Breaks: r.Breaks}
}
