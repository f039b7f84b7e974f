package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"

	"bergischgladbach.de/integrationsmonitor/report"
	"bergischgladbach.de/integrationsmonitor/store"
)

// This file reads the report editions (Berichtsfassungen) for the window:
// the inputs a print or a freeze rests on, the edition a report compares
// with, and the changes since it. The dialogs are in editiondialog.go.

// editions lists the file's editions without their inputs. A failure is
// logged only: the menu and the Berichtsjahr tab then show none, and the
// dialogs that need an edition report it themselves.
func (u *App) editions() []store.Edition {
	eds, err := u.st.Editions(context.Background())
	if err != nil {
		fyne.LogError("Berichtsfassungen", err)
		return nil
	}
	return eds
}

// latestOf is the newest Fassung of year in eds.
func latestOf(eds []store.Edition, year int) (store.Edition, bool) {
	var best store.Edition
	found := false
	for _, e := range eds {
		if e.ReportYear == year && (!found || e.Version > best.Version) {
			best, found = e, true
		}
	}
	return best, found
}

// editionDate is the day an edition was frozen, as the window shows it.
func editionDate(e store.Edition) string {
	return e.FrozenAt.Local().Format("02.01.2006")
}

// editionSummary names an edition in the menu and the Berichtsjahr tab:
// "2024, 1. Fassung vom 30.11.2026 (Drucksache 0123/2026)".
func editionSummary(e store.Edition) string {
	s := fmt.Sprintf("%d, %d. Fassung vom %s", e.ReportYear, e.Version, editionDate(e))
	if e.Paper.Drucksache != "" {
		s += " (Drucksache " + e.Paper.Drucksache + ")"
	}
	return s
}

// frozenLine says whether the report of year is frozen.
func frozenLine(eds []store.Edition, year int) string {
	e, ok := latestOf(eds, year)
	if !ok {
		return fmt.Sprintf("Der Bericht %d ist noch nicht festgeschrieben.", year)
	}
	return fmt.Sprintf("Der Bericht %d ist festgeschrieben: %d. Fassung vom %s.", year, e.Version, editionDate(e))
}

// currentInputs reads what a report of year prints from today's file,
// with its Stand taken from the file's newest change, so that the same
// file gives the same PDF.
func (u *App) currentInputs(year int) (*store.EditionInputs, error) {
	in, err := u.st.ReportInputs(context.Background(), year)
	if err != nil {
		return nil, err
	}
	in.Created = report.LatestChange(&in.Snapshot, &in.Texts)
	return &in, nil
}

// previousInputs loads the inputs of the edition a new report on in
// compares with (report.PreviousEdition) and names it in in.Previous, so
// that a freeze of in keeps comparing with it; nil when there is none.
//
// It reads the editions itself and fails with their error: a freeze that
// silently compared with nothing could never be corrected.
func (u *App) previousInputs(in *store.EditionInputs) (*store.EditionInputs, error) {
	eds, err := u.st.Editions(context.Background())
	if err != nil {
		return nil, err
	}
	p, ok := report.PreviousEdition(eds, in.Snapshot.ReportYear)
	if !ok {
		return nil, nil
	}
	ed, err := u.st.Edition(context.Background(), p.ReportYear, p.Version)
	if err != nil {
		return nil, err
	}
	in.Previous = ed.Hash
	return ed.Inputs, nil
}

// previousEval caches the evaluation of the edition the changes tab
// compares with: it is evaluated once, not at every saved value.
type previousEval struct {
	st   *store.Store
	id   int64
	eval *report.Evaluation
}

// editionChanges is the App.changes hook on the open file: what changed
// between the newest edition before the Berichtsjahr and the window's
// evaluation; nil when no earlier year is frozen.
func (u *App) editionChanges() (*report.Changes, error) {
	if u.st == nil {
		return nil, nil
	}
	eds, err := u.st.Editions(context.Background())
	if err != nil {
		return nil, err
	}
	p, ok := report.PreviousEdition(eds, u.reportYear)
	if !ok {
		return nil, nil
	}
	c := u.prevEval
	if c == nil || c.st != u.st || c.id != p.ID {
		ed, err := u.st.Edition(context.Background(), p.ReportYear, p.Version)
		if err != nil {
			return nil, err
		}
		c = &previousEval{st: u.st, id: p.ID, eval: report.Evaluate(report.InputOf(ed.Inputs))}
		u.prevEval = c
	}
	cur, err := u.evaluate()
	if err != nil {
		return nil, err
	}
	ch := report.ChangesSince(c.eval, cur)
	return &ch, nil
}
