package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

// The export dialog offers the published edition first; the internal one
// has the small count and says what it is.
func TestExportEditionInternalHasSmallCount(t *testing.T) {
	if r := newExportEdition(); r.Selected != exportPublished || len(r.Options) != 2 {
		t.Fatalf("edition choice %q of %q", r.Selected, r.Options)
	}
	u, _ := newTestApp(t)
	for _, v := range []store.Value{
		{BaseFigure: "A-W2-G1", Period: "2025", Area: "verwaltung_fuehrung", Group: "insgesamt", Number: 127},
		{BaseFigure: "A-W2-G1", Period: "2025", Area: "verwaltung_fuehrung", Group: "mit_mh", Number: 2},
	} {
		if _, err := u.st.SaveValue(context.Background(), v, store.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	pub, internal := filepath.Join(dir, "w.csv"), filepath.Join(dir, "w_nur-fuer-den-Dienstgebrauch.csv")
	if err := u.exportEdition(pub, true, false); err != nil {
		t.Fatal(err)
	}
	if err := u.exportEdition(internal, true, true); err != nil {
		t.Fatal(err)
	}
	p, _ := os.ReadFile(pub)
	i, _ := os.ReadFile(internal)
	if strings.Contains(string(p), "Migrationshintergrund;2;") || !strings.Contains(string(p), "Migrationshintergrund;;.;") {
		t.Errorf("published export: %s", p)
	}
	if !strings.Contains(string(i), "Migrationshintergrund;2;") || !strings.Contains(string(i), "Nur für den Dienstgebrauch") {
		t.Errorf("internal export: %s", i)
	}
}
