// Package chart draws the trend chart of a Kennzahl and the survey chart
// of the Integrationskonferenz with go-chart: as PNG for the window, and
// onto any go-chart Renderer (DrawTrend, DrawSurvey), which is how the PDF
// draws the same pictures as vectors.
package chart
