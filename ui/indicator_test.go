package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"bergischgladbach.de/integrationsmonitor/store"
)

func openIndicator(t *testing.T, u *App, field, code string) *indicatorPanel {
	t.Helper()
	ft := u.FieldTab(field)
	if !ft.SelectIndicator(code) || ft.indicator == nil {
		t.Fatalf("cannot show %s", code)
	}
	return ft.indicator
}

// reopen closes the file and opens it again in the same window.
func reopen(t *testing.T, u *App, path string) {
	t.Helper()
	u.Close()
	if err := u.Open(path); err != nil {
		t.Fatalf("reopen: %v", err)
	}
}

func TestIndicatorTextAndInstrumentsSurviveReopen(t *testing.T) {
	u, path := newTestApp(t)
	p := openIndicator(t, u, "B", "B-W4")
	text := "Sprachförderung 2025:\nMiKiBu in 12 Kitas, Lesepaten an 8 Grundschulen – „gut angenommen“."
	test.Type(p.text, text)
	test.Tap(p.saveText)
	if !strings.Contains(p.message.Text, "gespeichert") {
		t.Fatalf("message %q", p.message.Text)
	}
	ed := p.instruments
	test.Tap(ed.add)
	test.Tap(ed.add)
	r0, r1 := ed.rows[0], ed.rows[1]
	test.Type(r0.name, "MiKiBu")
	test.Type(r0.description, "Mehrsprachige Kinderbücher in Kitas")
	test.Type(r0.provider, "Stadtbücherei")
	test.Type(r0.count, "12")
	test.Type(r1.name, "Lesepaten")
	test.Type(r1.count, "8")
	test.Tap(ed.save)
	if !strings.Contains(ed.message.Text, "2 Instrumente") {
		t.Fatalf("instrument message %q", ed.message.Text)
	}

	reopen(t, u, path)
	p = openIndicator(t, u, "B", "B-W4")
	if p.text.Text != text {
		t.Errorf("text after reopen = %q", p.text.Text)
	}
	if len(p.instruments.rows) != 2 || p.instruments.rows[0].name.Text != "MiKiBu" || p.instruments.rows[1].count.Text != "8" {
		t.Errorf("instruments after reopen: %d rows", len(p.instruments.rows))
	}
}

func TestInstrumentBadCountRefused(t *testing.T) {
	u, _ := newTestApp(t)
	ed := openIndicator(t, u, "A", "A-W1").instruments
	test.Tap(ed.add)
	test.Type(ed.rows[0].name, "Ausbildungsbörse")
	test.Type(ed.rows[0].count, "zwei")
	test.Tap(ed.save)
	if !strings.HasPrefix(ed.message.Text, "Nicht gespeichert") {
		t.Errorf("message %q", ed.message.Text)
	}
	list, _ := u.st.Instruments(context.Background(), "A-W1", u.reportYear)
	if len(list) != 0 {
		t.Errorf("%d instruments stored after refusal", len(list))
	}
}

func TestSurveyCountsSurviveReopen(t *testing.T) {
	u, path := newTestApp(t)
	s := openIndicator(t, u, "C", "C-W1").survey
	counts := [3][5]string{{"20", "15", "6", "3", "1"}, {"12", "18", "9", "4", "2"}, {"5", "14", "16", "8", "2"}}
	for q := 0; q < 3; q++ {
		for c := 0; c < 5; c++ {
			s.counts[q][c].SetText("")
			test.Type(s.counts[q][c], counts[q][c])
		}
		s.missing[q].SetText("")
		test.Type(s.missing[q], "2")
	}
	test.Tap(s.save)
	if !strings.Contains(s.message.Text, "gespeichert") {
		t.Fatalf("message %q", s.message.Text)
	}
	// 35 of 45 answers in the two positive categories: 77,8 %.
	if !strings.Contains(s.headline.Text, "77,8") {
		t.Errorf("headline %q lacks 77,8 %%", s.headline.Text)
	}
	if s.chart.Resource == nil {
		t.Errorf("no survey chart")
	}
	reopen(t, u, path)
	r, err := u.st.Survey(context.Background(), u.reportYear)
	if err != nil || r.Counts[0][0] != 20 || r.Counts[2][2] != 16 || r.Missing[1] != 2 {
		t.Errorf("survey after reopen: %+v %v", r, err)
	}
	s = openIndicator(t, u, "C", "C-W1").survey
	if s.counts[1][1].Text != "18" {
		t.Errorf("entry after reopen = %q", s.counts[1][1].Text)
	}
}

func TestDeliveriesListOverdue(t *testing.T) {
	u, _ := newTestApp(t)
	d := u.ensureDeliveries()
	u.today = func() time.Time { return time.Date(u.reportYear+1, 11, 25, 0, 0, 0, 0, time.UTC) }
	d.reload()
	if len(d.rows) == 0 {
		t.Fatal("no deliveries listed")
	}
	if d.rows[0][0] != "fehlt" && d.rows[0][0] != "überfällig" {
		t.Errorf("first row on an empty file = %v, want fehlt/überfällig", d.rows[0])
	}
	// Recording a value marks its delivery received.
	_, err := u.st.SaveValue(context.Background(), store.Value{BaseFigure: "C-K2-G1", Period: store.Period(itoa(u.reportYear)), Area: "stadt", Group: "insgesamt", Number: 12}, store.SaveOptions{Origin: "Eingabe"})
	if err != nil {
		t.Fatal(err)
	}
	d.reload()
	found := false
	for _, r := range d.rows {
		if strings.HasPrefix(r[3], "C-K2 Öffentlich bekannt gemachte") && r[0] == "erhalten" {
			found = true
		}
	}
	if !found {
		t.Errorf("C-K2 delivery not marked received: %v", d.rows)
	}
}

func itoa(n int) string { return fmt.Sprint(n) }
