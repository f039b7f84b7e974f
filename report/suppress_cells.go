package report

import (
	"bergischgladbach.de/integrationsmonitor/store"
)

// countCell addresses a stored count in the additive structures.
type countCell struct {
	bf, area, group string
	period          store.Period
}

// storedCounts indexes the stored counts (unit Anzahl) once for all the
// relations disclosure control declares: group, Grundzahl and area sums
// used to build their own maps of the same values, which cost more than
// solving the problem.
type storedCounts struct {
	// at is the stored value of each cell; of two values for one cell the
	// later in the file's order.
	at map[countCell]store.Value
	// cells are the distinct cells in the order of their first value, so
	// that the relations are declared in a fixed order.
	cells []countCell
}

func newStoredCounts(values []store.Value, isCount map[string]bool) storedCounts {
	sc := storedCounts{at: make(map[countCell]store.Value, len(values))}
	for _, v := range values {
		if !isCount[v.BaseFigure] {
			continue
		}
		c := countCell{v.BaseFigure, v.Area, v.Group, v.Period}
		if _, dup := sc.at[c]; !dup {
			sc.cells = append(sc.cells, c)
		}
		sc.at[c] = v
	}
	return sc
}

func (c countCell) key() discKey {
	return discKey{kind: keyValue, code: c.bf, area: c.area, group: c.group, period: c.period}
}
