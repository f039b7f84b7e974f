package ui

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
)

func TestChangesTabWithoutFrozenReport(t *testing.T) {
	u, _ := newTestApp(t)
	if got := u.ensureChanges().caption.Text; !strings.HasPrefix(got, "Kein Bericht vor ") {
		t.Errorf("caption %q", got)
	}
	u.changes = func() (*report.Changes, error) { return &report.Changes{Year: 2024}, nil }
	u.ensureChanges().reload()
	if got := u.ensureChanges().caption.Text; got != "Keine Änderungen seit dem Bericht 2024." {
		t.Errorf("caption %q", got)
	}
	if len(u.ensureChanges().rows) != 0 {
		t.Errorf("rows %v", u.ensureChanges().rows)
	}
}

// Selecting a change shows its Kennzahl in the Handlungsfeld tab.
func TestChangesTabRowsJumpToKeyFigure(t *testing.T) {
	u, _ := newTestApp(t)
	u.changes = func() (*report.Changes, error) {
		return &report.Changes{Year: 2024, Items: []report.ChangeItem{
			{Kind: report.VerdictChanged, KeyFigures: []string{"C-K4"}, Old: "+ Entwicklung in Zielrichtung", New: "= keine wesentliche Veränderung"},
			{Kind: report.ValueRevised, KeyFigures: []string{"B-K2"}, Location: "Schüler/innen, Ausländer/innen, Schuljahr 2023/24, Stadt",
				Old: "1.210", New: "1.234", Reason: "Quelle: IT.NRW, Datenstand 31.03.2025"},
		}}, nil
	}
	u.rebuild()
	tab := u.ensureChanges()
	want := [][]string{
		{"Bewertung geändert", "C-K4", "Bewertung", "+ Entwicklung in Zielrichtung", "= keine wesentliche Veränderung", ""},
		{"Wert korrigiert", "B-K2", "Schüler/innen, Ausländer/innen, Schuljahr 2023/24, Stadt", "1.210", "1.234", "Quelle: IT.NRW, Datenstand 31.03.2025"},
	}
	if !slices.EqualFunc(tab.rows, want, slices.Equal[[]string]) {
		t.Fatalf("rows\n got %q\nwant %q", tab.rows, want)
	}
	if got := tab.caption.Text; !strings.HasPrefix(got, "Seit dem Bericht 2024: 2 Änderungen") {
		t.Errorf("caption %q", got)
	}
	for _, c := range []struct {
		row   int
		field string
		tab   int
	}{{2, "B", 2}, {1, "C", 3}} {
		u.tabs.SelectIndex(0)
		tab.table.Select(widget.TableCellID{Row: c.row, Col: 2})
		if got := u.tabs.SelectedIndex(); got != c.tab {
			t.Errorf("row %d: tab %d selected, want %d (%s)", c.row, got, c.tab, c.field)
		}
		ft := u.FieldTab(c.field)
		if code := tab.items[c.row-1].KeyFigures[0]; ft.current == nil || ft.current.kf.Code != code {
			t.Errorf("row %d: Handlungsfeld %s does not show %s", c.row, c.field, code)
		}
	}
	// A failing source leaves the list as it was.
	u.changes = func() (*report.Changes, error) { return nil, errors.New("edition unreadable") }
	tab.reload()
	if len(tab.rows) != 2 {
		t.Errorf("rows after a failed reload: %v", tab.rows)
	}
}
