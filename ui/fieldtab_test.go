package ui

import (
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/store"
)

// Group names contain commas ("Deutsche, weiblich"), so the list of a
// Grundzahl's groups must not be joined with commas too.
func TestBaseFigureLineKeepsCombinedGroupsApart(t *testing.T) {
	cat, err := store.ParseCatalog(assets.Catalog)
	if err != nil {
		t.Fatal(err)
	}
	b, ok := cat.BaseFigureByCode("A-K1-G1")
	if !ok {
		t.Fatal("A-K1-G1 missing")
	}
	line := baseFigureLine(cat, b)
	if !strings.Contains(line, "Deutsche, weiblich; Deutsche, männlich") {
		t.Errorf("line %q does not keep the combined groups apart", line)
	}
}
