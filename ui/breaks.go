package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// breaksSection is the "Zeitreihenbrüche" part of a Kennzahl's panel: the
// breaks in force for the Kennzahl and the Grundzahlen it reads, with a
// button to add one and one per break to remove it. A change evaluates the
// file again, as saving a value does.
type breaksSection struct {
	u    *App
	kf   store.KeyFigure
	bfs  []store.BaseFigure
	rows *fyne.Container
	add  *widget.Button
	box  *fyne.Container
	// shown are the breaks listed, in the order of rows.
	shown []store.SeriesBreak
	// changed is called after a break was added or removed.
	changed func()
	// dialog is the open "Hinzufügen" dialog, for tests.
	dialog *breakDialog
}

func newBreaksSection(u *App, kf store.KeyFigure, bfs []store.BaseFigure, changed func()) *breaksSection {
	s := &breaksSection{u: u, kf: kf, bfs: bfs, changed: changed, rows: container.NewVBox()}
	s.add = widget.NewButton("Hinzufügen…", s.showAdd)
	intro := para("Ein Zeitreihenbruch (Zeichen „|“) trennt eine Reihe, deren Grundlage sich geändert hat " +
		"(Zensus, neu geschnittene Bezirke, geänderte Schulstruktur). Über den Bruch hinweg wird nicht verglichen.")
	s.box = container.NewVBox(heading("Zeitreihenbrüche"), intro, s.rows, container.NewHBox(s.add))
	s.reload()
	return s
}

// reload reads the breaks in force from the file and lists those of this
// Kennzahl.
func (s *breaksSection) reload() {
	s.shown = nil
	if s.u.st != nil {
		all, err := s.u.st.SeriesBreaks(context.Background())
		if err != nil {
			s.u.showError("Zeitreihenbrüche lesen", err)
		}
		s.shown = s.own(all)
		s.add.Enable()
		if s.u.st.ReadOnly() {
			s.add.Disable()
		}
	}
	var objs []fyne.CanvasObject
	if len(s.shown) == 0 {
		objs = append(objs, widget.NewLabel("Für diese Kennzahl ist kein Zeitreihenbruch eingetragen."))
	}
	for _, b := range s.shown {
		remove := widget.NewButton("Entfernen", func() { s.confirmRemove(b) })
		if s.u.st == nil || s.u.st.ReadOnly() {
			remove.Disable()
		}
		objs = append(objs, container.NewBorder(nil, nil, nil, remove, para(s.describe(b))))
	}
	s.rows.Objects = objs
	s.rows.Refresh()
}

// own are the breaks of this Kennzahl or of a Grundzahl it reads.
func (s *breaksSection) own(all []store.SeriesBreak) []store.SeriesBreak {
	var out []store.SeriesBreak
	for _, b := range all {
		if b.KeyFigure == s.kf.Code || b.BaseFigure != "" && slices.ContainsFunc(s.bfs, func(bf store.BaseFigure) bool { return bf.Code == b.BaseFigure }) {
			out = append(out, b)
		}
	}
	slices.SortStableFunc(out, func(a, b store.SeriesBreak) int { return a.Period.Compare(b.Period) })
	return out
}

// describe is a break as a line of the list: "| ab 2022 – Bevölkerung:
// Bevölkerung ab 2022 auf Basis des Zensus 2022 (Herkunft: Import)".
func (s *breaksSection) describe(b store.SeriesBreak) string {
	text := report.BreakMark + " ab " + b.Period.Label() + " – " + s.seriesName(b)
	if b.Area != "" {
		text += ", nur " + s.u.cat.AreaName(b.Area)
	}
	if b.Group != "" {
		text += ", nur " + s.u.cat.GroupName(b.Group)
	}
	return text + ": " + b.Reason + " (Herkunft: " + originLabel(b.Origin) + ")"
}

// seriesName names the series a break belongs to.
func (s *breaksSection) seriesName(b store.SeriesBreak) string {
	if b.KeyFigure != "" {
		return "ganze Kennzahl " + b.KeyFigure
	}
	for _, bf := range s.bfs {
		if bf.Code == b.BaseFigure {
			return bf.Name
		}
	}
	return b.BaseFigure
}

// originLabel says in German who set a break.
func originLabel(o store.BreakOrigin) string {
	switch o {
	case store.BreakAutomatic:
		return "automatisch"
	case store.BreakImport:
		return "Import"
	case store.BreakUser:
		return "Benutzer"
	}
	return string(o)
}

// confirmRemove asks before a break is taken out of force; the file keeps
// it with the time of the removal.
func (s *breaksSection) confirmRemove(b store.SeriesBreak) {
	msg := fmt.Sprintf("Soll der Zeitreihenbruch ab %s (%s) entfernt werden?\nDie Werte davor und danach werden dann wieder miteinander verglichen. "+
		"Die Datei vermerkt, wann und von wem der Bruch entfernt wurde.", b.Period.Label(), s.seriesName(b))
	d := dialog.NewConfirm("Zeitreihenbruch entfernen", msg, func(yes bool) {
		if yes {
			s.remove(b)
		}
	}, s.u.win)
	d.SetConfirmText("Entfernen")
	d.SetDismissText("Abbrechen")
	d.Show()
}

