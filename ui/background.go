package ui

import (
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// job is work that takes long enough to freeze the window (a report, an
// import of 100 000 values, comparing or copying a file). runJob runs it
// off the UI goroutine behind a modal progress dialog.
type job struct {
	// title heads the progress dialog, e.g. "Bericht wird erstellt …".
	title string
	// file is the file worked on, shown by name above the bar.
	file string
	// steps: work reports progress, so the bar shows a share instead of
	// running endlessly.
	steps bool
	// work runs on its own goroutine. It must not touch widgets; progress
	// may be called from it. It may use the store (database/sql is safe
	// for concurrent use) through a *store.Store captured before the job
	// starts; no other job or file change runs meanwhile.
	work func(progress func(done, total int)) error
	// done runs on the UI goroutine after the dialog closed. It shows the
	// result, or the German message for err.
	done func(err error)
}

// runningJob is the job in progress: its dialog and bar.
type runningJob struct {
	u    *App
	j    job
	bar  *widget.ProgressBar
	wait dialog.Dialog
}

// runJob starts j unless another job is running, and reports whether it
// started. The modal dialog keeps the user from starting a second action
// that would use the file meanwhile; the busy flag guards the paths a
// modal dialog does not cover (keyboard shortcuts). Neither the worker nor
// the UI goroutine ever waits for the other: results come back through
// fyne.Do.
func (u *App) runJob(j job) bool {
	if u.busy {
		fyne.LogError("job "+j.title, errBusy)
		return false
	}
	u.busy = true
	r := &runningJob{u: u, j: j, bar: widget.NewProgressBar()}
	var bar fyne.CanvasObject = r.bar
	if !j.steps {
		bar = widget.NewProgressBarInfinite()
	}
	r.wait = dialog.NewCustomWithoutButtons(j.title, container.NewVBox(para(filepath.Base(j.file)), bar), u.win)
	r.wait.Resize(fyne.NewSize(480, 140))
	r.wait.Show()
	go r.run()
	return true
}

// errBusy is logged when a job is refused because another one runs.
var errBusy = errors.New("another job is running")

func (r *runningJob) run() {
	err := r.j.work(r.progress)
	fyne.Do(func() { r.finish(err) })
}

// progress may be called from the worker goroutine.
func (r *runningJob) progress(done, total int) {
	if total <= 0 {
		return
	}
	v := float64(done) / float64(total)
	fyne.Do(func() { r.bar.SetValue(v) })
}

// finish runs on the UI goroutine.
func (r *runningJob) finish(err error) {
	r.wait.Hide()
	r.u.busy = false
	if r.j.done != nil {
		r.j.done(err)
	}
	if r.u.jobFinished != nil {
		r.u.jobFinished(r, err)
	}
}

// closeRequested asks about unsaved input, and keeps the window open
// while a job works on the file:
// closing it then would silently drop an import or merge half saved
// (SQLite rolls it back) or leave a copy unfinished.
func (u *App) closeRequested() {
	if u.busy {
		dialog.ShowInformation("Bitte warten", "Das Programm arbeitet noch an der Datei. Bitte schließen Sie das Fenster, wenn die Arbeit abgeschlossen ist.", u.win)
		return
	}
	u.confirmLeave(u.win.Close)
}
