package official

import (
	"context"

	"bergischgladbach.de/integrationsmonitor/store"
)

// Import maps t as NewPlan does and stores the values, with the series
// breaks of the plan, in st in one transaction. The values go to the
// save while the table is still being mapped (store.SaveStream): on two
// cores SQLite stores the first values while the rest are mapped, which
// is what brings an import of 100,000 values under a second.
//
// stored are the file's values before the import, as for NewPlan. When
// a value differs from a stored one and opts.Correct is not set, nothing
// is stored and the error is a *store.ConflictError; the plan returned
// with it then lists every differing value (Plan.Changed), so that the
// caller can show them all, not just the first the save met. Whenever the
// table could be mapped, the plan is returned, also with an error.
func Import(ctx context.Context, st *store.Store, t *Table, maps []Mapping, cat *store.Catalog, stored []store.Value, opts store.SaveOptions) (*Plan, store.SaveCounts, error) {
	var plan *Plan
	counts, err := st.SaveStream(ctx, func(yield func([]store.Value) error) ([]store.SeriesBreak, error) {
		p, err := newPlan(t, maps, cat, stored, yield)
		if err != nil {
			return nil, err
		}
		plan = p
		return p.Breaks, nil
	}, opts)
	if err != nil && plan == nil {
		// The save stopped before the mapping was done (at the first
		// differing value, or refused from the start: a read-only file).
		// The plan of the whole table still names every difference and
		// every row not taken; it stores nothing.
		if p, perr := NewPlan(t, maps, cat, stored); perr == nil {
			plan = p
		}
	}
	return plan, counts, err
}
