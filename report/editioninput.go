package report

import (
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

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
		Demo:       in.Settings.Demo,
	}
}

// PreviousEdition is the edition a report of year compares with in its
// chapter "Änderungen seit dem Bericht J": the newest Fassung of the
// newest frozen year before year, among editions frozen up to until (the
// zero time: any). A reprint passes its own freezing time, so that an
// older year frozen later does not change the reprint.
func PreviousEdition(eds []store.Edition, year int, until time.Time) (store.Edition, bool) {
	var best store.Edition
	found := false
	for _, e := range eds {
		if e.ReportYear >= year || !until.IsZero() && e.FrozenAt.After(until) {
			continue
		}
		if !found || e.ReportYear > best.ReportYear || e.ReportYear == best.ReportYear && e.Version > best.Version {
			best, found = e, true
		}
	}
	return best, found
}
