package official

import (
	"cmp"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"

	"bergischgladbach.de/integrationsmonitor/store"
)

// censusLabel finds the census basis an official column names:
// "Bevölkerungsstand (Basis Zensus 2022 und früher)", "(Basis Zensus 2011)".
var censusLabel = regexp.MustCompile(`Basis\s+Zensus\s+(\d{4})`)

// censusStarts are the first years whose population rests on each census
// (IT.NRW: "Die Fortschreibung des Bevölkerungsstandes basiert ab dem Jahr
// 2011 auf den Ergebnissen des Zensus 2011"; the first Stichtag on the
// basis of the Zensus 2022 is the 31.12.2022).
var censusStarts = map[int]int{2011: 2011, 2022: 2022}

// censusOf is the census a column's label names, 0 for none.
func censusOf(column string) int {
	m := censusLabel.FindStringSubmatch(column)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// basisAt is the census the population of year rests on.
func basisAt(year int) int {
	basis := 1987
	for c, from := range censusStarts {
		if year >= from && c > basis {
			basis = c
		}
	}
	return basis
}

// keepCensusApart drops, from a table that gives the same column on two
// census bases, the values of a period on the basis that does not hold for
// it, and says so: two bases of one period are never merged silently.
// It returns the table to map and whether any column names a basis.
func keepCensusApart(t *Table) (*Table, bool, []string) {
	// A download has a handful of distinct column texts and up to
	// hundreds of thousands of rows: each text is read for its basis and
	// normalised once (the matching per row was half of an import).
	type column struct {
		norm   string
		census int
	}
	columns := map[string]column{}
	basesOf := map[string][]int{} // normalised column → its census bases
	for _, r := range t.Rows {
		if _, ok := columns[r.Column]; ok {
			continue
		}
		c := column{census: censusOf(r.Column)}
		if c.census != 0 {
			c.norm = normColumn(r.Column)
			if !slices.Contains(basesOf[c.norm], c.census) {
				basesOf[c.norm] = append(basesOf[c.norm], c.census)
			}
		}
		columns[r.Column] = c
	}
	if len(basesOf) == 0 {
		return t, false, nil
	}
	// A period can only be given on two bases if its column is.
	if !slices.ContainsFunc(slices.Collect(maps.Values(basesOf)), func(b []int) bool { return len(b) > 1 }) {
		return t, true, nil
	}
	type slot struct{ column, region, period string }
	bases := map[slot][]int{}
	for _, r := range t.Rows {
		if c := columns[r.Column]; c.census != 0 && len(basesOf[c.norm]) > 1 {
			k := slot{c.norm, r.RegionKey, r.Period}
			if !slices.Contains(bases[k], c.census) {
				bases[k] = append(bases[k], c.census)
			}
		}
	}
	var problems []string
	out := *t
	out.Rows = nil
	for _, r := range t.Rows {
		c := columns[r.Column]
		k := slot{c.norm, r.RegionKey, r.Period}
		if c.census != 0 && len(bases[k]) > 1 {
			want := 0
			if p, err := store.ParsePeriod(sourceYear(r.Period)); err == nil {
				want = basisAt(p.Year())
			}
			if c.census != want && slices.Contains(bases[k], want) {
				problems = append(problems, fmt.Sprintf("Zeile %d (%s, %s): Die Tabelle gibt den Wert auf zwei Zensus-Grundlagen an; übernommen wird der auf Basis des Zensus %d, nicht der auf Basis des Zensus %d.",
					r.Line, r.RegionName, r.Period, want, c.census))
				continue
			}
		}
		out.Rows = append(out.Rows, r)
	}
	return &out, true, problems
}

// yearDigits finds the year in a period of the source.
var yearDigits = regexp.MustCompile(`\d{4}`)

// sourceYear reduces a period of the source to its year for basisAt.
func sourceYear(s string) string {
	if m := yearDigits.FindString(s); m != "" {
		return m
	}
	return s
}

// censusBreaks are the breaks an import of population figures sets: for
// each Grundzahl and Bezirk whose values (imported or stored) lie on both
// sides of a census start, a break at that year.
func censusBreaks(table string, vals, stored []store.Value) []store.SeriesBreak {
	type series struct{ bf, area string }
	years := map[series][]int{}
	var order []series
	for _, v := range vals {
		k := series{v.BaseFigure, v.Area}
		if _, ok := years[k]; !ok {
			order = append(order, k)
		}
		years[k] = append(years[k], v.Period.Year())
	}
	for _, v := range stored {
		k := series{v.BaseFigure, v.Area}
		if _, ok := years[k]; ok {
			years[k] = append(years[k], v.Period.Year())
		}
	}
	var out []store.SeriesBreak
	for _, k := range order {
		ys := years[k]
		for c, from := range censusStarts {
			if slices.ContainsFunc(ys, func(y int) bool { return y < from }) && slices.ContainsFunc(ys, func(y int) bool { return y >= from }) {
				out = append(out, store.SeriesBreak{BaseFigure: k.bf, Area: k.area, Period: store.Period(strconv.Itoa(from)),
					Reason: fmt.Sprintf("Bevölkerung ab %d auf Basis des Zensus %d (Tabelle %s)", from, c, table), Origin: store.BreakImport})
			}
		}
	}
	slices.SortFunc(out, func(a, b store.SeriesBreak) int {
		return cmp.Or(cmp.Compare(a.BaseFigure, b.BaseFigure), cmp.Compare(a.Area, b.Area), a.Period.Compare(b.Period))
	})
	return out
}
