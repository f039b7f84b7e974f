package report

import "fmt"

// ChartSpecFor is the trend chart of a computed Kennzahl; UI and PDF both
// take their chart from here so they always show the same picture.
func ChartSpecFor(r Result, demo bool) ChartSpec {
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
	return ChartSpec{Title: title, Unit: k.Unit, Series: r.Series, Reference: r.Reference, Demo: demo}
}
