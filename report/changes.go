package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// Changes is what moved since a frozen Monitoring-Bericht: the chapter
// "Änderungen seit dem Bericht J" and the window's list "Seit dem letzten
// Bericht" both present it.
type Changes struct {
	// Year is J, the report year of the frozen report.
	Year int
	// Items are the changes, most important first: verdicts, then
	// revisions by relative size, then late values, then removed ones.
	Items []ChangeItem
}

// ChangeKind says what changed since the frozen report.
type ChangeKind int

// The kinds of change, in the order the list shows them.
const (
	VerdictChanged ChangeKind = iota // a Kennzahl's Bewertung differs
	ValueRevised                     // a value the report printed is now different
	ValueLate                        // a value for a period up to J that was missing then
	ValueRemoved                     // a value the report rested on is deleted
)

// Label is the kind's German name for a list column.
func (k ChangeKind) Label() string {
	switch k {
	case VerdictChanged:
		return "Bewertung geändert"
	case ValueRevised:
		return "Wert korrigiert"
	case ValueLate:
		return "Wert nachgeliefert"
	case ValueRemoved:
		return "Wert gelöscht"
	}
	return "Änderung"
}

// ChangeItem is one change since the frozen report.
type ChangeItem struct {
	Kind ChangeKind
	// KeyFigures are the codes of the Kennzahlen whose Grundzahl the value
	// is (the Kennzahl itself for a verdict), in catalogue order, for the
	// window's jump. A Grundzahl of a Wirkungsindikator only names the
	// indicator's code.
	KeyFigures []string
	// BaseFigure is the value's Grundzahl; zero for a verdict change.
	BaseFigure store.BaseFigure
	Period     store.Period
	Area       string // code of the Statistischer Bezirk
	Group      string // group code
	// Location names the value for a table column: "Arbeitslose,
	// Ausländer/innen, 2. Halbjahr 2024, Stadt"; "" for a verdict change.
	Location string
	// Old and New are as the report prints them: the value with its unit,
	// symbol and marks, NotComputable for a missing one; for a verdict
	// change the Bewertung ("+ Entwicklung in Zielrichtung").
	Old, New string
	// Reason is the source, Datenstand and note of the new value
	// ("Quelle: IT.NRW, Datenstand 31.03.2025; Anmerkung: …"), "" when
	// none is recorded or the value was removed.
	Reason string
	// Text is the change as one plain German sentence.
	Text string
}

// ChangesSince compares the evaluation frozen for an earlier report (old,
// its Year = J) with the current one (cur), which is built for the new
// report year. Values count only for periods up to J: later ones are new
// data, not changes of the old report. Both evaluations' catalogues and
// small-count thresholds print their own values; the current catalogue
// names them. A revision that prints the same (a changed note or source
// only, or a number the report hides as "." both times) is not listed, so
// that the list never reveals a hidden count.
func ChangesSince(old, cur *Evaluation) Changes {
	if old == nil || cur == nil {
		return Changes{}
	}
	c := changeSet{old: old, cur: cur, year: old.Year}
	c.index()
	c.verdicts()
	c.values()
	slices.SortStableFunc(c.items, func(a, b rankedChange) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(b.size, a.size), cmp.Compare(a.order, b.order),
			a.Period.Compare(b.Period), cmp.Compare(a.Area, b.Area), cmp.Compare(a.Group, b.Group))
	})
	out := Changes{Year: old.Year}
	for _, it := range c.items {
		out.Items = append(out.Items, it.ChangeItem)
	}
	return out
}

// rankedChange is an item with what the ordering needs.
type rankedChange struct {
	ChangeItem
	size  float64 // relative size of a revision
	order int     // catalogue position of its Kennzahl and Grundzahl
}

type changeSet struct {
	old, cur *Evaluation
	year     int
	cat      *store.Catalog
	// owners maps a Grundzahl to the Kennzahlen (or indicator) reading it.
	owners map[string][]string
	// order is the catalogue position of a Kennzahl or Grundzahl code.
	order map[string]int
	items []rankedChange
}

