package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/store"
)

// openKeyFigure shows a Kennzahl and returns its panel.
func openKeyFigure(t *testing.T, u *App, field, code string) *keyFigurePanel {
	t.Helper()
	ft := u.FieldTab(field)
	if !ft.SelectKeyFigure(code) || ft.current == nil {
		t.Fatalf("cannot show %s", code)
	}
	return ft.current
}

// fill chooses the period (in any spelling the chooser reads) and types
// the value.
func fill(f *valueForm, period, value string) {
	f.period.SetText(period)
	f.value.SetText("")
	test.Type(f.value, value)
}

func findButton(t *testing.T, o fyne.CanvasObject, labels ...string) *widget.Button {
	var found *widget.Button
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || o == nil {
			return
		}
		if b, ok := o.(*widget.Button); ok {
			for _, l := range labels {
				if b.Text == l {
					found = b
				}
			}
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, ch := range c.Objects {
				walk(ch)
			}
		}
		if w, ok := o.(fyne.Widget); ok {
			r := test.TempWidgetRenderer(t, w)
			for _, ch := range r.Objects() {
				walk(ch)
			}
		}
	}
	walk(o)
	return found
}

func TestTypedValueAppearsInTableAndChart(t *testing.T) {
	u, _ := newTestApp(t)
	p := openKeyFigure(t, u, "C", "C-K4")
	f := p.form
	f.baseFigure.SetSelected("Wählerinnen und Wähler")
	if f.group.Selected == "" || f.area.Selected == "" {
		t.Fatalf("group/area not preselected")
	}
	for _, in := range [][2]string{{"2014", "1.812"}, {"2020", "2.010"}, {"2025", "1.900"}} {
		fill(f, in[0], in[1])
		test.Tap(f.save)
		if !strings.HasPrefix(f.message.Text, "Gespeichert") {
			t.Fatalf("saving %v: %q", in, f.message.Text)
		}
	}
	f.baseFigure.SetSelected("Wahlberechtigte zur Integrationsratswahl")
	for _, in := range [][2]string{{"2014", "19.500"}, {"2020", "20.100"}, {"2025", "20.000"}} {
		fill(f, in[0], in[1])
		test.Tap(f.save)
	}
	g := p.table.grid
	if len(g.rows) != 3 || g.rows[0][0] != "2014" {
		t.Fatalf("table rows = %v", g.rows)
	}
	row := strings.Join(g.rows[1], "|")
	if !strings.Contains(row, "2.010") || !strings.Contains(row, "20.100") {
		t.Errorf("2020 row = %q, want 2.010 and 20.100", row)
	}
	pts := p.result.Series[0].Points
	if len(pts) != 3 || !pts[1].OK {
		t.Fatalf("chart series points = %+v", pts)
	}
	if got := pts[1].Value; got < 9.99 || got > 10.0 { // 2010/20100 = 10,0 %
		t.Errorf("turnout 2020 = %v, want 10,0", got)
	}
	if p.chart.Resource == nil || len(p.chart.Resource.Content()) == 0 {
		t.Errorf("no chart rendered")
	}
	if !strings.Contains(p.sentence.Text, "10,0") && !strings.Contains(p.sentence.Text, "9,5") {
		t.Errorf("sentence lacks German values: %q", p.sentence.Text)
	}
}

func TestBadInputRefusedNothingStored(t *testing.T) {
	u, _ := newTestApp(t)
	p := openKeyFigure(t, u, "A", "A-K1")
	f := p.form
	cases := []struct{ name, period, value, want string }{
		{"EnglishDecimal", "1. Halbjahr 2016", "12.5", "mehrdeutig"},
		{"Negative", "1. Halbjahr 2016", "-3", "negativ"},
		{"YearInsteadOfHalf", "2016", "100", "Halbjahr"},
		{"ImpossibleHalf", "3. Halbjahr 2016", "100", "Halbjahr"},
		{"NotANumber", "1. Halbjahr 2016", "viele", "weder eine Zahl"},
		{"Empty", "1. Halbjahr 2016", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fill(f, tc.period, tc.value)
			test.Tap(f.save)
			if !strings.HasPrefix(f.message.Text, "Nicht gespeichert") || !strings.Contains(f.message.Text, tc.want) {
				t.Errorf("message = %q, want refusal mentioning %q", f.message.Text, tc.want)
			}
			vals, _ := u.st.Values(context.Background())
			if len(vals) != 0 {
				t.Errorf("%d values stored after refusal", len(vals))
			}
		})
	}
}

func TestSymbolIsStoredAsSymbol(t *testing.T) {
	u, _ := newTestApp(t)
	p := openKeyFigure(t, u, "A", "A-K1")
	fill(p.form, "2. Halbjahr 2016", "...")
	test.Tap(p.form.save)
	v, err := u.st.Value(context.Background(), "A-K1-G1", "2016-H2", "stadt", "insgesamt")
	if err != nil || v.Symbol != store.SymLater {
		t.Fatalf("stored %+v %v, want symbol ...", v, err)
	}
	if got := strings.Join(p.table.grid.rows[0], "|"); !strings.Contains(got, "...") {
		t.Errorf("table row = %q", got)
	}
}

func TestCorrectionAsksAndKeepsHistory(t *testing.T) {
	u, _ := newTestApp(t)
	UseGerman()
	p := openKeyFigure(t, u, "A", "A-K1")
	f := p.form
	fill(f, "2. Halbjahr 2016", "1.134")
	test.Tap(f.save)
	fill(f, "2. Halbjahr 2016", "1.140")
	test.Tap(f.save)

	ov := u.win.Canvas().Overlays().Top()
	if ov == nil {
		t.Fatal("no confirmation dialog for a correction")
	}
	v, _ := u.st.Value(context.Background(), "A-K1-G1", "2016-H2", "stadt", "insgesamt")
	if v.Number != 1134 {
		t.Fatalf("value changed before confirmation: %v", v.Number)
	}
	yes := findButton(t, ov, "Ja", "Yes")
	if yes == nil {
		t.Fatal("confirmation dialog has no Ja button")
	}
	test.Tap(yes)
	v, _ = u.st.Value(context.Background(), "A-K1-G1", "2016-H2", "stadt", "insgesamt")
	if v.Number != 1140 {
		t.Fatalf("value after confirmation = %v, want 1140", v.Number)
	}
	if !strings.HasPrefix(f.message.Text, "Korrigiert") {
		t.Errorf("message = %q", f.message.Text)
	}
	hist, _ := u.st.History(context.Background(), "A-K1-G1", "2016-H2", "stadt", "insgesamt")
	text := historyText(hist, "Anzahl")
	if !strings.Contains(text, "neu: 1.134") || !strings.Contains(text, "geändert: 1.134 → 1.140") {
		t.Errorf("history text:\n%s", text)
	}
	test.Tap(f.history)
	if ov := u.win.Canvas().Overlays().Top(); ov == nil {
		t.Errorf("history dialog not shown")
	}
}
