package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"bergischgladbach.de/integrationsmonitor/store"
)

func saveValues(t *testing.T, u *App, vals ...store.Value) {
	t.Helper()
	for _, v := range vals {
		if _, err := u.st.SaveValue(context.Background(), v, store.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
	}
}

// The window shows the 2 of 127 and the share, and says that and why
// the report hides them.
func TestParticipationPanelMarksHiddenNumbers(t *testing.T) {
	u, _ := newTestApp(t)
	u.reportYear = 2025
	saveValues(t, u,
		store.Value{BaseFigure: "A-W2-G1", Period: "2025", Area: "verwaltung_fuehrung", Group: "insgesamt", Number: 127},
		store.Value{BaseFigure: "A-W2-G1", Period: "2025", Area: "verwaltung_fuehrung", Group: "mit_mh", Number: 2})
	var ind store.ImpactIndicator
	for _, f := range u.cat.Fields {
		for _, w := range f.Indicators {
			if w.Code == "A-W2" {
				ind = w
			}
		}
	}
	p := newIndicatorPanel(u, ind)
	p.refreshShare()
	text := p.share.Text
	for _, want := range []string{"1,6", "Im Bericht gesperrt (.)", "mit Migrationshintergrund – kleine Fallzahl (unter 3)", "Anteil – beruht auf einer gesperrten Zahl"} {
		if !strings.Contains(text, want) {
			t.Errorf("participation text lacks %q:\n%s", want, text)
		}
	}
}

// A small count and the part hidden with it are shown with "(.)" and
// explained below the table.
func TestValueTableMarksHiddenCells(t *testing.T) {
	u, _ := newTestApp(t)
	v := func(group string, n float64) store.Value {
		return store.Value{BaseFigure: "A-K1-G1", Period: "2024-H2", Area: "stadt", Group: group, Number: n}
	}
	saveValues(t, u, v("insgesamt", 5002), v("deutsche", 5000), v("auslaender", 2))
	var kf store.KeyFigure
	for _, k := range u.cat.KeyFigures() {
		if k.Code == "A-K1" {
			kf = k
		}
	}
	p := newKeyFigurePanel(u, kf)
	row := p.table.grid.rows[0]
	if !slices.Contains(row, "2"+hiddenMark) || !slices.Contains(row, "5.000"+hiddenMark) || !slices.Contains(row, "5.002") {
		t.Errorf("row %q: want 2 and its complement 5.000 marked, 5.002 not", row)
	}
	note := p.table.hidden.Text
	if !p.table.hidden.Visible() || !strings.Contains(note, "kleine Fallzahl") || !strings.Contains(note, "Sekundärsperrung") {
		t.Errorf("note %q", note)
	}
}
