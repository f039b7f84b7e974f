package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/store"
)

// entryKind says what a row of a Handlungsfeld's list shows.
type entryKind int

const (
	goalsEntry entryKind = iota
	keyFigureEntry
	indicatorEntry
)

type fieldEntry struct {
	kind  entryKind
	index int
	label string
}

// fieldTab shows one Handlungsfeld: a list of its parts on the left
// (Annahmen und Ziele, each Kennzahl, each Wirkungsindikator) and the
// selected part on the right.
type fieldTab struct {
	u         *App
	field     store.Field
	entries   []fieldEntry
	list      *widget.List
	detail    *fyne.Container
	scroll    *container.Scroll
	content   fyne.CanvasObject
	current   *keyFigurePanel // the Kennzahl shown, if any
	indicator *indicatorPanel // the Wirkungsindikator shown, if any
	shown     int             // list index of the entry shown, -1 before the first
}

func newFieldTab(u *App, f store.Field) *fieldTab {
	t := &fieldTab{u: u, field: f, shown: -1}
	t.entries = append(t.entries, fieldEntry{kind: goalsEntry, label: "Annahmen und Ziele"})
	for i, k := range f.KeyFigures {
		t.entries = append(t.entries, fieldEntry{kind: keyFigureEntry, index: i, label: navLabel(k.Code, k.Statement)})
	}
	for i, w := range f.Indicators {
		t.entries = append(t.entries, fieldEntry{kind: indicatorEntry, index: i, label: navLabel(w.Code, w.Title)})
	}
	t.list = widget.NewList(
		func() int { return len(t.entries) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("A-K0 Platzhalter")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(t.entries[id].label) },
	)
	t.detail = container.NewVBox()
	t.scroll = container.NewVScroll(t.detail)
	t.list.OnSelected = t.selectEntry
	split := container.NewHSplit(t.list, t.scroll)
	split.Offset = 0.3
	t.content = split
	return t
}

// ensureShown shows the first entry (Annahmen und Ziele) unless one was
// chosen: laying out every Handlungsfeld's text delayed the window, so each
// is laid out when first shown.
func (t *fieldTab) ensureShown() {
	if t.shown < 0 {
		t.list.Select(0)
	}
}

// navLabel puts the code first ("A-K1 Der Arbeitslosenindex …"): cut off
// at a narrow window, "Kennzahl 1: …" and "Wirkungsindikator 1: …" left
// only a prefix that was the same in every row.
func navLabel(code, text string) string {
	return code + " " + text
}

// SelectKeyFigure shows the Kennzahl with the given code.
func (t *fieldTab) SelectKeyFigure(code string) bool {
	for i, e := range t.entries {
		if e.kind == keyFigureEntry && t.field.KeyFigures[e.index].Code == code {
			t.list.Select(i)
			return true
		}
	}
	return false
}

// SelectIndicator shows the Wirkungsindikator with the given code.
func (t *fieldTab) SelectIndicator(code string) bool {
	for i, e := range t.entries {
		if e.kind == indicatorEntry && t.field.Indicators[e.index].Code == code {
			t.list.Select(i)
			return true
		}
	}
	return false
}

// Detail is the container showing the selected part (for tests).
func (t *fieldTab) Detail() *fyne.Container { return t.detail }

func (t *fieldTab) show(e fieldEntry) {
	var objs []fyne.CanvasObject
	t.current, t.indicator = nil, nil
	switch e.kind {
	case goalsEntry:
		objs = goalsView(t.field)
	case keyFigureEntry:
		t.current = newKeyFigurePanel(t.u, t.field.KeyFigures[e.index])
		objs = withValueLegend(t.current.objects(), t.current.table.box)
	case indicatorEntry:
		t.indicator = newIndicatorPanel(t.u, t.field.Indicators[e.index])
		objs = t.indicator.objects()
	}
	t.detail.Objects = objs
	t.detail.Refresh()
	t.scroll.ScrollToTop()
}

