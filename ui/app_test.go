package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/demo"
)

func newTestApp(t *testing.T) (*App, string) {
	t.Helper()
	st, path := createFile(t, "m.sqlite", 0)
	return showStore(t, st, fyne.NewSize(1200, 800)), path
}

// createFile makes name in a temporary folder with the full catalogue and,
// when demoTo > 0, Beispieldaten from 2011 to demoTo.
func createFile(tb testing.TB, name string, demoTo int) (*store.Store, string) {
	tb.Helper()
	ctx := context.Background()
	cat, err := store.ParseCatalog(assets.Catalog)
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(tb.TempDir(), name)
	st, err := store.Create(ctx, path, cat)
	if err != nil {
		tb.Fatal(err)
	}
	if demoTo > 0 {
		if _, err := demo.Add(ctx, st, 2011, demoTo); err != nil {
			tb.Fatal(err)
		}
	}
	return st, path
}

// showStore shows st in a test window of size; the App closes with the test.
func showStore(t *testing.T, st *store.Store, size fyne.Size) *App {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	w.Resize(size)
	u := New(a, w)
	if err := u.SetStore(st); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(u.Close)
	return u
}

// texts collects every label, card and form text below o.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Card:
			b.WriteString(w.Title + "\n" + w.Subtitle + "\n")
			if w.Content != nil {
				walk(w.Content)
			}
		case *widget.Form:
			for _, it := range w.Items {
				b.WriteString(it.Text + "\n")
				walk(it.Widget)
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

func TestTabsShowTheThreeFields(t *testing.T) {
	u, path := newTestApp(t)
	want := []string{"Übersicht", "A · Wirtschaft, Handel, Arbeit", "B · Bildung und Sprache", "C · Zusammenleben",
		"Datenlieferungen", "Seit dem letzten Bericht", fmt.Sprintf("Berichtsjahr %d", u.reportYear)}
	items := u.Tabs().Items
	if len(items) != len(want) {
		t.Fatalf("%d tabs, want %d", len(items), len(want))
	}
	for i, w := range want {
		if items[i].Text != w {
			t.Errorf("tab %d = %q, want %q", i, items[i].Text, w)
		}
	}
	if title := u.win.Title(); !strings.Contains(title, AppTitle) || !strings.Contains(title, filepath.Base(path)) {
		t.Errorf("title %q lacks app title or file name", title)
	}
}

func TestGoalsGroupedByRank(t *testing.T) {
	u, _ := newTestApp(t)
	got := texts(u.FieldTab("A").Detail())
	for _, s := range []string{"Annahmen", "Ziele im Rang 1", "A1 Gezielte Strategie für", "Ziele im Rang 3", "A5 Regionale Abstimmung der Maßnahmen", "Es gibt einen steigenden Fachkräftemangel."} {
		if !strings.Contains(got, s) {
			t.Errorf("goals view lacks %q", s)
		}
	}
	if strings.Index(got, "Ziele im Rang 1") > strings.Index(got, "Ziele im Rang 2") {
		t.Errorf("ranks out of order")
	}
}

func TestSelectKeyFigureShowsDetails(t *testing.T) {
	u, _ := newTestApp(t)
	tab := u.FieldTab("C")
	u.Tabs().SelectIndex(3)
	if !tab.SelectKeyFigure("C-K4") {
		t.Fatal("C-K4 not in the list")
	}
	got := texts(tab.Detail())
	for _, s := range []string{
		"Kennzahl 4",
		"Die Wahlbeteiligung bei Integrationsratswahlen hat sich erhöht.",
		"Integrationsratswahlen 2010",
		"Stimmbezirk 1/Stimmbezirk 2/Briefwahl",
		"Geschäftsführerin Integrationsrat u. Wahlamt der Stadt Bergisch Gladbach",
		"Zielrichtung", "steigt",
	} {
		if !strings.Contains(got, s) {
			t.Errorf("details lack %q:\n%s", s, got)
		}
	}
	// Selecting through the list widget itself, as a click does.
	tab.list.Select(1)
	if got := texts(tab.Detail()); !strings.Contains(got, "Die Anzahl der Kontakte der Stadtverwaltung") {
		t.Errorf("list selection did not show C-K1: %s", got)
	}
}

func TestIndicatorDetails(t *testing.T) {
	u, _ := newTestApp(t)
	tab := u.FieldTab("B")
	if !tab.SelectIndicator("B-W4") {
		t.Fatal("B-W4 missing")
	}
	got := texts(tab.Detail())
	if !strings.Contains(got, "Kommunale Instrumente der Sprachförderung") || !strings.Contains(got, "Anzahl und Charakter") {
		t.Errorf("indicator view: %s", got)
	}
}

func TestOpenBadFileKeepsCurrent(t *testing.T) {
	u, path := newTestApp(t)
	err := u.Open(filepath.Join(t.TempDir(), "fehlt.sqlite"))
	if err == nil {
		t.Fatal("opening a missing file succeeded")
	}
	if store.Message(err) != "Die Datei existiert nicht." {
		t.Errorf("message = %q", store.Message(err))
	}
	if u.Store() == nil || u.Store().Path() != path {
		t.Errorf("current file was closed after a failed open")
	}
	if _, ok := u.win.Content().(*container.AppTabs); !ok {
		t.Errorf("content replaced after failed open")
	}
}

func TestRecentFilesRemembered(t *testing.T) {
	u, path := newTestApp(t)
	abs, _ := filepath.Abs(path)
	if got := LastFile(u.app); got != abs {
		t.Errorf("LastFile = %q, want %q", got, abs)
	}
	m := u.files.menu()
	var recent *fyne.MenuItem
	for _, it := range m.Items {
		if it.Label == "Zuletzt geöffnet" {
			recent = it
		}
	}
	if recent == nil || len(recent.ChildMenu.Items) == 0 || recent.ChildMenu.Items[0].Label != abs {
		t.Fatalf("recent menu does not list %s", abs)
	}
	labels := []string{}
	for _, it := range m.Items {
		labels = append(labels, it.Label)
	}
	if got := strings.Join(labels, "|"); got != "Neu…|Neue Datei mit Beispieldaten…|Öffnen…|Zuletzt geöffnet||Kopie für E-Mail speichern…|Rückmeldung einlesen…|Amtliche Statistik importieren…|Werte exportieren…||Beenden" {
		t.Errorf("Datei menu = %q", got)
	}
}
