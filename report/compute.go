package report

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"

	"bergischgladbach.de/integrationsmonitor/store"
)

// defaultArea is used for a Kennzahl without an area: the seed's
// Kennzahlen speak of the city unless they name another Bezirk.
const defaultArea = "stadt"

// censusBreakYear starts a new series for population-based formulas:
// from 2011 on the official population rests on the Zensus 2011, which
// lowered or raised the figures by several per cent at a stroke
// (Bergisch Gladbach 2010: 105.723, 2011: 109.026).
const censusBreakYear = 2011

// inputRef finds the inputs of a formula, "G1.auslaender", before it is
// evaluated, so that a missing input can be named rather than guessed
// from an expression error.
var inputRef = regexp.MustCompile(`\b([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)\b`)

// Compute evaluates one Kennzahl on a snapshot: its series, its reference
// line, the assessment and the German sentence.
func Compute(snap *store.Snapshot, k store.KeyFigure) Result {
	needed := map[string]bool{}
	for _, b := range k.BaseFigures {
		needed[b.Code] = true
	}
	if snap != nil && snap.Catalog != nil {
		for _, b := range snap.Catalog.BaseFigures {
			needed[b.Code] = true
		}
	}
	// Only the values this Kennzahl can read are indexed, so that a form
	// recomputing one Kennzahl stays cheap on a large file.
	return newComputation(snap, func(code string) bool { return needed[code] }).compute(k)
}

// ComputeAll evaluates every Kennzahl of the catalogue, in catalogue order.
func ComputeAll(snap *store.Snapshot) []Result {
	c := newComputation(snap, func(string) bool { return true })
	var out []Result
	for _, k := range c.cat.KeyFigures() {
		out = append(out, c.compute(k))
	}
	return out
}

// computation holds what all Kennzahlen of one snapshot share.
type computation struct {
	cat        *store.Catalog
	reportYear int
	baseYear   int
	ix         valueIndex
	shared     map[string]store.BaseFigure // alias → shared Grundzahl
	formulas   map[string]*formula         // compiled once: see compile
	machine    vm.VM
	snap       *store.Snapshot // for the stored series breaks; nil in Compute without a file
}

func newComputation(snap *store.Snapshot, keep func(code string) bool) *computation {
	c := &computation{cat: &store.Catalog{}, baseYear: store.DefaultBaseYear, snap: snap}
	var values []store.Value
	if snap != nil {
		if snap.Catalog != nil {
			c.cat = snap.Catalog
		}
		values, c.reportYear = snap.Values, snap.ReportYear
	}
	c.shared = map[string]store.BaseFigure{}
	for _, b := range c.cat.BaseFigures {
		c.shared[b.Alias] = b
	}
	c.ix = newValueIndex(values, keep)
	return c
}

func (c *computation) compute(k store.KeyFigure) Result {
	area := cmp.Or(k.Area, defaultArea)
	series, ref := c.compileAll(k)
	periods := c.periods(k, area, append(slices.Clone(series), ref))

	r := Result{KeyFigure: k}
	for i, f := range series {
		r.Series = append(r.Series, SeriesResult{Label: k.Series[i].Label, Points: c.evaluate(f, area, periods, &r.Demo)})
	}
	if ref != nil {
		r.Reference = &SeriesResult{Label: k.Reference.Label, Points: c.evaluate(ref, area, periods, &r.Demo)}
	}

	tr := c.trendOf(k, &r, series, ref)
	r.Assessment = assess(tr)
	r.MissingCurrent = c.reportYear > 0 && !hasYear(tr.series, c.reportYear)
	r.Sentence = sentence(r, c.reportYear)
	return r
}

// reassess judges r again after some of its points were changed (the
// published view hides points resting on a suppressed count), by the same
// rules, windows and breaks as compute.
func (c *computation) reassess(r *Result) {
	k := r.KeyFigure
	series, ref := c.compileAll(k)
	r.Assessment = assess(c.trendOf(k, r, series, ref))
	r.Sentence = sentence(*r, c.reportYear)
}

// compileAll compiles the Series formulas of k and its reference (nil
// when k has none) against k's own and the shared Grundzahlen.
func (c *computation) compileAll(k store.KeyFigure) ([]*formula, *formula) {
	local := map[string]store.BaseFigure{}
	for _, b := range k.BaseFigures {
		local[b.Alias] = b
	}
	series := make([]*formula, len(k.Series))
	for i, s := range k.Series {
		series[i] = c.compile(s.Formula, local)
	}
	var ref *formula
	if k.Reference != nil {
		ref = c.compile(k.Reference.Formula, local)
	}
	return series, ref
}

// formula is a compiled Series formula and the inputs it reads.
type formula struct {
	text       string
	inputs     []formulaInput
	program    *vm.Program
	env        map[string]any // alias → map[group]float64, refilled per point
	hasDiv     bool
	usesShared bool
	shape      *shareShape // nil unless the formula is a share or two combined
	problem    string      // German; set when the formula cannot be evaluated at all
}

