package ui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"bergischgladbach.de/integrationsmonitor/store"
)

// demoFile creates a file with Beispieldaten 2011–2025 and closes it.
func demoFile(tb testing.TB) string {
	tb.Helper()
	st, path := createFile(tb, "demo.sqlite", 2025)
	st.Close()
	return path
}

// waitOpened waits until OpenInBackground is done. The test driver runs
// fyne.Do at once on the calling goroutine, so the file is shown then.
func waitOpened(t *testing.T, u *App) {
	t.Helper()
	select {
	case <-u.opening.done:
	case <-time.After(30 * time.Second):
		t.Fatal("file not opened within 30 s")
	}
}

// The window opens the file in the background: it shows a placeholder,
// then the Übersicht of the file; the tabs after the Handlungsfelder are
// built when first selected.
func TestOpenInBackground(t *testing.T) {
	path := demoFile(t)
	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1200, 800))
	u := New(a, w)
	t.Cleanup(u.Close)
	u.OpenInBackground(func() (*store.Store, error) { return store.Open(context.Background(), path) },
		func(err error) { t.Errorf("failed: %v", err) })
	waitOpened(t, u)
	if got := w.Title(); !strings.Contains(got, "demo.sqlite — Beispieldaten") {
		t.Errorf("title %q", got)
	}
	if len(u.overview.rows) == 0 || w.Content() != u.Tabs() {
		t.Fatalf("Übersicht not shown: %d rows", len(u.overview.rows))
	}
	if u.deliveries != nil || u.sinceLast != nil || u.year != nil {
		t.Error("tabs after the Handlungsfelder built before being selected")
	}
	for _, ft := range u.field {
		if ft.shown >= 0 {
			t.Errorf("Handlungsfeld %s laid out before being shown", ft.field.Code)
		}
	}
	items := u.Tabs().Items
	u.Tabs().SelectIndex(len(items) - 3)
	if u.deliveries == nil || items[len(items)-3].Content != u.deliveries.content || len(u.deliveries.rows) == 0 {
		t.Error("Datenlieferungen not built when selected")
	}
	u.Tabs().SelectIndex(1)
	if u.field[0].shown != 0 || len(u.field[0].detail.Objects) == 0 {
		t.Error("first Handlungsfeld does not show Annahmen und Ziele when selected")
	}
}

// A file that cannot be opened leaves the window without a file and
// reports the error.
func TestOpenInBackgroundFails(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	u := New(a, w)
	t.Cleanup(u.Close)
	want := errors.New("kaputt")
	got := make(chan error, 1)
	u.OpenInBackground(func() (*store.Store, error) { return nil, want }, func(err error) { got <- err })
	select {
	case err := <-got:
		if !errors.Is(err, want) {
			t.Errorf("failed with %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("failure not reported")
	}
	if u.Store() != nil || !strings.Contains(texts(w.Content()), "Keine Datei geöffnet") {
		t.Errorf("window after failure: %q", texts(w.Content()))
	}
}

// BenchmarkShowDemoFile: reading the demo file for the window (load, off
// the UI goroutine at start) and building its tabs (show, on it).
func BenchmarkShowDemoFile(b *testing.B) {
	path := demoFile(b)
	a := test.NewTempApp(b)
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1280, 820))
	u := New(a, w)
	b.Cleanup(u.Close)
	st, err := store.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	var tLoad, tShow time.Duration
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		l, err := load(st, time.Now())
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		u.show(st, l)
		tLoad, tShow = tLoad+t1.Sub(t0), tShow+time.Since(t1)
	}
	b.ReportMetric(float64(tLoad.Microseconds())/1000/float64(b.N), "ms-load/op")
	b.ReportMetric(float64(tShow.Microseconds())/1000/float64(b.N), "ms-show/op")
}
