// Package ui is the Fyne front end of the Integrationsmonitor: one tab per
// Handlungsfeld with the catalogue, forms and charts, and the file menu. It
// holds no SQL and draws no PDF; it shows what store and report compute.
package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// AppTitle is the window title without the file name.
const AppTitle = "Integrationsmonitoring Bergisch Gladbach"

// noFileText fills the window without a file.
const noFileText = "Keine Datei geöffnet. Bitte über „Datei → Öffnen…“ eine Datei wählen."

// App is the main window's state: the open file and the tabs showing it.
type App struct {
	app        fyne.App
	win        fyne.Window
	st         *store.Store
	cat        *store.Catalog
	tabs       *container.AppTabs
	field      []*fieldTab
	files      *fileMenu
	overview   *overviewTab
	deliveries *deliveriesTab
	year       *yearTab
	sinceLast  *changesTab
	// The tabs after the Handlungsfelder, built when first selected; nil
	// fields above until then (ensureDeliveries etc. build them).
	lazyDeliveries, lazyChanges, lazyYear *lazyTab
	// opening is the file OpenInBackground opens, nil when none.
	opening *opening
	// changes gives what changed since the newest frozen report, nil when
	// none is frozen: editionChanges, replaced in tests.
	changes func() (*report.Changes, error)
	// prevEval caches the evaluation editionChanges compares with.
	prevEval *previousEval
	// reportYear is the Berichtsjahr: assessments use values up to it and
	// the overview flags Kennzahlen without a value in it.
	reportYear int
	// today dates the Datenlieferungen; tests set it.
	today func() time.Time
	// busy is set while a job (runJob) works on the file.
	busy bool
	// jobFinished is called on the UI goroutine after a job's result was
	// shown; tests wait on it instead of sleeping.
	jobFinished func(j *runningJob, err error)
	// reportYearStored says the file holds reportYear itself, not a
	// default or an invalid text that choosing the year again replaces.
	reportYearStored bool
	demo             bool // the file holds Beispieldaten
	helpState
}

// New builds the main window's content and menu. Call Open or SetStore to
// show a file.
func New(a fyne.App, w fyne.Window) *App {
	u := &App{app: a, win: w, today: time.Now}
	u.changes = u.editionChanges
	u.openHandbook = u.showHandbook
	u.files = newFileMenu(u)
	u.tabs = container.NewAppTabs()
	w.SetContent(container.NewStack(widget.NewLabel(noFileText)))
	u.refreshMenu()
	w.SetTitle(AppTitle)
	w.SetCloseIntercept(u.closeRequested)
	u.addShortcuts()
	return u
}

// Store is the open file, or nil.
func (u *App) Store() *store.Store { return u.st }

// Tabs are the Handlungsfeld tabs (for tests and the window).
func (u *App) Tabs() *container.AppTabs { return u.tabs }

// Open opens path and shows it. On failure the file shown so far stays
// open and the German message is returned inside the error.
func (u *App) Open(path string) error {
	st, err := store.Open(context.Background(), path)
	if err != nil {
		return err
	}
	l, err := load(st, u.today())
	if err != nil {
		st.Close()
		return err
	}
	u.showOpened(st, l)
	return nil
}

// showOpened shows st, which she chose to open, and tells her if it is
// read-only.
func (u *App) showOpened(st *store.Store, l *loaded) {
	u.show(st, l)
	if st.ReadOnly() {
		u.showReadOnly(st)
	}
}

// SetStore shows st, closing the file shown before.
func (u *App) SetStore(st *store.Store) error {
	l, err := load(st, u.today())
	if err != nil {
		return err
	}
	u.show(st, l)
	return nil
}

// show makes st, read by load, the file shown.
func (u *App) show(st *store.Store, l *loaded) {
	if u.st != nil && u.st != st {
		u.st.Close()
	}
	u.st, u.cat = st, l.cat
	u.applySettings(l.set, l.setErr)
	u.files.remember(st.Path())
	u.rebuildWith(l.eval)
}

// Close closes the open file, also one still being opened.
func (u *App) Close() {
	if u.opening != nil {
		u.opening.finish()
		u.opening = nil
	}
	if u.st != nil {
		u.st.Close()
		u.st = nil
	}
}

