package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"bergischgladbach.de/integrationsmonitor/assets"
)

var (
	uiFontRegular = fyne.NewStaticResource("NotoSansIM-Regular.ttf", assets.UIFontRegular)
	uiFontBold    = fyne.NewStaticResource("NotoSansIM-Bold.ttf", assets.UIFontBold)
)

// minusTheme is Fyne's default theme with Noto Sans faces that have the
// minus sign the evaluation writes in every negative number ("−4,0 Pp.").
// Fyne's own faces lack it and fall back to a system font, which Wine and
// some Windows installations do not have: the window then showed "�".
type minusTheme struct{ fyne.Theme }

// Theme is the window's theme; cmd sets it on the app.
func Theme() fyne.Theme { return minusTheme{theme.DefaultTheme()} }

// Font returns the patched faces for plain and bold text; italic,
// monospace and symbol text keep Fyne's (numbers are never set in them).
func (t minusTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace, s.Symbol, s.Italic:
		return t.Theme.Font(s)
	case s.Bold:
		return uiFontBold
	}
	return uiFontRegular
}
