package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"bergischgladbach.de/integrationsmonitor/assets"
	"bergischgladbach.de/integrationsmonitor/store"
	"bergischgladbach.de/integrationsmonitor/store/demo"
)

const (
	prefRecent   = "zuletzt"
	prefLastFile = "letzteDatei"
	maxRecent    = 8
)

// fileMenu is the Datei menu: new, open, recent files, quit.
type fileMenu struct {
	u *App
}

func newFileMenu(u *App) *fileMenu { return &fileMenu{u: u} }

func (m *fileMenu) menu() *fyne.Menu {
	recent := fyne.NewMenuItem("Zuletzt geöffnet", nil)
	var items []*fyne.MenuItem
	for _, p := range m.recent() {
		p := p
		items = append(items, fyne.NewMenuItem(p, func() { m.open(p) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("(keine)", nil)
		none.Disabled = true
		items = append(items, none)
	}
	recent.ChildMenu = fyne.NewMenu("", items...)
	quit := fyne.NewMenuItem("Beenden", func() { m.u.app.Quit() })
	quit.IsQuit = true
	entries := []*fyne.MenuItem{
		fyne.NewMenuItem("Neu…", func() { m.showNew(false) }),
		fyne.NewMenuItem("Neue Datei mit Beispieldaten…", func() { m.showNew(true) }),
		fyne.NewMenuItem("Öffnen…", m.showOpen),
		recent,
	}
	if m.u.st != nil {
		entries = append(entries, fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("Kopie für E-Mail speichern…", m.u.showMailCopy),
			writeItem(fyne.NewMenuItem("Rückmeldung einlesen…", m.u.showReturned), m.u.st.ReadOnly()),
			writeItem(fyne.NewMenuItem("Amtliche Statistik importieren…", m.u.showImport), m.u.st.ReadOnly()),
			fyne.NewMenuItem("Werte exportieren…", m.u.showExport))
		if errors.Is(m.u.st.ReadOnlyReason(), store.ErrForeignObjects) {
			entries = append(entries, fyne.NewMenuItem(cleanCopyLabel, m.u.showCleanCopy))
		}
	}
	entries = append(entries, fyne.NewMenuItemSeparator(), quit)
	return fyne.NewMenu("Datei", entries...)
}

func (m *fileMenu) recent() []string {
	return m.u.app.Preferences().StringList(prefRecent)
}

// remember puts path at the top of the recent files and makes it the file
// opened at the next start.
func (m *fileMenu) remember(path string) {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	list := []string{abs}
	for _, p := range m.recent() {
		if p != abs && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	prefs := m.u.app.Preferences()
	prefs.SetStringList(prefRecent, list)
	prefs.SetString(prefLastFile, abs)
}

// LastFile is the file open when the app was last used, or "".
func LastFile(a fyne.App) string { return a.Preferences().String(prefLastFile) }

func (m *fileMenu) open(path string) {
	if m.u.st != nil && store.SameFile(m.u.st.Path(), path) {
		return // already shown; opening it again would meet our own lock
	}
	if err := m.u.Open(path); err != nil {
		m.u.showError("Öffnen", err)
	}
}

func (m *fileMenu) showOpen() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			m.u.showError("Öffnen", err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		m.open(path)
	}, m.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".sqlite", ".sqlite3", ".db"}))
	if cur := m.u.st; cur != nil {
		if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(cur.Path()))); err == nil {
			d.SetLocation(dir)
		}
	}
	germanFileDialog(d, "Monitoring-Datei öffnen", "Öffnen")
	d.Show()
}

// showNew asks for a folder and a file name. Fyne's save dialog would
// truncate an existing file before we write, so a replaced file must go
// through store.Create, which renames a complete new file into place.
func (m *fileMenu) showNew(demo bool) {
	dir := ""
	if cur := m.u.st; cur != nil {
		dir = filepath.Dir(cur.Path())
	}
	name, title := "Integrationsmonitoring.sqlite", "Neue Monitoring-Datei"
	if demo {
		name, title = "Beispieldaten.sqlite", "Neue Datei mit Beispieldaten (keine echten Zahlen)"
	}
	pp := newPathPicker(m.u.win, dir, freeName(dir, name), ".sqlite")
	d := dialog.NewForm(title, "Anlegen", "Abbrechen", pp.items(m.u.win), func(ok bool) {
		if !ok {
			return
		}
		path := pp.path()
		if _, err := os.Stat(path); err == nil {
			dialog.ShowConfirm("Datei ersetzen?", "Die Datei „"+filepath.Base(path)+"“ gibt es schon. Soll sie durch eine neue Monitoring-Datei ersetzt werden?", func(yes bool) {
				if yes {
					m.create(path, demo)
				}
			}, m.u.win)
			return
		}
		m.create(path, demo)
	}, m.u.win)
	d.Resize(fyne.NewSize(640, 220))
	d.Show()
}

// Demo files span the census 2011 up to the last complete year.
const demoFrom, demoTo = 2011, 2025

func (m *fileMenu) create(path string, withDemo bool) {
	if m.u.st != nil && store.SameFile(m.u.st.Path(), path) {
		// Replacing the file in use would throw away its data in one click.
		m.u.showError("Neu", store.Invalid("Die geöffnete Monitoring-Datei kann nicht durch eine neue ersetzt werden. Bitte wählen Sie einen anderen Dateinamen."))
		return
	}
	cat, err := store.ParseCatalog(assets.Catalog)
	if err != nil {
		m.u.showError("Neu", err)
		return
	}
	st, err := store.Create(context.Background(), path, cat)
	if err != nil {
		m.u.showError("Neu", err)
		return
	}
	if withDemo {
		if _, err := demo.Add(context.Background(), st, demoFrom, demoTo); err != nil {
			st.Close()
			m.u.showError("Beispieldaten", err)
			return
		}
	}
	if err := m.u.SetStore(st); err != nil {
		st.Close()
		m.u.showError("Neu", err)
	}
}

// freeName suggests name, or name_2, name_3 … when it exists in dir, so
// the suggested new file is never an existing one.
func freeName(dir, name string) string {
	ext := filepath.Ext(name)
	base := strings.TrimSuffix(name, ext)
	for i := 1; ; i++ {
		cand := name
		if i > 1 {
			cand = fmt.Sprintf("%s_%d%s", base, i, ext)
		}
		if _, err := os.Stat(filepath.Join(dir, cand)); os.IsNotExist(err) || i > 99 {
			return cand
		}
	}
}

// writeItem disables a menu item that changes the file when it is
// write-protected, so no work is done that cannot be saved.
func writeItem(it *fyne.MenuItem, readOnly bool) *fyne.MenuItem {
	it.Disabled = readOnly
	return it
}
