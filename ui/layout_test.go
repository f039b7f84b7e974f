package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestStartPanelOnEmptyFile(t *testing.T) {
	u, _ := newTestApp(t)
	if !u.overview.start.content.Visible() || u.overview.main.Visible() {
		t.Fatal("an empty file does not open on the start panel")
	}
	var labels []string
	for _, b := range u.overview.start.buttons {
		labels = append(labels, b.Text)
	}
	want := "Beispieldatei ansehen|Amtliche Statistik importieren|Erste Werte eintragen|Handbuch öffnen|Leere Übersicht anzeigen"
	if got := strings.Join(labels, "|"); got != want {
		t.Errorf("buttons: %s, want %s", got, want)
	}
	u.openHandbook = nil
	u.rebuild()
	for _, b := range u.overview.start.buttons {
		if b.Text == "Handbuch öffnen" {
			t.Error("a Handbuch button without a Handbuch to open")
		}
	}

	opened := false
	u.openHandbook = func() { opened = true }
	u.rebuild()
	test.Tap(findButton(t, u.overview.content, "Handbuch öffnen"))
	if !opened {
		t.Error("„Handbuch öffnen“ did not open the Handbuch")
	}

	test.Tap(findButton(t, u.overview.content, "Erste Werte eintragen"))
	if u.tabs.SelectedIndex() != 1 || u.field[0].current == nil || u.field[0].current.kf.Code != "A-K1" {
		t.Errorf("„Erste Werte eintragen“ shows tab %d, not A-K1", u.tabs.SelectedIndex())
	}

	test.Tap(findButton(t, u.overview.content, "Leere Übersicht anzeigen"))
	if u.overview.start.content.Visible() || !u.overview.main.Visible() {
		t.Error("„Leere Übersicht anzeigen“ left the start panel shown")
	}
}

func TestStartPanelNotForFileWithValues(t *testing.T) {
	u, _ := demoTestApp(t, 2023)
	if u.overview.start.content.Visible() || !u.overview.main.Visible() {
		t.Error("a file with values opens on the start panel")
	}
}

// Cut off at a narrow window every row showed "Kennzahl …" or
// "Wirkungsindikator …"; the codes keep them apart.
func TestNavigationLabelsCodesFirst(t *testing.T) {
	u, _ := newTestApp(t)
	ft := u.FieldTab("A")
	var labels []string
	for _, e := range ft.entries[1:] {
		labels = append(labels, e.label)
		if strings.HasPrefix(e.label, "Kennzahl") || strings.HasPrefix(e.label, "Wirkungsindikator") {
			t.Errorf("label %q does not start with the code", e.label)
		}
	}
	all := strings.Join(labels, "\n")
	for _, want := range []string{"A-K1 Der Arbeitslosenindex", "A-W1 Bewusstsein der"} {
		if !strings.Contains(all, want) {
			t.Errorf("no label starts %q:\n%s", want, all)
		}
	}
}

func TestLegendLines(t *testing.T) {
	u, _ := demoTestApp(t, 2023)
	for _, want := range []string{"++ Ziel erreicht", "? zu wenig Daten", "o nicht bewertbar", "Pp. = Prozentpunkte", "– nicht berechenbar"} {
		if !strings.Contains(u.overview.legend.Text, want) {
			t.Errorf("Übersicht legend lacks %q: %s", want, u.overview.legend.Text)
		}
	}
	ft := u.FieldTab("A")
	ft.SelectKeyFigure("A-K1")
	got := texts(ft.Detail())
	for _, want := range []string{"p vorläufig", "s geschätzt", ". Zahlenwert unbekannt oder geheim zu halten",
		"- nichts vorhanden", "/ keine Angabe, da Zahlenwert nicht sicher genug", "x Tabellenfach gesperrt", "... Angabe fällt später an"} {
		if !strings.Contains(got, want) {
			t.Errorf("Kennzahl panel lacks the legend %q", want)
		}
	}
}

// Each of the three exchanges says what it does before a file dialog
// opens, and the file dialog is titled in German word order.
func TestDialogsExplainFirst(t *testing.T) {
	u, _ := newTestApp(t)
	cases := []struct {
		menu, sentence, goOn, title string
	}{
		{"Kopie für E-Mail speichern…", mailCopySentence, "Ordner wählen …", "Ordner für die Kopie wählen"},
		{"Rückmeldung einlesen…", returnedSentence, "Datei wählen …", "Rückmeldung öffnen"},
		{"Amtliche Statistik importieren…", importSentence, "Datei wählen …", "Statistik-Datei öffnen"},
	}
	for _, c := range cases {
		t.Run(c.menu, func(t *testing.T) {
			menuItem(t, u, "Datei", c.menu).Action()
			if got := overlayTexts(t, u); !strings.Contains(got, c.sentence) {
				t.Fatalf("no explaining sentence before the dialog:\n%s", got)
			}
			test.Tap(topButton(t, u, c.goOn))
			got := overlayTexts(t, u)
			if !strings.Contains(got, c.title) {
				t.Errorf("file dialog not titled %q:\n%s", c.title, got)
			}
			for _, wrong := range []string{"Öffnen Datei", "Öffnen Ordner"} {
				if strings.Contains(got, wrong) {
					t.Errorf("file dialog says %q", wrong)
				}
			}
			dismissAll(u)
		})
	}
}

func TestReturnedNeverOffersOpenFile(t *testing.T) {
	u, path := newTestApp(t)
	f := notOpenFile{storage.NewExtensionFileFilter([]string{".sqlite"}), u.st.Path()}
	if f.Matches(storage.NewFileURI(path)) {
		t.Error("the open file is offered as its own Rückmeldung")
	}
	if !f.Matches(storage.NewFileURI(filepath.Join(filepath.Dir(path), "Rückmeldung.sqlite"))) {
		t.Error("another monitoring file is not offered")
	}
}

// A text table fits its window and wraps instead of cutting text off.
func TestTextTableWrapsAndFits(t *testing.T) {
	test.NewTempApp(t)
	rows := [][]string{{"A-K1", strings.Repeat("Der Arbeitslosenindex nähert sich an. ", 8)}}
	tbl := newTextTable([]string{"Kennzahl", "Aussage"}, []float32{90, 600}, &rows)
	tbl.Resize(fyne.NewSize(400, 300))
	var sum float32
	for _, w := range tbl.colWidths {
		sum += w
	}
	if sum > 400 {
		t.Errorf("columns are %v wide together, the table 400", sum)
	}
	line := widget.NewLabel("x").MinSize().Height
	if h := tbl.cellHeight(1, 1); h < 3*line {
		t.Errorf("long cell is %v high, want it wrapped over several lines (line %v)", h, line)
	}
}
