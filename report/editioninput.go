package report

import "bergischgladbach.de/integrationsmonitor/store"

// InputOf is the evaluation input of a report's inputs, as read from the
// file or as frozen in an edition: the same inputs give the same
// evaluation, which is what makes a frozen report reproducible.
func InputOf(in *store.EditionInputs) Input {
	snap := in.Snapshot
	return Input{
		Snapshot:   &snap,
		Texts:      &in.Texts,
		Year:       in.Snapshot.ReportYear,
		SmallCount: in.Settings.SmallCount,
		BaseYear:   in.Settings.BaseYear,
		Demo:       in.Settings.Demo,

		ChangeFactor: in.Settings.ChangeFactor,
	}
}

// PreviousEdition is the edition a new report of year compares with in
// its chapter "Änderungen seit dem Bericht J": the newest Fassung of the
// newest frozen year before year. A frozen report names it in its inputs
// (store.EditionInputs.Previous), so that its reprints keep comparing
// with it.
func PreviousEdition(eds []store.Edition, year int) (store.Edition, bool) {
	var best store.Edition
	found := false
	for _, e := range eds {
		if e.ReportYear >= year {
			continue
		}
		if !found || e.ReportYear > best.ReportYear || e.ReportYear == best.ReportYear && e.Version > best.Version {
			best, found = e, true
		}
	}
	return best, found
}
