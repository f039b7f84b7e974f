package main

import (
	"context"
	"path/filepath"
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

// The import summary lists the findings of the imported values: here the
// imported Insgesamt is smaller than the stored Ausländer/innen.
func TestImportSummaryListsPlausibilityFindings(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.sqlite")
	if _, _, err := runCmd(t, "neu", path); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	part := store.Value{BaseFigure: "BEV", Period: "2024-12-31", Area: "stadt", Group: "auslaender", Number: 211361}
	if _, err := s.SaveValue(ctx, part, store.SaveOptions{Origin: "Eingabe"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out, errOut, err := runCmd(t, "import", path, ldbFixture)
	if err != nil {
		t.Fatalf("import: %v %s", err, errOut)
	}
	for _, want := range []string{"2 neu", "1 Plausibilitätshinweis zu den eingelesenen Werten",
		// BEV belongs to no Kennzahl: the line starts with the Grundzahl.
		"\n- Grundzahl BEV Bevölkerung (Einwohnerinnen und Einwohner); Erhebungszeit 31.12.2024; Bezirk Stadt Bergisch Gladbach; Gruppe Ausländer/innen: Ausländer/innen (211.361) größer als Insgesamt (111.361)"} {
		if !strings.Contains(out, want) {
			t.Errorf("import summary lacks %q:\n%s", want, out)
		}
	}
}
