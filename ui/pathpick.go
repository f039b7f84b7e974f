package ui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
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

// path is the chosen file, with the extension added when missing.
func (p *pathPicker) path() string {
	name := strings.TrimSpace(p.name.Text)
	if filepath.Ext(name) == "" {
		name += p.ext
	}
	return filepath.Join(strings.TrimSpace(p.dir.Text), name)
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
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	ok = true
	return nil
}
