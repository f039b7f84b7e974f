package official

import (
	"slices"

	"bergischgladbach.de/integrationsmonitor/store"
)

// partSums adds up the columns of the Mappings with Parts, per mapping,
// area and period.
type partSums map[partKey]*partSum

type partKey struct {
	mapping int
	area    string
	period  store.Period
}

type partSum struct {
	number               float64
	seen                 map[string]bool
	unknown              bool
	provisional, estimat bool
	asOf                 string
	order                int
}

// add takes row r as one part of mapping i; rows that cannot be read
// (no period, neither number nor symbol) are left to MapRows's problems
// of the plain mappings and make the sum incomplete.
func (ps partSums) add(i int, m Mapping, r Row, kind store.PeriodKind) {
	area := mappedArea(m, r.RegionKey)
	if area == "" || r.Period == "" {
		return
	}
	p, err := sourcePeriod(r.Period, kind)
	if err != nil || !r.HasNumber && !r.Symbol.Valid() {
		return
	}
	k := partKey{i, area, p}
	s, ok := ps[k]
	if !ok {
		s = &partSum{seen: map[string]bool{}, order: len(ps)}
		ps[k] = s
	}
	n := normColumn(r.Column)
	if s.seen[n] {
		return // the first of two rows for one part counts, as in MapRows
	}
	s.seen[n] = true
	c, _ := parseCell(r.Raw)
	s.provisional = s.provisional || c.provisional
	s.estimat = s.estimat || c.estimated
	s.asOf = max(s.asOf, r.AsOf)
	switch {
	case r.HasNumber:
		s.number += r.Number
	case r.Symbol == store.SymNothing: // "-": genau null
	default:
		s.unknown = true
	}
}

// values are the complete sums: every part present. A part that is a
// symbol makes the sum unknown (".").
func (ps partSums) values(maps []Mapping, source string) []store.Value {
	keys := make([]partKey, 0, len(ps))
	for k := range ps {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b partKey) int { return ps[a].order - ps[b].order })
	var out []store.Value
	for _, k := range keys {
		s, m := ps[k], maps[k.mapping]
		if len(s.seen) != len(m.Parts) {
			continue
		}
		v := store.Value{BaseFigure: m.BaseFigure, Period: k.period, Area: k.area, Group: m.Group,
			Number: s.number, Source: source, AsOf: s.asOf, Provisional: s.provisional, Estimated: s.estimat,
			Note: "Summe der Altersgruppen der Tabelle"}
		if s.unknown {
			v.Number, v.Symbol = 0, store.SymUnknown
		}
		out = append(out, v)
	}
	return out
}
