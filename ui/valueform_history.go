package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

func (f *valueForm) showHistory() {
	v, bf, err := f.readKey()
	if err != nil {
		f.message.SetText("Für die Historie bitte Grundzahl, Erhebungszeit, Bezirk und Gruppe angeben: " + store.Message(err))
		return
	}
	hist, err := f.u.st.History(context.Background(), v.BaseFigure, v.Period, v.Area, v.Group)
	if err != nil {
		f.fail(err)
		return
	}
	text := historyText(hist, bf.Unit)
	if text == "" {
		text = "Für diesen Wert gibt es noch keine Einträge."
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Historie: "+describeKey(f.u.cat, v), "Schließen", container.NewVScroll(l), f.u.win)
	d.Resize(fyne.NewSize(700, 400))
	d.Show()
}

// historyText lists who changed what when, one line per change.
func historyText(hist []store.HistoryEntry, unit string) string {
	val := func(n *float64, s store.Symbol) string {
		if s != store.NoSymbol {
			return string(s)
		}
		if n == nil {
			return "—"
		}
		return report.FormatValue(*n, s, unit)
	}
	var lines []string
	for _, h := range hist {
		when := h.At.Local().Format("02.01.2006 15:04")
		who := orDash(h.By)
		switch h.Action {
		case store.HistoryInserted:
			lines = append(lines, fmt.Sprintf("%s · %s · neu: %s (%s)", when, who, val(h.NewNumber, h.NewSymbol), orDash(h.Origin)))
		case store.HistoryChanged:
			lines = append(lines, fmt.Sprintf("%s · %s · geändert: %s → %s (%s)", when, who, val(h.OldNumber, h.OldSymbol), val(h.NewNumber, h.NewSymbol), orDash(h.Origin)))
		default:
			lines = append(lines, fmt.Sprintf("%s · %s · gelöscht: %s", when, who, val(h.OldNumber, h.OldSymbol)))
		}
	}
	return strings.Join(lines, "\n")
}