func (s *breaksSection) remove(b store.SeriesBreak) {
	if err := s.u.st.RemoveSeriesBreak(context.Background(), b.ID); err != nil {
		s.u.showError("Zeitreihenbruch entfernen", err)
	}
	s.refresh()
}

// refresh lists the breaks again and evaluates the file again.
func (s *breaksSection) refresh() {
	s.reload()
	if s.changed != nil {
		s.changed()
	}
}

// breakDialog asks for a new break: the series (a Grundzahl or the whole
// Kennzahl), the first Erhebungszeit of the new part and the reason. It
// stays open with a German message until what she entered can be stored.
type breakDialog struct {
	s       *breaksSection
	series  *widget.Select
	period  *periodChooser
	reason  *widget.Entry
	message *widget.Label
	ok      *widget.Button
	d       *dialog.CustomDialog
}

// wholeKeyFigure is the choice of the series list for a break of the
// whole Kennzahl.
func (s *breaksSection) wholeKeyFigure() string { return "Ganze Kennzahl " + s.kf.Code }

func (s *breaksSection) showAdd() {
	bd := &breakDialog{s: s}
	options := []string{s.wholeKeyFigure()}
	for _, bf := range s.bfs {
		options = append(options, bf.Name)
	}
	bd.period = newPeriodChooser(firstOfferedYear, time.Now().Year()+1)
	bd.series = widget.NewSelect(options, func(string) { bd.period.setKind(bd.kind()) })
	bd.reason = widget.NewEntry()
	bd.reason.SetPlaceHolder("z. B. Stimmbezirke neu geschnitten")
	bd.message = para("")
	form := widget.NewForm(
		widget.NewFormItem("Reihe", bd.series),
		widget.NewFormItem("Neue Reihe ab", bd.period.box),
		widget.NewFormItem("Grund", bd.reason),
	)
	bd.ok = widget.NewButton("Hinzufügen", bd.submit)
	bd.ok.Importance = widget.HighImportance
	cancel := widget.NewButton("Abbrechen", func() { bd.d.Hide() })
	content := container.NewVBox(para("Ab der gewählten Erhebungszeit beginnt eine neue Reihe; die Bewertung vergleicht nicht über den Bruch hinweg."),
		form, bd.message)
	bd.d = dialog.NewCustomWithoutButtons("Zeitreihenbruch hinzufügen", content, s.u.win)
	bd.d.SetButtons([]fyne.CanvasObject{cancel, bd.ok})
	bd.d.SetOnClosed(func() {
		if s.dialog == bd {
			s.dialog = nil
		}
	})
	bd.series.SetSelectedIndex(0)
	s.dialog = bd
	bd.d.Resize(fyne.NewSize(600, 340))
	bd.d.Show()
}

// kind is the kind of period of the chosen series: the Grundzahl's, for
// the whole Kennzahl that of its first own Grundzahl.
func (bd *breakDialog) kind() store.PeriodKind {
	i := bd.series.SelectedIndex()
	if i > 0 && i <= len(bd.s.bfs) {
		return bd.s.bfs[i-1].PeriodKind
	}
	if len(bd.s.kf.BaseFigures) > 0 {
		return bd.s.kf.BaseFigures[0].PeriodKind
	}
	return store.YearPeriod
}

// read is the break she entered, or a German error saying what is missing.
func (bd *breakDialog) read() (store.SeriesBreak, error) {
	b := store.SeriesBreak{Origin: store.BreakUser}
	switch i := bd.series.SelectedIndex(); {
	case i == 0:
		b.KeyFigure = bd.s.kf.Code
	case i > 0 && i <= len(bd.s.bfs):
		b.BaseFigure = bd.s.bfs[i-1].Code
	default:
		return b, store.Invalid("Bitte wählen Sie die Reihe, in der der Bruch liegt.")
	}
	p, err := bd.period.Period()
	if err != nil {
		return b, err
	}
	b.Period = p
	b.Reason = strings.TrimSpace(bd.reason.Text)
	if b.Reason == "" {
		return b, store.Invalid("Bitte geben Sie den Grund des Zeitreihenbruchs an.")
	}
	return b, nil
}

// submit stores the break in one transaction and closes the dialog, or
// says in the dialog why it cannot.
func (bd *breakDialog) submit() {
	b, err := bd.read()
	if err == nil {
		_, err = bd.s.u.st.AddSeriesBreak(context.Background(), b)
	}
	if err != nil {
		bd.message.SetText(store.Message(err))
		return
	}
	bd.d.Hide()
	bd.s.refresh()
}

// mergeBreaks lists in the merge dialog the Zeitreihenbrüche a returned
// file set or removed. They are not chosen one by one: they describe the
// series, and the values taken over are read with them.
func mergeBreaks(box *fyne.Container, plan *store.MergePlan) {
	list := func(title string, bs []store.SeriesBreak) {
		if len(bs) == 0 {
			return
		}
		box.Add(heading(fmt.Sprintf("%s (%d) – werden mit übernommen", title, len(bs))))
		for _, b := range bs {
			box.Add(para(report.BreakMark + " " + b.Describe()))
		}
	}
	list("Neue Zeitreihenbrüche", plan.NewBreaks)
	list("In der Rückmeldung entfernte Zeitreihenbrüche", plan.RemovedBreaks)
}
