package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"bergischgladbach.de/integrationsmonitor/store"
)

// A Datenlieferung is not stored anywhere: whether a Grundzahl has been
// delivered follows from the values stored for it. Recording a value thus
// counts towards its delivery, and deleting or importing values changes the
// list without any bookkeeping that could fall out of step.
//
// A delivery is complete only when every cell the catalogue expects
// (each Gruppe in each Statistischer Bezirk of the Grundzahl) is stored for
// the period: one value of six is a start, not a delivery, and the list
// says so.

// DeliveryStatus says where the delivery of a Grundzahl for the report
// year stands.
type DeliveryStatus string

// The statuses of a Datenlieferung.
const (
	DeliveryReceived DeliveryStatus = "erhalten"           // every expected cell of the report year's period is stored
	DeliveryPartial  DeliveryStatus = "teilweise"          // some cells of the period asked for are stored, others missing; not yet overdue
	DeliveryDue      DeliveryStatus = "faellig"            // due within DueSoon of today
	DeliveryOverdue  DeliveryStatus = "ueberfaellig"       // the next period's due date has passed (also when part of it is stored)
	DeliveryMissing  DeliveryStatus = "fehlt"              // nothing for the report year although due, or no value ever
	DeliveryNotDue   DeliveryStatus = "noch_nicht_faellig" // due later, or delivered irregularly
)

