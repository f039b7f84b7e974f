package ui

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/report/pdf"
	"bergischgladbach.de/integrationsmonitor/store"
)

// reportFonts are the fonts every Monitoring-Bericht is printed in.
var reportFonts = pdf.Fonts{Regular: assets.FontRegular, Bold: assets.FontBold, Italic: assets.FontItalic}

// renderHashed renders a report into w and returns its pages and the
// lower-hex SHA-256 of the bytes written.
func renderHashed(w io.Writer, in, prev *store.EditionInputs, opt pdf.Options) (int, string, error) {
	h := sha256.New()
	pages, err := pdf.Render(io.MultiWriter(w, h), in, prev, opt)
	return pages, hex.EncodeToString(h.Sum(nil)), err
}

// editionMenuItems are the Bericht menu's entries for freezing and the
// list of the frozen editions, each showing its details when chosen.
func (u *App) editionMenuItems() []*fyne.MenuItem {
	ro := u.st.ReadOnly()
	eds := u.editions()
	_, frozen := latestOf(eds, u.reportYear)
	items := []*fyne.MenuItem{
		writeItem(fyne.NewMenuItem("Bericht festschreiben…", u.showFreeze), ro),
		writeItem(fyne.NewMenuItem("Ratsvorlage eintragen…", u.showCouncilPaper), ro || !frozen),
	}
	if len(eds) > 0 {
		items = append(items, fyne.NewMenuItemSeparator())
	}
	for _, e := range eds {
		e := e
		items = append(items, fyne.NewMenuItem("Festgeschrieben: "+editionSummary(e), func() { u.showEditionDetails(e) }))
	}
	return items
}

// showFreeze explains freezing and asks before freezing the Berichtsjahr.
func (u *App) showFreeze() {
	if u.st.ReadOnly() {
		u.showError("Festschreiben", u.st.ReadOnlyReason())
		return
	}
	y := u.reportYear
	msg := fmt.Sprintf("Beim Festschreiben wird der Bericht %d mit allen Werten, Quellen und Texten, aus denen er entsteht, unveränderlich in der Datei gespeichert. "+
		"Er lässt sich dann jederzeit unverändert wieder drucken, auch wenn Werte später korrigiert werden; "+
		"der nächste Bericht nennt, was sich seitdem geändert hat.", y)
	next := 1
	if last, ok := latestOf(u.editions(), y); ok {
		next = last.Version + 1
		msg += fmt.Sprintf("\n\nDer Bericht %d ist bereits festgeschrieben (%d. Fassung vom %s). Es wird eine %d. Fassung angelegt; die bisherige bleibt erhalten.",
			y, last.Version, editionDate(last), next)
	}
	d := dialog.NewCustomConfirm(fmt.Sprintf("Bericht %d festschreiben", y), fmt.Sprintf("%d. Fassung festschreiben", next), "Abbrechen", para(msg),
		func(ok bool) {
			if ok {
				u.freeze()
			}
		}, u.win)
	d.Resize(fyne.NewSize(640, 300))
	d.Show()
}

// freeze reads the inputs on the UI goroutine, so the edition is the
// file as it was when she confirmed, then prints and stores it in a job.
// The PDF's hash is stored with the edition so that a reprint can be
// checked against it.
func (u *App) freeze() {
	st, y := u.st, u.reportYear
	in, err := u.currentInputs(y)
	if err == nil {
		var prev *store.EditionInputs
		if prev, err = u.previousInputs(in); err == nil {
			var ed store.Edition
			u.runJob(job{title: fmt.Sprintf("Bericht %d wird festgeschrieben …", y), file: st.Path(), steps: true,
				work: func(progress func(done, total int)) error {
					opt := pdf.OptionsFor(in, reportFonts)
					opt.Progress = progress
					pages, sum, err := renderHashed(io.Discard, in, prev, opt)
					if err != nil {
						return err
					}
					ed, err = st.Freeze(context.Background(), *in, "", sum, pages)
					return err
				},
				done: func(err error) { u.frozen(ed, err) }})
			return
		}
	}
	u.showError("Festschreiben", err)
}

