package ui

import (
	"context"
	"time"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// evaluate builds the one evaluation of the open file and Berichtsjahr
// that every tab presents, the same one the PDF and the exports print.
func (u *App) evaluate() (*report.Evaluation, error) {
	return evaluateFile(u.st, u.reportYear, u.demo, u.today())
}

// evaluateFile is evaluate for st without the App, so that opening a file
// can evaluate it off the UI goroutine.
func evaluateFile(st *store.Store, year int, demo bool, today time.Time) (*report.Evaluation, error) {
	ctx := context.Background()
	snap, err := st.Snapshot(ctx, year)
	if err != nil {
		return nil, err
	}
	texts, err := st.ReportTexts(ctx, year)
	if err != nil {
		return nil, err
	}
	// An invalid setting was shown when the file was opened; its default
	// stands in (store.Settings).
	set, _ := st.Settings(ctx)
	return report.Evaluate(report.Input{
		Snapshot:   snap,
		Texts:      texts,
		Year:       year,
		SmallCount: set.SmallCount,
		BaseYear:   set.BaseYear,
		Demo:       demo,
		Today:      today,

		ChangeFactor: set.ChangeFactor,
	}), nil
}

// valuesChanged refreshes everything that shows stored values after a
// save, from one evaluation: the overview, the deliveries and the panels
// in the other tabs.
func (u *App) valuesChanged() {
	e, err := u.evaluate()
	if err != nil {
		u.showError("Werte lesen", err)
		return
	}
	if u.overview != nil {
		u.overview.show(e)
	}
	if u.deliveries != nil {
		u.deliveries.show(e)
	}
	if u.sinceLast != nil {
		u.sinceLast.reload()
	}
	for _, ft := range u.field {
		if ft.current != nil {
			ft.current.show(e)
		}
	}
}
