package chart

import (
	"bergischgladbach.de/integrationsmonitor/report"
)

// SpecFor is the trend chart of a computed Kennzahl; UI and PDF both
// take their chart from here so they always show the same picture.
func SpecFor(r report.Result, demo bool) Spec {
	k := r.KeyFigure
	for _, s := range r.Series {
		for _, p := range s.Points {
			demo = demo || p.Demo
		}
	}
	for _, s := range r.Regions {
		for _, p := range s.Points {
			demo = demo || p.Demo
		}
	}
	return Spec{Title: TitleFor(r), Unit: k.Unit, Series: r.Series, Reference: r.Reference, Regions: r.Regions, Demo: demo, Breaks: r.Breaks}
}