// frozen shows the new edition and offers to record its council paper.
func (u *App) frozen(ed store.Edition, err error) {
	if err != nil {
		u.showError("Festschreiben", err)
		return
	}
	u.refreshEditions()
	title := fmt.Sprintf("Bericht %d festgeschrieben (%d. Fassung, %d Seiten)", ed.ReportYear, ed.Version, ed.Pages)
	u.showPaperForm(ed, title, "Sie können jetzt oder später (Bericht → Ratsvorlage eintragen…) eintragen, mit welcher Vorlage der Bericht in den Rat geht.", "Später")
}

// refreshEditions shows a changed list of editions in the menu and tabs.
func (u *App) refreshEditions() {
	u.prevEval = nil
	u.refreshMenu()
	if u.year != nil {
		u.year.showFrozen()
	}
	if u.sinceLast != nil {
		u.sinceLast.reload()
	}
}

// showCouncilPaper edits the council paper of the Berichtsjahr's newest
// Fassung.
func (u *App) showCouncilPaper() {
	ed, ok := latestOf(u.editions(), u.reportYear)
	if !ok {
		dialog.ShowInformation("Ratsvorlage", fmt.Sprintf("Der Bericht %d ist noch nicht festgeschrieben.", u.reportYear), u.win)
		return
	}
	u.showPaperForm(ed, fmt.Sprintf("Ratsvorlage zum Bericht %d, %d. Fassung", ed.ReportYear, ed.Version), "", "Abbrechen")
}

// showPaperForm asks for Drucksache, Sitzung and Datum of ed.
func (u *App) showPaperForm(ed store.Edition, title, intro, dismiss string) {
	nr, session, date := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	nr.SetText(ed.Paper.Drucksache)
	session.SetText(ed.Paper.Sitzung)
	date.SetPlaceHolder("z. B. 27.03.2025")
	if ed.Paper.Datum != "" {
		date.SetText(store.Period(ed.Paper.Datum).Label())
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Drucksache", nr),
		widget.NewFormItem("Sitzung", session),
		widget.NewFormItem("Datum", date),
	}
	if intro != "" {
		items = append([]*widget.FormItem{widget.NewFormItem("", para(intro))}, items...)
	}
	d := dialog.NewForm(title, "Speichern", dismiss, items, func(ok bool) {
		if !ok {
			return
		}
		p := store.CouncilPaper{Drucksache: strings.TrimSpace(nr.Text), Sitzung: strings.TrimSpace(session.Text)}
		if s := strings.TrimSpace(date.Text); s != "" {
			d, err := store.ParsePeriodOfKind(s, store.DatePeriod)
			if err != nil {
				u.showError("Ratsvorlage", err)
				return
			}
			p.Datum = string(d)
		}
		if err := u.st.SetCouncilPaper(context.Background(), ed.ID, p); err != nil {
			u.showError("Ratsvorlage", err)
			return
		}
		u.refreshEditions()
	}, u.win)
	d.Resize(fyne.NewSize(640, 360))
	d.Show()
}

// showEditionDetails tells who froze an edition when, and where it went.
func (u *App) showEditionDetails(e store.Edition) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "Festgeschrieben am %s von %s.\n", e.FrozenAt.Local().Format("02.01.2006 um 15:04 Uhr"), orUnknown(e.FrozenBy))
	if e.Pages > 0 {
		fmt.Fprintf(&b, "Gedruckt mit %d Seiten.\n", e.Pages)
	}
	fmt.Fprintf(&b, "Prüfsumme: %s…\n", prefix(e.Hash, 12))
	if e.PDFHash != "" {
		fmt.Fprintf(&b, "Prüfsumme des Ausdrucks: %s…\n", prefix(e.PDFHash, 12))
	}
	p := e.Paper
	if p == (store.CouncilPaper{}) {
		b.WriteString("Ratsvorlage: noch nicht eingetragen.")
	} else {
		b.WriteString("Ratsvorlage: Drucksache " + orUnknown(p.Drucksache))
		if p.Sitzung != "" {
			b.WriteString(", Sitzung " + p.Sitzung)
		}
		if p.Datum != "" {
			b.WriteString(" am " + store.Period(p.Datum).Label())
		}
		b.WriteString(".")
	}
	dialog.ShowInformation(e.Label(), b.String(), u.win)
}

func orUnknown(s string) string {
	if s == "" {
		return "(unbekannt)"
	}
	return s
}

func prefix(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
