package ui

import "fyne.io/fyne/v2/widget"

// The two editions of the values export (issue 13): the published one,
// with the numbers the report hides as ".", is the default; the internal
// one holds every value and says so in its name and first line.
const (
	exportPublished = "Veröffentlichungsfassung (gesperrte Zahlen als „.“, wie im Bericht)"
	exportInternal  = "Interne Fassung (alle Werte, nur für den Dienstgebrauch)"
)

func newExportEdition() *widget.RadioGroup {
	r := widget.NewRadioGroup([]string{exportPublished, exportInternal}, nil)
	r.Required = true
	r.SetSelected(exportPublished)
	return r
}
