package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The Berichtsjahr label beside its chooser is one line: a wrapping label
// in a row shrank to one letter per line.
func TestYearTabLabelOnOneLine(t *testing.T) {
	u, _ := newTestApp(t)
	u.tabs.SelectIndex(len(u.tabs.Items) - 1)
	var label *widget.Label
	walkAll(t, u.ensureYear().content, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Text == "Berichtsjahr:" {
			label = l
		}
	})
	if label == nil {
		t.Fatal("no label Berichtsjahr:")
	}
	if h := label.Size().Height; h > 2*label.MinSize().Height || label.Size().Width < 60 {
		t.Errorf("label is %v, min %v: not one line", label.Size(), label.MinSize())
	}
}
