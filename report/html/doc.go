// Package html writes the accessible HTML edition of the
// Monitoring-Bericht: one self-contained file for the city's website,
// from the same evaluation and texts as the PDF (package pdf), with
// headings by chapter, tables with header cells and every chart as
// inline SVG with a text alternative that states its numbers. It loads
// nothing from elsewhere: no style sheet, script, font or image.
package html
