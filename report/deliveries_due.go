package report

import (
	"slices"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

// When the values of a period are asked for: the calendar of the
// Datenlieferungen.

// NextPeriod returns the period after last for which a Grundzahl delivered
// with frequency f is expected: the next of the same kind, for elections
// the period of the next election. It returns "" for irregular deliveries,
// an unknown frequency, or a last that is not Valid.
func NextPeriod(f store.Frequency, last store.Period) store.Period {
	if !last.Valid() {
		return ""
	}
	switch f {
	case store.HalfYearly, store.YearlyFebruary, store.Yearly, store.PerSchoolYear, "":
		return last.Next()
	case store.PerElection:
		if e, ok := nextElection(last.End()); ok {
			return store.PeriodContaining(last.Kind(), e)
		}
	}
	return ""
}

// DueDate returns the date by which the values for period p of a Grundzahl
// delivered with frequency f are expected:
//
//   - halbjährlich: three months after the half-year ends (1. Halbjahr
//     2024 → 30.09.2024, 2. Halbjahr 2024 → 31.03.2025);
//   - jährlich im Februar (vom Vorjahr): the end of February after the
//     period's year (2024 and Schuljahr 2024/25 → 28.02.2025), since the
//     figures of the previous year arrive each February;
//   - jährlich: 30 June of the year after the period ends (2024 →
//     30.06.2025), when the annual statistics of the year are out;
//   - schuljahr: three months after the school year ends on 31 July
//     (Schuljahr 2024/25 → 31.10.2025), once the school-year figures and
//     the autumn school statistics are in;
//   - wahl: three months after the election in p (Kommunalwahl 14.09.2025
//     → 14.12.2025), or after p's end if no election lies in it;
//   - unregelmäßig, unknown frequencies or an invalid p: zero, never due.
func DueDate(f store.Frequency, p store.Period) time.Time {
	if !p.Valid() {
		return time.Time{}
	}
	switch f {
	case store.HalfYearly, store.PerSchoolYear:
		return addMonths(p.End(), 3)
	case store.YearlyFebruary:
		return time.Date(p.Year()+1, time.March, 0, 0, 0, 0, 0, time.UTC) // day 0: the last of February
	case store.Yearly, "":
		return time.Date(p.End().Year()+1, time.June, 30, 0, 0, 0, 0, time.UTC)
	case store.PerElection:
		if e, ok := nextElection(p.Start().AddDate(0, 0, -1)); ok && !e.After(p.End()) {
			return addMonths(e, 3)
		}
		return addMonths(p.End(), 3)
	}
	return time.Time{}
}

// knownElections are the NRW Kommunalwahlen. The Integrationsrat has been
// elected with them since 2014; its separate election of 07.02.2010 is not
// listed, and a value stored for 2010 still leads to 2014 as the next one.
var knownElections = []time.Time{
	time.Date(2009, time.August, 30, 0, 0, 0, 0, time.UTC),
	time.Date(2014, time.May, 25, 0, 0, 0, 0, time.UTC),
	time.Date(2020, time.September, 13, 0, 0, 0, 0, time.UTC),
	time.Date(2025, time.September, 14, 0, 0, 0, 0, time.UTC),
}

// electionPeriod is the Wahlperiode in NRW. Elections after the last known
// one are assumed on the same day every five years until their dates are
// set; a due date then shifts by a few weeks at most.
const electionPeriod = 5

// elections lists the known elections and the assumed ones up to
// store.MaxPeriodYear.
func elections() []time.Time {
	out := slices.Clone(knownElections)
	for e := out[len(out)-1].AddDate(electionPeriod, 0, 0); e.Year() <= store.MaxPeriodYear; e = e.AddDate(electionPeriod, 0, 0) {
		out = append(out, e)
	}
	return out
}

// nextElection returns the first election after t.
func nextElection(t time.Time) (time.Time, bool) {
	for _, e := range elections() {
		if e.After(t) {
			return e, true
		}
	}
	return time.Time{}, false
}

// lastElection returns the latest election on or before t.
func lastElection(t time.Time) (time.Time, bool) {
	var last time.Time
	for _, e := range elections() {
		if e.After(t) {
			break
		}
		last = e
	}
	return last, !last.IsZero()
}

// addMonths moves t by n months and keeps it within the target month, so
// that 31.12. plus three months is 31.03. rather than 01.04.
func addMonths(t time.Time, n int) time.Time {
	first := time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(t.Day(), last), 0, 0, 0, 0, time.UTC)
}
