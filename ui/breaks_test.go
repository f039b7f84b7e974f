package ui

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// storedBreak finds the break in force of series at period in the file.
func storedBreak(t *testing.T, st *store.Store, bf, kf string, period store.Period) (store.SeriesBreak, bool) {
	t.Helper()
	all, err := st.SeriesBreaks(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(all, func(b store.SeriesBreak) bool {
		return b.BaseFigure == bf && b.KeyFigure == kf && b.Period == period
	})
	if i < 0 {
		return store.SeriesBreak{}, false
	}
	return all[i], true
}

// tableRow is the row of the panel's table of stored values whose first
// cell is label.
func tableRow(p *keyFigurePanel, label string) bool {
	return slices.ContainsFunc(p.table.grid.rows, func(r []string) bool { return r[0] == label })
}

// She adds a break to A-K2's Arbeitsuchende through the dialog: the dialog
// first says what is missing, then the break is in the file, in the list,
// and the table of stored values marks the year; removing it after the
// confirmation keeps the row with its removal time.
func TestAddAndRemoveBreakInPanel(t *testing.T) {
	st, path := createFile(t, "m.sqlite", 2025)
	u := showStore(t, st, fyne.NewSize(1200, 800))
	p := openKeyFigure(t, u, "A", "A-K2")
	s := p.breaks
	if got := texts(s.box); !strings.Contains(got, "| ab 2011 – Bevölkerung") || !strings.Contains(got, "Zensus 2011") ||
		!strings.Contains(got, "(Herkunft: automatisch)") || !strings.Contains(got, "(Herkunft: Import)") {
		t.Errorf("list of breaks lacks the census breaks:\n%s", got)
	}
	if tableRow(p, "| 2018") {
		t.Fatal("table marks 2018 before any break there")
	}

	test.Tap(s.add)
	bd := s.dialog
	if bd == nil {
		t.Fatal("no dialog after Hinzufügen…")
	}
	bd.series.SetSelected("Arbeitsuchende")
	test.Tap(bd.ok)
	if bd.message.Text != "Bitte wählen Sie das Jahr der Erhebung." {
		t.Errorf("message without period = %q", bd.message.Text)
	}
	bd.period.SetText("2018")
	test.Tap(bd.ok)
	if bd.message.Text != "Bitte geben Sie den Grund des Zeitreihenbruchs an." {
		t.Errorf("message without reason = %q", bd.message.Text)
	}
	if _, ok := storedBreak(t, st, "A-K2-G1", "", "2018"); ok {
		t.Fatal("break stored before the dialog was complete")
	}
	test.Type(bd.reason, "Agenturbezirk neu zugeschnitten")
	test.Tap(bd.ok)
	if s.dialog != nil {
		t.Errorf("dialog still open: %q", bd.message.Text)
	}
	b, ok := storedBreak(t, st, "A-K2-G1", "", "2018")
	if !ok || b.Reason != "Agenturbezirk neu zugeschnitten" || b.Origin != store.BreakUser {
		t.Fatalf("stored break = %+v, %v", b, ok)
	}
	if got := texts(s.box); !strings.Contains(got, "| ab 2018 – Arbeitsuchende: Agenturbezirk neu zugeschnitten (Herkunft: Benutzer)") {
		t.Errorf("list lacks the new break:\n%s", got)
	}
	// The evaluation was refreshed: the table marks the year and names why.
	if !tableRow(p, "| 2018") || !slices.Contains(p.table.grid.notes, "| Zeitreihenbruch ab 2018: Agenturbezirk neu zugeschnitten") {
		t.Errorf("table not refreshed with the mark: notes %q", p.table.grid.notes)
	}
	if !strings.Contains(texts(p.table.box), "| Zeitreihenbruch ab 2018: Agenturbezirk neu zugeschnitten") {
		t.Error("table shows no legend line for the break")
	}
	if !slices.ContainsFunc(p.result.Breaks, func(rb report.Break) bool { return rb.Period == "2018" }) {
		t.Errorf("assessment not refreshed: breaks %v", p.result.Breaks)
	}

	// The same break twice is refused in the dialog.
	test.Tap(s.add)
	bd = s.dialog
	bd.series.SetSelected("Arbeitsuchende")
	bd.period.SetText("2018")
	test.Type(bd.reason, "noch einmal")
	test.Tap(bd.ok)
	if !strings.Contains(bd.message.Text, "ab 2018 schon ein Zeitreihenbruch") {
		t.Errorf("message for a duplicate = %q", bd.message.Text)
	}
	bd.d.Hide()

	i := slices.IndexFunc(s.shown, func(x store.SeriesBreak) bool { return x.ID == b.ID })
	if i < 0 {
		t.Fatal("new break not among the shown ones")
	}
	s.confirmRemove(s.shown[i])
	confirm := findButton(t, u.win.Canvas().Overlays().Top(), "Entfernen")
	if confirm == nil {
		t.Fatal("no confirmation with Entfernen")
	}
	test.Tap(confirm)
	if _, ok := storedBreak(t, st, "A-K2-G1", "", "2018"); ok {
		t.Error("break still in force after removal")
	}
	if strings.Contains(texts(s.box), "Agenturbezirk") || tableRow(p, "| 2018") {
		t.Error("list or table still show the removed break")
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var removed sql.NullString
	if err := db.QueryRow(`SELECT removed_at FROM series_break WHERE id = ?`, b.ID).Scan(&removed); err != nil || !removed.Valid {
		t.Errorf("removed_at = %v, err %v; want the time of the removal", removed, err)
	}
}

// The merge dialog lists the breaks a returned file brings, so she sees
// them before she takes the values over.
func TestMergeDialogListsBreaks(t *testing.T) {
	u, _ := newTestApp(t)
	plan := &store.MergePlan{File: "rueck.sqlite",
		NewBreaks:     []store.SeriesBreak{{BaseFigure: "A-K2-G1", Period: "2018", Reason: "Agenturbezirk neu zugeschnitten", Origin: store.BreakUser}},
		RemovedBreaks: []store.SeriesBreak{{KeyFigure: "C-K1", Period: "2014", Reason: "Stimmbezirke neu zugeschnitten", Origin: store.BreakUser}}}
	got := texts(newMergeDialog(u, plan).content().(*container.Scroll).Content)
	for _, want := range []string{"Neue Zeitreihenbrüche (1) – werden mit übernommen", "| A-K2-G1 ab 2018: Agenturbezirk neu zugeschnitten (Benutzer)",
		"In der Rückmeldung entfernte Zeitreihenbrüche (1)", "| Kennzahl C-K1 ab 2014: Stimmbezirke neu zugeschnitten (Benutzer)"} {
		if !strings.Contains(got, want) {
			t.Errorf("merge dialog lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "keine Änderungen") {
		t.Error("merge dialog with breaks says there are no changes")
	}
}
