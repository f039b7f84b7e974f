package report

import "github.com/jung-kurt/gofpdf"

// drawChart puts a trend chart into the box x, y, w, h (millimetres). It
// is the only place that decides how a chart gets into the report: as
// vector paths and text in the report's font (DrawChartPDF), crisp at any
// zoom and far faster than embedding a 1600×800 PNG per chart.
func drawChart(pdf *gofpdf.Fpdf, spec ChartSpec, x, y, w, h float64) error {
	return DrawChartPDF(pdf, spec, x, y, w, h)
}