// formulaInput is one "Alias.group" of a formula.
type formulaInput struct {
	bf     store.BaseFigure
	group  string
	shared bool
}

func (c *computation) compileNew(text string, local map[string]store.BaseFigure) *formula {
	f := &formula{text: text, env: map[string]any{}, hasDiv: strings.Contains(text, "/")}
	seen := map[string]bool{}
	for _, m := range inputRef.FindAllStringSubmatch(text, -1) {
		alias, group := m[1], m[2]
		// A Kennzahl's own alias shadows a shared one of the same name.
		bf, ok := local[alias]
		shared := false
		if !ok {
			if bf, ok = c.shared[alias]; !ok {
				f.problem = fmt.Sprintf("Die Formel „%s“ nennt die unbekannte Grundzahl „%s“.", text, alias)
				return f
			}
			shared = true
		}
		f.usesShared = f.usesShared || shared
		vals, _ := f.env[alias].(map[string]float64)
		if vals == nil {
			vals = map[string]float64{}
			f.env[alias] = vals
		}
		vals[group] = 0
		if !seen[alias+"."+group] {
			seen[alias+"."+group] = true
			f.inputs = append(f.inputs, formulaInput{bf: bf, group: group, shared: shared})
		}
	}
	// Builtins are off: a catalogue arrives inside a file that may come by
	// e-mail, and formulas need nothing but arithmetic.
	prog, err := expr.Compile(text, expr.Env(f.env), expr.AsFloat64(), expr.DisableAllBuiltins())
	if err != nil {
		f.problem = fmt.Sprintf("Die Formel „%s“ ist fehlerhaft.", text)
		return f
	}
	f.program = prog
	f.shape = shapeOf(text)
	return f
}

