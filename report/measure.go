package report

import (
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// measures name what the Kennzahlen of the seed catalogue measure, in the
// few words a chart title has room for. The catalogue holds the
// Kennzahl's statement (a goal, a sentence) and its Grundzahlen, but no
// short name of the quantity; a Kennzahl not listed here is named by its
// single series or by its code.
var measures = map[string]string{
	"A-K1": "Arbeitslosenindex",
	"A-K2": "Anteil Zugewanderter an den Arbeitsuchenden",
	"A-K3": "Ausbildungsstellen je Bewerber/in",
	"A-K4": "Hochschulreife ausländischer Schulabgänger/innen",
	"A-K5": "Schulabgänger/innen mit Ausbildungsplatz",
	"A-K6": "Erfolgreiche Vermittlungen",
	"B-K1": "Ausländische Kinder in den 5. Klassen der Gymnasien",
	"B-K2": "Ausländische Kinder in den 5. Klassen der Hauptschulen",
	"B-K3": "Sprachförderbedarf bei der Einschulung",
	"B-K4": "Kinder ohne Sprachbefund: Abstand mit/ohne Migrationshintergrund",
	"C-K1": "Kontakte mit Migrantenselbstorganisationen",
	"C-K2": "Interkulturelle Veranstaltungen",
	"C-K3": "Rats- und Ausschussmitglieder mit Migrationshintergrund",
	"C-K4": "Wahlbeteiligung bei der Integrationsratswahl",
}

// Measure names what Kennzahl k measures, for chart titles, the Übersicht
// and the sheet's Definition alike: "Arbeitslosenindex".
func Measure(k store.KeyFigure) string {
	if m, ok := measures[k.Code]; ok {
		return m
	}
	if len(k.Series) == 1 && strings.TrimSpace(k.Series[0].Label) != "" {
		return strings.TrimSpace(k.Series[0].Label)
	}
	return "Kennzahl " + k.Code
}
