package pdf

import (
	"fmt"
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// The builders in this file make the words and rows of parts that both
// editions print; the PDF lays them out, the HTML edition gets them
// through Edition, so that a change of wording reaches both.

func overviewIntro(year int) string {
	return fmt.Sprintf("Die Tabelle zeigt für jede Kennzahl, was sie misst, den letzten Wert bis zum Berichtsjahr %d mit "+
		"seiner Erhebungszeit und dem Referenzwert, die Veränderung seit dem letzten Wert vor %d und seit dem ersten "+
		"bewerteten Wert sowie die Bewertung. Die Zeichen der Bewertung: ★ Ziel erreicht, ▲ Entwicklung in Zielrichtung, "+
		"▶ keine wesentliche Veränderung, ▼ Entwicklung gegen die Zielrichtung, ○ nicht bewertbar, ? zu wenig Daten.",
		year, year)
}

// overviewTable is the Übersicht: a group row per Handlungsfeld, a row
// per Kennzahl with its latest value, changes and assessment.
func (in *reportInput) overviewTable() table {
	t := table{cols: []column{
		{title: "Kenn\u00adzahl", width: 15},
		{title: "Gemessen", width: 37},
		{title: "Letzter Wert", width: 25, align: "R"},
		{title: "Referenz", width: 24, align: "R"},
		{title: "Veränderung seit Vorjahres\u00adbericht", width: 22, align: "R"},
		{title: "Veränderung seit Beginn", width: 22, align: "R"},
		{title: "Bewertung", width: 25},
	}, size: sizeSmall}
	for _, f := range in.cat.Fields {
		t.rows = append(t.rows, row{cells: []string{fmt.Sprintf("Handlungsfeld %s – %s", f.Code, f.Title)}, group: true})
		for _, k := range f.KeyFigures {
			o := in.overviewRow(k.Code)
			latest, change, prev := o.Latest, o.Change, o.ChangePrev
			if o.LatestPeriod != "" {
				latest += "\n(" + o.LatestPeriod + ")"
			}
			if o.ChangeSince != "" {
				change += "\n" + o.ChangeSince
			}
			if o.ChangePrevSince != "" {
				prev += "\n" + o.ChangePrevSince
			}
			assessment := o.Assessment
			if o.Shape != "" {
				assessment = o.Shape + " " + o.Level.Label()
			}
			t.rows = append(t.rows, row{cells: []string{k.Code, o.Measure, latest, o.Reference, prev, change, assessment}})
		}
	}
	return t
}

// indicatorStatesTable lists the Wirkungsindikatoren with what the
// report year has of each; it has no rows when there are none.
func (in *reportInput) indicatorStatesTable() table {
	t := table{caption: "Wirkungsindikatoren", cols: []column{
		{title: "Indikator", width: 17},
		{title: "Thema", width: 63},
		{title: fmt.Sprintf("Stand %d", in.e.Year), width: 90},
	}, size: sizeSmall}
	for _, s := range in.e.IndicatorStates(in.texts) {
		t.rows = append(t.rows, row{cells: []string{s.Code, s.Title, s.State}})
	}
	return t
}

// surveyTable is the table of the Integrationskonferenz survey: per
// question the answers, the missing answers and the share of the two
// positive categories, for the report year and the survey before it.
func surveyTable(sc report.SurveyComparison) table {
	t := table{caption: "Befragung auf der Integrationskonferenz", cols: []column{{title: "Frage", width: 44}}}
	var sums [][3]report.SurveySummary
	for _, s := range []struct {
		r   *store.SurveyResult
		sum [3]report.SurveySummary
	}{{sc.Current, sc.CurrentAlone}, {sc.Previous, sc.PreviousAlone}} {
		if s.r == nil {
			continue
		}
		from := len(t.cols)
		t.cols = append(t.cols,
			column{title: "Antworten (n)", width: 21, align: "R"},
			column{title: "keine Angabe", width: 21, align: "R"},
			column{title: "Anteil positiv", width: 21, align: "R"})
		t.bands = append(t.bands, band{title: fmt.Sprint(s.r.ReportYear), from: from, to: from + 3})
		sums = append(sums, s.sum)
	}
	for q, question := range store.SurveyQuestions {
		cells := []string{fmt.Sprintf("%d. %s", q+1, question)}
		for _, s := range sums {
			cells = append(cells, report.FormatNumber(float64(s[q].N), 0), report.FormatNumber(float64(s[q].Missing), 0),
				report.FormatPercent(s[q].Positive, 1))
		}
		t.rows = append(t.rows, row{cells: cells})
	}
	var pos []string
	for q := range store.SurveyQuestions {
		pos = append(pos, fmt.Sprintf("„%s“ oder „%s“ (Frage %d)", store.SurveyCategories[q][0], store.SurveyCategories[q][1], q+1))
	}
	t.note = "Anteil positiv: Antworten " + strings.Join(pos, ", ") + " an allen Antworten (n), ohne „keine Angabe“."
	return t
}

// FindingsIntro is the paragraph above the Plausibilitätshinweise of a
// report with n findings (n ≥ 1).
func FindingsIntro(n int) string {
	count := "einen Hinweis"
	if n > 1 {
		count = report.FormatCount(n) + " Hinweise"
	}
	return fmt.Sprintf("Die Plausibilitätsprüfung des Programms gibt zu den Werten dieses Berichts %s. "+
		"Ein Hinweis ist eine Warnung, kein Fehler: Der Wert kann richtig sein, sollte aber mit der liefernden Stelle "+
		"geklärt werden. Geprüft wird, ob ein Teil größer als sein Ganzes ist (z.\u00a0B. Ausländer/innen größer als "+
		"Insgesamt, Zähler eines Anteils größer als sein Nenner), ob eine Anzahl ganz und nicht negativ ist, ob ein "+
		"Anteil höchstens 100\u00a0%% beträgt und ob sich ein Wert gegenüber dem letzten gleichartigen Zeitraum "+
		"sprunghaft verändert hat.", count)
}

// Overview is the chapter "Übersicht": its paragraph, the table of the
// Kennzahlen and that of the Wirkungsindikatoren (no rows when none).
func (x *Edition) Overview() (intro string, keyFigures, indicators Table) {
	in := x.d.in
	return overviewIntro(in.e.Year), exportTable(in.overviewTable()), exportTable(in.indicatorStatesTable())
}

// Survey is the table of the Integrationskonferenz survey.
func (x *Edition) Survey() Table { return exportTable(surveyTable(x.d.in.e.Survey)) }

// migrationTable lists the Statistikdienststelle's estimate m, a row per
// stated item (none when m states none).
func migrationTable(m *store.MigrationEstimate) table {
	var rows []row
	add := func(label, value string) {
		if strings.TrimSpace(value) != "" {
			rows = append(rows, row{cells: []string{label, value}})
		}
	}
	if m.ReferenceDate != "" {
		add("Stichtag", store.Period(m.ReferenceDate).Label())
	}
	if m.Persons != nil {
		add("Geschätzte Zahl", report.FormatNumber(*m.Persons, 0)+" Personen")
	}
	if m.Share != nil {
		add("Geschätzter Anteil", report.FormatPercent(*m.Share, 1)+" der Bevölkerung")
	}
	add("Verfahren", m.Method)
	add("Definition", m.Definition)
	return table{cols: []column{{width: 45}, {width: 125}}, rows: rows, noHeader: true, size: sizeSmall}
}

// instrumentsTable lists the Instrumente of the report year with their
// counts and, when any is counted, the sum.
func instrumentsTable(year int, list []store.Instrument) table {
	t := table{
		caption: fmt.Sprintf("Instrumente %d (Anzahl der Instrumente: %d)", year, len(list)),
		cols: []column{
			{title: "Name", width: 42},
			{title: "Charakter", width: 68},
			{title: "Träger", width: 40},
			{title: "Anzahl", width: 20, align: "R"},
		},
	}
	sum, counted := 0, 0
	for _, in := range list {
		count := report.NotComputable
		if in.Count != nil {
			count = report.FormatNumber(float64(*in.Count), 0)
			sum += *in.Count
			counted++
		}
		t.rows = append(t.rows, row{cells: []string{in.Name, in.Description, in.Provider, count}})
	}
	if counted > 0 {
		t.rows = append(t.rows, row{cells: []string{"Zusammen", "", "", report.FormatNumber(float64(sum), 0)}, bold: true})
	}
	return t
}

// Migration is the table of the Statistikdienststelle's estimate m.
func (x *Edition) Migration(m *store.MigrationEstimate) Table { return exportTable(migrationTable(m)) }

// Instruments is the table of the Instrumente in list.
func (x *Edition) Instruments(list []store.Instrument) Table {
	return exportTable(instrumentsTable(x.d.in.e.Year, list))
}
