package official

import (
	"fmt"

	"bergischgladbach.de/integrationsmonitor/store"
)

// Plan is what an import would do to a file: values that are new,
// values that differ from stored ones (corrections, kept in the history),
// and how many are already stored as they are.
type Plan struct {
	Values    []store.Value // every mapped value, to store (Import, store.SaveStream)
	New       int
	Changed   []Change
	Unchanged int
	Problems  []string // German, from reading and mapping
	// Breaks are the Zeitreihenbrüche the import sets where the table's
	// population figures change their census basis; they are stored in the
	// same transaction as Values (Import, store.SaveStream).
	Breaks []store.SeriesBreak
}

// Change is a stored value an import would correct.
type Change struct {
	Old, New store.Value
}

// Describe says in German which value changes how; format writes a number
// or symbol in the Grundzahl's unit (report.FormatValue), which this package
// cannot import without depending on the evaluation.
func (c Change) Describe(cat *store.Catalog, format func(num float64, sym store.Symbol, unit string) string) string {
	name, unit := c.New.BaseFigure, ""
	if bf, ok := cat.BaseFigureByCode(c.New.BaseFigure); ok {
		name, unit = bf.Name, bf.Unit
	}
	from, to := format(c.Old.Number, c.Old.Symbol, unit), format(c.New.Number, c.New.Symbol, unit)
	if from == to {
		// The same figure with another Quelle or Datenstand: say what
		// changes, or "111.361 → 111.361" reads like an error.
		what := store.OtherChanges(c.Old, c.New)
		if what == "" {
			what = "genauerer Wert" // the number differs beyond the shown digits
		}
		to += " (" + what + ")"
	}
	return fmt.Sprintf("%s, %s, %s, %s: %s → %s", name, c.New.Period.Label(), cat.AreaName(c.New.Area), cat.GroupName(c.New.Group), from, to)
}

// NewPlan maps the table's rows with maps, each Grundzahl in its own
// period kind, and compares them with the stored values by store.DiffValues,
// the diff a merge of a returned file uses too. A table with values whose
// period is unknown is refused, as Read refuses it. It changes nothing; the
// caller stores plan.Values when the user agrees.
func NewPlan(t *Table, maps []Mapping, cat *store.Catalog, stored []store.Value) (*Plan, error) {
	return newPlan(t, maps, cat, stored, nil)
}

// newPlan is NewPlan; emit, when not nil, gets the values as they are
// mapped (mapRows).
func newPlan(t *Table, maps []Mapping, cat *store.Catalog, stored []store.Value, emit func([]store.Value) error) (*Plan, error) {
	// Read refuses such tables already; a Table built another way must
	// not slip values without a period into a plan either.
	if err := missingPeriods(t); err != nil {
		return nil, err
	}
	t, census, censusProblems := keepCensusApart(t)
	plan := &Plan{Problems: append(append([]string(nil), t.Problems...), censusProblems...)}
	byBF := map[string][]Mapping{}
	var order []string
	for _, m := range maps {
		if _, ok := byBF[m.BaseFigure]; !ok {
			order = append(order, m.BaseFigure)
		}
		byBF[m.BaseFigure] = append(byBF[m.BaseFigure], m)
	}
	for _, code := range order {
		bf, ok := cat.BaseFigureByCode(code)
		if !ok {
			return nil, store.Invalid(fmt.Sprintf("Die Grundzahl „%s“ gibt es in dieser Datei nicht.", code))
		}
		vals, problems, err := mapRows(t, byBF[code], bf.PeriodKind, emit)
		if err != nil {
			return nil, err
		}
		if plan.Values == nil {
			plan.Values = vals // the usual single Grundzahl: no copy
		} else {
			plan.Values = append(plan.Values, vals...)
		}
		plan.Problems = append(plan.Problems, problems...)
	}
	if census {
		plan.Breaks = censusBreaks(t.TableCode, plan.Values, stored)
	}
	for _, d := range store.DiffValues(stored, plan.Values) {
		switch d.Kind {
		case store.DiffNew:
			plan.New++
		case store.DiffUnchanged:
			plan.Unchanged++
		case store.DiffChanged:
			plan.Changed = append(plan.Changed, Change{Old: *d.Stored, New: *d.Incoming})
		}
	}
	return plan, nil
}
