package ui

import (
	"fmt"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/assets"
)

// helpState is the Hilfe menu's part of App, embedded there so that the
// menu keeps its state in this file.
type helpState struct {
	// openHandbook shows the Handbuch; the start panel offers it too.
	openHandbook func()
	// handbookWin is the open Handbuch window, reused while it is open.
	handbookWin fyne.Window
}

// Licence notices of what the program is built from: name, licence,
// copyright holder. The full texts are assets.Licenses and
// assets.DejaVuLicense; this list is what the Über dialog names first.
var licenceNotices = [][3]string{
	{"Fyne (Oberfläche)", "BSD-3-Clause", "© 2018 Fyne.io developers"},
	{"modernc.org/sqlite (Datenbank)", "BSD-3-Clause", "© 2017 The Sqlite Authors; SQLite selbst ist gemeinfrei"},
	{"gofpdf (PDF-Bericht)", "MIT", "© 2017 Kurt Jung and contributors"},
	{"go-chart (Diagramme)", "MIT", "© 2016 William Charczuk"},
	{"Excelize (Excel-Export)", "BSD-3-Clause", "© 2016–2026 The excelize Authors"},
	{"Expr (Formeln der Kennzahlen)", "MIT", "© 2018 Anton Medvedev"},
	{"golang.org/x/text, x/sys, x/image", "BSD-3-Clause", "© 2009 The Go Authors"},
	{"Freetype-Go (Schriftdarstellung)", "FreeType License", "© The FreeType Project, www.freetype.org"},
	{"goldmark (Anzeige des Handbuchs)", "MIT", "© 2019 Yusuke Inuzuka"},
	{"DejaVu-Schriften (PDF-Bericht)", "Bitstream-Vera-Lizenz (frei)", "© 2003 Bitstream, Inc.; DejaVu-Änderungen gemeinfrei"},
}

func (u *App) helpMenu() *fyne.Menu {
	return fyne.NewMenu("Hilfe",
		fyne.NewMenuItem("Handbuch", u.showHandbook),
		fyne.NewMenuItem("Über Integrationsmonitor", u.showAbout))
}

// screenshotLine matches an image of the Handbuch on a line of its own:
// the window shows the text only (the pictures are in docs/handbuch/).
var screenshotLine = regexp.MustCompile(`(?m)^!\[[^\]]*\]\([^)]*\)[ \t]*\n?`)

// strong matches bold text, also across a line break.
var strong = regexp.MustCompile(`\*\*([^*]+?)\*\*`)

// handbookMarkdown is the Handbuch as the window shows it: without
// pictures and without bold, because Fyne's RichText breaks the text after
// a bold word into one letter per line when it wraps there. A bold symbol
// (".", "-", "Pp.") is quoted instead, so that it stays visible and a "-"
// does not start a list.
func handbookMarkdown() string {
	md := screenshotLine.ReplaceAllString(assets.Handbuch, "")
	md = strong.ReplaceAllStringFunc(md, func(m string) string {
		inner := m[2 : len(m)-2]
		if len([]rune(inner)) <= 3 {
			return "„" + inner + "“"
		}
		return inner
	})
	return joinSoftBreaks(md)
}

// blockStart matches a line that starts a block of its own: a heading or
// a list item.
var blockStart = regexp.MustCompile(`^\s*(#|- |\d+\. )`)

// joinSoftBreaks puts each paragraph and list item on one line: RichText
// makes a segment of each source line and wraps a segment that starts in
// the middle of a line one letter per line.
func joinSoftBreaks(md string) string {
	lines := strings.Split(md, "\n")
	var out []string
	for _, l := range lines {
		if n := len(out); n > 0 && out[n-1] != "" && strings.TrimSpace(l) != "" &&
			!blockStart.MatchString(l) && !strings.HasPrefix(out[n-1], "#") {
			out[n-1] += " " + strings.TrimSpace(l)
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// showHandbook opens the Handbuch in a window of its own, so that it can
// stay open beside the work; a second call brings that window forward.
func (u *App) showHandbook() {
	if u.handbookWin != nil {
		u.handbookWin.RequestFocus()
		return
	}
	text := widget.NewRichTextFromMarkdown(handbookMarkdown())
	text.Wrapping = fyne.TextWrapWord
	w := u.app.NewWindow("Handbuch – Integrationsmonitor")
	w.SetContent(container.NewVScroll(container.NewPadded(text)))
	w.Resize(fyne.NewSize(860, 720))
	w.SetOnClosed(func() { u.handbookWin = nil })
	u.handbookWin = w
	w.Show()
}

// version is the program's version: fyne's metadata when the build has
// it, otherwise the copy of FyneApp.toml in assets.
func (u *App) version() string {
	if m := u.app.Metadata(); m.Version != "" {
		return fmt.Sprintf("%s (Build %d)", m.Version, m.Build)
	}
	return fmt.Sprintf("%s (Build %d)", assets.Version, assets.Build)
}

// aboutText is the Über dialog's summary: version and one line per
// library with its licence.
func (u *App) aboutText() string {
	s := "Integrationsmonitor " + u.version() + "\n" +
		"Stadt Bergisch Gladbach – Integrations-Monitoring nach dem Integrationskonzept KOMM-IN.\n\n" +
		"Das Programm verwendet freie Software. Die vollständigen Lizenztexte stehen unten.\n"
	for _, n := range licenceNotices {
		s += fmt.Sprintf("\n• %s – %s, %s", n[0], n[1], n[2])
	}
	return s
}

// showAbout shows version and licence notices; the full licence texts
// scroll below the summary.
func (u *App) showAbout() {
	summary := widget.NewLabel(u.aboutText())
	summary.Wrapping = fyne.TextWrapWord
	full := widget.NewLabel(assets.Licenses + "\n" + "DejaVu-Schriften\n\n" + assets.DejaVuLicense)
	full.Wrapping = fyne.TextWrapWord
	full.TextStyle = fyne.TextStyle{Monospace: true}
	body := container.NewBorder(summary, nil, nil, nil, container.NewVScroll(full))
	d := dialog.NewCustom("Über Integrationsmonitor", "Schließen", body, u.win)
	d.Resize(fyne.NewSize(760, 640))
	d.Show()
}
