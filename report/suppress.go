package report

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"bergischgladbach.de/integrationsmonitor/report/disclosure"
	"bergischgladbach.de/integrationsmonitor/store"
)

// Partition is an additive structure of the published tables: the value
// of Total is the sum of the values of Parts.
type Partition struct {
	Total string
	Parts []string
}

// GroupPartitions are the groups of one Grundzahl, area and period that
// add up. Disclosure control applies a partition wherever all its groups
// are stored; a new breakdown (e.g. Abschlussarten as groups) adds its
// partition here.
var GroupPartitions = []Partition{
	{"insgesamt", []string{"deutsche", "auslaender"}},
	{"insgesamt", []string{"mit_mh", "ohne_mh"}},
	{"insgesamt", []string{"weiblich", "maennlich"}},
	// The combined breakdown groups (docs/schema.md): each sex within a
	// nationality, each nationality within a sex and an age group.
	{"deutsche", []string{"deutsche_weiblich", "deutsche_maennlich"}},
	{"auslaender", []string{"auslaender_weiblich", "auslaender_maennlich"}},
	{"weiblich", []string{"deutsche_weiblich", "auslaender_weiblich"}},
	{"maennlich", []string{"deutsche_maennlich", "auslaender_maennlich"}},
	{"alter_u25", []string{"deutsche_alter_u25", "auslaender_alter_u25"}},
	{"alter_55u65", []string{"deutsche_alter_55u65", "auslaender_alter_55u65"}},
}

// BaseFigurePartition declares that the Grundzahlen Parts add up to the
// Grundzahl Total for the same Bezirk, Gruppe and Erhebungszeit.
type BaseFigurePartition struct {
	Total string
	Parts []string
}

// BaseFigurePartitions are the sums across Grundzahlen disclosure control
// applies: A-K4's Abschlussarten make up all school leavers, so a hidden
// count of one Abschlussart must not follow from the others.
var BaseFigurePartitions = []BaseFigurePartition{
	{Total: "A-K4-G2", Parts: []string{"A-K4-G1", "A-K4-G3", "A-K4-G4", "A-K4-G5"}},
}

// SuppressedReason is the reason of a computed point the report does not
// print because it rests on a hidden count.
const SuppressedReason = "geheim zu halten: beruht auf einer gesperrten Zahl"

// keyKind tells the cells of the disclosure problem apart.
type keyKind uint8

const (
	keyValue keyKind = iota // a stored value: code = Grundzahl
	keyPoint                // a computed point: code = Kennzahl, group = series index
	keyShare                // a participation share: code = Grundzahl
	keyRef                  // its reference share
	keyIndex                // its index
)

type discKey struct {
	kind   keyKind
	code   string
	area   string
	group  string
	period store.Period
}

func valueKey(v store.Value) discKey {
	return discKey{kind: keyValue, code: v.BaseFigure, area: v.Area, group: v.Group, period: v.Period}
}

// suppress decides, once for the whole file, which stored values and
// computed numbers the report may print: primary suppression of small
// counts and confidential values, secondary suppression in the additive
// structures, and every share, rate, index or change resting on a hidden
// number (package disclosure). One problem for the whole file rather than
// one per sheet: a value printed on several sheets (the population) gets
// one decision, so that no sheet prints what another hides.
func (e *Evaluation) suppress(values []store.Value) {
	if e.Catalog == nil {
		return // nothing is presented without a catalogue
	}
	p := disclosure.New[discKey](e.SmallCount)
	// Stored values, points and participation cells: sized once rather
	// than grown through every power of two.
	p.Grow(2 * len(values))
	bfs := map[string]store.BaseFigure{}
	isCount := map[string]bool{}
	for _, b := range e.Catalog.AllBaseFigures() {
		bfs[b.Code] = b
		isCount[b.Code] = b.Unit == "Anzahl"
	}
	for _, v := range values {
		k := valueKey(v)
		switch {
		case v.Symbol == store.SymNothing:
			p.Count(k, 0, v.Confidential)
		case v.Symbol == store.SymUnknown:
			// The source kept it secret: the sums must not give it back.
			p.Unknown(k)
		case v.Symbol != store.NoSymbol:
			p.Missing(k)
		case isCount[v.BaseFigure]:
			p.Count(k, v.Number, v.Confidential)
		default:
			p.Value(k, v.Number, v.Confidential)
		}
	}
	sc := newStoredCounts(values, isCount)
	addRelations(p, sc)
	addBaseFigureRelations(p, sc)
	e.addAreaRelations(p, sc, bfs)
	for i := range e.KeyFigures {
		e.addPoints(p, &e.KeyFigures[i])
	}
	for _, tables := range e.Participation {
		for _, t := range tables {
			for _, r := range t.rows {
				e.addParticipation(p, bfs, t.BaseFigure, r)
			}
		}
	}
	e.disc = p.Solve()
	e.publishKeyFigures()
	e.publishParticipation()
}

// addRelations declares GroupPartitions for counts, where the total and
// every part are stored.
func addRelations(p *disclosure.Problem[discKey], sc storedCounts) {
	var parts []discKey
	for _, c := range sc.cells {
		for _, part := range GroupPartitions {
			if part.Total != c.group {
				continue
			}
			parts = parts[:0]
			for _, g := range part.Parts {
				pc := countCell{c.bf, c.area, g, c.period}
				if _, ok := sc.at[pc]; !ok {
					break
				}
				parts = append(parts, pc.key())
			}
			if len(parts) == len(part.Parts) {
				p.Sum(c.key(), parts...)
			}
		}
	}
}

