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
	values []store.Value
	// at is the position in values of each cell's value; of two values
	// for one cell the later in the file's order. Positions rather than
	// values: a store.Value is large.
	at map[countCell]int32
	// cells are the distinct cells in the order of their first value, so
	// that the relations are declared in a fixed order.
	cells []countCell
}

func newStoredCounts(values []store.Value, isCount map[string]bool) storedCounts {
	sc := storedCounts{values: values, at: make(map[countCell]int32, len(values))}
	for i, v := range values {
		if !isCount[v.BaseFigure] {
			continue
		}
		c := countCell{v.BaseFigure, v.Area, v.Group, v.Period}
		if _, dup := sc.at[c]; !dup {
			sc.cells = append(sc.cells, c)
		}
		sc.at[c] = int32(i)
	}
	return sc
}

// value is the stored value of c.
func (sc storedCounts) value(c countCell) (store.Value, bool) {
	i, ok := sc.at[c]
	if !ok {
		return store.Value{}, false
	}
	return sc.values[i], true
}

func (c countCell) key() discKey {
	return discKey{kind: keyValue, code: c.bf, area: c.area, group: c.group, period: c.period}
}
