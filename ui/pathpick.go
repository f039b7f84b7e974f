package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/store"
)

// pathPicker is a folder entry with a chooser button plus a file name.
// Fyne's save dialog creates or truncates the chosen file before we have
// written anything, so files are chosen this way and written to a temp file
// that is renamed into place when complete.
type pathPicker struct {
	dir, name *widget.Entry
	ext       string
}

func newPathPicker(win fyne.Window, dir, name, ext string) *pathPicker {
	p := &pathPicker{dir: widget.NewEntry(), name: widget.NewEntry(), ext: ext}
	if dir == "" {
		if home, err := os.UserHomeDir(); err == nil {
			dir = home
		}
	}
	p.dir.SetText(dir)
	p.name.SetText(name)
	return p
}

func (p *pathPicker) items(win fyne.Window) []*widget.FormItem {
	pick := widget.NewButton("Ordner wählen…", func() {
		fd := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err == nil && l != nil {
				p.dir.SetText(l.Path())
			}
		}, win)
		germanFileDialog(fd, "Ordner wählen", "Wählen")
		fd.Show()
	})
	return []*widget.FormItem{
		widget.NewFormItem("Ordner", container.NewBorder(nil, nil, nil, pick, p.dir)),
		widget.NewFormItem("Dateiname", p.name),
	}
}

// path is the chosen file, always with the picker's extension: a report
// or export must never be written under a monitoring file's name.
func (p *pathPicker) path() string {
	name := strings.TrimSpace(p.name.Text)
	if ext := filepath.Ext(name); ext != "" && !strings.EqualFold(ext, p.ext) {
		name = strings.TrimSuffix(name, ext)
	}
	if !strings.EqualFold(filepath.Ext(name), p.ext) {
		name += p.ext
	}
	return filepath.Join(strings.TrimSpace(p.dir.Text), name)
}

// confirmWrite asks before an existing file is replaced and refuses the
// open monitoring file; write runs when it may go ahead.
func confirmWrite(win fyne.Window, open, path string, write func()) {
	if open != "" && store.SameFile(open, path) {
		//lint:ignore ST1005 a German sentence for the dialog, not a wrapped error
		dialog.ShowError(errors.New("Die geöffnete Monitoring-Datei kann nicht überschrieben werden. Bitte wählen Sie einen anderen Dateinamen."), win)
		return
	}
	if _, err := os.Stat(path); err == nil {
		dialog.ShowConfirm("Datei ersetzen?", "Die Datei „"+filepath.Base(path)+"“ gibt es schon. Soll sie ersetzt werden?", func(yes bool) {
			if yes {
				write()
			}
		}, win)
		return
	}
	write()
}

// germanFileDialog titles a Fyne file dialog in German word order: Fyne
// glues its title together as verb + noun ("Öffnen Datei"), which no
// translation file can reorder.
func germanFileDialog(d *dialog.FileDialog, title, confirm string) {
	d.SetTitleText(title)
	d.SetConfirmText(confirm)
	d.Resize(fyne.NewSize(900, 600))
}

// explainFirst says in one sentence what an action will do before its file
// dialog opens; next runs when she goes on.
func explainFirst(win fyne.Window, title, sentence, goOn string, next func()) {
	dialog.ShowCustomConfirm(title, goOn, "Abbrechen", para(sentence), func(ok bool) {
		if ok {
			next()
		}
	}, win)
}
