// Package report turns monitoring data into results and pictures: Kennzahl
// computation and assessment, German formatting, charts and the PDF
// Monitoring-Bericht.
package report
