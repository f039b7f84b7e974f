package pdf

import (
	"fmt"
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
)

// idChanges is the outline id of the chapter "Änderungen seit dem Bericht
// J"; the chapter exists only when Options.Changes lists a change.
const idChanges = "aenderungen"

// hasChanges reports whether the report gets the chapter.
func hasChanges(c *report.Changes) bool { return c != nil && len(c.Items) > 0 }

func changesTitle(c *report.Changes) string {
	return fmt.Sprintf("Änderungen seit dem Bericht %d", c.Year)
}

// changesGroups are the parts of the table, in the order ChangesSince
// sorts the changes.
var changesGroups = map[report.ChangeKind]string{
	report.VerdictChanged: "Geänderte Bewertungen",
	report.ValueRevised:   "Korrigierte Werte (größte Änderung zuerst)",
	report.ValueLate:      "Nachgelieferte Werte",
	report.ValueRemoved:   "Gelöschte Werte",
}

// changes is the chapter that tells the council why a figure of the
// frozen report J reads differently now: one table, a part per kind of
// change, each row the value's coordinates, the old and new print and
// the source of the new value.
func (d *pdfDoc) changes() {
	c := d.opt.Changes
	if !hasChanges(c) {
		return
	}
	d.chapterBreak()
	d.heading(idChanges, keepAfter)
	d.text(changesIntro(c), bodyText)
	d.table(d.in.changesTable(c))
}

func changeCount(n int) string {
	if n == 1 {
		return "eine Änderung"
	}
	return fmt.Sprintf("%d Änderungen", n)
}

func firstCode(codes []string) string {
	if len(codes) == 0 {
		return ""
	}
	return codes[0]
}

// changesIntro is the paragraph above the table of changes c.
func changesIntro(c *report.Changes) string {
	return fmt.Sprintf("Der Bericht %d wurde festgeschrieben. Seitdem haben die Datenlieferanten Werte bis %d berichtigt, "+
		"nachgeliefert oder zurückgezogen, und neue Werte können Bewertungen verändert haben. Die Tabelle nennt %s, "+
		"zuerst die Kennzahlen mit geänderter Bewertung. „Bisher“ ist der Stand des Berichts %d, „jetzt“ der Stand dieses Berichts.",
		c.Year, c.Year, changeCount(len(c.Items)), c.Year)
}

// changesTable is the table of changes c: a part per kind of change,
// each row the value's coordinates, the old and new print and the
// source of the new value.
func (in *reportInput) changesTable(c *report.Changes) table {
	t := table{cols: []column{
		{title: "Kenn\u00adzahl", width: 17},
		{title: "Grundzahl, Gruppe, Erhebungszeit, Bezirk", width: 48},
		// Left-aligned: a column holds numbers of different Grundzahlen
		// and the words of a Bewertung, never a column of figures to sum.
		{title: "Bisher", width: 24},
		{title: "Jetzt", width: 24},
		{title: "Grund", width: 57},
	}}
	kind := report.ChangeKind(-1)
	for _, it := range c.Items {
		if it.Kind != kind {
			kind = it.Kind
			t.rows = append(t.rows, row{cells: []string{changesGroups[kind]}, group: true})
		}
		what, reason := it.Location, it.Reason
		if it.Kind == report.VerdictChanged {
			what = "Bewertung"
			if kr, ok := in.e.KeyFigure(firstCode(it.KeyFigures)); ok {
				what = strings.TrimSpace(kr.KeyFigure.Statement)
			}
		}
		t.rows = append(t.rows, row{cells: []string{strings.Join(it.KeyFigures, ", "), what, it.Old, it.New, reason}})
	}
	return t
}

// Changes is the chapter "Änderungen seit dem Bericht J" for changes c
// (which must list a change): its paragraph and its table.
func (x *Edition) Changes(c *report.Changes) (intro string, t Table) {
	return changesIntro(c), exportTable(x.d.in.changesTable(c))
}
