package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/store"
)

// TestSchoolsDialog: a school added in the dialog is in the file, and
// after closing the dialog the forms of B-K1 offer it as a Bezirk; a school
// with values is not removed and says why.
func TestSchoolsDialog(t *testing.T) {
	u, _ := newTestApp(t)
	d := u.newSchoolsDialog()
	d.dlg.Show()
	test.Type(d.name, "Nicolaus-Cusanus-Gymnasium")
	d.kind.SetSelected("Gymnasium")
	test.Tap(d.add)
	if len(d.schools) != 1 || d.schools[0].Type != "gymnasium" {
		t.Fatalf("schools after adding: %+v (%s)", d.schools, d.message.Text)
	}
	area := d.schools[0].Area
	d.dlg.Hide()
	bf, ok := u.cat.BaseFigureByCode("B-K1-G1")
	if !ok || !slices.Contains(bf.Areas, area) {
		t.Errorf("B-K1-G1 areas after closing the dialog: %v", bf.Areas)
	}
	if _, err := u.st.SaveValue(context.Background(), store.Value{BaseFigure: "B-K1-G1", Period: "2024/25", Area: area, Group: "insgesamt", Number: 112}, store.SaveOptions{Origin: "Eingabe"}); err != nil {
		t.Fatal(err)
	}
	d = u.newSchoolsDialog()
	d.list.Select(0)
	test.Tap(d.remove)
	if len(d.schools) != 1 || !strings.Contains(d.message.Text, "nicht entfernt") {
		t.Errorf("school with a value: %d schools, message %q", len(d.schools), d.message.Text)
	}
}

// TestKeyFigureShowsBreakdowns: the Kennzahl view of the demo file shows
// C-K4 per Stimmbezirk and A-K1 for Frauen and Männer.
func TestKeyFigureShowsBreakdowns(t *testing.T) {
	st, _ := createFile(t, "demo.sqlite", 2025)
	u := showStore(t, st, fyne.NewSize(1200, 800))
	texts := func(field, code string) string {
		ft := u.FieldTab(field)
		if !ft.SelectKeyFigure(code) || ft.current == nil {
			t.Fatalf("%s not shown", code)
		}
		var b strings.Builder
		for _, o := range ft.current.breakdowns.box.Objects {
			if l, ok := o.(*widget.Label); ok {
				b.WriteString(l.Text + "\n")
			}
			if g, ok := o.(*fyne.Container); ok {
				for _, c := range g.Objects {
					b.WriteString(c.(*widget.Label).Text + "|")
				}
			}
		}
		return b.String()
	}
	if got := texts("C", "C-K4"); !strings.Contains(got, "Wahlbeteiligung nach Stimmbezirk") || !strings.Contains(got, "Briefwahl|") {
		t.Errorf("C-K4 breakdowns shown: %q", got)
	}
	if got := texts("A", "A-K1"); !strings.Contains(got, "Frauen|Männer|") {
		t.Errorf("A-K1 breakdowns shown: %q", got)
	}
}