func (c *changeSet) index() {
	c.cat = c.cur.Catalog
	if c.cat == nil {
		c.cat = c.old.Catalog
	}
	if c.cat == nil {
		c.cat = &store.Catalog{}
	}
	c.owners, c.order = map[string][]string{}, map[string]int{}
	own := func(bf, code string) {
		if !slices.Contains(c.owners[bf], code) {
			c.owners[bf] = append(c.owners[bf], code)
		}
	}
	shared := map[string]string{} // alias → code of a shared Grundzahl
	for _, b := range c.cat.BaseFigures {
		shared[b.Alias] = b.Code
	}
	n := 0
	next := func(code string) {
		if _, ok := c.order[code]; !ok {
			c.order[code] = n
			n++
		}
	}
	for _, f := range c.cat.Fields {
		for _, k := range f.KeyFigures {
			next(k.Code)
			for _, b := range k.BaseFigures {
				own(b.Code, k.Code)
				next(b.Code)
			}
			for alias := range sharedGroups(k) {
				if code, ok := shared[alias]; ok {
					own(code, k.Code)
				}
			}
		}
	}
	for _, f := range c.cat.Fields {
		for _, w := range f.Indicators {
			for _, b := range w.BaseFigures {
				own(b.Code, w.Code)
				next(b.Code)
			}
		}
	}
	for _, b := range c.cat.BaseFigures {
		next(b.Code)
	}
	// sharedGroups ranges over a map: the readers go in catalogue order.
	for _, codes := range c.owners {
		slices.SortFunc(codes, func(a, b string) int { return cmp.Compare(c.rank(a), c.rank(b)) })
	}
}

// rank is the catalogue position of a code; unknown codes go last.
func (c *changeSet) rank(code string) int {
	if i, ok := c.order[code]; ok {
		return i
	}
	return math.MaxInt32
}

func (c *changeSet) verdicts() {
	was := map[string]OverviewRow{}
	for _, r := range c.old.Overview {
		was[r.Code] = r
	}
	for _, now := range c.cur.Overview {
		then, ok := was[now.Code]
		if !ok || then.Level == now.Level {
			continue
		}
		it := ChangeItem{Kind: VerdictChanged, KeyFigures: []string{now.Code}, Old: then.Assessment, New: now.Assessment}
		name := now.Code
		if st := strings.TrimRight(strings.TrimSpace(now.Statement), "."); st != "" {
			name += ", " + st
		}
		it.Text = fmt.Sprintf("%s: Bewertung im Bericht %d: %s – jetzt: %s.", name, c.year, then.Assessment, now.Assessment)
		c.items = append(c.items, rankedChange{ChangeItem: it, order: c.rank(now.Code)})
	}
}

