package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"bergischgladbach.de/integrationsmonitor/store"
)

// Plausibility checks follow DHIS2's validation rules and min–max checks:
// they question a value, they never refuse it. A finding is a warning for
// the person who entered or imported the value; an integrity error of the
// file is something else (store.Check).

// Rule names one plausibility rule.
type Rule string

// The plausibility rules.
const (
	// RulePartWhole: a group (Ausländer/innen, mit Migrationshintergrund …)
	// never exceeds the Insgesamt of the same Grundzahl, period and area.
	RulePartWhole Rule = "teil_groesser_ganzes"
	// RuleShare: the numerator Grundzahl of a share (a Kennzahl formula
	// "Gx.g / Gy.h * 100") never exceeds its denominator.
	RuleShare Rule = "zaehler_groesser_nenner"
	// RuleWholeNumber: a count (unit Anzahl) is a whole number.
	RuleWholeNumber Rule = "anzahl_nicht_ganz"
	// RuleNegative: a count or share is not negative.
	RuleNegative Rule = "negativ"
	// RulePercent: a share (unit %) is at most 100 %.
	RulePercent Rule = "anteil_ueber_100"
	// RuleChange: a value more than ChangeFactor times, or less than a
	// ChangeFactor-th of, the value of the previous like period.
	RuleChange Rule = "sprung"
)

// MinChangeCount is the count below which RuleChange stays silent: a
// school with 2 pupils in one year and 7 in the next is no typing error,
// and small counts move by large factors by nature.
const MinChangeCount = 20

// Finding is one questioned value: where it is and the rule it breaks,
// as a German sentence with the numbers in German format.
type Finding struct {
	Rule Rule
	// KeyFigure names the Kennzahl(en) or Wirkungsindikator the value
	// belongs to, "A-K1" or "A-K2, C-K3" for a shared Grundzahl.
	KeyFigure      string
	BaseFigure     string // code of the Grundzahl, e.g. "A-K1-G1"
	BaseFigureName string
	Period         store.Period
	Area, Group    string // codes
	AreaName       string
	GroupName      string
	// Text is the rule as a German sentence, e.g. "Ausländer/innen
	// (5.612) größer als Insgesamt (5.500)".
	Text string

	involved []cell // the values the rule compared
}

// PeriodLabel is the Erhebungszeit in German, "1. Halbjahr 2024".
func (f Finding) PeriodLabel() string { return f.Period.Label() }

// Line is the finding in one line, as `pruefen` and the import summary
// print it.
func (f Finding) Line() string {
	return fmt.Sprintf("%s · %s (%s) · %s · %s · %s: %s",
		f.KeyFigure, f.BaseFigureName, f.BaseFigure, f.PeriodLabel(), f.AreaName, f.GroupName, f.Text)
}

// cell addresses one stored value.
type cell struct {
	bf, area, group string
	period          store.Period
}

func cellOf(v store.Value) cell {
	return cell{bf: v.BaseFigure, area: v.Area, group: v.Group, period: v.Period}
}

// sharePair is a numerator and denominator of a share formula.
type sharePair struct {
	keyFigure                string
	num, numGroup, den, denG string
}

// plausibility holds a file's values indexed for the rules.
type plausibility struct {
	cat    *store.Catalog
	factor float64
	bfs    map[string]store.BaseFigure
	order  map[string]int      // catalogue position of each Grundzahl
	owners map[string][]string // Grundzahl → Kennzahlen using it
	pairs  map[string][]sharePair
	wholes map[string]bool // group codes of dimension "gesamt"
	// wholeList holds the codes of wholes in catalogue order.
	wholeList []string
	// values is the position in vals of each cell's value: a
	// store.Value is large, and the index is built on every evaluation.
	values  map[cell]int32
	vals    []store.Value
	history map[series][]histEntry // sorted by position
}

// CheckPlausibility questions every value of snap by the plausibility
// rules; factor is the change factor of RuleChange (zero or less means
// store.DefaultChangeFactor). Symbols are not numbers and never findings.
// The findings are in catalogue order, then by period, area and group.
func CheckPlausibility(snap *store.Snapshot, factor float64) []Finding {
	if snap == nil || snap.Catalog == nil {
		return nil
	}
	p := newPlausibility(snap.Catalog, snap.Values, factor)
	var out []Finding
	// Series by series, so that each value's previous like period is
	// the entry before it.
	for _, es := range p.history {
		for i, h := range es {
			var prev *store.Value
			if i > 0 {
				prev = &p.vals[es[i-1].at]
			}
			out = append(out, p.check(p.vals[h.at], prev)...)
		}
	}
	p.sort(out)
	return out
}

