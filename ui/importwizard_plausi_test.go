package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"bergischgladbach.de/integrationsmonitor/report/official"
	"bergischgladbach.de/integrationsmonitor/store"
)

// The import summary lists the plausibility findings of the values it
// would store, before and after "Übernehmen": here the imported Insgesamt
// is smaller than the stored Ausländer/innen.
func TestImportWizardListsPlausibilityFindings(t *testing.T) {
	u, _ := newTestApp(t)
	part := store.Value{BaseFigure: "BEV", Period: "2024-12-31", Area: "stadt", Group: "auslaender", Number: 211361}
	if _, err := u.st.SaveValue(context.Background(), part, store.SaveOptions{Origin: "Eingabe"}); err != nil {
		t.Fatal(err)
	}
	var tbl *official.Table
	if err := waitJob(t, u, func() {
		u.readImport("testdata/ldb_12411-15i.csv", func(t *official.Table) { tbl = t })
	}); err != nil {
		t.Fatal(err)
	}
	w := newImportWizard(u, tbl, "ldb_12411-15i.csv")
	w.show()
	// BEV belongs to no Kennzahl: the line starts with the Grundzahl.
	const want = "• Bevölkerung (Einwohnerinnen und Einwohner), 31.12.2024, Stadt Bergisch Gladbach, Ausländer/innen: Ausländer/innen (211.361) größer als Insgesamt (111.361)"
	if !strings.Contains(w.summary.Text, "1 Plausibilitätshinweis zu den eingelesenen Werten") || !strings.Contains(w.summary.Text, want) {
		t.Fatalf("summary lacks the finding:\n%s", w.summary.Text)
	}
	if err := waitJob(t, u, func() { test.Tap(topButton(t, u, "Übernehmen")) }); err != nil {
		t.Fatal(err)
	}
	if got := overlayTexts(t, u); !strings.Contains(got, "Neu: 2 Werte") || !strings.Contains(got, want) {
		t.Errorf("closing message lacks the finding:\n%s", got)
	}
}
