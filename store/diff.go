package store

import "cmp"

// ValueKey identifies a value: there is at most one per Grundzahl, period,
// Statistischer Bezirk and group. The merge of a returned file and the
// import of official statistics compare values by it (DiffValues).
type ValueKey struct {
	BaseFigure string
	Period     Period
	Area       string
	Group      string
}

// Key returns the key that identifies v.
func (v Value) Key() ValueKey { return ValueKey{v.BaseFigure, v.Period, v.Area, v.Group} }

// compareKeys orders keys by Grundzahl, period (chronologically), area and
// group, the order in which lists of differences are shown.
func compareKeys(a, b ValueKey) int {
	return cmp.Or(cmp.Compare(a.BaseFigure, b.BaseFigure), a.Period.Compare(b.Period),
		cmp.Compare(a.Area, b.Area), cmp.Compare(a.Group, b.Group))
}

// DiffKind says how the incoming value of a key relates to the stored one.
type DiffKind int

// The kinds of difference DiffValues reports.
const (
	DiffUnchanged DiffKind = iota // both hold a value with the same content (Value.SameContent)
	DiffNew                       // only incoming holds a value
	DiffChanged                   // both hold a value, with different content
	DiffRemoved                   // only stored holds a value
)

// ValueDiff is what DiffValues found for one key. Stored and Incoming point
// into the slices given to DiffValues; nil means that side has no value.
type ValueDiff struct {
	ValueKey
	Kind     DiffKind
	Stored   *Value
	Incoming *Value
}

// DiffValues compares two sets of values key by key: the stored ones (the
// open file) and incoming ones (an import, or a returned copy of the
// file). It returns one entry per key of either set: first incoming's keys
// in incoming's order, then the keys only stored holds, in stored's order.
// Who entered a value when does not count as a difference. Should a key
// occur twice in one set, its last value counts.
func DiffValues(stored, incoming []Value) []ValueDiff {
	old := make(map[ValueKey]*Value, len(stored))
	for i := range stored {
		old[stored[i].Key()] = &stored[i]
	}
	at := make(map[ValueKey]int, len(incoming))
	diffs := make([]ValueDiff, 0, len(incoming))
	for i := range incoming {
		k := incoming[i].Key()
		d := ValueDiff{ValueKey: k, Stored: old[k], Incoming: &incoming[i]}
		switch {
		case d.Stored == nil:
			d.Kind = DiffNew
		case d.Stored.SameContent(*d.Incoming):
			d.Kind = DiffUnchanged
		default:
			d.Kind = DiffChanged
		}
		if j, dup := at[d.ValueKey]; dup {
			diffs[j] = d
			continue
		}
		at[d.ValueKey] = len(diffs)
		diffs = append(diffs, d)
	}
	for i := range stored {
		k := stored[i].Key()
		if _, ok := at[k]; ok || old[k] != &stored[i] {
			continue // in incoming, or repeated in stored
		}
		diffs = append(diffs, ValueDiff{ValueKey: k, Kind: DiffRemoved, Stored: &stored[i]})
	}
	return diffs
}
