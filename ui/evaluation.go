package ui

import (
	"context"

	"bergischgladbach.de/integrationsmonitor/report"
)

// evaluate builds the one evaluation of the open file and Berichtsjahr
// that every tab presents, the same one the PDF and the exports print.
func (u *App) evaluate() (*report.Evaluation, error) {
	ctx := context.Background()
	snap, err := u.st.Snapshot(ctx, u.reportYear)
	if err != nil {
		return nil, err
	}
	texts, err := u.st.ReportTexts(ctx, u.reportYear)
	if err != nil {
		return nil, err
	}
	// An invalid setting was shown when the file was opened; its default
	// stands in (store.Settings).
	set, _ := u.st.Settings(ctx)
	return report.Evaluate(report.Input{
		Snapshot:   snap,
		Texts:      texts,
		Year:       u.reportYear,
		SmallCount: set.SmallCount,
		Demo:       u.demo,
		Today:      u.today(),
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
