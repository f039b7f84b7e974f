package report

import (
	"cmp"
	"slices"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

// A Datenlieferung is not stored anywhere: whether a Grundzahl has been
// delivered follows from the values stored for it. Recording a value thus
// marks its delivery received, and deleting or importing values changes the
// list without any bookkeeping that could fall out of step.

// DeliveryStatus says where the delivery of a Grundzahl for the report
// year stands.
type DeliveryStatus string

// The statuses of a Datenlieferung.
const (
	DeliveryReceived DeliveryStatus = "erhalten"           // the report year's period is stored
	DeliveryDue      DeliveryStatus = "faellig"            // due within DueSoon of today
	DeliveryOverdue  DeliveryStatus = "ueberfaellig"       // the next period's due date has passed
	DeliveryMissing  DeliveryStatus = "fehlt"              // nothing for the report year although due, or no value ever
	DeliveryNotDue   DeliveryStatus = "noch_nicht_faellig" // due later, or delivered irregularly
)

// Label is the German word shown in the list.
func (s DeliveryStatus) Label() string {
	switch s {
	case DeliveryReceived:
		return "erhalten"
	case DeliveryDue:
		return "fällig"
	case DeliveryOverdue:
		return "überfällig"
	case DeliveryMissing:
		return "fehlt"
	case DeliveryNotDue:
		return "noch nicht fällig"
	}
	return string(s)
}

// DueSoon is how far ahead a delivery counts as due: about the time
// between two meetings of the Steuerungsgruppe, so that whom to ask is known
// before the next one.
const DueSoon = 60 * 24 * time.Hour

// Delivery is the Datenlieferung of one Grundzahl for a report year.
type Delivery struct {
	BaseFigure store.BaseFigure
	Actor      store.Actor  // zero when the catalogue names no deliverer
	LastPeriod store.Period // latest period with a stored value; "" when none
	// NextPeriod is the period asked for next: the one after LastPeriod,
	// the report year's period when nothing is stored or when it is missing
	// although later ones are stored, "" for irregular deliveries.
	NextPeriod store.Period
	Due        time.Time // when NextPeriod is due; zero when never
	Status     DeliveryStatus
}

// Deliveries lists the Datenlieferung of every Grundzahl of cat for
// reportYear as it stands on today, sorted by due date (those without one
// last), then by the deliverer's name, then in catalogue order.
//
// A delivery counts as received when a value for the report year's period
// is stored (for half-yearly figures the second half-year, which completes
// the year); which period is the report year's follows store.Period.Year, as in
// the report. A value "..." (Angabe fällt später an) is a promise, not a
// delivery, and is not counted.
func Deliveries(cat *store.Catalog, values []store.Value, reportYear int, today time.Time) []Delivery {
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	kinds := map[string]store.PeriodKind{}
	for _, b := range cat.AllBaseFigures() {
		kinds[b.Code] = b.PeriodKind
	}
	stored := map[string]map[store.Period]bool{}
	for _, v := range values {
		if v.Symbol == store.SymLater || v.Period.Kind() == "" || v.Period.Kind() != kinds[v.BaseFigure] {
			continue
		}
		if stored[v.BaseFigure] == nil {
			stored[v.BaseFigure] = map[store.Period]bool{}
		}
		stored[v.BaseFigure][v.Period] = true
	}
	actors := map[string]store.Actor{}
	for _, a := range cat.Actors {
		actors[a.Code] = a
	}
	var out []Delivery
	for _, b := range cat.AllBaseFigures() {
		d := delivery(b, stored[b.Code], reportYear, day)
		d.Actor = actors[b.Actor]
		out = append(out, d)
	}
	slices.SortStableFunc(out, func(a, b Delivery) int {
		return cmp.Or(
			falseFirst(a.Due.IsZero(), b.Due.IsZero()),
			a.Due.Compare(b.Due),
			falseFirst(a.Actor.Name == "", b.Actor.Name == ""),
			cmp.Compare(a.Actor.Name, b.Actor.Name),
		)
	})
	return out
}

// falseFirst orders false before true, to put what is missing last.
func falseFirst(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

func delivery(b store.BaseFigure, have map[store.Period]bool, reportYear int, day time.Time) Delivery {
	f := b.Frequency
	if f == "" {
		f = store.Yearly
	}
	d := Delivery{BaseFigure: b}
	for p := range have {
		if d.LastPeriod == "" || p.Compare(d.LastPeriod) > 0 {
			d.LastPeriod = p
		}
	}
	target := reportPeriod(f, b.PeriodKind, reportYear, d.LastPeriod)
	received := target != "" && covers(have, target, f)
	switch {
	case d.LastPeriod == "":
		d.NextPeriod = target
	default:
		d.NextPeriod = NextPeriod(f, d.LastPeriod)
		if !received && target != "" && d.NextPeriod != "" && target.Compare(d.NextPeriod) < 0 {
			d.NextPeriod = target
		}
	}
	if f == store.OnceOrIrregular {
		d.NextPeriod = ""
	}
	d.Due = DueDate(f, d.NextPeriod)
	switch {
	case received:
		d.Status = DeliveryReceived
	case d.Due.IsZero():
		// Irregular figures are never asked for, however long ago the last one came.
		d.Status = DeliveryNotDue
	case d.LastPeriod == "":
		d.Status = DeliveryMissing
	case target != "" && !anyInYear(have, target.Year()) && day.After(DueDate(f, target)):
		d.Status = DeliveryMissing
	case day.After(d.Due):
		d.Status = DeliveryOverdue
	case !d.Due.After(day.Add(DueSoon)):
		d.Status = DeliveryDue
	default:
		d.Status = DeliveryNotDue
	}
	return d
}

// reportPeriod is the period a report for year needs of a Grundzahl of
// kind k: the year, its second half, the school year starting in it, a
// Stichtag in it (on the day of the month of the last one stored, else
// 31.12.), or for elections the latest election up to that year. It is ""
// when there is none (no election yet).
func reportPeriod(f store.Frequency, k store.PeriodKind, year int, last store.Period) store.Period {
	if f == store.PerElection {
		e, ok := lastElection(time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC))
		if !ok {
			return ""
		}
		return store.PeriodContaining(k, e)
	}
	return store.YearEndPeriod(k, year, last)
}

// covers reports whether the stored periods include target. A Stichtag on
// another day of the same year counts, because the day is not fixed; for
// an election only one on or after election day, since before it the old
// council was counted.
func covers(have map[store.Period]bool, target store.Period, f store.Frequency) bool {
	if target.Kind() != store.DatePeriod {
		return have[target]
	}
	for p := range have {
		if p.Year() == target.Year() && (f != store.PerElection || p.Compare(target) >= 0) {
			return true
		}
	}
	return false
}

func anyInYear(have map[store.Period]bool, year int) bool {
	for p := range have {
		if p.Year() == year {
			return true
		}
	}
	return false
}

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
