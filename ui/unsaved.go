package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/store"
)

// unsavedEditor is an editor that can hold typed input not yet in the
// file. Whatever would throw the editor away (another entry, Berichtsjahr
// or file, closing the window, quitting) asks first through confirmLeave.
type unsavedEditor interface {
	// unsaved says the input differs from what was loaded or last saved.
	unsaved() bool
	// saveUnsaved stores the input as the editor's own save button does
	// and returns the reason when it cannot.
	saveUnsaved() error
	// label names the editor in the question, e.g. "Bericht A-W1".
	label() string
}

// Shortcuts of the window. Menu items carry them so that they work while
// an entry has the keyboard focus (the driver gives a focused entry every
// other shortcut); the canvas has them too for when no menu is shown.
var (
	saveShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	quitShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
)

// dirty keeps the editors with unsaved input. A nil editor (a panel part
// not shown for this entry) is skipped.
func dirty(eds []unsavedEditor) []unsavedEditor {
	var out []unsavedEditor
	for _, e := range eds {
		if e != nil && e.unsaved() {
			out = append(out, e)
		}
	}
	return out
}

// editors are all editors of the window: the entry shown in every
// Handlungsfeld tab and the Stellungnahme of the Berichtsjahr tab.
func (u *App) editors() []unsavedEditor {
	var out []unsavedEditor
	for _, ft := range u.field {
		out = append(out, ft.editors()...)
	}
	if u.year != nil {
		out = append(out, u.year, u.year.texts)
	}
	return out
}

// editors are the editors of the entry the tab shows.
func (t *fieldTab) editors() []unsavedEditor {
	var out []unsavedEditor
	if t.current != nil && t.current.form != nil {
		out = append(out, t.current.form)
	}
	if t.current != nil && t.current.texts != nil {
		out = append(out, t.current.texts)
	}
	if t.indicator != nil {
		out = append(out, t.indicator.editors()...)
	}
	return out
}

// confirmLeave runs then when no editor holds unsaved input; otherwise it
// asks first.
func (u *App) confirmLeave(then func()) { u.confirmLeaveOf(u.editors(), then) }

// confirmLeaveOf asks "Änderungen speichern?" when one of eds holds
// unsaved input. Speichern saves each and continues only when all were
// saved (a failure is shown and she stays); Verwerfen continues without
// saving; Abbrechen stays.
func (u *App) confirmLeaveOf(eds []unsavedEditor, then func()) {
	open := dirty(eds)
	if len(open) == 0 {
		then()
		return
	}
	var names []string
	for _, e := range open {
		names = append(names, "• "+e.label())
	}
	msg := para("Folgende Eingaben sind noch nicht gespeichert:\n" + strings.Join(names, "\n") +
		"\n\nMöchten Sie sie speichern, bevor es weitergeht?")
	d := dialog.NewCustomWithoutButtons("Änderungen speichern?", msg, u.win)
	save := widget.NewButton("Speichern", func() {
		d.Hide()
		if u.saveEditors(open) {
			then()
		}
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButton("Verwerfen", func() {
		d.Hide()
		then()
	})
	cancel := widget.NewButton("Abbrechen", d.Hide)
	d.SetButtons([]fyne.CanvasObject{cancel, discard, save})
	d.Resize(fyne.NewSize(520, 240))
	d.Show()
}

// saveEditors saves eds and reports whether all were saved; the first
// failure is shown with the editor's name and stops.
func (u *App) saveEditors(eds []unsavedEditor) bool {
	for _, e := range eds {
		if err := e.saveUnsaved(); err != nil {
			u.showError("Speichern", store.Invalid(e.label()+" wurde nicht gespeichert: "+store.Message(err)))
			return false
		}
	}
	return true
}

// saveShown is Strg+S: it saves the unsaved input of the tab shown.
func (u *App) saveShown() {
	if u.st == nil || u.busy || u.tabs == nil || u.tabs.Selected() == nil {
		return
	}
	shown := u.tabs.Selected().Content
	var eds []unsavedEditor
	for _, ft := range u.field {
		if ft.content == shown {
			eds = ft.editors()
		}
	}
	if u.year != nil && u.year.content == shown {
		eds = []unsavedEditor{u.year}
	}
	u.saveEditors(dirty(eds))
}

// quitRequested is Datei → Beenden and Strg+Q.
func (u *App) quitRequested() {
	if u.busy {
		u.closeRequested() // explains why not now
		return
	}
	u.confirmLeave(u.app.Quit)
}

// selectEntry shows entry id of the tab after asking about unsaved input
// of the entry shown. Until she decides, the list keeps the entry shown.
func (t *fieldTab) selectEntry(id int) {
	if id == t.shown {
		return
	}
	leave := func() {
		t.shown = id
		t.list.Select(id)
		t.show(t.entries[id])
	}
	if len(dirty(t.editors())) == 0 {
		leave()
		return
	}
	if t.shown >= 0 {
		t.list.Select(t.shown) // back until she decides; OnSelected ignores it
	}
	t.u.confirmLeaveOf(t.editors(), leave)
}

// guardMenu makes every item of m (the Datei menu) ask about unsaved input
// first: each either replaces what is shown (another file, an import, a
// Rückmeldung, quitting) or hands the file on, which would go without the
// input. It also adds "Speichern" (Strg+S) at the top and Strg+Q to Beenden.
func (u *App) guardMenu(m *fyne.Menu) *fyne.Menu {
	var wrap func(items []*fyne.MenuItem)
	wrap = func(items []*fyne.MenuItem) {
		for _, it := range items {
			if it.ChildMenu != nil {
				wrap(it.ChildMenu.Items)
			}
			if it.IsQuit {
				it.Action = u.quitRequested
				it.Shortcut = quitShortcut
				continue
			}
			if act := it.Action; act != nil {
				it.Action = func() { u.confirmLeave(act) }
			}
		}
	}
	wrap(m.Items)
	if u.st != nil {
		save := writeItem(fyne.NewMenuItem("Speichern", u.saveShown), u.st.ReadOnly())
		save.Shortcut = saveShortcut
		m.Items = append([]*fyne.MenuItem{save, fyne.NewMenuItemSeparator()}, m.Items...)
	}
	return m
}

// addShortcuts puts Strg+S and Strg+Q on the canvas.
func (u *App) addShortcuts() {
	c := u.win.Canvas()
	c.AddShortcut(saveShortcut, func(fyne.Shortcut) { u.saveShown() })
	c.AddShortcut(quitShortcut, func(fyne.Shortcut) { u.quitRequested() })
}

// entryTexts is the snapshot of entry texts an editor compares with.
func entryTexts(entries ...*widget.Entry) string {
	var b strings.Builder
	for _, e := range entries {
		b.WriteString(e.Text)
		b.WriteByte(0)
	}
	return b.String()
}
