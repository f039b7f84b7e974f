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
		fd.Resize(fyne.NewSize(900, 600))
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
	if open != "" && sameFile(open, path) {
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

// sameFile reports whether two paths name the same file on disk (also
// with other letter case on Windows).
func sameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// writeAtomically writes via a temp file in the target folder and renames
// it into place, so a failed write never leaves a half file or destroys an
// existing one.
func writeAtomically(path string, write func(f *os.File) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".integrationsmonitor-*.tmp")
	if err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	// CreateTemp makes the file private (0600); a report is for sharing.
	if err := tmp.Chmod(0o644); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return &store.UserError{Message: "Die Datei „" + filepath.Base(path) + "“ konnte nicht geschrieben werden. Ist sie vielleicht in einem anderen Programm (PDF-Anzeige, Excel) geöffnet?", Err: err}
	}
	ok = true
	return nil
}
