package report_test

import (
	"strings"
	"testing"
)

// The sentence of a Kennzahl names the reference the Übersicht names:
// for A-K1 the Deutsche its Bewertung compares with, not the Insgesamt
// of the catalogue's reference ("Referenz (Insgesamt): 10,2 %" beside
// "7,5 % (Deutsche)" in the Übersicht).
func TestSentenceNamesTheOverviewReference(t *testing.T) {
	e := demoEvaluation(t, nil, true)
	checked := 0
	for i, row := range e.Overview {
		kr := e.KeyFigures[i]
		if row.Reference == "" {
			continue
		}
		if strings.Contains(kr.Published.Sentence, "; Referenz: "+row.Reference+";") {
			continue // a constant, named by its label in both
		}
		// "7,5 % (Deutsche)" → "Referenz (Deutsche): 7,5 %"
		open := strings.LastIndex(row.Reference, " (")
		value, label := row.Reference[:open], row.Reference[open+2:len(row.Reference)-1]
		if want := "Referenz (" + label + "): " + strings.ReplaceAll(value, " ", "\u00a0"); !strings.Contains(kr.Published.Sentence, want) {
			t.Errorf("%s: sentence %q does not name the Übersicht's reference %q", row.Code, kr.Published.Sentence, want)
		}
		checked++
	}
	if checked < 3 {
		t.Fatalf("only %d Kennzahlen with a reference series checked", checked)
	}
}