func (u *App) rebuild() { u.rebuildWith(nil) }

// rebuildWith builds the tabs for the open file, the Übersicht from e when
// given. Building and laying out every tab before the window appeared took
// twice as long as the window itself: only the Übersicht, shown first, is
// complete; a Handlungsfeld lays out its first entry when first shown, and
// the tabs after them are built when first selected (lazyTab).
func (u *App) rebuildWith(e *report.Evaluation) {
	u.field = nil
	u.deliveries, u.sinceLast, u.year = nil, nil, nil
	u.overview = newOverviewTab(u, e)
	items := []*container.TabItem{container.NewTabItem("Übersicht", u.overview.content)}
	for _, f := range u.cat.Fields {
		ft := newFieldTab(u, f)
		u.field = append(u.field, ft)
		items = append(items, container.NewTabItem(f.Code+" · "+f.Title, ft.content))
	}
	u.lazyDeliveries = newLazyTab("Datenlieferungen", func() fyne.CanvasObject {
		u.deliveries = newDeliveriesTab(u)
		return u.deliveries.content
	})
	u.lazyChanges = newLazyTab(changesTabTitle, func() fyne.CanvasObject {
		u.sinceLast = newChangesTab(u)
		return u.sinceLast.content
	})
	u.lazyYear = newLazyTab(fmt.Sprintf("Berichtsjahr %d", u.reportYear), func() fyne.CanvasObject {
		u.year = newYearTab(u)
		return u.year.content
	})
	// All at once: each Append lays out the tab bar again.
	u.tabs = container.NewAppTabs(append(items, u.lazyDeliveries.item, u.lazyChanges.item, u.lazyYear.item)...)
	u.tabs.OnSelected = u.tabSelected
	u.win.SetContent(u.tabs)
	u.updateTitle()
	u.refreshMenu()
}

// rebuildKeepTab rebuilds every tab (after the Berichtsjahr changed) and
// returns to the tab that was shown.
func (u *App) rebuildKeepTab() {
	i := u.tabs.SelectedIndex()
	u.rebuild()
	u.tabs.SelectIndex(i)
}

func (u *App) updateTitle() {
	title := AppTitle
	if u.st != nil {
		title += " — " + filepath.Base(u.st.Path())
		if u.st.ReadOnly() {
			title += " (schreibgeschützt)"
		}
		if u.demo {
			title += " — Beispieldaten"
		}
	}
	u.win.SetTitle(title)
}

// FieldTab returns the tab of the Handlungsfeld with the given code.
func (u *App) FieldTab(code string) *fieldTab {
	for _, f := range u.field {
		if f.field.Code == code {
			f.ensureShown()
			return f
		}
	}
	return nil
}

func (u *App) refreshMenu() {
	menus := []*fyne.Menu{u.guardMenu(u.files.menu())}
	if u.st != nil {
		items := append([]*fyne.MenuItem{fyne.NewMenuItem("Monitoring-Bericht erstellen…", u.showReportDialog)}, u.editionMenuItems()...)
		menus = append(menus, fyne.NewMenu("Bericht", items...), u.schoolMenu())
	}
	menus = append(menus, u.helpMenu())
	u.win.SetMainMenu(fyne.NewMainMenu(menus...))
}

// showError shows the German sentence for err and logs the chain.
func (u *App) showError(title string, err error) {
	fyne.LogError(title, err)
	d := dialog.NewError(errors.New(store.Message(err)), u.win)
	d.Show()
}

// readSettings takes Berichtsjahr and demo marker from the file.
func (u *App) readSettings() {
	set, err := u.st.Settings(context.Background())
	u.applySettings(set, err)
}

// applySettings takes Berichtsjahr and demo marker from set (see
// store.Settings for their defaults). An invalid setting is shown, and the
// window opens with the defaults so that the user can correct it.
func (u *App) applySettings(set store.Settings, err error) {
	if err != nil {
		u.showError("Einstellungen", err)
	}
	u.reportYear, u.reportYearStored, u.demo = set.ReportYear, set.ReportYearStored, set.Demo
}
