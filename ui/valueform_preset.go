package ui

import (
	"fmt"
	"slices"
	"strings"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// preset chooses the key of v in the form: Grundzahl, Erhebungszeit and,
// where v names them, Bezirk and Gruppe. The value and its marks are left
// as they are, so that nothing typed is lost. It reports whether the form
// offers v's Grundzahl at all.
func (f *valueForm) preset(v store.Value) bool {
	i := slices.IndexFunc(f.bfs, func(b store.BaseFigure) bool { return b.Code == v.BaseFigure })
	if i < 0 {
		return false
	}
	f.baseFigure.SetSelectedIndex(i) // offers the Bezirke and Gruppen of this Grundzahl
	bf := f.bfs[i]
	if v.Period != "" {
		f.period.SetText(v.Period.Label())
	}
	if a := slices.Index(bf.Areas, v.Area); a >= 0 {
		f.area.SetSelectedIndex(a)
	}
	if g := slices.Index(bf.Groups, v.Group); g >= 0 {
		f.group.SetSelectedIndex(g)
	}
	return true
}

// presetDelivery prepares the form for the next value of a Datenlieferung
// and says next to the form what of it is still missing, so that she can
// go through the missing cells one by one.
func (f *valueForm) presetDelivery(d report.Delivery) {
	v := d.NextEntry()
	if !f.preset(v) {
		return
	}
	f.message.SetText(deliveryNote(f.u.cat, d, v.Period))
	if c := f.u.win.Canvas(); c != nil {
		c.Focus(f.value)
	}
}

// maxMissingNamed bounds the list of missing cells in the note; the rest
// is counted.
const maxMissingNamed = 4

// deliveryNote says how far the delivery of period p has come.
func deliveryNote(cat *store.Catalog, d report.Delivery, p store.Period) string {
	head := fmt.Sprintf("Datenlieferung %s, %s: ", d.BaseFigure.Name, p.Label())
	switch {
	case p != d.Period:
		return head + "noch keine Werte gespeichert."
	case d.Have >= d.Want:
		return head + fmt.Sprintf("alle %d Werte gespeichert.", d.Want)
	case d.Have == 0:
		return head + fmt.Sprintf("noch keiner der %d Werte gespeichert.", d.Want)
	}
	var names []string
	for i, c := range d.Missing {
		if i == maxMissingNamed {
			names = append(names, fmt.Sprintf("und %d weitere", len(d.Missing)-i))
			break
		}
		names = append(names, cat.AreaName(c.Area)+" – "+cat.GroupName(c.Group))
	}
	return head + fmt.Sprintf("%d von %d Werten gespeichert; es fehlen %s.", d.Have, d.Want, strings.Join(names, ", "))
}
