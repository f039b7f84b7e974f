package report

import (
	"math"

	"bergischgladbach.de/integrationsmonitor/store"
)

// distributionParts are the Kennzahlen whose Grundzahlen split one total
// into kinds: A-K4 "die Verteilung der Schulabschlüsse" – the leavers by
// Abschlussart, from the lowest to the highest, which add up to all
// leavers (A-K4-G2).
var distributionParts = map[string]struct {
	total string
	parts []string
	title string
}{
	"A-K4": {total: "A-K4-G2", parts: []string{"A-K4-G3", "A-K4-G4", "A-K4-G5", "A-K4-G1"}, title: "Schulabgänger/innen nach Abschlussart"},
}

// distributionLabels name the parts short enough for a table head.
var distributionLabels = map[string]string{
	"A-K4-G3": "ohne Hauptschulabschluss",
	"A-K4-G4": "Hauptschulabschluss",
	"A-K4-G5": "Fachoberschulreife",
	"A-K4-G1": "Fachhochschul-/Hochschulreife",
}

// Distribution is a total split into kinds for each citizenship group in
// one period, with each kind's share and the Repräsentationsindex the
// concept asks for: the foreigners' share among the leavers of a kind
// divided by their share among all leavers (1,0 = the distribution does
// not depend on the citizenship).
type Distribution struct {
	Title  string
	Period store.Period
	// Parts are the kinds, lowest first.
	Parts []string
	// Rows are Insgesamt, Deutsche, Ausländer/innen.
	Rows []DistributionRow
	// Index is the Repräsentationsindex per part.
	Index []BreakdownCell
}

// DistributionRow is one group: its counts per part and the total, and
// each part's share of the total in %.
type DistributionRow struct {
	Group, GroupName string
	Counts           []Cell // per part
	Total            Cell
	Shares           []BreakdownCell // per part, %
}

// Distribution is the distribution of the Kennzahl with code in the
// latest of its Recent periods; ok is false when it has none.
func (e *Evaluation) Distribution(code string) (Distribution, bool) {
	spec, known := distributionParts[code]
	kr, found := e.KeyFigure(code)
	if !known || !found || len(kr.Recent) == 0 {
		return Distribution{}, false
	}
	k := kr.KeyFigure
	bfs := map[string]store.BaseFigure{}
	for _, b := range k.BaseFigures {
		bfs[b.Code] = b
	}
	total, ok := bfs[spec.total]
	if !ok {
		return Distribution{}, false
	}
	area := k.Area
	if area == "" {
		area = defaultArea
	}
	p := kr.Recent[len(kr.Recent)-1]
	d := Distribution{Title: spec.title, Period: p}
	var parts []store.BaseFigure
	for _, c := range spec.parts {
		if b, ok := bfs[c]; ok {
			parts = append(parts, b)
			d.Parts = append(d.Parts, distributionLabels[c])
		}
	}
	num := func(c Cell) (float64, bool) {
		if !c.OK || c.Value.Symbol != store.NoSymbol && c.Value.Symbol != store.SymNothing || c.Value.Confidential {
			return 0, false
		}
		return c.Value.Number, true
	}
	share := func(part, whole Cell, scale float64) BreakdownCell {
		bc := BreakdownCell{Point: Point{Period: p}, Inputs: []Cell{part, whole}}
		a, ok1 := num(part)
		b, ok2 := num(whole)
		if !ok1 || !ok2 || b == 0 {
			bc.Cell = Cell{Published: NotComputable, Text: NotComputable}
			return bc
		}
		bc.Point.Value, bc.Point.OK = a/b*scale, true
		bc.Point.Provisional = part.Value.Provisional || whole.Value.Provisional
		text := FormatNumber(bc.Point.Value, 1)
		bc.Cell = Cell{Value: store.Value{Number: bc.Point.Value}, OK: true, Text: text, Published: text}
		if part.Hidden || whole.Hidden {
			bc.Published, bc.Hidden, bc.Why = string(store.SymUnknown), true, "berechnet aus einer verborgenen Fallzahl"
		}
		return bc
	}
	for _, g := range []string{"insgesamt", "deutsche", "auslaender"} {
		r := DistributionRow{Group: g, GroupName: e.Catalog.GroupName(g), Total: e.ValueCell(total, area, g, p)}
		for _, b := range parts {
			c := e.ValueCell(b, area, g, p)
			r.Counts = append(r.Counts, c)
			r.Shares = append(r.Shares, share(c, r.Total, 100))
		}
		d.Rows = append(d.Rows, r)
	}
	all, foreign := d.Rows[0], d.Rows[2]
	base := share(foreign.Total, all.Total, 1)
	for i := range parts {
		s := share(foreign.Counts[i], all.Counts[i], 1)
		ix := BreakdownCell{Point: Point{Period: p}, Inputs: append(s.Inputs, base.Inputs...)}
		if s.Point.OK && base.Point.OK && base.Point.Value > 0 {
			ix.Point.Value, ix.Point.OK = s.Point.Value/base.Point.Value, true
			text := FormatNumber(math.Round(ix.Point.Value*100)/100, 2)
			ix.Cell = Cell{Value: store.Value{Number: ix.Point.Value}, OK: true, Text: text, Published: text}
			if s.Hidden || base.Hidden {
				ix.Published, ix.Hidden, ix.Why = string(store.SymUnknown), true, "berechnet aus einer verborgenen Fallzahl"
			}
		} else {
			ix.Cell = Cell{Published: NotComputable, Text: NotComputable}
		}
		d.Index = append(d.Index, ix)
	}
	return d, true
}