// Label is the German word shown in the list.
func (s DeliveryStatus) Label() string {
	switch s {
	case DeliveryReceived:
		return "erhalten"
	case DeliveryPartial:
		return "teilweise"
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

// SharedOwner names the owner of a shared Grundzahl (the population),
// which every Kennzahl may refer to.
const SharedOwner = "alle"

// DeliveryCell is one expected value of a Grundzahl in a period: a
// Statistischer Bezirk and a Gruppe (codes of the catalogue).
type DeliveryCell struct {
	Area  string
	Group string
}

// Delivery is the Datenlieferung of one Grundzahl for a report year.
type Delivery struct {
	BaseFigure store.BaseFigure
	// Owners are the codes of the Kennzahlen and Wirkungsindikatoren whose
	// catalogue entry lists the Grundzahl, in catalogue order; nil for a
	// shared Grundzahl (see OwnerText).
	Owners     []string
	Actor      store.Actor  // zero when the catalogue names no deliverer
	LastPeriod store.Period // latest period with a stored value; "" when none
	// NextPeriod is the period asked for next: the one after the latest
	// complete one, the report year's period when nothing is complete or
	// when it is incomplete although later ones are stored, "" for
	// irregular deliveries.
	NextPeriod store.Period
	Due        time.Time // when NextPeriod is due; zero when never
	Status     DeliveryStatus
	// Period is the period Have, Want and Missing count: the report year's
	// period when it is complete or the delivery is irregular, NextPeriod
	// otherwise. For a Stichtag it is the stored day of that year with the
	// most cells, since the day is not fixed.
	Period store.Period
	// Have and Want count the stored and the expected cells of Period.
	Have, Want int
	// Missing lists the expected cells of Period not stored, Bezirk by
	// Bezirk in catalogue order.
	Missing []DeliveryCell
}

// StatusText is the status as the list shows it: with the count of cells
// when part of the period is in, e.g. "teilweise (4 von 6)".
func (d Delivery) StatusText() string {
	if (d.Status == DeliveryPartial || d.Status == DeliveryOverdue) && d.Have > 0 && d.Have < d.Want {
		return fmt.Sprintf("%s (%d von %d)", d.Status.Label(), d.Have, d.Want)
	}
	return d.Status.Label()
}

// OwnerText names the Kennzahlen and Wirkungsindikatoren the Grundzahl
// belongs to ("A-K1", "B-K1, B-K2"), SharedOwner for a shared one.
func (d Delivery) OwnerText() string {
	if len(d.Owners) == 0 {
		return SharedOwner
	}
	return strings.Join(d.Owners, ", ")
}

// NextEntry is the key of the value most likely entered next for this
// delivery: the Grundzahl, the period being completed (else the one asked
// for next, else Period) and the first missing Bezirk and Gruppe. Area and
// Group are "" when nothing of that period is missing.
func (d Delivery) NextEntry() store.Value {
	v := store.Value{BaseFigure: d.BaseFigure.Code, Period: d.Period}
	switch {
	case d.Have > 0 && d.Have < d.Want:
	case d.NextPeriod != "":
		v.Period = d.NextPeriod
	}
	if v.Period == d.Period && len(d.Missing) > 0 {
		v.Area, v.Group = d.Missing[0].Area, d.Missing[0].Group
	} else if v.Period != d.Period && len(d.BaseFigure.Areas) > 0 && len(d.BaseFigure.Groups) > 0 {
		v.Area, v.Group = d.BaseFigure.Areas[0], d.BaseFigure.Groups[0]
	}
	return v
}

// Deliveries lists the Datenlieferung of every Grundzahl of cat for
// reportYear as it stands on today, sorted by due date (those without one
// last), then by the deliverer's name, then in catalogue order.
//
// A delivery counts as received when every expected cell (each Gruppe in
// each Bezirk the catalogue lists for the Grundzahl) of the report year's
// period is stored (for half-yearly figures the second half-year, which
// completes the year); which period is the report year's follows
// store.Period.Year, as in the report. A value "..." (Angabe fällt später
// an) is a promise, not a delivery, and is not counted; nor are values for
// cells the catalogue does not expect.
func Deliveries(cat *store.Catalog, values []store.Value, reportYear int, today time.Time) []Delivery {
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	all := cat.AllBaseFigures()
	byCode := map[string]store.BaseFigure{}
	for _, b := range all {
		byCode[b.Code] = b
	}
	stored := map[string]periodCells{}
	for _, v := range values {
		b, ok := byCode[v.BaseFigure]
		if !ok || v.Symbol == store.SymLater || v.Period.Kind() == "" || v.Period.Kind() != b.PeriodKind || !expects(b, v.Area, v.Group) {
			continue
		}
		if stored[v.BaseFigure] == nil {
			stored[v.BaseFigure] = periodCells{}
		}
		if stored[v.BaseFigure][v.Period] == nil {
			stored[v.BaseFigure][v.Period] = map[DeliveryCell]bool{}
		}
		stored[v.BaseFigure][v.Period][DeliveryCell{v.Area, v.Group}] = true
	}
	actors := map[string]store.Actor{}
	for _, a := range cat.Actors {
		actors[a.Code] = a
	}
	owners := ownersOf(cat)
	var out []Delivery
	for _, b := range all {
		d := delivery(b, stored[b.Code], reportYear, day)
		d.Actor = actors[b.Actor]
		d.Owners = owners[b.Code]
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

// ownersOf maps each Grundzahl code of a Kennzahl or Wirkungsindikator to
// their codes; shared Grundzahlen have none.
func ownersOf(cat *store.Catalog) map[string][]string {
	out := map[string][]string{}
	for _, f := range cat.Fields {
		for _, k := range f.KeyFigures {
			for _, b := range k.BaseFigures {
				out[b.Code] = append(out[b.Code], k.Code)
			}
		}
		for _, w := range f.Indicators {
			for _, b := range w.BaseFigures {
				out[b.Code] = append(out[b.Code], w.Code)
			}
		}
	}
	return out
}

// periodCells are the stored cells of one Grundzahl by period.
type periodCells map[store.Period]map[DeliveryCell]bool

// expected lists the cells the catalogue expects of b in each period,
// Bezirk by Bezirk. A Grundzahl listing no Bezirk or no Gruppe expects a
// single value of any key, so that an incomplete catalogue entry cannot
// make its delivery impossible.
func expected(b store.BaseFigure) []DeliveryCell {
	var out []DeliveryCell
	for _, a := range b.Areas {
		for _, g := range b.Groups {
			if IsBreakdownGroup(g) {
				continue // optional: the Kennzahl does not need it (breakdown.go)
			}
			out = append(out, DeliveryCell{a, g})
		}
	}
	return out
}

func expects(b store.BaseFigure, area, group string) bool {
	if len(b.Areas) == 0 || len(b.Groups) == 0 {
		return true
	}
	return slices.Contains(b.Areas, area) && slices.Contains(b.Groups, group)
}

// count returns how many of want are stored in p, and which are missing.
func (pc periodCells) count(p store.Period, want []DeliveryCell) (int, []DeliveryCell) {
	have := pc[p]
	if len(want) == 0 {
		if len(have) > 0 {
			return 1, nil
		}
		return 0, []DeliveryCell{{}}
	}
	n := 0
	var missing []DeliveryCell
	for _, c := range want {
		if have[c] {
			n++
		} else {
			missing = append(missing, c)
		}
	}
	return n, missing
}

// best is the stored period standing for target: target itself, or for a
// Stichtag the day of target's year with the most cells (for an election
// only one on or after election day, since before it the old council was
// counted). It is target when none is stored.
func (pc periodCells) best(target store.Period, f store.Frequency, want []DeliveryCell) store.Period {
	if target.Kind() != store.DatePeriod {
		return target
	}
	best, most := target, -1
	for p := range pc {
		if p.Year() != target.Year() || (f == store.PerElection && p.Compare(target) < 0) {
			continue
		}
		n, _ := pc.count(p, want)
		if n > most || (n == most && p.Compare(best) > 0) {
			best, most = p, n
		}
	}
	return best
}

func (pc periodCells) complete(p store.Period, f store.Frequency, want []DeliveryCell) bool {
	n, missing := pc.count(pc.best(p, f, want), want)
	return n > 0 && len(missing) == 0
}

func delivery(b store.BaseFigure, pc periodCells, reportYear int, day time.Time) Delivery {
	f := b.Frequency
	if f == "" {
		f = store.Yearly
	}
	want := expected(b)
	d := Delivery{BaseFigure: b}
	var lastComplete store.Period
	for p := range pc {
		if d.LastPeriod == "" || p.Compare(d.LastPeriod) > 0 {
			d.LastPeriod = p
		}
		if n, missing := pc.count(p, want); n > 0 && len(missing) == 0 && (lastComplete == "" || p.Compare(lastComplete) > 0) {
			lastComplete = p
		}
	}
	target := reportPeriod(f, b.PeriodKind, reportYear, d.LastPeriod)
	received := target != "" && pc.complete(target, f, want)
	switch {
	case lastComplete == "":
		d.NextPeriod = target
	default:
		d.NextPeriod = NextPeriod(f, lastComplete)
		if !received && target != "" && d.NextPeriod != "" && target.Compare(d.NextPeriod) < 0 {
			d.NextPeriod = target
		}
	}
	if f == store.OnceOrIrregular {
		d.NextPeriod = ""
	}
	d.Due = DueDate(f, d.NextPeriod)
	d.Period = d.NextPeriod
	if received || d.NextPeriod == "" {
		d.Period = target
	}
	if d.Period != "" {
		d.Period = pc.best(d.Period, f, want)
		d.Have, d.Missing = pc.count(d.Period, want)
		d.Want = d.Have + len(d.Missing)
	}
	switch {
	case received:
		d.Status = DeliveryReceived
	case d.Due.IsZero() && d.Have > 0:
		d.Status = DeliveryPartial
	case d.Due.IsZero():
		// Irregular figures are never asked for, however long ago the last one came.
		d.Status = DeliveryNotDue
	case d.LastPeriod == "":
		d.Status = DeliveryMissing
	case target != "" && !anyInYear(pc, target.Year()) && day.After(DueDate(f, target)):
		d.Status = DeliveryMissing
	case day.After(d.Due):
		d.Status = DeliveryOverdue
	case d.Have > 0:
		d.Status = DeliveryPartial
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

func anyInYear(pc periodCells, year int) bool {
	for p := range pc {
		if p.Year() == year {
			return true
		}
	}
	return false
}
