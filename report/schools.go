package report

import (
	"slices"

	"bergischgladbach.de/integrationsmonitor/store"
)

// SchoolTable is the per-school table of a Kennzahl in its latest period:
// a row per school and the city as their sum, the Grundzahlen's counts as
// columns. The cells are grid Cells under the disclosure rules.
type SchoolTable struct {
	Title   string
	Period  store.Period
	Columns []string
	Rows    []SchoolRow
}

// SchoolRow is one school, or the sum (Sum true).
type SchoolRow struct {
	Area, Name string
	Sum        bool
	Cells      []Cell
}

// schoolGroups are the groups the per-school table shows; the sex groups
// stay in the city's tables, as a school's split would be small counts.
var schoolGroups = []string{"insgesamt", "auslaender"}

// schools are the school Bezirke any own Grundzahl of k declares, in
// catalogue order.
func schools(cat *store.Catalog, k store.KeyFigure) []store.Area {
	var out []store.Area
	for _, a := range cat.Areas {
		if a.Kind != store.SchoolAreaKind {
			continue
		}
		for _, b := range k.BaseFigures {
			if slices.Contains(b.Areas, a.Code) {
				out = append(out, a)
				break
			}
		}
	}
	return out
}

// SchoolTables is the per-school table of the Kennzahl with code; nil when
// it has no schools or no values.
func (e *Evaluation) SchoolTables(code string) []SchoolTable {
	kr, ok := e.KeyFigure(code)
	if !ok || e.Catalog == nil || len(kr.Recent) == 0 {
		return nil
	}
	k := kr.KeyFigure
	list := schools(e.Catalog, k)
	if len(list) == 0 {
		return nil
	}
	p := kr.Recent[len(kr.Recent)-1]
	t := SchoolTable{Title: "Werte je Schule, " + p.Label(), Period: p}
	type col struct {
		bf    store.BaseFigure
		group string
	}
	var cols []col
	for _, b := range k.BaseFigures {
		for _, g := range schoolGroups {
			if slices.Contains(b.Groups, g) {
				cols = append(cols, col{b, g})
				t.Columns = append(t.Columns, b.Name+": "+e.Catalog.GroupName(g))
			}
		}
	}
	sums := make([]float64, len(cols))
	any := make([]bool, len(cols))
	seen := false
	for _, s := range list {
		r := SchoolRow{Area: s.Code, Name: s.Name}
		for i, c := range cols {
			cell := e.ValueCell(c.bf, s.Code, c.group, p)
			if cell.OK && cell.Value.Symbol == store.NoSymbol && !cell.Value.Confidential {
				sums[i] += cell.Value.Number
				any[i] = true
				seen = true
			}
			r.Cells = append(r.Cells, cell)
		}
		t.Rows = append(t.Rows, r)
	}
	if !seen {
		return nil
	}
	sum := SchoolRow{Area: defaultArea, Name: "Stadt (Summe der Schulen)", Sum: true}
	for i := range cols {
		sum.Cells = append(sum.Cells, e.CountCell(sums[i], any[i]))
	}
	t.Rows = append(t.Rows, sum)
	return []SchoolTable{t}
}

// withSchoolSums adds, for every Grundzahl with school Bezirke, the city
// value as the sum of the schools where the city has none of its own for
// that period and group, so that the Kennzahl of the city rests on the
// schools' values. A school's symbol or confidential value leaves the
// sum out. The added values exist only in the computation.
func withSchoolSums(cat *store.Catalog, values []store.Value) []store.Value {
	if cat == nil {
		return values
	}
	isSchool := map[string]bool{}
	for _, a := range cat.Areas {
		if a.Kind == store.SchoolAreaKind {
			isSchool[a.Code] = true
		}
	}
	if len(isSchool) == 0 {
		return values
	}
	type key struct {
		bf, group string
		p         store.Period
	}
	city := map[key]bool{}
	sums := map[key]*store.Value{}
	broken := map[key]bool{}
	var order []key
	for _, v := range values {
		k := key{v.BaseFigure, v.Group, v.Period}
		switch {
		case v.Area == defaultArea:
			city[k] = true
		case isSchool[v.Area]:
			if v.Symbol != store.NoSymbol || v.Confidential {
				broken[k] = true
				continue
			}
			s, ok := sums[k]
			if !ok {
				s = &store.Value{BaseFigure: v.BaseFigure, Period: v.Period, Area: defaultArea, Group: v.Group, Source: "Summe der Schulen"}
				sums[k] = s
				order = append(order, k)
			}
			s.Number += v.Number
			s.Provisional = s.Provisional || v.Provisional
			s.Estimated = s.Estimated || v.Estimated
			s.Demo = s.Demo || v.Demo
			s.AsOf = max(s.AsOf, v.AsOf)
		}
	}
	out := values
	for _, k := range order {
		if !city[k] && !broken[k] {
			if len(out) == len(values) {
				out = slices.Clone(values)
			}
			out = append(out, *sums[k])
		}
	}
	return out
}