func (c *changeSet) values() {
	upTo := func(vs []store.Value) []store.Value {
		var out []store.Value
		for _, v := range vs {
			if v.Period.Year() <= c.year {
				out = append(out, v)
			}
		}
		return out
	}
	for _, d := range store.DiffValues(upTo(c.old.Values), upTo(c.cur.Values)) {
		if d.Kind == store.DiffUnchanged {
			continue
		}
		bf := c.baseFigure(d.BaseFigure)
		it := ChangeItem{KeyFigures: c.owners[bf.Code], BaseFigure: bf, Period: d.Period, Area: d.Area, Group: d.Group,
			Old: NotComputable, New: NotComputable}
		r := rankedChange{order: c.rank(bf.Code)}
		if o := c.rank(firstOr(it.KeyFigures, "")); o < r.order {
			r.order = o
		}
		hidden := false
		if d.Stored != nil {
			// The old value is published under today's rules too: a value
			// marked geheim since, or a raised small-count threshold, must
			// not be printed again as "bisher".
			then, now := c.old.cell(*d.Stored, true, bf.Unit), c.cur.cell(*d.Stored, true, bf.Unit)
			it.Old, hidden = then.Published, then.Hidden || now.Hidden
			if now.Hidden || d.Incoming != nil && d.Incoming.Confidential {
				it.Old, hidden = now.Published, true
				if !now.Hidden {
					it.Old = string(store.SymUnknown)
				}
			}
		}
		if d.Incoming != nil {
			cell := c.cur.cell(*d.Incoming, true, bf.Unit)
			it.New, hidden = cell.Published, hidden || cell.Hidden
			it.Reason = valueReason(*d.Incoming)
		}
		it.Location = strings.Join([]string{bf.Name, c.cat.GroupName(d.Group), d.Period.Label(), c.cat.AreaName(d.Area)}, ", ")
		where := where(it)
		switch d.Kind {
		case store.DiffChanged:
			if it.Old == it.New {
				continue
			}
			it.Kind = ValueRevised
			r.size = relativeChange(*d.Stored, *d.Incoming)
			if hidden {
				// The order must not tell how large a hidden change was.
				r.size = math.Inf(1)
			}
			it.Text = fmt.Sprintf("%s: %s statt %s", where, it.New, it.Old)
		case store.DiffNew:
			it.Kind = ValueLate
			it.Text = fmt.Sprintf("%s: %s nachgeliefert (fehlte im Bericht %d)", where, it.New, c.year)
		case store.DiffRemoved:
			it.Kind = ValueRemoved
			it.Text = fmt.Sprintf("%s: %s im Bericht %d, inzwischen gelöscht", where, it.Old, c.year)
		}
		if it.Reason != "" {
			it.Text += " (" + it.Reason + ")"
		}
		it.Text += "."
		r.ChangeItem = it
		c.items = append(c.items, r)
	}
}

// baseFigure finds a Grundzahl in the current catalogue, else in the
// frozen one (it may have been removed since), else names it by its code.
func (c *changeSet) baseFigure(code string) store.BaseFigure {
	if b, ok := c.cat.BaseFigureByCode(code); ok {
		return b
	}
	if c.old.Catalog != nil {
		if b, ok := c.old.Catalog.BaseFigureByCode(code); ok {
			return b
		}
	}
	return store.BaseFigure{Code: code, Name: code}
}

// where names a value: "A-K1, Arbeitslose, Ausländer/innen, 2. Halbjahr
// 2024, Stadt". More than three readers (the population) are cut short.
func where(it ChangeItem) string {
	switch codes := it.KeyFigures; {
	case len(codes) > 3:
		return strings.Join(codes[:3], ", ") + " u. a., " + it.Location
	case len(codes) > 0:
		return strings.Join(codes, ", ") + ", " + it.Location
	}
	return it.Location
}

// valueReason is the provenance of a value as the list prints it.
func valueReason(v store.Value) string {
	var parts []string
	if s := strings.TrimSpace(v.Source); s != "" {
		parts = append(parts, "Quelle: "+s)
	}
	if v.AsOf != "" {
		parts = append(parts, "Datenstand "+Facts{AsOf: v.AsOf}.AsOfLabel())
	}
	s := strings.Join(parts, ", ")
	if n := strings.TrimSpace(v.Note); n != "" {
		if s != "" {
			s += "; "
		}
		s += "Anmerkung: " + n
	}
	return s
}

// relativeChange is the size of a revision relative to the old number;
// a symbol replaced or replacing a number, or a change from zero, counts
// as the largest.
func relativeChange(old, cur store.Value) float64 {
	if !old.HasNumber() || !cur.HasNumber() {
		return math.Inf(1)
	}
	d := math.Abs(cur.Number - old.Number)
	if old.Number == 0 {
		if d == 0 {
			return 0
		}
		return math.Inf(1)
	}
	return d / math.Abs(old.Number)
}

func firstOr(s []string, def string) string {
	if len(s) > 0 {
		return s[0]
	}
	return def
}
