package report

import (
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

// LatestChange is the Stand a report on snap and texts should carry when
// none is chosen: the newest entry of a value of the report year or
// earlier, or of a report text. It comes from the file rather than the
// clock, so that the same file gives the same PDF. It is the zero time
// when nothing is dated; pdf.Write then takes 1 January after the report
// year.
func LatestChange(snap *store.Snapshot, texts *store.ReportTexts) time.Time {
	var last time.Time
	if snap != nil {
		for _, v := range snap.Values {
			if v.EnteredAt.After(last) && (snap.ReportYear == 0 || v.Period.Year() <= snap.ReportYear) {
				last = v.EnteredAt
			}
		}
	}
	if texts != nil {
		for _, t := range texts.Texts {
			if t.UpdatedAt.After(last) {
				last = t.UpdatedAt
			}
		}
	}
	if last.IsZero() {
		return last
	}
	return last.UTC()
}
