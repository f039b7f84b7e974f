package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"bergischgladbach.de/integrationsmonitor/assets"
)

// fyneLocales are the translations Fyne ships; the matcher picks one of them
// for the system language, so each gets the German strings.
var fyneLocales = []fyne.Locale{"en", "cs", "de", "el", "es", "fr", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans"}

// UseGerman makes Fyne's own dialog strings German whatever the system
// language: the user works in German only, also on an English Windows.
func UseGerman() {
	for _, l := range fyneLocales {
		if err := lang.AddTranslationsForLocale(assets.FyneGerman, l); err != nil {
			fyne.LogError("register German translation", err)
		}
	}
}
