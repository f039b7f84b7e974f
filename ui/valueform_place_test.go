package ui

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/store"
)

// showKeyFigure shows the Kennzahl in its tab in the window, as a click on
// the tab and the list row does.
func showKeyFigure(t *testing.T, u *App, field, code string) *keyFigurePanel {
	t.Helper()
	for _, it := range u.Tabs().Items {
		if strings.HasPrefix(it.Text, field+" · ") {
			u.Tabs().Select(it)
		}
	}
	return openKeyFigure(t, u, field, code)
}

func TestValueFormShowsStoredValueForChosenKey(t *testing.T) {
	u, _ := newTestApp(t)
	ctx := context.Background()
	v := store.Value{BaseFigure: "A-K1-G1", Period: "2016-H2", Area: "stadt", Group: "insgesamt",
		Number: 1134, Provisional: true, Source: "Agentur für Arbeit", AsOf: "2017-03-31"}
	if _, err := u.st.SaveValue(ctx, v, store.SaveOptions{Origin: "Eingabe"}); err != nil {
		t.Fatal(err)
	}
	f := openKeyFigure(t, u, "A", "A-K1").form

	f.period.SetText("2. Halbjahr 2016")
	for _, want := range []string{"1.134", "vorläufig", "Quelle: Agentur für Arbeit", "Datenstand: 31.03.2017"} {
		if !strings.Contains(f.stored.Text, want) {
			t.Errorf("stored value shown = %q, want %q in it", f.stored.Text, want)
		}
	}

	f.period.SetText("1. Halbjahr 2016")
	if f.stored.Text != "Noch kein Wert gespeichert." {
		t.Errorf("for an empty key: %q", f.stored.Text)
	}
	f.period.SetText("2. Halbjahr 2016")
	f.group.SetSelectedIndex(1)
	if f.stored.Text != "Noch kein Wert gespeichert." {
		t.Errorf("another group shows %q", f.stored.Text)
	}
	f.group.SetSelectedIndex(0)

	fill(f, "2. Halbjahr 2016", "1.200")
	test.Tap(f.save)
	yes := findButton(t, u.win.Canvas().Overlays().Top(), "Ja", "Yes")
	if yes == nil {
		t.Fatal("no confirmation for the correction")
	}
	test.Tap(yes)
	if !strings.Contains(f.stored.Text, "1.200") || strings.Contains(f.stored.Text, "vorläufig") {
		t.Errorf("after a correction the form shows %q", f.stored.Text)
	}
}

func TestPeriodChooserKinds(t *testing.T) {
	u, _ := newTestApp(t)
	cases := []struct {
		name, field, code string
		kind              store.PeriodKind
		shown             func(*periodChooser) fyne.CanvasObject // what the form row shows
		in                string
		want              store.Period
	}{
		{"Year", "A", "A-K2", store.YearPeriod, func(c *periodChooser) fyne.CanvasObject { return c.year }, "2023", "2023"},
		{"HalfYear", "A", "A-K1", store.HalfYearPeriod, func(c *periodChooser) fyne.CanvasObject { return c.half }, "1. Halbjahr 2023", "2023-H1"},
		{"SchoolYear", "B", "B-K1", store.SchoolYearPeriod, func(c *periodChooser) fyne.CanvasObject { return c.school }, "Schuljahr 2023/24", "2023/24"},
		{"Date", "C", "C-K3", store.DatePeriod, func(c *periodChooser) fyne.CanvasObject { return c.date }, "30.06.2023", "2023-06-30"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := openKeyFigure(t, u, tc.field, tc.code).form.period
			if c.kind != tc.kind {
				t.Fatalf("kind = %q, want %q", c.kind, tc.kind)
			}
			found := false
			walkAll(t, c.box, func(o fyne.CanvasObject) { found = found || o == tc.shown(c) })
			if !found {
				t.Errorf("the %s chooser is not shown", tc.kind)
			}
			if tc.kind != store.DatePeriod && slices.ContainsFunc(c.box.Objects, func(o fyne.CanvasObject) bool { return o == c.date }) {
				t.Errorf("a free text entry is shown for %s", tc.kind)
			}
			c.SetText(tc.in)
			if p, err := c.Period(); err != nil || p != tc.want {
				t.Errorf("chose %q: got %q, %v; want %q", tc.in, p, err, tc.want)
			}
		})
	}
	t.Run("HalfYearNamesHalfAndYear", func(t *testing.T) {
		c := openKeyFigure(t, u, "A", "A-K1").form.period
		c.half.SetSelected("2. Halbjahr")
		c.year.SetSelected("2019")
		if p, _ := c.Period(); p != "2019-H2" {
			t.Errorf("2. Halbjahr + 2019 = %q", p)
		}
		if !slices.Contains(c.year.Options, "2000") || c.year.Options[0] != fmt.Sprint(max(u.reportYear, u.today().Year())+1) {
			t.Errorf("years offered: %v", c.year.Options)
		}
	})
	t.Run("SchoolYearList", func(t *testing.T) {
		c := openKeyFigure(t, u, "B", "B-K1").form.period
		if !slices.Contains(c.school.Options, "Schuljahr 2024/25") || !slices.Contains(c.school.Options, "Schuljahr 2009/10") {
			t.Errorf("school years offered: %v", c.school.Options)
		}
	})
	t.Run("DateGermanOnly", func(t *testing.T) {
		c := openKeyFigure(t, u, "C", "C-K3").form.period
		for in, want := range map[string]string{
			"31.02.2024": "gibt es nicht",
			"2024-12-31": "TT.MM.JJJJ",
			"31.12.24":   "TT.MM.JJJJ",
			"":           "Stichtag",
		} {
			c.date.SetText(in)
			_, err := c.Period()
			if err == nil || !strings.Contains(store.Message(err), want) {
				t.Errorf("date %q: error %v, want one mentioning %q", in, err, want)
			}
			if in != "" && c.date.Validate() == nil {
				t.Errorf("date %q passes the entry's validation", in)
			}
		}
	})
}

