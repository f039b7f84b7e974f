package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/store"
)

// schoolMenu holds the school list of B-K1/B-K2 ("schulscharf").
func (u *App) schoolMenu() *fyne.Menu {
	return fyne.NewMenu("Daten", writeItem(fyne.NewMenuItem("Schulliste bearbeiten…", u.showSchools), u.st.ReadOnly()))
}

// schoolsDialog edits the file's school list: each school is a Bezirk of
// B-K1 and B-K2 whose values are entered like any other.
type schoolsDialog struct {
	u       *App
	list    *widget.List
	schools []store.School
	sel     int
	name    *widget.Entry
	kind    *widget.Select
	add     *widget.Button
	change  *widget.Button
	remove  *widget.Button
	message *widget.Label
	changed bool
	dlg     dialog.Dialog
}

func schoolTypeName(code string) string {
	for _, t := range store.SchoolTypes {
		if t.Code == code {
			return t.Name
		}
	}
	return code
}

func schoolTypeCode(name string) string {
	for _, t := range store.SchoolTypes {
		if t.Name == name {
			return t.Code
		}
	}
	return ""
}

// showSchools opens the school list; when it closes after a change, the
// window reads the catalogue again so that the forms offer the schools.
func (u *App) showSchools() {
	d := u.newSchoolsDialog()
	// Sized for its wrapped introduction: at its own minimum the dialog
	// laid the Schließen button over the row of buttons.
	d.dlg.Resize(fyne.NewSize(620, 600))
	d.dlg.Show()
}

func (u *App) newSchoolsDialog() *schoolsDialog {
	d := &schoolsDialog{u: u, sel: -1, message: widget.NewLabel("")}
	d.message.Wrapping = fyne.TextWrapWord
	d.list = widget.NewList(func() int { return len(d.schools) },
		func() fyne.CanvasObject { return widget.NewLabel("Schule") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			s := d.schools[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s (%s)", s.Name, schoolTypeName(s.Type)))
		})
	d.list.OnSelected = d.selected
	d.list.OnUnselected = func(widget.ListItemID) { d.selected(-1) }
	d.name = widget.NewEntry()
	d.name.SetPlaceHolder("Name der Schule, z. B. Otto-Hahn-Gymnasium")
	var types []string
	for _, t := range store.SchoolTypes {
		types = append(types, t.Name)
	}
	d.kind = widget.NewSelect(types, nil)
	d.kind.SetSelected(types[0])
	d.add = widget.NewButton("Schule hinzufügen", d.addSchool)
	d.change = widget.NewButton("Name/Schulform ändern", d.changeSchool)
	d.remove = widget.NewButton("Schule entfernen", d.removeSchool)
	d.reload()
	d.selected(-1)
	form := widget.NewForm(widget.NewFormItem("Name", d.name), widget.NewFormItem("Schulform", d.kind))
	list := container.NewGridWrap(fyne.NewSize(520, 220), d.list)
	content := container.NewVBox(
		para("B-K1 und B-K2 werden schulscharf erfasst. Jede Schule der Liste ist ein eigener Bezirk: Sie tragen ihre Werte wie alle anderen ein, der Wert der Stadt ist die Summe der Schulen. Eine Schule mit gespeicherten Werten kann nicht entfernt werden."),
		list, form, container.NewHBox(d.add, d.change, d.remove), d.message)
	d.dlg = dialog.NewCustom("Schulliste", "Schließen", content, u.win)
	d.dlg.SetOnClosed(func() {
		if d.changed {
			d.u.reloadCatalog()
		}
	})
	return d
}

func (d *schoolsDialog) reload() {
	list, err := d.u.st.Schools(context.Background())
	if err != nil {
		d.message.SetText(store.Message(err))
		return
	}
	d.schools = list
	d.list.UnselectAll()
	d.list.Refresh()
}

func (d *schoolsDialog) selected(i int) {
	d.sel = i
	if i >= 0 && i < len(d.schools) {
		d.name.SetText(d.schools[i].Name)
		d.kind.SetSelected(schoolTypeName(d.schools[i].Type))
		d.change.Enable()
		d.remove.Enable()
	} else {
		d.change.Disable()
		d.remove.Disable()
	}
	if d.u.st.ReadOnly() {
		d.add.Disable()
		d.change.Disable()
		d.remove.Disable()
	}
}

func (d *schoolsDialog) done(msg string, err error) {
	if err != nil {
		d.message.SetText(store.Message(err))
		return
	}
	d.changed = true
	d.reload()
	d.selected(-1)
	d.message.SetText(msg)
}

func (d *schoolsDialog) addSchool() {
	s, err := d.u.st.AddSchool(context.Background(), d.name.Text, schoolTypeCode(d.kind.Selected))
	if err == nil {
		d.name.SetText("")
	}
	d.done(fmt.Sprintf("„%s“ wurde hinzugefügt.", s.Name), err)
}

func (d *schoolsDialog) changeSchool() {
	if d.sel < 0 {
		return
	}
	s := d.schools[d.sel]
	err := d.u.st.UpdateSchool(context.Background(), s.Area, d.name.Text, schoolTypeCode(d.kind.Selected))
	d.done(fmt.Sprintf("„%s“ wurde geändert; die Werte der Schule bleiben erhalten.", s.Name), err)
}

func (d *schoolsDialog) removeSchool() {
	if d.sel < 0 {
		return
	}
	s := d.schools[d.sel]
	d.done(fmt.Sprintf("„%s“ wurde aus der Liste entfernt.", s.Name), d.u.st.RemoveSchool(context.Background(), s.Area))
}

// reloadCatalog reads the file's catalogue again (after the school list
// changed) and rebuilds the tabs, staying on the tab shown.
func (u *App) reloadCatalog() {
	l, err := load(u.st, u.today())
	if err != nil {
		u.showError("Katalog", err)
		return
	}
	i := u.tabs.SelectedIndex()
	u.show(u.st, l)
	u.tabs.SelectIndex(i)
}
