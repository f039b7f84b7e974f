package ui

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/store"
)

// formEntry is the entry of the form item labelled label below o.
func formEntry(t *testing.T, o fyne.CanvasObject, label string) *widget.Entry {
	t.Helper()
	var e *widget.Entry
	walkAll(t, o, func(o fyne.CanvasObject) {
		if f, ok := o.(*widget.Form); ok && e == nil {
			for _, it := range f.Items {
				if w, ok := it.Widget.(*widget.Entry); ok && it.Text == label {
					e = w
				}
			}
		}
	})
	if e == nil {
		t.Fatalf("no entry %q", label)
	}
	return e
}

// menuItem is the item labelled label in the main menu named menu.
func menuItem(t *testing.T, u *App, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if m.Label == menu && it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %s → %s", menu, label)
	return nil
}

// TestWorkflowTypeValueAndReport is the user's way through the window that
// the end-to-end test used to click: tab A, Kennzahl 6, a value typed into
// the form and saved, another tab, the report from the menu, and the value
// still there after reopening the file.
func TestWorkflowTypeValueAndReport(t *testing.T) {
	u, path := newTestApp(t)
	tabs := u.Tabs()
	for _, it := range tabs.Items {
		if strings.HasPrefix(it.Text, "A · ") {
			tabs.Select(it)
		}
	}
	ft := u.FieldTab("A")
	if tabs.Selected() == nil || tabs.Selected().Content != ft.content {
		t.Fatalf("tab A not shown")
	}
	row := -1
	for i, e := range ft.entries {
		if strings.HasPrefix(e.label, "A-K6 ") {
			row = i
		}
	}
	ft.list.Select(row) // what a click on the row does
	if ft.current == nil || ft.current.kf.Code != "A-K6" {
		t.Fatalf("Kennzahl 6 not shown")
	}
	ft.current.form.period.year.SetSelected("2025") // what choosing 2025 in the list does
	test.Type(formEntry(t, ft.Detail(), "Wert"), "43")
	test.Tap(findButton(t, ft.Detail(), "Wert speichern"))
	if msg := ft.current.form.message.Text; !strings.HasPrefix(msg, "Gespeichert") {
		t.Fatalf("after saving: %q", msg)
	}

	tabs.SelectIndex(0)
	if got := overviewRow(u, "A-K6"); !strings.Contains(got, "43") {
		t.Errorf("Übersicht row of A-K6 lacks the typed value: %s", got)
	}

	menuItem(t, u, "Bericht", "Monitoring-Bericht erstellen…").Action()
	if err := waitJob(t, u, func() { test.Tap(topButton(t, u, "Erstellen")) }); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(filepath.Dir(path), fmt.Sprintf("Monitoring-Bericht_%d.pdf", u.reportYear))
	if b, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF at %s: %v", pdf, err)
	}
	if got := overlayTexts(t, u); !strings.Contains(got, "Der Monitoring-Bericht wurde gespeichert:") {
		t.Errorf("dialogs after the report: %q", got)
	}
	dismissAll(u)

	u.Close()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	v, err := st.Value(context.Background(), "A-K6-G1", "2025", "stadt", "insgesamt")
	st.Close()
	if err != nil || v.Number != 43 || v.Origin != "Eingabe" {
		t.Fatalf("typed value after reopening: %+v %v", v, err)
	}
	if err := u.Open(path); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(openKeyFigure(t, u, "A", "A-K6").table.grid.rows); !strings.Contains(got, "43") {
		t.Errorf("reopened Kennzahl 6 does not show 43: %s", got)
	}
	if got := overviewRow(u, "A-K6"); !strings.Contains(got, "43") {
		t.Errorf("reopened Übersicht row of A-K6: %s", got)
	}
}

// overviewRow is the Übersicht's row of the Kennzahl code, joined.
func overviewRow(u *App, code string) string {
	for _, r := range u.overview.rows {
		if r[0] == code {
			return strings.Join(r, " | ")
		}
	}
	return ""
}