func TestPeriodChooserPreselectsNextPeriod(t *testing.T) {
	u, _ := newTestApp(t)
	f := openKeyFigure(t, u, "A", "A-K1").form
	if got, want := f.period.Text(), fmt.Sprintf("2. Halbjahr %d", u.reportYear); got != want {
		t.Errorf("empty file: preselected %q, want the report year's %q", got, want)
	}
	fill(f, "2. Halbjahr 2016", "1.134")
	test.Tap(f.save)
	// A delivery is complete only with every Bezirk and Gruppe (issue 16,
	// Datenlieferungen count cells): store the rest of 2016-H2.
	bf := f.bfs[0]
	for _, area := range bf.Areas {
		for _, g := range bf.Groups {
			v := store.Value{BaseFigure: bf.Code, Period: "2016-H2", Area: area, Group: g, Number: 1000}
			if _, err := u.st.Value(context.Background(), bf.Code, "2016-H2", area, g); err == nil {
				continue
			}
			if _, err := u.st.SaveValue(context.Background(), v, store.SaveOptions{Origin: "Eingabe"}); err != nil {
				t.Fatal(err)
			}
		}
	}
	u.valuesChanged()
	f.baseFigure.SetSelectedIndex(1)
	f.baseFigure.SetSelectedIndex(0)
	if got := f.period.Text(); got != "1. Halbjahr 2017" {
		t.Errorf("after 2. Halbjahr 2016: preselected %q, want 1. Halbjahr 2017", got)
	}
	if got := openKeyFigure(t, u, "B", "B-K1").form.period.Text(); got != fmt.Sprintf("Schuljahr %d/%02d", u.reportYear, (u.reportYear+1)%100) {
		t.Errorf("school year preselected: %q", got)
	}
}

func TestValueFormMessageBesideSaveButton(t *testing.T) {
	u, _ := newTestApp(t)
	p := showKeyFigure(t, u, "A", "A-K1")
	f := p.form
	var save, message bool
	walkAll(t, f.actions, func(o fyne.CanvasObject) {
		save = save || o == f.save
		message = message || o == f.message
	})
	if !save || !message {
		t.Fatalf("save button and message are not in one container: %v", f.actions.Objects)
	}
	fill(f, "2. Halbjahr 2016", "1.134")
	test.Tap(f.save)
	if !strings.HasPrefix(f.message.Text, "Gespeichert") {
		t.Fatalf("message = %q", f.message.Text)
	}
	d := fyne.CurrentApp().Driver()
	sp, mp := d.AbsolutePositionForObject(f.save), d.AbsolutePositionForObject(f.message)
	if mp.X < sp.X+f.save.Size().Width || mp.Y > sp.Y+f.save.Size().Height || mp.Y+f.message.Size().Height < sp.Y {
		t.Errorf("message at %v (%v), save button at %v (%v): not beside it", mp, f.message.Size(), sp, f.save.Size())
	}
}

func TestValueFormFirstInPanelAndVisible(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1024, Height: 700}, {Width: 1400, Height: 900}} {
		t.Run(fmt.Sprintf("%.0fx%.0f", size.Width, size.Height), func(t *testing.T) {
			u, _ := demoTestApp(t, 2024)
			u.win.Resize(size)
			p := showKeyFigure(t, u, "A", "A-K1")
			objs := p.u.FieldTab("A").Detail().Objects
			at := slices.IndexFunc(objs, func(o fyne.CanvasObject) bool {
				found := false
				walkAll(t, o, func(o fyne.CanvasObject) { found = found || o == p.form.save })
				return found
			})
			if at < 0 || at > 3 {
				t.Errorf("the form is object %d of the panel, want among the first four", at)
			}
			// Visible without scrolling: the save button, the message and the
			// stored value lie inside the window.
			d := fyne.CurrentApp().Driver()
			for name, o := range map[string]fyne.CanvasObject{"save": p.form.save, "message": p.form.message, "stored": p.form.stored} {
				pos := d.AbsolutePositionForObject(o)
				if pos.Y+o.Size().Height > size.Height || pos.X+o.Size().Width > size.Width {
					t.Errorf("%s at %v, size %v: outside the %v window", name, pos, o.Size(), size)
				}
			}
		})
	}
}

