package report

import (
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

// LatestChange is the Stand a report on snap should carry when none is
// chosen: the newest Datenstand of a value of the report year or earlier
// (its as-of date; the day it was entered when it has none). It comes
// from the file rather than the clock, so that the same file gives the
// same PDF, and from the values rather than the texts, because the Stand
// tells the reader how current the figures are (issue 14). It is the zero
// time when nothing is dated; pdf.Write then takes 1 January after the
// report year. texts is kept for the callers' symmetry and not read.
func LatestChange(snap *store.Snapshot, _ *store.ReportTexts) time.Time {
	var last time.Time
	if snap == nil {
		return last
	}
	for _, v := range snap.Values {
		if snap.ReportYear != 0 && v.Period.Year() > snap.ReportYear {
			continue
		}
		at := v.EnteredAt
		if d, err := time.Parse("2006-01-02", v.AsOf); err == nil {
			at = d
		}
		if at.After(last) {
			last = at
		}
	}
	if last.IsZero() {
		return last
	}
	return last.UTC()
}
