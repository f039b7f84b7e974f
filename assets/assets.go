// Package assets embeds the files the application ships with: the indicator
// catalogue of the KOMM-IN integration concept (catalog.json, transcribed
// from the city's Abschlussdokumentation) and the application icon.
package assets

import _ "embed"

// Catalog is the indicator catalogue in its JSON form; parse it with
// store.ParseCatalog. It seeds every new monitoring file.
//
//go:embed catalog.json
var Catalog []byte

// Icon is the 512×512 PNG application icon.
//
//go:embed icon.png
var Icon []byte

// FyneGerman is Fyne's own German translation (fyne.io/fyne/v2
// lang/translations/base.de.json, BSD-3-Clause, © Fyne.io developers). The
// ui registers it for every locale so Fyne's dialogs speak German on any
// system.
//
//go:embed fyne_de.json
var FyneGerman []byte

// DejaVu Sans (regular, bold, oblique) for the PDF report: free fonts
// (Bitstream Vera derived, see fonts/LICENSE-DejaVu.txt) with every
// character a German report needs (umlauts, ß, €, „“, –).
var (
	//go:embed fonts/DejaVuSans.ttf
	FontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	FontBold []byte
	//go:embed fonts/DejaVuSans-Oblique.ttf
	FontItalic []byte
)

// Noto Sans regular and bold as Fyne bundles them, with a minus sign
// (U+2212) added by fonts/patch_minus.py: the report's numbers print "−4,0"
// and Fyne's faces lack that glyph, so a window on a system without a
// fallback font that has it (Wine, a stripped-down Windows) showed "�".
// SIL Open Font License 1.1 (fonts/LICENSE-NotoSans.txt); renamed "Noto
// Sans IM" as the licence asks of a modified version.
var (
	//go:embed fonts/NotoSansIM-Regular.ttf
	UIFontRegular []byte
	//go:embed fonts/NotoSansIM-Bold.ttf
	UIFontBold []byte
)

// Handbuch is the user manual, a copy of docs/handbuch.md (go:embed cannot
// reach ../docs and refuses symlinks; TestHandbuchIsDocsCopy keeps the two
// identical). The Hilfe menu shows it without its screenshots.
//
//go:embed handbuch.md
var Handbuch string

// Licenses holds the licence texts of the libraries compiled into the
// program, taken from their modules; the Über dialog shows it.
//
//go:embed licenses.txt
var Licenses string

// DejaVuLicense is the licence of the DejaVu fonts embedded above.
//
//go:embed fonts/LICENSE-DejaVu.txt
var DejaVuLicense string

// Version and Build repeat FyneApp.toml's [Details] (checked by a test)
// for builds without fyne's metadata, such as `go build` and `go test`.
const (
	Version = "0.1.0"
	Build   = 1
)
