package report

import (
	"slices"

	"bergischgladbach.de/integrationsmonitor/report/disclosure"
	"bergischgladbach.de/integrationsmonitor/store"
)

// AreaPartition declares that the areas Parts (or every area of kind
// PartKind a Grundzahl is delivered for) together make up the area Total,
// without overlap, for the Grundzahlen BaseFigures (every Grundzahl
// delivered for such areas when empty). Only a definition makes that
// true: areas that merely share a kind need not add up (the Briefwahl
// overlapped the Stimmbezirke before its definition), and a list of
// stored areas may be incomplete.
type AreaPartition struct {
	BaseFigures []string
	Total       string
	Parts       []string
	PartKind    string
}

// AreaPartitions are the area sums disclosure control applies
// (docs/geheimhaltung.md). A new breakdown by area adds its definition
// here.
var AreaPartitions = []AreaPartition{
	// C-K4: Stimmbezirk 1 and 2 list only the eligible voters without a
	// Wahlschein, the Briefwahl those with one (docs/schema.md), so the
	// three make up the city's eligible voters and its voters.
	{BaseFigures: []string{"C-K4-G1", "C-K4-G2"}, Total: "stadt", Parts: []string{"stimmbezirk1", "stimmbezirk2", "briefwahl"}},
	// B-K1/B-K2 per school: the city value is the sum of the school list.
	{Total: "stadt", PartKind: "schule"},
}

// addAreaRelations declares AreaPartitions for counts: per Grundzahl,
// group and period, only where the total and every part are stored and,
// when all are numbers, the parts add up to the total. A file whose
// values do not add up (an older definition) gets no equation that is
// false for it.
func (e *Evaluation) addAreaRelations(p *disclosure.Problem[discKey], sc storedCounts, bfs map[string]store.BaseFigure) {
	kinds := map[string]string{}
	for _, a := range e.Catalog.Areas {
		kinds[a.Code] = a.Kind
	}
	type slot struct {
		bf, group string
		period    store.Period
	}
	seen := make(map[slot]bool, len(sc.cells))
	// The areas of kind PartKind of each Grundzahl, found once per
	// Grundzahl rather than once per group and period.
	type kindParts struct{ bf, kind string }
	byKind := map[kindParts][]string{}
	var keys []discKey
	for _, c := range sc.cells {
		s := slot{c.bf, c.group, c.period}
		if seen[s] {
			continue
		}
		seen[s] = true
		for _, ap := range AreaPartitions {
			if len(ap.BaseFigures) > 0 && !slices.Contains(ap.BaseFigures, s.bf) {
				continue
			}
			parts := ap.Parts
			if ap.PartKind != "" {
				kp := kindParts{s.bf, ap.PartKind}
				var ok bool
				if parts, ok = byKind[kp]; !ok {
					for _, a := range bfs[s.bf].Areas {
						if kinds[a] == ap.PartKind {
							parts = append(parts, a)
						}
					}
					byKind[kp] = parts
				}
			}
			if len(parts) == 0 {
				continue
			}
			total, ok := sc.value(countCell{s.bf, ap.Total, s.group, s.period})
			if !ok {
				continue
			}
			keys = keys[:0]
			sum, numbers := 0.0, total.Symbol == store.NoSymbol
			complete := true
			for _, a := range parts {
				v, ok := sc.value(countCell{s.bf, a, s.group, s.period})
				if !ok {
					complete = false
					break
				}
				keys = append(keys, valueKey(v))
				sum += v.Number
				numbers = numbers && v.Symbol == store.NoSymbol
			}
			if !complete || numbers && sum != total.Number {
				continue
			}
			p.Sum(valueKey(total), keys...)
		}
	}
}
