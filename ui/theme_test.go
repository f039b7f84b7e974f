package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"golang.org/x/image/font/sfnt"

	"bergischgladbach.de/integrationsmonitor/report"
)

// The window's faces must have every character the evaluation writes into
// numbers, above all the minus sign: without it a system lacking a fallback
// font (Wine) shows "�" in "−4,0 Pp.".
func TestThemeFacesHaveTheMinusSign(t *testing.T) {
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		res := Theme().Font(style)
		f, err := sfnt.Parse(res.Content())
		if err != nil {
			t.Fatalf("%s: %v", res.Name(), err)
		}
		var b sfnt.Buffer
		for _, r := range report.MinusSign + "0123456789,.%€–„“äöüß" {
			if i, err := f.GlyphIndex(&b, r); err != nil || i == 0 {
				t.Errorf("%s has no glyph for %q (%v)", res.Name(), r, err)
			}
		}
	}
}
