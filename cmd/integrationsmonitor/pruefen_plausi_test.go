package main

import (
	"context"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

// pruefen names the Kennzahl and Erhebungszeit of a part larger than its
// whole, with Grundzahl, Bezirk, Gruppe and the rule, and exits with 0:
// a plausibility finding is a warning, not a damaged file.
func TestCheckListsPlausibilityFindings(t *testing.T) {
	path := demoMonitoringFile(t)
	out, _, err := runCmd(t, "pruefen", path)
	if err != nil || !strings.Contains(out, "Plausibilitätsprüfung: keine Hinweise.") {
		t.Fatalf("demo file: %v %q", err, out)
	}
	ctx := context.Background()
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	whole, err := s.Value(ctx, "A-K1-G1", "2024-H1", "stadt", "insgesamt")
	if err != nil {
		t.Fatal(err)
	}
	part := whole
	part.Group, part.Number, part.Symbol = "auslaender", whole.Number+112, store.NoSymbol
	if _, err := s.SaveValue(ctx, part, store.SaveOptions{Origin: "Eingabe", Correct: true}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out, errOut, err := runCmd(t, "pruefen", path)
	if err != nil {
		t.Fatalf("pruefen with a plausibility finding: %v %q", err, errOut)
	}
	for _, want := range []string{
		"Die Datei ist in Ordnung", "Plausibilitätsprüfung: 1 Hinweis",
		"- Kennzahl A-K1; Grundzahl A-K1-G1 Arbeitslose; Erhebungszeit 1. Halbjahr 2024; Bezirk Stadt Bergisch Gladbach; Gruppe Ausländer/innen: Ausländer/innen (",
		") größer als Insgesamt (",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("pruefen output lacks %q:\n%s", want, out)
		}
	}
}
