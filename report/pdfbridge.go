package report

// Temporary: replaced by the Evaluation, issue 11. These are the
// computation internals the PDF read while it was part of this package,
// exported unchanged so that moving it to report/pdf changed no number.

import (
	"slices"
	"strconv"

	"bergischgladbach.de/integrationsmonitor/store"
)

// ValueLookup finds the stored value of a Grundzahl for a period as the
// computation matches it: the exact period, else, for a Grundzahl of
// another kind of period, the latest one in the same calendar year
// (docs/bewertung.md §3). shared marks a Grundzahl such as the population
// that is read at the city level for every Kennzahl. Temporary (issue 11).
type ValueLookup func(bf store.BaseFigure, shared bool, area, group string, p store.Period) (store.Value, bool)

// ComputeAllWithValues computes every Kennzahl of snap, by code, as
// ComputeAll does, and returns a lookup into the value index the
// computation read, so that the PDF's tables show the values the
// computation used without building a second index. Temporary (issue 11).
func ComputeAllWithValues(snap *store.Snapshot) (map[string]Result, ValueLookup) {
	c := newComputation(snap, func(string) bool { return true })
	results := map[string]Result{}
	for _, k := range c.cat.KeyFigures() {
		results[k.Code] = c.compute(k)
	}
	ix := c.ix
	return results, func(bf store.BaseFigure, shared bool, area, group string, p store.Period) (store.Value, bool) {
		return ix.lookup(formulaInput{bf: bf, group: group, shared: shared}, area, p)
	}
}

// DefaultArea is the Statistischer Bezirk of a Kennzahl that names none.
// Temporary (issue 11).
const DefaultArea = defaultArea

// ParticipationWindow is how many years back the participation tables
// look for their latest two periods. Temporary (issue 11).
const ParticipationWindow = 10

// ParticipationRows computes every Beteiligung indicator on the values of
// its own Grundzahlen and the population within the last
// ParticipationWindow years. Participation indexes and evaluates every
// period it is given, while the report prints the latest two: without the
// cut, a file with decades of school-level values would make the report
// slow for rows nobody sees. Temporary (issue 11).
func ParticipationRows(snap *store.Snapshot) map[string][]ParticipationRow {
	out := map[string][]ParticipationRow{}
	codes := map[string]bool{populationCode: true}
	var inds []store.ImpactIndicator
	for _, f := range snap.Catalog.Fields {
		for _, w := range f.Indicators {
			if w.Kind == store.Participation {
				inds = append(inds, w)
				for _, bf := range w.BaseFigures {
					codes[bf.Code] = true
				}
			}
		}
	}
	// Canonical periods begin with their four-digit year and sort as
	// strings, so the window needs no parsing of every period.
	from := store.Period(strconv.Itoa(snap.ReportYear - ParticipationWindow + 1))
	sub := *snap
	sub.Values = nil
	for _, v := range snap.Values {
		if codes[v.BaseFigure] && (snap.ReportYear == 0 || v.Period >= from) {
			sub.Values = append(sub.Values, v)
		}
	}
	for _, w := range inds {
		out[w.Code] = Participation(&sub, w)
	}
	return out
}

// SharedRefs lists the shared Grundzahlen (population) the formulas of
// k read, with the groups they read. Temporary (issue 11).
func SharedRefs(cat *store.Catalog, k store.KeyFigure) []store.BaseFigure {
	local := map[string]bool{}
	for _, b := range k.BaseFigures {
		local[b.Alias] = true
	}
	formulas := []string{}
	for _, s := range k.Series {
		formulas = append(formulas, s.Formula)
	}
	if k.Reference != nil {
		formulas = append(formulas, k.Reference.Formula)
	}
	groups := map[string][]string{}
	for _, f := range formulas {
		for _, m := range inputRef.FindAllStringSubmatch(f, -1) {
			if !local[m[1]] && !slices.Contains(groups[m[1]], m[2]) {
				groups[m[1]] = append(groups[m[1]], m[2])
			}
		}
	}
	var out []store.BaseFigure
	for _, b := range cat.BaseFigures {
		if gs, ok := groups[b.Alias]; ok {
			b.Groups = slices.DeleteFunc(slices.Clone(b.Groups), func(g string) bool { return !slices.Contains(gs, g) })
			out = append(out, b)
		}
	}
	return out
}
