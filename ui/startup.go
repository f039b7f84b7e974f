package ui

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// This file makes the window appear fast: the file is opened and evaluated
// off the UI goroutine while the window shows a placeholder, and the tabs
// after the Handlungsfelder are built when first selected.

// loaded is what showing a file needs from it, read without touching
// widgets so that it can be read off the UI goroutine.
type loaded struct {
	cat    *store.Catalog
	set    store.Settings
	setErr error
	// eval is nil when the evaluation failed; the Übersicht then evaluates
	// again and shows the error, as it does for any later failure.
	eval *report.Evaluation
}

// load reads catalogue, settings and evaluation of st. Only the catalogue
// is needed to show the file; an invalid setting is shown when the file is.
func load(st *store.Store, today time.Time) (*loaded, error) {
	ctx := context.Background()
	cat, err := st.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	l := &loaded{cat: cat}
	l.set, l.setErr = st.Settings(ctx)
	l.eval, _ = evaluateFile(st, l.set.ReportYear, l.set.Demo, today)
	return l, nil
}

// opening is a file being opened by OpenInBackground.
type opening struct {
	done chan struct{}
	mu   sync.Mutex
	// st is the opened file until the UI goroutine takes it; Close closes
	// it if the window was closed first.
	st *store.Store
}

// OpenInBackground shows a placeholder, runs open (opening and checking
// the file) and reads what the Übersicht shows off the UI goroutine, then
// shows the file. failed gets an error of open or of reading the
// catalogue on the UI goroutine; the window then stays without a file.
func (u *App) OpenInBackground(open func() (*store.Store, error), failed func(error)) {
	u.ShowOpening()
	o := &opening{done: make(chan struct{})}
	u.opening = o
	today := u.today()
	go func() {
		defer close(o.done)
		st, err := open()
		var l *loaded
		if err == nil {
			if l, err = load(st, today); err != nil {
				st.Close()
			}
		}
		if err == nil {
			o.mu.Lock()
			o.st = st
			o.mu.Unlock()
		}
		fyne.Do(func() {
			if err != nil {
				u.win.SetContent(container.NewStack(widget.NewLabel(noFileText)))
				failed(err)
				return
			}
			st := o.take()
			switch {
			case st == nil: // the window was closed
			case u.st != nil: // she opened another file meanwhile
				st.Close()
			default:
				u.showOpened(st, l)
			}
		})
	}()
}

// ShowOpening fills the window until OpenInBackground shows the file.
func (u *App) ShowOpening() {
	u.win.SetContent(container.NewCenter(widget.NewLabel("Datei wird geöffnet …")))
}

// take hands the opened file over, once.
func (o *opening) take() *store.Store {
	o.mu.Lock()
	defer o.mu.Unlock()
	st := o.st
	o.st = nil
	return st
}

// finish waits for a file still being opened and closes it if it was not
// shown: the window was closed before.
func (o *opening) finish() {
	<-o.done
	if st := o.take(); st != nil {
		st.Close()
	}
}

// lazyTab is a tab whose content is built when it is first selected.
type lazyTab struct {
	item  *container.TabItem
	build func() fyne.CanvasObject // nil once built
}

// newLazyTab is a tab that shows build's content once selected.
func newLazyTab(title string, build func() fyne.CanvasObject) *lazyTab {
	return &lazyTab{item: container.NewTabItem(title, container.NewStack()), build: build}
}

// buildTab builds l's content unless it was built.
func (u *App) buildTab(l *lazyTab) {
	if l == nil || l.build == nil {
		return
	}
	b := l.build
	l.build = nil
	l.item.Content = b()
	u.tabs.Refresh()
}

// tabSelected completes the tab selected for the first time.
func (u *App) tabSelected(it *container.TabItem) {
	for _, l := range []*lazyTab{u.lazyDeliveries, u.lazyChanges, u.lazyYear} {
		if l != nil && l.item == it {
			u.buildTab(l)
		}
	}
	for i, ft := range u.field {
		if i+1 < len(u.tabs.Items) && u.tabs.Items[i+1] == it {
			ft.ensureShown()
		}
	}
}

// ensureDeliveries is the Datenlieferungen tab, built if not yet.
func (u *App) ensureDeliveries() *deliveriesTab {
	u.buildTab(u.lazyDeliveries)
	return u.deliveries
}

// ensureChanges is the "Seit dem letzten Bericht" tab, built if not yet.
func (u *App) ensureChanges() *changesTab {
	u.buildTab(u.lazyChanges)
	return u.sinceLast
}

// ensureYear is the Berichtsjahr tab, built if not yet.
func (u *App) ensureYear() *yearTab {
	u.buildTab(u.lazyYear)
	return u.year
}