// CheckCandidates questions the values cands as if they were saved into
// snap (replacing the stored values of the same cells): it returns the
// findings in which a candidate takes part, also as the whole of a part,
// the denominator of a share or the previous value of a later one. It is
// what the form asks before saving and the import summary lists.
func CheckCandidates(snap *store.Snapshot, cands []store.Value, factor float64) []Finding {
	if snap == nil || snap.Catalog == nil || len(cands) == 0 {
		return nil
	}
	values := make([]store.Value, 0, len(snap.Values)+len(cands))
	replaced := map[cell]bool{}
	for _, c := range cands {
		replaced[cellOf(c)] = true
	}
	for _, v := range snap.Values {
		if !replaced[cellOf(v)] {
			values = append(values, v)
		}
	}
	for _, c := range cands {
		c.ID = math.MaxInt64 // newer than anything stored
		values = append(values, c)
	}
	var out []Finding
	for _, f := range CheckPlausibility(&store.Snapshot{Catalog: snap.Catalog, Values: values}, factor) {
		if slices.ContainsFunc(f.involved, func(c cell) bool { return replaced[c] }) {
			out = append(out, f)
		}
	}
	return out
}

// findingsUpTo keeps the findings of periods up to year (all for 0): a
// report of 2023 does not question a value of 2025.
func findingsUpTo(fs []Finding, year int) []Finding {
	if year == 0 {
		return fs
	}
	return slices.DeleteFunc(fs, func(f Finding) bool { return f.Period.Year() > year })
}

func newPlausibility(cat *store.Catalog, values []store.Value, factor float64) *plausibility {
	if factor <= 1 {
		factor = store.DefaultChangeFactor
	}
	p := &plausibility{
		cat: cat, factor: factor,
		bfs: map[string]store.BaseFigure{}, order: map[string]int{},
		owners: map[string][]string{}, pairs: map[string][]sharePair{},
		wholes: map[string]bool{},
		values: make(map[cell]int32, len(values)), vals: make([]store.Value, 0, len(values)),
		history: map[series][]histEntry{},
	}
	for i, b := range cat.AllBaseFigures() {
		p.bfs[b.Code] = b
		p.order[b.Code] = i
	}
	for _, g := range cat.Groups {
		if g.Dimension == "gesamt" {
			if !p.wholes[g.Code] {
				p.wholeList = append(p.wholeList, g.Code)
			}
			p.wholes[g.Code] = true
		}
	}
	p.readFormulas()
	for _, v := range values {
		if !v.HasNumber() || v.Period.Year() == 0 {
			continue
		}
		c := cellOf(v)
		if at, dup := p.values[c]; dup {
			// Of two values for one cell the later entry wins, as in the file.
			if p.vals[at].ID <= v.ID {
				p.vals[at] = v
			}
			continue
		}
		at := int32(len(p.vals))
		p.vals = append(p.vals, v)
		p.values[c] = at
		s := seriesOf(v)
		p.history[s] = append(p.history[s], histEntry{pos: v.Period.Pos(), period: v.Period, at: at})
	}
	for _, es := range p.history {
		slices.SortFunc(es, func(a, b histEntry) int {
			return cmp.Or(cmp.Compare(a.pos, b.pos), strings.Compare(string(a.period), string(b.period)))
		})
	}
	return p
}

// value is the value stored for c.
func (p *plausibility) value(c cell) (store.Value, bool) {
	at, ok := p.values[c]
	if !ok {
		return store.Value{}, false
	}
	return p.vals[at], true
}

