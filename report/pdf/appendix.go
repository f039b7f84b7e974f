package pdf

import (
	"fmt"
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

func (d *pdfDoc) appendix() {
	d.chapterBreak()
	d.heading(idAppendix, keepAfter)
	d.heading(idSources, keepAfter)
	d.dataSources()
	d.heading(idActors, keepAfter)
	d.responsibilities()
	d.heading(idMethod, keepAfter)
	d.method()
	d.secrecy()
	d.heading(idSymbols, keepAfter)
	d.symbols()
	d.heading(idConcept, keepAfter)
	d.conceptAnnex()
	d.findings()
}

func (d *pdfDoc) dataSources() {
	d.text("Datenquellen, die das Integrationskonzept nennt:", bodyText)
	concept, values := d.sourceTables()
	d.table(concept)
	if len(values.rows) > 0 {
		d.table(values)
	}
}

// sourceTables are the concept's data sources and the sources the values
// name.
func (d *pdfDoc) sourceTables() (concept, values table) {
	concept = table{cols: []column{{title: "Nr.", width: 10, align: "R"}, {title: "Datenquelle", width: 160}}}
	for i, s := range strings.Split(d.in.note(report.NoteKeySources, store.NoteSources), "\n") {
		if s = strings.TrimSpace(s); s != "" {
			concept.rows = append(concept.rows, row{cells: []string{fmt.Sprint(i + 1), s}})
		}
	}
	values = table{caption: "Quellenangaben der erfassten Werte", cols: []column{{title: "Quelle", width: 170}}}
	for _, s := range d.in.e.Sources {
		values.rows = append(values.rows, row{cells: []string{s}})
	}
	return concept, values
}

// responsibilities lists the bodies and actors and the Grundzahlen each
// delivers, with how often.
func (d *pdfDoc) responsibilities() { d.table(d.responsibilitiesTable()) }

func (d *pdfDoc) responsibilitiesTable() table {
	delivers := map[string][]string{}
	for _, bf := range d.in.cat.AllBaseFigures() {
		if bf.Actor != "" {
			delivers[bf.Actor] = append(delivers[bf.Actor],
				fmt.Sprintf("%s %s (%s)", bf.Code, bf.Name, frequencyLabel(bf.Frequency)))
		}
	}
	t := table{cols: []column{
		{title: "Stelle", width: 50},
		{title: "Rolle", width: 26},
		{title: "Liefert die Grundzahlen", width: 94},
	}}
	for _, a := range d.in.cat.Actors {
		list := report.NotComputable
		if l := delivers[a.Code]; len(l) > 0 {
			list = strings.Join(l, "\n")
		}
		t.rows = append(t.rows, row{cells: []string{a.Name, actorKind(a.Kind), list}})
	}
	return t
}

func actorKind(kind string) string {
	switch kind {
	case "gremium":
		return "Gremium"
	case "akteur":
		return "Akteur"
	case "lieferant":
		return "Datenlieferung"
	}
	return kind
}

func frequencyLabel(f store.Frequency) string {
	switch f {
	case store.HalfYearly:
		return "halbjährlich"
	case store.YearlyFebruary:
		return "jährlich im Februar"
	case store.Yearly, "":
		return "jährlich"
	case store.PerSchoolYear:
		return "je Schuljahr"
	case store.PerElection:
		return "je Wahl"
	case store.OnceOrIrregular:
		return "unregelmäßig"
	}
	return string(f)
}

// method is the short form of docs/bewertung.md.
func (d *pdfDoc) method() {
	for _, p := range methodParagraphs {
		d.text(p, bodyText)
	}
	d.table(levelsTable())
}

// methodParagraphs explain the assessment.
var methodParagraphs = []string{
	"Jede Kennzahl wird mit einer von sechs Stufen bewertet. Das Verfahren folgt den amtlichen Fortschrittsmaßen " +
		"der Nachhaltigkeitsberichterstattung (Eurostat, SDG-Monitoring der EU; Statistics Canada, Open SDG) und ist an " +
		"kurze kommunale Reihen angepasst. Bewertet wird die erste Reihe einer Kennzahl (die Leitreihe).",
	"Zeitfenster: vom ersten berechenbaren Wert (bei einem Reihenbruch dem ersten danach) bis zum letzten Wert, " +
		"dessen Jahr nicht nach dem Berichtsjahr liegt. Nötig sind mindestens 3 Werte über mindestens 2 Jahre. " +
		"Ab 2011 beruhen die Bevölkerungszahlen auf dem Zensus 2011; liest eine Kennzahl die Bevölkerung, beginnt " +
		"der Vergleich deshalb frühestens 2011.",
	"Zielrichtung „steigt“ oder „sinkt“: Maßgeblich ist die durchschnittliche jährliche Veränderung – bei Anzahlen, " +
		"Indizes und Verhältnissen die jährliche Wachstumsrate, bei Anteilen die lineare Änderung pro Jahr bezogen auf " +
		"den Ausgangswert. Unter 1\u00a0% pro Jahr gilt eine Veränderung als nicht wesentlich.",
	"Zielrichtung „nähert sich der Referenz an“ oder „ausgeglichen“: Bewertet wird der Abstand zur Referenz. " +
		"Liegt er zuletzt bei höchstens 5\u00a0% der Referenz, gilt das Ziel als erreicht; sonst zählt, ob der Abstand " +
		"um mindestens 1\u00a0% pro Jahr kleiner oder größer geworden ist.",
}

// levelsTable explains the six levels of the assessment.
func levelsTable() table {
	t := table{caption: "Stufen der Bewertung", cols: []column{
		{title: "Zeichen", width: 16, align: "C"},
		{title: "Bewertung", width: 56},
		{title: "Bedeutung", width: 98},
	}}
	for _, l := range []struct {
		level report.AssessmentLevel
		means string
	}{
		{report.GoalReached, "Die Kennzahl liegt an der Referenz (nur bei „nähert sich der Referenz an“ und „ausgeglichen“)."},
		{report.TowardGoal, "Wesentliche Veränderung (mindestens 1\u00a0% pro Jahr) in die gewünschte Richtung."},
		{report.NoChange, "Veränderung um weniger als 1\u00a0% pro Jahr."},
		{report.AgainstGoal, "Wesentliche Veränderung gegen die gewünschte Richtung."},
		{report.TooLittleData, "Weniger als 3 Werte oder weniger als 2 Jahre Abstand."},
		{report.NotAssessable, "Die Zielrichtung ist offen oder es ist keine Referenz hinterlegt."},
	} {
		t.rows = append(t.rows, row{cells: []string{l.level.Symbol(), l.level.Label(), l.means}})
	}
	return t
}

// secrecy explains disclosure control in plain German (docs/geheimhaltung.md).
func (d *pdfDoc) secrecy() {
	d.subheading("Geheimhaltung", 12)
	for _, p := range secrecyParagraphs(d.in.e.SmallCount) {
		d.text(p, bodyText)
	}
}

// secrecyParagraphs explain disclosure control with the file's
// small-count limit.
func secrecyParagraphs(small int) []string {
	return []string{
		fmt.Sprintf("Damit keine einzelne Person oder Familie erkennbar wird, druckt der Bericht kleine Fallzahlen nicht: "+
			"Anzahlen von 1 bis %d und Werte, die als geheim gekennzeichnet sind, stehen als „.“ in den Tabellen "+
			"(primäre Sperrung). Die Grenze ist in der Datei eingestellt (derzeit: unter %d). Echte Nullen werden "+
			"gezeigt, wie in der amtlichen Statistik.", max(small-1, 1), small),
		"Eine gesperrte Zahl darf sich auch nicht errechnen lassen. Deshalb wird in jeder Summe, in der sonst genau eine " +
			"Zahl fehlen würde (zum Beispiel Insgesamt = Deutsche + Ausländer/innen, mit + ohne Migrationshintergrund, " +
			"Frauen + Männer, Einrichtungen oder Stimmbezirke zusammen = Stadt), eine weitere Zahl gesperrt, und zwar die " +
			"kleinste (sekundäre Sperrung). Das geschieht über alle Tabellen des Berichts hinweg, bis sich keine gesperrte " +
			"Zahl mehr aus den gedruckten Summen ausrechnen lässt; das prüft das Programm rechnerisch für jede gesperrte Zahl.",
		"Anteile, Indizes und Kennzahlwerte, die aus einer gesperrten Zahl berechnet sind, werden ebenfalls als „.“ " +
			"gedruckt und in keiner Grafik gezeigt; Veränderung und Bewertung einer Kennzahl beruhen dann nur auf den gedruckten Werten. " +
			"Aus welchem Grund eine Zahl gesperrt ist, steht nicht im Bericht, denn schon der Grund „kleine Fallzahl“ verriete sie.",
		"Nicht ausgeschlossen ist, dass sich aus den gedruckten Zahlen Ober- und Untergrenzen für eine gesperrte Zahl " +
			"ableiten lassen; sie lässt sich aber nicht genau ausrechnen. Die Werte-Ausgabe (CSV/XLSX) folgt denselben Regeln; " +
			"nur die ausdrücklich gewählte interne Fassung „nur für den Dienstgebrauch“ enthält alle Werte.",
	}
}

// symbols is the Zeichenerklärung: the DIN 55301 symbols and the marks
// the report adds.
func (d *pdfDoc) symbols() {
	d.table(symbolsTable(d.in.e.SmallCount))
	d.text(symbolsNote, smallText)
}

// symbolsNote points from the Zeichenerklärung to the assessment's signs.
const symbolsNote = "Bewertungszeichen (++, +, =, --, ?, o) sind unter „Bewertungsverfahren“ erklärt."

func symbolsTable(small int) table {
	t := table{cols: []column{{title: "Zeichen", width: 16, align: "C"}, {title: "Bedeutung", width: 154}}}
	for _, s := range store.Symbols() {
		meaning := s.Meaning()
		if s == store.SymUnknown {
			meaning += "; auch für geheim zu haltende Werte" + smallCountClause(small)
		}
		if s == store.SymLocked {
			meaning += "; auch: Grundzahl für diesen Bezirk nicht erhoben"
		}
		t.rows = append(t.rows, row{cells: []string{string(s), meaning}})
	}
	for _, e := range [][2]string{
		{report.NotComputable, "kein Wert vorhanden oder nicht berechenbar (fehlende Eingangszahl, Zeichen statt Zahl, Division durch null)"},
		{"p", "vorläufige Zahl; bei einer Kennzahl: aus mindestens einer vorläufigen oder geschätzten Grundzahl berechnet"},
		{"s", "geschätzte Zahl"},
		{"Pp.", "Prozentpunkte: Differenz zweier Anteile"},
		{report.MinusSign, "Minuszeichen einer negativen Zahl (nicht zu verwechseln mit „-“, genau null)"},
	} {
		t.rows = append(t.rows, row{cells: []string{e[0], e[1]}})
	}
	return t
}

func smallCountClause(small int) string {
	const why = ", damit keine einzelne Person oder Familie erkennbar ist, sowie für Zahlen, Anteile und Indizes, " +
		"aus denen sich eine gesperrte Zahl errechnen ließe (siehe „Geheimhaltung“)"
	switch {
	case small > 2:
		return fmt.Sprintf(" und für Fallzahlen von 1 bis %d", small-1) + why
	case small == 2:
		return " und für die Fallzahl 1" + why
	}
	return ""
}