// withValueLegend puts the legend of marks and symbols right below the
// table of stored values (at the end if the table is not among objs).
func withValueLegend(objs []fyne.CanvasObject, table fyne.CanvasObject) []fyne.CanvasObject {
	at := len(objs)
	for i, o := range objs {
		if o == table {
			at = i + 1
			break
		}
	}
	out := append([]fyne.CanvasObject{}, objs[:at]...)
	out = append(out, legendLabel(valueLegend()))
	return append(out, objs[at:]...)
}

func heading(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

func para(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func goalsView(f store.Field) []fyne.CanvasObject {
	objs := []fyne.CanvasObject{heading("Handlungsfeld " + f.Code + ": " + f.Title), heading("Annahmen")}
	for _, a := range f.Assumptions {
		objs = append(objs, para(fmt.Sprintf("%d. %s", a.Num, a.Text)))
	}
	objs = append(objs, widget.NewSeparator())
	rank := 0
	for _, g := range f.Goals {
		if g.Rank != rank {
			rank = g.Rank
			objs = append(objs, heading(fmt.Sprintf("Ziele im Rang %d", rank)))
		}
		card := widget.NewCard("", g.Code+" "+g.Title, para(g.Text))
		objs = append(objs, card)
	}
	return objs
}

// keyFigureView shows the catalogue fields of a Kennzahl. The value form
// and chart of issue #4 are added below it.
func keyFigureView(cat *store.Catalog, k store.KeyFigure) []fyne.CanvasObject {
	form := widget.NewForm()
	add := func(label, value string) {
		if strings.TrimSpace(value) == "" {
			value = "—"
		}
		form.Append(label, para(value))
	}
	add("Grundzahlen", k.BaseFigureText)
	add("Erhebungszeit", k.SurveyTime)
	add("Statistischer Bezirk", k.AreaText)
	add("Quelle", k.SourceText)
	add("Anmerkungen", k.Notes)
	add("Zielrichtung", k.Direction.Label())
	add("Einheit", k.Unit)
	add("Erfassung Migrationshintergrund", k.MigrationCapture)
	add("Methodische Hinweise", k.MethodNotes)
	objs := []fyne.CanvasObject{heading(fmt.Sprintf("Kennzahl %d", k.Num)), para(k.Statement), form, heading("Zu liefernde Grundzahlen")}
	for _, b := range k.BaseFigures {
		objs = append(objs, para(baseFigureLine(cat, b)))
	}
	return objs
}

// baseFigureLine describes a Grundzahl in one German line. Names are
// joined with "; " because group names contain commas ("Deutsche,
// weiblich").
func baseFigureLine(cat *store.Catalog, b store.BaseFigure) string {
	var groups, areas []string
	for _, g := range b.Groups {
		groups = append(groups, cat.GroupName(g))
	}
	for _, a := range b.Areas {
		areas = append(areas, cat.AreaName(a))
	}
	return fmt.Sprintf("• %s (%s) — Gruppen: %s. Bezirke: %s.", b.Name, b.Unit, strings.Join(groups, "; "), strings.Join(areas, "; "))
}

func indicatorView(w store.ImpactIndicator) []fyne.CanvasObject {
	objs := []fyne.CanvasObject{heading(fmt.Sprintf("Wirkungsindikator %d: %s", w.Num, w.Title)), para(w.Text)}
	for _, it := range w.Items {
		objs = append(objs, para(it))
	}
	kind := map[store.IndicatorKind]string{
		store.ReportText:    "Bericht (Text)",
		store.Participation: "Beteiligungsstruktur (Anteile im Vergleich zur Bevölkerungsstruktur)",
		store.Survey:        "Befragung der Integrationskonferenz",
	}[w.Kind]
	form := widget.NewForm(widget.NewFormItem("Berichtsform", para(kind)))
	if w.Instruments {
		form.Append("Instrumente", para("Anzahl und Charakter werden in Berichtsform aufgezählt."))
	}
	return append(objs, form)
}