// check applies every rule in which v is the subject: the part, the
// numerator, the later value. So each comparison is made once. prev is
// the value of the previous like period of v's series, nil when none.
func (p *plausibility) check(v store.Value, prev *store.Value) []Finding {
	bf, ok := p.bfs[v.BaseFigure]
	if !ok {
		return nil
	}
	var out []Finding
	add := func(rule Rule, keyFigure, text string, others ...cell) {
		if keyFigure == "" {
			keyFigure = strings.Join(p.owners[bf.Code], ", ")
		}
		out = append(out, Finding{
			Rule: rule, KeyFigure: keyFigure, BaseFigure: bf.Code, BaseFigureName: bf.Name,
			Period: v.Period, Area: v.Area, Group: v.Group,
			AreaName: p.cat.AreaName(v.Area), GroupName: p.cat.GroupName(v.Group),
			Text: text, involved: append([]cell{cellOf(v)}, others...),
		})
	}
	n := v.Number
	if math.IsNaN(n) || math.IsInf(n, 0) {
		return nil // Value.Validate refuses these; nothing to compare
	}
	switch bf.Unit {
	case "Anzahl":
		if n < 0 {
			add(RuleNegative, "", fmt.Sprintf("Eine Anzahl kann nicht negativ sein (%s).", FormatAuto(n)))
		} else if n != math.Trunc(n) {
			add(RuleWholeNumber, "", fmt.Sprintf("Eine Anzahl ist eine ganze Zahl, nicht %s.", FormatAuto(n)))
		}
	case "%":
		if n < 0 {
			add(RuleNegative, "", fmt.Sprintf("Ein Anteil kann nicht negativ sein (%s%s%%).", FormatAuto(n), nbsp))
		} else if n > 100 {
			add(RulePercent, "", fmt.Sprintf("Ein Anteil ist höchstens 100%s%% (%s%s%%).", nbsp, FormatAuto(n), nbsp))
		}
	}
	if !p.wholes[v.Group] {
		for _, w := range p.wholeList {
			wc := cell{bf: v.BaseFigure, area: v.Area, group: w, period: v.Period}
			if whole, ok := p.value(wc); ok && n > whole.Number {
				add(RulePartWhole, "", fmt.Sprintf("%s (%s) größer als %s (%s)",
					p.cat.GroupName(v.Group), FormatAuto(n), p.cat.GroupName(w), FormatAuto(whole.Number)), wc)
			}
		}
	}
	for _, sp := range p.pairs[bf.Code] {
		if sp.numGroup != v.Group {
			continue
		}
		dc := cell{bf: sp.den, area: v.Area, group: sp.denG, period: v.Period}
		den, ok := p.value(dc)
		if !ok || n <= den.Number {
			continue
		}
		add(RuleShare, sp.keyFigure, fmt.Sprintf("%s (%s) größer als %s (%s), aus denen %s den Anteil berechnet",
			p.describe(bf.Code, v.Group), FormatAuto(n), p.describe(sp.den, sp.denG), FormatAuto(den.Number), sp.keyFigure), dc)
	}
	if prev != nil {
		if f, text := p.jump(bf.Unit, prev.Number, n); f {
			add(RuleChange, "", fmt.Sprintf("%s ist %s des Werts %s (%s).",
				FormatAuto(n), text, periodPhrase(prev.Period), FormatAuto(prev.Number)), cellOf(*prev))
		}
	}
	return out
}

// describe names a Grundzahl with its group, "Arbeitslose, Ausländer/innen".
func (p *plausibility) describe(bf, group string) string {
	return p.bfs[bf].Name + ", " + p.cat.GroupName(group)
}

// series addresses the like periods of one Grundzahl, area and group.
type series struct {
	bf, area, group string
	kind            store.PeriodKind
	season          string
}

func seriesOf(v store.Value) series {
	s := series{bf: v.BaseFigure, area: v.Area, group: v.Group, kind: v.Period.Kind()}
	if s.kind == store.HalfYearPeriod {
		s.season = string(v.Period)[5:]
	}
	return s
}

// histEntry is a period of a series with its position, computed once.
type histEntry struct {
	pos    float64
	period store.Period
	at     int32 // position of the value in plausibility.vals
}

// jump reports whether cur is more than factor times prev or less than
// prev/factor, and says which in words.
func (p *plausibility) jump(unit string, prev, cur float64) (bool, string) {
	if prev <= 0 || cur < 0 || unit == "Anzahl" && max(prev, cur) < MinChangeCount {
		return false, ""
	}
	many, part := factorWords(p.factor)
	switch {
	case cur > prev*p.factor:
		return true, "mehr als das " + many
	case cur < prev/p.factor:
		return true, "weniger als " + part
	}
	return false, ""
}

// factorWords are "Dreifache" and "ein Drittel" for 3.
func factorWords(f float64) (many, part string) {
	switch f {
	case 2:
		return "Doppelte", "die Hälfte"
	case 3:
		return "Dreifache", "ein Drittel"
	case 4:
		return "Vierfache", "ein Viertel"
	case 5:
		return "Fünffache", "ein Fünftel"
	case 10:
		return "Zehnfache", "ein Zehntel"
	}
	s := FormatAuto(f)
	return s + "-Fache", "1/" + s
}

// periodPhrase is "im 1. Halbjahr 2023", "im Jahr 2023", "am 31.12.2023".
func periodPhrase(p store.Period) string {
	switch p.Kind() {
	case store.YearPeriod:
		return "im Jahr " + p.Label()
	case store.DatePeriod:
		return "am " + p.Label()
	}
	return "im " + p.Label()
}

func (p *plausibility) sort(fs []Finding) {
	slices.SortFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(p.order[a.BaseFigure], p.order[b.BaseFigure]),
			a.Period.Compare(b.Period),
			cmp.Compare(a.Area, b.Area),
			cmp.Compare(a.Group, b.Group),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Text, b.Text),
		)
	})
}