// periods are those in which a value exists at the area for a Grundzahl
// the formulas read. The axis keeps one kind of period, that of the first
// such Grundzahl; inputs of other kinds are matched by year (see lookup).
func (c *computation) periods(k store.KeyFigure, area string, fs []*formula) []store.Period {
	var own, shared []store.BaseFigure
	used := map[string]bool{}
	for _, f := range fs {
		if f == nil {
			continue
		}
		for _, in := range f.inputs {
			if used[in.bf.Code] {
				continue
			}
			used[in.bf.Code] = true
			if in.shared {
				shared = append(shared, in.bf)
			} else {
				own = append(own, in.bf)
			}
		}
	}
	axis := own
	switch {
	case len(own) == 0 && len(shared) > 0:
		axis = shared
	case len(own) == 0:
		axis = k.BaseFigures
	}
	if len(axis) == 0 {
		return nil
	}
	kind := axis[0].PeriodKind
	set := map[store.Period]bool{}
	for _, b := range axis {
		for _, p := range c.ix.periods[cellKey{bf: b.Code, area: area}] {
			if p.Kind() == kind {
				set[p] = true
			}
		}
	}
	out := make([]store.Period, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	slices.SortFunc(out, store.Period.Compare)
	return out
}

// evaluate computes f for every period; demo is set if any input was
// Beispieldaten.
func (c *computation) evaluate(f *formula, area string, periods []store.Period, demo *bool) []Point {
	pts := make([]Point, len(periods))
	for i, p := range periods {
		pts[i] = c.point(f, area, p)
		*demo = *demo || pts[i].Demo
	}
	return pts
}

// point computes one value. Every input is checked first so that the
// reason names all that is missing, not just the first.
func (c *computation) point(f *formula, area string, p store.Period) Point {
	pt := Point{Period: p}
	if f.problem != "" {
		pt.Reason = f.problem
		return pt
	}
	var reasons []string
	for _, in := range f.inputs {
		v, ok := c.ix.lookup(in, area, p)
		if !ok {
			reasons = append(reasons, fmt.Sprintf("Wert fehlt: %s, %s, %s",
				in.bf.Name, c.cat.GroupName(in.group), soughtLabel(in, p)))
			continue
		}
		pt.Provisional = pt.Provisional || v.Provisional || v.Estimated
		pt.Demo = pt.Demo || v.Demo
		num, reason := inputNumber(v)
		if reason != "" {
			reasons = append(reasons, fmt.Sprintf("%s bei %s, %s, %s",
				reason, in.bf.Name, c.cat.GroupName(in.group), v.Period.Label()))
			continue
		}
		f.env[in.bf.Alias].(map[string]float64)[in.group] = num
	}
	if len(reasons) > 0 {
		pt.Reason = strings.Join(reasons, "; ")
		return pt
	}
	out, err := c.machine.Run(f.program, f.env)
	x, isNum := out.(float64)
	switch {
	case err != nil || !isNum:
		pt.Reason = fmt.Sprintf("Die Formel „%s“ lässt sich nicht auswerten.", f.text)
	case (math.IsNaN(x) || math.IsInf(x, 0)) && f.hasDiv:
		pt.Reason = "Division durch null"
	case math.IsNaN(x) || math.IsInf(x, 0):
		pt.Reason = "Das Ergebnis ist keine endliche Zahl."
	default:
		pt.Value, pt.OK = x, true
		if f.shape != nil {
			f.shape.fill(&pt, f.env)
		}
	}
	return pt
}

// inputNumber is the value an input contributes, or the German reason why it
// cannot. "-" means "genau null" in DIN 55301 and so counts as 0; a
// confidential number must not leak into a published share.
func inputNumber(v store.Value) (float64, string) {
	switch {
	case v.Confidential:
		return 0, symbolReason(store.SymUnknown)
	case v.Symbol == store.SymNothing:
		return 0, ""
	case v.Symbol != store.NoSymbol:
		return 0, symbolReason(v.Symbol)
	case math.IsNaN(v.Number) || math.IsInf(v.Number, 0):
		return 0, "Ungültiger Wert"
	}
	return v.Number, ""
}

func symbolReason(s store.Symbol) string {
	if m := s.Meaning(); m != "" {
		return fmt.Sprintf("Zeichen „%s“ (%s)", s, m)
	}
	return fmt.Sprintf("Unbekanntes Zeichen „%s“", s)
}

// soughtLabel names the period a missing input was looked for in.
func soughtLabel(in formulaInput, p store.Period) string {
	if !yearMatched(in, p) {
		return p.Label()
	}
	if in.bf.PeriodKind == store.DatePeriod {
		return fmt.Sprintf("Stichtag im Jahr %d", p.Year())
	}
	return fmt.Sprintf("Jahr %d", p.Year())
}

// yearMatched reports whether an input is looked up by calendar year
// rather than by the exact period: when its kind differs from the
// point's, and for a shared Stichtag figure (population at 31.12.),
// whose date rarely coincides with the Stichtag of the Kennzahl.
func yearMatched(in formulaInput, p store.Period) bool {
	return in.bf.PeriodKind != p.Kind() || in.shared && in.bf.PeriodKind == store.DatePeriod
}

func hasYear(pts []Point, year int) bool {
	for _, p := range pts {
		if p.OK && p.Period.Year() == year {
			return true
		}
	}
	return false
}

// cellKey addresses the values of one Grundzahl, area and group; with an
// empty group it addresses all groups (used for the period lists).
type cellKey struct{ bf, area, group string }

type periodKey struct {
	cellKey
	period store.Period
}

type yearKey struct {
	cellKey
	year int
}

// valueIndex finds values by exact period or by calendar year.
type valueIndex struct {
	// The maps hold positions in values rather than the values: a
	// store.Value is large, and moving it into two maps per value cost
	// more than hashing the keys. values is the caller's slice, which an
	// Evaluation keeps unchanged anyway (Evaluation.Values).
	values  []store.Value
	exact   map[periodKey]int32
	byYear  map[yearKey]int32 // the latest period within the year
	periods map[cellKey][]store.Period
}

func newValueIndex(values []store.Value, keep func(code string) bool) valueIndex {
	ix := valueIndex{
		values:  values,
		exact:   make(map[periodKey]int32, len(values)),
		byYear:  make(map[yearKey]int32, len(values)),
		periods: map[cellKey][]store.Period{},
	}
	for n, v := range values {
		year := v.Period.Year() // 0 for an invalid period
		if year == 0 || !keep(v.BaseFigure) {
			continue
		}
		cell := cellKey{bf: v.BaseFigure, area: v.Area, group: v.Group}
		pk := periodKey{cell, v.Period}
		oi, dup := ix.exact[pk]
		// Of two values for one cell the later entry wins, as in the file.
		if dup && ix.values[oi].ID > v.ID {
			continue
		}
		i := int32(n)
		ix.exact[pk] = i
		if !dup {
			all := cellKey{bf: v.BaseFigure, area: v.Area}
			ix.periods[all] = append(ix.periods[all], v.Period)
		}
		yk := yearKey{cell, year}
		if oi, ok := ix.byYear[yk]; !ok || ix.values[oi].Period.Compare(v.Period) <= 0 {
			ix.byYear[yk] = i
		}
	}
	return ix
}

// at is the stored value of a cell in a period.
func (ix valueIndex) at(pk periodKey) (store.Value, bool) {
	i, ok := ix.exact[pk]
	if !ok {
		return store.Value{}, false
	}
	return ix.values[i], true
}

func (ix valueIndex) lookup(in formulaInput, area string, p store.Period) (store.Value, bool) {
	cell := cellKey{bf: in.bf.Code, area: area, group: in.group}
	if in.bf.PeriodKind == p.Kind() {
		if v, ok := ix.at(periodKey{cell, p}); ok || !yearMatched(in, p) {
			return v, ok
		}
	}
	i, ok := ix.byYear[yearKey{cell, p.Year()}]
	if !ok {
		return store.Value{}, false
	}
	return ix.values[i], true
}
