package report

import (
	"cmp"
	"slices"
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// BreakdownKind says along which line a Kennzahl is broken down.
type BreakdownKind string

// The breakdowns the concept asks for: "Geschlechter- und
// Generationengerechtigkeit" in every Handlungsfeld, C-K4 "Stimmbezirk 1 /
// Stimmbezirk 2 / Briefwahl".
const (
	BreakdownSex      BreakdownKind = "geschlecht"
	BreakdownAge      BreakdownKind = "alter"
	BreakdownDistrict BreakdownKind = "stimmbezirk"
)

// Breakdown is one series of a Kennzahl computed with the same formula for
// parts of the population (Frauen, Männer; age groups) or of the city
// (Stimmbezirke, Briefwahl), beside the whole. Columns[0] is always the
// whole, as the Kennzahl's own series has it.
type Breakdown struct {
	Kind BreakdownKind
	// Title is the caption of the table, e.g. "Ausländer/innen nach
	// Geschlecht".
	Title string
	// Series is the label of the Kennzahl series broken down.
	Series  string
	Columns []BreakdownColumn
	// Rows are the Recent periods of the Kennzahl.
	Rows []BreakdownRow
}

// BreakdownColumn is one part: its label and its whole series (for charts).
type BreakdownColumn struct {
	Label  string
	Points []Point
}

// BreakdownRow is one period of a Breakdown.
type BreakdownRow struct {
	Period store.Period
	Cells  []BreakdownCell
}

// BreakdownCell is a computed value as the report prints it. It is a grid
// Cell, so that the disclosure rules apply as to every other published
// cell: a value computed from a hidden count is hidden itself. Inputs are
// the counts it was computed from.
type BreakdownCell struct {
	Cell
	Point  Point
	Inputs []Cell
}

// breakdownVariant is one part of a breakdown: how the groups of a formula
// are renamed (suffix) or which area is read instead.
type breakdownVariant struct {
	label  string
	suffix string // "weiblich": insgesamt → weiblich, auslaender → auslaender_weiblich
	area   string
}

var (
	sexVariants = []breakdownVariant{{label: "Frauen", suffix: "weiblich"}, {label: "Männer", suffix: "maennlich"}}
	ageVariants = []breakdownVariant{{label: "unter 25 Jahre", suffix: "alter_u25"}, {label: "55 bis unter 65 Jahre", suffix: "alter_55u65"}}
)

// IsBreakdownGroup reports whether a group is a part of a breakdown
// (Frauen, Männer, an age group, alone or within a citizenship): such
// values are welcome but optional, so a delivery without them is
// complete.
func IsBreakdownGroup(code string) bool {
	for _, vs := range [][]breakdownVariant{sexVariants, ageVariants} {
		for _, v := range vs {
			if code == v.suffix || strings.HasSuffix(code, "_"+v.suffix) {
				return true
			}
		}
	}
	return false
}

// variantGroup is the group of a part: "insgesamt" becomes the part's own
// group, any other group gets the part as a suffix.
func variantGroup(group, suffix string) string {
	if group == "insgesamt" {
		return suffix
	}
	return group + "_" + suffix
}

// rewriteFormula renames every "Alias.group" of a formula for a part.
func rewriteFormula(text, suffix string) string {
	return inputRef.ReplaceAllStringFunc(text, func(m string) string {
		alias, group, _ := strings.Cut(m, ".")
		return alias + "." + variantGroup(group, suffix)
	})
}

// breakdowns computes every breakdown of a Kennzahl whose Grundzahlen
// declare the groups or areas it needs. Only the series are broken down;
// the reference stays the Kennzahl's own.
func (e *Evaluation) breakdowns(c *computation, kr KeyFigureResult) []Breakdown {
	k := kr.KeyFigure
	var periods []store.Period
	if len(kr.Series) > 0 {
		for _, p := range kr.Series[0].Points {
			periods = append(periods, p.Period)
		}
	}
	if len(periods) == 0 {
		return nil
	}
	local := map[string]store.BaseFigure{}
	for _, b := range k.BaseFigures {
		local[b.Alias] = b
	}
	area := cmp.Or(k.Area, defaultArea)
	var out []Breakdown
	for _, kind := range []struct {
		kind     BreakdownKind
		title    string
		variants []breakdownVariant
	}{
		{BreakdownSex, "nach Geschlecht", sexVariants},
		{BreakdownAge, "nach Alter", ageVariants},
		{BreakdownDistrict, "nach Stimmbezirk", e.districtVariants(k)},
	} {
		if len(kind.variants) == 0 {
			continue
		}
		for si, s := range k.Series {
			if !c.declares(s.Formula, local, kind.variants) {
				continue
			}
			b := Breakdown{Kind: kind.kind, Series: s.Label, Title: s.Label + " " + kind.title}
			whole := c.compile(s.Formula, local)
			b.Columns = append(b.Columns, BreakdownColumn{Label: "Insgesamt", Points: kr.Series[si].Points})
			fs := []*formula{whole}
			areas := []string{area}
			for _, v := range kind.variants {
				f := whole
				if v.suffix != "" {
					f = c.compile(rewriteFormula(s.Formula, v.suffix), local)
				}
				var demo bool
				b.Columns = append(b.Columns, BreakdownColumn{Label: v.label, Points: c.evaluate(f, cmp.Or(v.area, area), periods, &demo)})
				fs = append(fs, f)
				areas = append(areas, cmp.Or(v.area, area))
			}
			if kind.kind == BreakdownDistrict {
				// The parts first, then the city, as the Wahlamt lists them.
				b.Columns = append(b.Columns[1:], b.Columns[0])
				b.Columns[len(b.Columns)-1].Label = e.Catalog.AreaName(area)
				fs = append(fs[1:], fs[0])
				areas = append(areas[1:], areas[0])
			}
			for _, p := range kr.Recent {
				row := BreakdownRow{Period: p}
				for ci, col := range b.Columns {
					pt, _ := pointIn(col.Points, p)
					row.Cells = append(row.Cells, e.breakdownCell(c, fs[ci], areas[ci], pt, k.Unit))
				}
				b.Rows = append(b.Rows, row)
			}
			out = append(out, b)
		}
	}
	return out
}

// districtVariants are the Stimmbezirke (and the Briefwahl) every own
// Grundzahl of the Kennzahl declares.
func (e *Evaluation) districtVariants(k store.KeyFigure) []breakdownVariant {
	if len(k.BaseFigures) == 0 {
		return nil
	}
	var out []breakdownVariant
	for _, a := range e.Catalog.Areas {
		if a.Kind != "stimmbezirk" {
			continue
		}
		all := true
		for _, b := range k.BaseFigures {
			all = all && slices.Contains(b.Areas, a.Code)
		}
		if all {
			out = append(out, breakdownVariant{label: a.Name, area: a.Code})
		}
	}
	return out
}

// declares reports whether every input of a formula declares the groups
// (or areas) of every part, so that the part can be delivered at all.
func (c *computation) declares(text string, local map[string]store.BaseFigure, variants []breakdownVariant) bool {
	for _, m := range inputRef.FindAllStringSubmatch(text, -1) {
		bf, ok := local[m[1]]
		if !ok {
			if bf, ok = c.shared[m[1]]; !ok {
				return false
			}
		}
		for _, v := range variants {
			if v.suffix != "" && !slices.Contains(bf.Groups, variantGroup(m[2], v.suffix)) {
				return false
			}
			if v.area != "" && !slices.Contains(bf.Areas, v.area) {
				return false
			}
		}
	}
	return true
}

func pointIn(pts []Point, p store.Period) (Point, bool) {
	for _, pt := range pts {
		if pt.Period == p {
			return pt, true
		}
	}
	return Point{Period: p, Reason: "Wert fehlt"}, false
}

// breakdownCell publishes a computed value: hidden when it rests on a
// hidden count (primary suppression carried over to the share).
func (e *Evaluation) breakdownCell(c *computation, f *formula, area string, pt Point, unit string) BreakdownCell {
	bc := BreakdownCell{Point: pt}
	for _, in := range f.inputs {
		v, ok := c.ix.lookup(in, area, pt.Period)
		bc.Inputs = append(bc.Inputs, e.cell(v, ok, in.bf.Unit))
	}
	if !pt.OK {
		bc.Cell = Cell{Published: NotComputable, Text: NotComputable, Why: pt.Reason}
		return bc
	}
	text := PointText(pt, unit)
	bc.Cell = Cell{Value: store.Value{Number: pt.Value, Provisional: pt.Provisional}, OK: true, Text: text, Published: text}
	for _, in := range bc.Inputs {
		if in.Hidden {
			bc.Published, bc.Hidden, bc.Why = string(store.SymUnknown), true, "berechnet aus einer verborgenen Fallzahl ("+in.Why+")"
			break
		}
	}
	return bc
}

// Breakdowns are the breakdowns of the Kennzahl with code, sex first, then
// age, then Stimmbezirke; nil when it has none.
func (e *Evaluation) Breakdowns(code string) []Breakdown {
	return e.breakdownsByCode[code]
}

// evaluateBreakdowns fills the breakdowns of every Kennzahl.
func (e *Evaluation) evaluateBreakdowns(c *computation) {
	e.breakdownsByCode = map[string][]Breakdown{}
	for _, kr := range e.KeyFigures {
		if bs := e.breakdowns(c, kr); len(bs) > 0 {
			e.breakdownsByCode[kr.KeyFigure.Code] = bs
		}
	}
}