// addBaseFigureRelations declares BaseFigurePartitions where the total and
// every part are stored and, when all are numbers, really add up, so that
// a file with another definition gets no false equation.
func addBaseFigureRelations(p *disclosure.Problem[discKey], sc storedCounts) {
	for _, c := range sc.cells {
		for _, bp := range BaseFigurePartitions {
			if c.bf != bp.Total {
				continue
			}
			total, _ := sc.value(c)
			sum, numbers, complete := 0.0, total.Symbol == "", true
			parts := make([]discKey, 0, len(bp.Parts))
			for _, code := range bp.Parts {
				v, ok := sc.value(countCell{code, c.area, c.group, c.period})
				if !ok {
					complete = false
					break
				}
				numbers = numbers && v.Symbol == ""
				sum += v.Number
				parts = append(parts, valueKey(v))
			}
			if !complete || numbers && math.Abs(sum-total.Number) > 0.5 {
				continue
			}
			p.Sum(valueKey(total), parts...)
		}
	}
}

// addPoints declares every computed point of a Kennzahl as derived from
// the values its formula read.
func (e *Evaluation) addPoints(p *disclosure.Problem[discKey], kr *KeyFigureResult) {
	k := kr.KeyFigure
	area := cmp.Or(k.Area, defaultArea)
	formulas := formulaTexts(k)
	lines := kr.lines()
	for i, f := range formulas {
		if i >= len(lines) {
			break
		}
		ins := e.formulaInputs(k, f)
		for _, pt := range lines[i].Points {
			var keys []discKey
			for _, in := range ins {
				if v, ok := e.ix.lookup(in, area, pt.Period); ok {
					keys = append(keys, valueKey(v))
				}
			}
			p.Derive(pointKey(k.Code, i, pt.Period), keys...)
		}
	}
	// A comparison region's points rest on the region's counts: 2 of 600
	// at the Kreis is as small as 2 of 60 in the city.
	if len(k.Series) == 0 {
		return
	}
	ins := e.formulaInputs(k, k.Series[0].Formula)
	for _, g := range kr.Regions {
		for _, pt := range g.Points {
			var keys []discKey
			for _, in := range ins {
				if v, ok := e.ix.lookup(in, g.Area.Code, pt.Period); ok {
					keys = append(keys, valueKey(v))
				}
			}
			p.Derive(regionKey(k.Code, g.Area.Code, pt.Period), keys...)
		}
	}
}

// lines are the series of a result and its reference, in the order of
// the formulas.
func (r Result) lines() []SeriesResult {
	out := slices.Clone(r.Series)
	if r.Reference != nil {
		out = append(out, *r.Reference)
	}
	return out
}

func pointKey(code string, line int, per store.Period) discKey {
	return discKey{kind: keyPoint, code: code, group: strconv.Itoa(line), period: per}
}

// regionKey is the point of a Kennzahl's headline series computed for a
// comparison region; the Kennzahl's own points have no area in their key.
func regionKey(code, area string, per store.Period) discKey {
	return discKey{kind: keyPoint, code: code, area: area, group: "0", period: per}
}

// formulaInputs are the Grundzahlen and groups a formula reads; a
// Kennzahl's own alias shadows a shared one, as in compile.
func (e *Evaluation) formulaInputs(k store.KeyFigure, formula string) []formulaInput {
	var out []formulaInput
	for _, m := range inputRef.FindAllStringSubmatch(formula, -1) {
		in := formulaInput{group: m[2]}
		found := false
		for _, b := range k.BaseFigures {
			if b.Alias == m[1] {
				in.bf, found = b, true
				break
			}
		}
		if !found {
			for _, b := range e.Catalog.BaseFigures {
				if b.Alias == m[1] {
					in.bf, in.shared, found = b, true, true
					break
				}
			}
		}
		if found {
			out = append(out, in)
		}
	}
	return out
}

// addParticipation declares a participation row's share, reference and
// index as derived from the counts they are computed from.
func (e *Evaluation) addParticipation(p *disclosure.Problem[discKey], bfs map[string]store.BaseFigure, bf store.BaseFigure, r ParticipationRow) {
	rule, known := participationRules[bf.Code]
	if !known {
		rule = participationRule{role: RoleCompared}
	}
	lookup := func(b store.BaseFigure, shared bool, area, group string) []discKey {
		if v, ok := e.ix.lookup(formulaInput{bf: b, group: group, shared: shared}, area, r.Period); ok {
			return []discKey{valueKey(v)}
		}
		return nil
	}
	share := discKey{kind: keyShare, code: bf.Code, area: r.Area, period: r.Period}
	own := lookup(bf, false, r.Area, groupMH)
	if rule.role == RoleReach {
		fam := bfs[rule.refCode]
		p.Derive(share, append(own, lookup(fam, false, r.Area, groupMH)...)...)
		return
	}
	p.Derive(share, append(own, lookup(bf, false, r.Area, groupTotal)...)...)
	if rule.role == RoleStructure {
		return
	}
	refBF, refArea, shared := populationCode, populationArea, true
	if rule.refCode != "" {
		refBF, refArea, shared = rule.refCode, r.Area, false
	}
	ref := discKey{kind: keyRef, code: bf.Code, area: r.Area, period: r.Period}
	if b, ok := bfs[refBF]; ok {
		p.Derive(ref, append(lookup(b, shared, refArea, groupMH), lookup(b, shared, refArea, groupTotal)...)...)
	}
	p.Derive(discKey{kind: keyIndex, code: bf.Code, area: r.Area, period: r.Period}, share, ref)
}