func TestValueTableHasNoScrollerOfItsOwn(t *testing.T) {
	u, _ := demoTestApp(t, 2024)
	p := showKeyFigure(t, u, "A", "A-K1")
	if len(p.table.grid.rows) == 0 {
		t.Fatal("demo file shows no stored values")
	}
	walkAll(t, p.table.box, func(o fyne.CanvasObject) {
		if _, ok := o.(fyne.Scrollable); ok {
			t.Errorf("%T in the values table catches the mouse wheel", o)
		}
	})
	labels := 0
	walkAll(t, p.table.cells, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, p.table.grid.rows[0][1]) {
			labels++
		}
	})
	if labels == 0 {
		t.Errorf("first value %q not shown", p.table.grid.rows[0][1])
	}
}

// The example: "12,5" typed for the foreign unemployed, about
// 5.000 in the demo file, is questioned before anything is written;
// "Zurück" keeps the file as it was, "Trotzdem speichern" saves.
func TestPlausibilityWarningsAskBeforeSaving(t *testing.T) {
	u, _ := demoTestApp(t, 2024)
	ctx := context.Background()
	f := openKeyFigure(t, u, "A", "A-K1").form
	f.baseFigure.SetSelected("Arbeitslose")
	f.group.SetSelected("Ausländer/innen")
	prev, err := u.st.Value(ctx, "A-K1-G1", "2024-H1", "stadt", "auslaender")
	if err != nil || prev.Number < 1000 {
		t.Fatalf("demo file: 1. Halbjahr 2024 = %+v, %v", prev, err)
	}
	before, _ := u.st.Values(ctx)
	fill(f, "1. Halbjahr 2026", "12,5")
	test.Tap(f.save)
	got := overlayTexts(t, u)
	for _, want := range []string{"Wert prüfen", "Eine Anzahl ist eine ganze Zahl, nicht 12,5.",
		"12,5 ist weniger als ein Drittel des Werts im 1. Halbjahr 2025"} {
		if !strings.Contains(got, want) {
			t.Errorf("dialog lacks %q:\n%s", want, got)
		}
	}
	stored := func() bool {
		_, err := u.st.Value(ctx, "A-K1-G1", "2026-H1", "stadt", "auslaender")
		return err == nil
	}
	if stored() {
		t.Fatal("stored before the warning was answered")
	}
	test.Tap(topButton(t, u, "Zurück"))
	if after, _ := u.st.Values(ctx); stored() || len(after) != len(before) {
		t.Fatal("stored after Zurück")
	}
	if !strings.HasPrefix(f.message.Text, "Nicht gespeichert") {
		t.Errorf("message after Zurück: %q", f.message.Text)
	}
	test.Tap(f.save)
	test.Tap(topButton(t, u, "Trotzdem speichern"))
	v, err := u.st.Value(ctx, "A-K1-G1", "2026-H1", "stadt", "auslaender")
	if err != nil || v.Number != 12.5 {
		t.Errorf("after confirming: %+v, %v", v, err)
	}
	// A plausible value is saved without a question.
	dismissAll(u)
	fill(f, "2. Halbjahr 2026", "5.010")
	test.Tap(f.save)
	if !strings.HasPrefix(f.message.Text, "Gespeichert") || u.win.Canvas().Overlays().Top() != nil {
		t.Errorf("plausible value: message %q, dialog:\n%s", f.message.Text, overlayTexts(t, u))
	}
}

// TestValueFormScreenshots writes the Kennzahl panel at both window sizes
// to /tmp for a look.
func TestValueFormScreenshots(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1400, Height: 900}, {Width: 1024, Height: 700}} {
		u, _ := demoTestApp(t, 2024)
		u.win.Resize(size)
		p := showKeyFigure(t, u, "A", "A-K1")
		fill(p.form, p.form.period.Text(), "1.234") // the next due period, still empty
		test.Tap(p.form.save)
		ft := u.FieldTab("A")
		// The test canvas does not grow rows whose wrapped text got longer,
		// as the window's paint loop does; a refresh of the panel does.
		ft.Detail().Refresh()
		capture(t, u, fmt.Sprintf("/tmp/form-%.0f.png", size.Width))
		ft.scroll.Offset.Y = p.table.box.Position().Y - 100
		ft.scroll.Refresh()
		capture(t, u, fmt.Sprintf("/tmp/form-%.0f-table.png", size.Width))
	}
}

func capture(t *testing.T, u *App, path string) {
	t.Helper()
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if err := png.Encode(out, u.win.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
