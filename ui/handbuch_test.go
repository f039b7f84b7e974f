package ui

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/store"
)

// The Handbuch and its screenshots live in docs/ so that they read well on
// the repository's web page; the tests below keep both current.
const (
	handbuchPath = "../docs/handbuch.md"
	shotDir      = "../docs/handbuch"
	shotWidth    = 1280
	shotHeight   = 800
)

// lightTheme is Fyne's default theme in its light variant: the test
// driver's own theme uses signal colours that nobody sees in the real
// window.
type lightTheme struct{ fyne.Theme }

func (l lightTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return l.Theme.Color(n, theme.VariantLight)
}

// handbuchApp is demoTestApp at the screenshot size in the light theme,
// with demo values up to lastDemo, the texts a report year holds (seedTexts)
// and a fixed "today", so that unchanged screens give unchanged files.
func handbuchApp(t *testing.T, year, lastDemo int) *App {
	t.Helper()
	ctx := context.Background()
	st, _ := createFile(t, "Beispieldaten.sqlite", lastDemo)
	if err := st.SetReportYear(ctx, year); err != nil {
		t.Fatal(err)
	}
	seedTexts(t, st, year)
	a := test.NewTempApp(t)
	a.Settings().SetTheme(lightTheme{theme.DefaultTheme()})
	w := a.NewWindow("Integrationsmonitor")
	w.Resize(fyne.NewSize(shotWidth, shotHeight))
	u := New(a, w)
	u.today = func() time.Time { return time.Date(2025, 3, 3, 9, 0, 0, 0, time.Local) }
	if err := u.SetStore(st); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(u.Close)
	return u
}

// seedTexts stores what the Geschäftsführerin writes during a year: a
// report text with instruments, the survey of this and the previous year
// and the Stellungnahme. They go through the store, not the editors, so
// that the screenshots do not depend on how an editor is built.
func seedTexts(t *testing.T, st *store.Store, year int) {
	t.Helper()
	ctx := context.Background()
	n := func(i int) *int { return &i }
	f := func(x float64) *float64 { return &x }
	err := st.SaveIndicatorText(ctx, store.IndicatorText{Indicator: "A-W1", ReportYear: year,
		Text: "Die Schlüsselakteur/innen im Übergang Schule–Beruf haben sich in drei Arbeitskreisen getroffen. " +
			"Die Rückmeldungen der Schulen zeigen, dass die Angebote für zugewanderte Jugendliche bekannter geworden sind."})
	if err == nil {
		err = st.SaveInstruments(ctx, "A-W1", year, []store.Instrument{
			{Name: "Arbeitskreis Übergang Schule–Beruf", Description: "Netzwerktreffen", Provider: "Kommunale Koordinierung", Count: n(3)},
			{Name: "Berufsorientierungsmesse", Description: "Informationsveranstaltung", Provider: "Agentur für Arbeit", Count: n(1)},
		})
	}
	for i, y := range []int{year - 1, year} {
		if err == nil {
			err = st.SaveSurvey(ctx, store.SurveyResult{ReportYear: y,
				Counts:  [3][5]int{{12 + 3*i, 9, 4, 2, 1}, {8 + 2*i, 11, 6, 3, 1}, {5, 9 + 2*i, 8, 4, 2}},
				Missing: [3]int{1, 0, 2}})
		}
	}
	for _, y := range []int{year, year + 1} {
		if err == nil {
			err = st.SaveMigrationEstimate(ctx, store.MigrationEstimate{ReportYear: y, ReferenceDate: fmt.Sprintf("%d-12-31", y),
				Persons: f(31800), Share: f(28.6), Method: "Einwohnerdatei (MigraPro)",
				Statement: "Der Anteil der Einwohner/innen mit Migrationshintergrund wurde aus der Einwohnerdatei geschätzt."})
		}
	}
	if err != nil {
		t.Fatal(err)
	}
}

// selectTab shows the tab whose title starts with prefix.
func selectTab(t *testing.T, u *App, prefix string) {
	t.Helper()
	for _, it := range u.tabs.Items {
		if strings.HasPrefix(it.Text, prefix) {
			u.tabs.Select(it)
			return
		}
	}
	t.Fatalf("no tab %q", prefix)
}

