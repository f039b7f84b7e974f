package chart

import (
	"slices"

	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// breakLook is the look of a Zeitreihenbruch: a dashed vertical line
// across the plot between the last period before and the first after it,
// and the same line upright in the legend.
var breakLook = lineLook{color: drawing.ColorFromHex("b22222"), width: 1.5, dash: []float64{5, 4}, brk: true, ref: true}

// breakXs are the positions of the breaks on the time axis: halfway
// between the last period of the old part and the first of the new, so
// that the mark falls into the gap of the interrupted lines. A break
// outside the periods is not drawn.
func breakXs(periods []store.Period, breaks []report.Break) []float64 {
	var xs []float64
	for _, b := range breaks {
		for i := 1; i < len(periods); i++ {
			if b.Starts(periods[i]) && !b.Starts(periods[i-1]) {
				xs = append(xs, (periods[i-1].Pos()+periods[i].Pos())/2)
				break
			}
		}
	}
	return xs
}

// breakItems are the legend entries of the breaks drawn.
func breakItems(periods []store.Period, breaks []report.Break) []legendItem {
	var items []legendItem
	for _, b := range breaks {
		if len(breakXs(periods, []report.Break{b})) > 0 {
			items = append(items, legendItem{label: b.Footnote(), look: breakLook})
		}
	}
	return items
}

// cutAtBreaks splits the runs of a line where a break lies between two
// neighbouring points, so that no line joins the old part and the new.
func cutAtBreaks(runs [][]xy, periods []store.Period, breaks []report.Break) [][]xy {
	xs := breakXs(sortedPeriods(periods), breaks)
	if len(xs) == 0 {
		return runs
	}
	var out [][]xy
	for _, run := range runs {
		start := 0
		for i := 1; i < len(run); i++ {
			for _, x := range xs {
				if run[i-1].x < x && x < run[i].x {
					out = append(out, run[start:i])
					start = i
					break
				}
			}
		}
		out = append(out, run[start:])
	}
	return out
}

func sortedPeriods(ps []store.Period) []store.Period {
	ps = slices.Clone(ps)
	slices.SortFunc(ps, store.Period.Compare)
	return slices.Compact(ps)
}

// drawBreaks draws the vertical mark of each break across the plot and a
// "|" above it.
func drawBreaks(xs []float64, xlo, xhi float64) gochart.Renderable {
	return func(r gochart.Renderer, cb gochart.Box, _ gochart.Style) {
		xr := gochart.ContinuousRange{Min: xlo, Max: xhi, Domain: cb.Width()}
		r.SetStrokeColor(breakLook.color)
		r.SetStrokeWidth(breakLook.width)
		r.SetStrokeDashArray(breakLook.dash)
		for _, v := range xs {
			x := cb.Left + xr.Translate(v)
			r.MoveTo(x, cb.Top)
			r.LineTo(x, cb.Bottom)
			r.Stroke()
		}
		r.SetStrokeDashArray(nil)
	}
}
