package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// waitJob calls start, which starts a background job, and waits until the
// job's result was shown. It returns the job's error.
func waitJob(t *testing.T, u *App, start func()) error {
	t.Helper()
	_, err := finishedJob(t, u, start)
	return err
}

// finishedJob is waitJob that also returns the job.
func finishedJob(t *testing.T, u *App, start func()) (*runningJob, error) {
	t.Helper()
	type result struct {
		j   *runningJob
		err error
	}
	done := make(chan result, 1)
	u.jobFinished = func(j *runningJob, err error) { done <- result{j, err} }
	defer func() { u.jobFinished = nil }()
	start()
	select {
	case r := <-done:
		if u.busy {
			t.Error("still busy after the job finished")
		}
		return r.j, r.err
	case <-time.After(2 * time.Minute):
		t.Fatal("job not finished within two minutes")
		return nil, nil
	}
}

// walkAll visits o and everything its widgets render.
func walkAll(t *testing.T, o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	visit(o)
	if c, ok := o.(*fyne.Container); ok {
		for _, ch := range c.Objects {
			walkAll(t, ch, visit)
		}
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, ch := range test.TempWidgetRenderer(t, w).Objects() {
			walkAll(t, ch, visit)
		}
	}
}

// overlayTexts are the label texts of every dialog shown, top last.
func overlayTexts(t *testing.T, u *App) string {
	var b strings.Builder
	for _, o := range u.win.Canvas().Overlays().List() {
		walkAll(t, o, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok {
				b.WriteString(l.Text + "\n")
			}
		})
	}
	return b.String()
}

// topButton finds the button with the given label in the top dialog.
func topButton(t *testing.T, u *App, label string) *widget.Button {
	t.Helper()
	b := findButton(t, u.win.Canvas().Overlays().Top(), label)
	if b == nil {
		t.Fatalf("no button %q in the top dialog:\n%s", label, overlayTexts(t, u))
	}
	return b
}

// dismissAll closes every dialog, as the user would before the next step.
func dismissAll(u *App) {
	for u.win.Canvas().Overlays().Top() != nil {
		u.win.Canvas().Overlays().Top().Hide()
	}
}

func TestJobRefusesSecondJob(t *testing.T) {
	u, _ := newTestApp(t)
	release := make(chan struct{})
	started := u.runJob(job{title: "Erste Arbeit …", file: "a", work: func(func(int, int)) error {
		<-release
		return nil
	}})
	if !started || !u.busy {
		t.Fatal("first job not started")
	}
	if !strings.Contains(overlayTexts(t, u), "a\n") {
		t.Errorf("progress dialog does not name the file: %q", overlayTexts(t, u))
	}
	if u.runJob(job{title: "Zweite Arbeit …", work: func(func(int, int)) error { return nil }}) {
		t.Error("second job started while the first runs")
	}
	closed := false
	u.win.SetOnClosed(func() { closed = true })
	u.closeRequested()
	if closed || !strings.Contains(overlayTexts(t, u), "arbeitet noch an der Datei") {
		t.Errorf("window closed during a job (closed=%v): %q", closed, overlayTexts(t, u))
	}
	u.win.Canvas().Overlays().Top().Hide() // the user closes the message
	err := waitJob(t, u, func() { close(release) })
	if err != nil {
		t.Fatal(err)
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Errorf("progress dialog still shown: %q", overlayTexts(t, u))
	}
	u.closeRequested()
	if !closed {
		t.Error("window not closed after the job")
	}
}