// shoot writes the window as docs/handbuch/name.png. PNG encoding is
// deterministic, so a screen that did not change leaves git clean.
func shoot(t *testing.T, u *App, name string) {
	t.Helper()
	img := u.win.Canvas().Capture()
	if w := img.Bounds().Dx(); w < 1000 {
		t.Fatalf("%s: screenshot only %d px wide", name, w)
	}
	if err := os.MkdirAll(shotDir, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(shotDir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// TestHandbuchScreenshots regenerates every screenshot of the Handbuch from
// a demo file, screen by screen in the order the Handbuch describes them.
func TestHandbuchScreenshots(t *testing.T) {
	if testing.Short() {
		t.Skip("screenshots are regenerated in the full test run")
	}
	ctx := context.Background()
	u := handbuchApp(t, 2024, 2025)

	selectTab(t, u, "Übersicht")
	shoot(t, u, "uebersicht")

	selectTab(t, u, "A ")
	a := u.FieldTab("A")
	if !a.SelectKeyFigure("A-K1") {
		t.Fatal("no A-K1")
	}
	shoot(t, u, "kennzahl")
	// The Handbuch shows the table of stored values here, which sits
	// between the chart and the Kennzahl's own texts.
	scrollTo(t, a.scroll, a.current.table.box, 40)
	shoot(t, u, "wert-eintragen")

	// A-K2 reads the population, which the census 2022 breaks.
	if !a.SelectKeyFigure("A-K2") {
		t.Fatal("no A-K2")
	}
	if len(a.current.breaks.shown) == 0 {
		t.Fatal("A-K2 lists no Zeitreihenbruch")
	}
	scrollTo(t, a.scroll, a.current.breaks.box, 160)
	shoot(t, u, "zeitreihenbrueche")

	if !a.SelectIndicator("A-W1") {
		t.Fatal("no A-W1")
	}
	shoot(t, u, "wirkungsindikator")

	selectTab(t, u, "C ")
	c := u.FieldTab("C")
	if !c.SelectIndicator("C-W1") {
		t.Fatal("no C-W1")
	}
	c.scroll.ScrollToBottom()
	shoot(t, u, "befragung")

	selectTab(t, u, "B ")
	if !u.FieldTab("B").SelectKeyFigure("B-K1") {
		t.Fatal("no B-K1")
	}
	menuItem(t, u, "Daten", "Schulliste bearbeiten…").Action()
	if !strings.Contains(overlayTexts(t, u), "Beispiel-Hauptschule") {
		t.Fatal("the Schulliste lists no demo school")
	}
	shoot(t, u, "schulliste")
	dismissAll(u)

	selectTab(t, u, "Übersicht")
	tbl, err := readImportFile("testdata/ldb_12411-15i.csv")
	if err != nil {
		t.Fatal(err)
	}
	newImportWizard(u, tbl, "12411-15i.csv").show()
	shoot(t, u, "import")
	dismissAll(u)

	u.showReportDialog()
	// The folder is the test's temporary one; she sees her own.
	walkAll(t, u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && strings.HasPrefix(e.Text, os.TempDir()) {
			e.SetText(`C:\Users\Integrationsrat\Documents\Integrationsmonitor`)
		}
	})
	shoot(t, u, "bericht-erstellen")
	dismissAll(u)

	menuItem(t, u, "Bericht", "Bericht festschreiben…").Action()
	shoot(t, u, "festschreiben")
	if err := waitJob(t, u, func() { test.Tap(topButton(t, u, "1. Fassung festschreiben")) }); err != nil {
		t.Fatal(err)
	}
	dismissAll(u)

	// A correction after the freeze is what the next year's list shows.
	v := revisable(t, u)
	v.Number += 7
	v.Source, v.AsOf = "IT.NRW", "2025-03-31"
	if _, err := u.st.SaveValue(ctx, v, store.SaveOptions{Origin: "Eingabe", Correct: true}); err != nil {
		t.Fatal(err)
	}
	u.valuesChanged()
	u.ensureYear().year.SetSelected("2025")
	selectTab(t, u, changesTabTitle)
	if len(u.ensureChanges().items) == 0 {
		t.Fatal("nothing listed since the Bericht 2024")
	}
	shoot(t, u, "seit-dem-letzten-bericht")

	selectTab(t, u, "Berichtsjahr")
	shoot(t, u, "berichtsjahr")
	yt := u.ensureYear()
	if yt.texts.keyMessages.PlaceHolder == "" {
		t.Fatal("no draft of the Kernaussagen")
	}
	scrollTo(t, yt.content.(*container.Scroll), yt.texts.content, 0)
	shoot(t, u, "kernaussagen")

	// Datenlieferungen are interesting while values are still missing:
	// Berichtsjahr 2024 early in 2025, with values up to 2023 only.
	early := handbuchApp(t, 2024, 2023)
	selectTab(t, early, "Datenlieferungen")
	shoot(t, early, "datenlieferungen")

	checkHandbuchImages(t)
}

// scrollTo scrolls s so that o, a direct child of its content, stands
// above pixels below the top.
func scrollTo(t *testing.T, s *container.Scroll, o fyne.CanvasObject, above float32) {
	t.Helper()
	y := o.Position().Y
	if y <= 0 {
		t.Fatalf("%T is not laid out in the scroll", o)
	}
	s.Offset = fyne.NewPos(0, y-theme.Padding()-above)
	s.Refresh()
}

var imageLink = regexp.MustCompile(`!\[[^\]]*\]\(([^)\s]+)\)`)

// checkHandbuchImages fails when an image the Handbuch shows is missing or
// narrower than 1000 px, or when it shows fewer than eight.
func checkHandbuchImages(t *testing.T) {
	t.Helper()
	md, err := os.ReadFile(handbuchPath)
	if err != nil {
		t.Fatal(err)
	}
	links := imageLink.FindAllStringSubmatch(string(md), -1)
	if len(links) < 8 {
		t.Errorf("the Handbuch shows %d screenshots, want at least 8", len(links))
	}
	for _, l := range links {
		f, err := os.Open(filepath.Join(filepath.Dir(handbuchPath), l[1]))
		if err != nil {
			t.Errorf("image %s: %v", l[1], err)
			continue
		}
		cfg, _, err := image.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width < 1000 {
			t.Errorf("image %s: %d px wide, %v", l[1], cfg.Width, err)
		}
	}
}

// Every image the Handbuch links exists (also in a -short run, which does
// not regenerate them).
func TestHandbuchImagesResolve(t *testing.T) { checkHandbuchImages(t) }

// The Handbuch is a real manual, not a stub: at least 1,500 words.
func TestHandbuchWordCount(t *testing.T) {
	md, err := os.ReadFile(handbuchPath)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, w := range strings.Fields(imageLink.ReplaceAllString(string(md), "")) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			n++
		}
	}
	if n < 1500 {
		t.Errorf("the Handbuch has %d words, want at least 1500", n)
	}
}

