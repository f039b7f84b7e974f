package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// startPanel greets a file without values: an Übersicht full of
// "? zu wenig Daten" tells a new user nothing about where to begin.
type startPanel struct {
	u       *App
	buttons []*widget.Button
	content fyne.CanvasObject
	// showOverview leaves the panel for the (empty) Übersicht.
	showOverview func()
}

func newStartPanel(u *App, showOverview func()) *startPanel {
	s := &startPanel{u: u, showOverview: showOverview}
	box := container.NewVBox(
		heading("Willkommen im Integrationsmonitoring"),
		para("Diese Datei enthält noch keine Werte. Womit möchten Sie beginnen?"),
	)
	add := func(label, why string, tapped func()) *widget.Button {
		b := widget.NewButton(label, tapped)
		s.buttons = append(s.buttons, b)
		box.Add(b)
		box.Add(para(why))
		return b
	}
	add("Beispieldatei ansehen", "Legt eine neue Datei mit erfundenen Beispielwerten an, damit Sie Übersicht, Diagramme und Bericht ausprobieren können. Ihre Datei bleibt unverändert.",
		// Another file replaces this one: unsaved input is asked about first.
		func() { u.confirmLeave(func() { u.files.showNew(true) }) })
	imp := add("Amtliche Statistik importieren", "Liest eine CSV-Datei von IT.NRW (Landesdatenbank) oder dem Statistischen Bundesamt ein und ordnet ihre Spalten den Grundzahlen zu.",
		u.showImport)
	if u.st != nil && u.st.ReadOnly() {
		imp.Disable()
	}
	add("Erste Werte eintragen", "Öffnet die erste Kennzahl; unter „Wert erfassen oder korrigieren“ tragen Sie die gelieferten Grundzahlen ein.",
		s.firstValues)
	if u.openHandbook != nil {
		add("Handbuch öffnen", "Beschreibt Schritt für Schritt die Arbeit eines Berichtsjahres und erklärt die Zeichen und Abkürzungen.",
			func() { u.openHandbook() })
	}
	add("Leere Übersicht anzeigen", "Zeigt die Übersicht aller Kennzahlen, die sich mit den ersten Werten füllt.", showOverview)
	s.content = container.NewVScroll(container.NewCenter(container.New(fixedWidth(760), box)))
	return s
}

// fixedWidth lays its objects out at a fixed width. A wrapped label
// reports its height for the width it had last, so in a column whose width
// follows the window its text can be cut off; at a fixed width it cannot.
type fixedWidth float32

// Layout gives every object the fixed width and its height at that width.
func (w fixedWidth) Layout(objs []fyne.CanvasObject, _ fyne.Size) {
	for _, o := range objs {
		o.Resize(fyne.NewSize(float32(w), o.MinSize().Height))
		o.Resize(fyne.NewSize(float32(w), o.MinSize().Height))
	}
}

// MinSize is the fixed width and the tallest object at that width.
func (w fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		if o.Size().Width != float32(w) {
			o.Resize(fyne.NewSize(float32(w), o.MinSize().Height))
		}
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(w), h)
}

// firstValues shows the first Kennzahl of the first Handlungsfeld, whose
// panel holds the entry form.
func (s *startPanel) firstValues() {
	if s.u.cat == nil {
		return
	}
	for _, f := range s.u.cat.Fields {
		if len(f.KeyFigures) > 0 {
			s.u.ShowKeyFigure(f.KeyFigures[0].Code)
			return
		}
	}
}
