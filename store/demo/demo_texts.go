package demo

import (
	"context"
	"fmt"

	"bergischgladbach.de/integrationsmonitor/store"
)

// TextMark opens every invented text, so that no sentence of the demo
// report can be taken for the city's own words.
const TextMark = "Beispieltext: "

// addTexts stores the qualitative half of a demo file, so that the demo
// report shows every part (issue 14): the Wirkungsindikator reports and
// instruments of the last two report years, three years of survey
// answers, the Stellungnahme, the Einleitung, an Einordnung of two
// Kennzahlen and the Impressum of the report year to; key messages of her
// own for the year before, while the report year keeps the draft.
func addTexts(ctx context.Context, s *store.Store, to int) error {
	for _, y := range []int{to - 1, to} {
		for code, text := range map[string]string{
			"A-W1": "Die Schlüsselakteur/innen im Übergang Schule–Beruf kennen die Angebote für junge Zugewanderte besser als im Vorjahr; im Arbeitskreis wurden die Zugänge zur Berufsberatung abgestimmt.",
			"A-W3": "Die Angebotslandschaft ist im Online-Wegweiser zusammengeführt; Träger melden neue Angebote über ein gemeinsames Formular.",
			"B-W3": "Kitas und Grundschulen arbeiten in vier Stadtteilen mit Elternbegleiter/innen; die Kooperationsvereinbarungen wurden erneuert.",
			"B-W4": "Für Kinder ab sechs Jahren mit unzureichenden Deutschkenntnissen gibt es Sprachförderung in den Ferien und im Ganztag.",
		} {
			if err := s.SaveIndicatorText(ctx, store.IndicatorText{Indicator: code, ReportYear: y, Text: fmt.Sprintf("%s%s (%d)", TextMark, text, y)}); err != nil {
				return err
			}
		}
		for code, list := range map[string][]store.Instrument{
			"A-W1": {{Name: "Arbeitskreis Übergang Schule–Beruf", Description: "Austausch der Akteur/innen, viermal im Jahr", Provider: "Stabsstelle soziale Stadtentwicklung", Count: intp(4)}},
			"A-W3": {{Name: "Online-Wegweiser Ausbildung", Description: "Übersicht der Angebote in mehreren Sprachen", Provider: "Integrationsbüro"}},
			"B-W3": {
				{Name: "Elternbegleiter/innen", Description: "Begleitung von Eltern in Kita und Grundschule", Provider: "Wohlfahrtsverband", Count: intp(12)},
				{Name: "Elterncafé", Description: "Offener Treff in Grundschulen", Provider: "Familienzentren", Count: intp(6)},
			},
			"B-W4": {
				{Name: "Feriensprachcamp", Description: "Zwei Wochen Sprachförderung in den Sommerferien", Provider: "Bildungsbüro", Count: intp(2)},
				{Name: "Sprachförderung im Ganztag", Description: "Kleingruppen an offenen Ganztagsschulen", Provider: "OGS-Träger", Count: intp(9)},
			},
		} {
			if err := s.SaveInstruments(ctx, code, y, list); err != nil {
				return err
			}
		}
	}
	// Three years of answers that grow a little more positive.
	for i, y := range []int{to - 2, to - 1, to} {
		r := store.SurveyResult{ReportYear: y}
		for q := range r.Counts {
			r.Counts[q] = [5]int{8 + 2*i + q, 14 + i, 10 - i, 4 - q, 2}
			r.Missing[q] = 1 + q
		}
		if err := s.SaveSurvey(ctx, r); err != nil {
			return err
		}
	}
	persons, share := 41500.0, 37.2
	if err := s.SaveMigrationEstimate(ctx, store.MigrationEstimate{ReportYear: to, ReferenceDate: fmt.Sprintf("%d-12-31", to),
		Persons: &persons, Share: &share, Method: "Einwohnerdatei (MigraPro)",
		Definition: "Ausländer/innen, Eingebürgerte und Spätaussiedler/innen sowie deren Kinder unter 18 Jahren",
		Statement:  TextMark + "Die Statistikdienststelle schätzt die Zahl der Einwohner/innen mit Migrationshintergrund aus der Einwohnerdatei; der Anteil ist gegenüber dem Vorjahr leicht gestiegen.",
	}); err != nil {
		return err
	}
	if err := s.SaveReportSettings(ctx, store.ReportSettings{ReportYear: to,
		Foreword: TextMark + fmt.Sprintf("Mit dem Monitoring-Bericht %d legt die Stabsstelle soziale Stadtentwicklung dem Integrationsrat "+
			"und dem Rat den Stand der Integration in Bergisch Gladbach vor. Das Wichtigste steht auf der ersten Seite; jede Kennzahl "+
			"hat ein eigenes Blatt mit Definition, Werten, Grafik, Bewertung und Einordnung.", to)}); err != nil {
		return err
	}
	return s.SaveTexts(ctx, []store.YearText{
		{ReportYear: to, Kind: store.TextCommentary, Code: "A-K3", Text: TextMark + "Seit der Ausbildungsoffensive der Kammern gibt es wieder so viele Stellen wie Bewerber/innen."},
		{ReportYear: to, Kind: store.TextCommentary, Code: "C-K4", Text: TextMark + "Die Wahlbeteiligung sank wie in den meisten Städten Nordrhein-Westfalens; der Integrationsrat plant eine Wahlkampagne."},
		{ReportYear: to, Kind: store.TextContact, Text: "Integrationsbüro der Stadt Bergisch Gladbach (Beispieladresse)"},
		{ReportYear: to - 1, Kind: store.TextKeyMessages, Text: TextMark + "Die Arbeitslosigkeit der Ausländer/innen nähert sich dem Bevölkerungsanteil an.\n" +
			TextMark + "Der Ausbildungsmarkt ist ausgeglichen.\n" + TextMark + "Die Wahlbeteiligung bei der Integrationsratswahl bleibt niedrig."},
	}, nil)
}

func intp(n int) *int { return &n }
