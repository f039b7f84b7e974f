package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/store"
)

// deliveryRow returns the index of the delivery of a Grundzahl in the tab.
func deliveryRow(t *testing.T, d *deliveriesTab, code string) int {
	t.Helper()
	for i, dl := range d.ds {
		if dl.BaseFigure.Code == code {
			return i
		}
	}
	t.Fatalf("no delivery row for %s", code)
	return -1
}

// TestDeliveriesRowOpensPresetForm: four of six values of A-K1-G1 for the
// report year's second half-year are "teilweise (4 von 6)", named with
// A-K1, and clicking the row shows A-K1 with the form on the first missing
// value.
func TestDeliveriesRowOpensPresetForm(t *testing.T) {
	u, _ := newTestApp(t)
	y := u.reportYear
	u.today = func() time.Time { return time.Date(y+1, 1, 15, 0, 0, 0, 0, time.UTC) }
	h2 := store.Period(fmt.Sprintf("%d-H2", y))
	for _, c := range [][2]string{{"stadt", "insgesamt"}, {"stadt", "deutsche"}, {"stadt", "auslaender"}, {"kreis", "insgesamt"}} {
		v := store.Value{BaseFigure: "A-K1-G1", Period: h2, Area: c[0], Group: c[1], Number: 100}
		if _, err := u.st.SaveValue(context.Background(), v, store.SaveOptions{Origin: "Eingabe"}); err != nil {
			t.Fatal(err)
		}
	}
	d := u.ensureDeliveries()
	d.reload()
	i := deliveryRow(t, d, "A-K1-G1")
	if got := d.rows[i][0]; got != "teilweise (4 von 6)" {
		t.Errorf("status %q, want teilweise (4 von 6)", got)
	}
	if !strings.HasPrefix(d.rows[i][3], "A-K1 ") {
		t.Errorf("row %q does not name A-K1", d.rows[i][3])
	}
	for j := range i {
		if !d.ds[j].Status.Open() {
			t.Errorf("row %d (%s) is not open but comes before the partial delivery at row %d", j, d.rows[j][0], i)
			break
		}
	}

	d.table.Select(widget.TableCellID{Row: i + 1, Col: 3})
	if got := u.tabs.Selected().Text; !strings.HasPrefix(got, "A ·") {
		t.Fatalf("tab %q after the click, want Handlungsfeld A", got)
	}
	ft := u.FieldTab("A")
	if ft.current == nil || ft.current.kf.Code != "A-K1" {
		t.Fatalf("Kennzahl shown is not A-K1")
	}
	f := ft.current.form
	v, _, err := f.readKey()
	if err != nil {
		t.Fatalf("preset form does not read: %v", err)
	}
	want := store.Value{BaseFigure: "A-K1-G1", Period: h2, Area: "kreis", Group: "deutsche"}
	if v != want {
		t.Errorf("form preset to %+v, want %+v", v, want)
	}
	if f.period.Text() != fmt.Sprintf("2. Halbjahr %d", y) {
		t.Errorf("Erhebungszeit %q", f.period.Text())
	}
	if !strings.Contains(f.message.Text, "4 von 6") {
		t.Errorf("message %q does not say what is in", f.message.Text)
	}
}

// A Wirkungsindikator's Grundzahl opens the indicator; a shared one (the
// population) opens a Kennzahl that uses it. Both forms are preset.
func TestDeliveriesRowOpensIndicatorAndShared(t *testing.T) {
	u, _ := newTestApp(t)
	y := u.reportYear
	u.today = func() time.Time { return time.Date(y+1, 1, 15, 0, 0, 0, 0, time.UTC) }
	d := u.ensureDeliveries()
	d.reload()

	d.table.Select(widget.TableCellID{Row: deliveryRow(t, d, "A-W2-G1") + 1, Col: 0})
	ft := u.FieldTab("A")
	if ft.indicator == nil || ft.indicator.ind.Code != "A-W2" || ft.indicator.values == nil {
		t.Fatalf("A-W2 not shown with its form")
	}
	v, _, err := ft.indicator.values.readKey()
	want := store.Value{BaseFigure: "A-W2-G1", Period: store.Period(fmt.Sprint(y)), Area: "verwaltung_fuehrung", Group: "insgesamt"}
	if err != nil || v != want {
		t.Errorf("A-W2 form preset to %+v (%v), want %+v", v, err, want)
	}

	// BEV1565: since A-K2 compares with the population of working age
	// (issue 12), BEV itself is read by no Kennzahl formula.
	i := deliveryRow(t, d, "BEV1565")
	if !strings.HasPrefix(d.rows[i][3], "alle ") {
		t.Errorf("shared row %q does not say alle", d.rows[i][3])
	}
	d.table.Select(widget.TableCellID{Row: i + 1, Col: 0})
	var form *valueForm
	for _, ft := range u.field {
		if ft.current != nil && u.tabs.Selected() != nil && strings.HasPrefix(u.tabs.Selected().Text, ft.field.Code+" ") {
			form = ft.current.form
		}
	}
	if form == nil {
		t.Fatalf("no Kennzahl shown for BEV1565; tab %q", u.tabs.Selected().Text)
	}
	v, _, err = form.readKey()
	if err != nil || v.BaseFigure != "BEV1565" || v.Period != store.Period(fmt.Sprintf("%d-12-31", y)) || v.Area != "stadt" || v.Group != "insgesamt" {
		t.Errorf("BEV1565 form preset to %+v (%v)", v, err)
	}
}
