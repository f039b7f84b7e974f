package report

import (
	"cmp"
	"slices"
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// Grid is a table of delivered Grundzahlen of one Kennzahl at one
// Statistischer Bezirk: a row per period, a column per Grundzahl and
// group. The window shows Text, the report Published.
type Grid struct {
	Area     string
	AreaName string
	Columns  []GridColumn
	Rows     []GridRow
	// Facts are the Datenstand and sources of the values shown.
	Facts Facts
	// Breaks marks the rows that start a new part of the series after a
	// Zeitreihenbruch of the Kennzahl (BreakMarks over the rows); a table
	// writes them with BreakLabel and gives their reasons with BreakNotes.
	Breaks map[store.Period]Break
}

// Facts are the Datenstand and the sources of the values a table shows.
type Facts struct {
	// AsOf is the newest Datenstand, as an ISO date or as stored; "" when
	// none is given.
	AsOf string
	// Sources are the distinct sources, in the order met.
	Sources []string
}

// Add takes the Datenstand and source of v.
func (f *Facts) Add(v store.Value) {
	f.AsOf = max(f.AsOf, v.AsOf)
	if s := strings.TrimSpace(v.Source); s != "" && !slices.Contains(f.Sources, s) {
		f.Sources = append(f.Sources, s)
	}
}

// AsOfLabel writes the Datenstand for a table: "31.12.2024", or
// "ohne Angabe".
func (f Facts) AsOfLabel() string {
	if f.AsOf == "" {
		return "ohne Angabe"
	}
	if p := store.Period(f.AsOf); p.Kind() == store.DatePeriod {
		return p.Label()
	}
	return f.AsOf
}

// GridColumn is one Grundzahl and group.
type GridColumn struct {
	BaseFigure store.BaseFigure
	Group      string
	GroupName  string
	// Shared marks a Grundzahl of the whole catalogue (the population)
	// that the Kennzahl's formulas read.
	Shared bool
	// YearMatched says that a row shows the value of the row's calendar
	// year rather than of the exact period, as the computation reads it
	// (a Stichtag figure in a table of years).
	YearMatched bool
}

// GridRow is one period of a Grid.
type GridRow struct {
	Period store.Period
	Cells  []Cell
}

// Cell is one delivered value as the window and the report show it.
type Cell struct {
	Value store.Value
	OK    bool // a value is stored
	// Text is the value as the window shows it (the window is internal):
	// the number or official symbol with its marks, "" when none is stored.
	Text string
	// Published is what the report prints: Text, or "." for a
	// confidential value or a small count, NotComputable when none.
	Published string
	// Hidden is true when Published hides a stored number; Why says why,
	// in German.
	Hidden bool
	Why    string
}

// ReportGrid is the table of Grundzahlen the report prints for a Kennzahl:
// the Recent periods at the Kennzahl's Bezirk, every group of its own
// Grundzahlen and the groups of the shared ones its formulas read, each
// value found as the computation finds it.
func (e *Evaluation) ReportGrid(code string) Grid {
	kr, ok := e.KeyFigure(code)
	if !ok {
		return Grid{}
	}
	k := kr.KeyFigure
	area := cmp.Or(k.Area, defaultArea)
	g := Grid{Area: area, AreaName: e.Catalog.AreaName(area)}
	var kind store.PeriodKind
	if len(kr.Recent) > 0 {
		kind = kr.Recent[0].Kind()
	}
	for _, c := range e.gridColumns(k, false) {
		c.YearMatched = c.BaseFigure.PeriodKind != kind
		g.Columns = append(g.Columns, c)
	}
	for _, p := range kr.Recent {
		row := GridRow{Period: p}
		for _, c := range g.Columns {
			v, ok := e.ix.lookup(formulaInput{bf: c.BaseFigure, group: c.Group, shared: c.Shared}, area, p)
			row.Cells = append(row.Cells, e.cell(v, ok, c.BaseFigure.Unit))
			if ok {
				g.Facts.Add(v)
			}
		}
		g.Rows = append(g.Rows, row)
	}
	g.Breaks = BreakMarks(g.Periods(), kr.Breaks)
	return g
}

// StoredGrid is every value stored for a Kennzahl's Grundzahlen at area,
// by exact period, oldest first: the window's table, in which she checks
// what she entered. Columns without any value are left out.
func (e *Evaluation) StoredGrid(code, area string) Grid {
	kr, ok := e.KeyFigure(code)
	if !ok {
		return Grid{}
	}
	g := Grid{Area: area, AreaName: e.Catalog.AreaName(area)}
	cols := e.gridColumns(kr.KeyFigure, true)
	var periods []store.Period
	for _, c := range cols {
		for _, p := range e.ix.periods[cellKey{bf: c.BaseFigure.Code, area: area}] {
			if !slices.Contains(periods, p) {
				periods = append(periods, p)
			}
		}
	}
	slices.SortFunc(periods, store.Period.Compare)
	used := make([]bool, len(cols))
	for _, p := range periods {
		row := GridRow{Period: p}
		for i, c := range cols {
			v, ok := e.ix.at(periodKey{cellKey{c.BaseFigure.Code, area, c.Group}, p})
			row.Cells = append(row.Cells, e.cell(v, ok, c.BaseFigure.Unit))
			if ok {
				used[i] = true
				g.Facts.Add(v)
			}
		}
		g.Rows = append(g.Rows, row)
	}
	for i, c := range cols {
		if used[i] {
			g.Columns = append(g.Columns, c)
		}
	}
	for r := range g.Rows {
		cells := g.Rows[r].Cells[:0]
		for i, c := range g.Rows[r].Cells {
			if used[i] {
				cells = append(cells, c)
			}
		}
		g.Rows[r].Cells = cells
	}
	// The breaks are those of the Kennzahl's own Bezirk: a break set for
	// one Bezirk only is rare, and the window names its reason anyway.
	g.Breaks = BreakMarks(periods, kr.Breaks)
	return g
}

// Periods are the periods of the rows, in order.
func (g Grid) Periods() []store.Period {
	out := make([]store.Period, 0, len(g.Rows))
	for _, r := range g.Rows {
		out = append(out, r.Period)
	}
	return out
}

// gridColumns are the Kennzahl's own Grundzahlen with all their groups,
// then the shared ones its formulas read: with the groups read, or with
// all groups when allShared (the window, where any group can be entered).
func (e *Evaluation) gridColumns(k store.KeyFigure, allShared bool) []GridColumn {
	var out []GridColumn
	add := func(bf store.BaseFigure, shared bool, groups []string) {
		for _, g := range groups {
			out = append(out, GridColumn{BaseFigure: bf, Group: g, GroupName: e.Catalog.GroupName(g), Shared: shared})
		}
	}
	for _, bf := range k.BaseFigures {
		add(bf, false, bf.Groups)
	}
	read := sharedGroups(k)
	for _, bf := range e.Catalog.BaseFigures {
		gs, ok := read[bf.Alias]
		if !ok {
			continue
		}
		if allShared {
			gs = bf.Groups
		} else {
			gs = slices.DeleteFunc(slices.Clone(bf.Groups), func(g string) bool { return !slices.Contains(gs, g) })
		}
		add(bf, true, gs)
	}
	return out
}

// sharedGroups maps the alias of every shared Grundzahl a Kennzahl's
// formulas read to the groups they read.
func sharedGroups(k store.KeyFigure) map[string][]string {
	local := map[string]bool{}
	for _, b := range k.BaseFigures {
		local[b.Alias] = true
	}
	formulas := formulaTexts(k)
	groups := map[string][]string{}
	for _, f := range formulas {
		for _, m := range inputRef.FindAllStringSubmatch(f, -1) {
			if !local[m[1]] && !slices.Contains(groups[m[1]], m[2]) {
				groups[m[1]] = append(groups[m[1]], m[2])
			}
		}
	}
	return groups
}

// cell decides how a stored value is shown and published. Values flagged
// confidential, counts from 1 up to the small-count threshold and the
// cells disclosure control hides next to them (see suppress) are
// published as "." (DIN 55301: "Zahlenwert unbekannt oder geheim zu
// halten"), so that no family can be identified in a school-level table.
func (e *Evaluation) cell(v store.Value, ok bool, unit string) Cell {
	if !ok {
		return Cell{Published: NotComputable}
	}
	c := Cell{Value: v, OK: true}
	c.Text = FormatValue(v.Number, v.Symbol, unit)
	if v.Symbol == store.NoSymbol {
		if v.Provisional {
			c.Text += ProvisionalMark
		}
		if v.Estimated {
			c.Text += EstimatedMark
		}
	}
	c.Published = c.Text
	e.hideCell(&c, v, unit)
	return c
}

// ValueCell is the cell of the value of a Grundzahl at area, group and
// period, found as the computation finds it: the exact period, else for a
// Grundzahl of another kind of period the latest one in the calendar year.
func (e *Evaluation) ValueCell(bf store.BaseFigure, area, group string, p store.Period) Cell {
	v, ok := e.ix.lookup(formulaInput{bf: bf, group: group}, area, p)
	return e.cell(v, ok, bf.Unit)
}

// CountCell is a count the evaluation computed with (a participation
// total), published under the small-count rule like a stored count.
func (e *Evaluation) CountCell(n float64, ok bool) Cell {
	return e.cell(store.Value{Number: n}, ok, "Anzahl")
}

// IsSmall reports whether a count is hidden in what is published as a
// small case number.
func (e *Evaluation) IsSmall(n float64, unit string) bool {
	return unit == "Anzahl" && n > 0 && n < float64(e.SmallCount)
}