// The Hilfe menu is there before a file is opened, and its Handbuch item
// opens one window with the Handbuch's text and without its pictures.
func TestHilfeMenuOpensHandbuch(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	u := New(a, w)
	item := menuItem(t, u, "Hilfe", "Handbuch")
	if u.openHandbook == nil {
		t.Fatal("openHandbook not set: the start panel cannot open the Handbuch")
	}
	item.Action()
	hw := u.handbookWin
	if hw == nil {
		t.Fatal("no Handbuch window")
	}
	scroll, ok := hw.Content().(*container.Scroll)
	if !ok {
		t.Fatalf("the Handbuch window shows %T, want a scroll", hw.Content())
	}
	var b strings.Builder
	walkAll(t, scroll.Content, func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RichText); ok {
			segmentText(t, &b, r.Segments)
		}
	})
	text := b.String()
	for _, want := range []string{"Werte eintragen", "Bericht festschreiben", "Rückmeldung einlesen", "Datensicherung",
		"Tastenkürzel", "Prozentpunkte", "Strg+S", "Mit heutigen Werten drucken"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Handbuch window lacks %q", want)
		}
	}
	u.openHandbook()
	if u.handbookWin != hw {
		t.Error("a second call opened a second Handbuch window")
	}
	hw.Close()
	if u.handbookWin != nil {
		t.Error("the closed window is still remembered")
	}
	u.openHandbook()
	if u.handbookWin == nil || u.handbookWin == hw {
		t.Error("the Handbuch does not open again after closing")
	}
}

// segmentText writes the text of segs, lists and paragraphs included, and
// fails on a picture, which the window cannot load.
func segmentText(t *testing.T, b *strings.Builder, segs []widget.RichTextSegment) {
	for _, s := range segs {
		switch s := s.(type) {
		case *widget.ListSegment:
			segmentText(t, b, s.Items)
		case *widget.ParagraphSegment:
			segmentText(t, b, s.Texts)
		case *widget.ImageSegment:
			t.Errorf("the window shows a picture it cannot load: %s", s.Source)
		default:
			b.WriteString(s.Textual() + "\n")
		}
	}
}

// Über Integrationsmonitor names the version of FyneApp.toml and every
// library with its licence, and shows the full licence texts.
func TestAboutNamesLicences(t *testing.T) {
	u, _ := newTestApp(t)
	menuItem(t, u, "Hilfe", "Über Integrationsmonitor").Action()
	got := overlayTexts(t, u)
	for _, want := range []string{
		"Integrationsmonitor " + assets.Version + " (Build " + fmt.Sprint(assets.Build) + ")",
		"Fyne (Oberfläche) – BSD-3-Clause",
		"modernc.org/sqlite (Datenbank) – BSD-3-Clause",
		"gofpdf (PDF-Bericht) – MIT",
		"go-chart (Diagramme) – MIT",
		"Excelize (Excel-Export) – BSD-3-Clause",
		"Expr (Formeln der Kennzahlen) – MIT",
		"golang.org/x/text, x/sys, x/image – BSD-3-Clause",
		"DejaVu-Schriften (PDF-Bericht) – Bitstream-Vera-Lizenz",
		// the full texts below the summary
		"Copyright (C) 2018 Fyne.io developers",
		"Copyright (c) 2017 Kurt Jung",
		"Copyright (c) 2016 William Charczuk",
		"The excelize Authors",
		"Copyright (c) 2018 Anton Medvedev",
		"Copyright 2009 The Go Authors",
		"SQLite Is Public Domain",
		"Portions of this software are copyright",
		"Bitstream Vera",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Über dialog lacks %q", want)
		}
	}
	topButton(t, u, "Schließen")
}
